#pragma once
// The kiosk itself: window, KioskUi, services, loop. And the screen shown instead when the
// clinic's files are broken (the kiosk refuses to start, and says why, on screen and on stderr).

#include <string>
#include <vector>

#include "config.hpp"
#include "kiosk_window.hpp"
#include "main_loop.hpp"
#include "questionnaire.hpp"
#include "ui_strings.hpp"

namespace rk::app {

struct KioskOptions {
  WindowOptions window;
  LoopOptions loop;
};

/// Runs the kiosk until the staff screen's exit or SIGTERM. Returns the exit status.
int run_kiosk(const KioskOptions& options, const Questionnaire& questionnaire, const UiStrings& languages,
              const KioskConfig& config);

/// Shows `lines` (what is wrong and where) full screen until SIGTERM / SIGINT, or until the
/// replay ends with --exit-after-replay. Returns 1 (the kiosk did not start), or 2 when not even
/// a window could be opened.
int run_error_screen(const KioskOptions& options, const std::vector<std::string>& lines);

}  // namespace rk::app
