// The kiosk's way out is the staff screen or SIGTERM: no key and no window-manager close ends it.
#include "lockdown.hpp"

#include <doctest/doctest.h>

#include <csignal>

#include "kiosk_app.hpp"
#include "sdl_test_env.hpp"

namespace {

SDL_Event key(SDL_Keycode sym, Uint16 mod) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.state = SDL_PRESSED;
  e.key.keysym.sym = sym;
  e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
  e.key.keysym.mod = mod;
  return e;
}

SDL_Event window_event(Uint8 what) {
  SDL_Event e{};
  e.type = SDL_WINDOWEVENT;
  e.window.event = what;
  return e;
}

}  // namespace

TEST_CASE("Escape, Alt+F4, Ctrl+Q, Ctrl+W and Alt+Tab do not request exit") {
  rk::app::test::SdlImGui env;
  for (const auto& e : {key(SDLK_ESCAPE, KMOD_NONE), key(SDLK_F4, KMOD_LALT), key(SDLK_q, KMOD_LCTRL),
                        key(SDLK_w, KMOD_LCTRL), key(SDLK_TAB, KMOD_LALT), key(SDLK_F4, KMOD_RALT)}) {
    CHECK_FALSE(rk::app::event_requests_exit(e, false));
    CHECK_FALSE(rk::app::event_requests_exit(e, true));  // not even during shutdown
  }
}

TEST_CASE("a window close and SDL_QUIT without SIGTERM do not request exit") {
  rk::app::test::SdlImGui env;
  SDL_Event quit{};
  quit.type = SDL_QUIT;
  CHECK_FALSE(rk::app::event_requests_exit(quit, false));
  CHECK_FALSE(rk::app::event_requests_exit(window_event(SDL_WINDOWEVENT_CLOSE), false));
  CHECK_FALSE(rk::app::event_requests_exit(window_event(SDL_WINDOWEVENT_MINIMIZED), false));
  CHECK(rk::app::event_requests_exit(quit, true));
}

TEST_CASE("SIGTERM and SIGINT only set the flag, and SDL installs no handler of its own") {
  rk::app::test::SdlImGui env;  // SDL_Init ran with our hints: a signal must not become SDL_QUIT
  rk::app::install_termination_handlers();
  rk::app::set_termination_requested(false);
  CHECK_FALSE(rk::app::termination_requested());
  std::raise(SIGTERM);
  CHECK(rk::app::termination_requested());
  bool saw_quit = false;
  for (const auto& e : rk::app::test::SdlImGui::drain()) saw_quit = saw_quit || e.type == SDL_QUIT;
  CHECK_FALSE(saw_quit);
  rk::app::set_termination_requested(false);
  std::raise(SIGINT);
  CHECK(rk::app::termination_requested());
  rk::app::set_termination_requested(false);
}

TEST_CASE("SIGHUP asks for a reload (once), never an exit, the reload waits for an empty welcome screen") {
  rk::app::install_termination_handlers();
  rk::app::set_termination_requested(false);
  CHECK_FALSE(rk::app::take_reload_request());
  REQUIRE(std::raise(SIGHUP) == 0);  // with the default action this would end the process (129)
  CHECK_FALSE(rk::app::termination_requested());
  CHECK(rk::app::take_reload_request());
  CHECK_FALSE(rk::app::take_reload_request());
  CHECK(rk::app::reload_due(true, true, false));
  CHECK_FALSE(rk::app::reload_due(true, false, false));  // a question page
  CHECK_FALSE(rk::app::reload_due(true, true, true));    // welcome, but a session holds answers
  CHECK_FALSE(rk::app::reload_due(false, true, false));
}
