#include "theme.hpp"

namespace rk::ui {
namespace {

ImU32 rgb(int r, int g, int b) {
  return IM_COL32(r, g, b, 255);
}

}  // namespace

Palette make_palette(bool high_contrast) {
  Palette p{};
  if (high_contrast) {
    p.background = rgb(0, 0, 0);
    p.text = rgb(255, 255, 255);
    p.muted = rgb(255, 255, 255);
    p.button = rgb(0, 0, 0);
    p.button_held = rgb(70, 70, 70);
    p.button_text = rgb(255, 255, 255);
    p.primary = rgb(255, 230, 0);
    p.primary_held = rgb(200, 180, 0);
    p.primary_text = rgb(0, 0, 0);
    p.selected = rgb(255, 255, 255);
    p.selected_text = rgb(0, 0, 0);
    p.border = rgb(255, 255, 255);
    p.note = rgb(0, 0, 0);
    p.note_text = rgb(255, 255, 255);
    p.disabled_text = rgb(170, 170, 170);
    p.focus = rgb(255, 230, 0);
  } else {
    // Calm: warm off-white, dark slate text, a deep teal for the way forward (all text ≥ 4.5:1).
    p.background = rgb(250, 248, 243);
    p.text = rgb(33, 37, 41);
    p.muted = rgb(80, 86, 92);
    p.button = rgb(255, 255, 255);
    p.button_held = rgb(214, 230, 228);
    p.button_text = rgb(33, 37, 41);
    p.primary = rgb(0, 105, 110);
    p.primary_held = rgb(0, 75, 80);
    p.primary_text = rgb(255, 255, 255);
    p.selected = rgb(205, 232, 229);
    p.selected_text = rgb(10, 50, 52);
    p.border = rgb(150, 160, 165);
    p.note = rgb(236, 242, 250);
    p.note_text = rgb(25, 45, 80);
    p.disabled_text = rgb(120, 124, 128);
    p.focus = rgb(0, 105, 110);
  }
  return p;
}

void apply_theme(UiState& s) {
  s.palette = make_palette(s.high_contrast);
  const Palette& p = s.palette;
  ImGuiStyle& style = ImGui::GetStyle();
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(p.background);
  style.Colors[ImGuiCol_WindowBg] = bg;
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(p.text);
  style.Colors[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(p.disabled_text);
  style.Colors[ImGuiCol_ScrollbarBg] = ImGui::ColorConvertU32ToFloat4(p.note);
  style.Colors[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(p.border);
  style.Colors[ImGuiCol_ScrollbarGrabHovered] = ImGui::ColorConvertU32ToFloat4(p.border);
  style.Colors[ImGuiCol_ScrollbarGrabActive] = ImGui::ColorConvertU32ToFloat4(p.focus);
  style.Colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(p.border);
  style.Colors[ImGuiCol_Separator] = ImGui::ColorConvertU32ToFloat4(p.border);
  style.Colors[ImGuiCol_PlotHistogram] = ImGui::ColorConvertU32ToFloat4(p.focus);
  style.Colors[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(p.note);
}

void apply_style_sizes(float body_px) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  // Sizes in ImGui's defaults are for a 13 px font; scale them to ours, then widen what a finger needs.
  style.ScaleAllSizes(body_px / 13.0f);
  style.WindowBorderSize = 0.0f;
  style.ChildBorderSize = 0.0f;
  style.WindowRounding = 0.0f;
  style.ScrollbarSize = 0.6f * body_px;
  style.ScrollbarRounding = 0.3f * body_px;
  style.WindowPadding = ImVec2(0.8f * body_px, 0.6f * body_px);
  style.ItemSpacing = ImVec2(0.5f * body_px, 0.5f * body_px);
  style.TouchExtraPadding = ImVec2(0.0f, 0.0f);
}

}  // namespace rk::ui
