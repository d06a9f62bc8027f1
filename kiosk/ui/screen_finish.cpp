// Finishing (a calm message while the summary is kept) and thank-you (the clinic's support lines,
// or, when the summary could not be kept, a request to tell the front desk; then back to welcome).
#include "screens.hpp"
#include "widgets.hpp"

namespace rk::ui {

void finish_session(UiState& s) {
  for (const Flag& f : s.session.raised_flags()) {
    if (!f.patient_message.empty()) s.thank_you_messages.push_back(f.patient_message);
  }
  Summary summary = s.session.finish(Session::Clock::now(), s.config->summary_language);
  summary.kiosk_name = s.config->kiosk_name;
  s.keep_known = !s.services.deliver;
  s.summary_kept = !s.services.deliver;
  if (s.services.deliver) s.services.deliver(std::move(summary));
  s.session.wipe();  // the summary is the one thing that leaves; nothing stays on screen
  s.keyboard = KeyboardState{};
  s.screen = Screen::Finishing;
  s.finishing_since = s.now;
}

void draw_finishing(UiState& s) {
  space(2.0f);
  column_text(s, s.word("finishing_title"), s.fonts.title);
  space(0.8f);
  column_text(s, s.word("finishing_body"));
}

void draw_thank_you(UiState& s) {
  space(1.0f);
  column_text(s, s.word("thanks_title"), s.fonts.title);
  space(0.8f);
  if (s.summary_kept) {
    column_text(s, s.word("thanks_body"));
  } else {
    // The summary could not be kept: a person must know today, and the patient is the messenger.
    note_box(s, s.word("thanks_tell_front_desk"));
  }
  for (const Text& message : s.thank_you_messages) {
    space(0.8f);
    note_box(s, s.text(message));
  }
  if (!s.config->support_lines.empty()) {
    space(1.0f);
    column_text(s, s.word("thanks_support"), s.fonts.heading);
    space(0.3f);
    for (const Text& line : s.config->support_lines) column_text(s, s.text(line));
  }
}

}  // namespace rk::ui
