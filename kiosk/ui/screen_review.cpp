// Review: every visible question with its answer; each can be changed or left off the summary.
#include "reading_order.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace rk::ui {

void draw_review(UiState& s) {
  const Questionnaire& q = *s.questionnaire;
  column_text(s, s.word("review_title"), s.fonts.title);
  space(0.3f);
  column_text(s, s.word("review_lead"));
  space(0.8f);
  for (int p = 0; p < static_cast<int>(q.pages.size()); ++p) {
    if (!s.session.page_visible(p)) continue;
    for (const Item& item : q.pages[static_cast<std::size_t>(p)].items) {
      if (item.kind == ItemKind::Info || !s.session.item_visible(item)) continue;
      const Answer* a = s.session.answer(item.id);
      const bool answered = a && a->given();
      const bool left_off = s.session.left_off(item.id);
      column_text(s, s.session.resolve(item.text), s.fonts.heading);
      if (answered) {
        column_text(s, s.session.answer_text(item), nullptr, left_off ? s.palette.muted : 0);
      } else {
        column_text(s, s.word("review_no_answer"), nullptr, s.palette.muted);
      }
      space(0.3f);
      // In a right-to-left language the row of buttons starts at the right.
      const float change_w = fit_width(s.word("review_change"));
      const float row_left = ImGui::GetCursorScreenPos().x;
      ImGui::SetCursorScreenPos(
          ImVec2(mirror_x(row_left, change_w, row_left, s.column_width, s.rtl()), ImGui::GetCursorScreenPos().y));
      if (big_button(s, "review.change." + item.id, s.word("review_change"), ImVec2(change_w, target_height()))) {
        if (s.session.edit(item.id)) s.screen = Screen::Question;
      }
      if (answered) {
        const std::string& label = left_off ? s.word("review_left_off") : s.word("review_leave_off");
        const float w = fit_width("\xE2\x9C\x93 " + label);
        const bool same_row = change_w + gap() + w <= s.column_width;
        const ImVec2 below = ImGui::GetCursorScreenPos();
        const float x = same_row ? row_left + change_w + gap() : row_left;
        const float y = same_row ? ImGui::GetItemRectMin().y : below.y;
        ImGui::SetCursorScreenPos(ImVec2(mirror_x(x, w, row_left, s.column_width, s.rtl()), y));
        if (big_button(s, "review.leaveoff." + item.id, label, ImVec2(w, target_height()),
                       left_off ? Tone::Selected : Tone::Normal)) {
          s.session.set_left_off(item.id, !left_off);
        }
      }
      space(0.5f);
      ImGui::Separator();
      space(0.5f);
    }
  }
}

}  // namespace rk::ui
