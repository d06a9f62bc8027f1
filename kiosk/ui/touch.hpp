#pragma once
// Touch rules shared by every screen: the tap guard (debounce), drag-to-scroll, the staff corner,
// and the record of widgets drawn this frame.

#include <string>

#include "ui_state.hpp"

namespace rk::ui {

/// One "em": the body font's pixel size. Every size in the UI is a multiple of it.
float Em();

/// Call once at the start of a frame: notes where and when a press began.
void touch_begin_frame(UiState& s);
/// Call once at the end of a frame: when what is shown changed, starts a new epoch so presses that
/// began before the change (or in the settle time after it) do nothing. A new `page` (not the
/// keyboard or the idle prompt coming or going over the same page) also starts at its top.
void touch_end_frame(UiState& s, const std::string& view, const std::string& page);

/// `pressed` is ImGui's "released inside the widget that was pressed". True only when the press
/// began on this screen, after the settle time, is not a scroll drag, and has not already acted.
bool accept_tap(UiState& s, bool pressed);

/// Inside a scrolling child, after its contents: a press that began in the child and moves more
/// than a little becomes a scroll drag (ImGui #3379) and cancels the widget under it.
void drag_to_scroll(UiState& s);

/// True (once) when the current press has been held in the top-left corner for kStaffHoldSeconds.
bool staff_corner_held(UiState& s);
/// The corner square, in pixels from the top-left.
float staff_corner_size();

/// How a widget's label sits in it, for the layout check (all 0: the widget draws no label).
struct LabelFit {
  float room_w = 0;         ///< width available to the label (inside the padding)
  float room_h = 0;         ///< height available to the label
  float widest_word_w = 0;  ///< widest piece that cannot wrap
  float text_h = 0;         ///< height of the label wrapped to room_w
};

/// Adds a widget to this frame's list: its visible part (clipped), its whole rectangle and how
/// its label fits. Widgets wholly scrolled out of sight are left out.
void record_widget(UiState& s, const std::string& id, const std::string& label, ImVec2 min, ImVec2 max,
                   const LabelFit& fit = {}, bool tappable = true);

}  // namespace rk::ui
