// The kiosk config loader. The only translation unit of the config that includes toml++ (it is
// slow to compile). Every field, its type and its range is listed once, in kFields.
#include "config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <utility>

#include "did_you_mean.hpp"
#include "paths.hpp"
#include "questionnaire.hpp"
#include "toml_support.hpp"

namespace rk {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSaveExample = "/var/lib/readiness-kiosk/summaries";
/// Caps that keep a mistyped or hostile file from costing the kiosk its memory.
constexpr std::uintmax_t kMaxConfigBytes = 256 * 1024;
constexpr std::size_t kMaxStringBytes = 4096;
constexpr std::size_t kMaxSupportLines = 20;
constexpr std::size_t kMaxSupportLineBytes = 300;
constexpr std::size_t kMaxListEntries = 50;

/// A language code: two or three lowercase letters, optionally a region ("pt-BR", "es-419").
bool is_language_code(std::string_view code) {
  const auto dash = code.find('-');
  const std::string_view language = code.substr(0, dash);
  if (language.size() < 2 || language.size() > 3) return false;
  if (!std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return false;
  if (dash == std::string_view::npos) return true;
  const std::string_view region = code.substr(dash + 1);
  const bool letters = region.size() == 2 &&
                       std::all_of(region.begin(), region.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  const bool digits = region.size() == 3 &&
                      std::all_of(region.begin(), region.end(), [](char c) { return c >= '0' && c <= '9'; });
  return letters || digits;
}

std::string language_code_advice(std::string_view code) {
  std::string lowered(code);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  if (lowered != code && is_language_code(lowered)) return "write it in lowercase: \"" + lowered + "\"";
  return "use a two-letter ISO 639-1 code such as \"en\" or \"es\" (a region may follow, as in \"pt-BR\")";
}

bool has_control_characters(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

class Loader {
 public:
  Loader(std::string file, fs::path base_dir) : file_(std::move(file)), base_dir_(std::move(base_dir)) {}

  void error(const toml::source_region& where, std::string message) {
    errors_.push_back(Diagnostic{file_, toml_location(where), std::move(message)});
  }
  void error(const toml::node& node, std::string message) { error(node.source(), std::move(message)); }

  // --- typed readers: each reports a wrong type and returns nullopt ---------------------------
  std::optional<std::string> string(std::string_view key, const toml::node& node) {
    if (auto s = node.value<std::string>(); s && node.is_string()) {
      if (s->size() > kMaxStringBytes) {
        error(node, std::string(key) + " has " + std::to_string(s->size()) + " characters; at most " +
                        std::to_string(kMaxStringBytes) + " are allowed");
        return std::nullopt;
      }
      if (has_control_characters(*s)) {
        error(node,
              std::string(key) + " holds a control character (a tab or line break); keep it on one line");
        return std::nullopt;
      }
      return s;
    }
    error(node, std::string(key) + " must be text in double quotes, not " + toml_type_name(node));
    return std::nullopt;
  }

  std::optional<int> integer(std::string_view key, const toml::node& node, int min, int max,
                             std::string_view unit) {
    if (!node.is_integer()) {
      std::string advice = node.is_string() ? "; write it without quotes" : "";
      error(node, std::string(key) + " must be a whole number of " + std::string(unit) + ", not " +
                      toml_type_name(node) + advice + " (for example " + std::string(key) + " = " +
                      std::to_string(min < 0 ? 0 : min) + ")");
      return std::nullopt;
    }
    const std::int64_t v = *node.value<std::int64_t>();
    if (v < min || v > max) {
      error(node, std::string(key) + " is " + std::to_string(v) + " " + std::string(unit) +
                      "; use a number from " + std::to_string(min) + " to " + std::to_string(max));
      return std::nullopt;
    }
    return static_cast<int>(v);
  }

  std::optional<bool> boolean(std::string_view key, const toml::node& node) {
    if (node.is_boolean()) return *node.value<bool>();
    error(node, std::string(key) + " must be true or false (without quotes), not " + toml_type_name(node));
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> string_array(std::string_view key, const toml::node& node,
                                                       std::string_view example) {
    const toml::array* array = node.as_array();
    if (!array) {
      error(node, std::string(key) + " must be a list, like " + std::string(key) + " = " +
                      std::string(example) + ", not " + toml_type_name(node));
      return std::nullopt;
    }
    if (array->size() > kMaxListEntries) {
      error(node, std::string(key) + " lists " + std::to_string(array->size()) + " entries; at most " +
                      std::to_string(kMaxListEntries) + " are allowed");
      return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      auto s = string(std::string(key) + "[" + std::to_string(i) + "]", element);
      if (s)
        out.push_back(std::move(*s));
      else
        ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  /// A language code, or "" when `allow_empty`.
  bool check_language(std::string_view what, const toml::node& node, const std::string& code,
                      bool allow_empty) {
    if (code.empty() && allow_empty) return true;
    if (is_language_code(code)) return true;
    error(node,
          std::string(what) + " \"" + code + "\" is not a language code; " + language_code_advice(code));
    return false;
  }

  std::string resolve(const std::string& path) const {
    fs::path p(path);
    if (p.is_relative()) p = base_dir_ / p;
    return p.lexically_normal().string();
  }

  Diagnostics take_errors() { return std::move(errors_); }

 private:
  std::string file_;
  fs::path base_dir_;
  Diagnostics errors_;
};

/// How to read one key into the config. Returns nothing; problems go to the loader.
using Reader = std::function<void(Loader&, const toml::node&, KioskConfig&)>;

/// One config key and its reader.
struct Field {
  std::string_view key;
  Reader read;
};

void read_questionnaires(Loader& l, const toml::node& node, KioskConfig& c) {
  auto files = l.string_array("questionnaires", node,
                              "[\"/usr/share/readiness-kiosk/questionnaires/readiness-and-strengths.toml\"]");
  if (!files) return;
  if (files->empty()) {
    l.error(node,
            "questionnaires is empty; list at least one questionnaire file, or remove the line to use the "
            "shipped one");
    return;
  }
  const toml::array& array = *node.as_array();
  for (std::size_t i = 0; i < files->size(); ++i) {
    const std::string path = l.resolve((*files)[i]);
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      l.error(
          *array.get(i),
          "questionnaire file \"" + path +
              "\" does not exist; check the path (a relative path is read from the config file's folder)");
      continue;
    }
    c.questionnaires.push_back(path);
  }
}

void read_languages(Loader& l, const toml::node& node, KioskConfig& c) {
  auto codes = l.string_array("languages", node, "[\"en\", \"es\"]");
  if (!codes) return;
  const toml::array& array = *node.as_array();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < codes->size(); ++i) {
    const std::string& code = (*codes)[i];
    if (!l.check_language("languages[" + std::to_string(i) + "]", *array.get(i), code, false)) continue;
    if (!seen.insert(code).second) {
      l.error(*array.get(i), "language \"" + code + "\" is listed twice in languages; keep one");
      continue;
    }
    c.languages.push_back(code);
  }
}

void read_fhir_base_url(Loader& l, const toml::node& node, KioskConfig& c) {
  auto s = l.string("fhir_base_url", node);
  if (!s) return;
  const bool web = s->rfind("http://", 0) == 0 || s->rfind("https://", 0) == 0;
  if (!web || s->find_first_of(" \t|#?") != std::string::npos) {
    l.error(node, "fhir_base_url \"" + *s +
                      "\" is not a base URL; write your record system's FHIR base, for example "
                      "\"https://fhir.example-clinic.org/fhir\" (no spaces, '|', '#' or '?')");
    return;
  }
  c.fhir_base_url = *s;
}

void read_printer(Loader& l, const toml::node& node, KioskConfig& c) {
  auto s = l.string("printer", node);
  if (!s) return;
  // CUPS queue names: up to 127 printable characters, no space, '/', '\\' or '#'.
  if (s->size() > 127 || s->find_first_of(" /\\#\t") != std::string::npos) {
    l.error(node, "printer \"" + *s +
                      "\" is not a CUPS queue name (no spaces, '/', '\\' or '#', at most 127 characters); "
                      "`lpstat -p` lists the queues on this machine");
    return;
  }
  c.printer = *s;
}

/// A string that must be an absolute path when set.
Field absolute_path(std::string_view key, std::string KioskConfig::*field, std::string_view example) {
  return {key, [key, field, example](Loader& l, const toml::node& node, KioskConfig& c) {
    auto s = l.string(key, node);
    if (!s) return;
    if (!s->empty() && !fs::path(*s).is_absolute()) {
      l.error(node, std::string(key) + " \"" + *s + "\" must be an absolute path, like \"" +
                        std::string(example) + "\"");
      return;
    }
    c.*field = *s;
  }};
}

/// Folders that are not folders for files: the root of everything, and the kernel's own trees.
bool unsafe_save_folder(const fs::path& normal) {
  if (normal == "/") return true;
  auto part = normal.begin();
  if (part == normal.end() || ++part == normal.end()) return false;
  return *part == "proc" || *part == "sys" || *part == "dev";
}

void read_save_folder(Loader& l, const toml::node& node, KioskConfig& c) {
  auto s = l.string("save_folder", node);
  if (!s) return;
  if (s->empty()) {
    c.save_folder.clear();
    return;
  }
  const fs::path path(*s);
  if (!path.is_absolute()) {
    l.error(node, "save_folder \"" + *s + "\" must be an absolute path, like \"" + std::string(kSaveExample) +
                      "\"");
    return;
  }
  const fs::path normal = path.lexically_normal();
  std::error_code ec;
  if (unsafe_save_folder(normal)) {
    l.error(node, "save_folder \"" + *s +
                      "\" is a system folder, not a place for summaries; use a folder of its own, like \"" +
                      std::string(kSaveExample) + "\"");
    return;
  }
  if (fs::exists(normal, ec) && !fs::is_directory(normal, ec)) {
    l.error(node, "save_folder \"" + *s + "\" is a file, not a folder; use a folder of its own, like \"" +
                      std::string(kSaveExample) + "\"");
    return;
  }
  c.save_folder = normal.string();
}

Field whole_number(std::string_view key, int KioskConfig::*field, int min, int max, std::string_view unit) {
  return {key, [=](Loader& l, const toml::node& node, KioskConfig& c) {
    if (auto v = l.integer(key, node, min, max, unit)) c.*field = *v;
  }};
}

Field flag(std::string_view key, bool KioskConfig::*field) {
  return {key, [=](Loader& l, const toml::node& node, KioskConfig& c) {
    if (auto v = l.boolean(key, node)) c.*field = *v;
  }};
}

/// Any text.
Field text(std::string_view key, std::string KioskConfig::*field) {
  return {key, [=](Loader& l, const toml::node& node, KioskConfig& c) {
    if (auto s = l.string(key, node)) c.*field = *s;
  }};
}

/// One word from a fixed list, each naming a value of an enum field. `noun` and `note` shape the
/// message: unknown paper size "A5"; use "letter" or "a4" (lowercase).
template <typename E>
Field one_of(std::string_view key, E KioskConfig::*field, std::string_view noun,
             std::vector<std::pair<std::string_view, E>> words, std::string_view note = "") {
  return {key, [=](Loader& l, const toml::node& node, KioskConfig& c) {
    auto s = l.string(key, node);
    if (!s) return;
    std::string choices;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (*s == words[i].first) {
        c.*field = words[i].second;
        return;
      }
      const char* joint = i == 0 ? "" : i + 1 == words.size() ? " or " : ", ";
      choices += joint + ("\"" + std::string(words[i].first) + "\"");
    }
    l.error(node, "unknown " + std::string(noun) + " \"" + *s + "\"; use " + choices + std::string(note));
  }};
}

void read_summary_language(Loader& l, const toml::node& node, KioskConfig& c) {
  auto s = l.string("summary_language", node);
  if (s && l.check_language("summary_language", node, *s, true)) c.summary_language = *s;
}

void read_kiosk_name(Loader& l, const toml::node& node, KioskConfig& c) {
  auto s = l.string("kiosk_name", node);
  if (!s) return;
  if (s->empty() || s->size() > 80) {
    l.error(node, "kiosk_name must have 1 to 80 characters (it is printed in the summary header)");
    return;
  }
  c.kiosk_name = *s;
}

void read_staff_pin_hash(Loader& l, const toml::node& node, KioskConfig& c) {
  auto s = l.string("staff_pin_hash", node);
  if (!s) return;
  if (!s->empty() && s->rfind("$argon2", 0) != 0) {
    l.error(
        node,
        "staff_pin_hash is not a hash written by readiness-kiosk --set-pin; run `readiness-kiosk --set-pin` "
        "to set the PIN (never write the PIN itself here)");
    return;
  }
  c.staff_pin_hash = *s;
}

// Support lines need the languages list, which may come later in the file: read in a second pass.
void read_support_lines(Loader& l, const toml::node& node, KioskConfig& c) {
  const toml::array* array = node.as_array();
  if (!array) {
    l.error(node,
            "support_lines must be a list of lines, like support_lines = [\"Crisis line: 988\"] or "
            "[{ en = \"Crisis line: 988\", es = \"Línea de crisis: 988\" }], not " +
                toml_type_name(node));
    return;
  }
  if (array->size() > kMaxSupportLines) {
    l.error(node, "support_lines has " + std::to_string(array->size()) +
                      " lines; the thank-you screen shows at most " + std::to_string(kMaxSupportLines) +
                      ": keep the ones a patient needs most");
    return;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& line = *array->get(i);
    const std::string what = "support_lines[" + std::to_string(i) + "]";
    Text text;
    if (line.is_string()) {
      auto s = l.string(what, line);
      if (!s) continue;
      if (s->empty()) {
        l.error(line, what + " is empty; remove it or write the line");
        continue;
      }
      // A plain line reads the same in every language offered (Text::in falls back to any).
      if (c.languages.empty()) text = Text::plain("en", *s);
      for (const auto& code : c.languages) text.by_language[code] = *s;
    } else if (const toml::table* table = line.as_table()) {
      bool ok = true;
      for (auto&& [code, value] : *table) {
        const std::string code_text(code.str());
        if (!is_language_code(code_text)) {
          l.error(code.source(), what + " has key \"" + code_text + "\", which is not a language code; " +
                                     language_code_advice(code_text));
          ok = false;
          continue;
        }
        auto s = l.string(what + "." + code_text, value);
        if (!s) {
          ok = false;
          continue;
        }
        text.by_language[code_text] = *s;
      }
      if (!ok) continue;
      if (text.empty()) {
        l.error(
            line,
            what + " is an empty table; write the line per language, like { en = \"...\", es = \"...\" }");
        continue;
      }
    } else {
      l.error(line, what + " must be text or a table of languages like { en = \"...\", es = \"...\" }, not " +
                        toml_type_name(line));
      continue;
    }
    const bool too_long =
        std::any_of(text.by_language.begin(), text.by_language.end(),
                    [](const auto& entry) { return entry.second.size() > kMaxSupportLineBytes; });
    if (too_long) {
      l.error(line, what + " is longer than " + std::to_string(kMaxSupportLineBytes) +
                        " characters; split it into shorter lines");
      continue;
    }
    c.support_lines.push_back(std::move(text));
  }
}

// default_questionnaire names a questionnaire by its `id`: that file goes first in the list (the one
// a session starts with). Each file is loaded to read its id; a file that fails to load is skipped
// here (the kiosk reports its errors when it loads it).
void choose_default_questionnaire(Loader& l, const toml::node& node, KioskConfig& c) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < c.questionnaires.size(); ++i) {
    const LoadResult loaded = load_questionnaire_file(c.questionnaires[i]);
    if (!loaded.ok()) continue;
    if (loaded.questionnaire->id == c.default_questionnaire) {
      std::rotate(c.questionnaires.begin(), c.questionnaires.begin() + static_cast<std::ptrdiff_t>(i),
                  c.questionnaires.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      return;
    }
    ids.push_back(loaded.questionnaire->id);
  }
  std::string message = "default_questionnaire \"" + c.default_questionnaire +
                        "\" is not the id of any questionnaire in questionnaires";
  if (ids.empty()) {
    message += "; list its file in questionnaires, or remove this line to start with the first one";
  } else {
    std::vector<std::string_view> known(ids.begin(), ids.end());
    if (auto guess = closest_match(c.default_questionnaire, known)) {
      message += "; did you mean \"" + *guess + "\"?";
    } else {
      message += "; the ids there are";
      for (std::size_t i = 0; i < ids.size(); ++i) message += (i == 0 ? " \"" : ", \"") + ids[i] + "\"";
      message += " (the id = line at the top of each file)";
    }
  }
  l.error(node, message);
}

const std::vector<Field>& fields() {
  static const std::vector<Field> kFields = {
      {"questionnaires", read_questionnaires},
      text("default_questionnaire", &KioskConfig::default_questionnaire),
      {"languages", read_languages},
      whole_number("idle_timeout_seconds", &KioskConfig::idle_timeout_seconds, 10, 3600, "seconds"),
      whole_number("idle_countdown_seconds", &KioskConfig::idle_countdown_seconds, 5, 300, "seconds"),
      whole_number("thank_you_seconds", &KioskConfig::thank_you_seconds, 3, 600, "seconds"),
      one_of("output", &KioskConfig::output, "output mode",
             {{"save", OutputMode::Save}, {"print", OutputMode::Print}, {"both", OutputMode::Both}}),
      {"printer", read_printer},
      whole_number("print_timeout_seconds", &KioskConfig::print_timeout_seconds, 5, 3600, "seconds"),
      {"save_folder", read_save_folder},
      whole_number("retention_days", &KioskConfig::retention_days, 0, 3650, "days"),
      one_of("paper", &KioskConfig::paper, "paper size",
             {{"letter", PaperSize::Letter}, {"a4", PaperSize::A4}}, " (lowercase)"),
      {"summary_language", read_summary_language},
      {"kiosk_name", read_kiosk_name},
      {"support_lines", [](Loader&, const toml::node&, KioskConfig&) {}},  // second pass, below
      {"staff_pin_hash", read_staff_pin_hash},
      whole_number("staff_max_attempts", &KioskConfig::staff_max_attempts, 1, 20, "attempts"),
      whole_number("staff_lockout_seconds", &KioskConfig::staff_lockout_seconds, 10, 86400, "seconds"),
      absolute_path("audit_log_file", &KioskConfig::audit_log_file, "/var/log/readiness-kiosk/audit.log"),
      flag("large_text", &KioskConfig::large_text),
      flag("high_contrast", &KioskConfig::high_contrast),
      flag("fhir_export", &KioskConfig::fhir_export),
      {"fhir_base_url", read_fhir_base_url},
      one_of("read_aloud", &KioskConfig::read_aloud, "read_aloud setting",
             {{"off", ReadAloud::Off}, {"button", ReadAloud::Button}, {"always", ReadAloud::Always}}),
      whole_number("read_aloud_volume", &KioskConfig::read_aloud_volume, 0, 200, "percent"),
      whole_number("read_aloud_rate", &KioskConfig::read_aloud_rate, 80, 300, "words per minute"),
      text("read_aloud_device", &KioskConfig::read_aloud_device),
  };
  return kFields;
}

}  // namespace

ConfigResult load_config_text(std::string_view toml_text, const std::string& path_for_messages) {
  ConfigResult result;
  result.config.source_path = path_for_messages;
  const fs::path base_dir = fs::path(path_for_messages).parent_path();
  Loader loader(path_for_messages, base_dir.empty() ? fs::path(".") : base_dir);

  toml::table root;
  try {
    root = toml::parse(toml_text, path_for_messages);
  } catch (const toml::parse_error& e) {
    result.errors.push_back(Diagnostic{path_for_messages, toml_location(e.source()),
                                       "this is not valid TOML: " + std::string(e.description()) +
                                           " (see packaging/kiosk.example.toml for the format)"});
    return result;
  }

  std::vector<std::string_view> known;
  for (const auto& f : fields()) known.push_back(f.key);

  const toml::node* support_lines = nullptr;
  for (auto&& [key, node] : root) {
    const std::string_view name = key.str();
    auto it = std::find_if(fields().begin(), fields().end(), [&](const Field& f) { return f.key == name; });
    if (it == fields().end()) {
      std::string message = std::string(node.is_table() ? "unknown table [" : "unknown key '") +
                            std::string(name) + (node.is_table() ? "]" : "'");
      if (node.is_table()) {
        message +=
            "; the config has no tables: write its keys at the top of the file, before any [[support_lines]]";
      } else if (auto guess = closest_match(name, known)) {
        message += "; did you mean '" + *guess + "'?";
      } else {
        message += "; the config has only top-level keys, all listed in kiosk.example.toml";
      }
      loader.error(key.source(), std::move(message));
      continue;
    }
    if (name == "support_lines") support_lines = &node;
    it->read(loader, node, result.config);
  }
  if (support_lines) read_support_lines(loader, *support_lines, result.config);
  // The FHIR file goes beside the saved PDF (and through the outbox's save): printing alone keeps none.
  if (const toml::node* fhir = root.get("fhir_export");
      fhir != nullptr && result.config.fhir_export && result.config.output == OutputMode::Print) {
    loader.error(*fhir, "fhir_export = true saves each response beside the saved PDF, but output = \"print\" saves "
                        "none; set output = \"both\" (print and save) or \"save\"");
  }

  if (!root.contains("questionnaires")) {
    result.config.questionnaires.push_back(data_dir() + "/questionnaires/readiness-and-strengths.toml");
  }
  if (const toml::node* chosen = root.get("default_questionnaire");
      chosen && !result.config.default_questionnaire.empty()) {
    choose_default_questionnaire(loader, *chosen, result.config);
  }
  result.errors = loader.take_errors();
  std::stable_sort(result.errors.begin(), result.errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  return result;
}

ConfigResult load_config_file(const std::string& path) {
  ConfigResult result;
  result.config.source_path = path;
  // Problems with the file itself are reported at its first line: where an editor opens it.
  const auto refuse = [&](const std::string& message) {
    result.errors.push_back(Diagnostic{path, {1, 1}, message});
    return result;
  };
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (fs::is_directory(status)) {
    const std::string inside = (fs::path(path) / "kiosk.toml").string();
    return refuse(
        "this is a folder, not a config file; give the file itself" +
        (fs::is_regular_file(inside, ec) ? ", like --config " + inside : std::string(" (kiosk.toml)")));
  }
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    return refuse("this is not a regular file; give the path of a kiosk.toml");
  }
  if (fs::exists(status)) {
    const auto size = fs::file_size(path, ec);
    if (!ec && size > kMaxConfigBytes) {
      return refuse("the config file has " + std::to_string(size) +
                    " bytes; a kiosk config is a few KiB (at most " + std::to_string(kMaxConfigBytes / 1024) +
                    " KiB): is this the right file?");
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return refuse(std::string("cannot read the config file (") + std::strerror(errno) +
                  "); check the path and its permissions, or copy "
                  "/usr/share/doc/readiness-kiosk/kiosk.example.toml there");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_config_text(text.str(), path);
}

}  // namespace rk
