#pragma once
// Fonts: the screen's font chain (text/font_chain.hpp: DejaVu Sans, Noto Sans Arabic, Droid Sans
// Fallback, ...) found at run time, rasterised with FreeType at a pixel size chosen from the
// display, with only the glyphs the questionnaire and the kiosk's words use, each from the first
// face that has it.

#include "ui_state.hpp"

namespace rk::ui {

/// Body text size in pixels for a display: about 1/36 of the short side (30 px on 1080p, 21 px on
/// 1024×768), 1.3× with the larger-text option.
float body_pixels(float display_width, float display_height, bool large_text);

/// Clears ImGui's font atlas and adds body, heading and title fonts; scales the style to match.
/// The caller builds the atlas (the app uploads it; tests call GetTexDataAsRGBA32).
void load_kiosk_fonts(UiState& s, float display_width, float display_height);

}  // namespace rk::ui
