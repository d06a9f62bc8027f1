#pragma once
// Lines ready to draw: UAX #14 break opportunities (line_break.hpp), Arabic joining and bidi
// reordering (bidi.hpp), measured with the caller's advances. Each line comes back in visual
// order, so ImGui and libharu draw it glyph by glyph from left to right.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "bidi.hpp"

namespace rk::text {

/// Width of one code point as drawn (already shaped) at the size the caller measures for.
using AdvanceFn = std::function<float(char32_t)>;

struct Line {
  std::string text;  ///< UTF-8 in visual order; draw it left to right
  /// The same line in logical order, starting with a direction mark (U+200F or U+200E) when its
  /// paragraph's direction would not follow from the line alone: single_line(logical) draws it
  /// as `text`.
  std::string logical;
  float width = 0;   ///< sum of the advances of `text`
  bool rtl = false;  ///< the paragraph reads right to left: align the line to the right
};

struct WrapOptions {
  Direction fallback = Direction::Ltr;  ///< for paragraphs with no strong letter
  std::string_view lang;                ///< BCP 47 code for language-tailored breaking, or empty
};

/// Breaks `utf8` into lines no wider than `max_width`: at UAX #14 opportunities (between CJK
/// characters, after spaces; never at a no-break space), inside a word only when the word alone
/// is wider than a line (never between a letter and its combining mark), and at every "\n".
/// Spaces at the end of a line take no room. An empty text gives no lines; a blank paragraph gives
/// one empty line (runs of blank lines collapse to one; none lead or trail).
std::vector<Line> wrap(std::string_view utf8, float max_width, const AdvanceFn& advance,
                       const WrapOptions& options = {});

/// Width of the widest piece of `utf8` with no break opportunity inside (a word; one character in
/// Chinese), shaped, its trailing spaces not counted: wrapped narrower than this, wrap() must split
/// a word between characters. (Wrapping at a tiny width does not tell: it splits words.)
float widest_unbreakable(std::string_view utf8, const AdvanceFn& advance, const WrapOptions& options = {});

/// One line, shaped and in visual order, never wrapped ("\n" is drawn as a space).
Line single_line(std::string_view utf8, const AdvanceFn& advance, const WrapOptions& options = {});

/// The code points a renderer will be asked to draw for `utf8` (after joining and mirroring), in
/// no particular order and with repeats: what a font atlas must hold.
std::u32string drawn_code_points(std::string_view utf8);

}  // namespace rk::text
