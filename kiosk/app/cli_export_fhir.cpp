// readiness-kiosk --export-fhir-questionnaire FILE.toml [-o OUT.json] [--config FILE]
// Writes a valid questionnaire as a FHIR R4 Questionnaire (docs/fhir.md §8): to OUT.json
// atomically, or to stdout. The config's fhir_base_url names it (default: the project URL).
// Exit status: 0 written, 1 the questionnaire or config has a problem or the file cannot be
// written, 2 bad arguments.
#include <cstdio>
#include <span>
#include <string>

#include "cli_config.hpp"
#include "command_registry.hpp"
#include "config.hpp"
#include "fhir_export.hpp"
#include "fhir_json.hpp"
#include "questionnaire.hpp"
#include "questionnaire_languages.hpp"
#include "ui_strings.hpp"
#include "save.hpp"

namespace {

constexpr const char* kUsage =
    "usage: readiness-kiosk --export-fhir-questionnaire FILE.toml [-o OUT.json] [--config FILE]\n";

int export_fhir(std::span<const std::string> args) {
  std::string in_path, out_path, config_path;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "-o" || a == "--config") && i + 1 >= args.size()) {
      std::fprintf(stderr, "readiness-kiosk --export-fhir-questionnaire: %s needs a value\n%s", a.c_str(), kUsage);
      return 2;
    }
    if (a == "-o") {
      out_path = args[++i];
    } else if (a == "--config") {
      config_path = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "readiness-kiosk --export-fhir-questionnaire: unknown option '%s'\n%s", a.c_str(),
                   kUsage);
      return 2;
    } else if (in_path.empty()) {
      in_path = a;
    } else {
      std::fprintf(stderr, "readiness-kiosk --export-fhir-questionnaire: one questionnaire at a time\n%s", kUsage);
      return 2;
    }
  }
  if (in_path.empty()) {
    std::fprintf(stderr, "readiness-kiosk --export-fhir-questionnaire: name the questionnaire\n%s", kUsage);
    return 2;
  }
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
  const rk::delivery::SaveResult saved =
      rk::delivery::save_file_atomically(std::vector<unsigned char>(json.begin(), json.end()), out_path);
  if (!saved.ok()) {
    std::fprintf(stderr, "readiness-kiosk --export-fhir-questionnaire: %s\n", saved.reason.c_str());
    return 1;
  }
  std::printf("%s: FHIR R4 Questionnaire '%s' v%s, %zu bytes\n", out_path.c_str(),
              loaded.questionnaire->id.c_str(), loaded.questionnaire->version.c_str(), json.size());
  return 0;
}

const bool kRegistered = rk::app::register_command(
    {"--export-fhir-questionnaire",
     "--export-fhir-questionnaire FILE.toml [-o OUT.json] [--config FILE]   write it as a FHIR R4 Questionnaire",
     export_fhir});

}  // namespace
