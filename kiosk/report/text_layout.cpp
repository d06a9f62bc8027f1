#include "text_layout.hpp"

#include "utf8.hpp"

namespace rk::report {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at `i`; returns the replacement character and advances one byte on
// malformed, overlong or surrogate sequences.
char32_t next_code_point(std::string_view s, size_t& i) {
  const Utf8Char c = utf8_at(s, i);
  if (c.length == 0) {
    ++i;
    return kReplacement;
  }
  i += c.length;
  return c.code_point;
}

bool is_space(char32_t cp) {
  return cp == U' ' || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

}  // namespace

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = next_code_point(text, i);
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
    append_utf8(out, cp);
  }
  return out;
}

std::string replace_beyond_bmp(std::string_view valid_utf8) {
  std::string out;
  out.reserve(valid_utf8.size());
  for (char32_t cp : decode_utf8(valid_utf8)) append_utf8(out, cp > 0xFFFF ? kReplacement : cp);
  return out;
}

std::vector<char32_t> decode_utf8(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) out.push_back(next_code_point(text, i));
  return out;
}

float text_width(std::string_view text, const AdvanceFn& advance) {
  float w = 0;
  for (char32_t cp : decode_utf8(text)) w += advance(cp);
  return w;
}

std::vector<std::string> wrap_text(std::string_view text, float max_width, const AdvanceFn& advance) {
  std::vector<std::string> lines;
  const std::vector<char32_t> cps = decode_utf8(text);
  if (cps.empty()) return lines;
  const float space_width = advance(U' ');

  std::string line;
  float line_width = 0;
  bool last_blank = false;

  const auto flush = [&] {
    lines.push_back(line);
    line.clear();
    line_width = 0;
  };

  size_t i = 0;
  while (i < cps.size()) {
    if (cps[i] == U'\n') {
      if (!line.empty()) {
        flush();
        last_blank = false;
      } else if (!last_blank && !lines.empty()) {
        lines.emplace_back();  // one blank line for a blank paragraph
        last_blank = true;
      }
      ++i;
      continue;
    }
    if (is_space(cps[i])) {
      ++i;
      continue;
    }
    // One word: up to the next space or newline.
    size_t end = i;
    float word_width = 0;
    while (end < cps.size() && cps[end] != U'\n' && !is_space(cps[end])) word_width += advance(cps[end++]);
    last_blank = false;

    if (!line.empty() && line_width + space_width + word_width <= max_width) {
      line.push_back(' ');
      line_width += space_width;
    } else if (!line.empty()) {
      flush();
    }
    if (line_width + word_width <= max_width) {
      for (size_t k = i; k < end; ++k) append_utf8(line, cps[k]);
      line_width += word_width;
    } else {
      // A word wider than a line: break it at code points, at least one per line.
      for (size_t k = i; k < end; ++k) {
        const float w = advance(cps[k]);
        if (!line.empty() && line_width + w > max_width) {
          flush();
        }
        append_utf8(line, cps[k]);
        line_width += w;
      }
    }
    i = end;
  }
  if (!line.empty()) lines.push_back(line);
  // No trailing blank line from a text that ends in blank paragraphs.
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

}  // namespace rk::report
