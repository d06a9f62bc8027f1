#include "reading_order.hpp"

#include <algorithm>

namespace rk::ui {

std::vector<int> reading_order(int count, int per_row, bool rtl) {
  std::vector<int> slots;
  if (count <= 0) return slots;
  per_row = std::max(1, per_row);
  for (int row_start = 0; row_start < count; row_start += per_row) {
    const int in_row = std::min(per_row, count - row_start);
    if (!rtl) {
      for (int i = 0; i < in_row; ++i) slots.push_back(row_start + i);
      continue;
    }
    for (int i = in_row; i < per_row; ++i) slots.push_back(-1);  // a short last row starts at the right
    for (int i = in_row - 1; i >= 0; --i) slots.push_back(row_start + i);
  }
  return slots;
}

float mirror_x(float x, float w, float left, float width, bool rtl) {
  return rtl ? left + width - (x - left) - w : x;
}

float line_x(TextAlign align, float left, float width, float line_w, bool rtl) {
  switch (align) {
    case TextAlign::Start:
      return rtl ? left + width - line_w : left;
    case TextAlign::Centre:
      return left + (width - line_w) * 0.5f;
    case TextAlign::Left:
      return left;
    case TextAlign::Right:
      break;
  }
  return left + width - line_w;
}

}  // namespace rk::ui
