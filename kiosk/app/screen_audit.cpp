#include "screen_audit.hpp"

#include "audit_log.hpp"

namespace rk::app {

void ScreenAudit::observe(ui::Screen now_showing) {
  if (now_showing == last_) return;
  const ui::Screen before = last_;
  last_ = now_showing;
  using ui::Screen;
  if (now_showing == Screen::Question && !in_session_) {
    in_session_ = true;
    audit("session-begun");
  } else if (now_showing == Screen::Finishing && in_session_) {
    audit("session-finished");
  } else if (now_showing == Screen::Welcome && in_session_) {
    in_session_ = false;
    audit("session-ended", {{"from", ui::screen_name(before)}});
  }
  if (now_showing == Screen::StaffPin) audit("staff-pin-shown");
  if (now_showing == Screen::Staff) audit("staff-access", {{"result", "granted"}});
  if (before == Screen::Staff) audit("staff-screen-closed");
}

}  // namespace rk::app
