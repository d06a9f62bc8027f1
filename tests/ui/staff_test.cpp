// The hidden staff gesture (hold the top-left corner 3 s), the PIN pad, lockout, the staff screen.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "audit_log.hpp"
#include "staff_pin.hpp"
#include "touch.hpp"
#include "walker.hpp"

using rk::ui::Screen;

namespace rk::test {
namespace {

void hold_corner(Harness& h, double seconds) {
  h.press_at(rk::ui::Em() * 0.5f, rk::ui::Em() * 0.5f);
  for (double t = 0.0; t < seconds; t += 0.1) h.frame(0.1);
  h.release();
  h.lift();
  h.frame();
}

void type_pin(Harness& h, const std::string& pin) {
  for (char c : pin) REQUIRE(h.tap(std::string("staff.pin.") + c));
  REQUIRE(h.tap("staff.pin.ok"));
}

KioskConfig with_pin(const std::string& pin) {
  KioskConfig c;
  c.staff_pin_hash = hash_pin(pin);
  REQUIRE_FALSE(c.staff_pin_hash.empty());
  c.staff_max_attempts = 3;
  c.staff_lockout_seconds = 60;
  return c;
}

}  // namespace

TEST_CASE("holding the corner briefly does nothing, three seconds opens the PIN pad") {
  Harness h(1080, 1920, with_pin("2468"));
  hold_corner(h, 1.5);
  CHECK(h.ui().screen() == Screen::Welcome);
  CHECK(h.ui().seconds_until_next_frame(h.now()) > 100.0);
  h.press_at(rk::ui::Em() * 0.5f, rk::ui::Em() * 0.5f);
  CHECK(h.ui().seconds_until_next_frame(h.now()) <= 3.0);  // the app must wake up for the gesture
  for (double t = 0.0; t < 3.2; t += 0.1) h.frame(0.1);
  CHECK(h.ui().screen() == Screen::StaffPin);
  h.release();
  h.lift();
  h.frame();
  CHECK(h.ui().screen() == Screen::StaffPin);
  REQUIRE(h.tap("staff.pin.cancel"));
  CHECK(h.ui().screen() == Screen::Welcome);
}

TEST_CASE("wrong PINs lock the pad, the right PIN opens the staff screen") {
  Harness h(1920, 1080, with_pin("2468"));
  REQUIRE(h.tap("welcome.start"));  // a patient was mid-way
  hold_corner(h, 3.3);
  REQUIRE(h.ui().screen() == Screen::StaffPin);
  type_pin(h, "1111");
  CHECK(h.ui().screen() == Screen::StaffPin);
  type_pin(h, "2222");
  type_pin(h, "3333");
  CHECK(h.ui().screen() == Screen::StaffPin);
  // Locked: even the right PIN is refused (the digits do nothing).
  for (char c : std::string("2468")) REQUIRE(h.tap(std::string("staff.pin.") + c));
  REQUIRE(h.tap("staff.pin.ok"));
  CHECK(h.ui().screen() == Screen::StaffPin);

  h.wait(61.0);
  type_pin(h, "2468");
  REQUIRE(h.ui().screen() == Screen::Staff);
  REQUIRE(h.has("staff.print_test"));
  REQUIRE(h.tap("staff.print_test"));
  CHECK(h.test_prints == 1);
  REQUIRE(h.tap("staff.exit"));
  CHECK(h.exits == 1);
  REQUIRE(h.tap("staff.back"));
  CHECK(h.ui().screen() == Screen::Welcome);
  CHECK_FALSE(h.ui().session().in_progress());
}

TEST_CASE("with no PIN set the pad says how to set one and cannot open") {
  Harness h(1280, 800);
  hold_corner(h, 3.3);
  REQUIRE(h.ui().screen() == Screen::StaffPin);
  type_pin(h, "0000");
  CHECK(h.ui().screen() == Screen::StaffPin);
  REQUIRE(h.tap("staff.pin.cancel"));
  CHECK(h.ui().screen() == Screen::Welcome);
}

TEST_CASE("a drag that starts in the corner is not the staff gesture") {
  Harness h(1080, 1920, with_pin("2468"));
  h.press_at(rk::ui::Em() * 0.5f, rk::ui::Em() * 0.5f);
  for (int i = 0; i < 40; ++i) {
    const float d = static_cast<float>(i) * 20.0f;
    h.move_to(rk::ui::Em() * 0.5f + d, rk::ui::Em() * 0.5f + d);
  }
  for (int i = 0; i < 40; ++i) h.frame(0.1);  // held, but far from the corner
  h.release();
  h.lift();
  h.frame();
  CHECK(h.ui().screen() == Screen::Welcome);
}

TEST_CASE("wrong PINs and the lockout go to the audit log as events, never the PIN") {
  const std::string log = "/tmp/rk-staff-audit-" + std::to_string(getpid()) + ".log";
  std::remove(log.c_str());
  REQUIRE(set_audit_file(log));
  {
    Harness h(1080, 1920, with_pin("2468"));
    hold_corner(h, 3.3);
    REQUIRE(h.ui().screen() == Screen::StaffPin);
    type_pin(h, "1357");
    type_pin(h, "9753");
    type_pin(h, "8642");
  }
  set_audit_file("");
  std::ifstream in(log);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::remove(log.c_str());
  std::size_t wrong = 0;
  for (std::size_t at = text.find("result=wrong-pin"); at != std::string::npos;
       at = text.find("result=wrong-pin", at + 1)) {
    ++wrong;
  }
  CHECK(wrong == 3);
  CHECK(text.find("staff-lockout seconds=60") != std::string::npos);
  for (const char* pin : {"1357", "9753", "8642", "2468"}) CHECK(text.find(pin) == std::string::npos);
}

TEST_CASE("the staff screen lists what waits in the outbox, with Retry and Save to folder instead") {
  Harness h(1080, 1920, with_pin("2468"));
  hold_corner(h, 3.3);
  type_pin(h, "2468");
  REQUIRE(h.ui().screen() == Screen::Staff);
  CHECK_FALSE(h.has("staff.outbox.retry"));  // nothing waits: no buttons
  h.pending = {{"summary-20261129-101500-ab12cd34", "Printing failed: the print service is not answering."}};
  h.frame();
  REQUIRE(h.tap("staff.outbox.retry"));
  CHECK(h.retries == 1);
  REQUIRE(h.tap("staff.outbox.save_instead"));
  CHECK(h.saves_instead == 1);
  CHECK(h.ui().screen() == Screen::Staff);
}

}  // namespace rk::test
