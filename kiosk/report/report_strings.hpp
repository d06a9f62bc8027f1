#pragma once
// The summary's own words (headings, labels, footer) in one language, read from the [report]
// table of assets/i18n/<code>.toml. Questions and answers come translated in the Summary itself;
// these are only the report's frame.

#include <optional>
#include <string>
#include <string_view>

#include "ui_strings.hpp"

namespace rk::report {

struct ReportStrings {
  std::string code;           ///< the language asked for (BCP 47): its case rules apply
  std::string title;          ///< "Summary for the therapist"
  std::string name;           ///< "Name given"
  std::string date;           ///< "Date and time"
  std::string time_taken;     ///< "Time taken"
  std::string language;       ///< "Language"
  std::string questionnaire;  ///< "Questionnaire"
  std::string version;        ///< "version"
  std::string kiosk;          ///< "Kiosk"
  std::string flags;          ///< heading of the flag box
  std::string urgent;
  std::string soon;
  std::string notice;
  std::string question;  ///< "Question"
  std::string answer;    ///< "Answer"
  std::string safety;
  std::string talk_about;  ///< "What I'd like to talk about today"
  std::string rulers;
  std::string strengths_values;
  std::string hope;
  std::string notes;
  std::string skipped;
  std::string nothing_answered;
  std::string disclaimer;  ///< "A conversation aid, not a diagnostic score."
  std::string page_of;     ///< "Page {page} of {pages}"
  std::string credits;     ///< heading when credits do not fit in the footer
  std::string open_quote;
  std::string close_quote;
  std::string not_given;  ///< for an unknown time
  bool rtl = false;       ///< the language runs right to left: the page mirrors
};

/// The report's words in `language` ("es", or "es-MX" read from es-MX.toml, else es.toml);
/// nullopt when there is no such language file. Never another language's words.
std::optional<ReportStrings> report_strings(const UiStrings& languages, std::string_view language);

/// "Español (es)": the language's own name and its code; the bare code for a language without a file.
std::string language_display_name(const UiStrings& languages, std::string_view code);

/// "Page 2 of 3" in the given strings.
std::string format_page_of(const ReportStrings& strings, int page, int pages);

}  // namespace rk::report
