#pragma once
// How a key of the on-screen keyboard changes the text typed so far, per layout (ui_strings.hpp's
// Compose). Pure functions over UTF-8 strings, tested on their own:
//   None        the key's text is appended;
//   Vietnamese  a key holding a lone combining tone mark (U+0300 huyền, U+0301 sắc, U+0309 hỏi,
//               U+0303 ngã, U+0323 nặng) puts that tone on the right vowel of the word being typed
//               ("hoa" + ◌̀ → "hòa", "nguyên" + ◌̃ → "nguyễn"); the same tone again takes it off;
//   Hangul      compatibility jamo keys (ㄱ, ㅏ, ...) build syllable blocks as a Korean two-set
//               keyboard does ("ㅎ ㅏ ㄴ" → "한", "한 ㅏ" → "하나"); backspace undoes one jamo.
// The result is always precomposed (NFC), so lengths and the summary see ordinary characters.

#include <string>
#include <string_view>

#include "ui_strings.hpp"

namespace rk::ui {

/// Types `key` into `text` under `compose`. Returns false, changing nothing, when the result would
/// be longer than `max_length` code points (0: no limit) or the key cannot apply (a tone with no
/// vowel before it).
bool compose_key(std::string& text, std::string_view key, Compose compose, int max_length);

/// Removes the last character, or for Hangul the last jamo of the last syllable.
void compose_backspace(std::string& text, Compose compose);

/// What a key shows: its text, with a dotted circle under a lone combining mark ("◌́").
std::string key_label(std::string_view key);

}  // namespace rk::ui
