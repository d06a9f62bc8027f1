#pragma once
// Right-to-left text for renderers that draw glyph by glyph from left to right (ImGui, libharu):
// FriBiDi joins Arabic letters into their presentation forms (initial, medial, final, isolated,
// lam-alef ligatures), mirrors brackets inside right-to-left runs, and reorders each line into
// the visual order, so drawing the result left to right reads correctly.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rk::text {

/// The direction a paragraph takes when it has no strong letter of its own ("10", "?").
enum class Direction { Ltr, Rtl };

/// One paragraph, shaped in logical order. `shaped` has the length of `logical` (a lam-alef
/// ligature leaves U+FEFF in place of the lam, drawn as nothing), so break positions found on
/// `logical` apply to it.
struct ShapedParagraph {
  std::u32string logical;
  std::u32string shaped;
  std::vector<std::int8_t> levels;       ///< bidi embedding level per code point (empty: all left to right)
  std::vector<std::uint32_t> types;      ///< FriBiDi character types (empty with `levels`)
  std::vector<std::uint8_t> joins_next;  ///< per code point: joined to the next one (empty with `levels`)
  bool rtl = false;                      ///< the paragraph's resolved direction
};

ShapedParagraph shape_paragraph(std::u32string_view logical, Direction fallback = Direction::Ltr);

/// Code points [begin, end) of a shaped paragraph in visual (left-to-right drawing) order, without
/// the invisible ones (bidi controls, U+FEFF fillers, zero-width spaces).
std::u32string visual_line(const ShapedParagraph& p, std::size_t begin, std::size_t end);

/// The logical characters a drawn code point stands for: an Arabic presentation form gives its
/// letter ("\uFEFC" gives lam and alef), anything else itself. For a PDF's ToUnicode map, so
/// that copied or extracted text is the text that was written.
std::u32string logical_of(char32_t drawn);

/// True for code points that take no room and draw nothing.
bool is_invisible(char32_t cp);

/// True when `text` holds a right-to-left letter (Hebrew, Arabic and their presentation forms).
bool has_rtl(std::u32string_view text);

}  // namespace rk::text
