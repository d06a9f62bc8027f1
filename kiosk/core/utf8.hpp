#pragma once
// UTF-8, decoded one way for the whole kiosk: patient text is counted in code points ("ñ" is one),
// never bytes, and what is not valid UTF-8 (stray continuation bytes, truncated sequences,
// overlong forms, surrogates, values above U+10FFFF) is told apart the same way everywhere.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rk {

/// A byte that continues a multi-byte sequence (10xxxxxx).
constexpr bool is_utf8_continuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

/// One code point and the bytes it takes; `length` 0 when the bytes at that place are not valid.
struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 0;
};

/// The code point that starts at byte `i` of `text` (i < text.size()).
Utf8Char utf8_at(std::string_view text, std::size_t i);

/// Number of code points in `text`, or nullopt when it is not valid UTF-8.
std::optional<std::size_t> utf8_length(std::string_view text);

/// The first `max_code_points` code points of valid UTF-8 `text` (never cuts a character).
std::string utf8_prefix(std::string_view text, std::size_t max_code_points);

/// Conversions for drawing (the text room, kiosk/text, and the paper): never refuse, so invalid
/// bytes become U+FFFD, one per bad byte, and the page shows that something was there.
namespace text {

inline constexpr char32_t kReplacement = 0xFFFD;

/// Decodes the code point at byte `i` and moves `i` past it (one byte on malformed input).
char32_t next_code_point(std::string_view s, std::size_t& i);
std::u32string decode(std::string_view utf8);
/// Appends the UTF-8 bytes of a code point (at most U+10FFFF).
void append(std::string& out, char32_t cp);
std::string encode(std::u32string_view cps);

}  // namespace text
}  // namespace rk
