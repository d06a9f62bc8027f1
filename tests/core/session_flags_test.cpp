// Flags: raised by options and by ruler ranges, only from visible answers that are not left off,
// most urgent first.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "session.hpp"

using rk::Answer;
using rk::Session;
using rk::Severity;

namespace {
const Session::Clock::time_point kStart = Session::Clock::time_point{} + std::chrono::hours(500000);

std::vector<std::string> flag_texts(const Session& s) {
  std::vector<std::string> texts;
  for (const auto& flag : s.raised_flags()) texts.push_back(flag.summary.in("en"));
  return texts;
}
}  // namespace

TEST_CASE("no answers, no flags") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  CHECK(s.raised_flags().empty());
}

TEST_CASE("an option flag is raised while picked, with its patient message") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.set_answer("talk_today", Answer::pick("no"));
  CHECK(s.raised_flags().empty());
  s.set_answer("talk_today", Answer::pick("yes"));
  REQUIRE(s.raised_flags().size() == 1);
  CHECK(s.raised_flags()[0].severity == Severity::Urgent);
  CHECK(s.raised_flags()[0].summary.in("en") == "Wants to talk to someone today");
  CHECK(s.raised_flags()[0].patient_message.in("es") == "Avísele a recepción, por favor.");
  s.clear_answer("talk_today");
  CHECK(s.raised_flags().empty());
}

TEST_CASE("a ruler range flag is raised inside the range only") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  for (int v : {0, 1}) {
    s.set_answer("importance", Answer::number(v));
    CHECK(flag_texts(s) == std::vector<std::string>{"Very low importance"});
  }
  for (int v : {2, 5, 10}) {
    s.set_answer("importance", Answer::number(v));
    CHECK(s.raised_flags().empty());
  }
}

TEST_CASE("flags come most urgent first, whatever the page order") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.set_answer("importance", Answer::number(1));                   // Notice, page 2
  s.set_answer("topics", Answer::picks_of({"housing", "money"}));  // Soon, page 5
  s.set_answer("talk_today", Answer::pick("yes"));                 // Urgent, page 5
  CHECK(flag_texts(s) == std::vector<std::string>{"Wants to talk to someone today", "Asked about housing",
                                                  "Very low importance"});
}

TEST_CASE("left-off and hidden answers raise no flags") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.set_answer("talk_today", Answer::pick("yes"));
  s.set_left_off("talk_today", true);
  CHECK(s.raised_flags().empty());
  s.set_left_off("talk_today", false);
  CHECK(s.raised_flags().size() == 1);

  // a hidden flagged item: make topics depend on focus
  auto q2 = rk::fixtures::full();
  q2.pages[5].items[1].show_if = {rk::fixtures::when("focus", rk::ConditionOp::Equals, {"work"})};
  Session t(q2);
  t.start("en", kStart);
  t.set_answer("focus", Answer::pick("work"));
  t.set_answer("topics", Answer::picks_of({"housing"}));
  CHECK(t.raised_flags().size() == 1);
  t.set_answer("focus", Answer::pick("sleep"));
  CHECK(t.raised_flags().empty());
}
