// Piping: "{item_id}" becomes the answer (a number, option labels in the session language, the
// free text); unanswered or hidden becomes "—"; anything else stays as written.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "session.hpp"

using rk::Answer;
using rk::Session;
using rk::fixtures::tr;

namespace {
const Session::Clock::time_point kStart = Session::Clock::time_point{} + std::chrono::hours(500000);
const rk::Text kPlain = rk::Text::plain("en", "");
}  // namespace

TEST_CASE("a ruler pipe becomes the number, twice if written twice") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.set_answer("importance", Answer::number(6));
  CHECK(s.resolve(q.find_item("importance_why")->text) == "You chose 6. Why not lower?");
  CHECK(s.resolve(tr("{importance} and not {importance}", "")) == "6 and not 6");
  s.set_answer("importance", Answer::number(0));
  CHECK(s.resolve(q.find_item("importance_why")->text) == "You chose 0. Why not lower?");
}

TEST_CASE("a choice pipe becomes the option labels in the session language") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.set_answer("focus", Answer::pick("sleep"));
  const rk::Text& prompt = q.find_item("importance")->text;
  CHECK(s.resolve(prompt) == "How important is Sleep to you?");
  s.set_language("es");
  CHECK(s.resolve(prompt) == "¿Qué tan importante es Dormir para usted?");
  s.set_answer("strengths", Answer::picks_of({"kind", "brave"}));
  CHECK(s.resolve(tr("{strengths}", "Usted es: {strengths}.")) == "Usted es: Amable; Valiente.");
  CHECK(s.resolve_in(tr("You are: {strengths}.", "x"), "en") == "You are: Kind; Brave.");
}

TEST_CASE("a free-text pipe becomes the patient's words verbatim") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("es", kStart);
  s.set_answer("focus", Answer::pick("other"));
  s.set_answer("focus_other", Answer::free_text("mi {salud}"));
  CHECK(s.resolve(tr("", "Sobre {focus_other}:")) ==
        "Sobre mi {salud}:");  // braces inside answers are not re-read
}

TEST_CASE("an unanswered or hidden pipe becomes an em dash") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  CHECK(s.resolve(q.find_item("importance_why")->text) == "You chose \u2014. Why not lower?");
  s.set_answer("focus", Answer::pick("other"));
  s.set_answer("focus_other", Answer::free_text("Dogs"));
  CHECK(s.resolve(tr("About {focus_other}", "")) == "About Dogs");
  s.set_answer("focus", Answer::pick("work"));  // focus_other hidden now
  CHECK(s.resolve(tr("About {focus_other}", "")) == "About \u2014");
}

TEST_CASE("unknown ids, info items and unbalanced braces stay as written") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.set_answer("importance", Answer::number(4));
  CHECK(s.resolve(tr("{nobody} {importance}", "")) == "{nobody} 4");
  CHECK(s.resolve(tr("{intro}", "")) == "{intro}");
  CHECK(s.resolve(tr("open { only", "")) == "open { only");
  CHECK(s.resolve(tr("close } only {importance}", "")) == "close } only 4");
  CHECK(s.resolve(tr("{ {importance}", "")) == "{ 4");
  CHECK(s.resolve(tr("{importance", "")) == "{importance");
  CHECK(s.resolve(tr("{}", "")) == "{}");
  CHECK(s.resolve(tr("{{importance}}", "")) == "{4}");
  CHECK(s.resolve(tr("no pipes at all", "")) == "no pipes at all");
  CHECK(s.resolve(kPlain).empty());
}

TEST_CASE("text missing in the session language falls back to the default language") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("es", kStart);
  s.set_answer("importance", Answer::number(9));
  CHECK(s.resolve(rk::Text::plain("en", "Only English {importance}")) == "Only English 9");
}

TEST_CASE("read aloud: pipes speak choices and numbers, never the patient's typed words") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.set_answer("importance", Answer::number(6));
  s.set_answer("focus", Answer::pick("other"));
  s.set_answer("focus_other", Answer::free_text("my private words"));
  CHECK(s.resolve_spoken(q.find_item("importance_why")->text) == "You chose 6. Why not lower?");
  CHECK(s.resolve_spoken(tr("{focus}: {focus_other}", "")) == s.resolve(tr("{focus}", "")) + ": \u2014");
  CHECK(s.resolve(tr("About {focus_other}", "")) == "About my private words");  // the screen still shows it
}
