// The parts around every screen: the top bar (languages, display options, the staff corner), the
// progress indicator and the fixed bottom bar (Back / Review / Next always in the same place; Start,
// Finish and Done where Next is).
#include <algorithm>
#include <string>
#include <vector>

#include "reading_order.hpp"
#include "read_aloud.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace rk::ui {
namespace {

struct BarButton {
  std::string id;
  std::string label;
  bool selected;
  float width;
};

void close_keyboard(UiState& s) {
  s.keyboard.open = false;
  s.keyboard.item_id.clear();
}

void go_next(UiState& s) {
  close_keyboard(s);
  if (!s.session.next()) {
    s.show_required_note = true;
    return;
  }
  s.show_required_note = false;
  if (s.session.stage() == Session::Stage::Review) s.screen = Screen::Review;
}

void go_back(UiState& s) {
  close_keyboard(s);
  s.show_required_note = false;
  s.session.back();
  switch (s.session.stage()) {
    case Session::Stage::Welcome:
      s.screen = Screen::Welcome;
      break;
    case Session::Stage::Review:
      s.screen = Screen::Review;
      break;
    default:
      s.screen = Screen::Question;
      break;
  }
}

}  // namespace

void draw_top_bar(UiState& s, bool languages_only) {
  std::vector<BarButton> langs;
  for (const std::string& code : s.offered_languages) {
    const std::string& name = s.strings->get(code, "language_name");
    langs.push_back({"lang." + code, name, code == s.language, 0.0f});
  }
  std::vector<BarButton> options;
  if (!languages_only) {
    options = {
        {"opt.large_text", s.word("larger_text"), s.large_text, 0.0f},
        {"opt.high_contrast", s.word("high_contrast"), s.high_contrast, 0.0f},
    };
  }
  if (!languages_only && read_aloud_offered(s))
    options.push_back({"opt.read_aloud", s.word("read_aloud_mode"), s.read_aloud.tap_mode, 0.0f});
  float total = 0.0f;
  for (auto* group : {&langs, &options})
    for (BarButton& b : *group) {
      b.width = fit_width("\xE2\x9C\x93 " + b.label);
      total += b.width + gap();
    }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float left = ImGui::GetWindowPos().x + staff_corner_size();
  const float right = origin.x + ImGui::GetContentRegionAvail().x;
  const float h = target_height();
  const bool one_row = total <= right - left + gap();

  float x = left;
  float y = origin.y;
  auto place = [&](BarButton& b) {
    if (x + b.width > right + 0.5f && x > left) {  // wrap (narrow portrait screens, larger text)
      x = left;
      y += h + gap();
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    x += b.width + gap();
    return big_button(s, b.id, b.label, ImVec2(b.width, h), b.selected ? Tone::Selected : Tone::Normal);
  };
  for (BarButton& b : langs) {
    if (place(b)) switch_language(s, b.id.substr(5));
  }
  // The options stay together at the right: on the languages' row when everything fits, else on
  // a row of their own (larger text, many languages), never split with one left dangling.
  float options_width = 0.0f;
  for (const BarButton& b : options) options_width += b.width + gap();
  if (!one_row && options_width - gap() <= right - left) {
    y += h + gap();
  }
  if (one_row || options_width - gap() <= right - left) x = std::max(left, right - options_width + gap());
  for (BarButton& b : options) {
    if (place(b)) {
      if (b.id == "opt.large_text")
        s.large_text = !s.large_text;
      else if (b.id == "opt.high_contrast")
        s.high_contrast = !s.high_contrast;
      else
        s.read_aloud.tap_mode = !s.read_aloud.tap_mode;
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, y + h + gap()));
}

void draw_progress(UiState& s) {
  const Session::Progress p = s.session.progress();
  const bool reviewing = s.screen == Screen::Review;
  // On review the heading says where we are; the full bar is enough here.
  std::string label = reviewing ? std::string()
                                : fill_placeholders(s.word("progress"), {{"n", std::to_string(p.current)},
                                                                         {"total", std::to_string(p.total)}});
  if (!label.empty()) column_text(s, label, nullptr, s.palette.muted);
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float h = 0.35f * Em();
  const float done =
      reviewing || p.total <= 0 ? 1.0f : static_cast<float>(p.current) / static_cast<float>(p.total);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), s.palette.note, h);
  const float filled = width * std::clamp(done, 0.0f, 1.0f);
  const float fill_x = mirror_x(pos.x, filled, pos.x, width, s.rtl());  // runs from the right in RTL
  dl->AddRectFilled(ImVec2(fill_x, pos.y), ImVec2(fill_x + filled, pos.y + h), s.palette.focus, h);
  ImGui::Dummy(ImVec2(width, h));
}

float bottom_bar_height() {
  return primary_height();
}

void draw_bottom_bar(UiState& s) {
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float h = bottom_bar_height();
  const float side = std::max({width * 0.3f, fit_width(s.word("finish")), fit_width(s.word("start"))});
  // Back where reading starts, the way forward where it ends: swapped for a right-to-left language.
  const ImVec2 left_pos(mirror_x(origin.x, side, origin.x, width, s.rtl()), origin.y);
  const ImVec2 mid_pos(origin.x + (width - side) * 0.5f, origin.y);
  const ImVec2 right_pos(mirror_x(origin.x + width - side, side, origin.x, width, s.rtl()), origin.y);
  const ImVec2 size(side, h);

  // One bar button: drawn at `pos`, true when tapped. After a tap the rest of the bar waits a frame.
  const auto button = [&](ImVec2 pos, const char* id, std::string_view word, Tone tone = Tone::Normal) {
    ImGui::SetCursorScreenPos(pos);
    return big_button(s, id, s.word(word), size, tone);
  };
  switch (s.screen) {
    case Screen::Welcome:
      // Start where Next will be: the way forward is always in the same place, never scrolled away.
      // Out of service: no Start, so no session starts that the kiosk could lose.
      if (s.out_of_service.empty() && button(right_pos, "welcome.start", "start", Tone::Primary))
        start_session(s);
      break;
    case Screen::Question:
      if (button(left_pos, "nav.back", "back")) {
        go_back(s);
      } else if (button(mid_pos, "nav.review", "review")) {
        close_keyboard(s);
        s.show_required_note = false;
        s.session.review();
        s.screen = Screen::Review;
      } else if (button(right_pos, "nav.next", "next", Tone::Primary)) {
        go_next(s);
      }
      break;
    case Screen::Review:
      if (button(left_pos, "nav.back", "back")) {
        go_back(s);
      } else if (button(right_pos, "review.finish", "finish", Tone::Primary)) {
        finish_session(s);
      }
      break;
    case Screen::ThankYou:
      if (button(right_pos, "thanks.done", "thanks_done", Tone::Primary)) reset_to_welcome(s);
      break;
    case Screen::StaffPin:
      if (button(left_pos, "staff.pin.cancel", "staff_pin_cancel")) leave_pin_pad(s);
      break;
    default:
      break;
  }
}

}  // namespace rk::ui
