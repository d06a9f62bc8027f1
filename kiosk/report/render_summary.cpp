#include "render_summary.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

#include "page_layout.hpp"
#include "paths.hpp"
#include "pdf_document.hpp"
#include "report_strings.hpp"
#include "text_layout.hpp"

namespace rk::report {
namespace {

// Paper in points (1/72 inch).
constexpr float kLetterWidth = 612.0f, kLetterHeight = 792.0f;
constexpr float kA4Width = 595.276f, kA4Height = 841.89f;
constexpr float kMarginSide = 50.0f, kMarginTop = 44.0f, kMarginBottom = 32.0f;

// Type scale: a therapist skims this in 30 seconds, so answers are larger than labels.
const TextStyle kTitle{.bold = true, .size = 15.0f, .gray = 0.0f, .leading = 1.25f};
const TextStyle kHeading{.bold = true, .size = 11.5f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kCellLabel{.bold = false, .size = 7.5f, .gray = 0.35f, .leading = 1.25f};
const TextStyle kCellValue{.bold = true, .size = 9.5f, .gray = 0.0f, .leading = 1.25f};
const TextStyle kPrompt{.bold = false, .size = 8.5f, .gray = 0.3f, .leading = 1.3f};
const TextStyle kAnswer{.bold = false, .size = 10.5f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kQuote{.bold = false, .size = 11.5f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kFlagText{.bold = true, .size = 11.0f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kRulerPrompt{.bold = true, .size = 9.5f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kRulerNumber{.bold = false, .size = 8.5f, .gray = 0.0f, .leading = 1.2f};
const TextStyle kRulerMark{.bold = true, .size = 9.0f, .gray = 1.0f, .leading = 1.2f};
const TextStyle kRulerValue{.bold = true, .size = 13.0f, .gray = 0.0f, .leading = 1.2f};
const TextStyle kRulerEnd{.bold = false, .size = 7.5f, .gray = 0.3f, .leading = 1.2f};
const TextStyle kFooterBold{.bold = true, .size = 8.0f, .gray = 0.0f, .leading = 1.3f};
const TextStyle kFooter{.bold = false, .size = 7.0f, .gray = 0.25f, .leading = 1.3f};

constexpr float kSectionGap = 11.0f;
constexpr float kEntryGap = 5.0f;
constexpr float kIndent = 12.0f;

std::string clean(const std::string& s) { return sanitize_utf8(s); }

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
  if (minutes >= 60) return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
  return std::to_string(minutes) + " min " + std::to_string(rest) + " s";
}

std::string_view severity_label(const ReportStrings& str, Severity s) {
  switch (s) {
    case Severity::Urgent: return str.urgent;
    case Severity::Soon: return str.soon;
    case Severity::Notice: return str.notice;
  }
  return str.notice;
}

class SummaryLayout {
 public:
  SummaryLayout(const Summary& summary, const ReportStrings& str, Flow& flow)
      : s_(summary), str_(str), flow_(flow) {}

  void run() {
    header();
    flags();
    entries_section(str_.safety, s_.safety, false);
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
    const std::string when = format_local_time(s_.finished_at != Summary::Clock::time_point{} ? s_.finished_at
                                                                                               : s_.started_at);
    cells.push_back({str_.date, when.empty() ? std::string(str_.not_given) : when});
    const std::string took = format_duration(s_);
    cells.push_back({str_.time_taken, took.empty() ? std::string(str_.not_given) : took});
    cells.push_back({str_.language, language_display_name(clean(s_.language))});
    std::string q = clean(s_.questionnaire_title.empty() ? s_.questionnaire_id : s_.questionnaire_title);
    if (!s_.questionnaire_version.empty()) {
      q += " (" + std::string(str_.version) + " " + clean(s_.questionnaire_version) + ")";
    }
    cells.push_back({str_.questionnaire, q, 2});
    if (!s_.kiosk_name.empty()) cells.push_back({str_.kiosk, clean(s_.kiosk_name)});

    constexpr int kColumns = 3;
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
        row_height = std::max(row_height, flow_.line_height(kCellLabel) +
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
      flow_.advance(row_height + 3.0f);
    }
    flow_.add(LineOp{flow_.left(), flow_.y() + 2.0f, flow_.left() + flow_.width(), flow_.y() + 2.0f, 1.2f, 0.0f});
    flow_.advance(4.0f);
  }

  void heading(std::string_view text, float keep_below) {
    flow_.space(kSectionGap);
    flow_.keep(flow_.line_height(kHeading) + 3.0f + keep_below);
    flow_.paragraph(text, kHeading);
    flow_.add(LineOp{flow_.left(), flow_.y() - 1.5f, flow_.left() + flow_.width(), flow_.y() - 1.5f, 0.4f, 0.5f});
    flow_.advance(3.0f);
  }

  // The flag box: bold, framed, shaded lightly (still readable when printed in black and white).
  void flags() {
    if (s_.flags.empty()) return;
    flow_.space(kSectionGap);
    flow_.keep(flow_.line_height(kHeading) + 2 * flow_.line_height(kFlagText) + 20.0f);
    flow_.begin_box(8.0f, 2.0f, 0.9f);
    flow_.paragraph(str_.flags, kHeading);
    for (const Summary::RaisedFlag& f : s_.flags) {
      flow_.space(3.0f);
      std::string line = std::string(severity_label(str_, f.severity));
      std::transform(line.begin(), line.end(), line.begin(),
                     [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; });
      line += ": " + clean(f.text);
      flow_.paragraph(line, kFlagText, 0, 0, 2);
      if (!f.prompt.empty()) flow_.paragraph(std::string(str_.question) + ": " + clean(f.prompt), kPrompt, kIndent);
      if (!f.answer.empty()) flow_.paragraph(std::string(str_.answer) + ": " + clean(f.answer), kAnswer, kIndent);
    }
    flow_.end_box();
  }

  void entry(const Summary::Entry& e, bool quote) {
    flow_.space(kEntryGap);
    const TextStyle& answer_style = quote ? kQuote : kAnswer;
    flow_.keep(flow_.line_height(kPrompt) + flow_.line_height(answer_style));
    if (!e.prompt.empty()) flow_.paragraph(clean(e.prompt), kPrompt, 0, 0, 1);
    flow_.paragraph(quote ? quoted(str_, e.answer) : clean(e.answer), answer_style, kIndent, 0, 1);
  }

  void entries_section(std::string_view title, const std::vector<Summary::Entry>& entries, bool quote) {
    if (entries.empty()) return;
    heading(title, flow_.line_height(kPrompt) + flow_.line_height(kAnswer));
    for (const Summary::Entry& e : entries) entry(e, quote);
  }

  void rulers() {
    if (s_.rulers.empty()) return;
    heading(str_.rulers, 60.0f);
    for (const Summary::Ruler& r : s_.rulers) ruler(r);
  }

  // A 0–10 scale: a line with a tick and number per step, the chosen number white on a black disc,
  // the end labels under the ends, and the value in large type beside the scale.
  void ruler(const Summary::Ruler& r) {
    flow_.space(kEntryGap + 2.0f);
    const float scale_width = std::min(flow_.width() * 0.62f, 320.0f);
    const float x0 = flow_.left() + 8.0f;
    const float number_row = flow_.line_height(kRulerNumber);
    const float mark_radius = 7.5f;
    const float tick = 3.5f;

    const float label_width = scale_width / 2.0f - 4.0f;
    const std::vector<std::string> min_lines = flow_.wrap(clean(r.min_label), kRulerEnd, label_width);
    const std::vector<std::string> max_lines = flow_.wrap(clean(r.max_label), kRulerEnd, label_width);
    const float ends_height =
        flow_.line_height(kRulerEnd) * static_cast<float>(std::max(min_lines.size(), max_lines.size()));
    const float scale_height = tick + 2 * mark_radius + 2.0f + ends_height + 2.0f;

    flow_.keep(flow_.line_height(kRulerPrompt) + scale_height);
    flow_.paragraph(clean(r.prompt), kRulerPrompt, 0, 0, 1);
    flow_.keep(scale_height);

    const float line_y = flow_.y() + tick + 1.0f;
    const float numbers_top = line_y + mark_radius - number_row / 2.0f + 2.0f;
    const float number_center_y = numbers_top + number_row / 2.0f;
    const int steps = r.max - r.min;
    if (steps > 0 && steps <= 1000) {
      const float step = scale_width / static_cast<float>(steps);
      // Label every number when there is room (0–10), else every k-th.
      const int label_every = std::max(1, static_cast<int>(std::ceil(16.0f / step)));
      flow_.add(LineOp{x0, line_y, x0 + scale_width, line_y, 1.0f, 0.0f});
      for (int v = r.min; v <= r.max; ++v) {
        const float x = x0 + step * static_cast<float>(v - r.min);
        if (steps <= 50) flow_.add(LineOp{x, line_y - tick, x, line_y + tick, 0.8f, 0.0f});
        const bool chosen = v == r.value;
        if (chosen || (v - r.min) % label_every == 0 || v == r.max) {
          const std::string n = std::to_string(v);
          if (chosen) {
            flow_.add(CircleOp{x, number_center_y + 1.0f, mark_radius, true, 0.0f, 0.0f});
            flow_.text_at(x - flow_.measure(n, kRulerMark) / 2.0f, number_center_y + 1.0f - flow_.line_height(kRulerMark) / 2.0f,
                          n, kRulerMark);
            flow_.add(CircleOp{x, line_y, 2.5f, true, 0.0f, 0.0f});
          } else {
            flow_.text_at(x - flow_.measure(n, kRulerNumber) / 2.0f, numbers_top + 1.0f, n, kRulerNumber);
          }
        }
      }
    }
    // The value beside the scale, large: found at a glance and by pdftotext.
    const std::string value = std::to_string(r.value) + " / " + std::to_string(r.max);
    flow_.text_at(x0 + scale_width + 22.0f, line_y - 2.0f, value, kRulerValue);

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
    flow_.advance(scale_height + 2.0f);

    for (const Summary::Entry& f : r.follow_ups) {
      flow_.space(2.0f);
      flow_.keep(flow_.line_height(kPrompt) + flow_.line_height(kAnswer));
      if (!f.prompt.empty()) flow_.paragraph(clean(f.prompt), kPrompt, kIndent, 0, 1);
      flow_.paragraph(quoted(str_, f.answer), kAnswer, 2 * kIndent, 0, 1);
    }
  }

  void picks_section() {
    if (s_.strengths.empty() && s_.values.empty()) return;
    heading(str_.strengths_values, flow_.line_height(kPrompt) + flow_.line_height(kAnswer));
    const auto picks = [&](const Summary::Picks& p) {
      flow_.space(kEntryGap);
      flow_.keep(flow_.line_height(kPrompt) + flow_.line_height(kAnswer));
      if (!p.prompt.empty()) flow_.paragraph(clean(p.prompt), kPrompt);
      std::string joined;
      for (const std::string& label : p.labels) {
        if (!joined.empty()) joined += "  \u2022  ";
        joined += clean(label);
      }
      TextStyle bold_answer = kAnswer;
      bold_answer.bold = true;
      flow_.paragraph(joined, bold_answer, kIndent);
    };
    for (const Summary::Picks& p : s_.strengths) picks(p);
    for (const Summary::Picks& p : s_.values) picks(p);
  }

  void skipped() {
    if (s_.skipped.empty()) return;
    heading(str_.skipped, flow_.line_height(kPrompt));
    flow_.space(2.0f);
    for (const std::string& prompt : s_.skipped) flow_.paragraph("\u2013 " + clean(prompt), kPrompt, 0, 0, 1);
  }

  const Summary& s_;
  const ReportStrings& str_;
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

RenderResult render_summary(const Summary& summary, const RenderOptions& options) {
  RenderResult result;
  const ReportStrings& str = report_strings(options.language.empty() ? summary.language : options.language);
  const bool a4 = options.paper == PaperSize::A4;
  const float page_w = a4 ? kA4Width : kLetterWidth;
  const float page_h = a4 ? kA4Height : kLetterHeight;

  PdfDocument pdf;
  const std::string regular = options.regular_font_path.empty() ? find_font("regular") : options.regular_font_path;
  const std::string bold = options.bold_font_path.empty() ? find_font("bold") : options.bold_font_path;
  if (!pdf.load_fonts(regular, bold)) {
    result.error = pdf.error();
    return result;
  }
  const FontMetrics metrics = pdf.metrics();

  // Footer first: its height decides where the body must stop.
  PageFrame frame{page_w, page_h, kMarginSide, page_w - kMarginSide, kMarginTop, 0};
  Flow measure_only(frame, metrics);
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

  Flow flow(frame, metrics);
  SummaryLayout(summary, str, flow).run();
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
    ops.emplace_back(TextOp{frame.left, baseline, std::string(str.disclaimer), kFooterBold});
    const std::string page_label = format_page_of(str, i + 1, page_count);
    ops.emplace_back(TextOp{frame.right - measure_only.measure(page_label, kFooterBold), baseline, page_label, kFooterBold});
    float y = line1 + measure_only.line_height(kFooterBold) + kFooter.size * 0.9f;
    for (const std::string& line : footer.credit_lines) {
      ops.emplace_back(TextOp{frame.left, y, line, kFooter});
      y += measure_only.line_height(kFooter);
    }
  }

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
