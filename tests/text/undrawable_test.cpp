// --check's font coverage: each character of a questionnaire's strings that the kiosk's fonts
// cannot draw, with LINE:COLUMN, against the fonts installed on this machine.
#include "undrawable.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "font_chain.hpp"
#include "skip.hpp"

using rk::text::find_undrawable;

namespace {
bool have_fonts() {
  const auto screen = rk::text::find_font_chain(rk::text::Medium::Screen);
  const auto paper = rk::text::find_font_chain(rk::text::Medium::Paper);
  return screen.regular.size() >= 3 && paper.regular.size() >= 3;
}
}  // namespace

TEST_CASE("emoji beyond U+FFFF are refused with their line and column") {
  const std::string src =
      "# a comment with 🙂 is not drawn\n"
      "[[options]]\n"
      "label = \"Good 🙂\"\n"
      "other = '😐'\n"
      "esc = \"x\\U0001F641\"\n";
  const auto found = find_undrawable(src);
  REQUIRE(found.size() == 3);
  CHECK(found[0].line == 3);
  CHECK(found[0].column == 15);
  CHECK(found[0].cp == 0x1F642);
  CHECK(found[0].message.find("U+1F642") != std::string::npos);
  CHECK(found[0].message.find("U+FFFF") != std::string::npos);
  CHECK(found[1].line == 4);
  CHECK(found[1].column == 10);
  CHECK(found[2].line == 5);
  CHECK(found[2].column == 9);  // at the escape's backslash
  CHECK(found[2].cp == 0x1F641);
}

TEST_CASE("Vietnamese, Chinese, Arabic and Korean are drawable with the kiosk's fonts" * doctest::test_suite("fonts")) {
  if (!have_fonts()) return rk::test::skip("the kiosk's font packages are not installed");
  const std::string src =
      "vi = \"Tiếng Việt: thế, chất, ễ\"\n"
      "zh = \"我们想听听您的想法。\"\n"
      "ar = \"أنا هنا اليوم، شكرًا!\"\n"
      "ko = \"안녕하세요\"\n"
      "es = \"¿Cómo está? ¡Hola!\"\n"
      "ml = \"\"\"\nTwo\nlines ✓\"\"\"\n";
  const auto found = find_undrawable(src);
  for (const auto& u : found) MESSAGE(u.line << ":" << u.column << " " << u.message);
  CHECK(found.empty());
}

TEST_CASE("a character no installed font has is reported" * doctest::test_suite("fonts")) {
  if (!have_fonts()) return rk::test::skip("the kiosk's font packages are not installed");
  // U+0F00 TIBETAN SYLLABLE OM: none of the kiosk's fonts has Tibetan.
  const auto found = find_undrawable("t = \"ab\u0F00\"\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].column == 8);
  CHECK(found[0].message.find("no installed font") != std::string::npos);
}

TEST_CASE("every shipped language file and questionnaire is drawable on screen and on paper" * doctest::test_suite("fonts")) {
  if (!have_fonts()) return rk::test::skip("the kiosk's font packages are not installed");
  int files = 0;
  for (const char* folder : {"/assets/i18n", "/questionnaires", "/tests/text/questionnaires"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(RK_SOURCE_DIR) + folder)) {
      if (entry.path().extension() != ".toml") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      ++files;
      for (const auto& u : find_undrawable(bytes.str())) {
        const std::string where =
            entry.path().string() + ":" + std::to_string(u.line) + ":" + std::to_string(u.column) + ": ";
        FAIL_CHECK(where << u.message);
      }
    }
  }
  CHECK(files >= 3);
}
