#pragma once
// What "Read aloud" says: the words of the screen, in reading order, built from the same Texts the
// screen draws (piping included) and never anything the patient typed (Session::resolve_spoken).

#include <string>
#include <vector>

#include "ui_state.hpp"

namespace rk::ui {

/// A question page: its title, then for each visible item its question, its help line, and each
/// option in order (or the ruler's two ends, "0, not important" … "10, very important").
std::vector<std::string> page_phrases(const UiState& s);
/// The welcome screen: greeting, questionnaire title, introduction, the privacy promise, Start.
std::vector<std::string> welcome_phrases(const UiState& s);

/// What one option says when tapped in read-what-I-tap mode: its label, then its description.
std::string option_phrase(const UiState& s, const Option& option);
/// One number of a ruler, with its end label at either end ("0, not important").
std::string ruler_phrase(const UiState& s, const Item& item, int n);
/// The label a yes/no button shows ("yes" or "no"): the option's own label, else the kiosk's word.
std::string yes_no_label(const UiState& s, const Item& item, const std::string& option_id);

}  // namespace rk::ui
