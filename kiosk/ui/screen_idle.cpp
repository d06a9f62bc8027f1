// "Are you still there?" with a visible countdown. Any touch answers it (note_input); the button
// is there so the way to stay is obvious.
#include <algorithm>

#include "screens.hpp"
#include "widgets.hpp"

namespace rk::ui {

void draw_idle_prompt(UiState& s) {
  const int left = std::max(1, s.idle.countdown_left(s.now));
  space(2.0f);
  column_text(s, s.word("idle_title"), s.fonts.title);
  space(0.8f);
  column_text(s, fill_placeholders(s.word("idle_body"), {{"seconds", std::to_string(left)}}));
  space(0.8f);
  // The countdown drawn large, and as a bar that empties.
  const std::string number = std::to_string(left);
  column_text(s, number, s.fonts.title);
  const float frac = static_cast<float>(left) / static_cast<float>(std::max(1.0, s.idle.countdown_seconds()));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float h = 0.5f * Em();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + s.column_width, pos.y + h), s.palette.note, h);
  dl->AddRectFilled(pos, ImVec2(pos.x + s.column_width * std::clamp(frac, 0.0f, 1.0f), pos.y + h),
                    s.palette.focus, h);
  ImGui::Dummy(ImVec2(s.column_width, h));
  space(1.2f);
  const float w = std::min(s.column_width, std::max(14.0f * Em(), s.column_width * 0.5f));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (s.column_width - w) * 0.5f);
  if (big_button(s, "idle.continue", s.word("idle_continue"), ImVec2(w, 1.3f * primary_height()),
                 Tone::Primary)) {
    s.idle.note_input(s.now);
  }
}

}  // namespace rk::ui
