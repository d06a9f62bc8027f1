#pragma once
// Read aloud on screen: the button at the top of the page column, read-what-I-tap, the welcome
// line with the speaker symbol, and the rule that speech belongs to one screen in one language.
// What is said comes from spoken_text.hpp; how it is said is the app's (Services::speech).

#include <string>
#include <vector>

#include "ui_state.hpp"

namespace rk::ui {

/// The decision: the clinic allows read aloud and there is a voice and an audio output for it.
[[nodiscard]] bool read_aloud_offered(ReadAloud setting, bool can_speak);
/// The same for the screen as it is now (the current language).
[[nodiscard]] bool read_aloud_offered(const UiState& s);

/// "Read aloud" (id read.page) at the top right of the page column; it says `phrases(s)`. While it
/// speaks it reads "Stop reading", and a tap stops. Draws nothing when read aloud is not offered.
void draw_read_aloud_button(UiState& s, std::vector<std::string> (*phrases)(const UiState&));
/// A choice was tapped: in read-what-I-tap mode, say it.
void read_tapped(UiState& s, const std::string& phrase);
/// Welcome: the speaker symbol and "This kiosk can read to you", when read aloud is offered.
void draw_read_aloud_note(UiState& s);
/// Stops speech now (page change, language change, wipe, finish all come through here).
void stop_speech(UiState& s);
/// Once a frame, after drawing: speech started on another screen or in another language stops.
void stop_speech_from_other_views(UiState& s);

/// The speaker symbol in a `size` square at `min`, drawn with ImGui primitives (so no font needs
/// U+1F50A).
void draw_speaker_symbol(ImDrawList* dl, ImVec2 min, float size, ImU32 color);

}  // namespace rk::ui
