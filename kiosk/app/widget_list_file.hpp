#pragma once
// The kiosk's accessibility tree as a file (--test-items FILE), so a test can tap a button by id.
//   # frame=<n> screen=<Welcome|Question|...> [replayed=<script lines done>]
//   id<TAB>label<TAB>x<TAB>y<TAB>w<TAB>h        (one widget a line, pixels, window coordinates)
//   # layout: <fault>                            (what ui::check_layout finds in this frame)
// Rewritten atomically (temp file + rename) after every rendered frame.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk_ui.hpp"

namespace rk::app {

/// The file's text. Tabs and line breaks inside labels become spaces.
std::string format_widget_list(const std::vector<ui::WidgetInfo>& widgets, long frame,
                               std::string_view screen, long replayed = -1);

/// "# layout: ..." lines, one for each fault ui::check_layout finds; "" when none.
std::string format_layout_faults(const std::vector<ui::WidgetInfo>& widgets, float screen_w, float screen_h);

/// Writes `text` to `path` through a temp file and rename, so a reader never sees half a file.
bool write_file_atomically(const std::string& path, const std::string& text);

}  // namespace rk::app
