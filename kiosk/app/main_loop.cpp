#include "main_loop.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <optional>

#include "idle_decision.hpp"
#include "input_glue.hpp"
#include "lockdown.hpp"
#include "png_writer.hpp"
#include "replay.hpp"
#include "watchdog.hpp"
#include "widget_list_file.hpp"

namespace rk::app {
namespace {

/// Frames drawn after any input, so presses, releases and the screen they lead to all show.
constexpr int kActiveFramesAfterInput = 3;
const std::vector<ui::WidgetInfo> kNoWidgets;

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool is_pointer_event(Uint32 type) {
  switch (type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEWHEEL:
      return true;
    default:
      return false;
  }
}

std::string screenshot_path(const std::string& dir, const std::string& name) {
  const std::string file = name.size() > 4 && name.ends_with(".png") ? name : name + ".png";
  return dir.empty() ? file : dir + "/" + file;
}

}  // namespace

Uint32 wake_event_type() {
  static const Uint32 type = SDL_RegisterEvents(1);  // once per process, thread-safe init
  return type;
}

int run_main_loop(KioskWindow& window, const LoopHooks& hooks, const LoopOptions& options) {
  std::optional<Replay> replay;
  if (!options.replay_path.empty()) {
    std::string error;
    replay = Replay::open(options.replay_path, error);
    if (!replay) {
      std::fprintf(stderr, "readiness-kiosk: cannot read the replay script: %s\n", error.c_str());
      return 2;
    }
  }
  const Uint32 wake = wake_event_type();
  InputGlue glue(ImGui::GetIO());
  Watchdog watchdog;
  std::deque<SDL_Event> backlog;  // pointer events waiting for ImGui to see an earlier change
  int active_frames = kActiveFramesAfterInput;
  long frames = 0;
  bool quit = false;
  bool replay_error_reported = false;
  long items_replayed = -1;  // replay progress the item file last showed

  const auto take_pointer_event = [&](const SDL_Event& event, double now) {
    if (!backlog.empty()) {
      backlog.push_back(event);  // keep the order
      return;
    }
    switch (glue.feed(event, window.width(), window.height())) {
      case InputGlue::Fed::Deferred:
        backlog.push_back(event);
        break;
      case InputGlue::Fed::Used:
        if (hooks.note_input) hooks.note_input(now);
        active_frames = kActiveFramesAfterInput;
        break;
      case InputGlue::Fed::Ignored:
        break;
    }
  };
  const auto handle = [&](const SDL_Event& event, double now) {
    if (event.type == wake) {
      if (hooks.woken) hooks.woken();
      active_frames = std::max(active_frames, 2);
    } else if (event.type == SDL_QUIT) {
      // A window manager's close (Alt+F4) arrives as SDL_QUIT too; only our signal flag ends us.
      if (event_requests_exit(event, termination_requested())) quit = true;
    } else if (event.type == SDL_WINDOWEVENT) {
      keep_window_up(window.sdl_window(), event);
      if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        const int old_w = window.width();
        const int old_h = window.height();
        window.update_size();
        if ((old_w != window.width() || old_h != window.height()) && hooks.size_changed) {
          hooks.size_changed(window.width(), window.height());
        }
      }
      glue.feed(event, window.width(), window.height());
      active_frames = std::max(active_frames, 2);
    } else if (is_pointer_event(event.type)) {
      take_pointer_event(event, now);
    }
    // Keys are deliberately dropped: the kiosk has its own on-screen keyboard and no shortcuts.
  };

  while (!quit) {
    if (termination_requested()) break;
    if (hooks.exit_requested && hooks.exit_requested()) break;
    double now = steady_seconds();

    // Pointer events held back by the glue go first, in order, until one must wait again.
    while (!backlog.empty()) {
      const SDL_Event event = backlog.front();
      const auto fed = glue.feed(event, window.width(), window.height());
      if (fed == InputGlue::Fed::Deferred) break;
      backlog.pop_front();
      if (fed == InputGlue::Fed::Used) {
        if (hooks.note_input) hooks.note_input(now);
        active_frames = kActiveFramesAfterInput;
      }
    }

    // A touch held still too long (a stuck finger) stops being input: the idle wipe still comes.
    if (glue.release_stuck(SDL_GetTicks())) active_frames = std::max(active_frames, 2);
    const double background_due = hooks.background_work ? hooks.background_work() : kNeverDue;
    const bool replay_running = replay && !replay->finished() && !replay->failed();
    // What decide_idling needs, at `at` (asked before waiting and again after the events).
    const auto facts = [&](double at) {
      LoopFacts f;
      f.active_frames = active_frames;
      f.input_pending = glue.wants_frame() || !backlog.empty();
      f.never_drawn = frames == 0;
      f.ui_due = hooks.seconds_until_next_frame ? hooks.seconds_until_next_frame(at) : kNeverDue;
      f.replay_due = replay_running ? replay->seconds_until_due(at) : kNeverDue;
      f.items_behind =
          replay_running && !options.test_items_path.empty() && replay->lines_done() != items_replayed;
      f.wake_due = std::min(
          {background_due, watchdog.seconds_until_due(at), glue.seconds_until_stuck(SDL_GetTicks())});
      return f;
    };
    const Idling before = decide_idling(facts(now));
    const int timeout_ms =
        before.draw ? 0 : std::max(0, static_cast<int>(before.sleep_seconds * 1000.0 + 0.5));

    SDL_Event event;
    bool have = timeout_ms > 0 ? SDL_WaitEventTimeout(&event, timeout_ms) != 0 : SDL_PollEvent(&event) != 0;
    now = steady_seconds();
    while (have) {
      handle(event, now);
      have = SDL_PollEvent(&event) != 0;
    }
    if (quit || termination_requested()) break;
    watchdog.ping_if_due(now);

    const bool draw = decide_idling(facts(now)).draw;
    if (draw) {
      glue.begin_frame();
      window.begin_frame(now);
      ImGui::NewFrame();
      if (hooks.frame) hooks.frame(now);
      window.render();
      ++frames;
      if (replay) {
        const std::string shot = replay->take_screenshot_request();
        if (!shot.empty()) {
          int w = 0;
          int h = 0;
          const auto pixels = window.read_pixels(w, h);
          const std::string path = screenshot_path(options.screenshot_dir, shot);
          const std::string error = write_png(path, w, h, pixels);
          if (!error.empty()) std::fprintf(stderr, "readiness-kiosk: screenshot: %s\n", error.c_str());
        }
      }
      if (!options.test_items_path.empty()) {
        const std::string_view screen = hooks.screen ? hooks.screen() : std::string_view("Unknown");
        const auto& widgets = hooks.widgets ? hooks.widgets() : kNoWidgets;
        write_file_atomically(
            options.test_items_path,
            format_widget_list(widgets, frames, screen, replay ? replay->lines_done() : -1) +
                format_layout_faults(widgets, static_cast<float>(window.width()),
                                     static_cast<float>(window.height())));
        items_replayed = replay ? replay->lines_done() : -1;
      }
      window.present();
      if (active_frames > 0) --active_frames;
      if (frames == 1) watchdog.ready();
      if (hooks.after_frame) hooks.after_frame();
    }

    if (replay) {
      const Replay::View view{hooks.widgets ? hooks.widgets() : kNoWidgets,
                              hooks.screen ? hooks.screen() : std::string_view("Unknown"),
                              window.width(),
                              window.height(),
                              window.window_id(),
                              frames,
                              steady_seconds()};
      replay->advance(view);
      if (replay->failed() && !replay_error_reported) {
        replay_error_reported = true;
        std::fprintf(stderr, "readiness-kiosk: %s\n", replay->error().c_str());
        if (options.exit_after_replay) return 3;
      }
      if (replay->finished() && options.exit_after_replay) break;
    }
  }
  return 0;
}

}  // namespace rk::app
