// Reading TOML values: strings, ids, numbers, words from a list, translated text, lists of tables.
#include <algorithm>
#include <cstdint>

#include "did_you_mean.hpp"
#include "loader.hpp"

namespace rk::loader {

LoadResult Loader::run(std::string_view text) {
  LoadResult result;
  source_ = text;
  source_map_.emplace(text);
  toml::table root;
  try {
    root = toml::parse(text, path_);
  } catch (const toml::parse_error& e) {
    error(location_of(e.source()),
          "TOML syntax error: " + std::string(e.description()) + ". Fix the file at this place.");
    result.errors = std::move(errors_);
    return result;
  }
  Questionnaire q = read_questionnaire(root);
  std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  result.errors = std::move(errors_);
  if (result.errors.empty()) result.questionnaire = std::move(q);
  return result;
}

std::optional<std::string> Loader::read_string(const toml::table& table, std::string_view key, bool required,
                                               std::string_view what, std::string_view example) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) missing(table, key, what, example);
    return std::nullopt;
  }
  const auto* s = node->as_string();
  if (s == nullptr) {
    wrong_type(*node, key, "text in quotes", example);
    return std::nullopt;
  }
  return s->get();
}

std::optional<std::string> Loader::read_id(const toml::table& table, std::string_view what,
                                           std::string_view example) {
  auto id = read_string(table, "id", true, what, example);
  if (id && !is_valid_id(*id)) {
    error(*table.get("id"),
          "id " + in_quotes(*id) +
              " is not usable: an id starts with a letter and has only letters, digits, '_' "
              "or '-' (at most 64), for example id = \"talk_today\"");
    return std::nullopt;
  }
  return id;
}

std::optional<int> Loader::read_int(const toml::table& table, std::string_view key, int lowest, int highest,
                                    std::string_view example) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::nullopt;
  const auto* i = node->as_integer();
  if (i == nullptr) {
    wrong_type(*node, key, "a whole number", example);
    return std::nullopt;
  }
  const std::int64_t v = i->get();
  if (v < lowest || v > highest) {
    error(*node, in_quotes(key) + " is " + std::to_string(v) + "; it must be between " +
                     std::to_string(lowest) + " and " + std::to_string(highest) + ".");
    return std::nullopt;
  }
  return static_cast<int>(v);
}

std::optional<bool> Loader::read_bool(const toml::table& table, std::string_view key) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::nullopt;
  const auto* b = node->as_boolean();
  if (b == nullptr) {
    wrong_type(*node, key, "true or false (without quotes)", std::string(key) + " = true");
    return std::nullopt;
  }
  return b->get();
}

std::optional<std::size_t> Loader::read_word(const toml::table& table, std::string_view key,
                                             std::span<const std::string_view> words, bool required,
                                             std::string_view what) {
  const std::string example = std::string(key) + " = \"" + std::string(words[0]) + "\"";
  auto word = read_string(table, key, required, what, example);
  if (!word) return std::nullopt;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == *word) return i;
  }
  error(*table.get(key), "unknown " + std::string(key) + " " + in_quotes(*word) + "." +
                             did_you_mean(*word, words) + " Use one of: " + joined(words) + ".");
  return std::nullopt;
}

/// A plain string (the same in every language) or a table of translations keyed by language.
std::optional<Text> Loader::read_text(const toml::table& table, std::string_view key, bool required,
                                      std::string_view what, const Scope& scope) {
  const toml::node* node = table.get(key);
  const std::string example = std::string(key) + " = { en = \"...\", es = \"...\" }";
  if (node == nullptr) {
    if (required) missing(table, key, what, example);
    return std::nullopt;
  }
  Text text;
  if (const auto* s = node->as_string()) {
    check_one_text(*node, key, s->get(), scope);
    for (const auto& language : languages_) text.by_language[language] = s->get();
    return text;
  }
  const auto* translations = node->as_table();
  if (translations == nullptr) {
    wrong_type(*node, key, "text in quotes, or a table of translations", example);
    return std::nullopt;
  }
  for (auto&& [language, value] : *translations) {
    const std::string code(language.str());
    if (std::find(languages_.begin(), languages_.end(), code) == languages_.end()) {
      std::vector<std::string_view> declared(languages_.begin(), languages_.end());
      error(location_of(language.source()),
            "translation " + in_quotes(code) + " is not one of the file's languages (" + joined(languages_) +
                ")." + did_you_mean(code, declared) + " Add it to 'languages' or remove this translation.");
      continue;
    }
    const auto* s = value.as_string();
    if (s == nullptr) {
      wrong_type(value, std::string(key) + "." + code, "text in quotes", code + " = \"...\"");
      continue;
    }
    check_one_text(value, key, s->get(), scope);
    text.by_language[code] = s->get();
  }
  for (const auto& language : languages_) {
    if (translations->get(language) == nullptr) {
      error(*node, in_quotes(key) + " has no " + in_quotes(language) + " translation. Add " + language +
                       " = \"...\" to it (every language in 'languages' needs one).");
    }
  }
  return text;
}

const toml::array* Loader::read_table_list(const toml::table& owner, std::string_view key,
                                           std::string_view header) {
  const toml::node* node = owner.get(key);
  if (node == nullptr) return nullptr;
  const auto* list = node->as_array();
  if (list != nullptr && list->empty()) return list;
  if (list == nullptr || !list->is_array_of_tables()) {
    error(*node, in_quotes(key) + " must be a list of tables, each starting with " + std::string(header) +
                     " on its own line.");
    return nullptr;
  }
  return list;
}

}  // namespace rk::loader
