// The on-screen keyboard by taps: Spanish letters, shift, backspace by code point, max length,
// and a language switch while typing.
#include <doctest/doctest.h>

#include <cmath>

#include "touch.hpp"
#include "walker.hpp"

using rk::ui::Screen;

namespace rk::test {
namespace {

std::string text_of(Harness& h, const std::string& item) {
  const Answer* a = h.ui().session().answer(item);
  return a ? a->text : std::string();
}

Questionnaire short_name_questionnaire() {
  Questionnaire q;
  q.id = "kbd-test";
  q.version = "1";
  q.languages = {"en", "es"};
  q.default_language = "en";
  q.title = Text::plain("en", "Keyboard test");
  Page p;
  p.id = "p";
  Item it;
  it.id = "initials";
  it.kind = ItemKind::ShortText;
  it.text = Text::plain("en", "Your initials, if you like");
  it.max_length = 4;
  p.items.push_back(it);
  q.pages.push_back(p);
  return q;
}

}  // namespace

TEST_CASE("typing Spanish letters, shift and backspace on the on-screen keyboard") {
  Harness h(1080, 1920);
  REQUIRE(h.tap("lang.es"));
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("nav.next"));
  REQUIRE(h.tap("text.talk_today"));
  REQUIRE(h.ui().keyboard_open());
  CHECK(h.has("kbd.ñ"));
  CHECK(h.find("kbd.done")->label == "Listo");

  type_keys(h, {"ñ", "á"});
  CHECK(text_of(h, "talk_today") == "ñá");
  REQUIRE(h.tap("kbd.shift"));
  CHECK(h.has("kbd.Ñ"));
  CHECK_FALSE(h.has("kbd.ñ"));
  type_keys(h, {"Ñ"});
  CHECK(h.has("kbd.ñ"));  // shift lasts one letter
  CHECK(text_of(h, "talk_today") == "ñáÑ");

  REQUIRE(h.tap("kbd.backspace"));
  CHECK(text_of(h, "talk_today") == "ñá");
  REQUIRE(h.tap("kbd.backspace"));
  CHECK(text_of(h, "talk_today") == "ñ");
  REQUIRE(h.tap("kbd.backspace"));
  CHECK(h.ui().session().answer("talk_today") == nullptr);  // nothing typed, nothing kept
  REQUIRE(h.tap("kbd.backspace"));                          // harmless when empty

  type_keys(h, {"¿", "s", "í", "?", " ", "ü", "¡"});
  CHECK(text_of(h, "talk_today") == "¿sí? ü¡");

  // The language can change while typing: the layout follows, the text stays.
  REQUIRE(h.tap("lang.en"));
  CHECK(h.ui().keyboard_open());
  CHECK_FALSE(h.has("kbd.ñ"));
  CHECK(h.find("kbd.done")->label == "Done");
  type_keys(h, {"o", "k"});
  CHECK(text_of(h, "talk_today") == "¿sí? ü¡ok");

  REQUIRE(h.tap("kbd.done"));
  CHECK_FALSE(h.ui().keyboard_open());
  CHECK(h.has("text.talk_today"));
  CHECK(h.find("text.talk_today")->label == "¿sí? ü¡ok");
}

TEST_CASE("the keyboard stops at the maximum length, counted in characters") {
  const Questionnaire q = short_name_questionnaire();
  Harness h(1024, 768, {}, &q);
  REQUIRE(h.tap("lang.es"));
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("text.initials"));
  type_keys(h, {"ñ", "á", "é", "ü", "ó", "x"});
  CHECK(text_of(h, "initials") == "ñáéü");
  REQUIRE(h.tap("kbd.backspace"));
  type_keys(h, {"ó"});
  CHECK(text_of(h, "initials") == "ñáéó");
}

TEST_CASE("long text offers a new-line key, short text does not") {
  Harness h(1920, 1080);
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("nav.next"));
  REQUIRE(h.tap("text.talk_today"));
  REQUIRE(h.has("kbd.enter"));
  type_keys(h, {"a"});
  REQUIRE(h.tap("kbd.enter"));
  type_keys(h, {"b"});
  CHECK(text_of(h, "talk_today") == "a\nb");
  // Next closes the keyboard and moves on, the text kept.
  REQUIRE(h.tap("nav.next"));
  CHECK_FALSE(h.ui().keyboard_open());
  CHECK(text_of(h, "talk_today") == "a\nb");

  const Questionnaire q = short_name_questionnaire();
  Harness s(1920, 1080, {}, &q);
  REQUIRE(s.tap("welcome.start"));
  REQUIRE(s.tap("text.initials"));
  CHECK_FALSE(s.has("kbd.enter"));
}


TEST_CASE("Done on the keyboard leaves a long page where the patient was, not at its top") {
  Questionnaire q;
  q.id = "long-page";
  q.version = "1";
  q.languages = {"en"};
  q.default_language = "en";
  q.title = Text::plain("en", "Long page");
  Page p;
  p.id = "p";
  for (int i = 1; i <= 7; ++i) {
    Item it;
    it.id = "note" + std::to_string(i);
    it.kind = ItemKind::Info;
    it.text = Text::plain("en", "A paragraph of text that takes some room on the page, number " + std::to_string(i) +
                                    ", so that the eighth item is far below the top of the page.");
    p.items.push_back(it);
  }
  Item last;
  last.id = "last";
  last.kind = ItemKind::ShortText;
  last.text = Text::plain("en", "The eighth item: a few words, if you like");
  last.max_length = 40;
  p.items.push_back(last);
  q.pages.push_back(p);

  Harness h(1920.0f, 1080.0f, {}, &q);
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.scroll_into_view("text.last"));
  const float field_y = h.find("text.last")->y;
  REQUIRE(h.tap("text.last"));
  REQUIRE(h.has("kbd.done"));
  REQUIRE(h.tap("kbd.a"));
  REQUIRE(h.tap("kbd.done"));
  h.frame();
  const auto* field = h.find("text.last");
  REQUIRE(field != nullptr);  // still in view: the page did not jump back to its top
  // Where it was, give or take the cue strip or a line of the typed words.
  CHECK(std::abs(field->y - field_y) < rk::ui::Em());
}

}  // namespace rk::test
