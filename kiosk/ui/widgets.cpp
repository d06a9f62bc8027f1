#include "widgets.hpp"

#include <algorithm>
#include <cfloat>

#include "layout.hpp"

namespace rk::ui {
namespace {

ImFont* body_font(const UiState& s) {
  return s.fonts.body ? s.fonts.body : ImGui::GetFont();
}

constexpr const char* kCheck = "\xE2\x9C\x93 ";  // "✓ "

// Each tone's colours in one place: its fill, its fill while a finger holds it, and its ink.
struct ToneColours {
  ImU32 fill, held, ink;
};

ToneColours colours_of(const Palette& p, Tone tone) {
  switch (tone) {
    case Tone::Primary:
      return {p.primary, p.primary_held, p.primary_text};
    case Tone::Selected:
      return {p.selected, p.button_held, p.selected_text};
    case Tone::Disabled:
      return {p.button, p.button, p.disabled_text};
    case Tone::Normal:
      break;
  }
  return {p.button, p.button_held, p.button_text};
}

float padding() {
  return 0.6f * Em();
}

}  // namespace

float target_height() {
  return 2.4f * Em();
}
float primary_height() {
  return 2.8f * Em();
}
float gap() {
  return 0.5f * Em();
}

namespace {

// Advances in `font`; ImWchar is 16-bit in Debian's build, so beyond U+FFFF is a replacement.
text::AdvanceFn advance_in(ImFont* font) {
  return [font](char32_t c) {
    return font->GetCharAdvance(c <= 0xFFFF ? static_cast<ImWchar>(c) : static_cast<ImWchar>(0xFFFD));
  };
}

// Lines as drawn with `font`: UAX #14 breaks, Arabic joined, each line in visual order.
std::vector<text::Line> wrap_lines(ImFont* font, const std::string& text, float width) {
  return text::wrap(text, std::max(width, 1.0f), advance_in(font));
}

}  // namespace

float text_height(ImFont* font, const std::string& text, float width, float scale) {
  if (text.empty()) return 0.0f;
  return font->FontSize * scale *
         static_cast<float>(std::max<std::size_t>(1, wrap_lines(font, text, width / scale).size()));
}

float widest_word(ImFont* font, const std::string& text, float scale) {
  return text::widest_unbreakable(text, advance_in(font)) * scale;
}

float line_width(ImFont* font, const std::string& text) {
  return text::single_line(text, advance_in(font)).width;
}

void draw_wrapped(ImDrawList* dl, ImFont* font, ImVec2 pos, float width, ImU32 color, const std::string& text,
                  TextAlign align, float scale) {
  const float px = font->FontSize * scale;
  float y = pos.y;
  for (const text::Line& line : wrap_lines(font, text, width / scale)) {
    const float x = line_x(align, pos.x, width, line.width * scale, line.rtl);
    dl->AddText(font, px, ImVec2(x, y), color, line.text.c_str(), line.text.c_str() + line.text.size());
    y += px;
  }
}

void draw_line(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, const std::string& text) {
  const text::Line line = text::single_line(text, advance_in(font));
  dl->AddText(font, font->FontSize, pos, color, line.text.c_str(), line.text.c_str() + line.text.size());
}

float big_button_height(const UiState& s, const std::string& label, float width, const std::string& detail) {
  ImFont* font = body_font(s);
  ImFont* label_font = !detail.empty() && s.fonts.bold ? s.fonts.bold : font;
  const float inner = width - 2.0f * padding();
  float h = text_height(label_font, std::string(kCheck) + label, inner);
  if (!detail.empty()) h += 0.3f * Em() + text_height(font, detail, inner);
  return std::max(target_height(), h + 2.0f * padding());
}

float fit_width(const std::string& label) {
  const ImGuiIO& io = ImGui::GetIO();
  ImFont* font = io.FontDefault ? io.FontDefault : ImGui::GetFont();
  return std::max(target_height(), line_width(font, label) + 2.0f * padding() + 0.4f * Em());
}

bool big_button(UiState& s, const std::string& id, const std::string& label, ImVec2 size, Tone tone,
                const std::string& detail, bool align_left, const ButtonLook& look) {
  if (size.x <= 0.0f) size.x = fit_width(label);
  if (size.y <= 0.0f) size.y = big_button_height(s, label, size.x, detail);
  ImGui::PushID(id.c_str());
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("##button", size);
  const bool held = ImGui::IsItemActive() && tone != Tone::Disabled;
  ImGui::PopID();

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(pos.x + size.x, pos.y + size.y);
  const float rounding = 0.4f * Em();
  const ToneColours colours = colours_of(s.palette, tone);
  dl->AddRectFilled(pos, end, held ? colours.held : colours.fill, rounding);
  const float border = tone == Tone::Selected ? 0.15f * Em() : 0.06f * Em();
  dl->AddRect(pos, end, tone == Tone::Selected ? s.palette.focus : s.palette.border, rounding, 0, border);

  ImFont* font = body_font(s);
  ImFont* label_font = !detail.empty() && s.fonts.bold ? s.fonts.bold : font;
  const float pad = look.pad >= 0.0f ? look.pad : padding();
  const float scale = look.text_scale;
  const float inner = size.x - 2.0f * pad;
  const std::string shown = tone == Tone::Selected ? std::string(kCheck) + label : label;
  const float label_h = text_height(label_font, shown, inner, scale);
  // Cards (with a detail line) read from the top; everything else is centred vertically.
  const float top = detail.empty() ? pos.y + std::max(pad, (size.y - label_h) * 0.5f) : pos.y + pad;
  dl->PushClipRect(pos, end, true);
  const TextAlign align = align_left ? TextAlign::Start : TextAlign::Centre;
  draw_wrapped(dl, label_font, ImVec2(pos.x + pad, top), inner, colours.ink, shown, align, scale);
  if (!detail.empty()) {
    draw_wrapped(dl, font, ImVec2(pos.x + pad, top + label_h + 0.3f * Em()), inner, colours.ink, detail,
                 align);
  }
  dl->PopClipRect();

  // The label is drawn from `pad` below the top at the highest, and clipped at the bottom edge.
  LabelFit fit{inner, size.y - pad, widest_word(label_font, shown, scale), label_h};
  if (!detail.empty()) {
    fit.widest_word_w = std::max(fit.widest_word_w, widest_word(font, detail));
    fit.text_h = label_h + 0.3f * Em() + text_height(font, detail, inner);
  }
  record_widget(s, id, label, pos, end, fit);
  if (tone == Tone::Disabled) {
    (void)accept_tap(s, pressed);  // a tap on it still counts as this press's one action
    return false;
  }
  return accept_tap(s, pressed);
}

void column_text(UiState& s, const std::string& text, ImFont* font, ImU32 color) {
  if (text.empty()) return;
  if (!font) font = ImGui::GetFont();
  const float width = std::max(s.column_width, 1.0f);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  draw_wrapped(ImGui::GetWindowDrawList(), font, pos, width,
               color ? color : ImGui::GetColorU32(ImGuiCol_Text), text, TextAlign::Start);
  ImGui::Dummy(ImVec2(width, text_height(font, text, width)));
}

void note_box(UiState& s, const std::string& text) {
  if (text.empty()) return;
  ImFont* font = body_font(s);
  const float pad = padding();
  const float width = s.column_width;
  const float h = text_height(font, text, width - 2.0f * pad) + 2.0f * pad;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), s.palette.note, 0.4f * Em());
  dl->AddRectFilled(pos, ImVec2(pos.x + 0.3f * Em(), pos.y + h), s.palette.focus, 0.4f * Em());
  draw_wrapped(dl, font, ImVec2(pos.x + pad, pos.y + pad), width - 2.0f * pad, s.palette.note_text, text,
               TextAlign::Start);
  ImGui::Dummy(ImVec2(width, h));
}

void space(float ems) {
  ImGui::Dummy(ImVec2(1.0f, ems * Em()));
}

}  // namespace rk::ui
