#pragma once
// The questionnaire loader's inside, shared by its files (not for other code: use questionnaire.hpp).
// Every problem becomes a Diagnostic with the line and column of the key or value at fault; the
// loader keeps going after a problem so a clinic sees all of them at once.
//
// Where each part lives:
//   questionnaire_loader.cpp  the entry points, the whole file, pages, languages
//   loader_toml.cpp           reading TOML values: strings, ids, numbers, words, translated text
//   loader_keys.{hpp,cpp}     the key tables, unknown keys, keys that do not fit the item's kind
//   loader_items.cpp          items: options, picks, rulers, flags, summary sections
//   loader_references.cpp     references to earlier items: pipes, show_if conditions, duplicate ids
//   loader_messages.cpp       how messages are worded and where they point

#include <toml++/toml.h>

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loader_source_map.hpp"
#include "pipes.hpp"
#include "questionnaire.hpp"

namespace rk::loader {

constexpr int kLongestTextLimit = 10000;
constexpr int kRulerLimit = 1000;      // |min|, |max| of a ruler
constexpr int kMostRulerNumbers = 21;  // one button per number must fit on a screen
constexpr int kMostMinutes = 120;

// --- Messages (loader_messages.cpp) ---------------------------------------------------------
SourceLocation location_of(const toml::source_position& position);
SourceLocation location_of(const toml::source_region& region);
std::string in_quotes(std::string_view s);
std::string joined(std::span<const std::string_view> words);
std::string joined(const std::vector<std::string>& words);
/// At most the first dozen words, then how many more.
std::string joined_briefly(const std::vector<std::string_view>& words);

/// Where in the questionnaire text sits, for checking pipes and conditions: answers named there
/// must come from items before `limit` (a position in the order of all items).
struct Scope {
  enum class Level { Top, Page, Item };
  Level level = Level::Top;
  int page = -1;
  int limit = 0;  ///< items at this position and after are not answered yet
};

/// What the pre-pass learns of every item id before anything else is checked.
struct Declared {
  int position = 0;
  int page = 0;
  SourceLocation where;
};

class Loader {
 public:
  explicit Loader(std::string path) : path_(std::move(path)) {}

  LoadResult run(std::string_view text);

 private:
  std::string path_;
  std::string_view source_;
  std::optional<SourceMap> source_map_;
  Diagnostics errors_;
  std::vector<std::string> languages_;
  std::map<std::string, Declared> declared_;                           // every item id, first occurrence
  std::map<std::string, std::pair<std::size_t, std::size_t>> parsed_;  // item id → (page, item) in q
  std::set<std::string> unknown_kind_;                                 // items whose kind could not be read
  const Questionnaire* building_ = nullptr;

  // Suggestions compare a word with every candidate; a hostile file with thousands of bad
  // references to thousands of items must not turn that into minutes of work.
  int suggestions_left_ = 200;
  bool take_suggestion() { return suggestions_left_-- > 0; }

  // --- Messages (loader_messages.cpp) -------------------------------------------------------
  void error(SourceLocation where, std::string message);
  void error(const toml::node& node, std::string message);
  void missing(const toml::table& table, std::string_view key, std::string_view what,
               std::string_view example);
  void wrong_type(const toml::node& node, std::string_view key, std::string_view expected,
                  std::string_view example);

  // --- Keys (loader_keys.cpp) ---------------------------------------------------------------
  void check_keys(const toml::table& table, std::span<const std::string_view> allowed, std::string_view what);
  /// Keys of the item that belong to other kinds than its own.
  void check_kind_keys(const toml::table& table, ItemKind kind);

  // --- TOML values (loader_toml.cpp) ----------------------------------------------------------
  std::optional<std::string> read_string(const toml::table& table, std::string_view key, bool required,
                                         std::string_view what, std::string_view example);
  std::optional<std::string> read_id(const toml::table& table, std::string_view what,
                                     std::string_view example);
  std::optional<int> read_int(const toml::table& table, std::string_view key, int lowest, int highest,
                              std::string_view example);
  std::optional<bool> read_bool(const toml::table& table, std::string_view key);
  /// One of `words`; the answer is its index.
  std::optional<std::size_t> read_word(const toml::table& table, std::string_view key,
                                       std::span<const std::string_view> words, bool required,
                                       std::string_view what);
  /// A plain string (the same in every language) or a table of translations keyed by language.
  std::optional<Text> read_text(const toml::table& table, std::string_view key, bool required,
                                std::string_view what, const Scope& scope);
  const toml::array* read_table_list(const toml::table& owner, std::string_view key, std::string_view header);

  // --- References (loader_references.cpp) -----------------------------------------------------
  void declare_items(const toml::array& pages);
  void check_one_text(const toml::node& node, std::string_view key, const std::string& value,
                      const Scope& scope);
  SourceLocation pipe_location(const toml::node& node, const Pipe& pipe, std::size_t& cursor) const;
  const Item* check_reference(SourceLocation at, const std::string& id, const Scope& scope,
                              const std::string& role);
  std::vector<Condition> read_conditions(const toml::table& owner, const Scope& scope);
  std::optional<Condition> read_condition(const toml::table& table, const Scope& scope);
  void check_condition_fits(const toml::node& at, const Condition& c, const Item& target);

  // --- Items (loader_items.cpp) -------------------------------------------------------------
  Item read_item(const toml::table& table, int page, int position);
  std::optional<Flag> read_flag_fields(const toml::table& table, std::string_view what, const Scope& scope);
  std::optional<Flag> read_option_flag(const toml::table& option, const Scope& scope);
  void read_options(const toml::table& table, Item& item, const Scope& scope);
  void synthesize_yes_no(const toml::table& table, Item& item, std::map<std::string, Option>& given);
  void read_picks(const toml::table& table, Item& item);
  void read_ruler(const toml::table& table, Item& item, const Scope& scope);
  void read_summary(const toml::table& table, Item& item, const Scope& scope);

  // --- The file (questionnaire_loader.cpp) ----------------------------------------------------
  void read_languages(const toml::table& root, Questionnaire& q);
  Questionnaire read_questionnaire(const toml::table& root);
};

}  // namespace rk::loader
