#include "report_strings.hpp"

#include <array>
#include <utility>

namespace rk::report {
namespace {

constexpr ReportStrings kEnglish{
    .title = "Summary for the therapist",
    .name = "Name given",
    .date = "Date and time",
    .time_taken = "Time taken",
    .language = "Language",
    .questionnaire = "Questionnaire",
    .version = "version",
    .kiosk = "Kiosk",
    .flags = "Please see first",
    .urgent = "Urgent",
    .soon = "Soon",
    .notice = "Note",
    .question = "Question",
    .answer = "Answer",
    .safety = "Safety questions",
    .talk_about = "What I'd like to talk about today",
    .rulers = "Scales",
    .strengths_values = "Strengths and values",
    .hope = "Hope",
    .notes = "Other answers",
    .skipped = "Items skipped",
    .nothing_answered = "No answers were given.",
    .disclaimer = "A conversation aid, not a diagnostic score.",
    .page_of = "Page {1} of {2}",
    .credits = "Credits",
    .open_quote = "\u201C",
    .close_quote = "\u201D",
    .not_given = "\u2014",
};

constexpr ReportStrings kSpanish{
    .title = "Resumen para el terapeuta",
    .name = "Nombre indicado",
    .date = "Fecha y hora",
    .time_taken = "Tiempo empleado",
    .language = "Idioma",
    .questionnaire = "Cuestionario",
    .version = "versión",
    .kiosk = "Quiosco",
    .flags = "Ver primero",
    .urgent = "Urgente",
    .soon = "Pronto",
    .notice = "Aviso",
    .question = "Pregunta",
    .answer = "Respuesta",
    .safety = "Preguntas de seguridad",
    .talk_about = "De qué me gustaría hablar hoy",
    .rulers = "Escalas",
    .strengths_values = "Fortalezas y valores",
    .hope = "Esperanza",
    .notes = "Otras respuestas",
    .skipped = "Preguntas omitidas",
    .nothing_answered = "No se dio ninguna respuesta.",
    .disclaimer = "Una ayuda para la conversación, no una puntuación diagnóstica.",
    .page_of = "Página {1} de {2}",
    .credits = "Créditos",
    .open_quote = "\u00AB",
    .close_quote = "\u00BB",
    .not_given = "\u2014",
};

constexpr std::array<std::pair<std::string_view, const ReportStrings*>, 2> kTables{{
    {"en", &kEnglish},
    {"es", &kSpanish},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kLanguageNames{{
    {"en", "English"},
    {"es", "Español"},
    {"fr", "Français"},
    {"de", "Deutsch"},
    {"pt", "Português"},
    {"it", "Italiano"},
    {"nl", "Nederlands"},
    {"pl", "Polski"},
    {"ru", "Русский"},
    {"uk", "Українська"},
    {"el", "Ελληνικά"},
    {"vi", "Tiếng Việt"},
}};

// "es-MX" and "es_MX" look up as "es".
std::string_view base_language(std::string_view code) {
  const auto cut = code.find_first_of("-_");
  return cut == std::string_view::npos ? code : code.substr(0, cut);
}

std::string replace_all(std::string text, std::string_view what, std::string_view with) {
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size())) {
    text.replace(at, what.size(), with);
  }
  return text;
}

}  // namespace

const ReportStrings& report_strings(std::string_view language) {
  for (const auto& [code, table] : kTables) {
    if (code == language || code == base_language(language)) return *table;
  }
  return kEnglish;
}

bool has_report_strings(std::string_view language) {
  for (const auto& [code, table] : kTables) {
    if (code == language || code == base_language(language)) return true;
  }
  return false;
}

std::string language_display_name(std::string_view code) {
  for (const auto& [c, name] : kLanguageNames) {
    if (c == code || c == base_language(code)) return std::string(name) + " (" + std::string(code) + ")";
  }
  return std::string(code);
}

std::string format_page_of(const ReportStrings& strings, int page, int pages) {
  return replace_all(replace_all(std::string(strings.page_of), "{1}", std::to_string(page)), "{2}",
                     std::to_string(pages));
}

}  // namespace rk::report
