// Reading assets/i18n/<code>.toml into UiLanguage, and checking each file against English.
#include "ui_strings.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "paths.hpp"

namespace rk {
namespace {

SourceLocation location_of(const toml::source_region& where) {
  return {static_cast<int>(where.begin.line), static_cast<int>(where.begin.column)};
}

Diagnostic error_at(const std::string& file, SourceLocation where, std::string message) {
  Diagnostic d;
  d.file = file;
  d.where = where;
  d.message = std::move(message);
  return d;
}

Diagnostic error_at(const std::string& file, const toml::source_region& where, std::string message) {
  return error_at(file, location_of(where), std::move(message));
}

std::vector<std::string> split_keys(std::string_view row) {
  std::vector<std::string> keys;
  std::string current;
  for (char c : row) {
    if (c == ' ') {
      if (!current.empty()) keys.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) keys.push_back(std::move(current));
  return keys;
}

void read_rows(const toml::table& keyboard, const char* name, const std::string& path,
               std::vector<std::vector<std::string>>& out, Diagnostics& errors) {
  const toml::node* node = keyboard.get(name);
  if (!node) {
    errors.push_back(error_at(path, keyboard.source(),
                              std::string("[[keyboard]] needs `") + name + "`, an array of rows"));
    return;
  }
  const toml::array* rows = node->as_array();
  if (!rows) {
    errors.push_back(
        error_at(path, node->source(), std::string("`") + name + "` must be an array of strings"));
    return;
  }
  for (const toml::node& row : *rows) {
    const auto* s = row.as_string();
    if (!s) {
      errors.push_back(
          error_at(path, row.source(), "each keyboard row must be a string of keys separated by spaces"));
      continue;
    }
    out.push_back(split_keys(s->get()));
  }
}

KeyboardLayout read_keyboard(const toml::table& table, const std::string& path, Diagnostics& errors) {
  KeyboardLayout layout;
  layout.name = table["name"].value_or(std::string());
  if (layout.name.empty())
    errors.push_back(
        error_at(path, table.source(), "each [[keyboard]] needs a `name` (its label, e.g. \"abc\")"));
  const std::string compose = table["compose"].value_or(std::string("none"));
  if (compose == "vietnamese") {
    layout.compose = Compose::Vietnamese;
  } else if (compose == "hangul") {
    layout.compose = Compose::Hangul;
  } else if (compose != "none") {
    errors.push_back(
        error_at(path, table.get("compose")->source(),
                 "`compose` is \"none\", \"vietnamese\" or \"hangul\", not \"" + compose + "\""));
  }
  read_rows(table, "rows", path, layout.rows, errors);
  read_rows(table, "shift_rows", path, layout.shift_rows, errors);
  bool same_shape = layout.rows.size() == layout.shift_rows.size();
  for (std::size_t i = 0; same_shape && i < layout.rows.size(); ++i)
    same_shape = layout.rows[i].size() == layout.shift_rows[i].size();
  if (!same_shape)
    errors.push_back(
        error_at(path, table.source(), "`shift_rows` must have the same rows and keys per row as `rows`"));
  for (const auto& [key, node] : table) {
    const std::string_view k = key.str();
    if (k != "name" && k != "compose" && k != "rows" && k != "shift_rows")
      errors.push_back(
          error_at(path, node.source(),
                   "a [[keyboard]] has name, compose, rows and shift_rows; not `" + std::string(k) + "`"));
  }
  return layout;
}

/// A string becomes a word, an array of strings a list; `prefix` is "" or "table.".
void read_value(const std::string& key, const toml::node& node, UiLanguage& lang, Diagnostics& errors) {
  lang.where[key] = location_of(node.source());
  if (const auto* value = node.as_string()) {
    lang.words.emplace(key, value->get());
    return;
  }
  if (const auto* array = node.as_array()) {
    std::vector<std::string> list;
    for (const toml::node& entry : *array) {
      if (const auto* s = entry.as_string()) {
        list.push_back(s->get());
      } else {
        errors.push_back(error_at(lang.path, entry.source(), "`" + key + "` must hold only strings"));
      }
    }
    lang.lists.emplace(key, std::move(list));
    return;
  }
  errors.push_back(
      error_at(lang.path, node.source(), "`" + key + "` must be a string or an array of strings"));
}

void read_keyboards(const toml::node& node, UiLanguage& lang, Diagnostics& errors) {
  if (const toml::array* list = node.as_array()) {
    for (const toml::node& entry : *list) {
      if (const toml::table* t = entry.as_table())
        lang.keyboards.push_back(read_keyboard(*t, lang.path, errors));
    }
  }
  if (lang.keyboards.empty())
    errors.push_back(error_at(lang.path, node.source(),
                              "write each keyboard as [[keyboard]] with name, rows and shift_rows"));
}

std::string reference_file(const UiLanguage& reference) {
  return std::filesystem::path(reference.path).filename().string();
}

}  // namespace

const std::string& UiLanguage::word(std::string_view key) const {
  static const std::string kEmpty;
  auto w = words.find(key);
  return w == words.end() ? kEmpty : w->second;
}

const std::vector<std::string>& UiLanguage::list(std::string_view key) const {
  static const std::vector<std::string> kNone;
  auto l = lists.find(key);
  return l == lists.end() ? kNone : l->second;
}

const UiLanguage* UiStrings::find(std::string_view code) const {
  if (auto it = languages_.find(std::string(code)); it != languages_.end()) return &it->second;
  const auto cut = code.find_first_of("-_");
  if (cut == std::string_view::npos) return nullptr;
  auto base = languages_.find(std::string(code.substr(0, cut)));
  return base == languages_.end() ? nullptr : &base->second;
}

const std::string& UiStrings::get(const std::string& language, std::string_view key) const {
  if (const UiLanguage* lang = find(language)) {
    if (auto w = lang->words.find(key); w != lang->words.end()) return w->second;
  }
  missing_.assign(key);
  return missing_;
}

bool UiStrings::has(const std::string& language, std::string_view key) const {
  const UiLanguage* lang = find(language);
  return lang != nullptr && lang->words.find(key) != lang->words.end();
}

const std::vector<KeyboardLayout>& UiStrings::keyboards(const std::string& language) const {
  static const std::vector<KeyboardLayout> kNone;
  const UiLanguage* lang = find(language);
  return lang == nullptr ? kNone : lang->keyboards;
}

const KeyboardLayout& UiStrings::keyboard(const std::string& language, std::size_t index) const {
  static const KeyboardLayout kNone;
  const auto& all = keyboards(language);
  return all.empty() ? kNone : all[index % all.size()];
}

bool UiStrings::rtl(const std::string& language) const {
  const UiLanguage* lang = find(language);
  return lang != nullptr && lang->rtl;
}

bool UiStrings::has_language(const std::string& language) const {
  return languages_.count(language) > 0;
}

const UiLanguage* UiStrings::language(const std::string& code) const {
  auto it = languages_.find(code);
  return it == languages_.end() ? nullptr : &it->second;
}

std::vector<std::string> UiStrings::languages() const {
  std::vector<std::string> codes;
  for (const auto& [code, lang] : languages_) codes.push_back(code);
  return codes;
}

void UiStrings::add(UiLanguage language) {
  std::string code = language.code;
  languages_[code] = std::move(language);
}

std::string fill_placeholders(std::string text,
                              const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    const std::string token = "{" + name + "}";
    for (std::size_t at = text.find(token); at != std::string::npos;
         at = text.find(token, at + value.size())) {
      text.replace(at, token.size(), value);
    }
  }
  return text;
}

UiStringsResult load_ui_strings_text(std::string_view toml_text, const std::string& language,
                                     const std::string& path_for_messages) {
  UiStringsResult result;
  toml::table root;
  try {
    root = toml::parse(toml_text, path_for_messages);
  } catch (const toml::parse_error& e) {
    result.errors.push_back(error_at(path_for_messages, e.source(), std::string(e.description())));
    return result;
  }
  UiLanguage lang;
  lang.code = language;
  lang.path = path_for_messages;
  for (const auto& [key, node] : root) {
    const std::string name(key.str());
    if (name == "keyboard") {
      read_keyboards(node, lang, result.errors);
    } else if (const toml::table* table = node.as_table()) {
      for (const auto& [inner, value] : *table)
        read_value(name + "." + std::string(inner.str()), value, lang, result.errors);
    } else {
      read_value(name, node, lang, result.errors);
    }
  }
  if (lang.words.find("language_name") == lang.words.end())
    result.errors.push_back(error_at(path_for_messages, SourceLocation{1, 1},
                                     "missing `language_name` (how the language names itself)"));
  const std::string& direction = lang.word("direction");
  if (direction != "ltr" && direction != "rtl") {
    result.errors.push_back(error_at(
        path_for_messages, lang.where.count("direction") ? lang.where["direction"] : SourceLocation{1, 1},
        "`direction` must be \"ltr\" (left to right) or \"rtl\" (right to left)"));
  }
  lang.rtl = direction == "rtl";
  result.strings.add(std::move(lang));
  return result;
}

Diagnostics check_complete(const UiLanguage& reference, const UiLanguage& language) {
  Diagnostics problems;
  const std::string ref = reference_file(reference);
  const auto missing = [&](const std::string& what) {
    problems.push_back(
        error_at(language.path, SourceLocation{1, 1},
                 "missing " + what + " (" + ref + " has it): translate it into this language"));
  };
  for (const auto& [key, value] : reference.words)
    if (!language.words.count(key)) missing("`" + key + "`");
  for (const auto& [key, value] : reference.lists)
    if (!language.lists.count(key)) missing("the list `" + key + "`");
  if (language.keyboards.empty() && !reference.keyboards.empty()) missing("a [[keyboard]]");
  for (const auto& [key, where] : language.where) {
    if (!reference.words.count(key) && !reference.lists.count(key))
      problems.push_back(
          error_at(language.path, where,
                   "`" + key + "` is not a key " + ref + " has: check the spelling, or add it there too"));
  }
  return problems;
}

UiStringsResult load_ui_strings_folder(const std::string& folder) {
  UiStringsResult result;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  if (ec) {
    Diagnostic d;
    d.file = folder;
    d.message = "cannot read the language files: " + ec.message();
    result.errors.push_back(std::move(d));
    return result;
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    UiStringsResult one = load_ui_strings_text(buffer.str(), path.stem().string(), path.string());
    for (auto& e : one.errors) result.errors.push_back(std::move(e));
    if (const UiLanguage* lang = one.strings.language(path.stem().string())) result.strings.add(*lang);
  }
  const UiLanguage* english = result.strings.language("en");
  if (english == nullptr) {
    Diagnostic d;
    d.file = folder;
    d.message = "no en.toml: English is the reference every language file is checked against";
    result.errors.push_back(std::move(d));
    return result;
  }
  for (const std::string& code : result.strings.languages()) {
    for (auto& e : check_complete(*english, *result.strings.language(code)))
      result.errors.push_back(std::move(e));
  }
  return result;
}

UiStringsResult load_shipped_languages() {
  return load_ui_strings_folder(data_dir() + "/assets/i18n");
}

}  // namespace rk
