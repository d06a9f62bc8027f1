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

constexpr const char* kUsage =
    "usage: readiness-kiosk --sample-summary OUT.pdf [--lang CODE] [--questionnaire FILE] [--config FILE]\n";

int sample_summary(std::span<const std::string> args) {
  std::string out_path, language, questionnaire_path, config_path;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if ((a == "--lang" || a == "--questionnaire" || a == "--config") && !has_value) {
      std::fprintf(stderr, "readiness-kiosk --sample-summary: %s needs a value\n%s", a.c_str(), kUsage);
      return 2;
    }
    if (a == "--lang") {
      language = args[++i];
    } else if (a == "--questionnaire") {
      questionnaire_path = args[++i];
    } else if (a == "--config") {
      config_path = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "readiness-kiosk --sample-summary: unknown option '%s'\n%s", a.c_str(), kUsage);
      return 2;
    } else if (out_path.empty()) {
      out_path = a;
    } else {
      std::fprintf(stderr, "readiness-kiosk --sample-summary: one output file only\n%s", kUsage);
      return 2;
    }
  }
  if (out_path.empty()) {
    std::fprintf(stderr, "readiness-kiosk --sample-summary: name the PDF to write\n%s", kUsage);
    return 2;
  }

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
    std::fprintf(stderr, "readiness-kiosk --sample-summary: %s has no language '%s' (it has:%s)\n",
                 questionnaire_path.c_str(), language.c_str(), offered.c_str());
    return 2;
  }

  rk::Summary summary = rk::make_sample_summary(questionnaire, languages.strings, language, std::chrono::system_clock::now());
  summary.kiosk_name = config.kiosk_name;
  const rk::report::RenderResult rendered =
      rk::report::render_summary(summary, languages.strings, rk::report::render_options_from(config));
  if (!rendered.ok()) {
    std::fprintf(stderr, "readiness-kiosk --sample-summary: cannot make the PDF: %s\n",
                 rendered.error.c_str());
    return 1;
  }
  const rk::delivery::SaveResult saved = rk::delivery::save_file_atomically(rendered.pdf, out_path);
  if (!saved.ok()) {
    std::fprintf(stderr, "readiness-kiosk --sample-summary: %s\n", saved.reason.c_str());
    return 1;
  }
  std::printf("%s: sample summary, %s, %d page%s, %zu bytes\n", out_path.c_str(), language.c_str(),
              rendered.pages, rendered.pages == 1 ? "" : "s", rendered.pdf.size());
  if (config.fhir_export) {  // as a finished session does: the response beside the PDF, same stem
    std::string stem = out_path.substr(out_path.rfind('/') + 1);
    if (stem.ends_with(".pdf")) stem.resize(stem.size() - 4);
    const std::string fhir_path = out_path.substr(0, out_path.rfind('/') + 1) + stem + ".fhir.json";
    const std::string json =
        rk::fhir::write_json(rk::fhir::export_response(summary, questionnaire, stem, config.fhir_base_url));
    const auto twin = rk::delivery::save_file_atomically(std::vector<unsigned char>(json.begin(), json.end()), fhir_path);
    if (!twin.ok()) {
      std::fprintf(stderr, "readiness-kiosk --sample-summary: %s\n", twin.reason.c_str());
      return 1;
    }
    std::printf("%s: FHIR QuestionnaireResponse, %zu bytes\n", fhir_path.c_str(), json.size());
  }
  return 0;
}

const bool kRegistered =
    rk::app::register_command({"--sample-summary",
                               "--sample-summary OUT.pdf [--lang CODE] [--questionnaire FILE] [--config "
                               "FILE]   render a fictional patient's summary",
                               sample_summary});

}  // namespace
