#pragma once
// Everything the kiosk UI remembers between frames (no function-static UI state anywhere).
// Internal to kiosk/ui: screens are free functions taking a UiState&.

#include <imgui.h>

#include <string>
#include <vector>

#include "idle_timer.hpp"
#include "kiosk_ui.hpp"
#include "staff_pin.hpp"
#include "ui_strings.hpp"

namespace rk::ui {

/// How long after a change of screen a new press is ignored: a double tap on Next must not skip the
/// page that just appeared (the second tap lands on the new page's Next in the same place).
inline constexpr double kSettleSeconds = 0.4;
/// Holding the top-left corner this long opens the staff PIN pad.
inline constexpr double kStaffHoldSeconds = 3.0;
/// The finishing screen shows at least this long, and at most this long while the summary is being
/// kept (rendered and written to the outbox; normally well under a second).
inline constexpr double kFinishingMinSeconds = 2.0;
inline constexpr double kFinishingMaxSeconds = 20.0;
/// While the kiosk cannot keep summaries, the welcome screen asks again this often.
inline constexpr double kServiceRecheckSeconds = 10.0;
/// Longest staff PIN the pad accepts.
inline constexpr std::size_t kMaxPinDigits = 12;

/// One finger (or mouse button) press, from down to up. Taps are accepted on release, inside the
/// widget that was pressed (ImGui's default), and only when this guard agrees.
struct TouchState {
  int epoch = 0;               ///< bumped at every change of what is shown
  double changed_at = -1.0e9;  ///< `now` of the last change of screen
  bool down = false;
  int press_epoch = -1;  ///< epoch when the current/last press began
  double press_time = 0.0;
  ImVec2 press_pos{0, 0};
  bool consumed = false;  ///< this press already did something (one action per press)
  bool dragging = false;  ///< this press became a scroll drag: no tap
  bool press_in_scroll = false;
};

struct Palette {
  ImU32 background, text, muted, button, button_held, button_text, primary, primary_held, primary_text,
      selected, selected_text, border, note, note_text, disabled_text, focus;
};

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;  ///< body size, bold (card titles)
  ImFont* heading = nullptr;
  ImFont* title = nullptr;
  float body_px = 0.0f;
  float loaded_width = 0.0f;
  float loaded_height = 0.0f;
  bool loaded_large = false;
  bool loaded = false;
  /// The glyphs each face of the screen's font chain draws; must outlive the atlas build.
  std::vector<ImVector<ImWchar>> face_ranges;
};

struct KeyboardState {
  bool open = false;
  std::string item_id;
  bool shift = false;
  std::size_t layout = 0;  ///< which of the language's keyboards (UiStrings::keyboard)
  bool refused = false;  ///< the last key did not fit (max length): shown as a gentle note
};

struct StaffState {
  StaffLock lock;
  std::string pin;          ///< digits typed so far (never logged)
  std::string message_key;  ///< ui string key for the last result
  Screen return_to = Screen::Welcome;
};

/// Read aloud: what is being said belongs to one screen in one language (read_aloud.hpp).
struct ReadAloudState {
  bool tap_mode = false;      ///< read-what-I-tap, the toggle beside Larger text
  std::string view;           ///< the screen and language the current speech belongs to ("" = none)
  bool whole_screen = false;  ///< it is the Read aloud button's (the button offers Stop)
};

struct UiState {
  UiState(const Questionnaire& q, const UiStrings& l, const KioskConfig& c, Services s);

  const Questionnaire* questionnaire;
  const UiStrings* strings;  ///< every language's words, keyboards and direction
  const KioskConfig* config;
  Services services;
  Session session;

  std::string language;  ///< what the screens speak now
  std::vector<std::string> offered_languages;
  Screen screen = Screen::Welcome;
  bool large_text = false;
  bool high_contrast = false;
  Palette palette{};
  Fonts fonts;

  double now = 0.0;
  IdleTimer idle;
  bool idle_prompt = false;
  double finishing_since = 0.0;
  bool keep_known = false;    ///< the app said whether the finished summary is kept
  bool summary_kept = false;  ///< ... and it is (else the thank-you screen asks to tell the desk)
  double thank_you_until = 0.0;
  std::vector<Text> thank_you_messages;  ///< patient messages of flags raised at finish
  std::string out_of_service;            ///< "" = in service; else why (Services::out_of_service)
  double service_checked_at = -1.0e9;    ///< when out_of_service was last asked
  bool show_required_note = false;

  KeyboardState keyboard;
  StaffState staff;
  ReadAloudState read_aloud;
  TouchState touch;
  std::vector<WidgetInfo> widgets;

  // Layout of the current frame.
  float column_width = 0.0f;
  std::string shown_view;  ///< what was on screen last frame, to detect a change of screen
  std::string shown_page;  ///< the page under it (without keyboard or idle prompt), for scrolling
  bool reset_scroll = false;
  bool drawing_scrolled_content = false;
  bool content_overflows = false;  ///< last frame's content was taller than its area (cue strip)
  bool layout_settling = false;
  float page_scroll_y = 0.0f;      ///< the page's scroll before the keyboard opened (kept for Done)
  bool keyboard_was_open = false;  ///< last frame showed the keyboard
  int scroll_restore_frames = 0;   ///< frames still to ask for page_scroll_y after the keyboard    ///< the last frame changed the cue strip: one more frame is due  ///< inside the scrolling content area (widget records)

  /// A kiosk word in the current language.
  [[nodiscard]] const std::string& word(std::string_view key) const { return strings->get(language, key); }
  /// The current language runs right to left: the screens mirror.
  [[nodiscard]] bool rtl() const { return strings->rtl(language); }
  /// A questionnaire text in the current language.
  [[nodiscard]] const std::string& text(const Text& t) const {
    return t.in(language, questionnaire->default_language);
  }
};

/// Back to a fresh welcome screen: the session is wiped, the keyboard closed, and the language and
/// display options return to the clinic's defaults for the next patient.
void reset_to_welcome(UiState& s);
/// Ask Services::out_of_service now? On arriving at welcome (checked_at reset), and every
/// kServiceRecheckSeconds while out of service. Pure.
bool service_check_due(bool on_welcome, bool out_of_service, double checked_at, double now);
/// Switches the screens (and the session, if any) to `language`.
void switch_language(UiState& s, const std::string& language);

}  // namespace rk::ui
