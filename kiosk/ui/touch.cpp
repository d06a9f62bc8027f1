#include "touch.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace rk::ui {

float Em() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.FontDefault != nullptr) return io.FontDefault->FontSize;
  if (!io.Fonts->Fonts.empty()) return io.Fonts->Fonts[0]->FontSize;
  return ImGui::GetFontSize();
}

void touch_begin_frame(UiState& s) {
  const ImGuiIO& io = ImGui::GetIO();
  TouchState& t = s.touch;
  if (io.MouseClicked[0]) {
    t.press_epoch = t.epoch;
    t.press_time = s.now;
    t.press_pos = io.MouseClickedPos[0];
    t.consumed = false;
    t.dragging = false;
    t.press_in_scroll = false;
  }
  t.down = io.MouseDown[0];
}

void touch_end_frame(UiState& s, const std::string& view, const std::string& page) {
  if (view == s.shown_view) return;
  s.shown_view = view;
  ++s.touch.epoch;
  s.touch.changed_at = s.now;
  if (page == s.shown_page) return;
  s.shown_page = page;
  s.reset_scroll = true;
}

bool accept_tap(UiState& s, bool pressed) {
  if (!pressed) return false;
  TouchState& t = s.touch;
  if (t.press_epoch != t.epoch) return false;                      // pressed on a screen now gone
  if (t.press_time < t.changed_at + kSettleSeconds) return false;  // in the settle time
  if (t.consumed || t.dragging) return false;
  t.consumed = true;
  return true;
}

void drag_to_scroll(UiState& s) {
  const ImGuiIO& io = ImGui::GetIO();
  TouchState& t = s.touch;
  if (io.MouseClicked[0]) {
    t.press_in_scroll = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                                               ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  }
  if (!io.MouseDown[0] || !t.press_in_scroll || t.consumed) return;
  if (!t.dragging && std::fabs(io.MousePos.y - t.press_pos.y) > 0.4f * Em()) {
    t.dragging = true;
    ImGui::ClearActiveID();  // the button under the finger must not fire on release
  }
  if (t.dragging && io.MouseDelta.y != 0.0f) {
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() - io.MouseDelta.y, 0.0f, ImGui::GetScrollMaxY()));
  }
}

float staff_corner_size() {
  return 3.0f * Em();
}

bool staff_corner_held(UiState& s) {
  TouchState& t = s.touch;
  if (!t.down || t.consumed || t.dragging) return false;
  const float corner = staff_corner_size();
  if (t.press_pos.x > corner || t.press_pos.y > corner) return false;
  const ImVec2 pos = ImGui::GetIO().MousePos;
  if (std::fabs(pos.x - t.press_pos.x) > corner || std::fabs(pos.y - t.press_pos.y) > corner) return false;
  if (s.now - t.press_time < kStaffHoldSeconds) return false;
  t.consumed = true;
  return true;
}

void record_widget(UiState& s, const std::string& id, const std::string& label, ImVec2 min, ImVec2 max,
                   const LabelFit& fit, bool tappable) {
  const ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 cmin = dl->GetClipRectMin();
  const ImVec2 cmax = dl->GetClipRectMax();
  const float x0 = std::max(min.x, cmin.x);
  const float y0 = std::max(min.y, cmin.y);
  const float x1 = std::min(max.x, cmax.x);
  const float y1 = std::min(max.y, cmax.y);
  if (x1 - x0 < 1.0f || y1 - y0 < 1.0f) return;  // scrolled out of sight
  WidgetInfo w{id, label, x0, y0, x1 - x0, y1 - y0};
  w.full_x = min.x;
  w.full_y = min.y;
  w.full_w = max.x - min.x;
  w.full_h = max.y - min.y;
  w.tappable = tappable;
  w.scrolls = s.drawing_scrolled_content;
  w.text_room_w = fit.room_w;
  w.text_room_h = fit.room_h;
  w.widest_word_w = fit.widest_word_w;
  w.text_h = fit.text_h;
  s.widgets.push_back(std::move(w));
}

}  // namespace rk::ui
