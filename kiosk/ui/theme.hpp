#pragma once
// The kiosk's two looks: a calm light theme and a high-contrast one (black, white, yellow).

#include "ui_state.hpp"

namespace rk::ui {

Palette make_palette(bool high_contrast);
/// Sets ImGui's colours from s.high_contrast (cheap; done every frame so a toggle shows at once).
void apply_theme(UiState& s);
/// Resets ImGui's sizes to our touch sizes for a body font of `body_px` pixels.
void apply_style_sizes(float body_px);

}  // namespace rk::ui
