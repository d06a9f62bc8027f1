// Conditions: every operator, on items and on pages; all must hold; a condition on a hidden item
// does not hold; visibility follows changed answers.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "session.hpp"

using rk::Answer;
using rk::ConditionOp;
using rk::Session;
using rk::fixtures::when;

namespace {
const Session::Clock::time_point kStart = Session::Clock::time_point{} + std::chrono::hours(500000);

bool shows(const Session& s, const rk::Questionnaire& q, const std::string& id) {
  const rk::Item* item = q.find_item(id);
  REQUIRE(item != nullptr);
  return s.item_visible(*item);
}

/// The full fixture plus a last page of probes, one per condition under test.
rk::Questionnaire with_probes(std::vector<std::vector<rk::Condition>> probes) {
  auto q = rk::fixtures::full();
  std::vector<rk::Item> items;
  for (std::size_t i = 0; i < probes.size(); ++i) {
    auto probe = rk::fixtures::item("probe" + std::to_string(i), rk::ItemKind::ShortText,
                                    rk::fixtures::tr("Probe", "Sonda"));
    probe.show_if = std::move(probes[i]);
    items.push_back(std::move(probe));
  }
  q.pages.push_back(rk::fixtures::page("probes", std::move(items)));
  return q;
}
}  // namespace

TEST_CASE("Equals on a single choice") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  CHECK_FALSE(shows(s, q, "focus_other"));
  s.set_answer("focus", Answer::pick("sleep"));
  CHECK_FALSE(shows(s, q, "focus_other"));
  s.set_answer("focus", Answer::pick("other"));
  CHECK(shows(s, q, "focus_other"));
  s.clear_answer("focus");
  CHECK_FALSE(shows(s, q, "focus_other"));
}

TEST_CASE("Equals on multiple picks means the picks include the value") {
  const auto q = with_probes({{when("topics", ConditionOp::Equals, {"housing"})}});
  Session s(q);
  s.start("en", kStart);
  s.set_answer("topics", Answer::picks_of({"money"}));
  CHECK_FALSE(shows(s, q, "probe0"));
  s.set_answer("topics", Answer::picks_of({"money", "housing"}));
  CHECK(shows(s, q, "probe0"));
  s.toggle_pick("topics", "housing");
  CHECK_FALSE(shows(s, q, "probe0"));
}

TEST_CASE("Equals on a ruler number and on free text") {
  const auto q = with_probes(
      {{when("importance", ConditionOp::Equals, {"5"})}, {when("talk", ConditionOp::Equals, {"money"})}});
  Session s(q);
  s.start("en", kStart);
  s.set_answer("importance", Answer::number(5));
  s.set_answer("talk", Answer::free_text("money"));
  CHECK(shows(s, q, "probe0"));
  CHECK(shows(s, q, "probe1"));
  s.set_answer("importance", Answer::number(6));
  s.set_answer("talk", Answer::free_text("money!"));
  CHECK_FALSE(shows(s, q, "probe0"));
  CHECK_FALSE(shows(s, q, "probe1"));
}

TEST_CASE("OneOf on a single choice and on multiple picks") {
  const auto q = with_probes({{when("topics", ConditionOp::OneOf, {"housing", "family"})}});
  Session s(q);
  s.start("en", kStart);
  CHECK_FALSE(shows(s, q, "hidden_note"));
  s.set_answer("focus", Answer::pick("sleep"));
  CHECK_FALSE(shows(s, q, "hidden_note"));
  s.set_answer("focus", Answer::pick("work"));
  CHECK(shows(s, q, "hidden_note"));
  s.set_answer("focus", Answer::pick("other"));
  CHECK(shows(s, q, "hidden_note"));

  CHECK_FALSE(shows(s, q, "probe0"));
  s.set_answer("topics", Answer::picks_of({"money"}));
  CHECK_FALSE(shows(s, q, "probe0"));
  s.set_answer("topics", Answer::picks_of({"money", "family"}));
  CHECK(shows(s, q, "probe0"));
}

TEST_CASE("AtLeast and AtMost on a ruler, boundaries included") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  CHECK_FALSE(shows(s, q, "confidence"));  // unanswered: neither AtLeast nor AtMost holds
  CHECK_FALSE(s.page_visible(3));
  s.set_answer("importance", Answer::number(2));
  CHECK_FALSE(shows(s, q, "confidence"));
  CHECK(s.page_visible(3));
  s.set_answer("importance", Answer::number(3));
  CHECK(shows(s, q, "confidence"));
  CHECK_FALSE(s.page_visible(3));
  s.set_answer("importance", Answer::number(0));
  CHECK(s.page_visible(3));
  CHECK(shows(s, q, "low_reason"));
}

TEST_CASE("AtLeast / AtMost never match a choice or text answer") {
  const auto q = with_probes(
      {{when("focus", ConditionOp::AtLeast, {}, 0)}, {when("talk", ConditionOp::AtMost, {}, 100)}});
  Session s(q);
  s.start("en", kStart);
  s.set_answer("focus", Answer::pick("work"));
  s.set_answer("talk", Answer::free_text("3"));
  CHECK_FALSE(shows(s, q, "probe0"));
  CHECK_FALSE(shows(s, q, "probe1"));
}

TEST_CASE("Answered holds for any answer and stops holding when cleared") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  CHECK_FALSE(shows(s, q, "importance_why"));
  s.set_answer("importance", Answer::number(0));  // zero is an answer
  CHECK(shows(s, q, "importance_why"));
  s.clear_answer("importance");
  CHECK_FALSE(shows(s, q, "importance_why"));
}

TEST_CASE("all conditions of a list must hold") {
  const auto q = with_probes(
      {{when("focus", ConditionOp::Equals, {"work"}), when("importance", ConditionOp::AtLeast, {}, 5)}});
  Session s(q);
  s.start("en", kStart);
  s.set_answer("focus", Answer::pick("work"));
  CHECK_FALSE(shows(s, q, "probe0"));
  s.set_answer("importance", Answer::number(5));
  CHECK(shows(s, q, "probe0"));
  s.set_answer("focus", Answer::pick("sleep"));
  CHECK_FALSE(shows(s, q, "probe0"));
}

TEST_CASE("a condition on a hidden item does not hold, even though its answer is kept") {
  const auto q = with_probes(
      {{when("focus_other", ConditionOp::Answered)}, {when("talk_detail", ConditionOp::Answered)}});
  Session s(q);
  s.start("en", kStart);
  s.set_answer("focus", Answer::pick("other"));
  REQUIRE(s.set_answer("focus_other", Answer::free_text("My dog")));
  CHECK(shows(s, q, "probe0"));
  s.set_answer("focus", Answer::pick("work"));  // hides focus_other
  CHECK_FALSE(shows(s, q, "focus_other"));
  CHECK_FALSE(shows(s, q, "probe0"));
  CHECK(s.answer("focus_other") != nullptr);
  s.set_answer("focus", Answer::pick("other"));  // the kept answer counts again
  CHECK(shows(s, q, "probe0"));

  // talk_detail sits on a page hidden unless talk_today = yes
  s.set_answer("talk_today", Answer::pick("yes"));
  REQUIRE(s.set_answer("talk_detail", Answer::free_text("A nurse")));
  CHECK(shows(s, q, "probe1"));
  s.set_answer("talk_today", Answer::pick("no"));
  CHECK_FALSE(shows(s, q, "talk_detail"));
  CHECK_FALSE(shows(s, q, "probe1"));
}

TEST_CASE("a condition naming an unknown item never holds") {
  const auto q = with_probes({{when("ghost", ConditionOp::Answered)}});
  Session s(q);
  s.start("en", kStart);
  CHECK_FALSE(shows(s, q, "probe0"));
}

TEST_CASE("a page whose items are all hidden is hidden and skipped") {
  auto q = rk::fixtures::full();
  for (auto& it : q.pages[4].items) it.show_if = {when("focus", ConditionOp::Equals, {"work"})};
  Session s(q);
  s.start("en", kStart);
  CHECK_FALSE(s.page_visible(4));
  s.next();
  s.set_answer("focus", Answer::pick("sleep"));
  s.next();
  REQUIRE(s.page().id == "rulers");
  s.next();
  CHECK(s.page().id == "support");
  s.back();
  s.back();
  s.set_answer("focus", Answer::pick("work"));
  CHECK(s.page_visible(4));
  s.next();
  s.next();
  CHECK(s.page().id == "cards");
  CHECK(s.visible_items().size() == 2);
}

TEST_CASE("visible_items lists only the items that show, in file order") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.next();
  REQUIRE(s.visible_items().size() == 2);
  CHECK(s.visible_items()[0]->id == "focus");
  CHECK(s.visible_items()[1]->id == "talk");
  s.set_answer("focus", Answer::pick("other"));
  REQUIRE(s.visible_items().size() == 3);
  CHECK(s.visible_items()[1]->id == "focus_other");
}

TEST_CASE("a cycle of conditions built in code hides the items instead of recursing forever") {
  auto q = rk::fixtures::full();
  q.pages[1].items[0].show_if = {when("talk", ConditionOp::Answered)};
  q.pages[1].items[2].show_if = {when("focus", ConditionOp::Answered)};
  Session s(q);
  s.start("en", kStart);
  CHECK_FALSE(shows(s, q, "focus"));
  CHECK_FALSE(shows(s, q, "talk"));
}

TEST_CASE("a long chain of conditions, each on the two items before it, stays quick and exact") {
  // Walked naively, each visibility check would fork twice per link (about 2^60 steps here).
  rk::Questionnaire q = rk::fixtures::full();
  std::vector<rk::Item> chain;
  for (int k = 0; k < 60; ++k) {
    auto link =
        rk::fixtures::item("link" + std::to_string(k), rk::ItemKind::ShortText, rk::fixtures::tr("L", "L"));
    if (k >= 1) link.show_if.push_back(when("link" + std::to_string(k - 1), ConditionOp::Answered));
    if (k >= 2) link.show_if.push_back(when("link" + std::to_string(k - 2), ConditionOp::Answered));
    chain.push_back(std::move(link));
  }
  q.pages.push_back(rk::fixtures::page("chain", std::move(chain)));
  Session s(q);
  s.start("en", kStart);
  for (int k = 0; k < 60; ++k) REQUIRE(s.set_answer("link" + std::to_string(k), Answer::free_text("x")));
  CHECK(shows(s, q, "link59"));
  s.clear_answer("link0");
  CHECK(shows(s, q, "link0"));
  CHECK_FALSE(shows(s, q, "link1"));
  CHECK_FALSE(shows(s, q, "link59"));  // hidden all the way down, answers kept
  CHECK(s.answer("link59") != nullptr);
}
