#pragma once
// How a ruler's numbers share one row: gap, button width, padding and number size, as a pure
// function of sizes (no ImGui), so the screen, its tests and `--check` agree on what fits.

namespace rk::ui {

struct RulerLayout {
  float gap = 0;         ///< between buttons
  float button_w = 0;    ///< each number's button
  float pad = 0;         ///< left and right of the number inside its button
  float text_scale = 1;  ///< numbers drawn at this share of the body size (< 1 only when crowded)
  bool fits = false;     ///< buttons at least a finger wide and numbers still easy to read
};

/// `count` numbers in one row of `column_w`; `widest_number_w` is the widest number's width at
/// body size `em`; `min_target` the smallest touch target in pixels.
RulerLayout ruler_layout(int count, float column_w, float em, float widest_number_w, float min_target);

/// The widest row a crowded ruler may take on a screen `screen_w` wide with body size `em`: the
/// whole content area (beyond the text column), inside the window padding and scrollbar.
float widest_ruler_row_for(float screen_w, float em);

/// Screen sizes the kiosk supports (pixels), each also with larger text.
struct ScreenSize {
  int width;
  int height;
};
inline constexpr ScreenSize kSupportedScreens[] = {{1080, 1920}, {1920, 1080}, {1280, 800}, {1024, 768}};

/// A number's width estimated from its digits (DejaVu Sans and Noto Sans digits are at most
/// 0.64 em, the minus sign 0.84 em), for checks made without fonts (--check).
float estimated_number_width(int number, float em);

/// Smallest touch target the kiosk allows, in pixels (about 7 mm on a 24" 1080p screen).
inline constexpr float kMinTouchTarget = 44.0f;

}  // namespace rk::ui
