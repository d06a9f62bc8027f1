#include "undrawable.hpp"

#include <cstdio>
#include <optional>

#include "bidi.hpp"
#include "font_chain.hpp"
#include "utf8.hpp"

namespace rk::text {
namespace {

struct Char {
  char32_t cp;
  std::size_t line, column;
};

// Walks a TOML source by code points, handing each string's characters to `on_string`.
class TomlStrings {
 public:
  explicit TomlStrings(std::string_view src) : src_(src) {}

  template <class F>
  void each(F&& on_string) {
    while (!done()) {
      const char32_t c = peek();
      if (c == U'#') {
        while (!done() && peek() != U'\n') next();
      } else if (c == U'"' || c == U'\'') {
        const bool multi = starts_with(c == U'"' ? "\"\"\"" : "'''");
        for (int k = 0; k < (multi ? 3 : 1); ++k) next();
        std::vector<Char> chars = read_string(c, multi);
        on_string(chars);
      } else {
        next();
      }
    }
  }

 private:
  bool done() const { return i_ >= src_.size(); }
  char32_t peek() const {
    std::size_t k = i_;
    return next_code_point(src_, k);
  }
  bool starts_with(std::string_view s) const { return src_.substr(i_, s.size()) == s; }
  Char next() {
    const Char c{next_code_point(src_, i_), line_, column_};
    if (c.cp == U'\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    return c;
  }

  std::optional<char32_t> hex(int digits) {
    char32_t v = 0;
    for (int k = 0; k < digits; ++k) {
      if (done()) return std::nullopt;
      const char32_t d = peek();
      int x = -1;
      if (d >= U'0' && d <= U'9') x = static_cast<int>(d - U'0');
      if (d >= U'a' && d <= U'f') x = static_cast<int>(d - U'a') + 10;
      if (d >= U'A' && d <= U'F') x = static_cast<int>(d - U'A') + 10;
      if (x < 0) return std::nullopt;
      next();
      v = v * 16 + static_cast<char32_t>(x);
    }
    return v;
  }

  std::vector<Char> read_string(char32_t quote, bool multi) {
    std::vector<Char> out;
    const std::string end(multi ? 3 : 1, static_cast<char>(quote));
    while (!done()) {
      if (starts_with(end)) {
        for (std::size_t k = 0; k < end.size(); ++k) next();
        break;
      }
      if (!multi && peek() == U'\n') break;  // unterminated: the loader reports it
      const Char c = next();
      if (quote == U'"' && c.cp == U'\\' && !done()) {
        const char32_t e = next().cp;
        if (e == U'u' || e == U'U') {
          if (auto v = hex(e == U'u' ? 4 : 8)) out.push_back(Char{*v, c.line, c.column});
        }
        continue;  // \n, \t, \" ... and line-ending backslashes draw nothing of note
      }
      out.push_back(c);
    }
    return out;
  }

  std::string_view src_;
  std::size_t i_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

std::string describe(char32_t cp) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
  std::string out = "'";
  append(out, cp);
  return out + "' (" + code + ")";
}

}  // namespace

std::vector<Undrawable> find_undrawable(std::string_view toml_source) {
  const Coverage screen(find_font_chain(Medium::Screen).regular);
  const Coverage paper(find_font_chain(Medium::Paper).regular);
  std::vector<Undrawable> out;
  TomlStrings(toml_source).each([&](const std::vector<Char>& chars) {
    std::u32string logical;
    for (const Char& c : chars) logical.push_back(c.cp);
    const ShapedParagraph p = shape_paragraph(logical, Direction::Ltr);
    for (std::size_t k = 0; k < chars.size(); ++k) {
      const char32_t drawn = p.shaped[k];
      if (drawn < 0x20 || is_invisible(drawn)) continue;
      std::string message;
      if (chars[k].cp > 0xFFFF) {
        message =
            describe(chars[k].cp) +
            " cannot be drawn: the kiosk's screen font atlas (Dear ImGui 1.86) and its PDF library "
            "(libharu 2.3) hold only characters up to U+FFFF, which leaves out emoji; write it in words, "
            "or use a symbol such as '\u263A' (U+263A) or '\u2639' (U+2639)";
      } else {
        const bool on_screen = screen.face_for(drawn) >= 0;
        const bool on_paper = paper.face_for(drawn) >= 0;
        if (on_screen && on_paper) continue;
        const char* where = !on_screen && !on_paper ? "on screen or on paper"
                            : !on_screen            ? "on screen"
                                                    : "on paper";
        message = describe(chars[k].cp);
        if (drawn != chars[k].cp) message += " (drawn as " + describe(drawn) + ")";
        message += std::string(" cannot be drawn ") + where +
                   ": no installed font has it; install the kiosk's font packages (" + font_packages() +
                   ") or write it another way";
      }
      out.push_back(Undrawable{chars[k].line, chars[k].column, chars[k].cp, std::move(message)});
    }
  });
  return out;
}

}  // namespace rk::text
