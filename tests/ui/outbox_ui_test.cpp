// The UI's side of the outbox (issue 10): no session starts while summaries cannot be kept (asked
// at every welcome), the thank-you screen waits until the summary is kept, and says otherwise.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "ui_state.hpp"

using rk::ui::Screen;

namespace rk::test {

TEST_CASE("service_check_due: on arrival at welcome, then every few seconds while out of service") {
  using rk::ui::kServiceRecheckSeconds;
  using rk::ui::service_check_due;
  CHECK(service_check_due(true, false, -1.0e9, 5.0));       // just arrived
  CHECK_FALSE(service_check_due(true, false, 5.0, 500.0));  // in service: once per arrival
  CHECK_FALSE(service_check_due(true, true, 5.0, 5.0 + kServiceRecheckSeconds - 0.1));
  CHECK(service_check_due(true, true, 5.0, 5.0 + kServiceRecheckSeconds));
  CHECK_FALSE(service_check_due(false, true, -1.0e9, 5.0));  // not on welcome: never
}

TEST_CASE("out of service: the welcome screen starts no session until the folders are fixed") {
  Harness h(1080, 1920);
  REQUIRE(h.has("welcome.start"));
  // The disk filled while the kiosk sat on welcome: the tap on Start asks first.
  h.out_of_service = "The disk of the save folder /x is full: 12 KiB free, the kiosk needs 2048 KiB.";
  REQUIRE(h.tap("welcome.start"));
  CHECK(h.ui().screen() == Screen::Welcome);
  CHECK_FALSE(h.ui().session().in_progress());
  h.wait(0.5);
  CHECK_FALSE(h.has("welcome.start"));
  h.out_of_service.clear();  // staff freed some space
  h.wait(rk::ui::kServiceRecheckSeconds + 0.5);
  CHECK(h.has("welcome.start"));
  const int checks = h.service_checks;
  h.wait(60.0);
  CHECK(h.service_checks == checks);  // in service, sitting on welcome: not asked again
}

TEST_CASE("every arrival at the welcome screen asks again") {
  Harness h(1080, 1920);
  REQUIRE(h.has("welcome.start"));
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("nav.review"));
  h.out_of_service = "The save folder /x is on a read-only disk.";
  REQUIRE(h.tap("review.finish"));
  h.wait(2.5);
  REQUIRE(h.ui().screen() == Screen::ThankYou);
  h.wait(static_cast<double>(h.config().thank_you_seconds) + 1.0);
  REQUIRE(h.ui().screen() == Screen::Welcome);
  CHECK_FALSE(h.has("welcome.start"));
}

TEST_CASE("the thank-you screen waits until the summary is kept") {
  Harness h(1080, 1920);
  h.report_delivery = false;
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("nav.review"));
  REQUIRE(h.tap("review.finish"));
  h.wait(5.0);
  CHECK(h.ui().screen() == Screen::Finishing);  // not told yet: nothing is said
  h.ui().summary_kept(false);
  h.wait(0.5);
  CHECK(h.ui().screen() == Screen::ThankYou);
}

}  // namespace rk::test
