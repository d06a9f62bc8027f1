#pragma once
// Upper case for every language the kiosk may print, by ICU's full Unicode case mapping: one
// letter may become two ("ß" → "SS"), letters with stacked marks keep them ("ẩ" → "Ẩ", never
// "ẩ" left alone as an ASCII-only mapping does), and the rules of the text's language apply
// where they differ (Turkish and Azeri dotted "i" → "İ", Greek drops its accents, Lithuanian).
// Scripts without case (Arabic, Chinese) come back as they are.

#include <string>
#include <string_view>

namespace rk::text {

/// `utf8` in upper case by the rules of language `lang` (a BCP 47 code such as "vi" or "es-MX";
/// empty: no language's tailoring). Invalid bytes become U+FFFD, as everywhere text is drawn.
std::string to_upper(std::string_view utf8, std::string_view lang);

}  // namespace rk::text
