#include "idle_decision.hpp"

#include <algorithm>

namespace rk::app {

Idling decide_idling(const LoopFacts& f) {
  Idling decision;
  decision.draw = f.active_frames > 0 || f.input_pending || f.never_drawn || f.ui_due <= 0 ||
                  f.replay_due <= 0 || f.items_behind;
  if (!decision.draw) {
    decision.sleep_seconds = std::max(0.0, std::min({kMaxSleepSeconds, f.ui_due, f.replay_due, f.wake_due}));
  }
  return decision;
}

}  // namespace rk::app
