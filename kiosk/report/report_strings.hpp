#pragma once
// The summary's own words (headings, labels, footer) per language. Questions and answers come
// translated in the Summary itself; these are only the report's frame.

#include <string>
#include <string_view>

namespace rk::report {

struct ReportStrings {
  std::string_view title;          ///< "Summary for the therapist"
  std::string_view name;           ///< "Name given"
  std::string_view date;           ///< "Date and time"
  std::string_view time_taken;     ///< "Time taken"
  std::string_view language;       ///< "Language"
  std::string_view questionnaire;  ///< "Questionnaire"
  std::string_view version;        ///< "version"
  std::string_view kiosk;          ///< "Kiosk"
  std::string_view flags;          ///< heading of the flag box
  std::string_view urgent;
  std::string_view soon;
  std::string_view notice;
  std::string_view question;  ///< "Question"
  std::string_view answer;    ///< "Answer"
  std::string_view safety;
  std::string_view talk_about;  ///< "What I'd like to talk about today"
  std::string_view rulers;
  std::string_view strengths_values;
  std::string_view hope;
  std::string_view notes;
  std::string_view skipped;
  std::string_view nothing_answered;
  std::string_view disclaimer;  ///< "A conversation aid, not a diagnostic score."
  std::string_view page_of;     ///< "Page {1} of {2}"
  std::string_view credits;     ///< heading when credits do not fit in the footer
  std::string_view open_quote;
  std::string_view close_quote;
  std::string_view not_given;  ///< for an unknown time
};

/// The strings for `language` ("en", "es", ... or "es-MX"); English for languages we lack.
const ReportStrings& report_strings(std::string_view language);

/// True when report_strings has its own table for `language` (not the English fallback).
bool has_report_strings(std::string_view language);

/// "English (en)", "Español (es)", or the bare code for a language we do not name.
std::string language_display_name(std::string_view code);

/// "Page 2 of 3" in the given strings.
std::string format_page_of(const ReportStrings& strings, int page, int pages);

}  // namespace rk::report
