#include "idle_timer.hpp"

#include <doctest/doctest.h>

using rk::IdleTimer;

TEST_CASE("idle timer: disarmed never prompts") {
  IdleTimer t(90, 20);
  CHECK(t.phase(0) == IdleTimer::Phase::Disarmed);
  CHECK(t.phase(1.0e6) == IdleTimer::Phase::Disarmed);
  CHECK(t.seconds_until_change(5) > 1.0e6);
}

TEST_CASE("idle timer: quiet time, prompt with a countdown, then expiry") {
  IdleTimer t(90, 20);
  t.arm(100);
  CHECK(t.phase(150) == IdleTimer::Phase::Active);
  CHECK(t.seconds_until_change(150) == doctest::Approx(40));
  CHECK(t.phase(190) == IdleTimer::Phase::Prompt);
  CHECK(t.countdown_left(190) == 20);
  CHECK(t.countdown_left(190.5) == 20);
  CHECK(t.countdown_left(191) == 19);
  CHECK(t.seconds_until_change(190.25) == doctest::Approx(0.75));
  CHECK(t.countdown_left(209.9) == 1);
  CHECK(t.phase(210) == IdleTimer::Phase::Expired);
  CHECK(t.countdown_left(210) == 0);
}

TEST_CASE("idle timer: input restarts the quiet time and dismisses the prompt") {
  IdleTimer t(90, 20);
  t.arm(0);
  CHECK(t.phase(95) == IdleTimer::Phase::Prompt);
  t.note_input(95);
  CHECK(t.phase(96) == IdleTimer::Phase::Active);
  CHECK(t.phase(184) == IdleTimer::Phase::Active);
  CHECK(t.phase(186) == IdleTimer::Phase::Prompt);
  t.note_input(10);  // a late, older event never moves the clock back
  CHECK(t.phase(186) == IdleTimer::Phase::Prompt);
  t.disarm();
  CHECK(t.phase(500) == IdleTimer::Phase::Disarmed);
}

TEST_CASE("idle timer: nonsense settings are clamped to at least a second") {
  IdleTimer t(0, -5);
  t.arm(0);
  CHECK(t.phase(0.5) == IdleTimer::Phase::Active);
  CHECK(t.phase(1.5) == IdleTimer::Phase::Prompt);
  CHECK(t.phase(2.5) == IdleTimer::Phase::Expired);
}
