#include "render_summary.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

#include "case_map.hpp"
#include "font_chain.hpp"
#include "page_layout.hpp"
#include "pdf_document.hpp"
#include "report_strings.hpp"
#include "text_layout.hpp"

namespace rk::report {
namespace {

// Paper in points (1/72 inch).
constexpr float kLetterWidth = 612.0f, kLetterHeight = 792.0f;
constexpr float kA4Width = 595.276f, kA4Height = 841.89f;
constexpr float kMarginSide = 50.0f, kMarginTop = 36.0f, kMarginBottom = 26.0f;

// Type scale: a therapist skims this in 30 seconds, so answers are larger than labels.
const TextStyle kTitle{.bold = true, .size = 15.0f, .gray = 0.0f, .leading = 1.25f};
const TextStyle kHeading{.bold = true, .size = 11.5f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kCellLabel{.bold = false, .size = 7.5f, .gray = 0.35f, .leading = 1.25f};
const TextStyle kCellValue{.bold = true, .size = 9.5f, .gray = 0.0f, .leading = 1.25f};
const TextStyle kPrompt{.bold = false, .size = 8.5f, .gray = 0.3f, .leading = 1.3f};
const TextStyle kAnswer{.bold = false, .size = 10.5f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kColumnAnswer{.bold = false, .size = 9.5f, .gray = 0.0f, .leading = 1.2f};
const TextStyle kColumnPrompt{.bold = false, .size = 8.0f, .gray = 0.3f, .leading = 1.2f};
const TextStyle kPicks{.bold = true, .size = 10.5f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kQuote{.bold = false, .size = 11.0f, .gray = 0.0f, .leading = 1.25f};
const TextStyle kFlagText{.bold = true, .size = 11.0f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kRulerPrompt{.bold = true, .size = 9.5f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kRulerNumber{.bold = false, .size = 8.5f, .gray = 0.0f, .leading = 1.2f};
const TextStyle kRulerMark{.bold = true, .size = 9.0f, .gray = 1.0f, .leading = 1.2f};
const TextStyle kRulerValue{.bold = true, .size = 13.0f, .gray = 0.0f, .leading = 1.2f};
const TextStyle kRulerEnd{.bold = false, .size = 7.5f, .gray = 0.3f, .leading = 1.2f};
const TextStyle kFooterBold{.bold = true, .size = 8.0f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kFooter{.bold = false, .size = 7.0f, .gray = 0.25f, .leading = 1.3f};

constexpr float kSectionGap = 6.5f;
constexpr float kMarkRadius = 7.5f;  // the disc around the chosen number
constexpr float kTick = 3.5f;
constexpr float kEntryGap = 4.0f;
constexpr float kIndent = 12.0f;

std::string clean(const std::string& s) {
  return replace_beyond_bmp(sanitize_utf8(s));
}

// Spaces as no-break spaces: the text wraps as one word (broken inside only when too wide alone).
std::string without_breaks(const std::string& s) {
  std::string out;
  for (char c : s) out += c == ' ' ? std::string("\u00A0") : std::string(1, c);
  return out;
}

std::string quoted(const ReportStrings& str, const std::string& s) {
  return std::string(str.open_quote) + clean(s) + std::string(str.close_quote);
}

std::string format_local_time(Summary::Clock::time_point t) {
  if (t == Summary::Clock::time_point{}) return {};
  const std::time_t tt = Summary::Clock::to_time_t(t);
  std::tm tm{};
  if (!localtime_r(&tt, &tm)) return {};
  char buf[32];
  if (std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm) == 0) return {};
  return buf;
}

std::string format_duration(const Summary& s) {
  if (s.started_at == Summary::Clock::time_point{} || s.finished_at < s.started_at) return {};
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(s.finished_at - s.started_at).count();
  const long long minutes = secs / 60, rest = secs % 60;
  if (minutes == 0) return std::to_string(rest) + " s";
  if (rest == 0 && minutes < 60) return std::to_string(minutes) + " min";
  if (minutes >= 60) return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
  return std::to_string(minutes) + " min " + std::to_string(rest) + " s";
}

std::string_view severity_label(const ReportStrings& str, Severity s) {
  switch (s) {
    case Severity::Urgent:
      return str.urgent;
    case Severity::Soon:
      return str.soon;
    case Severity::Notice:
      return str.notice;
  }
  return str.notice;
}

class SummaryLayout {
 public:
  SummaryLayout(const Summary& summary, const ReportStrings& str, const UiStrings& languages, Flow& flow)
      : s_(summary), str_(str), languages_(languages), flow_(flow) {}

  void run() {
    header();
    flags();
    entries_section(str_.safety, safety_not_in_flag_box(), false);
    entries_section(str_.talk_about, s_.talk_about, true);
    rulers();
    picks_section();
    entries_section(str_.hope, s_.hope, true);
    entries_section(str_.notes, s_.notes, false);
    skipped();
    if (!anything_answered()) {
      flow_.space(kSectionGap);
      flow_.paragraph(str_.nothing_answered, kAnswer);
    }
  }

 private:
  [[nodiscard]] bool anything_answered() const {
    return !s_.flags.empty() || !s_.safety.empty() || !s_.talk_about.empty() || !s_.rulers.empty() ||
           !s_.strengths.empty() || !s_.values.empty() || !s_.hope.empty() || !s_.notes.empty();
  }

  // Header: title, then a grid of small labelled cells.
  void header() {
    flow_.paragraph(str_.title, kTitle);
    flow_.space(4.0f);

    struct Cell {
      std::string_view label;
      std::string value;
      int span = 1;
    };
    std::vector<Cell> cells;
    if (!s_.patient_name.empty()) cells.push_back({str_.name, clean(s_.patient_name)});
    const std::string when =
        format_local_time(s_.finished_at != Summary::Clock::time_point{} ? s_.finished_at : s_.started_at);
    cells.push_back({str_.date, when.empty() ? std::string(str_.not_given) : when});
    const std::string took = format_duration(s_);
    cells.push_back({str_.time_taken, took.empty() ? std::string(str_.not_given) : took});
    cells.push_back({str_.language, language_display_name(languages_, clean(s_.language))});
    std::string q = clean(s_.questionnaire_title.empty() ? s_.questionnaire_id : s_.questionnaire_title);
    if (!s_.questionnaire_version.empty()) {
      q += " (" + std::string(str_.version) + " " + clean(s_.questionnaire_version) + ")";
    }
    cells.push_back({str_.questionnaire, q, 3});
    if (!s_.kiosk_name.empty()) cells.push_back({str_.kiosk, clean(s_.kiosk_name)});

    constexpr int kColumns = 4;
    constexpr float kGutter = 10.0f;
    const float col_width = (flow_.width() - kGutter * (kColumns - 1)) / kColumns;
    size_t i = 0;
    while (i < cells.size()) {
      // One row: as many cells as fit in the columns.
      std::vector<const Cell*> row;
      int used = 0;
      while (i < cells.size() && used + cells[i].span <= kColumns) {
        used += cells[i].span;
        row.push_back(&cells[i++]);
      }
      if (row.empty()) row.push_back(&cells[i++]);  // a cell wider than a row still gets one
      float row_height = 0;
      std::vector<std::vector<std::string>> wrapped;
      for (const Cell* c : row) {
        const float w = col_width * static_cast<float>(c->span) + kGutter * static_cast<float>(c->span - 1);
        wrapped.push_back(flow_.wrap(c->value, kCellValue, w));
        row_height =
            std::max(row_height, flow_.line_height(kCellLabel) +
                                     flow_.line_height(kCellValue) *
                                         static_cast<float>(std::max<size_t>(1, wrapped.back().size())));
      }
      // A header cell taller than a page (an absurd title) still flows line by line.
      if (row_height > flow_.frame().bottom - flow_.frame().top) {
        for (size_t k = 0; k < row.size(); ++k) {
          flow_.paragraph(row[k]->label, kCellLabel);
          flow_.paragraph(row[k]->value, kCellValue);
        }
        continue;
      }
      flow_.keep(row_height);
      float x = flow_.left();
      const float top = flow_.y();
      for (size_t k = 0; k < row.size(); ++k) {
        flow_.text_at(x, top, row[k]->label, kCellLabel);
        float y = top + flow_.line_height(kCellLabel);
        for (const std::string& line : wrapped[k]) {
          flow_.text_at(x, y, line, kCellValue);
          y += flow_.line_height(kCellValue);
        }
        x += col_width * static_cast<float>(row[k]->span) + kGutter * static_cast<float>(row[k]->span);
      }
      flow_.advance(row_height + 2.0f);
    }
    flow_.add(
        LineOp{flow_.left(), flow_.y() + 2.0f, flow_.left() + flow_.width(), flow_.y() + 2.0f, 1.2f, 0.0f});
    flow_.advance(4.0f);
  }

  void heading(std::string_view text, float keep_below) {
    flow_.space(kSectionGap);
    flow_.keep(flow_.line_height(kHeading) + 3.0f + keep_below);
    flow_.paragraph(text, kHeading);
    flow_.add(
        LineOp{flow_.left(), flow_.y() - 1.5f, flow_.left() + flow_.width(), flow_.y() - 1.5f, 0.4f, 0.5f});
    flow_.advance(3.0f);
  }

  // The flag box: bold, framed, shaded lightly (still readable when printed in black and white).
  void flags() {
    if (s_.flags.empty()) return;
    flow_.space(kSectionGap);
    flow_.keep(flow_.line_height(kHeading) + 2 * flow_.line_height(kFlagText) + 20.0f);
    flow_.begin_box(6.0f, 2.0f, 0.9f);
    flow_.paragraph(str_.flags, kHeading);
    for (const Summary::RaisedFlag& f : s_.flags) {
      flow_.space(3.0f);
      // Upper case sets the severity apart from the (also bold) flag text, by the language's rules.
      std::string line = text::to_upper(severity_label(str_, f.severity), str_.code) + ": " + clean(f.text);
      flow_.paragraph(line, kFlagText, 0, 0, 2);
      if (!f.prompt.empty())
        flow_.paragraph(std::string(str_.question) + ": " + clean(f.prompt), kPrompt, kIndent);
      if (!f.answer.empty())
        flow_.paragraph(std::string(str_.answer) + ": " + clean(f.answer), kAnswer, kIndent);
    }
    flow_.end_box();
  }

  // One answer: its question small above, the answer (quoted when they are the patient's words).
  struct Block {
    std::string prompt;
    std::string answer;
    const TextStyle* style = &kAnswer;
  };

  Block block_of(const Summary::Entry& e, bool quote) const {
    const bool q = quote && e.own_words;
    return {clean(e.prompt), q ? quoted(str_, e.answer) : clean(e.answer), q ? &kQuote : &kAnswer};
  }

  // The patient's own words in quotes; a picked option as it is (it is not their words).
  std::string as_written(const Summary::Entry& e) const {
    return e.own_words ? quoted(str_, e.answer) : clean(e.answer);
  }

  // A safety answer that raised a flag is already in the flag box, with its question and answer.
  std::vector<Summary::Entry> safety_not_in_flag_box() const {
    std::vector<Summary::Entry> rest;
    for (const Summary::Entry& e : s_.safety) {
      const bool flagged = std::any_of(s_.flags.begin(), s_.flags.end(), [&](const Summary::RaisedFlag& f) {
        return !f.item_id.empty() && f.item_id == e.item_id;
      });
      if (!flagged) rest.push_back(e);
    }
    return rest;
  }

  void single(const Block& b) {
    flow_.space(kEntryGap);
    flow_.keep(flow_.line_height(kPrompt) + flow_.line_height(*b.style));
    if (!b.prompt.empty()) flow_.paragraph(b.prompt, kPrompt, 0, 0, 1);
    flow_.paragraph(b.answer, *b.style, kIndent, 0, 1);
  }

  struct Wrapped {
    std::vector<std::string> prompt, answer;
    float height = 0;
  };
  static constexpr size_t kMaxPairLines = 5;
  static constexpr float kPairGutter = 16.0f;

  [[nodiscard]] float half_width() const { return (flow_.width() - kPairGutter) / 2.0f; }

  // Both blocks wrapped at half width, when both are short enough to sit side by side.
  bool wrap_pair(const Block& a, const Block& b, Wrapped (&w)[2]) const {
    bool fits = true;
    const Block* pair[2] = {&a, &b};
    for (size_t k = 0; k < 2; ++k) {
      w[k].prompt = flow_.wrap(pair[k]->prompt, kPrompt, half_width());
      w[k].answer = flow_.wrap(pair[k]->answer, *pair[k]->style, half_width() - kIndent);
      w[k].height = flow_.line_height(kPrompt) * static_cast<float>(w[k].prompt.size()) +
                    flow_.line_height(*pair[k]->style) * static_cast<float>(w[k].answer.size());
      fits = fits && w[k].prompt.size() + w[k].answer.size() <= kMaxPairLines;
    }
    return fits;
  }

  // What must stay with a section's heading: the first row of blocks (or its first lines).
  [[nodiscard]] float first_row_height(const std::vector<Block>& list) const {
    const float lines = flow_.line_height(kPrompt) + flow_.line_height(kAnswer) + kEntryGap;
    if (list.size() < 2) return lines;
    Wrapped w[2];
    return wrap_pair(list[0], list[1], w) ? std::max(w[0].height, w[1].height) + kEntryGap : lines;
  }

  // Short answers sit two to a row, so the page holds more at a glance; long ones flow alone.
  void blocks(const std::vector<Block>& list) {
    size_t i = 0;
    while (i < list.size()) {
      Wrapped w[2];
      if (i + 1 < list.size() && wrap_pair(list[i], list[i + 1], w)) {
        flow_.space(kEntryGap);
        const float height = std::max(w[0].height, w[1].height);
        flow_.keep(height);
        const float top = flow_.y();
        for (size_t k = 0; k < 2; ++k) {
          const float x = flow_.left() + static_cast<float>(k) * (half_width() + kPairGutter);
          float y = top;
          for (const std::string& line : w[k].prompt) {
            flow_.text_at(x, y, line, kPrompt);
            y += flow_.line_height(kPrompt);
          }
          for (const std::string& line : w[k].answer) {
            flow_.text_at(x + kIndent, y, line, *list[i + k].style);
            y += flow_.line_height(*list[i + k].style);
          }
        }
        flow_.advance(height);
        i += 2;
        continue;
      }
      single(list[i++]);
    }
  }

  void entries_section(std::string_view title, const std::vector<Summary::Entry>& entries, bool quote) {
    if (entries.empty()) return;
    std::vector<Block> list;
    for (const Summary::Entry& e : entries) list.push_back(block_of(e, quote));
    heading(title, first_row_height(list));
    blocks(list);
  }

  void rulers() {
    if (s_.rulers.empty()) return;
    heading(str_.rulers, 60.0f);
    for (const Summary::Ruler& r : s_.rulers) ruler(r);
  }

  // A 0–10 scale: a line with a tick and number per step, the chosen number white on a black disc,
  // the end labels under the ends, and the value in large type beside the scale. The follow-up
  // reasons go in a column beside it, or under it when they would not fit on one page.
  void ruler(const Summary::Ruler& r) {
    flow_.space(kEntryGap);
    const float scale_width = std::min(flow_.width() * 0.37f, 200.0f);
    const float value_width = 46.0f;
    const float column_gap = 14.0f;
    const float column_x = flow_.left() + 8.0f + scale_width + value_width + column_gap;
    const float column_width = flow_.left() + flow_.width() - column_x;

    const float label_width = scale_width / 2.0f - 4.0f;
    const std::vector<std::string> min_lines = flow_.wrap(clean(r.min_label), kRulerEnd, label_width);
    const std::vector<std::string> max_lines = flow_.wrap(clean(r.max_label), kRulerEnd, label_width);
    const float ends_height =
        flow_.line_height(kRulerEnd) * static_cast<float>(std::max(min_lines.size(), max_lines.size()));
    const float scale_height = kTick + 2 * kMarkRadius + 2.0f + ends_height + 2.0f;

    // The follow-ups as one column of lines, to see whether they fit beside the scale.
    struct ColumnLine {
      std::string text;
      const TextStyle* style;
    };
    std::vector<ColumnLine> column;
    for (const Summary::Entry& f : r.follow_ups) {
      if (!f.prompt.empty()) {
        for (auto& l : flow_.wrap(clean(f.prompt), kColumnPrompt, column_width)) {
          column.push_back({std::move(l), &kColumnPrompt});
        }
      }
      for (auto& l : flow_.wrap(as_written(f), kColumnAnswer, column_width - 6.0f)) {
        column.push_back({std::move(l), &kColumnAnswer});
      }
    }
    float column_height = 0;
    for (const ColumnLine& l : column) column_height += flow_.line_height(*l.style);
    // Beside: the question (wrapped over the scale's width) and the scale on the left, the
    // follow-ups on the right from the question's line down.
    const float left_width = column_x - column_gap - flow_.left();
    const std::vector<std::string> prompt_lines = flow_.wrap(clean(r.prompt), kRulerPrompt, left_width);
    const float prompt_height = flow_.line_height(kRulerPrompt) * static_cast<float>(prompt_lines.size());
    const float page_body = flow_.frame().bottom - flow_.frame().top;
    const bool beside =
        column_width > 120.0f && std::max(prompt_height + scale_height, column_height) < page_body * 0.8f;

    if (beside) {
      const float block = std::max(prompt_height + scale_height, column_height);
      flow_.keep(block);
      const float top = flow_.y();
      float y = top;
      for (const std::string& line : prompt_lines) {
        flow_.text_at(flow_.left(), y, line, kRulerPrompt);
        y += flow_.line_height(kRulerPrompt);
      }
      draw_scale(r, flow_.left() + 8.0f, y, scale_width, min_lines, max_lines);
      y = top;
      for (const ColumnLine& l : column) {
        flow_.text_at(column_x + (l.style == &kColumnAnswer ? 6.0f : 0.0f), y, l.text, *l.style);
        y += flow_.line_height(*l.style);
      }
      flow_.advance(block);
      return;
    }
    flow_.keep(flow_.line_height(kRulerPrompt) + scale_height);
    flow_.paragraph(clean(r.prompt), kRulerPrompt, 0, 0, 1);
    flow_.keep(scale_height);
    draw_scale(r, flow_.left() + 8.0f, flow_.y(), scale_width, min_lines, max_lines);
    flow_.advance(scale_height);
    for (const Summary::Entry& f : r.follow_ups) {
      flow_.space(2.0f);
      flow_.keep(flow_.line_height(kPrompt) + flow_.line_height(kAnswer));
      if (!f.prompt.empty()) flow_.paragraph(clean(f.prompt), kPrompt, kIndent, 0, 1);
      flow_.paragraph(as_written(f), kAnswer, 2 * kIndent, 0, 1);
    }
  }

  void draw_scale(const Summary::Ruler& r, float x0, float top, float scale_width,
                  const std::vector<std::string>& min_lines, const std::vector<std::string>& max_lines) {
    const float number_row = flow_.line_height(kRulerNumber);
    const float line_y = top + kTick + 1.0f;
    const float numbers_top = line_y + kMarkRadius - number_row / 2.0f + 2.0f;
    const float number_center_y = numbers_top + number_row / 2.0f;
    const int steps = r.max - r.min;
    if (steps > 0 && steps <= 1000) {
      const float step = scale_width / static_cast<float>(steps);
      // Label every number when there is room (0–10), else every k-th.
      const int label_every = std::max(1, static_cast<int>(std::ceil(16.0f / step)));
      flow_.add(LineOp{x0, line_y, x0 + scale_width, line_y, 1.0f, 0.0f});
      for (int v = r.min; v <= r.max; ++v) {
        const float x = x0 + step * static_cast<float>(v - r.min);
        if (steps <= 50) flow_.add(LineOp{x, line_y - kTick, x, line_y + kTick, 0.8f, 0.0f});
        const bool chosen = v == r.value;
        const bool near_chosen = !chosen && static_cast<float>(std::abs(v - r.value)) * step < 14.0f;
        if (chosen || ((v - r.min) % label_every == 0 && !near_chosen) || (v == r.max && !near_chosen)) {
          const std::string n = std::to_string(v);
          if (chosen) {
            flow_.add(CircleOp{x, number_center_y + 1.0f, kMarkRadius, true, 0.0f, 0.0f});
            flow_.text_at(x - flow_.measure(n, kRulerMark) / 2.0f,
                          number_center_y + 1.0f - flow_.line_height(kRulerMark) / 2.0f, n, kRulerMark);
            flow_.add(CircleOp{x, line_y, 2.5f, true, 0.0f, 0.0f});
          } else {
            flow_.text_at(x - flow_.measure(n, kRulerNumber) / 2.0f, numbers_top + 1.0f, n, kRulerNumber);
          }
        }
      }
    }
    // The value beside the scale, large: found at a glance and by pdftotext.
    // A left-to-right mark: "7 / 10" reads as a number in a right-to-left summary too.
    const std::string value = "\u200E" + std::to_string(r.value) + " / " + std::to_string(r.max);
    flow_.text_at(x0 + scale_width + 14.0f, line_y - 2.0f, value, kRulerValue);

    float y = numbers_top + number_row + 3.0f;
    for (const std::string& line : min_lines) {
      flow_.text_at(x0 - 4.0f, y, line, kRulerEnd);
      y += flow_.line_height(kRulerEnd);
    }
    y = numbers_top + number_row + 3.0f;
    for (const std::string& line : max_lines) {
      flow_.text_at(x0 + scale_width + 4.0f - flow_.measure(line, kRulerEnd), y, line, kRulerEnd);
      y += flow_.line_height(kRulerEnd);
    }
  }

  void picks_section() {
    if (s_.strengths.empty() && s_.values.empty()) return;
    std::vector<Block> list;
    for (const auto* group : {&s_.strengths, &s_.values}) {
      for (const Summary::Picks& p : *group) {
        // Lines break between picks, not inside one ("Trung / thực", "Decidido o / decidida"):
        // no-break spaces within a label, unless the label alone is wider than its column.
        std::string joined;
        for (const std::string& label : p.labels) {
          if (!joined.empty()) joined += "  \u2022  ";
          joined += without_breaks(clean(label));
        }
        list.push_back({clean(p.prompt), joined, &kPicks});
      }
    }
    heading(str_.strengths_values, first_row_height(list));
    blocks(list);
  }

  void skipped() {
    if (s_.skipped.empty()) return;
    heading(str_.skipped, flow_.line_height(kPrompt));
    flow_.space(2.0f);
    for (const std::string& prompt : s_.skipped) flow_.paragraph("\u2013 " + clean(prompt), kPrompt, 0, 0, 1);
  }

  const Summary& s_;
  const ReportStrings& str_;
  const UiStrings& languages_;
  Flow& flow_;
};

// The footer is the same on every page but the page number: disclaimer and page on the first
// line, credits wrapped below.
struct Footer {
  std::vector<std::string> credit_lines;
  float height = 0;
};

}  // namespace

RenderOptions render_options_from(const KioskConfig& config) {
  RenderOptions o;
  o.paper = config.paper;
  o.language = config.summary_language;
  return o;
}

RenderResult render_summary(const Summary& summary, const UiStrings& languages, const RenderOptions& options) {
  RenderResult result;
  const std::string language = options.language.empty() ? summary.language : options.language;
  const std::optional<ReportStrings> words = report_strings(languages, language);
  if (!words) {
    result.error = "no words for the summary in language '" + language + "': add assets/i18n/" + language + ".toml";
    return result;
  }
  const ReportStrings& str = *words;
  const bool a4 = options.paper == PaperSize::A4;
  const float page_w = a4 ? kA4Width : kLetterWidth;
  const float page_h = a4 ? kA4Height : kLetterHeight;

  PdfDocument pdf;
  text::FontChain chain = text::find_font_chain(text::Medium::Paper);
  if (!options.regular_font_path.empty()) {
    const std::string& bold =
        options.bold_font_path.empty() ? options.regular_font_path : options.bold_font_path;
    chain.regular.insert(chain.regular.begin(), text::FontFace{options.regular_font_path, 0, false, {}});
    chain.bold.insert(chain.bold.begin(), text::FontFace{bold, 0, false, {}});
  }
  if (!pdf.use_fonts(chain)) {
    result.error = pdf.error();
    return result;
  }
  const FontMetrics metrics = pdf.metrics();
  const bool rtl = options.right_to_left.value_or(str.rtl);  // direction = "rtl" in the language file
  const text::Direction direction = rtl ? text::Direction::Rtl : text::Direction::Ltr;

  // Footer first: its height decides where the body must stop.
  PageFrame frame{page_w, page_h, kMarginSide, page_w - kMarginSide, kMarginTop, 0};
  Flow measure_only(frame, metrics, direction);
  std::string credits;
  for (const std::string& a : summary.attributions) {
    if (a.empty()) continue;
    if (!credits.empty()) credits += " \u00B7 ";
    credits += clean(a);
  }
  const float body_width = frame.right - frame.left;
  Footer footer;
  footer.credit_lines = measure_only.wrap(credits, kFooter, body_width);
  bool credits_in_body = false;
  constexpr size_t kMaxFooterCreditLines = 4;
  if (footer.credit_lines.size() > kMaxFooterCreditLines) {
    credits_in_body = true;  // too long for a footer: printed once, at the end of the body
    footer.credit_lines.clear();
  }
  footer.height = measure_only.line_height(kFooterBold) +
                  measure_only.line_height(kFooter) * static_cast<float>(footer.credit_lines.size()) + 8.0f;
  frame.bottom = page_h - kMarginBottom - footer.height - 6.0f;

  Flow flow(frame, metrics, direction);
  SummaryLayout(summary, str, languages, flow).run();
  if (credits_in_body) {
    flow.space(kSectionGap);
    flow.paragraph(str.credits, kHeading);
    flow.paragraph(credits, kFooter);
  }
  std::vector<LaidOutPage> pages = flow.take_pages();

  const int page_count = static_cast<int>(pages.size());
  for (int i = 0; i < page_count; ++i) {
    auto& ops = pages[static_cast<size_t>(i)].ops;
    const float top = page_h - kMarginBottom - footer.height;
    ops.emplace_back(LineOp{frame.left, top, frame.right, top, 0.5f, 0.3f});
    const float line1 = top + 4.0f;
    const float baseline = line1 + kFooterBold.size * 0.95f;
    ops.emplace_back(measure_only.text_op(frame.left, baseline, str.disclaimer, kFooterBold));
    const std::string page_label = format_page_of(str, i + 1, page_count);
    ops.emplace_back(measure_only.text_op(frame.right - measure_only.measure(page_label, kFooterBold),
                                          baseline, page_label, kFooterBold));
    float y = line1 + measure_only.line_height(kFooterBold) + kFooter.size * 0.9f;
    for (const std::string& line : footer.credit_lines) {
      ops.emplace_back(measure_only.text_op(frame.left, y, line, kFooter));
      y += measure_only.line_height(kFooter);
    }
  }
  if (rtl) mirror_pages(pages, page_w);

  pdf.draw(pages, page_w, page_h);
  result.pdf = pdf.save();
  result.pages = page_count;
  if (pdf.failed()) {
    result.error = pdf.error();
    result.pdf.clear();
  }
  return result;
}

}  // namespace rk::report
