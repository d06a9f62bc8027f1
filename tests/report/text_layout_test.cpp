// Our own line breaking: never loses a character, breaks at spaces, splits words that are wider
// than a line at code-point boundaries.
#include "text_layout.hpp"

#include <doctest/doctest.h>

#include <string>

using rk::report::AdvanceFn;
using rk::report::decode_utf8;
using rk::report::sanitize_utf8;
using rk::report::wrap_text;

namespace {

// Every code point is one unit wide, so widths are character counts.
const AdvanceFn kOneEach = [](char32_t) { return 1.0f; };

std::string join(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& l : lines) all += l;
  return all;
}

std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n') out += c;
  return out;
}

}  // namespace

TEST_CASE("wrap_text breaks at spaces and keeps every word") {
  const auto lines = wrap_text("the quick brown fox jumps over the lazy dog", 10, kOneEach);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] == "the quick");
  CHECK(lines[1] == "brown fox");
  CHECK(lines[2] == "jumps over");
  CHECK(lines[3] == "the lazy");
  CHECK(lines[4] == "dog");
  for (const auto& l : lines) CHECK(decode_utf8(l).size() <= 10);
}

TEST_CASE("a word wider than the line is split at code points, never dropped") {
  std::string word;
  for (int i = 0; i < 300; ++i) word += (i % 3 == 0) ? "ñ" : (i % 3 == 1 ? "é" : "x");
  const auto lines = wrap_text("Hola " + word + " fin", 40, kOneEach);
  CHECK(lines.size() >= 8);
  for (const auto& l : lines) {
    CHECK(decode_utf8(l).size() <= 40);
    CHECK(sanitize_utf8(l) == l);  // each line is still valid UTF-8: no split inside a character
  }
  CHECK(without_spaces(join(lines)) == without_spaces("Hola " + word + " fin"));
}

TEST_CASE("a line narrower than one character still makes progress") {
  const auto lines = wrap_text("abc", 0.5f, kOneEach);
  REQUIRE(lines.size() == 3);
  CHECK(join(lines) == "abc");
}

TEST_CASE("newlines are kept as line breaks; runs of blank lines collapse to one") {
  const auto lines = wrap_text("one\ntwo\n\n\n\nthree\n", 80, kOneEach);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "one");
  CHECK(lines[1] == "two");
  CHECK(lines[2].empty());
  CHECK(lines[3] == "three");
  CHECK(wrap_text("", 10, kOneEach).empty());
  CHECK(wrap_text("   ", 10, kOneEach).empty());
}

TEST_CASE("a 2,000-character answer wraps with nothing lost") {
  std::string text;
  while (text.size() < 2000) text += "Quiero hablar de mi familia, del trabajo y del sueño. ";
  const auto lines = wrap_text(text, 55, kOneEach);
  CHECK(without_spaces(join(lines)) == without_spaces(text));
}

TEST_CASE("sanitize_utf8 repairs bad bytes and control characters without dropping text") {
  CHECK(sanitize_utf8("a\tb") == "a b");
  CHECK(sanitize_utf8("a\r\nb\rc") == "a\nb\nc");
  CHECK(sanitize_utf8(std::string("ok\xff\xfe!", 5)) == "ok\xEF\xBF\xBD\xEF\xBF\xBD!");
  CHECK(sanitize_utf8("\xC3\xA1") == "á");                                         // valid two-byte stays
  CHECK(sanitize_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/' is rejected
  CHECK(sanitize_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(sanitize_utf8(std::string("x\0y", 3)) == "x y");
}

TEST_CASE("characters beyond the BMP (emoji) become a visible U+FFFD instead of vanishing") {
  CHECK(rk::report::replace_beyond_bmp("ok \xF0\x9F\x98\x80 ñ") == "ok \xEF\xBF\xBD ñ");
}
