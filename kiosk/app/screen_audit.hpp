#pragma once
// Audit log events from the kiosk's screen changes: session begun / ended, staff access. Events
// and screen names only, never answers.

#include "kiosk_ui.hpp"

namespace rk::app {

class ScreenAudit {
 public:
  /// Call after every frame with the screen now on show.
  void observe(ui::Screen now_showing);

 private:
  ui::Screen last_ = ui::Screen::Welcome;
  bool in_session_ = false;
};

}  // namespace rk::app
