// The loop's one decision: draw now, or sleep how long (idle_decision.hpp).
#include "idle_decision.hpp"

#include <doctest/doctest.h>

#include <initializer_list>

using rk::app::decide_idling;
using rk::app::kMaxSleepSeconds;
using rk::app::LoopFacts;

TEST_CASE("idle: nothing to do means no frame and the longest sleep") {
  const auto d = decide_idling(LoopFacts{});
  CHECK_FALSE(d.draw);
  CHECK(d.sleep_seconds == doctest::Approx(kMaxSleepSeconds));
}

TEST_CASE("idle: each reason to draw draws, and does not sleep") {
  LoopFacts input;
  input.active_frames = 1;
  LoopFacts glue;
  glue.input_pending = true;
  LoopFacts first;
  first.never_drawn = true;
  LoopFacts timer;
  timer.ui_due = 0;
  LoopFacts replay;
  replay.replay_due = -0.01;
  LoopFacts items;
  items.items_behind = true;
  for (const LoopFacts& f : {input, glue, first, timer, replay, items}) {
    const auto d = decide_idling(f);
    CHECK(d.draw);
    CHECK(d.sleep_seconds == 0.0);
  }
}

TEST_CASE("idle: the sleep ends when the first thing falls due, and never draws for wake-only work") {
  LoopFacts f;
  f.ui_due = 0.2;
  f.replay_due = 0.05;
  f.wake_due = 0.1;
  auto d = decide_idling(f);
  CHECK_FALSE(d.draw);
  CHECK(d.sleep_seconds == doctest::Approx(0.05));

  f.replay_due = rk::app::kNeverDue;
  f.wake_due = 0.0;  // background work due now: wake at once, but no frame for it
  d = decide_idling(f);
  CHECK_FALSE(d.draw);
  CHECK(d.sleep_seconds == 0.0);

  f.wake_due = -3.0;  // overdue is not a negative sleep
  CHECK(decide_idling(f).sleep_seconds == 0.0);
}
