// readiness-kiosk --check FILE...
// Validates questionnaire files, and the kiosk's language files they need, without a display. Every problem goes to stderr as
// FILE:LINE:COLUMN: error: message; a clean file gets one summary line on stdout.
// Exit status: 0 when every file is clean, 1 when any has a problem, 2 when no file is given.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <span>
#include <sstream>
#include <string>

#include "command_registry.hpp"
#include "fonts.hpp"
#include "questionnaire.hpp"
#include "questionnaire_languages.hpp"
#include "ruler_layout.hpp"
#include "ui_strings.hpp"
#include "undrawable.hpp"

namespace {

std::string one_line_summary(const std::string& path, const rk::Questionnaire& q) {
  std::size_t items = 0;
  for (const auto& page : q.pages) items += page.items.size();
  std::string languages;
  for (const auto& language : q.languages) languages += " " + language;
  return path + ": ok: '" + q.id + "' v" + q.version + ", " + std::to_string(q.pages.size()) + " pages, " +
         std::to_string(items) + " items, languages" + languages;
}

/// "FILE:LINE:COLUMN: warning: ..." for each ruler that cannot be one row of finger-wide buttons
/// on a supported screen (the kiosk then draws narrower buttons); the count of warnings.
int warn_about_crowded_rulers(const std::string& path, const rk::Questionnaire& q) {
  int warnings = 0;
  for (const auto& page : q.pages) {
    for (const auto& item : page.items) {
      if (item.kind != rk::ItemKind::Ruler) continue;
      const int count = item.max - item.min + 1;
      std::string misfits;
      for (const auto& screen : rk::ui::kSupportedScreens) {
        for (const bool large : {false, true}) {
          const auto w = static_cast<float>(screen.width);
          const float em = std::round(rk::ui::body_pixels(w, static_cast<float>(screen.height), large));
          const float widest = std::max(rk::ui::estimated_number_width(item.min, em),
                                        rk::ui::estimated_number_width(item.max, em));
          if (rk::ui::ruler_layout(count, rk::ui::widest_ruler_row_for(w, em), em, widest, rk::ui::kMinTouchTarget)
                  .fits)
            continue;
          misfits += (misfits.empty() ? "" : ", ") + std::to_string(screen.width) + "x" +
                     std::to_string(screen.height) + (large ? " with larger text" : "");
        }
      }
      if (misfits.empty()) continue;
      ++warnings;
      std::fprintf(stderr,
                   "%s:%d:%d: warning: the ruler '%s' has %d numbers; they do not fit one row of finger-wide "
                   "buttons on %s (the buttons are drawn narrower there). Use fewer numbers, like 0 to 10.\n",
                   path.c_str(), item.where.line, item.where.column, item.id.c_str(), count, misfits.c_str());
    }
  }
  return warnings;
}

// Characters the kiosk's fonts cannot draw (on screen or on paper), one error each.
int report_undrawable(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string source = bytes.str();
  int count = 0;
  for (const rk::text::Undrawable& u : rk::text::find_undrawable(source)) {
    std::fprintf(stderr, "%s:%zu:%zu: error: %s\n", path.c_str(), u.line, u.column, u.message.c_str());
    ++count;
  }
  return count;
}

int check(std::span<const std::string> files) {
  if (files.empty()) {
    std::fprintf(stderr,
                 "readiness-kiosk --check: name at least one questionnaire file, for example\n"
                 "  readiness-kiosk --check questionnaires/*.toml\n");
    return 2;
  }
  // The language files are checked too: a questionnaire language needs one (questionnaire_languages.hpp).
  const rk::UiStringsResult languages = rk::load_shipped_languages();
  for (const auto& problem : languages.errors) std::fprintf(stderr, "%s\n", problem.format().c_str());
  int status = languages.ok() ? 0 : 1;
  for (const auto& path : files) {
    const rk::LoadResult result = rk::load_questionnaire_file(path, languages.strings);
    for (const auto& problem : result.errors) std::fprintf(stderr, "%s\n", problem.format().c_str());
    const int undrawable = result.ok() ? report_undrawable(path) : 0;
    if (result.ok() && undrawable == 0) {
      warn_about_crowded_rulers(path, *result.questionnaire);
      std::printf("%s\n", one_line_summary(path, *result.questionnaire).c_str());
    } else {
      status = 1;
    }
  }
  std::fflush(stdout);
  return status;
}

const bool kRegistered = rk::app::register_command(
    {"--check",
     "--check FILE...   validate questionnaire files (FILE:LINE:COLUMN: error: ... for each problem)",
     check});

}  // namespace
