#pragma once
// The kiosk itself: window, KioskUi, services, loop. And the screen shown instead when the
// clinic's files are broken (the kiosk refuses to start, and says why, on screen and on stderr).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config.hpp"
#include "kiosk_window.hpp"
#include "main_loop.hpp"
#include "questionnaire.hpp"
#include "ui_strings.hpp"

namespace rk::app {

/// What the kiosk runs on: the clinic's config and the questionnaire a session starts with.
struct KioskFiles {
  KioskConfig config;
  UiStrings languages;  ///< assets/i18n: every word, keyboard and direction of each language
  Questionnaire questionnaire;
};

struct KioskOptions {
  WindowOptions window;
  LoopOptions loop;
  /// Reads the files again (SIGHUP); nullopt with `problems` (FILE:LINE:COLUMN) when they fail.
  std::function<std::optional<KioskFiles>(std::vector<std::string>& problems)> reload;
};

/// Reload now? Only on a welcome screen with no session: never under a patient's feet. Pure.
bool reload_due(bool requested, bool on_welcome, bool session_in_progress);

/// Runs the kiosk until the staff screen's exit or SIGTERM. SIGHUP reloads the files at the next
/// welcome screen; files that fail are refused (the old ones stay, the errors go to stderr).
/// Returns the exit status.
int run_kiosk(const KioskOptions& options, KioskFiles files);

/// Shows `lines` (what is wrong and where) full screen until SIGTERM / SIGINT, or until the
/// replay ends with --exit-after-replay. Returns 1 (the kiosk did not start), or 2 when not even
/// a window could be opened.
int run_error_screen(const KioskOptions& options, const std::vector<std::string>& lines);

}  // namespace rk::app
