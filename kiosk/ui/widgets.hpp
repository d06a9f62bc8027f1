#pragma once
// Big touch widgets drawn with ImGui's draw list: every one records itself (id, label, rect) and
// accepts a tap only through the touch guard (touch.hpp). No hover looks: a finger has no hover.

#include <string>

#include "reading_order.hpp"
#include "touch.hpp"

namespace rk::ui {

enum class Tone {
  Normal,    ///< an ordinary choice or action
  Primary,   ///< the main way forward (Start, Next, Finish)
  Selected,  ///< a chosen option (shows a check mark)
  Disabled,  ///< drawn, recorded, but does nothing (for example a card past the pick limit)
};

/// Smallest height of any target: 2.4 em (≥ 44 px at the smallest font size we use).
float target_height();
/// Height of primary actions and the bottom bar buttons.
float primary_height();
/// Gap between targets, so a finger does not hit two.
float gap();

/// A button of `size` (a size of 0 on an axis means: fit the label). `detail` is an optional
/// second, smaller line (cards). Returns true when tapped.
/// Padding and label size of a big_button, when not the usual (a crowded ruler's numbers).
struct ButtonLook {
  float pad = -1.0f;        ///< left/right/top padding in pixels; < 0: the usual
  float text_scale = 1.0f;  ///< the label at this share of its font's size
};
bool big_button(UiState& s, const std::string& id, const std::string& label, ImVec2 size,
                Tone tone = Tone::Normal, const std::string& detail = {}, bool align_left = false,
                const ButtonLook& look = {});

/// Height the label (and detail) of a big_button needs at `width`.
float big_button_height(const UiState& s, const std::string& label, float width,
                        const std::string& detail = {});
/// Width a big_button needs to show `label` on one line.
float fit_width(const std::string& label);

/// Height of `text` in `font` wrapped at `width` (UAX #14 breaks, via text/layout.hpp), drawn at
/// `scale` times the font's size.
float text_height(ImFont* font, const std::string& text, float width, float scale = 1.0f);
/// Width of `text` in `font` drawn on one line (joined and reordered when right to left).
float line_width(ImFont* font, const std::string& text);
/// Width of the widest piece of `text` that cannot wrap (a word; a character in Chinese).
float widest_word(ImFont* font, const std::string& text, float scale = 1.0f);
/// Draws `text` wrapped at `width` from `pos`, each line placed by `align` (line_x: at its start is
/// the right for a line that reads right to left); Arabic joined, reordered for ImGui.
void draw_wrapped(ImDrawList* dl, ImFont* font, ImVec2 pos, float width, ImU32 color, const std::string& text,
                  TextAlign align, float scale = 1.0f);
/// Draws `text` as one line from `pos` (joined and reordered when right to left).
void draw_line(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, const std::string& text);

/// Wrapped text in the page column, in `font` (nullptr: body) and `color` (0: the theme's text).
void column_text(UiState& s, const std::string& text, ImFont* font = nullptr, ImU32 color = 0);
/// A calm, boxed note (patient messages, gentle hints).
void note_box(UiState& s, const std::string& text);
/// Vertical space of `ems` em.
void space(float ems);

}  // namespace rk::ui
