// readiness-kiosk --import-fhir Questionnaire.json -o out.toml [--force]
// Converts a FHIR R4 Questionnaire into our TOML format (docs/fhir.md). Every loss or refusal is a
// FILE:LINE:COLUMN: error|warning|note: line on stderr with the JSON pointer. The TOML is written
// only when the real loader accepts it, so `--check` passes on it. Nothing is ever fetched.
// Exit status: 0 written, nothing left out; 1 written, items left out; 2 nothing written (bad
// input, bad arguments, the output exists without --force); 3 internal error.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>
#include <string>

#include "command_line.hpp"
#include "command_registry.hpp"
#include "fhir_import.hpp"
#include "save.hpp"

namespace {

constexpr std::string_view kMode = "--import-fhir";
constexpr std::string_view kUsage = "usage: readiness-kiosk --import-fhir Questionnaire.json -o out.toml [--force]\n";

int import_fhir(std::span<const std::string> args) {
  std::string in_path, out_path;
  bool force = false;
  const rk::app::CliSyntax syntax{kMode, kUsage, {{"-o", &out_path}, {"--force", nullptr, &force}}, &in_path,
                                  "one Questionnaire at a time"};
  if (!rk::app::parse_command_line(syntax, args)) return 2;
  if (in_path.empty() || out_path.empty())
    return rk::app::cli_fail(2, kMode, "name the JSON file and the TOML to write (-o)", kUsage);
  std::error_code ec;
  if (!force && std::filesystem::exists(out_path, ec)) {
    std::fprintf(stderr, "%s: error: the file exists; add --force to replace it, or choose another name\n",
                 out_path.c_str());
    return 2;
  }
  std::ifstream in(in_path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "%s: error: cannot read the file\n", in_path.c_str());
    return 2;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const rk::fhir::ImportResult result = rk::fhir::import_questionnaire(bytes.str(), in_path, out_path);
  for (const auto& d : result.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
  if (result.exit_status >= 2) {
    std::fprintf(stderr, "%s: nothing written\n", in_path.c_str());
    return result.exit_status;
  }
  if (const auto saved = rk::delivery::save_file_atomically(result.toml, out_path); !saved.ok()) {
    std::fprintf(stderr, "%s: error: %s\n", out_path.c_str(), saved.reason.c_str());
    return 2;
  }
  std::filesystem::permissions(out_path, std::filesystem::perms(0644), ec);  // not patient data: the kiosk user reads it
  std::printf("%s: written%s; run readiness-kiosk --check on it, then walk through it on the kiosk\n",
              out_path.c_str(),
              result.items_left_out > 0 ? (", " + std::to_string(result.items_left_out) + " item(s) left out").c_str()
                                        : "");
  return result.exit_status;
}

const bool kRegistered = rk::app::register_command(
    {kMode,
     "--import-fhir Q.json -o out.toml [--force]   convert a FHIR R4 Questionnaire (never fetches anything)",
     import_fhir});

}  // namespace
