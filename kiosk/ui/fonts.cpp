#include "fonts.hpp"

#include <imgui_freetype.h>

#include <algorithm>
#include <cmath>

#include "paths.hpp"
#include "theme.hpp"

namespace rk::ui {
namespace {

void add_text(ImFontGlyphRangesBuilder& b, const Text& t) {
  for (const auto& [lang, value] : t.by_language) b.AddText(value.c_str(), value.c_str() + value.size());
}

// Every glyph a screen may show: Latin-1 and Latin Extended-A, typographic punctuation, the few
// symbols we draw, and whatever the questionnaire, the config and the kiosk's words use.
void build_ranges(UiState& s) {
  static constexpr ImWchar kExtra[] = {
      0x0100, 0x017F,  // Latin Extended-A
      0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
      0x2030, 0x203A,  // per mille, angle quotes
      0x20AC, 0x20AC,  // euro
      0x2190, 0x2193,  // arrows
      0x2713, 0x2713,  // check mark
      0x25CC, 0x25CC,  // dotted circle (under a tone mark key)
      0x25CF, 0x25CF,  // black circle (PIN dots)
      0,
  };
  ImFontGlyphRangesBuilder b;
  b.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
  b.AddRanges(kExtra);
  const Questionnaire& q = *s.questionnaire;
  add_text(b, q.title);
  add_text(b, q.intro);
  for (const Page& page : q.pages) {
    add_text(b, page.title);
    for (const Item& item : page.items) {
      for (const Text* t : {&item.text, &item.help, &item.min_label, &item.max_label}) add_text(b, *t);
      for (const Option& o : item.options) {
        add_text(b, o.label);
        add_text(b, o.description);
        if (o.flag) add_text(b, o.flag->patient_message);
      }
      for (const RulerFlag& rf : item.ruler_flags) add_text(b, rf.flag.patient_message);
    }
  }
  for (const Text& line : s.config->support_lines) add_text(b, line);
  for (const std::string& code : s.strings->languages()) {
    const UiLanguage* lang = s.strings->language(code);
    for (const auto& [key, value] : lang->words) b.AddText(value.c_str(), value.c_str() + value.size());
    for (const KeyboardLayout& keyboard : lang->keyboards)
      for (const auto* rows : {&keyboard.rows, &keyboard.shift_rows})
        for (const auto& row : *rows)
          for (const std::string& key : row) b.AddText(key.c_str(), key.c_str() + key.size());
  }
  s.fonts.glyph_ranges.clear();
  b.BuildRanges(&s.fonts.glyph_ranges);
}

ImFont* add_font(const std::string& path, float px, const ImWchar* ranges) {
  ImGuiIO& io = ImGui::GetIO();
  ImFontConfig cfg;
  cfg.OversampleH = 1;  // FreeType renders at the exact size; no oversampling needed
  cfg.OversampleV = 1;
  if (!path.empty()) {
    if (ImFont* f = io.Fonts->AddFontFromFileTTF(path.c_str(), px, &cfg, ranges)) return f;
  }
  cfg.SizePixels = px;  // no DejaVu/Noto installed: ImGui's own font, Latin-1 only, but readable
  return io.Fonts->AddFontDefault(&cfg);
}

}  // namespace

float body_pixels(float display_width, float display_height, bool large_text) {
  const float short_side = std::max(1.0f, std::min(display_width, display_height));
  const float px = std::clamp(short_side / 36.0f, 16.0f, 72.0f);
  return large_text ? px * 1.3f : px;
}

void load_kiosk_fonts(UiState& s, float display_width, float display_height) {
  ImGuiIO& io = ImGui::GetIO();
  const float px = body_pixels(display_width, display_height, s.large_text);
  build_ranges(s);
  io.Fonts->Clear();
  // Debian's imconfig.h does not define IMGUI_ENABLE_FREETYPE: choose the builder ourselves.
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  const std::string regular = find_font("regular");
  std::string bold = find_font("bold");
  if (bold.empty()) bold = regular;
  const ImWchar* ranges = s.fonts.glyph_ranges.Data;
  s.fonts.body = add_font(regular, std::round(px), ranges);
  s.fonts.bold = add_font(bold, std::round(px), ranges);
  s.fonts.heading = add_font(bold, std::round(px * 1.3f), ranges);
  s.fonts.title = add_font(bold, std::round(px * 1.7f), ranges);
  io.FontDefault = s.fonts.body;
  s.fonts.body_px = std::round(px);
  s.fonts.loaded_width = display_width;
  s.fonts.loaded_height = display_height;
  s.fonts.loaded_large = s.large_text;
  s.fonts.loaded = true;
  apply_style_sizes(s.fonts.body_px);
}

}  // namespace rk::ui
