// Staff: a PIN pad behind the hidden corner gesture, then printer status, a test summary, exit.
#include <algorithm>
#include <cmath>

#include "audit_log.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace rk::ui {

void leave_pin_pad(UiState& s) {
  s.staff.pin.clear();
  s.staff.message_key.clear();
  s.screen = s.staff.return_to;
}

namespace {

void try_pin(UiState& s) {
  const bool was_locked = s.staff.lock.locked(s.now);
  const StaffLock::Result r = s.staff.lock.try_pin(s.config->staff_pin_hash, s.staff.pin, s.now);
  std::fill(s.staff.pin.begin(), s.staff.pin.end(), '\0');
  s.staff.pin.clear();
  switch (r) {
    case StaffLock::Result::Accepted:
      s.staff.message_key.clear();
      s.screen = Screen::Staff;
      break;
    case StaffLock::Result::Wrong:
      s.staff.message_key = "staff_pin_wrong";
      audit("staff-access", {{"result", "wrong-pin"}});  // an event, never the PIN
      break;
    case StaffLock::Result::Locked:
      s.staff.message_key = "staff_pin_locked";
      if (was_locked) {
        audit("staff-access", {{"result", "locked-out"}});
      } else {  // this wrong PIN was one too many
        audit("staff-access", {{"result", "wrong-pin"}});
        audit("staff-lockout", {{"seconds", std::to_string(s.config->staff_lockout_seconds)}});
      }
      break;
    case StaffLock::Result::NoPinSet:
      s.staff.message_key = "staff_pin_not_set";
      break;
  }
}

// What waits in the outbox and why; Retry, or give up printing and save to the folder instead.
void draw_outbox(UiState& s, ImVec2 button) {
  const std::vector<PendingSummary> pending =
      s.services.pending ? s.services.pending() : std::vector<PendingSummary>{};
  if (pending.empty()) return;
  column_text(s, fill_placeholders(s.word("staff_outbox"), {{"n", std::to_string(pending.size())}}),
              s.fonts.heading);
  for (const PendingSummary& p : pending) column_text(s, p.name + ": " + p.reason);
  space(0.3f);
  if (big_button(s, "staff.outbox.retry", s.word("staff_outbox_retry"), button)) {
    if (s.services.retry_pending) s.services.retry_pending();
  }
  space(0.3f);
  if (big_button(s, "staff.outbox.save_instead", s.word("staff_outbox_save_instead"), button)) {
    if (s.services.save_pending_instead) s.services.save_pending_instead();
  }
  space(0.8f);
}

}  // namespace

void open_staff_pin(UiState& s) {
  if (s.screen == Screen::StaffPin || s.screen == Screen::Staff) return;
  s.staff.return_to = s.screen;
  s.staff.pin.clear();
  s.staff.message_key.clear();
  s.keyboard = KeyboardState{};
  s.screen = Screen::StaffPin;
}

void draw_staff_pin(UiState& s) {
  column_text(s, s.word("staff_pin_title"), s.fonts.title);
  space(0.4f);
  const bool no_pin = s.config->staff_pin_hash.empty();
  const bool locked = s.staff.lock.locked(s.now);
  if (no_pin) {
    note_box(s, s.word("staff_pin_not_set"));
  } else if (locked) {
    const int secs = static_cast<int>(std::ceil(s.staff.lock.seconds_left(s.now)));
    note_box(s, fill_placeholders(s.word("staff_pin_locked"), {{"seconds", std::to_string(secs)}}));
  } else {
    column_text(s, s.word("staff_pin_prompt"));
    if (!s.staff.message_key.empty()) note_box(s, s.word(s.staff.message_key));
  }
  space(0.4f);
  // The digits typed so far, as dots.
  std::string dots;
  for (std::size_t i = 0; i < s.staff.pin.size(); ++i) dots += "\xE2\x97\x8F ";  // "● "
  column_text(s, dots.empty() ? std::string(" ") : dots, s.fonts.heading);
  space(0.4f);

  const float g = gap();
  const float w = std::min((s.column_width - 2.0f * g) / 3.0f, 6.0f * Em());
  const float h = target_height();
  const float left = ImGui::GetCursorPosX() + (s.column_width - (3.0f * w + 2.0f * g)) * 0.5f;
  const char* const keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"};
  for (int i = 0; i < 12; ++i) {
    if (i % 3 == 0) {
      ImGui::SetCursorPosX(left);
    } else {
      ImGui::SameLine(0.0f, g);
    }
    const std::string key = keys[i];
    const bool digit = key.size() == 1;
    const std::string label = digit ? key : s.word(key == "ok" ? "staff_pin_ok" : "staff_pin_clear");
    const Tone tone = no_pin || locked ? Tone::Disabled : (key == "ok" ? Tone::Primary : Tone::Normal);
    if (big_button(s, "staff.pin." + key, label, ImVec2(w, h), tone)) {
      if (digit) {
        if (s.staff.pin.size() < kMaxPinDigits) s.staff.pin += key;
      } else if (key == "clear") {
        s.staff.pin.clear();
      } else if (!s.staff.pin.empty()) {
        try_pin(s);
      }
    }
  }
}

void draw_staff(UiState& s) {
  column_text(s, s.word("staff_title"), s.fonts.title);
  space(0.4f);
  column_text(s, s.config->kiosk_name, s.fonts.heading);
  if (s.services.staff_status) {
    const std::string status = s.services.staff_status();
    column_text(s, status);
    // Drawn only; recorded so a test can tell where it is (it names files and times).
    if (!status.empty())
      record_widget(s, "staff.status", status, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), {}, false);
  }
  if (!s.out_of_service.empty()) note_box(s, s.word("out_of_service") + "\n" + s.out_of_service);
  space(0.8f);
  const ImVec2 size(s.column_width, primary_height());
  draw_outbox(s, size);
  if (big_button(s, "staff.print_test", s.word("staff_print_test"), size)) {
    if (s.services.print_test_summary) s.services.print_test_summary();
  }
  space(0.3f);
  if (big_button(s, "staff.back", s.word("staff_back"), size, Tone::Primary)) reset_to_welcome(s);
  space(0.3f);
  if (big_button(s, "staff.exit", s.word("staff_exit"), size)) {
    if (s.services.exit) s.services.exit();
  }
}

}  // namespace rk::ui
