// The kiosk's own on-screen keyboard (a system keyboard is an escape risk): the question and the
// text so far on top, the keys of the current language below, fixed in place.
#include <algorithm>
#include <string>
#include <vector>

#include "keyboard_compose.hpp"
#include "keyboard_edit.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace rk::ui {
namespace {

void store(UiState& s, const Item& item, const std::string& text) {
  if (text.empty()) {
    s.session.clear_answer(item.id);
  } else if (!s.session.set_answer(item.id, Answer::free_text(text))) {
    s.keyboard.refused = true;
  }
}

std::string current_text(const UiState& s, const Item& item) {
  const Answer* a = s.session.answer(item.id);
  return a ? a->text : std::string();
}

const KeyboardLayout& current_layout(const UiState& s) {
  return s.strings->keyboard(s.language, s.keyboard.layout);
}

void type_key(UiState& s, const Item& item, const std::string& key) {
  std::string text = current_text(s, item);
  s.keyboard.refused = !compose_key(text, key, current_layout(s).compose, item.max_length);
  if (!s.keyboard.refused) store(s, item, text);
  s.keyboard.shift = false;  // shift is for one letter, like a phone's
}

void draw_text_so_far(UiState& s, const Item& item, float height) {
  ImGui::BeginChild("kbd_text", ImVec2(0.0f, height), false);
  drag_to_scroll(s);
  column_text(s, s.session.resolve(item.text), s.fonts.heading);
  space(0.3f);
  note_box(s, s.word("kbd_note"));  // e.g. Chinese: no input method here, pinyin is welcome
  if (!s.word("kbd_note").empty()) space(0.3f);
  const std::string text = current_text(s, item);
  const std::string shown = text + "|";  // the caret: typing always goes at the end
  ImFont* font = s.fonts.body ? s.fonts.body : ImGui::GetFont();
  const float pad = 0.6f * Em();
  const float h =
      std::max(target_height(), text_height(font, shown, s.column_width - 2.0f * pad) + 2.0f * pad);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + s.column_width, pos.y + h), s.palette.button, 0.3f * Em());
  dl->AddRect(pos, ImVec2(pos.x + s.column_width, pos.y + h), s.palette.focus, 0.3f * Em(), 0, 0.12f * Em());
  draw_wrapped(dl, font, ImVec2(pos.x + pad, pos.y + pad), s.column_width - 2.0f * pad, s.palette.text, shown,
               TextAlign::Start);
  ImGui::Dummy(ImVec2(s.column_width, h));
  if (item.max_length > 0) {
    column_text(s,
                fill_placeholders(s.word("kbd_count"), {{"n", std::to_string(code_points(text))},
                                                        {"max", std::to_string(item.max_length)}}),
                nullptr, s.keyboard.refused ? s.palette.focus : s.palette.muted);
  }
  if (s.reset_scroll || ImGui::GetScrollMaxY() > 0.0f) ImGui::SetScrollHereY(1.0f);  // keep the caret in view
  ImGui::EndChild();
}

}  // namespace

void draw_keyboard(UiState& s, float height) {
  const Item* item = s.questionnaire->find_item(s.keyboard.item_id);
  if (!item) {
    s.keyboard = KeyboardState{};
    return;
  }
  const KeyboardLayout& layout = current_layout(s);
  const std::vector<KeyboardLayout>& layouts = s.strings->keyboards(s.language);
  const auto& rows = s.keyboard.shift ? layout.shift_rows : layout.rows;
  const float g = 0.25f * Em();
  const int row_count = static_cast<int>(rows.size()) + 1;  // + the row of space, shift, delete, done
  // Keys take what the text box above them leaves (at least three lines of it), up to 2.6 em.
  const float text_min = 3.0f * Em() + gap();
  const float key_h = std::min(2.6f * Em(), (height - text_min) / static_cast<float>(row_count) - g);
  const float keys_h = static_cast<float>(row_count) * (key_h + g) - g;
  // Rows are placed at fixed heights from the bottom of the area, so the keys never move while the
  // text above them grows (it scrolls in its own box instead).
  const float top = ImGui::GetCursorPosY();
  const float keys_top = top + std::max(height - keys_h, 3.0f * Em() + gap());
  draw_text_so_far(s, *item, keys_top - top - gap());

  std::size_t widest = 10;
  for (const auto& row : rows) widest = std::max(widest, row.size());
  const float width = s.column_width;
  const float key_w = (width - g * static_cast<float>(widest - 1)) / static_cast<float>(widest);
  const float left = ImGui::GetCursorPosX();
  float y = keys_top;
  // A label too wide for its key (a wide letter on a narrow key of a long row, or "Nueva línea") is
  // drawn a little smaller rather than wrapped and cut off.
  const auto one_line = [&](const std::string& label, float w) {
    ImFont* font = s.fonts.body ? s.fonts.body : ImGui::GetFont();
    const float pad = 0.3f * Em();
    const float label_w = line_width(font, label);
    return ButtonLook{pad, label_w > 0.0f ? std::clamp((w - 2.0f * pad) / label_w, 0.6f, 1.0f) : 1.0f};
  };
  for (const auto& row : rows) {
    const float row_w = static_cast<float>(row.size()) * key_w + g * static_cast<float>(row.size() - 1);
    ImGui::SetCursorPos(ImVec2(left + (width - row_w) * 0.5f, y));
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) ImGui::SameLine(0.0f, g);
      const std::string label = key_label(row[i]);
      if (big_button(s, "kbd." + row[i], label, ImVec2(key_w, key_h), Tone::Normal, {}, false,
                     one_line(label, key_w)))
        type_key(s, *item, row[i]);
    }
    y += key_h + g;
  }

  // Bottom row: shift, [next layout], space (the widest), [new line], delete, done.
  const bool long_text = !describe(item->kind).one_line;
  const bool switchable = layouts.size() > 1;
  const float units = 10.0f + (long_text ? 2.0f : 0.0f) + (switchable ? 2.0f : 0.0f);
  const float gaps = 3.0f + (long_text ? 1.0f : 0.0f) + (switchable ? 1.0f : 0.0f);
  const float unit = (width - g * gaps) / units;
  ImGui::SetCursorPos(ImVec2(left, y));
  if (big_button(s, "kbd.shift", s.word("kbd_shift"), ImVec2(2.0f * unit, key_h),
                 s.keyboard.shift ? Tone::Selected : Tone::Normal, {}, false,
                 one_line("\xE2\x9C\x93 " + s.word("kbd_shift"), 2.0f * unit))) {  // with its check mark
    s.keyboard.shift = !s.keyboard.shift;
  }
  ImGui::SameLine(0.0f, g);
  if (switchable) {
    const std::size_t next = (s.keyboard.layout + 1) % layouts.size();
    if (big_button(s, "kbd.layout", layouts[next].name, ImVec2(2.0f * unit, key_h), Tone::Normal, {}, false,
                   one_line(layouts[next].name, 2.0f * unit))) {
      s.keyboard.layout = next;
      s.keyboard.shift = false;
    }
    ImGui::SameLine(0.0f, g);
  }
  if (big_button(s, "kbd.space", s.word("kbd_space"), ImVec2(4.0f * unit, key_h), Tone::Normal, {}, false,
                 one_line(s.word("kbd_space"), 4.0f * unit))) {
    const bool shift = s.keyboard.shift;
    type_key(s, *item, " ");
    s.keyboard.shift = shift;
  }
  if (long_text) {
    ImGui::SameLine(0.0f, g);
    if (big_button(s, "kbd.enter", s.word("kbd_enter"), ImVec2(2.0f * unit, key_h), Tone::Normal, {}, false,
                   one_line(s.word("kbd_enter"), 2.0f * unit)))
      type_key(s, *item, "\n");
  }
  ImGui::SameLine(0.0f, g);
  if (big_button(s, "kbd.backspace", s.word("kbd_backspace"), ImVec2(2.0f * unit, key_h), Tone::Normal, {}, false,
                 one_line(s.word("kbd_backspace"), 2.0f * unit))) {
    std::string text = current_text(s, *item);
    compose_backspace(text, layout.compose);
    store(s, *item, text);
    s.keyboard.refused = false;
  }
  ImGui::SameLine(0.0f, g);
  if (big_button(s, "kbd.done", s.word("kbd_done"), ImVec2(2.0f * unit, key_h), Tone::Primary, {}, false,
                 one_line(s.word("kbd_done"), 2.0f * unit))) {
    s.keyboard = KeyboardState{};
  }
}

}  // namespace rk::ui
