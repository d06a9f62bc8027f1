#pragma once
// The layout check: faults a patient would see, found in a frame's widget list (WidgetInfo, as
// --test-items writes it) alone, whatever the screen, language or text size. A pure function, so
// the headless UI tests, the kiosk's --test-items output and the end-to-end tests share it.

#include <string>
#include <vector>

#include "kiosk_ui.hpp"

namespace rk::ui {

/// One sentence per fault, naming the widget ids, e.g. "'nav.next' and 'nav.review' overlap".
/// Faults: a widget reaching outside the screen, or cut off at a side (only the content area
/// scrolls, and only up and down); two tappable widgets overlapping; a label wider than its
/// button (a word split across lines) or taller (cut off); a drawn-only mark (the "More below"
/// cue) covering a tappable widget.
std::vector<std::string> check_layout(const std::vector<WidgetInfo>& widgets, float screen_w, float screen_h);

}  // namespace rk::ui
