// Loads and validates questionnaires/*.toml (format: questionnaires/README.md): the entry points,
// the top of the file, its languages and its pages. loader.hpp says where the other parts live.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "did_you_mean.hpp"
#include "loader.hpp"
#include "loader_keys.hpp"
#include "loader_language_codes.hpp"

namespace rk {
namespace loader {

void Loader::read_languages(const toml::table& root, Questionnaire& q) {
  const toml::node* node = root.get("languages");
  if (node == nullptr) {
    missing(root, "languages", "the file", "languages = [\"en\", \"es\"] at the top");
  } else if (const auto* list = node->as_array(); list == nullptr) {
    wrong_type(*node, "languages", "a list of language codes", "languages = [\"en\", \"es\"]");
  } else if (list->empty()) {
    error(*node,
          "'languages' is empty. List the languages of the file, for example languages = [\"en\", \"es\"].");
  } else {
    for (const auto& element : *list) {
      const auto* s = element.as_string();
      if (s == nullptr) {
        wrong_type(element, "languages", "a list of language codes in quotes",
                   "languages = [\"en\", \"es\"]");
        continue;
      }
      const std::string& code = s->get();
      if (!is_language_code(code)) {
        error(element,
              "unknown language code " + in_quotes(code) + "." + did_you_mean(code, iso639_1_codes()) +
                  " Use a two-letter ISO 639-1 code such as \"en\" or \"es\" (optionally with a region, "
                  "\"es-MX\").");
        continue;
      }
      if (std::find(q.languages.begin(), q.languages.end(), code) != q.languages.end()) {
        error(element, "language " + in_quotes(code) + " is listed twice in 'languages'. Remove one.");
        continue;
      }
      q.languages.push_back(code);
      q.language_where.push_back(location_of(element.source()));
    }
  }
  languages_ = q.languages;
  if (auto d = read_string(root, "default_language", true, "the file", "default_language = \"en\"")) {
    q.default_language = *d;
    if (!q.languages.empty() && !q.has_language(*d)) {
      std::vector<std::string_view> declared(q.languages.begin(), q.languages.end());
      error(*root.get("default_language"), "default_language " + in_quotes(*d) + " is not in 'languages' (" +
                                               joined(q.languages) + ")." + did_you_mean(*d, declared) +
                                               " Use one of them.");
    }
  }
}

Questionnaire Loader::read_questionnaire(const toml::table& root) {
  Questionnaire q;
  building_ = &q;
  q.source_path = path_;
  check_keys(root, kTopKeys, "the top of the file");
  const std::string what = "the file";
  const Scope top;
  if (auto id = read_string(root, "id", true, what, "id = \"readiness-and-strengths\"")) {
    if (id->empty()) {
      error(*root.get("id"),
            "'id' is empty. Name the questionnaire, for example id = \"readiness-and-strengths\".");
    }
    q.id = *id;
  }
  if (auto v = read_string(root, "version", true, what, "version = \"1.0\"")) {
    if (v->empty())
      error(*root.get("version"), "'version' is empty. Write a version, for example version = \"1.0\".");
    q.version = *v;
  }
  if (root.get("minutes") == nullptr) missing(root, "minutes", what, "minutes = 4");
  if (auto m = read_int(root, "minutes", 1, kMostMinutes, "minutes = 4")) q.minutes = *m;
  read_languages(root, q);
  if (auto t = read_text(root, "title", true, what, top)) q.title = std::move(*t);
  if (auto t = read_text(root, "intro", false, what, top)) q.intro = std::move(*t);

  const toml::array* pages = nullptr;
  if (root.get("page") == nullptr) {
    error(location_of(root.source()),
          "the file has no pages. Add at least one [[page]] with an id and items.");
  } else {
    pages = read_table_list(root, "page", "[[page]]");
  }
  if (pages == nullptr) return q;
  if (pages->empty())
    error(*root.get("page"), "the file has no pages. Add at least one [[page]] with an id and items.");
  declare_items(*pages);

  std::set<std::string> seen_items;
  int position = 0;
  for (const auto& element : *pages) {
    const auto& table = *element.as_table();
    const int page_index = static_cast<int>(q.pages.size());
    check_keys(table, kPageKeys, "a page ([[page]])");
    q.pages.emplace_back();
    q.pages.back().where = location_of(table.source());
    const Scope page_scope{Scope::Level::Page, page_index, position};
    if (auto id = read_id(table, "this page", "id = \"focus\"")) q.pages.back().id = *id;
    if (auto t = read_text(table, "title", false, "this page", page_scope))
      q.pages.back().title = std::move(*t);
    q.pages.back().show_if = read_conditions(table, page_scope);
    const auto* items = read_table_list(table, "item", "[[page.item]]");
    if (items == nullptr || items->empty()) {
      if (table.get("item") == nullptr || items != nullptr) {
        error(table, "this page has no items. Add at least one [[page.item]] after it.");
      }
      continue;
    }
    for (const auto& item_element : *items) {
      Item item = read_item(*item_element.as_table(), page_index, position);
      ++position;
      const bool first_time = !item.id.empty() && seen_items.insert(item.id).second;
      q.pages.back().items.push_back(std::move(item));
      if (first_time) {
        parsed_[q.pages.back().items.back().id] = {q.pages.size() - 1, q.pages.back().items.size() - 1};
      }
    }
  }
  return q;
}

}  // namespace loader

namespace {
// A questionnaire is a few kilobytes; anything far larger is not one.
constexpr std::uintmax_t kLargestFileBytes = 1024 * 1024;
}  // namespace

LoadResult load_questionnaire_text(std::string_view toml_text, const std::string& path_for_messages) {
  try {
    loader::Loader loader(path_for_messages);
    return loader.run(toml_text);
  } catch (const std::exception& e) {
    LoadResult failed;
    failed.errors.push_back(
        Diagnostic{path_for_messages, {1, 1}, std::string("could not read the file: ") + e.what()});
    return failed;
  } catch (...) {
    LoadResult failed;
    failed.errors.push_back(Diagnostic{path_for_messages, {1, 1}, "could not read the file"});
    return failed;
  }
}

LoadResult load_questionnaire_file(const std::string& path) {
  LoadResult failed;
  try {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
      failed.errors.push_back(Diagnostic{path, {1, 1}, "no such file. Check the name and the folder."});
      return failed;
    }
    if (!std::filesystem::is_regular_file(status)) {
      failed.errors.push_back(Diagnostic{path, {1, 1}, "not a file (a folder?). Name a .toml file."});
      return failed;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kLargestFileBytes) {
      failed.errors.push_back(Diagnostic{path,
                                         {1, 1},
                                         "the file is " + std::to_string(size) +
                                             " bytes; a questionnaire is at most 1 MB. Is it the "
                                             "right file?"});
      return failed;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in.is_open()) bytes << in.rdbuf();
    if (!in.is_open() || in.bad()) {
      failed.errors.push_back(Diagnostic{path, {1, 1}, "cannot read the file. Check its permissions."});
      return failed;
    }
    return load_questionnaire_text(bytes.str(), path);
  } catch (const std::exception& e) {
    failed.errors.push_back(Diagnostic{path, {1, 1}, std::string("cannot read the file: ") + e.what()});
    return failed;
  }
}

}  // namespace rk
