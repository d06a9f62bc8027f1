#include "layout_check.hpp"

#include <algorithm>

namespace rk::ui {
namespace {

/// Half a pixel of slack: rectangles come from float sums and may touch without overlapping.
constexpr float kSlack = 0.5f;

bool overlap(const WidgetInfo& a, const WidgetInfo& b) {
  const float w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
  const float h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
  return w > kSlack && h > kSlack;
}

std::string quoted(const WidgetInfo& w) {
  return "'" + w.id + "'";
}

}  // namespace

std::vector<std::string> check_layout(const std::vector<WidgetInfo>& widgets, float screen_w, float screen_h) {
  std::vector<std::string> faults;
  for (const WidgetInfo& w : widgets) {
    const bool has_full = w.full_w > 0.0f && w.full_h > 0.0f;
    const float fx = has_full ? w.full_x : w.x;
    const float fy = has_full ? w.full_y : w.y;
    const float fw = has_full ? w.full_w : w.w;
    const float fh = has_full ? w.full_h : w.h;
    const bool beyond_sides = fx < -kSlack || fx + fw > screen_w + kSlack;
    const bool beyond_ends = !w.scrolls && (fy < -kSlack || fy + fh > screen_h + kSlack);
    if (beyond_sides || beyond_ends) {
      faults.push_back(quoted(w) + " lies outside the screen");
    } else if (w.w < fw - kSlack) {
      faults.push_back(quoted(w) + " is cut off at a side");
    } else if (!w.scrolls && w.h < fh - kSlack) {
      faults.push_back(quoted(w) + " is cut off and cannot be scrolled into view");
    }
    if (w.text_room_w > 0.0f && w.widest_word_w > w.text_room_w + kSlack) {
      faults.push_back("the label of " + quoted(w) + " (\"" + w.label + "\") is wider than its button");
    } else if (w.text_room_h > 0.0f && w.text_h > w.text_room_h + kSlack) {
      faults.push_back("the label of " + quoted(w) + " (\"" + w.label + "\") is taller than its button");
    }
  }
  for (std::size_t i = 0; i < widgets.size(); ++i) {
    for (std::size_t j = i + 1; j < widgets.size(); ++j) {
      const WidgetInfo& a = widgets[i];
      const WidgetInfo& b = widgets[j];
      if (!a.tappable && !b.tappable) continue;
      if (!overlap(a, b)) continue;
      if (a.tappable && b.tappable) {
        faults.push_back(quoted(a) + " and " + quoted(b) + " overlap");
      } else {
        const WidgetInfo& mark = a.tappable ? b : a;
        const WidgetInfo& covered = a.tappable ? a : b;
        faults.push_back(quoted(mark) + " covers " + quoted(covered));
      }
    }
  }
  return faults;
}

}  // namespace rk::ui
