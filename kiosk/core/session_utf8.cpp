#include "session_utf8.hpp"

#include <cstdint>

namespace rk {
namespace {

/// Length in bytes of the valid sequence starting at text[i], or 0 when it is invalid.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint32_t code_point = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code_point = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code_point = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code_point = lead & 0x07u;
  } else {
    return 0;  // continuation byte, overlong two-byte lead (C0, C1) or F5..FF
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const std::uint8_t next = byte(i + k);
    if ((next & 0xC0u) != 0x80u) return 0;
    code_point = (code_point << 6) | (next & 0x3Fu);
  }
  if (length == 3 && code_point < 0x800) return 0;                               // overlong
  if (length == 4 && (code_point < 0x10000 || code_point > 0x10FFFF)) return 0;  // overlong / too big
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;                    // surrogate
  return length;
}

}  // namespace

std::optional<std::size_t> utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = sequence_length(text, i);
    if (length == 0) return std::nullopt;
    i += length;
    ++count;
  }
  return count;
}

std::string utf8_prefix(std::string_view text, std::size_t max_code_points) {
  std::size_t i = 0;
  for (std::size_t count = 0; i < text.size() && count < max_code_points; ++count) {
    const std::size_t length = sequence_length(text, i);
    if (length == 0) break;
    i += length;
  }
  return std::string(text.substr(0, i));
}

}  // namespace rk
