// Loads and validates questionnaires/*.toml (format: questionnaires/README.md).
// The only translation unit of the questionnaire code that sees toml++ (it is slow to compile).
// Every problem becomes a Diagnostic with the line and column of the key or value at fault; the
// loader keeps going after a problem so a clinic sees all of them at once.

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "loader_language_codes.hpp"
#include "loader_pipes.hpp"
#include "loader_source_map.hpp"
#include "did_you_mean.hpp"
#include "questionnaire.hpp"

namespace rk {
namespace {

using namespace std::string_view_literals;

// A questionnaire is a few kilobytes; anything far larger is not one.
constexpr std::uintmax_t kLargestFileBytes = 1024 * 1024;
constexpr int kShortTextDefaultLength = 80;
constexpr int kLongTextDefaultLength = 1000;
constexpr int kLongestTextLimit = 10000;
constexpr int kRulerLimit = 1000;      // |min|, |max| of a ruler
constexpr int kMostRulerNumbers = 21;  // one button per number must fit on a screen
constexpr int kMostMinutes = 120;

SourceLocation location_of(const toml::source_position& position) {
  if (position.line == 0) return SourceLocation{1, 1};
  const auto clamp = [](toml::source_index v) {
    return static_cast<int>(std::min<toml::source_index>(v, INT_MAX));
  };
  return SourceLocation{clamp(position.line), std::max(1, clamp(position.column))};
}

SourceLocation location_of(const toml::source_region& region) {
  return location_of(region.begin);
}

std::string in_quotes(std::string_view s) {
  return "'" + std::string(s) + "'";
}

std::string joined(std::span<const std::string_view> words) {
  std::string out;
  for (auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

/// At most the first dozen words, then how many more.
std::string joined_briefly(const std::vector<std::string_view>& words) {
  constexpr std::size_t kShown = 12;
  if (words.size() <= kShown) return joined(std::span<const std::string_view>(words));
  return joined(std::span<const std::string_view>(words.data(), kShown)) + " and " +
         std::to_string(words.size() - kShown) + " more";
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

constexpr std::array kKindNames = {"info"sv,       "single_choice"sv, "multi_choice"sv, "ruler"sv,
                                   "short_text"sv, "long_text"sv,     "card_pick"sv,    "yes_no"sv};
constexpr std::array kKinds = {ItemKind::Info,     ItemKind::SingleChoice, ItemKind::MultiChoice,
                               ItemKind::Ruler,    ItemKind::ShortText,    ItemKind::LongText,
                               ItemKind::CardPick, ItemKind::YesNo};

constexpr std::array kSummaryNames = {"safety"sv,    "name"sv,   "talk_about"sv, "ruler"sv, "follow_up"sv,
                                      "strengths"sv, "values"sv, "hope"sv,       "notes"sv, "none"sv};
constexpr std::array kSummaries = {
    SummarySection::Safety,   SummarySection::Name,      SummarySection::TalkAbout, SummarySection::Ruler,
    SummarySection::FollowUp, SummarySection::Strengths, SummarySection::Values,    SummarySection::Hope,
    SummarySection::Notes,    SummarySection::None};

constexpr std::array kSeverityNames = {"notice"sv, "soon"sv, "urgent"sv};
constexpr std::array kSeverities = {Severity::Notice, Severity::Soon, Severity::Urgent};

constexpr std::array kTopKeys = {"id"sv,    "version"sv, "minutes"sv, "languages"sv, "default_language"sv,
                                 "title"sv, "intro"sv,   "page"sv};
constexpr std::array kPageKeys = {"id"sv, "title"sv, "show_if"sv, "item"sv};
constexpr std::array kItemKeys = {
    "id"sv,        "kind"sv,      "text"sv,       "help"sv,         "summary_label"sv,
    "required"sv,  "show_if"sv,   "summary"sv,    "follow_up_of"sv, "attribution"sv,
    "option"sv,    "min_picks"sv, "max_picks"sv,  "min"sv,          "max"sv,
    "min_label"sv, "max_label"sv, "flag_range"sv, "max_length"sv};
constexpr std::array kOptionKeys = {"id"sv, "label"sv, "description"sv, "flag"sv};
constexpr std::array kFlagKeys = {"severity"sv, "summary"sv, "message"sv};
constexpr std::array kFlagRangeKeys = {"min"sv, "max"sv, "severity"sv, "summary"sv, "message"sv};
constexpr std::array kConditionKeys = {"item"sv,     "equals"sv,  "one_of"sv,
                                       "at_least"sv, "at_most"sv, "answered"sv};
constexpr std::array kOperatorKeys = {"equals"sv, "one_of"sv, "at_least"sv, "at_most"sv, "answered"sv};

bool is_choice(ItemKind k) {
  return k == ItemKind::SingleChoice || k == ItemKind::MultiChoice || k == ItemKind::CardPick ||
         k == ItemKind::YesNo;
}
bool is_text(ItemKind k) {
  return k == ItemKind::ShortText || k == ItemKind::LongText;
}

std::string_view kind_name(ItemKind k) {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i] == k) return kKindNames[i];
  }
  return "info";
}

/// Which kinds a kind-specific item key belongs to; empty for keys every item may have.
std::vector<ItemKind> kinds_for_key(std::string_view key) {
  if (key == "option")
    return {ItemKind::SingleChoice, ItemKind::MultiChoice, ItemKind::CardPick, ItemKind::YesNo};
  if (key == "min_picks" || key == "max_picks") return {ItemKind::MultiChoice, ItemKind::CardPick};
  if (key == "min" || key == "max" || key == "min_label" || key == "max_label" || key == "flag_range") {
    return {ItemKind::Ruler};
  }
  if (key == "max_length") return {ItemKind::ShortText, ItemKind::LongText};
  return {};
}

/// Built-in labels for the options a yes_no item gets without writing them.
const std::map<std::string, std::pair<std::string, std::string>>& yes_no_labels() {
  static const std::map<std::string, std::pair<std::string, std::string>> labels = {
      {"en", {"Yes", "No"}},  {"es", {"Sí", "No"}}, {"fr", {"Oui", "Non"}}, {"pt", {"Sim", "Não"}},
      {"de", {"Ja", "Nein"}}, {"it", {"Sì", "No"}}, {"nl", {"Ja", "Nee"}},  {"vi", {"Có", "Không"}},
  };
  return labels;
}

std::string type_description(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "text";
    case toml::node_type::integer:
      return "a whole number";
    case toml::node_type::floating_point:
      return "a decimal number";
    case toml::node_type::boolean:
      return "true/false";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "a list";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return "a date or time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

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

  LoadResult run(std::string_view text) {
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

  void error(SourceLocation where, std::string message) {
    errors_.push_back(Diagnostic{path_, where, std::move(message)});
  }
  void error(const toml::node& node, std::string message) {
    error(location_of(node.source()), std::move(message));
  }

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

  // --- Keys ----------------------------------------------------------------------------------

  void check_keys(const toml::table& table, std::span<const std::string_view> allowed,
                  std::string_view what) {
    for (auto&& [key, value] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
      std::string message = "unknown key " + in_quotes(key.str()) + " in " + std::string(what) + ".";
      const std::string suggestion = did_you_mean(key.str(), allowed);
      if (!suggestion.empty()) {
        message += suggestion;
      } else {
        message += " Remove it; the keys allowed here are: " + joined(allowed) + ".";
      }
      error(location_of(key.source()), message);
    }
  }

  void missing(const toml::table& table, std::string_view key, std::string_view what,
               std::string_view example) {
    error(table,
          std::string(what) + " has no " + in_quotes(key) + ". Add it, for example: " + std::string(example));
  }

  void wrong_type(const toml::node& node, std::string_view key, std::string_view expected,
                  std::string_view example) {
    error(node, in_quotes(key) + " must be " + std::string(expected) + ", not " + type_description(node) +
                    ". For example: " + std::string(example));
  }

  std::optional<std::string> read_string(const toml::table& table, std::string_view key, bool required,
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

  std::optional<std::string> read_id(const toml::table& table, std::string_view what,
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

  std::optional<int> read_int(const toml::table& table, std::string_view key, int lowest, int highest,
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

  std::optional<bool> read_bool(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const auto* b = node->as_boolean();
    if (b == nullptr) {
      wrong_type(*node, key, "true or false (without quotes)", std::string(key) + " = true");
      return std::nullopt;
    }
    return b->get();
  }

  template <std::size_t N, typename Enum>
  std::optional<Enum> read_choice(const toml::table& table, std::string_view key,
                                  const std::array<std::string_view, N>& names,
                                  const std::array<Enum, N>& values, bool required, std::string_view what) {
    const std::string example = std::string(key) + " = \"" + std::string(names[0]) + "\"";
    auto word = read_string(table, key, required, what, example);
    if (!word) return std::nullopt;
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == *word) return values[i];
    }
    error(*table.get(key), "unknown " + std::string(key) + " " + in_quotes(*word) + "." +
                               did_you_mean(*word, names) + " Use one of: " + joined(names) + ".");
    return std::nullopt;
  }

  // --- Text and pipes ----------------------------------------------------------------------

  void check_one_text(const toml::node& node, std::string_view key, const std::string& value,
                      const Scope& scope) {
    const bool blank = std::all_of(value.begin(), value.end(),
                                   [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
    if (blank) {
      error(node, in_quotes(key) + " is empty. Write the text, or remove the key.");
      return;
    }
    std::size_t cursor = 0;
    for (const auto& pipe : find_pipes(value)) {
      const SourceLocation at = pipe_location(node, pipe, cursor);
      if (scope.level == Scope::Level::Top) {
        error(at, in_quotes(key) + " shows the answer {" + pipe.item_id +
                      "}, but nothing is answered before the first page. Remove the braces.");
        continue;
      }
      check_reference(at, pipe.item_id, scope, "the answer {" + pipe.item_id + "} in " + in_quotes(key));
    }
  }

  /// Where "{id}" stands in the file, so a message points at the pipe itself; the string's own
  /// place when the braces were written with escapes. `cursor` keeps repeated pipes apart.
  SourceLocation pipe_location(const toml::node& node, const Pipe& pipe, std::size_t& cursor) const {
    const SourceLocation begin = location_of(node.source());
    if (!source_map_) return begin;
    const std::size_t start = std::max(cursor, source_map_->offset_of(begin));
    std::size_t end = source_.size();
    if (node.source().end.line != 0) end = source_map_->offset_of(location_of(node.source().end));
    const std::string written = "{" + pipe.item_id + "}";
    // Search only inside the string, so a file full of escaped braces stays linear.
    if (start >= end || end > source_.size()) return begin;
    const std::size_t found_inside = source_.substr(start, end - start).find(written);
    if (found_inside == std::string_view::npos) return begin;
    const std::size_t found = start + found_inside;
    cursor = found + written.size();
    return source_map_->location_of(found);
  }

  /// A plain string (the same in every language) or a table of translations keyed by language.
  std::optional<Text> read_text(const toml::table& table, std::string_view key, bool required,
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
        error(location_of(language.source()), "translation " + in_quotes(code) +
                                                  " is not one of the file's languages (" +
                                                  joined(languages_) + ")." + did_you_mean(code, declared) +
                                                  " Add it to 'languages' or remove this translation.");
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

  // --- References to earlier items (conditions, pipes, follow_up_of) ---------------------------

  /// The earlier item `id` names, or nullptr after reporting why it cannot be used.
  const Item* check_reference(SourceLocation at, const std::string& id, const Scope& scope,
                              const std::string& role) {
    auto found = declared_.find(id);
    if (found == declared_.end()) {
      std::string suggestion;
      if (take_suggestion()) {
        std::vector<std::string_view> ids;
        for (const auto& [known, unused] : declared_) ids.push_back(known);
        suggestion = did_you_mean(id, ids);
      }
      error(at, role + " names " + in_quotes(id) + ", but no item has that id." + suggestion +
                    " Use the id of an earlier item.");
      return nullptr;
    }
    const Declared& target = found->second;
    if (scope.level == Scope::Level::Item && target.position == scope.limit) {
      error(at, role + " names " + in_quotes(id) +
                    ", this same item. Name an earlier item: an answer cannot depend on itself.");
      return nullptr;
    }
    if (scope.level == Scope::Level::Page && target.page == scope.page) {
      error(at, role + " names " + in_quotes(id) +
                    ", which is on this same page. A page can only depend on items of earlier pages.");
      return nullptr;
    }
    if (target.position >= scope.limit) {
      error(at, role + " names " + in_quotes(id) + ", which comes later (line " +
                    std::to_string(target.where.line) +
                    "). Name an item that comes before, or move this one after it.");
      return nullptr;
    }
    auto parsed = parsed_.find(id);
    if (parsed == parsed_.end() || building_ == nullptr || unknown_kind_.count(id) != 0) return nullptr;
    const Item& item = building_->pages[parsed->second.first].items[parsed->second.second];
    if (item.kind == ItemKind::Info) {
      error(at, role + " names " + in_quotes(id) +
                    ", an info item, which has no answer. Name a question instead.");
      return nullptr;
    }
    return &item;
  }

  // --- Conditions ----------------------------------------------------------------------------

  std::vector<Condition> read_conditions(const toml::table& owner, const Scope& scope) {
    std::vector<Condition> conditions;
    const toml::node* node = owner.get("show_if");
    if (node == nullptr) return conditions;
    const std::string example = "show_if = { item = \"focus\", equals = \"stress\" }";
    if (const auto* one = node->as_table()) {
      if (auto c = read_condition(*one, scope)) conditions.push_back(std::move(*c));
      return conditions;
    }
    const auto* many = node->as_array();
    if (many == nullptr) {
      wrong_type(*node, "show_if", "a condition in braces, or a list of them", example);
      return conditions;
    }
    if (many->empty()) error(*node, "'show_if' is an empty list. Add a condition, or remove show_if.");
    for (const auto& element : *many) {
      const auto* table = element.as_table();
      if (table == nullptr) {
        wrong_type(element, "show_if", "a list of conditions in braces", example);
        continue;
      }
      if (auto c = read_condition(*table, scope)) conditions.push_back(std::move(*c));
    }
    return conditions;
  }

  std::optional<Condition> read_condition(const toml::table& table, const Scope& scope) {
    check_keys(table, kConditionKeys, "a show_if condition");
    Condition c;
    c.where = location_of(table.source());
    const std::string what = "this show_if condition";
    auto item_id = read_string(table, "item", true, what, "item = \"focus\"");
    std::vector<std::string_view> ops;
    for (auto op : kOperatorKeys) {
      if (table.get(op) != nullptr) ops.push_back(op);
    }
    if (ops.empty()) {
      error(table,
            "this show_if condition has no test. Add one of: equals, one_of, at_least, at_most, answered.");
      return std::nullopt;
    }
    if (ops.size() > 1) {
      error(table, "this show_if condition has " + std::to_string(ops.size()) + " tests (" + joined(ops) +
                       "). Use one per condition; for several, write a list: show_if = [ {...}, {...} ].");
      return std::nullopt;
    }
    const std::string_view op = ops.front();
    const toml::node& value = *table.get(op);
    bool value_ok = true;
    if (op == "equals") {
      c.op = ConditionOp::Equals;
      if (const auto* s = value.as_string()) {
        c.values.push_back(s->get());
      } else {
        wrong_type(value, op, "an option id in quotes", "equals = \"yes\"");
        value_ok = false;
      }
    } else if (op == "one_of") {
      c.op = ConditionOp::OneOf;
      const auto* list = value.as_array();
      if (list == nullptr || list->empty()) {
        if (list == nullptr) {
          wrong_type(value, op, "a list of option ids", "one_of = [\"work\", \"family\"]");
        } else {
          error(value,
                "'one_of' is an empty list. Add option ids, for example one_of = [\"work\", \"family\"].");
        }
        value_ok = false;
      } else {
        for (const auto& element : *list) {
          if (const auto* s = element.as_string()) {
            c.values.push_back(s->get());
          } else {
            wrong_type(element, op, "a list of option ids in quotes", "one_of = [\"work\", \"family\"]");
            value_ok = false;
          }
        }
      }
    } else if (op == "at_least" || op == "at_most") {
      c.op = op == "at_least" ? ConditionOp::AtLeast : ConditionOp::AtMost;
      auto n = read_int(table, op, -kRulerLimit, kRulerLimit, std::string(op) + " = 1");
      if (n) {
        c.number = *n;
      } else {
        value_ok = false;
      }
    } else {
      c.op = ConditionOp::Answered;
      const auto* b = value.as_boolean();
      if (b == nullptr) {
        wrong_type(value, op, "true (without quotes)", "answered = true");
        value_ok = false;
      } else if (!b->get()) {
        error(value,
              "'answered = false' is not supported. Use answered = true to show this only after an answer.");
        value_ok = false;
      }
    }
    if (!item_id) return std::nullopt;
    c.item = *item_id;
    const Item* target = check_reference(location_of(table.get("item")->source()), c.item, scope, "show_if");
    if (target == nullptr || !value_ok) return value_ok ? std::optional<Condition>(c) : std::nullopt;
    check_condition_fits(value, c, *target);
    return c;
  }

  void check_condition_fits(const toml::node& at, const Condition& c, const Item& target) {
    const std::string kind(kind_name(target.kind));
    switch (c.op) {
      case ConditionOp::Equals:
      case ConditionOp::OneOf: {
        if (!is_choice(target.kind)) {
          error(at,
                "equals and one_of test the options of a choice, but " + in_quotes(target.id) + " is a " +
                    kind + " item." +
                    (target.kind == ItemKind::Ruler ? " Use at_least or at_most." : " Use answered = true."));
          return;
        }
        std::vector<std::string_view> option_ids;
        for (const auto& o : target.options) option_ids.push_back(o.id);
        const std::set<std::string_view> known(option_ids.begin(), option_ids.end());
        for (const auto& v : c.values) {
          if (known.count(v) != 0) continue;
          const std::string suggestion = take_suggestion() ? did_you_mean(v, option_ids) : std::string();
          error(at, in_quotes(target.id) + " has no option " + in_quotes(v) + "." + suggestion +
                        " Its options are: " + joined_briefly(option_ids) + ".");
        }
        return;
      }
      case ConditionOp::AtLeast:
      case ConditionOp::AtMost: {
        if (target.kind != ItemKind::Ruler) {
          error(at, "at_least and at_most test a ruler's number, but " + in_quotes(target.id) + " is a " +
                        kind + " item." +
                        (is_choice(target.kind) ? " Use equals or one_of." : " Use answered = true."));
          return;
        }
        const bool never = c.op == ConditionOp::AtLeast ? c.number > target.max : c.number < target.min;
        if (never) {
          error(at, "this condition can never hold: " + in_quotes(target.id) + " goes from " +
                        std::to_string(target.min) + " to " + std::to_string(target.max) +
                        ". Use a number in that range.");
        }
        return;
      }
      case ConditionOp::Answered:
        return;
    }
  }

  // --- Flags ---------------------------------------------------------------------------------

  std::optional<Flag> read_flag_fields(const toml::table& table, std::string_view what, const Scope& scope) {
    Flag flag;
    if (auto s = read_choice(table, "severity", kSeverityNames, kSeverities, false, what)) flag.severity = *s;
    auto summary = read_text(table, "summary", true, what, scope);
    if (auto message = read_text(table, "message", false, what, scope))
      flag.patient_message = std::move(*message);
    if (!summary) return std::nullopt;
    flag.summary = std::move(*summary);
    return flag;
  }

  std::optional<Flag> read_option_flag(const toml::table& option, const Scope& scope) {
    const toml::node* node = option.get("flag");
    if (node == nullptr) return std::nullopt;
    const auto* table = node->as_table();
    if (table == nullptr) {
      wrong_type(*node, "flag", "a table",
                 "flag = { severity = \"urgent\", summary = \"Asked to talk today\" }");
      return std::nullopt;
    }
    check_keys(*table, kFlagKeys, "a flag");
    return read_flag_fields(*table, "this flag", scope);
  }

  // --- Items ---------------------------------------------------------------------------------

  const toml::array* read_table_list(const toml::table& owner, std::string_view key,
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

  void read_options(const toml::table& table, Item& item, const Scope& scope) {
    std::set<std::string> ids;
    std::map<std::string, Option> given;  // yes_no: what the file says about "yes" and "no"
    if (const auto* list = read_table_list(table, "option", "[[page.item.option]]")) {
      for (const auto& element : *list) {
        const auto& o = *element.as_table();
        check_keys(o, kOptionKeys, "an option");
        Option option;
        option.where = location_of(o.source());
        auto id = read_id(o, "this option", "id = \"work\"");
        const bool yes_no = item.kind == ItemKind::YesNo;
        if (auto label = read_text(o, "label", !yes_no, "this option", scope))
          option.label = std::move(*label);
        if (auto d = read_text(o, "description", false, "this option", scope))
          option.description = std::move(*d);
        option.flag = read_option_flag(o, scope);
        if (!id) continue;
        option.id = *id;
        if (!ids.insert(option.id).second) {
          error(*o.get("id"), "option id " + in_quotes(option.id) + " is used twice in item " +
                                  in_quotes(item.id) + ". Give each option its own id.");
          continue;
        }
        if (yes_no && option.id != "yes" && option.id != "no") {
          error(*o.get("id"), "a yes_no item has only the options 'yes' and 'no'; " + in_quotes(option.id) +
                                  " is not one. Use single_choice for other options.");
          continue;
        }
        if (yes_no) {
          given[option.id] = std::move(option);
        } else {
          item.options.push_back(std::move(option));
        }
      }
    }
    if (item.kind == ItemKind::YesNo) {
      synthesize_yes_no(table, item, given);
      return;
    }
    if (item.options.empty() && option_list_is_missing_or_empty(table)) {
      error(table, "this " + std::string(kind_name(item.kind)) +
                       " item has no options. Add at least one [[page.item.option]] with an id and a label.");
    }
  }

  static bool option_list_is_missing_or_empty(const toml::table& table) {
    const toml::node* node = table.get("option");
    if (node == nullptr) return true;
    const auto* list = node->as_array();
    return list != nullptr && list->empty();
  }

  void synthesize_yes_no(const toml::table& table, Item& item, std::map<std::string, Option>& given) {
    for (const char* id : {"yes", "no"}) {
      Option option;
      if (auto g = given.find(id); g != given.end()) option = std::move(g->second);
      option.id = id;
      if (option.where.line == 0) option.where = location_of(table.source());
      for (const auto& language : languages_) {
        if (option.label.by_language.count(language) != 0) continue;
        auto builtin = yes_no_labels().find(language);
        if (builtin == yes_no_labels().end()) {
          error(table, "there is no built-in " + in_quotes(id) + " label in " + in_quotes(language) +
                           ". Add [[page.item.option]] with id = \"" + id + "\" and a label.");
          continue;
        }
        option.label.by_language[language] =
            std::string(id) == "yes" ? builtin->second.first : builtin->second.second;
      }
      item.options.push_back(std::move(option));
    }
  }

  void read_picks(const toml::table& table, Item& item) {
    if (auto n = read_int(table, "min_picks", 0, 1000, "min_picks = 1")) item.min_picks = *n;
    if (auto n = read_int(table, "max_picks", 0, 1000, "max_picks = 3")) item.max_picks = *n;
    const int offered = static_cast<int>(std::min<std::size_t>(item.options.size(), 1000));
    if (item.options.empty()) return;
    if (item.max_picks > offered) {
      error(*table.get("max_picks"), "max_picks is " + std::to_string(item.max_picks) +
                                         ", but the item offers only " + std::to_string(offered) +
                                         " options. Lower max_picks or add options.");
      return;
    }
    if (item.min_picks > item.effective_max_picks()) {
      error(*table.get("min_picks"), "min_picks (" + std::to_string(item.min_picks) +
                                         ") is more than max_picks (" +
                                         std::to_string(item.effective_max_picks()) + "). Lower min_picks.");
    }
  }

  void read_ruler(const toml::table& table, Item& item, const Scope& scope) {
    const std::string what = "this ruler";
    bool range_ok = true;
    if (table.get("min") != nullptr) {
      auto n = read_int(table, "min", -kRulerLimit, kRulerLimit, "min = 0");
      range_ok = range_ok && n.has_value();
      if (n) item.min = *n;
    }
    if (table.get("max") != nullptr) {
      auto n = read_int(table, "max", -kRulerLimit, kRulerLimit, "max = 10");
      range_ok = range_ok && n.has_value();
      if (n) item.max = *n;
    }
    const toml::node* at = table.get("max") != nullptr ? table.get("max") : table.get("min");
    if (range_ok && item.min >= item.max) {
      error(at != nullptr ? location_of(at->source()) : location_of(table.source()),
            "the ruler's min (" + std::to_string(item.min) + ") must be below its max (" +
                std::to_string(item.max) + "). For example min = 0 and max = 10.");
      range_ok = false;
    } else if (range_ok && item.max - item.min + 1 > kMostRulerNumbers) {
      error(at != nullptr ? location_of(at->source()) : location_of(table.source()),
            "the ruler from " + std::to_string(item.min) + " to " + std::to_string(item.max) + " has " +
                std::to_string(item.max - item.min + 1) +
                " numbers; a ruler shows one button per number, at most " +
                std::to_string(kMostRulerNumbers) + ". Use a smaller range, like 0 to 10.");
    }
    if (auto t = read_text(table, "min_label", false, what, scope)) item.min_label = std::move(*t);
    if (auto t = read_text(table, "max_label", false, what, scope)) item.max_label = std::move(*t);
    const auto* list = read_table_list(table, "flag_range", "[[page.item.flag_range]]");
    if (list == nullptr) return;
    for (const auto& element : *list) {
      const auto& r = *element.as_table();
      check_keys(r, kFlagRangeKeys, "a flag_range");
      RulerFlag rf;
      rf.where = location_of(r.source());
      auto lo = read_int(r, "min", -kRulerLimit, kRulerLimit, "min = 0");
      auto hi = read_int(r, "max", -kRulerLimit, kRulerLimit, "max = 2");
      if (r.get("min") == nullptr) missing(r, "min", "this flag_range", "min = 0");
      if (r.get("max") == nullptr) missing(r, "max", "this flag_range", "max = 2");
      auto flag = read_flag_fields(r, "this flag_range", scope);
      if (!lo || !hi || !flag) continue;
      rf.min = *lo;
      rf.max = *hi;
      rf.flag = std::move(*flag);
      if (rf.min > rf.max) {
        error(*r.get("max"), "this flag_range's min (" + std::to_string(rf.min) + ") is above its max (" +
                                 std::to_string(rf.max) + "). Swap them.");
        continue;
      }
      if (range_ok && (rf.min < item.min || rf.max > item.max)) {
        error(r, "this flag_range (" + std::to_string(rf.min) + " to " + std::to_string(rf.max) +
                     ") goes outside the ruler (" + std::to_string(item.min) + " to " +
                     std::to_string(item.max) + "). Keep it within the ruler.");
        continue;
      }
      item.ruler_flags.push_back(std::move(rf));
    }
  }

  void read_summary(const toml::table& table, Item& item, const Scope& scope) {
    if (auto s = read_choice(table, "summary", kSummaryNames, kSummaries, false, "this item"))
      item.summary = *s;
    const toml::node* summary_node = table.get("summary");
    const toml::node* follow_node = table.get("follow_up_of");
    if (auto f = read_string(table, "follow_up_of", false, "this item", "follow_up_of = \"importance\"")) {
      item.follow_up_of = *f;
      if (item.summary == SummarySection::Auto) item.summary = SummarySection::FollowUp;
      if (item.summary != SummarySection::FollowUp) {
        error(*follow_node,
              "follow_up_of is only for items with summary = \"follow_up\". Change summary or remove "
              "follow_up_of.");
      } else if (const Item* ruler = check_reference(location_of(follow_node->source()), item.follow_up_of,
                                                     scope, "follow_up_of")) {
        if (ruler->kind != ItemKind::Ruler) {
          error(*follow_node, "follow_up_of names " + in_quotes(ruler->id) + ", a " +
                                  std::string(kind_name(ruler->kind)) + " item; it must name a ruler.");
        }
      }
    } else if (item.summary == SummarySection::FollowUp && follow_node == nullptr) {
      error(*summary_node,
            "summary = \"follow_up\" needs follow_up_of naming the ruler it follows, for example "
            "follow_up_of = \"importance\".");
    }
    if (summary_node == nullptr) return;
    const std::string kind(kind_name(item.kind));
    if (item.kind == ItemKind::Info && item.summary != SummarySection::None) {
      error(*summary_node, "an info item has no answer to put on the summary. Remove 'summary'.");
    } else if (item.summary == SummarySection::Name && !is_text(item.kind)) {
      error(*summary_node, "summary = \"name\" needs a short_text item (a first name or initials), not a " +
                               kind + " item.");
    } else if (item.summary == SummarySection::Ruler && item.kind != ItemKind::Ruler) {
      error(*summary_node, "summary = \"ruler\" is only for ruler items; this is a " + kind + " item.");
    } else if (item.summary == SummarySection::FollowUp && item.kind == ItemKind::Ruler) {
      error(*summary_node,
            "a ruler cannot be a follow_up; follow-ups are the questions asked after a ruler.");
    }
  }

  Item read_item(const toml::table& table, int page, int position) {
    check_keys(table, kItemKeys, "an item ([[page.item]])");
    Item item;
    item.where = location_of(table.source());
    const Scope scope{Scope::Level::Item, page, position};
    const std::string what = "this item";
    if (auto id = read_id(table, what, "id = \"talk_today\"")) item.id = *id;
    auto kind = read_choice(table, "kind", kKindNames, kKinds, true, what);
    if (kind) {
      item.kind = *kind;
      for (auto&& [key, value] : table) {
        const auto kinds = kinds_for_key(key.str());
        if (kinds.empty() || std::find(kinds.begin(), kinds.end(), item.kind) != kinds.end()) continue;
        std::vector<std::string> names;
        for (auto k : kinds) names.emplace_back(kind_name(k));
        error(location_of(key.source()), in_quotes(key.str()) + " does not apply to a " +
                                             std::string(kind_name(item.kind)) + " item (only to " +
                                             joined(names) + "). Remove it, or change the kind.");
      }
    } else if (!item.id.empty()) {
      unknown_kind_.insert(item.id);
    }
    if (auto t = read_text(table, "text", true, what, scope)) item.text = std::move(*t);
    if (auto t = read_text(table, "help", false, what, scope)) item.help = std::move(*t);
    if (auto t = read_text(table, "summary_label", false, what, scope)) item.summary_label = std::move(*t);
    if (auto t = read_text(table, "attribution", false, what, scope)) item.attribution = std::move(*t);
    if (auto r = read_bool(table, "required")) {
      item.required = *r;
      if (*r && item.kind == ItemKind::Info && kind) {
        error(*table.get("required"),
              "an info item has nothing to answer, so it cannot be required. Remove "
              "'required'.");
      }
    }
    item.show_if = read_conditions(table, scope);
    if (!kind) return item;
    if (is_choice(item.kind)) read_options(table, item, scope);
    if (item.kind == ItemKind::MultiChoice || item.kind == ItemKind::CardPick) read_picks(table, item);
    if (item.kind == ItemKind::Ruler) read_ruler(table, item, scope);
    if (is_text(item.kind)) {
      item.max_length = item.kind == ItemKind::ShortText ? kShortTextDefaultLength : kLongTextDefaultLength;
      if (auto n = read_int(table, "max_length", 1, kLongestTextLimit, "max_length = 80"))
        item.max_length = *n;
    }
    read_summary(table, item, scope);
    return item;
  }

  // --- Pages and the whole file ----------------------------------------------------------------

  /// Learns every item id and its place first, so a reference to a later item can be told apart
  /// from a reference to no item at all. Reports duplicate ids.
  void declare_items(const toml::array& pages) {
    int position = 0;
    int page = 0;
    std::map<std::string, SourceLocation> page_ids;
    for (const auto& p : pages) {
      const auto* page_table = p.as_table();
      if (page_table == nullptr) continue;
      if (const auto* id = page_table->get_as<std::string>("id")) {
        auto [first, fresh] = page_ids.emplace(id->get(), location_of(id->source()));
        if (!fresh) {
          error(*id, "page id " + in_quotes(id->get()) + " is already used by the page at line " +
                         std::to_string(first->second.line) + ". Give each page its own id.");
        }
      }
      if (const auto* items = page_table->get_as<toml::array>("item")) {
        for (const auto& i : *items) {
          const auto* item_table = i.as_table();
          if (item_table == nullptr) continue;
          if (const auto* id = item_table->get_as<std::string>("id")) {
            auto [first, fresh] =
                declared_.emplace(id->get(), Declared{position, page, location_of(id->source())});
            if (!fresh) {
              error(*id, "item id " + in_quotes(id->get()) + " is already used by the item at line " +
                             std::to_string(first->second.where.line) + ". Give each item its own id.");
            }
          }
          ++position;
        }
      }
      ++page;
    }
  }

  void read_languages(const toml::table& root, Questionnaire& q) {
    const toml::node* node = root.get("languages");
    if (node == nullptr) {
      missing(root, "languages", "the file", "languages = [\"en\", \"es\"] at the top");
    } else if (const auto* list = node->as_array(); list == nullptr) {
      wrong_type(*node, "languages", "a list of language codes", "languages = [\"en\", \"es\"]");
    } else if (list->empty()) {
      error(
          *node,
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
      }
    }
    languages_ = q.languages;
    if (auto d = read_string(root, "default_language", true, "the file", "default_language = \"en\"")) {
      q.default_language = *d;
      if (!q.languages.empty() && !q.has_language(*d)) {
        std::vector<std::string_view> declared(q.languages.begin(), q.languages.end());
        error(*root.get("default_language"), "default_language " + in_quotes(*d) +
                                                 " is not in 'languages' (" + joined(q.languages) + ")." +
                                                 did_you_mean(*d, declared) + " Use one of them.");
      }
    }
  }

  Questionnaire read_questionnaire(const toml::table& root) {
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
};

}  // namespace

LoadResult load_questionnaire_text(std::string_view toml_text, const std::string& path_for_messages) {
  try {
    Loader loader(path_for_messages);
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
