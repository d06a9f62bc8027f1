#include "ui_strings.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>

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

constexpr const char* kShipped[] = {"en", "es", "fr", "pt", "vi", "zh", "ko", "tl", "ar"};

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> names;
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close != std::string::npos) names.insert(text.substr(open, close - open + 1));
  }
  return names;
}

std::string head_of(const std::string& path, int lines) {
  std::ifstream in(path);
  std::string all, line;
  for (int i = 0; i < lines && std::getline(in, line); ++i) all += line + "\n";
  return all;
}
}  // namespace

TEST_CASE("every shipped language file loads, with every key English has and no other") {
  const UiStringsResult r = shipped();
  for (const auto& e : r.errors) MESSAGE(e.format());
  REQUIRE(r.ok());  // load_ui_strings_folder runs check_complete against en.toml for each file
  const UiLanguage* en = r.strings.language("en");
  REQUIRE(en);
  for (const char* code : kShipped) {
    CAPTURE(code);
    const UiLanguage* lang = r.strings.language(code);
    REQUIRE(lang);
    CHECK(check_complete(*en, *lang).empty());
    for (const auto& [key, english] : en->words) {
      CAPTURE(key);
      CHECK(placeholders(lang->word(key)) == placeholders(english));  // {n} must survive translation
      if (!english.empty() && key != "report.version" && key != "staff_pin_ok" && key != "report.kiosk")
        CHECK_FALSE(lang->word(key).empty());
    }
    for (const auto& [key, list] : en->lists) CHECK(lang->list(key).size() >= 1);
    CHECK_FALSE(lang->keyboards.empty());
  }
  CHECK(r.strings.get("es", "next") == "Siguiente");
  CHECK(r.strings.get("en", "idle_title") == "Are you still there?");
}

TEST_CASE("each file's header says whether a native speaker reviewed it") {
  for (const char* code : kShipped) {
    CAPTURE(code);
    const std::string head = head_of(std::string(RK_SOURCE_DIR) + "/assets/i18n/" + code + ".toml", 8);
    if (std::string(code) == "en") {
      CHECK(head.find("Written in English") != std::string::npos);
    } else {
      CHECK(head.find("reviewed by a native speaker") != std::string::npos);
    }
  }
}

TEST_CASE("languages name themselves and say which way they run") {
  const UiStringsResult r = shipped();
  CHECK(r.strings.get("es", "language_name") == "Español");
  CHECK(r.strings.get("vi", "language_name") == "Tiếng Việt");
  CHECK(r.strings.get("zh", "language_name") == "中文");
  CHECK(r.strings.get("ko", "language_name") == "한국어");
  CHECK(r.strings.get("ar", "language_name") == "العربية");
  for (const char* code : kShipped) {
    CAPTURE(code);
    CHECK(r.strings.get(code, "language_name") != code);
    CHECK(r.strings.rtl(code) == (std::string(code) == "ar"));
  }
  CHECK(r.strings.find("es-MX") == r.strings.language("es"));  // a region reads its base language
  CHECK(r.strings.find("de") == nullptr);
}

TEST_CASE("the keyboards have each language's letters and punctuation") {
  const UiStringsResult r = shipped();
  const KeyboardLayout& es = r.strings.keyboard("es");
  for (const char* key : {"ñ", "Ñ", "á", "é", "í", "ó", "ú", "ü",  "Á", "Ü", "¿",
                          "¡", "!", "?", ":", ";", "(", ")", "\"", "/", "@", "&"}) {
    CAPTURE(key);
    CHECK(has_key(es, key));
  }
  CHECK_FALSE(has_key(r.strings.keyboard("en"), "ñ"));
  const KeyboardLayout& fr = r.strings.keyboard("fr");
  CHECK(fr.name == "AZERTY");
  CHECK(fr.rows[1][0] == "a");
  CHECK(fr.rows[1][1] == "z");
  CHECK(fr.rows[2][0] == "q");
  for (const char* key : {"é", "è", "ê", "à", "ç", "ù", "œ", "É", "Ç", "«", "»"}) {
    CAPTURE(key);
    CHECK(has_key(fr, key));
  }
  const KeyboardLayout& vi = r.strings.keyboard("vi");
  CHECK(vi.compose == Compose::Vietnamese);
  for (const char* key :
       {"ă", "â", "đ", "ê", "ô", "ơ", "ư", "Đ", "Ư", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}) {
    CAPTURE(key);
    CHECK(has_key(vi, key));
  }
  const KeyboardLayout& ko = r.strings.keyboard("ko");
  CHECK(ko.compose == Compose::Hangul);
  CHECK(has_key(ko, "ㅎ"));
  CHECK(has_key(ko, "ㅏ"));
  CHECK(r.strings.keyboards("ko").size() == 2);  // 한글 and ABC
  const KeyboardLayout& ar = r.strings.keyboard("ar");
  for (const char* key :
       {"ا", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع",
        "غ", "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي", "ة", "ء", "أ", "إ", "آ", "؟", "،"}) {
    CAPTURE(key);
    CHECK(has_key(ar, key));
  }
  CHECK(has_key(r.strings.keyboard("pt"), "ã"));
  CHECK(has_key(r.strings.keyboard("pt"), "ç"));
  CHECK(has_key(r.strings.keyboard("tl"), "ñ"));
  // Chinese has no input method: the keyboard is pinyin letters, and the note says so in Chinese.
  CHECK(has_key(r.strings.keyboard("zh"), "ü"));
  const std::string& note = r.strings.get("zh", "kbd_note");
  CHECK(note.find("拼音") != std::string::npos);
  CHECK(note.find("不写") != std::string::npos);
  CHECK(r.strings.get("zh", "text_placeholder").find("拼音") != std::string::npos);
}

TEST_CASE("a missing word is reported, never borrowed from English") {
  UiStringsResult en = load_ui_strings_text(
      "language_name = \"English\"\ndirection = \"ltr\"\nnext = \"Next\"\nback = \"Back\"\n"
      "[report]\ntitle = \"Summary\"\n",
      "en", "en.toml");
  REQUIRE(en.ok());
  UiStringsResult de = load_ui_strings_text(
      "language_name = \"Deutsch\"\ndirection = \"ltr\"\nnext = \"Weiter\"\nnxt = \"Weiter\"\n", "de",
      "de.toml");
  REQUIRE(de.ok());
  UiStrings& s = de.strings;
  s.add(*en.strings.language("en"));
  CHECK(s.get("de", "next") == "Weiter");
  CHECK(s.get("de", "back") == "back");  // the key shows, so the gap is seen; never "Back"
  const Diagnostics problems = check_complete(*s.language("en"), *s.language("de"));
  std::string all;
  for (const auto& p : problems) all += p.format() + "\n";
  CAPTURE(all);
  CHECK(problems.size() == 3);
  CHECK(all.find("de.toml:1:1: error: missing `back` (en.toml has it)") != std::string::npos);
  CHECK(all.find("missing `report.title`") != std::string::npos);
  CHECK(all.find("de.toml:4:7: error: `nxt` is not a key en.toml has") != std::string::npos);
}

TEST_CASE("bad files get file:line:column errors") {
  const std::string head = "language_name = \"X\"\ndirection = \"ltr\"\n";
  UiStringsResult r = load_ui_strings_text(head + "next = 3\n", "xx", "xx.toml");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].format().find("xx.toml:3:") == 0);
  r = load_ui_strings_text(head + "next = \"unterminated\n", "xx", "xx.toml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].where.line == 3);
  r = load_ui_strings_text(head + "[[keyboard]]\nname = \"k\"\nrows = [\"a b\"]\nshift_rows = [\"A\"]\n",
                           "xx", "k.toml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].message.find("same rows") != std::string::npos);
  r = load_ui_strings_text(
      head + "[[keyboard]]\nname = \"k\"\ncompose = \"telex\"\nrows = []\nshift_rows = []\n", "xx", "k.toml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].format().find("k.toml:5:") == 0);
  r = load_ui_strings_text("language_name = \"X\"\ndirection = \"up\"\n", "xx", "d.toml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].format().find("d.toml:2:") == 0);
  r = load_ui_strings_text("direction = \"ltr\"\nnext = \"x\"\n", "xx", "n.toml");
  CHECK_FALSE(r.ok());
}

TEST_CASE("placeholders are filled") {
  CHECK(fill_placeholders("{n} of {max} chosen", {{"n", "2"}, {"max", "3"}}) == "2 of 3 chosen");
  CHECK(fill_placeholders("{n}{n}", {{"n", "ab"}}) == "abab");
}
