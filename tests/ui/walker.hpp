#pragma once
// Answers the current page of whatever questionnaire the harness shows, by taps only.

#include <string>
#include <vector>

#include "harness.hpp"

namespace rk::test {

/// Keys typed into every free-text item (each one a key on the current keyboard).
inline const char* const kEnglishWords[] = {"h", "i", " ", "t", "h", "e", "r", "e"};
inline const char* const kSpanishWords[] = {"a", "ñ", "o", " ", "d", "í", "a"};

/// Answers every visible, unanswered item on the page: first option, ruler 6, three cards, "no"
/// for yes/no, and a few words typed on the on-screen keyboard. Returns the number of items answered.
int answer_page_by_taps(Harness& h, bool spanish);
/// Types one key by tapping "kbd.<key>".
void type_keys(Harness& h, const std::vector<std::string>& keys);

}  // namespace rk::test
