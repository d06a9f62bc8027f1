#pragma once
// UTF-8 <-> code points for the text room. Invalid bytes become U+FFFD, one per bad byte, so
// nothing is silently dropped and the caller can see that something was there.

#include <string>
#include <string_view>

namespace rk::text {

inline constexpr char32_t kReplacement = 0xFFFD;

std::u32string decode(std::string_view utf8);
void append(std::string& out, char32_t cp);
std::string encode(std::u32string_view cps);

/// Decodes the code point at byte `i` and moves `i` past it (one byte on malformed input).
char32_t next_code_point(std::string_view s, std::size_t& i);

}  // namespace rk::text
