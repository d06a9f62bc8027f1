// Arabic joining and bidi reordering (FriBiDi): the visual strings ImGui and libharu draw left to
// right.
#include "bidi.hpp"

#include <doctest/doctest.h>

#include <string>

#include "layout.hpp"
#include "utf8.hpp"

using rk::text::decode;
using rk::text::Direction;
using rk::text::wrap;

namespace {
const rk::text::AdvanceFn kOneEach = [](char32_t) { return 1.0f; };

std::u32string visual(const std::string& utf8, Direction fallback = Direction::Ltr) {
  const auto lines = wrap(utf8, 1000, kOneEach, {fallback, {}});
  REQUIRE(lines.size() == 1);
  return decode(lines[0].text);
}
}  // namespace

TEST_CASE("Arabic letters join and the word is drawn right to left") {
  // سلام: seen initial, lam-alef final ligature (the alef's place left empty), meem isolated;
  // drawn from the left: meem, lam-alef, seen.
  CHECK(visual("سلام") == U"\uFEE1\uFEFC\uFEB3");
  // أنا: alef with hamza above isolated, noon initial, alef final.
  CHECK(visual("أنا") == U"\uFE8E\uFEE7\uFE83");
}

TEST_CASE("an Arabic mark is drawn before its letter, a Latin mark after its letter") {
  // مُهتم: the damma sits on the initial meem. Arabic fonts draw a zero-advance mark to the right
  // of the pen, so it goes just left of its letter in the visual string; after the letter it
  // landed over the next one, and pdftotext read the mark before its letter.
  CHECK(visual("مُهتم") == U"\uFEE2\uFE98\uFEEC\u064F\uFEE3");
  CHECK(visual("عالٍ") == U"\u064D\uFEDD\uFE8E\uFECB");  // kasratan under the final lam
  // Latin fonts draw a mark to the left of the pen: it stays after its letter, in Arabic text too.
  const std::u32string mixed = visual("اسم Jose\u0301");
  CHECK(mixed.find(U"Jose\u0301") != std::u32string::npos);
}

TEST_CASE("an Arabic paragraph reads right to left, numbers and Latin inside stay left to right") {
  const auto lines = wrap("عمري 25 سنة", 1000, kOneEach);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].rtl);
  const std::u32string v = decode(lines[0].text);
  const auto at = v.find(U"25");
  REQUIRE(at != std::u32string::npos);  // "25", not "52"
  CHECK(v.find(U'\uFE94') < at);        // the last word (سنة, teh marbuta final) is drawn first, leftmost
}

TEST_CASE("brackets are mirrored inside right-to-left text") {
  CHECK(visual("(أ)") == U"(\uFE83)");
}

TEST_CASE("the paragraph direction comes from its first strong letter, then from the fallback") {
  CHECK_FALSE(wrap("Hello أنا", 100, kOneEach)[0].rtl);
  CHECK(wrap("أنا Hello", 100, kOneEach)[0].rtl);
  CHECK_FALSE(wrap("10", 100, kOneEach)[0].rtl);
  CHECK(wrap("10", 100, kOneEach, {Direction::Rtl, {}})[0].rtl);
}

TEST_CASE("Arabic lines break between words and each line is reordered on its own") {
  const auto lines = wrap("أنا هنا اليوم", 5, kOneEach);
  REQUIRE(lines.size() == 3);
  CHECK(decode(lines[0].text) == visual("أنا"));  // the first (rightmost) word comes first
  for (const auto& l : lines) CHECK(l.rtl);
}

TEST_CASE("text with no right-to-left letter is left exactly as it was") {
  const std::string vi = "Tiếng Việt: thế, chất";
  CHECK(visual(vi) == decode(vi));
  CHECK(rk::text::drawn_code_points("a(b)") == U"a(b)");
  const std::u32string drawn = rk::text::drawn_code_points("سلام");
  CHECK(drawn.find(U'\uFEFC') != std::u32string::npos);  // the atlas needs the ligature
}

TEST_CASE("a presentation form stands for the letters it was shaped from") {
  CHECK(rk::text::logical_of(0xFEB3) == U"\u0633");        // seen, initial
  CHECK(rk::text::logical_of(0xFEFC) == U"\u0644\u0627");  // lam-alef, final
  CHECK(rk::text::logical_of(0xFE83) == U"\u0623");        // alef with hamza above
  CHECK(rk::text::logical_of(U'a') == U"a");
  // Every form the shaper draws for a sentence maps back to the sentence's letters.
  const std::string text = "أنا هنا اليوم لأتحدث عن أهدافي";
  const auto lines = wrap(text, 1000, kOneEach);
  const std::u32string drawn = decode(lines.at(0).text);
  std::u32string back;  // read from the right, as the line is read
  for (auto it = drawn.rbegin(); it != drawn.rend(); ++it) back += rk::text::logical_of(*it);
  CHECK(back == decode(text));
}

TEST_CASE("each line's logical text, laid out alone, draws as the line") {
  const std::string text = "أنا هنا Hello اليوم 25 سنة";
  for (float width = 3; width < 30; width += 2) {
    for (const auto& line : wrap(text, width, kOneEach)) {
      const auto again = rk::text::single_line(line.logical, kOneEach);
      CAPTURE(width);
      CHECK(again.text == line.text);
      CHECK(again.rtl == line.rtl);
      CHECK(again.width == doctest::Approx(line.width));
    }
  }
}
