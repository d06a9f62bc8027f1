#include "line_break.hpp"

#include <fribidi.h>
#include <linebreak.h>

#include <mutex>

namespace rk::text {

std::vector<Break> line_breaks(std::u32string_view text, std::string_view lang) {
  static std::once_flag once;
  std::call_once(once, init_linebreak);
  std::vector<char> raw(text.size());
  std::vector<utf32_t> units(text.begin(), text.end());
  const std::string lang_z(lang);
  if (!units.empty())
    set_linebreaks_utf32(units.data(), units.size(), lang_z.empty() ? nullptr : lang_z.c_str(), raw.data());
  std::vector<Break> out(text.size(), Break::No);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == LINEBREAK_MUSTBREAK) {
      out[i] = Break::Must;
    } else if (raw[i] == LINEBREAK_ALLOWBREAK) {
      out[i] = Break::Allow;
    }
  }
  return out;
}

bool is_mark(char32_t cp) {
  if (cp >= 0x300 && cp <= 0x36F) return true;  // the common case, without a table look-up
  return fribidi_get_bidi_type(static_cast<FriBidiChar>(cp)) == FRIBIDI_TYPE_NSM;
}

}  // namespace rk::text
