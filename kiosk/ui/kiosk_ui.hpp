#pragma once
// The kiosk's screens, drawn with Dear ImGui only (no SDL, no OpenGL), so they run headless in
// tests. The app owns the window, the GL context and the SDL → ImGui input glue; it calls
// KioskUi::frame() between ImGui::NewFrame() and ImGui::Render().

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config.hpp"
#include "diagnostics.hpp"
#include "questionnaire.hpp"
#include "session.hpp"
#include "summary.hpp"
#include "ui_strings.hpp"

namespace rk::ui {

// Widget ids (stable across languages, sizes and versions; recorded each frame into widgets()):
//   welcome.start                      start a session (the fixed bottom bar, where Next sits)
//   lang.<code>                        language buttons (every screen, top right)
//   opt.large_text, opt.high_contrast  display options (every screen, top right)
//   opt.read_aloud                     read-what-I-tap, beside them (when read aloud is offered)
//   read.page                          Read aloud / Stop reading (welcome and question pages)
//   nav.back, nav.next, nav.review     the fixed bottom bar on question pages
//   review.finish                      the fixed bottom bar on the review screen (where Next is)
//   item.<item>.option.<opt>           single / multiple choice and yes/no options
//   ruler.<item>.<n>                   the tappable numbers of a ruler
//   ruler_label.<item>.min, .max       its end labels (drawn only), flush with the row's ends
//   card.<item>.<opt>                  card-pick cards
//   text.<item>                        a free-text field (opens the on-screen keyboard)
//   kbd.<key>                          a keyboard key by the text it types ("kbd.ñ", "kbd.Á")
//   kbd.space, kbd.backspace, kbd.shift, kbd.enter, kbd.done
//   review.change.<item>, review.leaveoff.<item>
//   idle.continue                      "Are you still there?" prompt
//   thanks.done                        leave the thank-you screen now
//   staff.pin.<digit>, staff.pin.clear, staff.pin.ok, staff.pin.cancel
//   staff.print_test, staff.exit, staff.back
//   staff.status                       the printer and delivery lines (drawn only)
//   staff.outbox.retry, staff.outbox.save_instead   (only while summaries wait in the outbox)
// The staff gesture has no widget: hold the top-left corner (3 em square) for 3 s.

struct UiState;
class Speech;  // speech.hpp

/// One interactive widget drawn in the last frame: the kiosk's accessibility tree. The app's test
/// mode writes these to a file so a test can tap a button by id. Coordinates in pixels.
struct WidgetInfo {
  std::string id;     ///< stable id, e.g. "nav.next", "welcome.start", "ruler.importance.6"
  std::string label;  ///< visible text
  float x = 0, y = 0, w = 0, h = 0;  ///< the visible part (clipped to its window or scroll area)
  // For the layout check (layout_check.hpp); left at 0 by widgets that draw no label of their own.
  float full_x = 0, full_y = 0, full_w = 0, full_h = 0;  ///< the whole widget, clipped or not
  bool tappable = true;      ///< false for drawn-only marks, e.g. the "More below" cue
  bool scrolls = false;      ///< lies in the scrolling content area (may be partly out of sight)
  float text_room_w = 0;     ///< width inside the padding, where the label is drawn
  float text_room_h = 0;     ///< height inside the widget for its label (and detail line)
  float widest_word_w = 0;   ///< the widest piece of the label that cannot wrap
  float text_h = 0;          ///< the label's height once wrapped to text_room_w
};

/// A summary waiting in the outbox, for the staff screen (no patient data).
struct PendingSummary {
  std::string name;    ///< "summary-20261129-134500-ab12cd34"
  std::string reason;  ///< why it waits ("Printing failed: ...")
};

/// What the kiosk asks of the app. Any may be empty (tests).
struct Services {
  /// A finished session's summary, to render and deliver (print / save). Called once per session.
  std::function<void(Summary)> deliver;
  /// One or more lines for the staff screen: printer state, last delivery result, save folder.
  std::function<std::string()> staff_status;
  /// Staff screen: print (or save) a test summary for a fictional patient.
  std::function<void()> print_test_summary;
  /// Staff screen: close the kiosk.
  std::function<void()> exit;
  /// Read aloud (speech.hpp); must outlive the UI. nullptr: no speech, no Read aloud button.
  Speech* speech = nullptr;
  /// "" when finished summaries can be kept; else why not (staff-readable). While it says so, the
  /// welcome screen shows "out of service" and starts no session. Asked at every welcome screen.
  std::function<std::string()> out_of_service;
  /// Staff screen: what waits in the outbox, and the two things staff can do about it.
  std::function<std::vector<PendingSummary>()> pending;
  std::function<void()> retry_pending;
  std::function<void()> save_pending_instead;
};

/// One row each in kScreens (kiosk_ui.cpp), in this order; Staff stays last.
enum class Screen { Welcome, Question, Review, Finishing, ThankYou, StaffPin, Staff };

/// "Welcome", "ThankYou", ...: the name tests, replay scripts and the audit log use.
std::string_view screen_name(Screen screen);

class KioskUi {
 public:
  /// `questionnaire`, `languages` (assets/i18n, every word the kiosk says) and `config` must
  /// outlive the UI.
  KioskUi(const Questionnaire& questionnaire, const UiStrings& languages, const KioskConfig& config,
          Services services);

  /// Adds fonts sized for this display to ImGui's atlas (FreeType) and scales the style. Call
  /// before the first frame; call again when needs_font_reload() says so (larger-text option,
  /// new display size), then the app re-uploads the atlas texture.
  void load_fonts(float display_width, float display_height);
  [[nodiscard]] bool needs_font_reload() const;

  /// Draws one frame. `now` is steady-clock seconds.
  void frame(double now);
  /// Input arrived at `now`: resets the idle timer.
  void note_input(double now);
  /// Seconds from `now` until the UI must draw again without input (countdowns, timeouts,
  /// animations); a large number when nothing is pending.
  [[nodiscard]] double seconds_until_next_frame(double now) const;

  /// The app reports whether the finished summary is kept (in the outbox, or delivered): until
  /// then the finishing screen stays; if not, the thank-you screen asks the patient to tell the
  /// front desk (main thread).
  void summary_kept(bool kept);

  [[nodiscard]] Screen screen() const;
  [[nodiscard]] const Session& session() const;
  [[nodiscard]] const std::vector<WidgetInfo>& widgets() const;

  // --- Lifetime and what the app asks each frame ----------------------------------------------
  ~KioskUi();
  KioskUi(const KioskUi&) = delete;
  KioskUi& operator=(const KioskUi&) = delete;

  /// The language the kiosk speaks right now (also before a session starts).
  [[nodiscard]] const std::string& language() const;
  [[nodiscard]] bool large_text() const;
  [[nodiscard]] bool high_contrast() const;
  /// The on-screen keyboard is open (for the app: no system text input is wanted anyway).
  [[nodiscard]] bool keyboard_open() const;
  /// "Are you still there?" is showing (as of the last frame).
  [[nodiscard]] bool idle_prompt_showing() const;
  /// Read aloud from now on (Services::speech, for an app that starts speech after the first
  /// frame). `speech` must outlive the UI.
  void set_speech(Speech* speech);

 private:
  std::unique_ptr<UiState> state_;
};

}  // namespace rk::ui
