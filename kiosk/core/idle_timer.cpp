#include "idle_timer.hpp"

#include <algorithm>
#include <cmath>

namespace rk {
namespace {
constexpr double kNever = 1.0e9;
}  // namespace

IdleTimer::IdleTimer(double timeout_seconds, double countdown_seconds)
    : timeout_(std::max(1.0, timeout_seconds)), countdown_(std::max(1.0, countdown_seconds)) {}

void IdleTimer::arm(double now) {
  armed_ = true;
  last_input_ = now;
}

void IdleTimer::disarm() {
  armed_ = false;
}

void IdleTimer::note_input(double now) {
  if (now > last_input_) last_input_ = now;
}

IdleTimer::Phase IdleTimer::phase(double now) const {
  if (!armed_) return Phase::Disarmed;
  const double quiet = now - last_input_;
  if (quiet < timeout_) return Phase::Active;
  if (quiet < timeout_ + countdown_) return Phase::Prompt;
  return Phase::Expired;
}

int IdleTimer::countdown_left(double now) const {
  if (phase(now) != Phase::Prompt) return 0;
  const double left = timeout_ + countdown_ - (now - last_input_);
  return static_cast<int>(std::ceil(left));
}

double IdleTimer::seconds_until_change(double now) const {
  switch (phase(now)) {
    case Phase::Disarmed:
    case Phase::Expired:
      return kNever;
    case Phase::Active:
      return timeout_ - (now - last_input_);
    case Phase::Prompt: {
      // The shown number changes at each whole second left; the last one ends in Expired.
      const double left = timeout_ + countdown_ - (now - last_input_);
      const double frac = left - std::floor(left);
      return frac > 0.0 ? frac : 1.0;
    }
  }
  return kNever;
}

}  // namespace rk
