#pragma once
// The therapist's summary as PDF bytes (libharu 2.3, embedded DejaVu Sans, UTF-8).
// Order of the page (product.md): header → flag box → safety answers → "what I'd like to talk
// about today" → rulers as 0–10 scales → strengths and values → hope → notes → skipped items;
// footer on every page: disclaimer, attributions, "page X of Y". Long text wraps (UAX #14, never
// dropping text) and flows onto further pages; right-to-left languages are joined, reordered and
// mirrored.

#include <optional>
#include <string>
#include <vector>

#include "config.hpp"
#include "summary.hpp"
#include "ui_strings.hpp"

namespace rk::report {

struct RenderOptions {
  /// Paper size. Default: Letter.
  PaperSize paper = PaperSize::Letter;
  /// Language of the summary's own headings ("Skipped", footer, ...). Default: "" (the
  /// summary's `language`). A language without an assets/i18n file is an error, never English.
  std::string language;
  /// A TrueType file to draw with before the kiosk's own font chain (text/font_chain.hpp).
  /// Default: "" (the chain alone). `bold_font_path` defaults to `regular_font_path`.
  std::string regular_font_path;
  std::string bold_font_path;
  /// Mirror the page for a right-to-left language (columns swapped, text at the right margin,
  /// scales from right to left). Default: unset (the `direction` of the headings' language file).
  std::optional<bool> right_to_left;
};

/// Paper and heading language taken from the clinic's config.
RenderOptions render_options_from(const KioskConfig& config);

struct RenderResult {
  std::vector<unsigned char> pdf;  ///< the whole PDF file; empty on error
  int pages = 0;
  /// "" on success; otherwise a staff-readable reason without patient data (for example
  /// "no TrueType font found (install fonts-dejavu-core)" or "libharu error 0x1017 detail 0").
  std::string error;
  [[nodiscard]] bool ok() const { return error.empty() && !pdf.empty(); }
};

/// Renders the summary with the report words of `languages` (the [report] table of
/// assets/i18n/<code>.toml). Never throws for bad content; libharu failures and a language without
/// a file come back as `error`. Thread-safe (each call has its own libharu document).
RenderResult render_summary(const Summary& summary, const UiStrings& languages, const RenderOptions& options = {});

}  // namespace rk::report
