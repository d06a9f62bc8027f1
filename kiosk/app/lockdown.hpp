#pragma once
// Locked down: no keyboard shortcut or window-manager request closes or minimises the kiosk. It
// ends only through the staff screen or on SIGTERM / SIGINT (clean exit, status 0).

#include <SDL.h>

namespace rk::app {

/// SDL hints for a kiosk: touches are not doubled as mouse events (and back), the window does not
/// minimise when it loses focus, SDL installs no signal handlers of its own (ours decide), and a
/// fullscreen grab takes system shortcuts such as Alt+Tab. Call before SDL_Init.
void set_kiosk_hints();

/// Installs SIGTERM and SIGINT handlers (sigaction) that only set a flag, and one for SIGHUP that
/// asks for a reload of the config and questionnaire (take_reload_request).
void install_termination_handlers();
/// True once after each SIGHUP.
bool take_reload_request();
/// True once SIGTERM or SIGINT arrived.
bool termination_requested();
/// For tests: sets or clears the flag as if a signal had (not) arrived.
void set_termination_requested(bool requested);

/// True when this event should end the kiosk. Keys (Escape, Alt+F4, Ctrl+Q, Ctrl+W, Alt+Tab), a
/// window close and SDL_QUIT never do; SDL_QUIT counts only after SIGTERM / SIGINT
/// (`termination`).
bool event_requests_exit(const SDL_Event& event, bool termination);

/// What the loop must do about a window event so the kiosk stays up: restore a minimised window
/// and take the focus back.
void keep_window_up(SDL_Window* window, const SDL_Event& event);

}  // namespace rk::app
