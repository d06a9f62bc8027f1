// Answers: every kind of item, validation (refused whole, never trimmed), toggle_pick, clear,
// left off, language switches, wipe.
#include <doctest/doctest.h>

#include "../support/shipped_languages.hpp"
#include "questionnaire_languages.hpp"
#include "fixtures.hpp"
#include "session.hpp"

using rk::Answer;
using rk::Session;
using Stage = rk::Session::Stage;

namespace {
const Session::Clock::time_point kStart = Session::Clock::time_point{} + std::chrono::hours(500000);

Session started(const rk::Questionnaire& q, const std::string& language = "en") {
  Session s(q);
  s.start(language, kStart);
  return s;
}
}  // namespace

TEST_CASE("set_answer refuses unknown items and information text") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  CHECK_FALSE(s.set_answer("nope", Answer::free_text("x")));
  CHECK_FALSE(s.set_answer("intro", Answer::free_text("x")));
  CHECK_FALSE(s.has_answers());
  CHECK(s.answer("intro") == nullptr);
}

TEST_CASE("single choice: one known option only") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  CHECK(s.set_answer("focus", Answer::pick("work")));
  CHECK_FALSE(s.set_answer("focus", Answer::pick("cooking")));
  CHECK_FALSE(s.set_answer("focus", Answer::picks_of({"work", "sleep"})));
  CHECK_FALSE(s.set_answer("focus", Answer::number(3)));
  CHECK_FALSE(s.set_answer("focus", Answer::free_text("work")));
  // refusals change nothing
  REQUIRE(s.answer("focus") != nullptr);
  CHECK(s.answer("focus")->picks == std::vector<std::string>{"work"});
  CHECK(s.answer_text(*q.find_item("focus")) == "Work");
}

TEST_CASE("yes/no: one of its two options") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  CHECK(s.set_answer("talk_today", Answer::pick("no")));
  CHECK(s.set_answer("talk_today", Answer::pick("yes")));
  CHECK_FALSE(s.set_answer("talk_today", Answer::picks_of({"yes", "no"})));
  CHECK_FALSE(s.set_answer("talk_today", Answer::pick("maybe")));
  CHECK(s.answer("talk_today")->picks.front() == "yes");
}

TEST_CASE("yes/no labels the questionnaire does not write come from the language files") {
  auto q = rk::fixtures::full();
  for (auto& option : q.pages[5].items[0].options) option.label.by_language.clear();
  CHECK(rk::bind_languages(q, rk::test::shipped_languages()).empty());
  Session s(q);
  s.start("es", kStart);
  CHECK(s.set_answer("talk_today", Answer::pick("yes")));
  CHECK(s.answer_text(*q.find_item("talk_today")) == "Sí");  // es.toml's `yes`
  s.set_language("en");
  CHECK(s.answer_text(*q.find_item("talk_today")) == "Yes");
  CHECK_FALSE(s.set_answer("talk_today", Answer::pick("si")));
}

TEST_CASE("multiple choice and card pick: picks above max_picks are refused, not trimmed") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  CHECK(s.set_answer("topics", Answer::picks_of({"money", "family"})));
  CHECK_FALSE(s.set_answer("topics", Answer::picks_of({"money", "family", "housing"})));
  CHECK(s.answer("topics")->picks.size() == 2);
  CHECK_FALSE(s.set_answer("topics", Answer::picks_of({"money", "money"})));  // duplicates
  CHECK_FALSE(s.set_answer("topics", Answer::picks_of({"money", "rent"})));   // unknown option

  CHECK(s.set_answer("strengths", Answer::picks_of({"kind", "brave", "funny"})));
  CHECK_FALSE(s.set_answer("strengths", Answer::picks_of({"kind", "brave", "funny", "patient"})));
  // max_picks 0 means as many as there are options
  CHECK(s.set_answer("values", Answer::picks_of({"family", "health", "honesty"})));
  CHECK(s.answer_text(*q.find_item("values")) == "Family; Health; Honesty");
}

TEST_CASE("toggle_pick adds and removes within max_picks") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  CHECK(s.toggle_pick("strengths", "kind"));
  CHECK(s.toggle_pick("strengths", "brave"));
  CHECK(s.toggle_pick("strengths", "funny"));
  CHECK_FALSE(s.toggle_pick("strengths", "patient"));  // a fourth card
  CHECK(s.answer("strengths")->picks == std::vector<std::string>{"kind", "brave", "funny"});
  CHECK(s.toggle_pick("strengths", "brave"));
  CHECK(s.answer("strengths")->picks == std::vector<std::string>{"kind", "funny"});
  CHECK(s.toggle_pick("strengths", "patient"));
  CHECK_FALSE(s.toggle_pick("strengths", "lazy"));
  CHECK_FALSE(s.toggle_pick("importance", "kind"));  // not a choice
  CHECK_FALSE(s.toggle_pick("intro", "kind"));
  // removing the last pick leaves no answer at all
  s.toggle_pick("strengths", "kind");
  s.toggle_pick("strengths", "funny");
  s.toggle_pick("strengths", "patient");
  CHECK(s.answer("strengths") == nullptr);
}

TEST_CASE("toggle_pick on a single choice moves the pick, and a second tap removes it") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  CHECK(s.toggle_pick("focus", "sleep"));
  CHECK(s.toggle_pick("focus", "work"));
  CHECK(s.answer("focus")->picks == std::vector<std::string>{"work"});
  CHECK(s.toggle_pick("focus", "work"));
  CHECK(s.answer("focus") == nullptr);
}

TEST_CASE("ruler: whole numbers within [min, max]") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  CHECK(s.set_answer("importance", Answer::number(0)));
  CHECK(s.set_answer("importance", Answer::number(10)));
  CHECK_FALSE(s.set_answer("importance", Answer::number(11)));
  CHECK_FALSE(s.set_answer("importance", Answer::number(-1)));
  CHECK(s.answer("importance")->value == 10);
  CHECK(s.answer_text(*q.find_item("importance")) == "10");
  // confidence runs 1..5
  CHECK_FALSE(s.set_answer("confidence", Answer::number(0)));
  CHECK(s.set_answer("confidence", Answer::number(5)));
  CHECK_FALSE(s.set_answer("confidence", Answer::number(6)));
  CHECK_FALSE(s.set_answer("confidence", Answer::pick("5")));
}

TEST_CASE("free text: length in code points, valid UTF-8 only, one line for short text") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  // name: max 10 code points. "Ñañaña ñoñ" is 10 code points but 15 bytes.
  CHECK(s.set_answer("name", Answer::free_text("Ñañaña ñoñ")));
  CHECK(s.answer("name")->text == "Ñañaña ñoñ");
  CHECK_FALSE(s.set_answer("name", Answer::free_text("Ñañaña ñoña")));  // 11
  CHECK(s.set_answer("name", Answer::free_text("0123456789")));
  CHECK_FALSE(s.set_answer("name", Answer::free_text("0123456789a")));
  CHECK_FALSE(s.set_answer("name", Answer::free_text(std::string("Jos\xC3", 4))));  // truncated é
  CHECK_FALSE(s.set_answer("name", Answer::free_text("\xC0\xAF")));                 // overlong '/'
  CHECK_FALSE(s.set_answer("name", Answer::free_text("\xED\xA0\x80")));             // surrogate
  CHECK_FALSE(s.set_answer("name", Answer::free_text("Ana\nLee")));                 // short text: one line
  CHECK(s.answer("name")->text == "0123456789");
  // long text takes several lines; "😊" (4 bytes) counts as one
  CHECK(s.set_answer("talk", Answer::free_text("First line\nsecond line 😊")));
  CHECK(s.set_answer("talk", Answer::free_text(std::string(200, 'a'))));
  CHECK_FALSE(s.set_answer("talk", Answer::free_text(std::string(201, 'a'))));
  std::string emoji;
  for (int i = 0; i < 200; ++i) emoji += "😊";
  CHECK(s.set_answer("talk", Answer::free_text(emoji)));  // 800 bytes, 200 characters
  CHECK_FALSE(s.set_answer("talk", Answer::free_text(emoji + "!")));
  CHECK_FALSE(s.set_answer("talk", Answer::number(1)));
}

TEST_CASE("an empty answer clears, clear_answer forgets the answer and the left-off mark") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  REQUIRE(s.set_answer("talk", Answer::free_text("Work stress")));
  REQUIRE(s.set_answer("talk", Answer::free_text("")));
  CHECK(s.answer("talk") == nullptr);
  REQUIRE(s.set_answer("talk", Answer::free_text("Work stress")));
  s.set_left_off("talk", true);
  CHECK(s.left_off("talk"));
  s.clear_answer("talk");
  CHECK(s.answer("talk") == nullptr);
  CHECK_FALSE(s.left_off("talk"));
  CHECK_FALSE(s.has_answers());
}

TEST_CASE("left off keeps the answer for editing, and can be undone") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  REQUIRE(s.set_answer("talk", Answer::free_text("My brother")));
  s.set_left_off("talk", true);
  CHECK(s.left_off("talk"));
  REQUIRE(s.answer("talk") != nullptr);
  CHECK(s.answer("talk")->text == "My brother");
  s.set_left_off("talk", false);
  CHECK_FALSE(s.left_off("talk"));
  s.set_left_off("no_such_item", true);
  CHECK_FALSE(s.left_off("no_such_item"));
}

TEST_CASE("switching language keeps every answer and changes answer text") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  s.next();
  REQUIRE(s.set_answer("focus", Answer::pick("sleep")));
  REQUIRE(s.set_answer("talk", Answer::free_text("Dormir mejor")));
  CHECK(s.answer_text(*q.find_item("focus")) == "Sleep");
  s.set_language("es");
  CHECK(s.language() == "es");
  CHECK(s.answer_text(*q.find_item("focus")) == "Dormir");
  CHECK(s.answer("talk")->text == "Dormir mejor");
  CHECK(s.page().id == "focus");  // the patient stays where they were
  s.set_language("fr");           // not declared: ignored
  CHECK(s.language() == "es");
}

TEST_CASE("wipe forgets everything and returns to Welcome in the default language") {
  const auto q = rk::fixtures::full();
  auto s = started(q, "es");
  s.next();
  REQUIRE(s.set_answer("focus", Answer::pick("other")));
  REQUIRE(s.set_answer("focus_other", Answer::free_text("Mi jefa")));
  REQUIRE(s.set_answer("importance", Answer::number(7)));
  s.set_left_off("importance", true);
  s.review();
  s.wipe();
  CHECK(s.stage() == Stage::Welcome);
  CHECK(s.language() == "en");
  CHECK_FALSE(s.has_answers());
  CHECK_FALSE(s.in_progress());
  CHECK(s.answer("focus") == nullptr);
  CHECK(s.answer("focus_other") == nullptr);
  CHECK(s.answer("importance") == nullptr);
  CHECK_FALSE(s.left_off("importance"));
  CHECK(s.raised_flags().empty());
  // a fresh start after a wipe starts a fresh clock and the first page
  s.start("en", kStart + std::chrono::hours(1));
  CHECK(s.page().id == "welcome");
  s.review();
  const auto summary = s.finish(kStart + std::chrono::hours(1) + std::chrono::seconds(42));
  CHECK(summary.time_taken() == std::chrono::seconds(42));
  CHECK(summary.patient_name.empty());
  CHECK(summary.talk_about.empty());
}

TEST_CASE("wipe after finish returns to Welcome") {
  const auto q = rk::fixtures::full();
  auto s = started(q);
  s.set_answer("talk", Answer::free_text("x"));
  s.review();
  (void)s.finish(kStart + std::chrono::minutes(3));
  CHECK(s.stage() == Stage::Done);
  CHECK_FALSE(s.in_progress());
  CHECK(s.has_answers());
  s.wipe();
  CHECK(s.stage() == Stage::Welcome);
  CHECK_FALSE(s.has_answers());
}
