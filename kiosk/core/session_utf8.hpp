#pragma once
// UTF-8 helpers for patient text: lengths are counted in code points ("ñ" is one), never bytes.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rk {

/// Number of code points in `text`, or nullopt when it is not valid UTF-8 (stray continuation
/// bytes, truncated sequences, overlong forms, surrogates, values above U+10FFFF).
std::optional<std::size_t> utf8_length(std::string_view text);

/// The first `max_code_points` code points of valid UTF-8 `text` (never cuts a character).
std::string utf8_prefix(std::string_view text, std::size_t max_code_points);

}  // namespace rk
