// Every item kind as touch widgets: big option buttons, a row of tappable numbers for rulers (not a
// slider), a grid of cards, yes/no side by side, and a text field that opens the kiosk's keyboard.
#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "reading_order.hpp"
#include "ruler_layout.hpp"
#include "read_aloud.hpp"
#include "screens.hpp"
#include "spoken_text.hpp"
#include "widgets.hpp"

namespace rk::ui {
namespace {

bool picked(const Answer* a, const std::string& option_id) {
  return a && std::find(a->picks.begin(), a->picks.end(), option_id) != a->picks.end();
}

int pick_count(const Answer* a) {
  return a ? static_cast<int>(a->picks.size()) : 0;
}

/// The patient messages of flags this item's answer raises, shown calmly under the item.
void draw_patient_messages(UiState& s, const Item& item) {
  const Answer* a = s.session.answer(item.id);
  if (!a) return;
  for (const auto& raised : Session::flags_raised(item, *a)) {
    const std::string& message = s.text(raised.flag->patient_message);
    if (message.empty()) continue;
    space(0.5f);
    note_box(s, message);
  }
}

void picks_note(UiState& s, const Item& item) {
  const int n = pick_count(s.session.answer(item.id));
  const int max = item.effective_max_picks();
  std::string note;
  if (max > 0 && max < static_cast<int>(item.options.size())) {
    note = fill_placeholders(s.word("picks_note"), {{"n", std::to_string(n)}, {"max", std::to_string(max)}});
  } else if (n > 0) {
    note = fill_placeholders(s.word("picks_note_open"), {{"n", std::to_string(n)}});
  }
  if (!note.empty()) column_text(s, note, nullptr, s.palette.muted);
}

void draw_choices(UiState& s, const Item& item, bool multiple) {
  const Answer* a = s.session.answer(item.id);
  const int max = item.effective_max_picks();
  const bool full = multiple && max > 0 && pick_count(a) >= max;
  if (multiple) picks_note(s, item);
  for (const Option& o : item.options) {
    const bool on = picked(a, o.id);
    const Tone tone = on ? Tone::Selected : (full ? Tone::Disabled : Tone::Normal);
    const std::string id = "item." + item.id + ".option." + o.id;
    if (big_button(s, id, s.text(o.label), ImVec2(s.column_width, 0.0f), tone, s.text(o.description), true)) {
      read_tapped(s, option_phrase(s, o));
      if (multiple) {
        s.session.toggle_pick(item.id, o.id);
      } else {
        s.session.set_answer(item.id, Answer::pick(o.id));
      }
      a = s.session.answer(item.id);
    }
  }
}

void draw_yes_no(UiState& s, const Item& item) {
  const Answer* a = s.session.answer(item.id);
  const float w = (s.column_width - gap()) * 0.5f;
  const float h = primary_height();
  const std::string ids[2] = {"yes", "no"};
  const std::vector<int> slots = reading_order(2, 2, s.rtl());  // Yes where reading starts
  for (std::size_t slot = 0; slot < slots.size(); ++slot) {
    const int i = slots[slot];
    const std::string label = yes_no_label(s, item, ids[i]);
    if (slot == 1) ImGui::SameLine(0.0f, gap());
    if (big_button(s, "item." + item.id + ".option." + ids[i], label,
                   ImVec2(w, std::max(h, big_button_height(s, label, w))),
                   picked(a, ids[i]) ? Tone::Selected : Tone::Normal)) {
      read_tapped(s, label);
      s.session.set_answer(item.id, Answer::pick(ids[i]));
      a = s.session.answer(item.id);
    }
  }
}

/// The end labels under the first and the last number of the row [row_x, row_x + row_w) (window
/// coordinates), each in its half, flush with its end of the row: the left label's lines start at
/// the left end and the right label's end at the right end, in either reading direction (the
/// lowest is at the right in a right-to-left language, under its number).
void draw_ruler_end_labels(UiState& s, const Item& item, float row_x, float row_w) {
  struct End {
    const char* which;  // "min" or "max": under that number
    const std::string& label;
    TextAlign align;
  };
  const bool rtl = s.rtl();
  const End ends[2] = {
      {rtl ? "max" : "min", s.text(rtl ? item.max_label : item.min_label), TextAlign::Left},
      {rtl ? "min" : "max", s.text(rtl ? item.min_label : item.max_label), TextAlign::Right}};
  if (ends[0].label.empty() && ends[1].label.empty()) return;
  ImFont* font = s.fonts.body ? s.fonts.body : ImGui::GetFont();
  const float half = row_w * 0.48f;
  ImGui::SetCursorPosX(row_x);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float h = 0.0f;
  for (const End& end : ends) {
    if (end.label.empty()) continue;
    const float box_x = end.align == TextAlign::Left ? pos.x : pos.x + row_w - half;
    draw_wrapped(dl, font, ImVec2(box_x, pos.y), half, s.palette.muted, end.label, end.align);
    // Recorded as drawn-only marks, from the row's end to the widest line's far edge.
    const float text_w = std::min(half, line_width(font, end.label));
    const float text_h = text_height(font, end.label, half);
    const float x0 = end.align == TextAlign::Left ? pos.x : pos.x + row_w - text_w;
    const LabelFit fit{half, text_h, widest_word(font, end.label), text_h};
    record_widget(s, "ruler_label." + item.id + "." + end.which, end.label, ImVec2(x0, pos.y),
                  ImVec2(x0 + text_w, pos.y + text_h), fit, false);
    h = std::max(h, text_h);
  }
  ImGui::Dummy(ImVec2(row_w, h));
}

void draw_ruler(UiState& s, const Item& item) {
  const Answer* a = s.session.answer(item.id);
  const int count = std::max(1, item.max - item.min + 1);
  // Always one row, so the end labels sit under the ends; crowded rulers (0 to 20) get narrower
  // gaps and padding, then smaller numbers (ruler_layout.hpp; --check warns when even that fails).
  ImFont* number_font = s.fonts.body ? s.fonts.body : ImGui::GetFont();
  float widest = 0.0f;
  for (const int n : {item.min, item.max}) widest = std::max(widest, widest_word(number_font, std::to_string(n)));
  float row_w = s.column_width;
  float row_x = ImGui::GetCursorPosX();
  RulerLayout r = ruler_layout(count, row_w, Em(), widest, kMinTouchTarget);
  if (!r.fits) {  // too crowded for the text column: take the whole width of the content area
    row_x = ImGui::GetWindowContentRegionMin().x;
    row_w = ImGui::GetWindowContentRegionMax().x - row_x;
    r = ruler_layout(count, row_w, Em(), widest, kMinTouchTarget);
    ImGui::SetCursorPosX(row_x);
  }
  const float w = r.button_w;
  const float h = std::max(primary_height(), std::min(w, 3.2f * Em()));
  // One row, so reading order is one slot per number (the lowest where reading starts).
  const std::vector<int> slots = reading_order(count, count, s.rtl());
  for (std::size_t slot = 0; slot < slots.size(); ++slot) {
    if (slot != 0) ImGui::SameLine(0.0f, r.gap);
    if (slots[slot] < 0) {
      ImGui::Dummy(ImVec2(w, h));
      continue;
    }
    const int n = item.min + slots[slot];
    const bool on = a && a->value && *a->value == n;
    const std::string label = std::to_string(n);
    // The number itself, without the check mark: the filled box shows the choice.
    if (big_button(s, "ruler." + item.id + "." + label, label, ImVec2(w, h), on ? Tone::Primary : Tone::Normal,
                   {}, false, ButtonLook{r.pad, r.text_scale})) {
      read_tapped(s, ruler_phrase(s, item, n));
      s.session.set_answer(item.id, Answer::number(n));
      a = s.session.answer(item.id);
    }
  }
  draw_ruler_end_labels(s, item, row_x,
                        static_cast<float>(count) * w + static_cast<float>(count - 1) * r.gap);
}

void draw_cards(UiState& s, const Item& item) {
  const Answer* a = s.session.answer(item.id);
  const int max = item.effective_max_picks();
  picks_note(s, item);
  const float g = gap();
  const int cols = std::clamp(static_cast<int>((s.column_width + g) / (11.0f * Em() + g)), 1, 4);
  const float w = (s.column_width - g * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  float h = primary_height();
  for (const Option& o : item.options)
    h = std::max(h, big_button_height(s, s.text(o.label), w, s.text(o.description)));
  const std::vector<int> slots = reading_order(static_cast<int>(item.options.size()), cols, s.rtl());
  for (std::size_t slot = 0; slot < slots.size(); ++slot) {
    if (slot % static_cast<std::size_t>(cols) != 0) ImGui::SameLine(0.0f, g);
    if (slots[slot] < 0) {
      ImGui::Dummy(ImVec2(w, h));
      continue;
    }
    const Option& o = item.options[static_cast<std::size_t>(slots[slot])];
    const bool on = picked(a, o.id);
    const bool full = max > 0 && pick_count(a) >= max;
    const Tone tone = on ? Tone::Selected : (full ? Tone::Disabled : Tone::Normal);
    if (big_button(s, "card." + item.id + "." + o.id, s.text(o.label), ImVec2(w, h), tone,
                   s.text(o.description), true)) {
      read_tapped(s, option_phrase(s, o));
      s.session.toggle_pick(item.id, o.id);
      a = s.session.answer(item.id);
    }
  }
}

void draw_text_field(UiState& s, const Item& item) {
  const Answer* a = s.session.answer(item.id);
  const bool has_text = a && !a->text.empty();
  const std::string label = has_text ? a->text : s.word("text_placeholder");
  float h = big_button_height(s, label, s.column_width);
  if (!describe(item.kind).one_line) h = std::max(h, 4.0f * Em());
  if (big_button(s, "text." + item.id, label, ImVec2(s.column_width, h), Tone::Normal, {}, true)) {
    s.keyboard.open = true;
    s.keyboard.item_id = item.id;
    s.keyboard.shift = false;
    s.keyboard.refused = false;
  }
  if (has_text) column_text(s, s.word("text_edit"), nullptr, s.palette.muted);
}

}  // namespace

void draw_item(UiState& s, const Item& item) {
  const std::string question = s.session.resolve(item.text);
  column_text(s, question, item.kind == ItemKind::Info ? nullptr : s.fonts.heading);
  const std::string& help = s.text(item.help);
  if (!help.empty()) column_text(s, s.session.resolve(item.help), nullptr, s.palette.muted);
  space(0.4f);
  switch (item.kind) {
    case ItemKind::Info:
      break;
    case ItemKind::SingleChoice:
      draw_choices(s, item, false);
      break;
    case ItemKind::MultiChoice:
      draw_choices(s, item, true);
      break;
    case ItemKind::YesNo:
      draw_yes_no(s, item);
      break;
    case ItemKind::Ruler:
      draw_ruler(s, item);
      break;
    case ItemKind::CardPick:
      draw_cards(s, item);
      break;
    case ItemKind::ShortText:
    case ItemKind::LongText:
      draw_text_field(s, item);
      break;
  }
  draw_patient_messages(s, item);
}

}  // namespace rk::ui
