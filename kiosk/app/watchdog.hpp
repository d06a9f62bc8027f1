#pragma once
// systemd's service watchdog: READY=1 once the first frame is up, WATCHDOG=1 from the main loop.
// Does nothing when $NOTIFY_SOCKET is unset or the build has no libsystemd.

namespace rk::app {

class Watchdog {
 public:
  Watchdog();
  void ready();
  /// Pings when half the watchdog interval has passed since the last ping. `now`: steady seconds.
  void ping_if_due(double now);
  /// Seconds until the next ping is due (a large number when there is no watchdog).
  [[nodiscard]] double seconds_until_due(double now) const;

 private:
  bool enabled_ = false;
  double interval_ = 0;  ///< seconds between pings; 0 when the service has no watchdog
  double last_ping_ = -1e9;
};

}  // namespace rk::app
