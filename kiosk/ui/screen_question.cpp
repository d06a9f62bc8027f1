// A question page: its title, then each visible item with its own widget (item_widgets.cpp).
#include "screens.hpp"
#include "widgets.hpp"

namespace rk::ui {

void draw_question(UiState& s) {
  const Page& page = s.session.page();
  if (!page.title.empty()) {
    column_text(s, s.session.resolve(page.title), s.fonts.title);
    space(0.4f);
  }
  if (s.show_required_note && !s.session.missing_required().empty()) {
    note_box(s, s.word("required_note"));
    space(0.4f);
  }
  bool first = true;
  for (const Item* item : s.session.visible_items()) {
    if (!first) space(1.2f);
    first = false;
    ImGui::PushID(item->id.c_str());
    draw_item(s, *item);
    ImGui::PopID();
  }
  space(1.0f);
}

}  // namespace rk::ui
