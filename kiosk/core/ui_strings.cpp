#include "ui_strings.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rk {
namespace {

Diagnostic error_at(const std::string& file, const toml::source_region& where, std::string message) {
  Diagnostic d;
  d.file = file;
  d.where.line = static_cast<int>(where.begin.line);
  d.where.column = static_cast<int>(where.begin.column);
  d.message = std::move(message);
  return d;
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
    errors.push_back(
        error_at(path, keyboard.source(), std::string("[keyboard] needs `") + name + "`, an array of rows"));
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

}  // namespace

const std::string& UiStrings::get(const std::string& language, std::string_view key) const {
  for (const std::string& code : {language, std::string("en")}) {
    if (auto it = languages_.find(code); it != languages_.end()) {
      if (auto w = it->second.words.find(key); w != it->second.words.end()) return w->second;
    }
  }
  missing_.assign(key);
  return missing_;
}

bool UiStrings::has(const std::string& language, std::string_view key) const {
  auto it = languages_.find(language);
  return it != languages_.end() && it->second.words.find(key) != it->second.words.end();
}

const KeyboardLayout& UiStrings::keyboard(const std::string& language) const {
  static const KeyboardLayout kNone;
  for (const std::string& code : {language, std::string("en")}) {
    if (auto it = languages_.find(code); it != languages_.end() && !it->second.keyboard.empty())
      return it->second.keyboard;
  }
  return kNone;
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
  for (const auto& [key, node] : root) {
    if (key.str() == "keyboard") {
      const toml::table* keyboard = node.as_table();
      if (!keyboard) {
        result.errors.push_back(error_at(path_for_messages, node.source(), "`keyboard` must be a table"));
        continue;
      }
      read_rows(*keyboard, "rows", path_for_messages, lang.keyboard.rows, result.errors);
      read_rows(*keyboard, "shift_rows", path_for_messages, lang.keyboard.shift_rows, result.errors);
      bool same_shape = lang.keyboard.rows.size() == lang.keyboard.shift_rows.size();
      for (std::size_t i = 0; same_shape && i < lang.keyboard.rows.size(); ++i)
        same_shape = lang.keyboard.rows[i].size() == lang.keyboard.shift_rows[i].size();
      if (!same_shape)
        result.errors.push_back(error_at(path_for_messages, keyboard->source(),
                                         "`shift_rows` must have the same rows and keys per row as `rows`"));
      continue;
    }
    const auto* value = node.as_string();
    if (!value) {
      result.errors.push_back(
          error_at(path_for_messages, node.source(), "`" + std::string(key.str()) + "` must be a string"));
      continue;
    }
    lang.words.emplace(std::string(key.str()), value->get());
  }
  if (lang.words.find("language_name") == lang.words.end())
    result.errors.push_back(error_at(path_for_messages, root.source(),
                                     "missing `language_name` (how the language names itself)"));
  result.strings.add(std::move(lang));
  return result;
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
    d.message = "cannot read the kiosk's words: " + ec.message();
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
  if (files.empty()) {
    Diagnostic d;
    d.file = folder;
    d.message = "no <language>.toml files with the kiosk's words";
    result.errors.push_back(std::move(d));
  }
  return result;
}

}  // namespace rk
