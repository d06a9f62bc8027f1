#pragma once
// The staff PIN: kept only as a salted libsodium crypto_pwhash_str hash; repeated wrong PINs lock
// the staff screen for a while.

#include <string>
#include <string_view>

namespace rk {

/// A salted, slow hash of the PIN (crypto_pwhash_str, interactive limits). Empty on failure.
std::string hash_pin(std::string_view pin);
/// True when `pin` matches `hash`. Constant-time in the PIN; false for an empty or malformed hash.
bool verify_pin(const std::string& hash, std::string_view pin);

/// Counts wrong PINs and locks after too many. Times are steady-clock seconds.
class StaffLock {
 public:
  enum class Result { Accepted, Wrong, Locked, NoPinSet };

  StaffLock(int max_attempts, int lockout_seconds);
  Result try_pin(const std::string& hash, std::string_view pin, double now);
  [[nodiscard]] bool locked(double now) const { return now < locked_until_; }
  [[nodiscard]] double seconds_left(double now) const { return locked(now) ? locked_until_ - now : 0.0; }

 private:
  int max_attempts_;
  int lockout_seconds_;
  int wrong_in_a_row_ = 0;
  double locked_until_ = -1.0;
};

}  // namespace rk
