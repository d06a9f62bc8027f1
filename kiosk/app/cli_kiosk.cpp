// readiness-kiosk [--config FILE] [--window WxH] [--questionnaire FILE] [--test-items FILE]
//                 [--screenshot-dir DIR] [--replay SCRIPT] [--exit-after-replay]
// The default mode: the fullscreen touch kiosk. A broken config or questionnaire stops it from
// starting, with the reasons on stderr and on the screen.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "audit_log.hpp"
#include "command_registry.hpp"
#include "config.hpp"
#include "kiosk_app.hpp"
#include "lockdown.hpp"
#include "paths.hpp"
#include "questionnaire.hpp"
#include "questionnaire_languages.hpp"
#include "ui_strings.hpp"

namespace {

constexpr const char* kDefaultConfig = "/etc/readiness-kiosk/kiosk.toml";

struct Arguments {
  std::string config_path;
  bool config_given = false;
  std::string questionnaire_path;
  rk::app::KioskOptions kiosk;
};

bool parse_size(const std::string& text, int& width, int& height) {
  const auto x = text.find('x');
  if (x == std::string::npos) return false;
  try {
    std::size_t used_w = 0;
    std::size_t used_h = 0;
    width = std::stoi(text.substr(0, x), &used_w);
    height = std::stoi(text.substr(x + 1), &used_h);
    return used_w == x && used_h == text.size() - x - 1 && width >= 320 && height >= 240 && width <= 16384 &&
           height <= 16384;
  } catch (...) {
    return false;
  }
}

/// nullopt (after a message) when the command line is wrong.
std::optional<Arguments> parse_arguments(std::span<const std::string> args) {
  Arguments out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "readiness-kiosk: %s needs a value; try --help\n", a.c_str());
        return std::nullopt;
      }
      return args[++i];
    };
    if (a == "--exit-after-replay") {
      out.kiosk.loop.exit_after_replay = true;
      continue;
    }
    if (a != "--config" && a != "--window" && a != "--questionnaire" && a != "--test-items" &&
        a != "--screenshot-dir" && a != "--replay") {
      std::fprintf(stderr, "readiness-kiosk: unknown option '%s'; try --help\n", a.c_str());
      return std::nullopt;
    }
    const auto v = value();
    if (!v) return std::nullopt;
    if (a == "--config") {
      out.config_path = *v;
      out.config_given = true;
    } else if (a == "--window") {
      if (!parse_size(*v, out.kiosk.window.width, out.kiosk.window.height)) {
        std::fprintf(stderr,
                     "readiness-kiosk: --window wants WIDTHxHEIGHT, for example 1280x800 (got '%s')\n",
                     v->c_str());
        return std::nullopt;
      }
    } else if (a == "--questionnaire") {
      out.questionnaire_path = *v;
    } else if (a == "--test-items") {
      out.kiosk.loop.test_items_path = *v;
    } else if (a == "--screenshot-dir") {
      out.kiosk.loop.screenshot_dir = *v;
    } else {
      out.kiosk.loop.replay_path = *v;
    }
  }
  return out;
}

/// A config holding the staff PIN's hash that anyone on the machine can read invites an offline
/// guess at a short PIN: say so (stderr, so the journal, and the audit log). --set-pin tightens it.
void warn_if_pin_hash_exposed(const std::string& path, const rk::KioskConfig& config) {
  struct stat st {};
  if (path.empty() || config.staff_pin_hash.empty() || ::stat(path.c_str(), &st) != 0) return;
  if ((st.st_mode & S_IROTH) == 0) return;
  std::fprintf(stderr,
               "readiness-kiosk: warning: %s holds staff_pin_hash and everyone on this machine can read it; "
               "run `chmod o-rwx %s` (readiness-kiosk --set-pin does it too)\n",
               path.c_str(), path.c_str());
  rk::audit("config-readable-by-all", {{"config", path}});
}

/// The questionnaire file to load: --questionnaire, else the config's choice, else the shipped one.
std::string questionnaire_file(const Arguments& args, const rk::KioskConfig& config) {
  if (!args.questionnaire_path.empty()) return args.questionnaire_path;
  if (!config.questionnaires.empty()) {
    std::filesystem::path chosen = config.questionnaires.front();
    if (chosen.is_relative() && !config.source_path.empty()) {
      chosen = std::filesystem::path(config.source_path).parent_path() / chosen;
    }
    return chosen.string();
  }
  return rk::data_dir() + "/questionnaires/readiness-and-strengths.toml";
}

/// Reads the config, the language files and the questionnaire; nullopt with the problems when any fails.
std::optional<rk::app::KioskFiles> load_files(const Arguments& args, std::vector<std::string>& problems) {
  rk::KioskConfig config;
  const std::string config_path =
      args.config_given ? args.config_path : (std::filesystem::exists(kDefaultConfig) ? kDefaultConfig : "");
  if (!config_path.empty()) {
    auto loaded = rk::load_config_file(config_path);
    if (!loaded.ok()) {
      for (const auto& e : loaded.errors) problems.push_back(e.format());
      return std::nullopt;
    }
    config = std::move(loaded.config);
  }
  if (!config.audit_log_file.empty() && !rk::set_audit_file(config.audit_log_file)) {
    std::fprintf(stderr, "readiness-kiosk: cannot open the audit log %s; logging to stderr only\n",
                 config.audit_log_file.c_str());
  }
  warn_if_pin_hash_exposed(config_path, config);
  rk::UiStringsResult languages = rk::load_shipped_languages();
  if (!languages.ok()) {
    for (const auto& e : languages.errors) problems.push_back(e.format());
    return std::nullopt;
  }
  const std::string path = questionnaire_file(args, config);
  auto loaded = rk::load_questionnaire_file(path, languages.strings);
  if (!loaded.ok()) {
    for (const auto& e : loaded.errors) problems.push_back(e.format());
    if (loaded.errors.empty()) problems.push_back(path + ": error: the questionnaire could not be loaded");
    return std::nullopt;
  }
  return rk::app::KioskFiles{std::move(config), std::move(languages.strings), std::move(*loaded.questionnaire)};
}

int run(std::span<const std::string> raw_args) {
  const auto args = parse_arguments(raw_args);
  if (!args) return 2;
  rk::app::install_termination_handlers();
  std::fprintf(stderr, "readiness-kiosk: data folder %s\n", rk::data_dir_choice().c_str());

  std::vector<std::string> problems;
  auto files = load_files(*args, problems);
  if (!files) return rk::app::run_error_screen(args->kiosk, problems);
  rk::app::KioskOptions options = args->kiosk;
  options.reload = [&args](std::vector<std::string>& reload_problems) {
    return load_files(*args, reload_problems);
  };
  return rk::app::run_kiosk(options, std::move(*files));
}

const bool registered = rk::app::register_command(
    {"",
     "[--config FILE] [--window WxH] [--questionnaire FILE] [--test-items FILE] [--screenshot-dir DIR] "
     "[--replay SCRIPT] [--exit-after-replay]   the kiosk (fullscreen unless --window)",
     run});

}  // namespace
