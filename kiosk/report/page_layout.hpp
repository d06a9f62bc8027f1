#pragma once
// Layout before drawing: text and shapes are placed on pages first (top-down coordinates in
// points), so the page count is known before anything is drawn ("page X of Y"). No libharu here.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "layout.hpp"

namespace rk::report {

struct TextStyle {
  bool bold = false;
  float size = 10.0f;    ///< points
  float gray = 0.0f;     ///< 0 black … 1 white
  float leading = 1.3f;  ///< line height as a multiple of size
};

struct TextOp {
  float x = 0;
  float baseline = 0;  ///< from the top of the page
  std::string text;    ///< shaped, in visual order: drawn glyph by glyph from `x` to the right
  TextStyle style;
  float width = 0;  ///< as drawn, in points
};
struct LineOp {
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  float width = 0.5f;
  float gray = 0.0f;
};
struct RectOp {
  float x = 0, y = 0, w = 0, h = 0;  ///< y is the top edge
  float line_width = 1.0f;           ///< 0: no outline
  float fill_gray = -1.0f;           ///< < 0: no fill
};
struct CircleOp {
  float cx = 0, cy = 0, r = 0;
  bool fill = true;
  float gray = 0.0f;
  float line_width = 1.0f;
};
using DrawOp = std::variant<TextOp, LineOp, RectOp, CircleOp>;

struct LaidOutPage {
  std::vector<DrawOp> ops;
};

/// The part of a page the body may use, in points, top-down.
struct PageFrame {
  float width = 0;
  float height = 0;
  float left = 0;
  float right = 0;   ///< x of the right edge of the body
  float top = 0;     ///< y where the body starts
  float bottom = 0;  ///< y the body must not pass (the footer lies below)
};

/// Per-point advances of the regular and bold fonts (multiply by the size).
struct FontMetrics {
  text::AdvanceFn regular;
  text::AdvanceFn bold;
};

/// Mirrors every page left to right for a right-to-left summary: columns swap sides, text lines
/// end at the right margin, scales run from right to left. Text itself is not mirrored.
void mirror_pages(std::vector<LaidOutPage>& pages, float page_width);

/// Places content on pages top to bottom, starting a new page when the next piece does not fit.
class Flow {
 public:
  /// `direction`: of paragraphs without a strong letter of their own (the summary's language).
  Flow(PageFrame frame, FontMetrics metrics, text::Direction direction = text::Direction::Ltr);

  [[nodiscard]] float y() const { return y_; }
  /// Left edge and width of the body at the current nesting (inside a box they shrink).
  [[nodiscard]] float left() const;
  [[nodiscard]] float width() const;
  [[nodiscard]] const PageFrame& frame() const { return frame_; }
  [[nodiscard]] int page_index() const { return static_cast<int>(pages_.size()) - 1; }

  [[nodiscard]] float line_height(const TextStyle& style) const { return style.size * style.leading; }
  /// Width of `text` as drawn on one line (joined, reordered).
  [[nodiscard]] float measure(std::string_view text, const TextStyle& style) const;
  /// Lines of at most `max_width`, each in logical order: pass them to text_at.
  [[nodiscard]] std::vector<std::string> wrap(std::string_view text, const TextStyle& style,
                                              float max_width) const;
  /// One line of logical `text` ready to draw at `x` on `baseline`.
  [[nodiscard]] TextOp text_op(float x, float baseline, std::string_view text, const TextStyle& style) const;

  /// Vertical gap; dropped at the top of a page.
  void space(float height);
  /// Starts a new page unless `height` still fits below the current position.
  void keep(float height);
  /// Moves down by `height` (after drawing something of that height by hand).
  void advance(float height) { y_ += height; }

  /// Wrapped text from `indent` (relative to left()) over `width` (0: to the right edge). Each
  /// line may go to the next page; `keep_lines` lines are kept together with what came before.
  void paragraph(std::string_view text, const TextStyle& style, float indent = 0, float width = 0,
                 int keep_lines = 1);
  /// One line at an absolute x on the current line box (no wrapping; caller measured it).
  void text_at(float x, float top, std::string_view text, const TextStyle& style);
  void add(DrawOp op);

  /// A framed box around what follows until end_box; split across pages when needed.
  void begin_box(float padding, float line_width, float fill_gray);
  void end_box();

  std::vector<LaidOutPage> take_pages();

 private:
  void new_page();
  void close_box_segment(float bottom);

  [[nodiscard]] text::AdvanceFn advance_at(const TextStyle& style) const;

  PageFrame frame_;
  FontMetrics metrics_;
  text::WrapOptions options_;
  std::vector<LaidOutPage> pages_;
  float y_ = 0;
  bool at_page_top_ = true;

  struct Box {
    float padding = 0, line_width = 0, fill_gray = -1;
    float top = 0;
    size_t insert_at = 0;  ///< ops index the frame goes before (so it lies under the text)
  };
  std::vector<Box> boxes_;

  /// Puts the frame of `b`, `inset` in from the page frame and down to `bottom`, under what it encloses.
  void insert_frame(const Box& b, float inset, float bottom);
};

}  // namespace rk::report
