// Line breaking by UAX #14 (libunibreak) with measured widths: CJK between characters, never at
// a no-break space, long words and URLs broken only when nothing else fits.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "layout.hpp"
#include "utf8.hpp"

using rk::text::decode;
using rk::text::Line;
using rk::text::widest_unbreakable;
using rk::text::wrap;

namespace {

// Every code point one unit wide: widths are character counts.
const rk::text::AdvanceFn kOneEach = [](char32_t) { return 1.0f; };

std::vector<std::string> texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& l : lines) out.push_back(l.text);
  return out;
}

std::string joined(const std::vector<Line>& lines) {
  std::string all;
  for (const Line& l : lines) all += l.text;
  return all;
}

}  // namespace

TEST_CASE("breaks at spaces, keeps every word, spaces at a line end take no room") {
  const auto lines = wrap("the quick brown fox jumps over the lazy dog", 10, kOneEach);
  CHECK(texts(lines) == std::vector<std::string>{"the quick", "brown fox", "jumps over", "the lazy", "dog"});
  for (const Line& l : lines) CHECK(l.width == doctest::Approx(static_cast<double>(decode(l.text).size())));
  for (const Line& l : lines) CHECK_FALSE(l.rtl);
}

TEST_CASE("Chinese breaks between characters, never before the closing punctuation") {
  const std::string text = "我们今天想听听您的想法。谢谢！";
  const auto lines = wrap(text, 4, kOneEach);
  CHECK(joined(lines) == text);  // nothing lost, nothing added
  REQUIRE(lines.size() >= 4);
  for (const Line& l : lines) {
    CHECK(decode(l.text).size() <= 4);
    CHECK(l.text.rfind("。", 0) != 0);  // no line starts with a full stop
    CHECK(l.text.rfind("！", 0) != 0);
  }
}

TEST_CASE("a no-break space is never a break: French '?' stays with its word") {
  const std::string text = "Comment vous sentez-vous aujourd'hui\u00A0?";
  for (float width = 10; width <= 40; width += 1) {
    for (const Line& l : wrap(text, width, kOneEach)) {
      CAPTURE(width);
      CHECK(l.text != "?");
      CHECK(l.text.rfind("\u00A0", 0) != 0);
    }
  }
  // And a plain space before "?" is not a break either (UAX #14 LB13).
  for (const Line& l : wrap("aujourd'hui ?", 11, kOneEach)) CHECK(l.text != "?");
}

TEST_CASE("a long word or URL is broken only when it alone is wider than a line") {
  // UAX #14 allows a break after "/" in a URL; inside "abcdefghijklmnop" only the last resort.
  const auto lines = wrap("see https://example.org/abcdefghijklmnop/x today", 12, kOneEach);
  REQUIRE(lines.size() >= 4);
  CHECK(lines.front().text.rfind("see ", 0) == 0);
  CHECK(lines.back().text.find("today") != std::string::npos);  // short words are never split
  std::string all;
  for (const Line& l : lines) {
    CHECK(decode(l.text).size() <= 12);
    all += l.text;
  }
  std::string squeezed;
  for (char c : all)
    if (c != ' ') squeezed += c;
  CHECK(squeezed == "seehttps://example.org/abcdefghijklmnop/xtoday");
  CHECK(std::any_of(lines.begin(), lines.end(), [](const Line& l) { return l.text == "abcdefghijkl"; }));
}

TEST_CASE("an emergency break never separates a letter from its combining mark") {
  // "Tiếng" written with combining marks: e + circumflex (U+0302) + acute (U+0301).
  const std::string word = "Tie\u0302\u0301ng";
  for (const Line& l : wrap(word + word + word, 3, kOneEach)) {
    const std::u32string cps = decode(l.text);
    REQUIRE_FALSE(cps.empty());
    CHECK((cps.front() != 0x302 && cps.front() != 0x301));
  }
}

TEST_CASE("a line narrower than one character still makes progress") {
  CHECK(texts(wrap("abc", 0.5f, kOneEach)) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("paragraphs: every newline breaks, one blank line for blank paragraphs, none at the ends") {
  CHECK(texts(wrap("one\ntwo", 40, kOneEach)) == std::vector<std::string>{"one", "two"});
  CHECK(texts(wrap("one\n\n\n\ntwo\n\n", 40, kOneEach)) == std::vector<std::string>{"one", "", "two"});
  CHECK(wrap("", 40, kOneEach).empty());
  CHECK(wrap("\n\n", 40, kOneEach).empty());
}

TEST_CASE("single_line turns newlines into spaces and measures what is drawn") {
  const Line l = rk::text::single_line("a\nb", kOneEach);
  CHECK(l.text == "a b");
  CHECK(l.width == doctest::Approx(3.0));
}

TEST_CASE("a 2,000-character answer wraps with nothing lost") {
  std::string text;
  while (text.size() < 2000) text += "Quiero hablar de mi familia, del trabajo y del sueño. ";
  std::string all;
  for (const Line& l : wrap(text, 55, kOneEach)) {
    CHECK(decode(l.text).size() <= 55);
    all += l.text;
  }
  std::string squeezed;
  for (char c : text)
    if (c != ' ') squeezed += c;
  std::string got;
  for (char c : all)
    if (c != ' ') got += c;
  CHECK(got == squeezed);
}

TEST_CASE("widest_unbreakable: the widest word, not the widest character a split word leaves") {
  CHECK(widest_unbreakable("10", kOneEach) == 2.0f);  // wrap("10", 1) splits it: "1", "0"
  CHECK(widest_unbreakable("the quick brown fox", kOneEach) == 5.0f);
  CHECK(widest_unbreakable("short\nparagraphs", kOneEach) == 10.0f);
  CHECK(widest_unbreakable("trailing spaces   ", kOneEach) == 8.0f);
  CHECK(widest_unbreakable("aujourd'hui\u00A0?", kOneEach) == 13.0f);       // glued by the no-break space
  CHECK(widest_unbreakable("\u4ECA\u5929\u4EC0\u4E48", kOneEach) == 1.0f);  // Chinese: one character
  CHECK(widest_unbreakable("", kOneEach) == 0.0f);
  // It is the narrowest a wrap goes without splitting a word.
  const auto rejoined = [](const std::vector<Line>& lines) {
    std::string words;
    for (const Line& l : lines) words += (words.empty() ? "" : " ") + l.text;
    return words;
  };
  for (const char* text : {"How important is it?", "0 means not important at all.", "10"}) {
    const float w = widest_unbreakable(text, kOneEach);
    for (const Line& l : wrap(text, w, kOneEach)) CHECK(l.width <= w);
    CHECK(rejoined(wrap(text, w, kOneEach)) == text);         // no word split
    CHECK(rejoined(wrap(text, w - 0.5f, kOneEach)) != text);  // any narrower: one is
  }
}
