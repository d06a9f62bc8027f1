#include "lockdown.hpp"

#include <atomic>
#include <csignal>

namespace rk::app {
namespace {
std::atomic<bool> g_termination{false};  // written by the signal handler, lock-free
std::atomic<bool> g_reload{false};

extern "C" void on_termination_signal(int /*signal*/) {
  g_termination.store(true);
}
extern "C" void on_reload_signal(int /*signal*/) {
  g_reload.store(true);
}
}  // namespace

void set_kiosk_hints() {
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
  SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
}

void install_termination_handlers() {
  static_assert(std::atomic<bool>::is_always_lock_free);
  struct sigaction action {};
  action.sa_handler = on_termination_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking wait returns early
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  // SIGHUP: the systemd convention (ExecReload=), reload the files, never end the kiosk.
  action.sa_handler = on_reload_signal;
  sigaction(SIGHUP, &action, nullptr);
}

bool take_reload_request() {
  return g_reload.exchange(false);
}

bool termination_requested() {
  return g_termination.load();
}
void set_termination_requested(bool requested) {
  g_termination.store(requested);
}

bool event_requests_exit(const SDL_Event& event, bool termination) {
  // Everything else (SDL_KEYDOWN of Escape / F4 / Q / W / Tab, SDL_WINDOWEVENT_CLOSE) is
  // deliberately not an exit: the kiosk has no keyboard way out.
  return event.type == SDL_QUIT && termination;
}

void keep_window_up(SDL_Window* window, const SDL_Event& event) {
  if (window == nullptr || event.type != SDL_WINDOWEVENT) return;
  if (event.window.event == SDL_WINDOWEVENT_MINIMIZED) {
    SDL_RestoreWindow(window);
    SDL_RaiseWindow(window);
  }
}

}  // namespace rk::app
