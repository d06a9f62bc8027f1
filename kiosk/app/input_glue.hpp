#pragma once
// SDL → Dear ImGui input, owned here instead of Debian's imgui_impl_sdl (1.86), whose
// SDL_CaptureMouse can swallow touch on X11 (pitfalls.md). One pointer for ImGui: the mouse, or
// the first finger down. A second finger or a palm is ignored until every finger has lifted.
// A touch held still for kStuckTouchMs (a stuck finger, a bad sensor) stops being input: it is
// let go without a tap, the idle wipe comes as if nobody were there, and other fingers work.

#include <SDL.h>

#include <map>
#include <set>
#include <utility>

struct ImGuiIO;

namespace rk::app {

/// How long a touch may stay down without moving before it no longer counts.
inline constexpr Uint32 kStuckTouchMs = 20000;

class InputGlue {
 public:
  enum class Fed {
    Used,      ///< the event moved the pointer or a button: draw a frame
    Ignored,   ///< not pointer input, a synthetic touch-mouse event, or an extra finger
    Deferred,  ///< ImGui has not yet seen the previous press or release: feed it again after the
               ///< next frame, so a tap shorter than a frame is never lost
  };

  /// `io` is the ImGui io the events go to (it must outlive the glue).
  explicit InputGlue(ImGuiIO& io);

  /// Feeds one SDL event. `window_w`/`window_h` (window size in ImGui units) scale finger
  /// coordinates, which SDL gives normalised 0–1.
  Fed feed(const SDL_Event& event, int window_w, int window_h);

  /// Call right before ImGui::NewFrame(): marks pending button changes as seen and, one frame after
  /// a finger lifted, moves the pointer away so no hover sticks.
  void begin_frame();

  /// Lets go of touches held still for kStuckTouchMs by `now_ms` (SDL_GetTicks(); events carry
  /// the same clock). True when something was let go (draw a frame).
  bool release_stuck(Uint32 now_ms);
  /// Seconds from `now_ms` until release_stuck has work (a large number when none).
  [[nodiscard]] double seconds_until_stuck(Uint32 now_ms) const;

  /// A finger (or the mouse button) is down right now.
  [[nodiscard]] bool pointer_down() const;
  /// The glue still has to draw a frame for its own sake (a hover to clear).
  [[nodiscard]] bool wants_frame() const { return hover_clear_pending_ || change_unseen_; }

 private:
  using FingerKey = std::pair<SDL_TouchID, SDL_FingerID>;
  struct Finger {
    Uint32 still_since = 0;  ///< event time of the last real movement (or the press)
    float x = 0, y = 0;      ///< normalised position then
  };
  Fed finger_event(const SDL_Event& event, int window_w, int window_h);
  Fed mouse_event(const SDL_Event& event);
  void press(float x, float y);
  void release(float x, float y);

  ImGuiIO& io_;
  std::map<FingerKey, Finger> fingers_down_;
  std::set<FingerKey> stuck_;  ///< let go by release_stuck, still physically down
  bool tracking_finger_ = false;
  FingerKey tracked_{};
  bool mouse_down_ = false;
  bool change_unseen_ = false;  ///< a press or release ImGui has not had a frame for yet
  bool moved_unseen_ = false;   ///< the pressed pointer moved since the last frame
  bool hover_clear_pending_ = false;
  int frames_since_lift_ = 0;
};

}  // namespace rk::app
