#include "text_layout.hpp"

#include "utf8.hpp"

namespace rk::report {

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = text::next_code_point(text, i);
    if (cp == U'\r') {
      if (i < text.size() && text[i] == '\n') ++i;
      cp = U'\n';
    } else if (cp == U'\n') {
      // kept as the paragraph break
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
      cp = (cp == 0x2028 || cp == 0x2029) ? U'\n' : U' ';
    } else if (cp == 0xFEFF || cp == 0x200B) {
      continue;  // zero-width: nothing to draw, nothing lost
    }
    text::append(out, cp);
  }
  return out;
}

std::string replace_beyond_bmp(std::string_view valid_utf8) {
  std::string out;
  out.reserve(valid_utf8.size());
  for (char32_t cp : text::decode(valid_utf8)) text::append(out, cp > 0xFFFF ? text::kReplacement : cp);
  return out;
}

}  // namespace rk::report
