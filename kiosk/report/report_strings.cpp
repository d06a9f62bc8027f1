#include "report_strings.hpp"

#include <utility>

namespace rk::report {

std::optional<ReportStrings> report_strings(const UiStrings& languages, std::string_view language) {
  const UiLanguage* lang = languages.find(language);
  if (lang == nullptr) return std::nullopt;
  const auto w = [&](std::string_view key) { return lang->word(std::string("report.") + std::string(key)); };
  ReportStrings s{
      .code = std::string(language),
      .title = w("title"),
      .name = w("name"),
      .date = w("date"),
      .time_taken = w("time_taken"),
      .language = w("language"),
      .questionnaire = w("questionnaire"),
      .version = w("version"),
      .kiosk = w("kiosk"),
      .flags = w("flags"),
      .urgent = w("urgent"),
      .soon = w("soon"),
      .notice = w("notice"),
      .question = w("question"),
      .answer = w("answer"),
      .safety = w("safety"),
      .talk_about = w("talk_about"),
      .rulers = w("rulers"),
      .strengths_values = w("strengths_values"),
      .hope = w("hope"),
      .notes = w("notes"),
      .skipped = w("skipped"),
      .nothing_answered = w("nothing_answered"),
      .disclaimer = w("disclaimer"),
      .page_of = w("page_of"),
      .credits = w("credits"),
      .open_quote = w("open_quote"),
      .close_quote = w("close_quote"),
      .not_given = w("not_given"),
      .rtl = lang->rtl,
  };
  return s;
}

std::string language_display_name(const UiStrings& languages, std::string_view code) {
  const UiLanguage* lang = languages.find(code);
  if (lang == nullptr) return std::string(code);
  return lang->word("language_name") + " (" + std::string(code) + ")";
}

std::string format_page_of(const ReportStrings& strings, int page, int pages) {
  return fill_placeholders(strings.page_of,
                           {{"page", std::to_string(page)}, {"pages", std::to_string(pages)}});
}

}  // namespace rk::report
