#pragma once
// Which side things sit on when the language reads right to left (Arabic): rows of choices, ruler
// numbers and cards start at the right, and a box at the left of the column moves to the right.
// Pure decisions, tested on their own; the screens only ask them. Text itself is reordered and
// aligned by the text room (kiosk/text); this is only where boxes go.

#include <vector>

namespace rk::ui {

/// For `count` items laid out in rows of `per_row` slots, drawn left to right and top to bottom:
/// the item each slot holds, or -1 for an empty slot. Left to right, that is 0, 1, 2, ...; right
/// to left, each row is reversed and a short last row is pushed to the right by empty slots, so
/// item 0 is always where reading starts.
std::vector<int> reading_order(int count, int per_row, bool rtl);

/// The left edge of a box of width `w` that sits at `x` in a left-to-right layout of the column
/// [left, left + width): the same `x`, or its mirror image when `rtl`.
float mirror_x(float x, float w, float left, float width, bool rtl);

/// Where a line of text sits in its box.
enum class TextAlign {
  Start,   ///< where its reading starts: the left, or the right for a right-to-left line
  Centre,  ///< centred
  Left,    ///< the left edge, whatever the direction (the end label under a ruler's left end)
  Right,   ///< the right edge, whatever the direction
};

/// The left edge of a line `line_w` wide, aligned by `align` in the box [left, left + width); `rtl`:
/// the line reads right to left.
float line_x(TextAlign align, float left, float width, float line_w, bool rtl);

}  // namespace rk::ui
