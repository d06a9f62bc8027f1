// Navigation: start, next and back across skipped pages, review, edit round trip, progress,
// required items.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "session.hpp"

using rk::Answer;
using rk::Session;
using Stage = rk::Session::Stage;

namespace {
const Session::Clock::time_point kStart = Session::Clock::time_point{} + std::chrono::hours(500000);

std::string page_id(const Session& s) {
  return s.page().id;
}
}  // namespace

TEST_CASE("a new session waits on Welcome in the default language with nothing to wipe") {
  const auto q = rk::fixtures::full();
  Session s(q);
  CHECK(s.stage() == Stage::Welcome);
  CHECK(s.language() == "en");
  CHECK_FALSE(s.in_progress());
  CHECK_FALSE(s.has_answers());
  CHECK_FALSE(s.next());
  CHECK_FALSE(s.back());
}

TEST_CASE("start opens the first page in the chosen language, an unknown language falls back") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("es", kStart);
  CHECK(s.stage() == Stage::Page);
  CHECK(page_id(s) == "welcome");
  CHECK(s.language() == "es");
  CHECK(s.in_progress());

  Session t(q);
  t.start("klingon", kStart);
  CHECK(t.language() == "en");
  CHECK(t.stage() == Stage::Page);
}

TEST_CASE("next skips pages whose conditions fail, back skips them too") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  REQUIRE(s.next());
  CHECK(page_id(s) == "focus");
  REQUIRE(s.next());
  CHECK(page_id(s) == "rulers");
  // importance unanswered: the "low" page (importance <= 2) is skipped
  REQUIRE(s.next());
  CHECK(page_id(s) == "cards");
  REQUIRE(s.next());
  CHECK(page_id(s) == "support");
  // talk_today unanswered: the safety page is skipped
  REQUIRE(s.next());
  CHECK(page_id(s) == "hope");
  REQUIRE(s.next());
  CHECK(s.stage() == Stage::Review);

  REQUIRE(s.back());
  CHECK(page_id(s) == "hope");
  REQUIRE(s.back());
  CHECK(page_id(s) == "support");
  REQUIRE(s.back());
  CHECK(page_id(s) == "cards");
  REQUIRE(s.back());
  CHECK(page_id(s) == "rulers");  // not "low"
}

TEST_CASE("answers open conditional pages, and changing an earlier answer closes them again") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.next();
  s.next();
  REQUIRE(page_id(s) == "rulers");
  REQUIRE(s.set_answer("importance", Answer::number(1)));
  REQUIRE(s.next());
  CHECK(page_id(s) == "low");
  REQUIRE(s.set_answer("low_reason", Answer::free_text("If my doctor asked.")));
  REQUIRE(s.back());
  CHECK(page_id(s) == "rulers");
  REQUIRE(s.set_answer("importance", Answer::number(8)));
  REQUIRE(s.next());
  CHECK(page_id(s) == "cards");  // "low" is hidden now
  CHECK_FALSE(s.page_visible(3));
  // the hidden answer is kept while in progress (the patient may change their mind again)
  REQUIRE(s.answer("low_reason") != nullptr);
  CHECK(s.answer("low_reason")->text == "If my doctor asked.");

  s.next();
  REQUIRE(page_id(s) == "support");
  REQUIRE(s.set_answer("talk_today", Answer::pick("yes")));
  REQUIRE(s.next());
  CHECK(page_id(s) == "safety");
  REQUIRE(s.back());
  REQUIRE(s.set_answer("talk_today", Answer::pick("no")));
  REQUIRE(s.next());
  CHECK(page_id(s) == "hope");
}

TEST_CASE("back from the first page returns to Welcome with answers kept, start resumes") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.next();
  REQUIRE(s.set_answer("focus", Answer::pick("sleep")));
  REQUIRE(s.back());
  CHECK(page_id(s) == "welcome");
  CHECK_FALSE(s.back());
  CHECK(s.stage() == Stage::Welcome);
  CHECK(s.in_progress());  // answers are still held: the idle wipe must still happen
  REQUIRE(s.answer("focus") != nullptr);
  s.start("es", kStart + std::chrono::minutes(2));
  CHECK(s.stage() == Stage::Page);
  CHECK(page_id(s) == "welcome");
  CHECK(s.language() == "es");
  CHECK(s.answer("focus")->picks == std::vector<std::string>{"sleep"});
  s.review();
  const auto summary = s.finish(kStart + std::chrono::minutes(5));
  CHECK(summary.time_taken() == std::chrono::minutes(5));  // the clock did not restart
}

TEST_CASE("review from any page, back from review opens the last visible page") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.next();
  s.review();
  CHECK(s.stage() == Stage::Review);
  CHECK_FALSE(s.next());
  REQUIRE(s.back());
  CHECK(s.stage() == Stage::Page);
  CHECK(page_id(s) == "hope");
}

TEST_CASE("edit from review opens the item's page and next returns to review") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.next();
  s.set_answer("focus", Answer::pick("work"));
  s.next();
  s.set_answer("importance", Answer::number(6));
  s.review();
  REQUIRE(s.stage() == Stage::Review);

  CHECK_FALSE(s.edit("no_such_item"));
  CHECK_FALSE(s.edit("low_reason"));  // hidden: importance is 6
  CHECK(s.stage() == Stage::Review);

  REQUIRE(s.edit("focus"));
  CHECK(s.stage() == Stage::Page);
  CHECK(page_id(s) == "focus");
  REQUIRE(s.set_answer("focus", Answer::pick("sleep")));
  REQUIRE(s.next());
  CHECK(s.stage() == Stage::Review);  // not the rulers page
  CHECK(s.answer("focus")->picks.front() == "sleep");

  // Back while editing also returns to review; afterwards next() walks normally again.
  REQUIRE(s.edit("importance"));
  REQUIRE(s.back());
  CHECK(s.stage() == Stage::Review);
  REQUIRE(s.back());
  CHECK(page_id(s) == "hope");
  REQUIRE(s.next());
  CHECK(s.stage() == Stage::Review);
  CHECK_FALSE(s.edit("focus") == false);
  CHECK(page_id(s) == "focus");
}

TEST_CASE("edit is refused outside review") {
  const auto q = rk::fixtures::full();
  Session s(q);
  CHECK_FALSE(s.edit("focus"));
  s.start("en", kStart);
  CHECK_FALSE(s.edit("focus"));
  CHECK(page_id(s) == "welcome");
}

TEST_CASE("progress counts visible pages and follows the answers") {
  const auto q = rk::fixtures::full();
  Session s(q);
  CHECK(s.progress().current == 0);
  s.start("en", kStart);
  CHECK(s.progress().current == 1);
  CHECK(s.progress().total == 6);  // welcome, focus, rulers, cards, support, hope
  s.next();
  s.next();
  CHECK(s.progress().current == 3);
  s.set_answer("importance", Answer::number(0));
  CHECK(s.progress().total == 7);  // + low
  s.set_answer("importance", Answer::number(9));
  CHECK(s.progress().total == 6);
  s.next();
  s.next();
  s.set_answer("talk_today", Answer::pick("yes"));
  CHECK(s.progress().current == 5);
  CHECK(s.progress().total == 7);  // + safety
  s.review();
  CHECK(s.progress().current == s.progress().total);
}

TEST_CASE("next refuses while a visible required item is unanswered") {
  auto q = rk::fixtures::full();
  q.pages[1].items[0].required = true;  // focus
  q.pages[1].items[1].required = true;  // focus_other (only when focus = other)
  Session s(q);
  s.start("en", kStart);
  s.next();
  REQUIRE(page_id(s) == "focus");
  REQUIRE(s.missing_required().size() == 1);
  CHECK(s.missing_required().front()->id == "focus");
  CHECK_FALSE(s.next());
  CHECK(page_id(s) == "focus");

  REQUIRE(s.set_answer("focus", Answer::pick("other")));
  REQUIRE(s.missing_required().size() == 1);
  CHECK(s.missing_required().front()->id == "focus_other");  // now shown, and required
  CHECK_FALSE(s.next());
  REQUIRE(s.set_answer("focus_other", Answer::free_text("My mother")));
  CHECK(s.missing_required().empty());
  REQUIRE(s.next());
  CHECK(page_id(s) == "rulers");

  // back is never blocked, and clearing an answer makes it missing again
  REQUIRE(s.back());
  s.clear_answer("focus_other");
  CHECK_FALSE(s.next());
  // review() is an explicit jump the UI offers; required applies to next()
  REQUIRE(s.set_answer("focus", Answer::pick("sleep")));
  CHECK(s.missing_required().empty());
  CHECK(s.next());
}

TEST_CASE("next refuses while a multiple choice has some picks but fewer than min_picks") {
  auto q = rk::fixtures::full();
  q.pages[4].items[0].min_picks = 2;  // strengths
  Session s(q);
  s.start("en", kStart);
  for (int i = 0; i < 3; ++i) s.next();
  REQUIRE(page_id(s) == "cards");
  CHECK(s.missing_required().empty());
  REQUIRE(s.toggle_pick("strengths", "kind"));
  REQUIRE(s.too_few_picks().size() == 1);
  // the UI explains a refused next() from missing_required(), so the item is listed there too
  REQUIRE(s.missing_required().size() == 1);
  CHECK(s.missing_required().front()->id == "strengths");
  CHECK_FALSE(s.next());
  REQUIRE(s.toggle_pick("strengths", "brave"));
  CHECK(s.too_few_picks().empty());
  CHECK(s.missing_required().empty());
  CHECK(s.next());
  s.back();
  s.clear_answer("strengths");  // none at all is fine: every item is optional
  CHECK(s.next());
}

TEST_CASE("a questionnaire whose pages are all hidden goes straight to review") {
  auto q = rk::fixtures::full();
  for (auto& p : q.pages) p.show_if = {rk::fixtures::when("nonexistent", rk::ConditionOp::Answered)};
  Session s(q);
  s.start("en", kStart);
  CHECK(s.stage() == Stage::Review);
  CHECK(s.progress().total == 0);
}
