// Welcome: the language choice (top bar), the promise, and (when it is offered) that the kiosk can
// read aloud; its one tap to start, Start, sits in the bottom bar (chrome.cpp).
#include "read_aloud.hpp"
#include "screens.hpp"
#include "spoken_text.hpp"
#include "widgets.hpp"

namespace rk::ui {

void draw_welcome(UiState& s) {
  const Questionnaire& q = *s.questionnaire;
  draw_read_aloud_button(s, welcome_phrases);
  space(0.5f);
  column_text(s, s.word("welcome_title"), s.fonts.title);
  space(0.3f);
  const std::string& title = s.text(q.title);
  if (!title.empty()) column_text(s, title, s.fonts.heading);
  space(0.5f);
  column_text(s, q.intro.empty() ? s.word("welcome_lead") : s.text(q.intro));
  if (q.minutes > 0) {
    column_text(s, fill_placeholders(s.word("welcome_minutes"), {{"minutes", std::to_string(q.minutes)}}),
                nullptr, s.palette.muted);
  }
  space(0.8f);
  if (!s.out_of_service.empty()) {
    // For staff: no session starts that the kiosk could lose. Patients are asked to wait.
    note_box(s, s.word("out_of_service") + "\n" + s.out_of_service);
    return;
  }
  note_box(s, s.word("privacy_promise"));
  space(0.6f);
  draw_read_aloud_note(s);
  space(0.5f);
  // Start is not here but in the fixed bottom bar, where Next sits on every question page
  // (draw_bottom_bar): in sight on every screen size, in every language, with larger text.
}

void start_session(UiState& s) {
  // The last word before a session begins: can a summary be kept right now?
  if (s.services.out_of_service) s.out_of_service = s.services.out_of_service();
  s.service_checked_at = s.now;
  if (!s.out_of_service.empty()) return;
  s.session.start(s.language, Session::Clock::now());
  s.show_required_note = false;
  s.screen = s.session.stage() == Session::Stage::Review ? Screen::Review : Screen::Question;
}

}  // namespace rk::ui
