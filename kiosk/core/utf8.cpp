#include "utf8.hpp"

#include <cstdint>

namespace rk {

Utf8Char utf8_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t lead = byte(i);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t code_point = 0;
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
    return {};  // continuation byte, overlong two-byte lead (C0, C1) or F5..FF
  }
  if (i + length > text.size()) return {};
  for (std::size_t k = 1; k < length; ++k) {
    const std::uint8_t next = byte(i + k);
    if (!is_utf8_continuation(static_cast<char>(next))) return {};
    code_point = (code_point << 6) | (next & 0x3Fu);
  }
  if (length == 3 && code_point < 0x800) return {};                               // overlong
  if (length == 4 && (code_point < 0x10000 || code_point > 0x10FFFF)) return {};  // overlong / too big
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return {};                    // surrogate
  return {code_point, length};
}

std::optional<std::size_t> utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_at(text, i).length;
    if (length == 0) return std::nullopt;
    i += length;
    ++count;
  }
  return count;
}

std::string utf8_prefix(std::string_view text, std::size_t max_code_points) {
  std::size_t i = 0;
  for (std::size_t count = 0; i < text.size() && count < max_code_points; ++count) {
    const std::size_t length = utf8_at(text, i).length;
    if (length == 0) break;
    i += length;
  }
  return std::string(text.substr(0, i));
}

namespace text {

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const Utf8Char c = utf8_at(s, i);
  if (c.length == 0) {
    ++i;
    return kReplacement;
  }
  i += c.length;
  return c.code_point;
}

std::u32string decode(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) out.push_back(next_code_point(utf8, i));
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t cp : cps) append(out, cp);
  return out;
}

}  // namespace text
}  // namespace rk
