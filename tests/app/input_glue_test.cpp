// The SDL → ImGui input glue, with real SDL events through SDL's own queue (dummy video driver)
// into a real ImGui context that draws a button at (100,100)–(300,300) of a 1080×1920 screen.
#include "input_glue.hpp"

#include <doctest/doctest.h>

#include <cfloat>
#include <deque>

#include "sdl_test_env.hpp"

namespace {

using rk::app::InputGlue;
using rk::app::test::SdlImGui;

constexpr int kW = 1080;
constexpr int kH = 1920;
// The button's centre, normalised as SDL gives finger coordinates.
constexpr float kButtonX = 200.0f / kW;
constexpr float kButtonY = 200.0f / kH;
constexpr float kEmptyX = 900.0f / kW;
constexpr float kEmptyY = 1800.0f / kH;

void push_finger(Uint32 type, SDL_FingerID finger, float x, float y) {
  SDL_Event e{};
  e.type = type;
  e.tfinger.touchId = 7;
  e.tfinger.fingerId = finger;
  e.tfinger.x = x;
  e.tfinger.y = y;
  REQUIRE(SDL_PushEvent(&e) == 1);
}

void push_mouse_button(Uint32 type, Uint32 which, int x, int y) {
  SDL_Event e{};
  e.type = type;
  e.button.which = which;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
  e.button.x = x;
  e.button.y = y;
  REQUIRE(SDL_PushEvent(&e) == 1);
}

/// The main loop's input path in miniature: SDL queue → backlog → glue → one ImGui frame.
struct Harness {
  SdlImGui env;
  InputGlue glue{ImGui::GetIO()};
  std::deque<SDL_Event> backlog;
  int clicks = 0;
  bool hovered = false;

  // ImGui hit-tests against the windows of the previous frame, and the kiosk has always drawn
  // its screen before anyone can touch it.
  Harness() { frames(2); }

  void frame() {
    for (const auto& e : SdlImGui::drain()) backlog.push_back(e);
    while (!backlog.empty()) {
      if (glue.feed(backlog.front(), kW, kH) == InputGlue::Fed::Deferred) break;
      backlog.pop_front();
    }
    glue.begin_frame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(kW, kH));
    ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    if (ImGui::Button("B", ImVec2(200, 200))) ++clicks;
    hovered = ImGui::IsItemHovered();
    ImGui::End();
    ImGui::Render();
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }
  [[nodiscard]] static bool pointer_gone() { return ImGui::GetIO().MousePos.x == -FLT_MAX; }
};

}  // namespace

TEST_CASE("a finger tap shorter than a frame clicks exactly once") {
  Harness h;
  h.frames(2);
  push_finger(SDL_FINGERDOWN, 1, kButtonX, kButtonY);
  push_finger(SDL_FINGERUP, 1, kButtonX, kButtonY);
  h.frames(5);
  CHECK(h.clicks == 1);
  CHECK_FALSE(ImGui::GetIO().MouseDown[0]);
  CHECK_FALSE(h.glue.pointer_down());
}

TEST_CASE("finger coordinates are scaled to the window and the finger drags the pointer") {
  Harness h;
  push_finger(SDL_FINGERDOWN, 1, 0.5f, 0.25f);
  h.frame();
  CHECK(ImGui::GetIO().MouseDown[0]);
  CHECK(ImGui::GetIO().MousePos.x == doctest::Approx(540.0));
  CHECK(ImGui::GetIO().MousePos.y == doctest::Approx(480.0));
  push_finger(SDL_FINGERMOTION, 1, 0.5f, 0.5f);
  h.frame();
  CHECK(ImGui::GetIO().MousePos.y == doctest::Approx(960.0));
  CHECK(h.glue.pointer_down());
  push_finger(SDL_FINGERUP, 1, 0.5f, 0.5f);
  h.frames(3);
  CHECK_FALSE(h.glue.pointer_down());
}

TEST_CASE("a quick drag keeps the finger down for a frame at its last position") {
  Harness h;
  push_finger(SDL_FINGERDOWN, 1, 0.5f, 0.8f);
  for (int i = 1; i <= 5; ++i) push_finger(SDL_FINGERMOTION, 1, 0.5f, 0.8f - 0.1f * static_cast<float>(i));
  push_finger(SDL_FINGERUP, 1, 0.5f, 0.3f);
  h.frame();  // the press
  CHECK(ImGui::GetIO().MouseDown[0]);
  CHECK(ImGui::GetIO().MousePos.y == doctest::Approx(0.8 * kH));
  h.frame();  // every movement so far, still down
  CHECK(ImGui::GetIO().MouseDown[0]);
  CHECK(ImGui::GetIO().MousePos.y == doctest::Approx(0.3 * kH).epsilon(0.001));
  h.frame();  // then the lift
  CHECK_FALSE(ImGui::GetIO().MouseDown[0]);
  CHECK(h.clicks == 0);
}

TEST_CASE("no hover sticks: the pointer goes away one frame after the finger lifts") {
  Harness h;
  push_finger(SDL_FINGERDOWN, 1, kButtonX, kButtonY);
  h.frame();
  CHECK(ImGui::GetIO().MouseDown[0]);
  push_finger(SDL_FINGERUP, 1, kButtonX, kButtonY);
  h.frame();  // the release frame: the click lands where the finger was
  CHECK(h.clicks == 1);
  CHECK_FALSE(Harness::pointer_gone());
  CHECK(h.glue.wants_frame());
  h.frame();  // one frame later: no pointer, no hover
  CHECK(Harness::pointer_gone());
  CHECK_FALSE(h.hovered);
  CHECK_FALSE(h.glue.wants_frame());
}

TEST_CASE("a second finger (or a palm) is ignored until every finger has lifted") {
  Harness h;
  push_finger(SDL_FINGERDOWN, 1, kEmptyX, kEmptyY);
  h.frame();
  push_finger(SDL_FINGERDOWN, 2, kButtonX, kButtonY);
  push_finger(SDL_FINGERUP, 2, kButtonX, kButtonY);
  h.frames(3);
  CHECK(h.clicks == 0);
  CHECK(ImGui::GetIO().MousePos.x == doctest::Approx(900.0));

  // Finger 2 goes down again, finger 1 lifts: finger 2 is still not the pointer, and a third
  // finger tapping the button while finger 2 rests is ignored too.
  push_finger(SDL_FINGERDOWN, 2, kEmptyX, kButtonY);
  push_finger(SDL_FINGERUP, 1, kEmptyX, kEmptyY);
  h.frames(3);
  push_finger(SDL_FINGERDOWN, 3, kButtonX, kButtonY);
  push_finger(SDL_FINGERUP, 3, kButtonX, kButtonY);
  h.frames(3);
  CHECK(h.clicks == 0);
  CHECK_FALSE(ImGui::GetIO().MouseDown[0]);

  // Every finger up: the next tap works again.
  push_finger(SDL_FINGERUP, 2, kEmptyX, kButtonY);
  push_finger(SDL_FINGERDOWN, 4, kButtonX, kButtonY);
  push_finger(SDL_FINGERUP, 4, kButtonX, kButtonY);
  h.frames(4);
  CHECK(h.clicks == 1);
}

TEST_CASE("SDL's synthetic mouse events for touches are ignored, a real mouse clicks") {
  Harness h;
  push_mouse_button(SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, 200, 200);
  push_mouse_button(SDL_MOUSEBUTTONUP, SDL_TOUCH_MOUSEID, 200, 200);
  h.frames(3);
  CHECK(h.clicks == 0);
  CHECK_FALSE(ImGui::GetIO().MouseDown[0]);

  // A finger tap with SDL's mouse copy of it: one click, not two.
  push_finger(SDL_FINGERDOWN, 1, kButtonX, kButtonY);
  push_mouse_button(SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, 200, 200);
  push_finger(SDL_FINGERUP, 1, kButtonX, kButtonY);
  push_mouse_button(SDL_MOUSEBUTTONUP, SDL_TOUCH_MOUSEID, 200, 200);
  h.frames(4);
  CHECK(h.clicks == 1);

  push_mouse_button(SDL_MOUSEBUTTONDOWN, 0, 200, 200);
  push_mouse_button(SDL_MOUSEBUTTONUP, 0, 200, 200);
  h.frames(4);
  CHECK(h.clicks == 2);
}

TEST_CASE("rapid repeated taps each click once, none lost and none doubled") {
  Harness h;
  for (int i = 0; i < 5; ++i) {
    push_finger(SDL_FINGERDOWN, 1, kButtonX, kButtonY);
    push_finger(SDL_FINGERUP, 1, kButtonX, kButtonY);
  }
  h.frames(20);
  CHECK(h.clicks == 5);
  CHECK(h.backlog.empty());
}

TEST_CASE("a long press is one press, released once") {
  Harness h;
  push_finger(SDL_FINGERDOWN, 1, kButtonX, kButtonY);
  h.frames(30);
  CHECK(ImGui::GetIO().MouseDown[0]);
  CHECK(h.clicks == 0);
  push_finger(SDL_FINGERUP, 1, kButtonX, kButtonY);
  h.frames(3);
  CHECK(h.clicks == 1);
}

TEST_CASE("a finger lifting that was never seen going down changes nothing") {
  Harness h;
  push_finger(SDL_FINGERUP, 9, kButtonX, kButtonY);
  push_finger(SDL_FINGERMOTION, 9, kButtonX, kButtonY);
  h.frames(3);
  CHECK(h.clicks == 0);
  CHECK_FALSE(ImGui::GetIO().MouseDown[0]);
}

TEST_CASE("a touch held still too long is let go without a tap, and another finger then works") {
  Harness h;
  push_finger(SDL_FINGERDOWN, 1, kButtonX, kButtonY);  // stuck on the button, never lifts
  h.frames(2);
  CHECK(ImGui::GetIO().MouseDown[0]);
  const Uint32 now = SDL_GetTicks();
  CHECK(h.glue.seconds_until_stuck(now) <= rk::app::kStuckTouchMs / 1000.0);
  CHECK_FALSE(h.glue.release_stuck(now + 1000));  // a long press is still a press
  // Sensor noise is not movement.
  push_finger(SDL_FINGERMOTION, 1, kButtonX + 0.001f, kButtonY);
  h.frame();
  CHECK(h.glue.release_stuck(now + rk::app::kStuckTouchMs + 10));
  h.frames(2);
  CHECK_FALSE(ImGui::GetIO().MouseDown[0]);
  CHECK_FALSE(h.glue.pointer_down());
  CHECK(h.clicks == 0);  // let go where nothing is: no tap
  CHECK(h.glue.seconds_until_stuck(now + rk::app::kStuckTouchMs + 10) > 1.0e6);
  // The stuck touch's own moves and lift mean nothing; another finger taps as usual.
  push_finger(SDL_FINGERMOTION, 1, kEmptyX, kEmptyY);
  push_finger(SDL_FINGERDOWN, 2, kButtonX, kButtonY);
  push_finger(SDL_FINGERUP, 2, kButtonX, kButtonY);
  h.frames(4);
  CHECK(h.clicks == 1);
  push_finger(SDL_FINGERUP, 1, kButtonX, kButtonY);
  h.frames(2);
  CHECK(h.clicks == 1);
}

TEST_CASE("a touch that keeps moving is not stuck") {
  Harness h;
  push_finger(SDL_FINGERDOWN, 1, 0.5f, 0.5f);
  h.frame();
  push_finger(SDL_FINGERMOTION, 1, 0.5f, 0.6f);
  h.frame();
  CHECK_FALSE(h.glue.release_stuck(SDL_GetTicks() + rk::app::kStuckTouchMs - 100));
  CHECK(ImGui::GetIO().MouseDown[0]);
  push_finger(SDL_FINGERUP, 1, 0.5f, 0.6f);
  h.frames(3);
}
