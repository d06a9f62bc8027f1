#include "keyboard_edit.hpp"

#include <doctest/doctest.h>

using namespace rk::ui;

TEST_CASE("keyboard editing counts code points, not bytes") {
  CHECK(code_points("") == 0);
  CHECK(code_points("año") == 3);
  CHECK(code_points("¿qué?") == 5);
  CHECK(code_points("\xF0\x9F\x98\x80") == 1);  // an emoji: four bytes
}

TEST_CASE("typing respects the maximum length in characters") {
  std::string t;
  CHECK(keyboard_type(t, "ñ", 3));
  CHECK(keyboard_type(t, "á", 3));
  CHECK(keyboard_type(t, "u", 3));
  CHECK_FALSE(keyboard_type(t, "é", 3));
  CHECK(t == "ñáu");
  CHECK(keyboard_type(t, "x", 0));  // 0: no limit
  CHECK_FALSE(keyboard_type(t, "", 0));
}

TEST_CASE("backspace removes one whole character") {
  std::string t = "día ñ";
  keyboard_backspace(t);
  CHECK(t == "día ");
  keyboard_backspace(t);
  keyboard_backspace(t);
  CHECK(t == "dí");
  keyboard_backspace(t);
  CHECK(t == "d");
  std::string emoji = "a\xF0\x9F\x98\x80";
  keyboard_backspace(emoji);
  CHECK(emoji == "a");
  keyboard_backspace(emoji);
  keyboard_backspace(emoji);
  CHECK(emoji.empty());
}
