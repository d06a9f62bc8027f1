#pragma once
// Whether the loop draws a frame now, and how long it may sleep in SDL_WaitEventTimeout when it
// does not: one pure decision (as hello_imgui's DecideIdling), asked before the loop waits and
// again after the events that woke it.

namespace rk::app {

/// Seconds that mean "not due at all".
inline constexpr double kNeverDue = 1e9;
/// Longest sleep: bounds how late a SIGTERM is noticed.
inline constexpr double kMaxSleepSeconds = 0.25;

/// What the loop knows when it decides.
struct LoopFacts {
  int active_frames = 0;          ///< frames still owed to recent input
  bool input_pending = false;     ///< the input glue wants a frame, or held-back events wait for one
  bool never_drawn = false;       ///< no frame yet: the window shows nothing
  double ui_due = kNeverDue;      ///< seconds until the UI wants a frame (a countdown, a timer)
  double replay_due = kNeverDue;  ///< seconds until the replay's next line (kNeverDue without one)
  bool items_behind = false;      ///< the replay ran lines the --test-items file does not show yet
  double wake_due = kNeverDue;    ///< seconds until work that wakes the loop but draws nothing
                                  ///< (background work, the watchdog, a stuck-touch check)
};

struct Idling {
  bool draw = false;           ///< draw a frame this turn (and do not sleep)
  double sleep_seconds = 0.0;  ///< otherwise, how long to wait for events
};

Idling decide_idling(const LoopFacts& facts);

}  // namespace rk::app
