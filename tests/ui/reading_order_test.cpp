// Where boxes sit in a right-to-left layout: pure decisions, no ImGui.
#include "reading_order.hpp"

#include <doctest/doctest.h>

#include <vector>

using rk::ui::line_x;
using rk::ui::mirror_x;
using rk::ui::reading_order;
using rk::ui::TextAlign;

TEST_CASE("left to right, slots hold the items in order") {
  CHECK(reading_order(5, 3, false) == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(reading_order(11, 11, false) == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  CHECK(reading_order(0, 3, false).empty());
}

TEST_CASE("right to left, each row is reversed and a short last row starts at the right") {
  CHECK(reading_order(2, 2, true) == std::vector<int>{1, 0});  // yes on the right, no on the left
  CHECK(reading_order(11, 11, true) == std::vector<int>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0});  // 0 at the right
  CHECK(reading_order(5, 3, true) == std::vector<int>{2, 1, 0, -1, 4, 3});
  CHECK(reading_order(4, 2, true) == std::vector<int>{1, 0, 3, 2});
  CHECK(reading_order(3, 0, true) == std::vector<int>{0, 1, 2});  // one per row: nothing to swap
}

TEST_CASE("a box mirrors inside its column") {
  CHECK(mirror_x(100.0f, 50.0f, 100.0f, 1000.0f, false) == 100.0f);
  CHECK(mirror_x(100.0f, 50.0f, 100.0f, 1000.0f, true) == 1050.0f);  // flush left becomes flush right
  CHECK(mirror_x(1050.0f, 50.0f, 100.0f, 1000.0f, true) == 100.0f);
  CHECK(mirror_x(575.0f, 50.0f, 100.0f, 1000.0f, true) == 575.0f);  // centred stays centred
}

TEST_CASE("a line sits at its start, centred, or at a side whatever its direction") {
  // A 200 px line in the box [100, 1100).
  CHECK(line_x(TextAlign::Start, 100.0f, 1000.0f, 200.0f, false) == 100.0f);
  CHECK(line_x(TextAlign::Start, 100.0f, 1000.0f, 200.0f, true) == 900.0f);  // Arabic starts at the right
  CHECK(line_x(TextAlign::Centre, 100.0f, 1000.0f, 200.0f, false) == 500.0f);
  CHECK(line_x(TextAlign::Centre, 100.0f, 1000.0f, 200.0f, true) == 500.0f);
  // A ruler's end labels: flush with their end of the row in either direction.
  CHECK(line_x(TextAlign::Left, 100.0f, 1000.0f, 200.0f, false) == 100.0f);
  CHECK(line_x(TextAlign::Left, 100.0f, 1000.0f, 200.0f, true) == 100.0f);
  CHECK(line_x(TextAlign::Right, 100.0f, 1000.0f, 200.0f, false) == 900.0f);
  CHECK(line_x(TextAlign::Right, 100.0f, 1000.0f, 200.0f, true) == 900.0f);
}
