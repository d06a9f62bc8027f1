// The staff PIN: salted slow hash, verification, and the lock after repeated wrong PINs.
#include "staff_pin.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("a PIN hash is salted argon2id and verifies only the same PIN") {
  const std::string a = rk::hash_pin("2468");
  const std::string b = rk::hash_pin("2468");
  REQUIRE_FALSE(a.empty());
  CHECK(a.rfind("$argon2id$", 0) == 0);
  CHECK(a != b);  // a fresh salt each time
  CHECK(a.find("2468") == std::string::npos);
  CHECK(rk::verify_pin(a, "2468"));
  CHECK(rk::verify_pin(b, "2468"));
  CHECK_FALSE(rk::verify_pin(a, "2469"));
  CHECK_FALSE(rk::verify_pin(a, ""));
  CHECK_FALSE(rk::verify_pin(a, "24680"));
}

TEST_CASE("empty or malformed hashes never verify") {
  CHECK_FALSE(rk::verify_pin("", "1234"));
  CHECK_FALSE(rk::verify_pin("1234", "1234"));
  CHECK_FALSE(rk::verify_pin("$argon2id$v=19$m=65536,t=2,p=1$garbage", "1234"));
  CHECK_FALSE(rk::verify_pin(std::string(500, '$'), "1234"));
  CHECK(rk::hash_pin("").empty());
}

TEST_CASE("StaffLock locks after max wrong PINs in a row, for lockout seconds") {
  const std::string hash = rk::hash_pin("1357");
  rk::StaffLock lock(3, 300);
  double t = 1000.0;
  CHECK(lock.try_pin(hash, "0000", t) == rk::StaffLock::Result::Wrong);
  CHECK(lock.try_pin(hash, "0001", t += 1) == rk::StaffLock::Result::Wrong);
  CHECK_FALSE(lock.locked(t));
  CHECK(lock.try_pin(hash, "0002", t += 1) == rk::StaffLock::Result::Locked);
  CHECK(lock.locked(t));
  CHECK(lock.seconds_left(t) == doctest::Approx(300.0));
  // While locked even the right PIN is refused, and the clock is not extended.
  CHECK(lock.try_pin(hash, "1357", t + 10) == rk::StaffLock::Result::Locked);
  CHECK(lock.seconds_left(t + 10) == doctest::Approx(290.0));
  CHECK(lock.try_pin(hash, "1357", t + 299.5) == rk::StaffLock::Result::Locked);
  // After the lockout the right PIN opens, and the count starts again from zero.
  CHECK_FALSE(lock.locked(t + 300));
  CHECK(lock.seconds_left(t + 300) == 0.0);
  CHECK(lock.try_pin(hash, "1357", t + 300) == rk::StaffLock::Result::Accepted);
  t += 400;
  CHECK(lock.try_pin(hash, "0000", t) == rk::StaffLock::Result::Wrong);
  CHECK(lock.try_pin(hash, "0000", t) == rk::StaffLock::Result::Wrong);
  CHECK(lock.try_pin(hash, "0000", t) == rk::StaffLock::Result::Locked);
}

TEST_CASE("a right PIN resets the count of wrong ones") {
  const std::string hash = rk::hash_pin("1357");
  rk::StaffLock lock(2, 60);
  CHECK(lock.try_pin(hash, "9999", 0) == rk::StaffLock::Result::Wrong);
  CHECK(lock.try_pin(hash, "1357", 1) == rk::StaffLock::Result::Accepted);
  CHECK(lock.try_pin(hash, "9999", 2) == rk::StaffLock::Result::Wrong);
  CHECK_FALSE(lock.locked(2));
}

TEST_CASE("no PIN set: the staff screen cannot open, and that is not a wrong attempt") {
  rk::StaffLock lock(1, 60);
  CHECK(lock.try_pin("", "1234", 0) == rk::StaffLock::Result::NoPinSet);
  CHECK(lock.try_pin("", "1234", 0) == rk::StaffLock::Result::NoPinSet);
  CHECK_FALSE(lock.locked(0));
}
