#include "staff_pin.hpp"

#include <sodium.h>

#include <algorithm>

namespace rk {
namespace {

bool sodium_ready() {
  // sodium_init is idempotent and thread-safe; it returns 1 when already initialised.
  static const bool ready = sodium_init() >= 0;
  return ready;
}

}  // namespace

std::string hash_pin(std::string_view pin) {
  if (!sodium_ready() || pin.empty()) return {};
  char out[crypto_pwhash_STRBYTES] = {};
  if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return {};  // out of memory
  }
  return std::string(out);
}

bool verify_pin(const std::string& hash, std::string_view pin) {
  if (!sodium_ready() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  // crypto_pwhash_str_verify wants a NUL-terminated string inside a STRBYTES buffer.
  char stored[crypto_pwhash_STRBYTES] = {};
  std::copy(hash.begin(), hash.end(), stored);
  return crypto_pwhash_str_verify(stored, pin.data(), pin.size()) == 0;
}

StaffLock::StaffLock(int max_attempts, int lockout_seconds)
    : max_attempts_(std::max(1, max_attempts)), lockout_seconds_(std::max(0, lockout_seconds)) {}

StaffLock::Result StaffLock::try_pin(const std::string& hash, std::string_view pin, double now) {
  if (locked(now)) return Result::Locked;  // not even checked: no guessing while locked
  if (hash.empty()) return Result::NoPinSet;
  if (verify_pin(hash, pin)) {
    wrong_in_a_row_ = 0;
    return Result::Accepted;
  }
  if (++wrong_in_a_row_ >= max_attempts_) {
    wrong_in_a_row_ = 0;
    locked_until_ = now + lockout_seconds_;
    return Result::Locked;
  }
  return Result::Wrong;
}

}  // namespace rk
