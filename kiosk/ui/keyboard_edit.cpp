#include "keyboard_edit.hpp"

#include "utf8.hpp"

namespace rk::ui {

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) {
    if (!is_utf8_continuation(c)) ++n;
  }
  return n;
}

bool keyboard_type(std::string& text, std::string_view key, int max_length) {
  if (key.empty()) return false;
  if (max_length > 0 && code_points(text) + code_points(key) > static_cast<std::size_t>(max_length))
    return false;
  text.append(key);
  return true;
}

void keyboard_backspace(std::string& text) {
  if (text.empty()) return;
  std::size_t cut = text.size() - 1;
  // Step back over continuation bytes, at most three (the longest UTF-8 sequence is four bytes).
  for (int i = 0; i < 3 && cut > 0 && is_utf8_continuation(text[cut]); ++i) --cut;
  text.erase(cut);
}

}  // namespace rk::ui
