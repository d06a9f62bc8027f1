#include "bidi.hpp"

#include <fribidi.h>

#include <algorithm>
#include <map>
#include <mutex>

namespace rk::text {
namespace {

constexpr FriBidiFlags kShapeFlags =
    FRIBIDI_FLAG_SHAPE_MIRRORING | FRIBIDI_FLAG_SHAPE_ARAB_PRES | FRIBIDI_FLAG_SHAPE_ARAB_LIGA;
// No REORDER_NSM: in a right-to-left run a combining mark (Arabic harakat) stays before its base
// in visual order. Arabic fonts (Noto Sans Arabic, DejaVu Sans) draw a zero-advance mark to the
// right of the pen, over a base that starts at the same pen, as a right-to-left renderer places
// them; after its base it landed over the next letter ("مُهتم" drawn as "ُمهتم"), and pdftotext
// read the mark before its letter. Left-to-right runs keep marks after their base either way.
constexpr FriBidiFlags kReorderFlags = 0;

bool is_rtl_code_point(char32_t cp) {
  return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE) ||
         cp == 0x200F || cp == 0x202B || cp == 0x202E || cp == 0x2067 || (cp >= 0x10800 && cp <= 0x10FFF) ||
         (cp >= 0x1E800 && cp <= 0x1EFFF);
}

// Presentation form -> letters, found by shaping every Arabic letter in each joining position
// (tatweel on either side makes it final, initial or medial) and each lam-alef pair: the exact
// inverse of what shape_paragraph produces.
std::map<char32_t, std::u32string> build_unshape_table() {
  std::map<char32_t, std::u32string> table;
  const auto learn = [&](const std::u32string& text, std::size_t at, const std::u32string& letters) {
    const ShapedParagraph p = shape_paragraph(text, Direction::Rtl);
    if (at < p.shaped.size() && p.shaped[at] != text[at]) table.emplace(p.shaped[at], letters);
  };
  constexpr char32_t kTatweel = 0x0640;
  for (char32_t c = 0x0621; c <= 0x06FF; ++c) {
    if (c == kTatweel) continue;
    const std::u32string one(1, c);
    learn(one, 0, one);
    learn(std::u32string{kTatweel, c}, 1, one);
    learn(std::u32string{c, kTatweel}, 0, one);
    learn(std::u32string{kTatweel, c, kTatweel}, 1, one);
  }
  for (char32_t alef : {U'\u0622', U'\u0623', U'\u0625', U'\u0627'}) {
    const std::u32string pair{U'\u0644', alef};
    learn(pair, 1, pair);  // the ligature takes the alef's place, U+FEFF the lam's
    learn(std::u32string{kTatweel, U'\u0644', alef}, 2, pair);
  }
  return table;
}

}  // namespace

std::u32string logical_of(char32_t drawn) {
  if (!((drawn >= 0xFB50 && drawn <= 0xFDFF) || (drawn >= 0xFE70 && drawn <= 0xFEFE))) return {drawn};
  static std::once_flag once;
  static std::map<char32_t, std::u32string> table;
  std::call_once(once, [] { table = build_unshape_table(); });
  const auto it = table.find(drawn);
  return it == table.end() ? std::u32string{drawn} : it->second;
}

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
  if (n > 0 &&
      fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &dir, levels.data()) == 0) {
    return p;  // out of memory inside FriBiDi: draw in logical order rather than nothing
  }
  fribidi_get_joining_types(str.data(), n, joining.data());
  fribidi_join_arabic(types.data(), n, levels.data(), joining.data());
  fribidi_shape(kShapeFlags, levels.data(), n, joining.data(), str.data());

  p.shaped.assign(str.begin(), str.end());
  p.levels.assign(levels.begin(), levels.end());
  p.types.assign(types.begin(), types.end());
  for (FriBidiArabicProp j : joining)
    p.joins_next.push_back(FRIBIDI_JOINS_LEFT(j) ? 1 : 0);  // logical left = next
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
  if (n > 0 &&
      fribidi_reorder_line(kReorderFlags, types.data(), n, 0, p.rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR,
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
