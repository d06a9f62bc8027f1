#include "watchdog.hpp"

#include <algorithm>
#include <cstdlib>

#ifdef RK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace rk::app {

Watchdog::Watchdog() {
#ifdef RK_HAVE_SYSTEMD
  enabled_ = std::getenv("NOTIFY_SOCKET") != nullptr;
  uint64_t usec = 0;
  if (enabled_ && sd_watchdog_enabled(0, &usec) > 0) interval_ = static_cast<double>(usec) / 2e6;
#endif
}

void Watchdog::ready() {
#ifdef RK_HAVE_SYSTEMD
  if (enabled_) sd_notify(0, "READY=1");
#endif
}

void Watchdog::ping_if_due(double now) {
  if (!enabled_ || interval_ <= 0 || now - last_ping_ < interval_) return;
#ifdef RK_HAVE_SYSTEMD
  sd_notify(0, "WATCHDOG=1");
#endif
  last_ping_ = now;
}

double Watchdog::seconds_until_due(double now) const {
  if (!enabled_ || interval_ <= 0) return 1e9;
  return std::max(0.0, last_ping_ + interval_ - now);
}

}  // namespace rk::app
