#pragma once
// One free function per screen. Each draws into the current ImGui window (the content area that
// kiosk_ui.cpp sets up between the top bar and the fixed bottom bar) and acts on taps at once.

#include "ui_state.hpp"

namespace rk::ui {

// Chrome shared by every screen (chrome.cpp).
/// Top bar: staff corner (no widget), language buttons, larger-text and high-contrast toggles (only
/// the languages while the keyboard is open, so its keys keep their room).
void draw_top_bar(UiState& s, bool languages_only = false);
/// "Page n of total" and a bar, on question and review screens.
void draw_progress(UiState& s);
/// Height of the fixed bottom bar.
float bottom_bar_height();
/// The fixed bottom bar: Back on the left, Review in the middle, Next on the right (mirrored for a
/// right-to-left language); Start, Finish and Done sit where Next does.
void draw_bottom_bar(UiState& s);

// Content of each screen.
void draw_welcome(UiState& s);
void draw_question(UiState& s);
void draw_item(UiState& s, const Item& item);  // item_widgets.cpp
void draw_review(UiState& s);
void draw_finishing(UiState& s);
void draw_thank_you(UiState& s);
void draw_idle_prompt(UiState& s);
/// The on-screen keyboard for s.keyboard.item_id: the question, the text so far and the keys,
/// filling `height` pixels (it does not scroll with the page).
void draw_keyboard(UiState& s, float height);
void draw_staff_pin(UiState& s);
void draw_staff(UiState& s);

/// What is on screen, as a string: when it changes, taps in flight are ignored (touch.cpp) and
/// speech stops (read_aloud.cpp).
std::string view_of(const UiState& s);

// Actions shared by screens.
/// Welcome's Start: asks whether summaries can be kept, then begins a session on the first page.
void start_session(UiState& s);
/// Review's Finish: summary → Services::deliver, session wiped, finishing screen.
void finish_session(UiState& s);
/// Opens the staff PIN pad (from the hidden gesture).
void open_staff_pin(UiState& s);
/// Leaves the PIN pad for the screen it was opened from.
void leave_pin_pad(UiState& s);

}  // namespace rk::ui
