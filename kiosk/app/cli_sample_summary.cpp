// readiness-kiosk --sample-summary OUT.pdf [--lang CODE] [--questionnaire FILE] [--config FILE]
// Renders the summary of a built-in fictional patient (the same path as the staff screen's
// "print a test summary") and writes it atomically to OUT.pdf; with fhir_export = true in the
// config, also its FHIR QuestionnaireResponse to OUT.fhir.json (as a finished session does).
// Exit status: 0 written, 1 a file could not be loaded, rendered or written, 2 bad arguments.
#include <chrono>
#include <cstdio>
#include <span>
#include <string>

#include "cli_config.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "config.hpp"
#include "fhir_export.hpp"
#include "fhir_json.hpp"
#include "paths.hpp"
#include "questionnaire.hpp"
#include "questionnaire_languages.hpp"
#include "render_summary.hpp"
#include "sample_patient.hpp"
#include "save.hpp"
#include "ui_strings.hpp"

namespace {

constexpr std::string_view kMode = "--sample-summary";
constexpr std::string_view kUsage =
    "usage: readiness-kiosk --sample-summary OUT.pdf [--lang CODE] [--questionnaire FILE] [--config FILE]\n";

int sample_summary(std::span<const std::string> args) {
  std::string out_path, language, questionnaire_path, config_path;
  const rk::app::CliSyntax syntax{
      kMode, kUsage, {{"--lang", &language}, {"--questionnaire", &questionnaire_path}, {"--config", &config_path}},
      &out_path, "one output file only"};
  if (!rk::app::parse_command_line(syntax, args)) return 2;
  if (out_path.empty()) return rk::app::cli_fail(2, kMode, "name the PDF to write", kUsage);

  rk::KioskConfig config;
  if (!rk::app::load_cli_config(config_path, config)) return 1;
  if (questionnaire_path.empty()) {
    questionnaire_path = config.questionnaires.empty()
                             ? rk::data_dir() + "/questionnaires/readiness-and-strengths.toml"
                             : config.questionnaires.front();
  }
  const rk::UiStringsResult languages = rk::load_shipped_languages();
  for (const auto& problem : languages.errors) std::fprintf(stderr, "%s\n", problem.format().c_str());
  if (!languages.ok()) return 1;
  const rk::LoadResult loaded = rk::load_questionnaire_file(questionnaire_path, languages.strings);
  for (const auto& problem : loaded.errors) std::fprintf(stderr, "%s\n", problem.format().c_str());
  if (!loaded.ok()) return 1;
  const rk::Questionnaire& questionnaire = *loaded.questionnaire;
  if (language.empty()) language = questionnaire.default_language;
  if (!questionnaire.has_language(language)) {
    std::string offered;
    for (const auto& l : questionnaire.languages) offered += " " + l;
    return rk::app::cli_fail(2, kMode, questionnaire_path + " has no language '" + language + "' (it has:" + offered + ")");
  }

  rk::Summary summary = rk::make_sample_summary(questionnaire, languages.strings, language, std::chrono::system_clock::now());
  summary.kiosk_name = config.kiosk_name;
  const rk::report::RenderResult rendered =
      rk::report::render_summary(summary, languages.strings, rk::report::render_options_from(config));
  if (!rendered.ok()) return rk::app::cli_fail(1, kMode, "cannot make the PDF: " + rendered.error);
  if (const auto saved = rk::delivery::save_file_atomically(rendered.pdf, out_path); !saved.ok())
    return rk::app::cli_fail(1, kMode, saved.reason);
  std::printf("%s: sample summary, %s, %d page%s, %zu bytes\n", out_path.c_str(), language.c_str(),
              rendered.pages, rendered.pages == 1 ? "" : "s", rendered.pdf.size());
  if (config.fhir_export) {  // as a finished session does: the response beside the PDF, same stem
    std::string stem = out_path.substr(out_path.rfind('/') + 1);
    if (stem.ends_with(".pdf")) stem.resize(stem.size() - 4);
    const std::string fhir_path = out_path.substr(0, out_path.rfind('/') + 1) + stem + ".fhir.json";
    const std::string json =
        rk::fhir::write_json(rk::fhir::export_response(summary, questionnaire, stem, config.fhir_base_url));
    if (const auto twin = rk::delivery::save_file_atomically(json, fhir_path); !twin.ok())
      return rk::app::cli_fail(1, kMode, twin.reason);
    std::printf("%s: FHIR QuestionnaireResponse, %zu bytes\n", fhir_path.c_str(), json.size());
  }
  return 0;
}

const bool kRegistered =
    rk::app::register_command({kMode,
                               "--sample-summary OUT.pdf [--lang CODE] [--questionnaire FILE] [--config "
                               "FILE]   render a fictional patient's summary",
                               sample_summary});

}  // namespace
