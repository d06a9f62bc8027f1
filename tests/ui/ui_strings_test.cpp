#include "ui_strings.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "paths.hpp"

using namespace rk;

namespace {
UiStringsResult shipped() {
  return load_ui_strings_folder(std::string(RK_SOURCE_DIR) + "/assets/i18n");
}

bool has_key(const KeyboardLayout& k, const std::string& key) {
  for (const auto& row : k.rows)
    if (std::find(row.begin(), row.end(), key) != row.end()) return true;
  for (const auto& row : k.shift_rows)
    if (std::find(row.begin(), row.end(), key) != row.end()) return true;
  return false;
}
}  // namespace

TEST_CASE("the shipped kiosk words load without errors, English and Spanish") {
  const UiStringsResult r = shipped();
  for (const auto& e : r.errors) MESSAGE(e.format());
  REQUIRE(r.ok());
  CHECK(r.strings.has_language("en"));
  CHECK(r.strings.has_language("es"));
  CHECK(r.strings.get("es", "next") == "Siguiente");
  CHECK(r.strings.get("en", "idle_title") == "Are you still there?");
}

TEST_CASE("every English word has a Spanish translation and the other way round") {
  const UiStringsResult r = shipped();
  const UiLanguage* en = r.strings.language("en");
  const UiLanguage* es = r.strings.language("es");
  REQUIRE(en);
  REQUIRE(es);
  for (const auto& [key, value] : en->words) {
    INFO(key);
    CHECK(es->words.count(key) == 1);
  }
  for (const auto& [key, value] : es->words) {
    INFO(key);
    CHECK(en->words.count(key) == 1);
  }
}

TEST_CASE("the Spanish keyboard has ñ, accented vowels, ü, ¿ and ¡") {
  const UiStringsResult r = shipped();
  const KeyboardLayout& es = r.strings.keyboard("es");
  for (const char* key : {"ñ", "Ñ", "á", "é", "í", "ó", "ú", "ü", "Á", "Ü", "¿", "¡"}) {
    INFO(key);
    CHECK(has_key(es, key));
  }
  CHECK_FALSE(has_key(r.strings.keyboard("en"), "ñ"));
}

TEST_CASE("missing words fall back to English, then to the key") {
  UiStringsResult r = load_ui_strings_text("language_name = \"Test\"\nnext = \"Weiter\"\n", "de", "de.toml");
  REQUIRE(r.ok());
  UiStrings& s = r.strings;
  UiStringsResult en =
      load_ui_strings_text("language_name = \"English\"\nback = \"Back\"\n", "en", "en.toml");
  s.add(*en.strings.language("en"));
  CHECK(s.get("de", "next") == "Weiter");
  CHECK(s.get("de", "back") == "Back");
  CHECK(s.get("de", "no_such_word") == "no_such_word");
}

TEST_CASE("bad files get file:line:column errors") {
  UiStringsResult r = load_ui_strings_text("language_name = \"X\"\nnext = 3\n", "xx", "xx.toml");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].format().find("xx.toml:2:") == 0);
  r = load_ui_strings_text("language_name = \"X\"\nnext = \"unterminated\n", "xx", "xx.toml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].where.line == 2);
  r = load_ui_strings_text("language_name = \"X\"\n[keyboard]\nrows = [\"a b\"]\nshift_rows = [\"A\"]\n",
                           "xx", "k.toml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].message.find("same rows") != std::string::npos);
  r = load_ui_strings_text("next = \"x\"\n", "xx", "n.toml");
  CHECK_FALSE(r.ok());
}

TEST_CASE("placeholders are filled") {
  CHECK(fill_placeholders("{n} of {max} chosen", {{"n", "2"}, {"max", "3"}}) == "2 of 3 chosen");
  CHECK(fill_placeholders("{n}{n}", {{"n", "ab"}}) == "abab");
}
