#pragma once
// The event-driven loop: sleeps in SDL_WaitEventTimeout while nothing changes, draws a few frames
// after input, feeds pointer input through InputGlue, keeps the kiosk locked down, and runs the
// test hooks (--test-items, --screenshot-dir, --replay).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk_ui.hpp"
#include "kiosk_window.hpp"

namespace rk::app {

struct LoopOptions {
  std::string test_items_path;  ///< write the widget list here after every frame ("" = off)
  std::string screenshot_dir;   ///< where "screenshot NAME" goes ("" = the working directory)
  std::string replay_path;      ///< input script ("" = none)
  bool exit_after_replay = false;
};

/// What runs inside the loop (the kiosk UI, or the start-up error screen).
struct LoopHooks {
  std::function<void(double now)> frame;  ///< draws, between NewFrame and Render
  std::function<void(double now)> note_input;
  std::function<double(double now)> seconds_until_next_frame;
  std::function<const std::vector<ui::WidgetInfo>&()> widgets;
  std::function<std::string_view()> screen;
  std::function<void()> after_frame;                        ///< e.g. font reload (outside a frame)
  std::function<void(int width, int height)> size_changed;  ///< window size changed
  std::function<void()> woken;                              ///< a wake event arrived
  std::function<bool()> exit_requested;                     ///< e.g. the staff screen's exit
  std::function<double()> background_work;  ///< runs every loop turn; seconds until it has more
};

/// Registers (once) and returns the SDL user event type that wakes the loop from other threads.
Uint32 wake_event_type();

/// Runs until SIGTERM/SIGINT, hooks.exit_requested(), or the end of the replay with
/// exit_after_replay. Returns the exit status: 0, or 3 when the replay failed.
int run_main_loop(KioskWindow& window, const LoopHooks& hooks, const LoopOptions& options);

}  // namespace rk::app
