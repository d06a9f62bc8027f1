#include "bidi.hpp"

#include <fribidi.h>

#include <algorithm>

namespace rk::text {
namespace {

constexpr FriBidiFlags kShapeFlags = FRIBIDI_FLAG_SHAPE_MIRRORING | FRIBIDI_FLAG_SHAPE_ARAB_PRES |
                                     FRIBIDI_FLAG_SHAPE_ARAB_LIGA;
// REORDER_NSM keeps a combining mark after its base in visual order, which is where a renderer
// that draws left to right (zero-advance marks drawn over the glyph before) needs it.
constexpr FriBidiFlags kReorderFlags = FRIBIDI_FLAG_REORDER_NSM;

bool is_rtl_code_point(char32_t cp) {
  return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE) ||
         cp == 0x200F || cp == 0x202B || cp == 0x202E || cp == 0x2067 || (cp >= 0x10800 && cp <= 0x10FFF) ||
         (cp >= 0x1E800 && cp <= 0x1EFFF);
}

}  // namespace

bool has_rtl(std::u32string_view text) {
  return std::any_of(text.begin(), text.end(), is_rtl_code_point);
}

bool is_invisible(char32_t cp) {
  return cp == 0xFEFF || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

ShapedParagraph shape_paragraph(std::u32string_view logical, Direction fallback) {
  ShapedParagraph p;
  p.logical.assign(logical);
  p.shaped = p.logical;
  if (fallback == Direction::Ltr && !has_rtl(logical)) return p;  // nothing to reorder or join

  const auto n = static_cast<FriBidiStrIndex>(logical.size());
  std::vector<FriBidiChar> str(logical.begin(), logical.end());
  std::vector<FriBidiCharType> types(logical.size());
  std::vector<FriBidiBracketType> brackets(logical.size());
  std::vector<FriBidiLevel> levels(logical.size());
  std::vector<FriBidiArabicProp> joining(logical.size());
  fribidi_get_bidi_types(str.data(), n, types.data());
  fribidi_get_bracket_types(str.data(), n, types.data(), brackets.data());
  FriBidiParType dir = fallback == Direction::Rtl ? FRIBIDI_PAR_WRTL : FRIBIDI_PAR_WLTR;
  if (n > 0 && fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &dir, levels.data()) == 0) {
    return p;  // out of memory inside FriBiDi: draw in logical order rather than nothing
  }
  fribidi_get_joining_types(str.data(), n, joining.data());
  fribidi_join_arabic(types.data(), n, levels.data(), joining.data());
  fribidi_shape(kShapeFlags, levels.data(), n, joining.data(), str.data());

  p.shaped.assign(str.begin(), str.end());
  p.levels.assign(levels.begin(), levels.end());
  p.types.assign(types.begin(), types.end());
  p.rtl = FRIBIDI_IS_RTL(dir);
  return p;
}

std::u32string visual_line(const ShapedParagraph& p, std::size_t begin, std::size_t end) {
  end = std::min(end, p.shaped.size());
  begin = std::min(begin, end);
  std::u32string out;
  out.reserve(end - begin);
  if (p.levels.empty()) {
    for (std::size_t i = begin; i < end; ++i) {
      if (!is_invisible(p.shaped[i])) out.push_back(p.shaped[i]);
    }
    return out;
  }
  const auto n = static_cast<FriBidiStrIndex>(end - begin);
  std::vector<FriBidiChar> str(p.shaped.begin() + static_cast<std::ptrdiff_t>(begin),
                               p.shaped.begin() + static_cast<std::ptrdiff_t>(end));
  std::vector<FriBidiCharType> types(p.types.begin() + static_cast<std::ptrdiff_t>(begin),
                                     p.types.begin() + static_cast<std::ptrdiff_t>(end));
  std::vector<FriBidiLevel> levels(p.levels.begin() + static_cast<std::ptrdiff_t>(begin),
                                   p.levels.begin() + static_cast<std::ptrdiff_t>(end));
  if (n > 0 && fribidi_reorder_line(kReorderFlags, types.data(), n, 0, p.rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR,
                                    levels.data(), str.data(), nullptr) == 0) {
    str.assign(p.shaped.begin() + static_cast<std::ptrdiff_t>(begin),
               p.shaped.begin() + static_cast<std::ptrdiff_t>(end));  // FriBiDi out of memory: logical order
  }
  for (FriBidiChar c : str) {
    if (!is_invisible(c)) out.push_back(c);
  }
  return out;
}

}  // namespace rk::text
