#include "input_glue.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace rk::app {
namespace {
/// Movement smaller than this (normalised) is sensor noise, not a finger moving.
constexpr float kStillTolerance = 0.01f;
}  // namespace

InputGlue::InputGlue(ImGuiIO& io) : io_(io) {}

InputGlue::Fed InputGlue::feed(const SDL_Event& event, int window_w, int window_h) {
  switch (event.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
      return finger_event(event, window_w, window_h);
    case SDL_MOUSEMOTION:
      // SDL's own mouse copies of touches would tap twice: the finger events already count.
      return event.motion.which == SDL_TOUCH_MOUSEID ? Fed::Ignored : mouse_event(event);
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      return event.button.which == SDL_TOUCH_MOUSEID ? Fed::Ignored : mouse_event(event);
    case SDL_MOUSEWHEEL:
      return event.wheel.which == SDL_TOUCH_MOUSEID ? Fed::Ignored : mouse_event(event);
    case SDL_WINDOWEVENT:
      if (event.window.event == SDL_WINDOWEVENT_LEAVE && !tracking_finger_ && !mouse_down_) {
        io_.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        return Fed::Used;
      }
      return Fed::Ignored;
    default:
      return Fed::Ignored;
  }
}

InputGlue::Fed InputGlue::finger_event(const SDL_Event& event, int window_w, int window_h) {
  const FingerKey key{event.tfinger.touchId, event.tfinger.fingerId};
  const float x = event.tfinger.x * static_cast<float>(window_w);
  const float y = event.tfinger.y * static_cast<float>(window_h);
  const bool is_tracked = tracking_finger_ && key == tracked_;
  if (stuck_.count(key) != 0) {
    if (event.type != SDL_FINGERDOWN) {  // a touch already let go: its moves and lift mean nothing
      if (event.type == SDL_FINGERUP) stuck_.erase(key);
      return Fed::Ignored;
    }
    stuck_.erase(key);  // the id came back with a new touch
  }
  const Finger here{event.tfinger.timestamp, event.tfinger.x, event.tfinger.y};

  if (event.type == SDL_FINGERDOWN) {
    // Only a first finger on an empty screen becomes the pointer; any other contact (a second
    // finger, a palm, a finger while the mouse is down) is remembered but ignored.
    const bool first = fingers_down_.empty() && !mouse_down_;
    if (!first) {
      fingers_down_[key] = here;
      return Fed::Ignored;
    }
    if (change_unseen_) return Fed::Deferred;
    fingers_down_[key] = here;
    tracking_finger_ = true;
    tracked_ = key;
    press(x, y);
    return Fed::Used;
  }
  if (event.type == SDL_FINGERMOTION) {
    if (auto it = fingers_down_.find(key); it != fingers_down_.end()) {
      const Finger& was = it->second;
      if (std::fabs(here.x - was.x) > kStillTolerance || std::fabs(here.y - was.y) > kStillTolerance) {
        it->second = here;
      }
    }
    if (!is_tracked) return Fed::Ignored;
    if (change_unseen_) return Fed::Deferred;
    io_.MousePos = ImVec2(x, y);
    moved_unseen_ = true;
    return Fed::Used;
  }
  // SDL_FINGERUP
  if (!is_tracked) {
    fingers_down_.erase(key);
    return Fed::Ignored;
  }
  // The last movement gets a frame with the finger still down, so a drag scrolls all the way.
  if (change_unseen_ || moved_unseen_) return Fed::Deferred;
  fingers_down_.erase(key);
  tracking_finger_ = false;
  release(x, y);
  hover_clear_pending_ = true;
  frames_since_lift_ = 0;
  return Fed::Used;
}

InputGlue::Fed InputGlue::mouse_event(const SDL_Event& event) {
  if (tracking_finger_ || !fingers_down_.empty()) return Fed::Ignored;  // a finger owns the pointer
  switch (event.type) {
    case SDL_MOUSEMOTION:
      if (mouse_down_ && change_unseen_) return Fed::Deferred;
      io_.MousePos = ImVec2(static_cast<float>(event.motion.x), static_cast<float>(event.motion.y));
      hover_clear_pending_ = false;
      moved_unseen_ = mouse_down_;
      return Fed::Used;
    case SDL_MOUSEBUTTONDOWN:
      if (event.button.button != SDL_BUTTON_LEFT || mouse_down_) return Fed::Ignored;
      if (change_unseen_) return Fed::Deferred;
      mouse_down_ = true;
      press(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
      return Fed::Used;
    case SDL_MOUSEBUTTONUP:
      if (event.button.button != SDL_BUTTON_LEFT || !mouse_down_) return Fed::Ignored;
      if (change_unseen_ || moved_unseen_) return Fed::Deferred;
      mouse_down_ = false;
      release(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
      return Fed::Used;
    case SDL_MOUSEWHEEL:
      if (event.wheel.y > 0) io_.MouseWheel += 1.0f;
      if (event.wheel.y < 0) io_.MouseWheel -= 1.0f;
      return event.wheel.y != 0 ? Fed::Used : Fed::Ignored;
    default:
      return Fed::Ignored;
  }
}

void InputGlue::press(float x, float y) {
  io_.MousePos = ImVec2(x, y);
  io_.MouseDown[0] = true;
  change_unseen_ = true;
  hover_clear_pending_ = false;
}

void InputGlue::release(float x, float y) {
  io_.MousePos = ImVec2(x, y);
  io_.MouseDown[0] = false;
  change_unseen_ = true;
}

void InputGlue::begin_frame() {
  change_unseen_ = false;
  moved_unseen_ = false;
  if (!hover_clear_pending_) return;
  // The frame right after the lift still shows the release where it happened (that is where the
  // click lands); the one after has no pointer at all.
  if (frames_since_lift_ >= 1) {
    io_.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    hover_clear_pending_ = false;
  } else {
    ++frames_since_lift_;
  }
}

bool InputGlue::release_stuck(Uint32 now_ms) {
  bool released = false;
  for (auto it = fingers_down_.begin(); it != fingers_down_.end();) {
    if (now_ms - it->second.still_since < kStuckTouchMs) {
      ++it;
      continue;
    }
    if (tracking_finger_ && it->first == tracked_) {
      // Let go where nothing is, so no button under the finger takes it for a tap.
      io_.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      io_.MouseDown[0] = false;
      tracking_finger_ = false;
      change_unseen_ = true;
      released = true;
    }
    stuck_.insert(it->first);
    it = fingers_down_.erase(it);
  }
  return released;
}

double InputGlue::seconds_until_stuck(Uint32 now_ms) const {
  double wait = 1.0e9;
  for (const auto& [key, finger] : fingers_down_) {
    const Uint32 held = now_ms - finger.still_since;
    wait = std::min(wait, held >= kStuckTouchMs ? 0.0 : static_cast<double>(kStuckTouchMs - held) / 1000.0);
  }
  return wait;
}

bool InputGlue::pointer_down() const {
  return tracking_finger_ || mouse_down_;
}

}  // namespace rk::app
