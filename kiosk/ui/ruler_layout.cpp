#include "ruler_layout.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace rk::ui {
namespace {
// Numbers never shrink below this share of the body size: smaller is hard to read at arm's length.
constexpr float kMinTextScale = 0.6f;  // with larger text, still 0.78 of the normal body size
}  // namespace

RulerLayout ruler_layout(int count, float column_w, float em, float widest_number_w, float min_target) {
  RulerLayout r;
  const int n = std::max(1, count);
  const float gaps = static_cast<float>(n - 1);
  const float min_pad = 0.15f * em;
  r.gap = 0.3f * em;
  r.button_w = (column_w - r.gap * gaps) / static_cast<float>(n);
  if (r.button_w < widest_number_w + 2.0f * min_pad || r.button_w < min_target) {
    r.gap = 0.08f * em;  // crowded: narrow the gaps before shrinking the numbers
    r.button_w = (column_w - r.gap * gaps) / static_cast<float>(n);
  }
  r.text_scale = widest_number_w > 0 ? std::min(1.0f, (r.button_w - 2.0f * min_pad) / widest_number_w) : 1.0f;
  // Whole pixels, rounded down: the number's room is never a rounding error narrower than the number
  // (it would wrap "10" onto two lines).
  r.pad = std::clamp(std::floor(0.5f * (r.button_w - widest_number_w * r.text_scale)), min_pad, 0.6f * em);
  r.fits = r.button_w >= min_target && r.text_scale >= kMinTextScale;
  return r;
}

float estimated_number_width(int number, float em) {
  const std::string text = std::to_string(number);
  float w = 0.0f;
  for (const char c : text) w += (c == '-' ? 0.84f : 0.64f) * em;
  return w;
}

float widest_ruler_row_for(float screen_w, float em) {
  return screen_w - 2.0f * 0.8f * em - 0.6f * em;  // window padding (0.8 em a side), scrollbar (0.6 em)
}

}  // namespace rk::ui
