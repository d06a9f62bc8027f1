#include "page_layout.hpp"

#include <algorithm>
#include <iterator>

namespace rk::report {
namespace {

// Baseline below the top of a line box: DejaVu's ascent is about 0.93 em; the extra leading is
// shared above and below.
float baseline_offset(const TextStyle& style) {
  return style.size * (0.80f + (style.leading - 1.0f) / 2.0f);
}

}  // namespace

void mirror_pages(std::vector<LaidOutPage>& pages, float page_width) {
  for (LaidOutPage& page : pages) {
    for (DrawOp& op : page.ops) {
      if (auto* t = std::get_if<TextOp>(&op)) {
        t->x = page_width - t->x - t->width;
      } else if (auto* l = std::get_if<LineOp>(&op)) {
        l->x1 = page_width - l->x1;
        l->x2 = page_width - l->x2;
      } else if (auto* r = std::get_if<RectOp>(&op)) {
        r->x = page_width - r->x - r->w;
      } else if (auto* c = std::get_if<CircleOp>(&op)) {
        c->cx = page_width - c->cx;
      }
    }
  }
}

Flow::Flow(PageFrame frame, FontMetrics metrics, text::Direction direction)
    : frame_(frame), metrics_(std::move(metrics)), options_{direction, {}} {
  new_page();
}

text::AdvanceFn Flow::advance_at(const TextStyle& style) const {
  const text::AdvanceFn& base = style.bold ? metrics_.bold : metrics_.regular;
  const float size = style.size;
  return [&base, size](char32_t cp) { return base(cp) * size; };
}

float Flow::left() const {
  float x = frame_.left;
  for (const Box& b : boxes_) x += b.padding + b.line_width;
  return x;
}

float Flow::width() const {
  float w = frame_.right - frame_.left;
  for (const Box& b : boxes_) w -= 2 * (b.padding + b.line_width);
  return std::max(w, 1.0f);
}

float Flow::measure(std::string_view text, const TextStyle& style) const {
  return text::single_line(text, advance_at(style), options_).width;
}

std::vector<std::string> Flow::wrap(std::string_view text, const TextStyle& style, float max_width) const {
  std::vector<std::string> out;
  for (text::Line& line : text::wrap(text, max_width, advance_at(style), options_)) {
    out.push_back(std::move(line.logical));
  }
  return out;
}

TextOp Flow::text_op(float x, float baseline, std::string_view text, const TextStyle& style) const {
  text::Line line = text::single_line(text, advance_at(style), options_);
  return TextOp{x, baseline, std::move(line.text), style, line.width};
}

void Flow::space(float height) {
  if (at_page_top_) return;
  y_ += height;
}

void Flow::keep(float height) {
  float bottom = frame_.bottom;
  for (const Box& b : boxes_) bottom -= b.padding + b.line_width;
  if (!at_page_top_ && y_ + height > bottom) new_page();
}

void Flow::paragraph(std::string_view text, const TextStyle& style, float indent, float width,
                     int keep_lines) {
  const float w = width > 0 ? width : this->width() - indent;
  const std::vector<std::string> lines = wrap(text, style, w);
  const float lh = line_height(style);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == 0) {
      keep(lh * static_cast<float>(std::clamp(keep_lines, 1, static_cast<int>(lines.size()))));
    } else {
      keep(lh);
    }
    text_at(left() + indent, y_, lines[i], style);
    y_ += lh;
    at_page_top_ = false;
  }
}

void Flow::text_at(float x, float top, std::string_view text, const TextStyle& style) {
  if (text.empty()) return;
  add(text_op(x, top + baseline_offset(style), text, style));
}

void Flow::add(DrawOp op) {
  pages_.back().ops.push_back(std::move(op));
  at_page_top_ = false;
}

void Flow::begin_box(float padding, float line_width, float fill_gray) {
  const bool was_top = at_page_top_;
  boxes_.push_back(Box{padding, line_width, fill_gray, y_, pages_.back().ops.size()});
  y_ += padding + line_width;
  at_page_top_ = was_top;
}

void Flow::insert_frame(const Box& b, float inset, float bottom) {
  RectOp r{frame_.left + inset + b.line_width / 2,
           b.top + b.line_width / 2,
           frame_.right - frame_.left - 2 * inset - b.line_width,
           bottom + b.padding - b.top,
           b.line_width,
           b.fill_gray};
  auto& ops = pages_.back().ops;
  ops.insert(ops.begin() + static_cast<std::ptrdiff_t>(std::min(b.insert_at, ops.size())), r);
}

void Flow::close_box_segment(float bottom) {
  // Outer boxes enclose inner ones; insert each frame before the ops it encloses.
  for (auto it = boxes_.rbegin(); it != boxes_.rend(); ++it) {
    const Box& b = *it;
    size_t depth = static_cast<size_t>(std::distance(it, boxes_.rend()) - 1);
    float inset = 0;
    for (size_t k = 0; k < depth; ++k) inset += boxes_[k].padding + boxes_[k].line_width;
    float box_bottom = bottom;
    for (size_t k = depth + 1; k < boxes_.size(); ++k) box_bottom += boxes_[k].padding + boxes_[k].line_width;
    insert_frame(b, inset, box_bottom);
  }
}

void Flow::end_box() {
  if (boxes_.empty()) return;
  std::vector<Box> outer(boxes_.begin(), boxes_.end() - 1);
  std::vector<Box> inner{boxes_.back()};
  // Close only the innermost box.
  std::swap(boxes_, outer);
  const Box b = inner.front();
  float inset = 0;
  for (const Box& o : boxes_) inset += o.padding + o.line_width;
  insert_frame(b, inset, y_);
  y_ += b.padding + b.line_width;
  at_page_top_ = false;
}

void Flow::new_page() {
  if (!pages_.empty() && !boxes_.empty()) close_box_segment(y_);
  pages_.emplace_back();
  y_ = frame_.top;
  // Open boxes continue on the new page.
  float offset = 0;
  for (Box& b : boxes_) {
    b.top = y_ + offset;
    b.insert_at = 0;
    offset += b.padding + b.line_width;
  }
  y_ += offset;
  at_page_top_ = true;
}

std::vector<LaidOutPage> Flow::take_pages() {
  while (!boxes_.empty()) end_box();
  return std::move(pages_);
}

}  // namespace rk::report
