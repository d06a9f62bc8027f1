// KioskUi: owns the UI state, runs the timers (idle, finishing, thank-you), lays out the one
// fullscreen window (top bar, content, fixed bottom bar) and hands the content to the screen.
#include "kiosk_ui.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "enum_names.hpp"
#include "fonts.hpp"
#include "paths.hpp"
#include "read_aloud.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "touch.hpp"
#include "ui_state.hpp"
#include "widgets.hpp"

namespace rk::ui {
namespace {

// Every screen once: its name and the function that draws its content.
struct ScreenRow {
  Screen value;
  std::string_view name;
  void (*draw)(UiState&);
};
constexpr std::array<ScreenRow, static_cast<std::size_t>(Screen::Staff) + 1> kScreens = {{
    {Screen::Welcome, "Welcome", draw_welcome},
    {Screen::Question, "Question", draw_question},
    {Screen::Review, "Review", draw_review},
    {Screen::Finishing, "Finishing", draw_finishing},
    {Screen::ThankYou, "ThankYou", draw_thank_you},
    {Screen::StaffPin, "StaffPin", draw_staff_pin},
    {Screen::Staff, "Staff", draw_staff},
}};
static_assert(in_enum_order(kScreens), "kScreens lists each screen once, in the enum's order");

constexpr double kNothingPending = 1.0e9;
/// The page column is at most this many em wide, so lines stay readable on wide screens.
constexpr float kColumnEms = 42.0f;

std::vector<std::string> offered_languages(const Questionnaire& q, const KioskConfig& c) {
  std::vector<std::string> offered;
  for (const std::string& code : c.languages) {
    if (q.has_language(code)) offered.push_back(code);
  }
  if (offered.empty()) offered = q.languages;
  if (offered.empty()) offered.push_back(q.default_language.empty() ? std::string("en") : q.default_language);
  return offered;
}

std::string starting_language(const UiState& s) {
  const auto& offered = s.offered_languages;
  const std::string& preferred = s.questionnaire->default_language;
  if (std::find(offered.begin(), offered.end(), preferred) != offered.end()) return preferred;
  return offered.front();
}

/// The page on show, without the keyboard or the idle prompt over it: a new one starts at its top.
std::string page_of(const UiState& s) {
  std::string v = std::to_string(static_cast<int>(s.screen));
  if (s.screen == Screen::Question) v += ":" + std::to_string(s.session.page_index());
  return v;
}

void run_timers(UiState& s) {
  const bool something_to_protect = s.session.in_progress() || s.session.has_answers() ||
                                    s.screen == Screen::StaffPin || s.screen == Screen::Staff;
  if (something_to_protect && !s.idle.armed()) s.idle.arm(s.now);
  if (!something_to_protect) s.idle.disarm();
  const IdleTimer::Phase phase = s.idle.phase(s.now);
  if (phase == IdleTimer::Phase::Expired) reset_to_welcome(s);
  s.idle_prompt = phase == IdleTimer::Phase::Prompt;

  if (s.screen == Screen::Finishing) {
    const double shown = s.now - s.finishing_since;
    if (shown >= kFinishingMinSeconds && (s.keep_known || shown >= kFinishingMaxSeconds)) {
      // Not known by now means not known to be kept: the patient is asked to tell the desk.
      if (!s.keep_known) s.summary_kept = false;
      s.screen = Screen::ThankYou;
      s.thank_you_until = s.now + std::max(1, s.config->thank_you_seconds);
    }
  }
  if (s.screen == Screen::ThankYou && s.now >= s.thank_you_until) reset_to_welcome(s);
  if (service_check_due(s.screen == Screen::Welcome, !s.out_of_service.empty(), s.service_checked_at,
                        s.now)) {
    s.out_of_service = s.services.out_of_service ? s.services.out_of_service() : std::string();
    s.service_checked_at = s.now;
  }
}

void draw_content(UiState& s) {
  if (s.idle_prompt) {
    draw_idle_prompt(s);
    return;
  }
  kScreens[static_cast<std::size_t>(s.screen)].draw(s);
}

// A patient may not notice a thin scrollbar: while part of the page is hidden below the bottom
// bar, a label says so. It sits in a strip of its own between the content and the bottom bar
// (kept while the content is taller than its area), so it never covers an answer or a button.
std::string more_below_label(const UiState& s) {
  return s.word("more_below") + "  \u2193";
}

ImFont* more_below_font(const UiState& s) {
  return s.fonts.bold ? s.fonts.bold : ImGui::GetFont();
}

float more_below_strip_height(const UiState& s) {
  return more_below_font(s)->FontSize + 0.6f * Em() + 0.4f * Em();
}

void draw_more_below_cue(UiState& s, ImVec2 strip_min, ImVec2 strip_max) {
  const std::string label = more_below_label(s);
  ImFont* font = more_below_font(s);
  const float px = font->FontSize;
  const ImVec2 text(line_width(font, label), px);
  const float pad = 0.6f * Em();
  const ImVec2 box_min(0.5f * (strip_min.x + strip_max.x - text.x) - pad,
                       0.5f * (strip_min.y + strip_max.y - text.y - pad));
  const ImVec2 box_max(box_min.x + text.x + 2.0f * pad, box_min.y + text.y + pad);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(box_min, box_max, s.palette.primary, 0.5f * (box_max.y - box_min.y));
  draw_line(dl, font, ImVec2(box_min.x + pad, box_min.y + 0.5f * pad), s.palette.primary_text, label);
  record_widget(s, "cue.more_below", label, box_min, box_max, {}, false);  // drawn only: not tappable
}

void draw_root(UiState& s) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
  ImGui::SetNextWindowSize(io.DisplaySize);
  constexpr ImGuiWindowFlags kRoot =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;
  ImGui::Begin("##kiosk", nullptr, kRoot);

  const bool keyboard = s.keyboard.open && s.screen == Screen::Question && !s.idle_prompt;
  // While typing, and on the staff screens, the top bar keeps only the languages: with many languages
  // the whole bar wraps onto a second row on narrow screens, and the keys and the PIN pad must stay
  // big. The display options are for patients, between keyboards.
  const bool staff = s.screen == Screen::StaffPin || s.screen == Screen::Staff;
  draw_top_bar(s, keyboard || staff);
  if ((s.screen == Screen::Question || s.screen == Screen::Review) && !s.idle_prompt && !keyboard) draw_progress(s);

  // The cue's strip is decided from the last frame (the content's height is known only once drawn).
  const float cue_strip = s.content_overflows && !keyboard ? more_below_strip_height(s) : 0.0f;
  const float content_h =
      std::max(4.0f * Em(), ImGui::GetContentRegionAvail().y - bottom_bar_height() -
                                ImGui::GetStyle().ItemSpacing.y - cue_strip);
  // A new screen starts at its top; the keyboard never scrolls. (SetNextWindowScroll applies in this
  // frame, SetScrollY only in the next one.)
  // Closing the keyboard (Done) returns the page to where the patient was, not to its top. ImGui
  // clamps a scroll to the last frame's content (the keyboard's), so it is asked for twice.
  if (s.keyboard_was_open && !keyboard) s.scroll_restore_frames = 2;
  if (s.reset_scroll || keyboard) {
    ImGui::SetNextWindowScroll(ImVec2(0.0f, 0.0f));
    s.scroll_restore_frames = 0;
  } else if (s.scroll_restore_frames > 0) {
    ImGui::SetNextWindowScroll(ImVec2(0.0f, s.page_scroll_y));
  }
  if (s.reset_scroll) s.page_scroll_y = 0.0f;
  s.keyboard_was_open = keyboard;
  ImGui::BeginChild("##content", ImVec2(0.0f, content_h), false,
                    keyboard ? ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse : 0);
  const float avail = ImGui::GetContentRegionAvail().x;
  s.column_width = std::min(avail, kColumnEms * Em());
  const float indent = std::floor((avail - s.column_width) * 0.5f);
  if (indent > 0.0f) ImGui::Indent(indent);
  s.drawing_scrolled_content = !keyboard;
  if (keyboard) {
    draw_keyboard(s, content_h - 2.0f * ImGui::GetStyle().WindowPadding.y);
  } else {
    draw_content(s);
  }
  if (indent > 0.0f) ImGui::Unindent(indent);
  s.drawing_scrolled_content = false;
  if (!keyboard) {
    drag_to_scroll(s);
    if (s.scroll_restore_frames > 0) {
      --s.scroll_restore_frames;
    } else {
      s.page_scroll_y = ImGui::GetScrollY();
    }
  }
  const bool hidden_below = ImGui::GetScrollMaxY() - ImGui::GetScrollY() >= 0.5f * Em();
  // Not for the padding alone, and not on the staff screens (staff know to scroll; the PIN pad
  // keeps its room on small screens).
  const bool overflows = !keyboard && !staff && ImGui::GetScrollMaxY() >= 0.5f * Em();
  s.layout_settling = overflows != s.content_overflows;  // the strip comes or goes: draw again
  s.content_overflows = overflows;
  ImGui::EndChild();
  s.reset_scroll = false;
  if (cue_strip > 0.0f && hidden_below) {
    const ImVec2 content_min = ImGui::GetItemRectMin();
    const ImVec2 content_max = ImGui::GetItemRectMax();
    draw_more_below_cue(s, ImVec2(content_min.x, content_max.y), ImVec2(content_max.x, content_max.y + cue_strip));
  }

  ImGui::SetCursorPosY(io.DisplaySize.y - ImGui::GetStyle().WindowPadding.y - bottom_bar_height());
  if (!s.idle_prompt) draw_bottom_bar(s);

  if (staff_corner_held(s)) open_staff_pin(s);
  ImGui::End();
}

}  // namespace

std::string_view screen_name(Screen screen) {
  return kScreens[static_cast<std::size_t>(screen)].name;
}

std::string view_of(const UiState& s) {
  std::string v = page_of(s);
  if (s.keyboard.open) v += ":kbd:" + s.keyboard.item_id;
  if (s.idle_prompt) v += ":idle";
  return v;
}

UiState::UiState(const Questionnaire& q, const UiStrings& l, const KioskConfig& c, Services s)
    : questionnaire(&q),
      strings(&l),
      config(&c),
      services(std::move(s)),
      session(q),
      large_text(c.large_text),
      high_contrast(c.high_contrast),
      idle(c.idle_timeout_seconds, c.idle_countdown_seconds),
      staff{StaffLock(c.staff_max_attempts, c.staff_lockout_seconds), {}, {}, Screen::Welcome} {
  read_aloud.tap_mode = c.read_aloud == ReadAloud::Always;
  offered_languages = rk::ui::offered_languages(q, c);
  language = starting_language(*this);
  palette = make_palette(high_contrast);
}

bool service_check_due(bool on_welcome, bool out_of_service, double checked_at, double now) {
  if (!on_welcome) return false;
  if (checked_at < 0.0) return true;
  return out_of_service && now - checked_at >= kServiceRecheckSeconds;
}

void reset_to_welcome(UiState& s) {
  stop_speech(s);
  s.read_aloud.tap_mode = s.config->read_aloud == ReadAloud::Always;
  s.service_checked_at = -1.0e9;  // every arrival at welcome asks again
  s.session.wipe();
  s.keyboard = KeyboardState{};
  std::fill(s.staff.pin.begin(), s.staff.pin.end(), '\0');
  s.staff.pin.clear();
  s.staff.message_key.clear();
  s.thank_you_messages.clear();
  s.show_required_note = false;
  s.screen = Screen::Welcome;
  s.language = starting_language(s);
  s.large_text = s.config->large_text;
  s.high_contrast = s.config->high_contrast;
  s.idle.disarm();
  s.idle_prompt = false;
}

void switch_language(UiState& s, const std::string& language) {
  s.language = language;
  s.keyboard.layout = 0;  // each language starts on its own first keyboard
  s.keyboard.shift = false;
  s.session.set_language(language);
}

KioskUi::KioskUi(const Questionnaire& questionnaire, const UiStrings& languages, const KioskConfig& config,
                 Services services)
    : state_(std::make_unique<UiState>(questionnaire, languages, config, std::move(services))) {}

KioskUi::~KioskUi() = default;

void KioskUi::load_fonts(float display_width, float display_height) {
  load_kiosk_fonts(*state_, display_width, display_height);
}

bool KioskUi::needs_font_reload() const {
  const Fonts& f = state_->fonts;
  if (!f.loaded) return true;
  const ImVec2 display = ImGui::GetCurrentContext() ? ImGui::GetIO().DisplaySize : ImVec2(0, 0);
  const bool resized = display.x > 0.0f && (display.x != f.loaded_width || display.y != f.loaded_height);
  return resized || f.loaded_large != state_->large_text;
}

void KioskUi::frame(double now) {
  UiState& s = *state_;
  s.now = now;
  const ImGuiIO& io = ImGui::GetIO();
  // Any touch counts as presence, even if the app forgot to call note_input.
  if (io.MouseDown[0] || io.MouseClicked[0] || !io.InputQueueCharacters.empty()) s.idle.note_input(now);
  apply_theme(s);
  touch_begin_frame(s);
  s.widgets.clear();
  run_timers(s);
  draw_root(s);
  stop_speech_from_other_views(s);
  touch_end_frame(s, view_of(s), page_of(s));
}

void KioskUi::note_input(double now) {
  state_->idle.note_input(now);
}

double KioskUi::seconds_until_next_frame(double now) const {
  const UiState& s = *state_;
  double wait = s.layout_settling || s.scroll_restore_frames > 0 ? 0.0 : s.idle.seconds_until_change(now);
  if (s.screen == Screen::Finishing) {
    const double shown = now - s.finishing_since;
    wait =
        std::min(wait, (shown < kFinishingMinSeconds ? kFinishingMinSeconds : kFinishingMaxSeconds) - shown);
    if (s.keep_known) wait = std::min(wait, kFinishingMinSeconds - shown);
  }
  if (s.screen == Screen::ThankYou) wait = std::min(wait, s.thank_you_until - now);
  if (s.screen == Screen::StaffPin && s.staff.lock.locked(now)) wait = std::min(wait, 1.0);
  if (s.screen == Screen::Welcome && !s.out_of_service.empty()) {
    wait = std::min(wait, s.service_checked_at + kServiceRecheckSeconds - now);
  }
  // A finger held on the staff corner: wake up when the hold is long enough.
  const float corner = staff_corner_size();
  if (s.touch.down && !s.touch.consumed && !s.touch.dragging && s.touch.press_pos.x <= corner &&
      s.touch.press_pos.y <= corner) {
    wait = std::min(wait, s.touch.press_time + kStaffHoldSeconds - now);
  }
  return std::clamp(wait, 0.0, kNothingPending);
}

void KioskUi::summary_kept(bool kept) {
  state_->keep_known = true;
  state_->summary_kept = kept;
}

Screen KioskUi::screen() const {
  return state_->screen;
}
const Session& KioskUi::session() const {
  return state_->session;
}
const std::vector<WidgetInfo>& KioskUi::widgets() const {
  return state_->widgets;
}
const std::string& KioskUi::language() const {
  return state_->language;
}
bool KioskUi::large_text() const {
  return state_->large_text;
}
bool KioskUi::high_contrast() const {
  return state_->high_contrast;
}
bool KioskUi::keyboard_open() const {
  return state_->keyboard.open;
}
bool KioskUi::idle_prompt_showing() const {
  return state_->idle_prompt;
}
void KioskUi::set_speech(Speech* speech) {
  state_->services.speech = speech;
}

}  // namespace rk::ui
