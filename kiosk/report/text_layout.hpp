#pragma once
// Our own line breaking for the PDF (libharu's TextRect breaks only at ASCII spaces and drops
// what does not fit). Pure functions over UTF-8, so they are tested without libharu.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rk::report {

/// Valid UTF-8 ready to draw: invalid bytes become U+FFFD, "\r\n" and "\r" become "\n", tabs and
/// other control characters become spaces. Nothing printable is dropped.
std::string sanitize_utf8(std::string_view text);

/// libharu 2.3's UTF-8 encoder drops characters beyond the Basic Multilingual Plane (emoji)
/// without a trace; this replaces each with U+FFFD, so the page shows that something was there.
std::string replace_beyond_bmp(std::string_view valid_utf8);

/// The code points of valid UTF-8 (run sanitize_utf8 first).
std::vector<char32_t> decode_utf8(std::string_view text);

/// Width of one code point in points at the size the caller measures for.
using AdvanceFn = std::function<float(char32_t)>;

/// Breaks `text` into lines no wider than `max_width`: at spaces where possible, inside a word
/// (at code-point boundaries) when the word alone is wider than a line, and at every "\n".
/// Runs of spaces collapse to one; every other character is kept, in order. An empty text gives
/// no lines; a blank paragraph gives one empty line (runs of blank lines collapse to one).
std::vector<std::string> wrap_text(std::string_view text, float max_width, const AdvanceFn& advance);

/// Sum of the advances of `text`'s code points.
float text_width(std::string_view text, const AdvanceFn& advance);

}  // namespace rk::report
