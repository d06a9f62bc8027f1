// readiness-kiosk --export-fhir-questionnaire FILE.toml [-o OUT.json] [--config FILE]
// Writes a valid questionnaire as a FHIR R4 Questionnaire (docs/fhir.md §8): to OUT.json
// atomically, or to stdout. The config's fhir_base_url names it (default: the project URL).
// Exit status: 0 written, 1 the questionnaire or config has a problem or the file cannot be
// written, 2 bad arguments.
#include <cstdio>
#include <span>
#include <string>

#include "cli_config.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "config.hpp"
#include "fhir_export.hpp"
#include "fhir_json.hpp"
#include "questionnaire.hpp"
#include "questionnaire_languages.hpp"
#include "ui_strings.hpp"
#include "save.hpp"

namespace {

constexpr std::string_view kMode = "--export-fhir-questionnaire";
constexpr std::string_view kUsage =
    "usage: readiness-kiosk --export-fhir-questionnaire FILE.toml [-o OUT.json] [--config FILE]\n";

int export_fhir(std::span<const std::string> args) {
  std::string in_path, out_path, config_path;
  const rk::app::CliSyntax syntax{kMode, kUsage, {{"-o", &out_path}, {"--config", &config_path}}, &in_path,
                                  "one questionnaire at a time"};
  if (!rk::app::parse_command_line(syntax, args)) return 2;
  if (in_path.empty()) return rk::app::cli_fail(2, kMode, "name the questionnaire", kUsage);
  rk::KioskConfig config;
  if (!rk::app::load_cli_config(config_path, config)) return 1;
  const rk::LoadResult loaded = rk::load_questionnaire_file(in_path, rk::load_shipped_languages().strings);
  for (const auto& problem : loaded.errors) std::fprintf(stderr, "%s\n", problem.format().c_str());
  if (!loaded.ok()) return 1;

  const std::string json = rk::fhir::write_json(rk::fhir::export_questionnaire(*loaded.questionnaire, config.fhir_base_url));
  if (out_path.empty() || out_path == "-") {
    std::fwrite(json.data(), 1, json.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
  }
  if (const auto saved = rk::delivery::save_file_atomically(json, out_path); !saved.ok())
    return rk::app::cli_fail(1, kMode, saved.reason);
  std::printf("%s: FHIR R4 Questionnaire '%s' v%s, %zu bytes\n", out_path.c_str(),
              loaded.questionnaire->id.c_str(), loaded.questionnaire->version.c_str(), json.size());
  return 0;
}

const bool kRegistered = rk::app::register_command(
    {kMode,
     "--export-fhir-questionnaire FILE.toml [-o OUT.json] [--config FILE]   write it as a FHIR R4 Questionnaire",
     export_fhir});

}  // namespace
