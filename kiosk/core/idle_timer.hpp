#pragma once
// The kiosk's idle logic, apart from any drawing: after `timeout` quiet seconds the patient is asked
// "Are you still there?"; after a further `countdown` seconds the session is wiped. Times are
// steady-clock seconds. Disarmed (nothing to wipe) it never fires.

namespace rk {

class IdleTimer {
 public:
  enum class Phase {
    Disarmed,  ///< nothing to protect (welcome screen): never prompts
    Active,    ///< counting quiet time
    Prompt,    ///< "Are you still there?" is showing, the countdown runs
    Expired,   ///< the countdown ran out: wipe now
  };

  IdleTimer(double timeout_seconds, double countdown_seconds);

  /// Starts watching from `now` (a session began). Calling it again restarts the quiet time.
  void arm(double now);
  void disarm();
  [[nodiscard]] bool armed() const { return armed_; }

  /// Input arrived: the quiet time starts again (and a showing prompt goes away).
  void note_input(double now);

  [[nodiscard]] Phase phase(double now) const;
  /// Whole seconds left on the countdown, rounded up (what the prompt shows); 0 outside Prompt.
  [[nodiscard]] int countdown_left(double now) const;
  /// Seconds from `now` until the phase or the shown countdown next changes; a large number when
  /// disarmed or expired.
  [[nodiscard]] double seconds_until_change(double now) const;

  [[nodiscard]] double timeout_seconds() const { return timeout_; }
  [[nodiscard]] double countdown_seconds() const { return countdown_; }

 private:
  double timeout_;
  double countdown_;
  bool armed_ = false;
  double last_input_ = 0.0;
};

}  // namespace rk
