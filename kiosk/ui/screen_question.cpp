// A question page: the Read aloud button, its title, then each visible item with its own widget (item_widgets.cpp).
#include "read_aloud.hpp"
#include "screens.hpp"
#include "spoken_text.hpp"
#include "widgets.hpp"

namespace rk::ui {

void draw_question(UiState& s) {
  const Page& page = s.session.page();
  draw_read_aloud_button(s, page_phrases);
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
