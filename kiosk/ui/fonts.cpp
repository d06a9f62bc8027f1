#include "fonts.hpp"

#include <imgui_freetype.h>

#include <algorithm>
#include <cmath>

#include "font_chain.hpp"
#include "keyboard_compose.hpp"
#include "layout.hpp"
#include "theme.hpp"

namespace rk::ui {
namespace {

// The characters as they will be drawn: Arabic letters in their joined forms, mirrored brackets.
void add_string(ImFontGlyphRangesBuilder& b, const std::string& value) {
  for (char32_t c : text::drawn_code_points(value)) {
    if (c <= 0xFFFF) b.AddChar(static_cast<ImWchar>(c));  // ImWchar is 16-bit in Debian's build
  }
}

void add_text(ImFontGlyphRangesBuilder& b, const Text& t) {
  for (const auto& [lang, value] : t.by_language) add_string(b, value);
}

// Every glyph a screen may show: Latin-1 and Latin Extended-A, typographic punctuation, the few
// symbols we draw, and whatever the questionnaire, the config and the kiosk's words use; each
// given to the first face of the chain that has it, so a face is read only when it is needed.
void build_ranges(UiState& s, const text::Coverage& coverage) {
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
    for (const auto& [key, value] : lang->words) add_string(b, value);
    for (const KeyboardLayout& keyboard : lang->keyboards)
      for (const auto* rows : {&keyboard.rows, &keyboard.shift_rows})
        for (const auto& row : *rows)
          for (const std::string& key : row) add_string(b, key_label(key));
  }
  const std::size_t faces = std::max<std::size_t>(1, coverage.faces().size());
  std::vector<ImFontGlyphRangesBuilder> per_face(faces);
  for (unsigned c = 1; c <= 0xFFFF; ++c) {
    if (!b.GetBit(c)) continue;
    const int face = coverage.face_for(static_cast<char32_t>(c));
    // No face has it (--check reports it): the first face draws its fallback glyph.
    per_face[face < 0 ? 0 : static_cast<std::size_t>(face)].AddChar(static_cast<ImWchar>(c));
  }
  s.fonts.face_ranges.assign(faces, {});
  for (std::size_t k = 0; k < faces; ++k) per_face[k].BuildRanges(&s.fonts.face_ranges[k]);
}

// One ImGui font at `px`: the chain's first face, with the others merged into it for the glyphs
// they draw (their baselines follow the first face's). In bold, a face that has no bold of its
// own (Droid Sans Fallback) is emboldened by FreeType, so Chinese headings stand out too.
ImFont* add_font(const text::Coverage& coverage, const text::FontChain& chain, bool bold,
                 const std::vector<ImVector<ImWchar>>& ranges, float px) {
  ImGuiIO& io = ImGui::GetIO();
  const std::vector<text::FontFace>& faces = bold ? chain.bold : chain.regular;
  ImFont* font = nullptr;
  for (std::size_t k = 0; k < faces.size() && k < ranges.size(); ++k) {
    if (k > 0 && ranges[k].Size <= 1) continue;  // nothing to draw with this face
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // FreeType renders at the exact size; no oversampling needed
    cfg.OversampleV = 1;
    cfg.MergeMode = font != nullptr;
    cfg.FontNo = faces[k].index;
    if (bold && faces[k].path == chain.regular[k].path)
      cfg.FontBuilderFlags |= ImGuiFreeTypeBuilderFlags_Bold;
    // The same em size as the first face, whatever each face's line height.
    const float size = std::round(px * coverage.line_height_em(k) / coverage.line_height_em(0));
    ImFont* added = io.Fonts->AddFontFromFileTTF(faces[k].path.c_str(), size, &cfg, ranges[k].Data);
    if (!font) font = added;
  }
  if (font) return font;
  ImFontConfig cfg;
  cfg.SizePixels = px;  // no font installed: ImGui's own, Latin-1 only, but readable
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
  const text::FontChain chain = text::find_font_chain(text::Medium::Screen);
  const text::Coverage coverage(chain.regular);
  build_ranges(s, coverage);
  io.Fonts->Clear();
  // Debian's imconfig.h does not define IMGUI_ENABLE_FREETYPE: choose the builder ourselves.
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  const auto& ranges = s.fonts.face_ranges;
  s.fonts.body = add_font(coverage, chain, false, ranges, std::round(px));
  s.fonts.bold = add_font(coverage, chain, true, ranges, std::round(px));
  s.fonts.heading = add_font(coverage, chain, true, ranges, std::round(px * 1.3f));
  s.fonts.title = add_font(coverage, chain, true, ranges, std::round(px * 1.7f));
  io.FontDefault = s.fonts.body;
  s.fonts.body_px = std::round(px);
  s.fonts.loaded_width = display_width;
  s.fonts.loaded_height = display_height;
  s.fonts.loaded_large = s.large_text;
  s.fonts.loaded = true;
  apply_style_sizes(s.fonts.body_px);
}

}  // namespace rk::ui
