// Replay scripts: commands become real SDL events in SDL's queue; waits and failures.
#include "replay.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "sdl_test_env.hpp"

namespace {

using rk::app::Replay;
using rk::app::test::SdlImGui;

const std::vector<rk::ui::WidgetInfo> kWidgets = {
    {"welcome.start", "Start", 100, 200, 300, 100},
    {"kbd.a", "a", 0, 1000, 100, 100},
    {"kbd.ñ", "ñ", 100, 1000, 100, 100},
    {"kbd.space", "space", 200, 1000, 400, 100},
};

Replay::View view(std::string_view screen, long frame, double now,
                  const std::vector<rk::ui::WidgetInfo>& widgets = kWidgets) {
  return Replay::View{widgets, screen, 1000, 2000, 1, frame, now};
}

std::vector<SDL_Event> fingers() {
  std::vector<SDL_Event> out;
  for (const auto& e : SdlImGui::drain()) {
    if (e.type == SDL_FINGERDOWN || e.type == SDL_FINGERUP || e.type == SDL_FINGERMOTION) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("tap-id taps the widget's centre with normalised finger events, then waits to settle") {
  SdlImGui env;
  auto replay = Replay::from_text("tap-id welcome.start\nwait-frames 1\n");
  replay.advance(view("Welcome", 9, 0.0));
  CHECK(fingers().empty());  // the screen just appeared: the kiosk would ignore a tap now
  CHECK(replay.seconds_until_due(0.1) == doctest::Approx(0.4));
  replay.advance(view("Welcome", 10, 0.6));
  const auto events = fingers();
  REQUIRE(events.size() == 2);
  CHECK(events[0].type == SDL_FINGERDOWN);
  CHECK(events[1].type == SDL_FINGERUP);
  CHECK(events[0].tfinger.x == doctest::Approx(0.25));   // (100 + 150) / 1000
  CHECK(events[0].tfinger.y == doctest::Approx(0.125));  // (200 + 50) / 2000
  CHECK_FALSE(replay.finished());
  replay.advance(view("Welcome", 12, 0.7));
  CHECK_FALSE(replay.finished());  // still settling
  replay.advance(view("Question", 14, 0.8));
  replay.advance(view("Question", 15, 0.9));
  CHECK(replay.finished());
  CHECK_FALSE(replay.failed());
}

TEST_CASE("type taps the keyboard keys, UTF-8 characters whole") {
  SdlImGui env;
  auto replay = Replay::from_text("type añ a\n");
  long frame = 0;
  double now = 0;
  for (int i = 0; i < 40 && !replay.finished(); ++i) replay.advance(view("Question", frame += 5, now += 0.6));
  CHECK(replay.finished());
  CHECK_FALSE(replay.failed());
  CHECK(fingers().size() == 8);  // four keys, down and up each
}

TEST_CASE("wait-screen waits, then fails with the line number when the screen never comes") {
  SdlImGui env;
  auto replay = Replay::from_text("# a comment\n\nwait-screen Review 500\n");
  replay.advance(view("Question", 1, 10.0));
  CHECK_FALSE(replay.finished());
  CHECK_FALSE(replay.failed());
  replay.advance(view("Question", 2, 10.4));
  CHECK_FALSE(replay.failed());
  replay.advance(view("Question", 3, 10.6));
  REQUIRE(replay.failed());
  CHECK(replay.error().find("line 3") != std::string::npos);
  CHECK(replay.error().find("Review") != std::string::npos);
}

TEST_CASE("unknown commands, missing widgets and bad keys are errors") {
  SdlImGui env;
  auto unknown = Replay::from_text("jump 3\n");
  unknown.advance(view("Welcome", 1, 0));
  CHECK(unknown.failed());

  auto missing = Replay::from_text("tap-id nav.next\n");
  missing.advance(view("Welcome", 1, 0));
  CHECK_FALSE(missing.failed());  // it waits for the widget to appear...
  missing.advance(view("Welcome", 2, 11));
  CHECK(fingers().empty());
  CHECK(missing.failed());  // ...for 10 s
  CHECK(missing.error().find("nav.next") != std::string::npos);

  auto bad_key = Replay::from_text("key ctrl+nosuchkey\n");
  bad_key.advance(view("Welcome", 1, 0));
  CHECK(bad_key.failed());
}

TEST_CASE("keys and window-close go through the queue as a keyboard and a window manager send them") {
  SdlImGui env;
  auto replay = Replay::from_text("key alt+f4\nkey escape\nwindow-close\n");
  long frame = 0;
  for (int i = 0; i < 20 && !replay.finished(); ++i)
    replay.advance(view("Welcome", frame += 5, 0));  // keys: no wait
  CHECK(replay.finished());
  int f4_down = 0;
  int escape_down = 0;
  int quits = 0;
  for (const auto& e : SdlImGui::drain()) {
    if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_F4 && (e.key.keysym.mod & KMOD_ALT) != 0) ++f4_down;
    if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_ESCAPE) ++escape_down;
    if (e.type == SDL_QUIT) ++quits;
  }
  CHECK(f4_down == 1);
  CHECK(escape_down == 1);
  CHECK(quits == 1);
}

TEST_CASE("taps wait for a still screen and a gap after the last tap, keyboard keys only the first") {
  SdlImGui env;
  auto replay = Replay::from_text("tap-id welcome.start\ntap-id welcome.start\ntap-id kbd.a\ntap-id kbd.a\n");
  replay.advance(view("Welcome", 1, 5.0));
  CHECK(fingers().empty());
  replay.advance(view("Welcome", 2, 5.5));
  CHECK(fingers().size() == 2);
  for (long f = 3; f < 8; ++f) replay.advance(view("Welcome", f, 5.6));  // settled, but too soon
  CHECK(fingers().empty());
  replay.advance(view("Welcome", 8, 6.0));
  CHECK(fingers().size() == 2);
  for (long f = 9; f < 14; ++f) replay.advance(view("Welcome", f, 6.5));  // first key: after the gap
  CHECK(fingers().size() == 2);
  for (long f = 14; f < 19; ++f) replay.advance(view("Welcome", f, 6.55));  // next key: at once
  CHECK(fingers().size() == 2);
}

TEST_CASE("screenshot asks the loop for one frame, once") {
  SdlImGui env;
  auto replay = Replay::from_text("screenshot welcome\n");
  replay.advance(view("Welcome", 1, 0));
  CHECK(replay.take_screenshot_request() == "welcome");
  CHECK(replay.take_screenshot_request().empty());
  replay.advance(view("Welcome", 2, 0));
  CHECK(replay.finished());
}
