#pragma once
// Text editing for the on-screen keyboard, UTF-8 correct: lengths in code points, backspace removes
// a whole character ("ñ" is two bytes, one character).

#include <cstddef>
#include <string>
#include <string_view>

namespace rk::ui {

/// Code points in `text` (invalid bytes count one each, so a length is never under-counted).
std::size_t code_points(std::string_view text);
/// Appends `key` when the result stays within `max_length` code points (0: no limit). Returns
/// false, changing nothing, when it would not fit.
bool keyboard_type(std::string& text, std::string_view key, int max_length);
/// Removes the last code point; nothing when empty.
void keyboard_backspace(std::string& text);

}  // namespace rk::ui
