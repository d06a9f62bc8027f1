#include "layout.hpp"

#include <algorithm>

#include "line_break.hpp"
#include "utf8.hpp"

namespace rk::text {
namespace {

// Spaces that vanish at the end of a line (UAX #14 class SP and the ideographic space). The
// no-break space is not one: it glues its neighbours.
bool is_break_space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == 0x3000 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007);
}

class ParagraphWrapper {
 public:
  ParagraphWrapper(const ShapedParagraph& p, float max_width, const AdvanceFn& advance,
                   std::vector<Line>& out)
      : p_(p), max_(max_width), advance_(advance), out_(out) {}

  void run(const std::vector<Break>& breaks) {
    const std::size_t n = p_.logical.size();
    std::size_t seg_begin = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (breaks[i] == Break::No && i + 1 < n) continue;
      place(seg_begin, i + 1);
      seg_begin = i + 1;
    }
    flush();
  }

 private:
  float adv(std::size_t i) const { return is_invisible(p_.shaped[i]) ? 0.0f : advance_(p_.shaped[i]); }

  // Adds the unbreakable segment [b, e) (with its trailing spaces) to the current line.
  void place(std::size_t b, std::size_t e) {
    std::size_t content_end = e;
    while (content_end > b && is_break_space(p_.logical[content_end - 1])) --content_end;
    float content = 0;
    for (std::size_t i = b; i < content_end; ++i) content += adv(i);
    float spaces = 0;
    for (std::size_t i = content_end; i < e; ++i) spaces += adv(i);

    if (has_content_ && width_ + content > max_) flush();
    if (!has_content_) {
      line_begin_ = b;
      // A line starts with the segment's first visible character, not with spaces.
      while (b < content_end && is_break_space(p_.logical[b])) content -= adv(b++), line_begin_ = b;
      if (content > max_) {
        split_word(b, content_end);
      } else if (content_end > b) {
        width_ = content;
        content_end_ = content_end;
        has_content_ = true;
      }
    } else {
      width_ += content;
      content_end_ = content_end;
    }
    if (has_content_) width_ += spaces;  // room taken only if more follows on this line
    trailing_ = spaces;
  }

  // A word wider than a line: break it between characters, at least one per line, never before
  // a combining mark and never beside a no-break space or word joiner.
  void split_word(std::size_t b, std::size_t e) {
    line_begin_ = b;
    width_ = 0;
    for (std::size_t i = b; i < e; ++i) {
      const float w = adv(i);
      if (i > line_begin_ && width_ + w > max_) {
        std::size_t at = i;
        while (at > line_begin_ && !may_split_before(at)) --at;
        if (at == line_begin_) {  // nothing earlier will do: the first place after the overflow
          at = i;
          while (at < e && !may_split_before(at)) ++at;
        }
        if (at < e) {
          content_end_ = at;
          has_content_ = true;
          trailing_ = 0;
          width_ = 0;
          for (std::size_t k = line_begin_; k < at; ++k) width_ += adv(k);
          flush();
          line_begin_ = at;
          for (std::size_t k = at; k < i; ++k) width_ += adv(k);
        }
      }
      width_ += w;
    }
    content_end_ = e;
    has_content_ = e > line_begin_;
  }

  bool may_split_before(std::size_t i) const {
    const auto glue = [](char32_t c) { return c == 0xA0 || c == 0x202F || c == 0x2060 || c == 0xFEFF; };
    return !is_mark(p_.logical[i]) && !glue(p_.logical[i]) && !glue(p_.logical[i - 1]);
  }

  void flush() {
    if (!has_content_) return;
    Line line;
    line.text = encode(visual_line(p_, line_begin_, content_end_));
    const std::u32string_view logical(p_.logical.data() + line_begin_, content_end_ - line_begin_);
    if (p_.rtl) {
      append(line.logical, 0x200F);  // right-to-left mark
    } else if (has_rtl(logical)) {
      append(line.logical, 0x200E);  // left-to-right mark
    }
    // A word split between lines keeps its joined letter forms: zero-width joiners at the split.
    const auto joined = [&](std::size_t i) { return i < p_.joins_next.size() && p_.joins_next[i] != 0; };
    if (line_begin_ > 0 && joined(line_begin_ - 1)) append(line.logical, 0x200D);
    line.logical += encode(logical);
    if (content_end_ > 0 && joined(content_end_ - 1)) append(line.logical, 0x200D);
    line.width = width_ - trailing_;
    line.rtl = p_.rtl;
    out_.push_back(std::move(line));
    has_content_ = false;
    width_ = 0;
    trailing_ = 0;
  }

  const ShapedParagraph& p_;
  float max_;
  const AdvanceFn& advance_;
  std::vector<Line>& out_;
  std::size_t line_begin_ = 0;
  std::size_t content_end_ = 0;
  float width_ = 0;     ///< of the current line, including the last segment's trailing spaces
  float trailing_ = 0;  ///< width of those trailing spaces
  bool has_content_ = false;
};

}  // namespace

std::vector<Line> wrap(std::string_view utf8, float max_width, const AdvanceFn& advance,
                       const WrapOptions& options) {
  std::vector<Line> lines;
  const std::u32string all = decode(utf8);
  bool last_blank = false;
  std::size_t start = 0;
  while (start <= all.size()) {
    std::size_t stop = all.find(U'\n', start);
    if (stop == std::u32string::npos) stop = all.size();
    const std::u32string_view para(all.data() + start, stop - start);
    const std::size_t before = lines.size();
    if (!para.empty()) {
      const ShapedParagraph p = shape_paragraph(para, options.fallback);
      ParagraphWrapper(p, max_width, advance, lines).run(line_breaks(para, options.lang));
    }
    if (lines.size() > before) {
      last_blank = false;
    } else if (!last_blank && !lines.empty() && stop < all.size()) {
      lines.emplace_back();  // one blank line for a blank paragraph
      lines.back().rtl = options.fallback == Direction::Rtl;
      last_blank = true;
    }
    start = stop + 1;
  }
  while (!lines.empty() && lines.back().text.empty()) lines.pop_back();
  return lines;
}

float widest_unbreakable(std::string_view utf8, const AdvanceFn& advance, const WrapOptions& options) {
  const std::u32string all = decode(utf8);
  float widest = 0.0f;
  std::size_t start = 0;
  while (start < all.size()) {
    std::size_t stop = all.find(U'\n', start);
    if (stop == std::u32string::npos) stop = all.size();
    const std::u32string_view para(all.data() + start, stop - start);
    if (!para.empty()) {
      const ShapedParagraph p = shape_paragraph(para, options.fallback);
      const std::vector<Break> breaks = line_breaks(para, options.lang);
      float piece = 0.0f;   // the piece so far, without its trailing spaces
      float spaces = 0.0f;  // spaces after it, counted only if more of the piece follows
      for (std::size_t i = 0; i < para.size(); ++i) {
        const float w = is_invisible(p.shaped[i]) ? 0.0f : advance(p.shaped[i]);
        if (is_break_space(p.logical[i])) {
          spaces += w;
        } else {
          piece += spaces + w;
          spaces = 0.0f;
        }
        widest = std::max(widest, piece);
        if (breaks[i] != Break::No) piece = spaces = 0.0f;
      }
    }
    start = stop + 1;
  }
  return widest;
}

Line single_line(std::string_view utf8, const AdvanceFn& advance, const WrapOptions& options) {
  std::u32string cps = decode(utf8);
  for (char32_t& c : cps) {
    if (c == U'\n') c = U' ';
  }
  const ShapedParagraph p = shape_paragraph(cps, options.fallback);
  Line line;
  const std::u32string visual = visual_line(p, 0, cps.size());
  for (char32_t c : visual) line.width += advance(c);
  line.text = encode(visual);
  line.rtl = p.rtl;
  return line;
}

std::u32string drawn_code_points(std::string_view utf8) {
  const ShapedParagraph p = shape_paragraph(decode(utf8), Direction::Rtl);  // Rtl: mirrored brackets too
  std::u32string out = p.logical;
  for (std::size_t i = 0; i < p.shaped.size(); ++i) {
    if (p.shaped[i] != p.logical[i] && !is_invisible(p.shaped[i])) out.push_back(p.shaped[i]);
  }
  return out;
}

}  // namespace rk::text
