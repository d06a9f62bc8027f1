// References to earlier items: duplicate ids, pipes in text, show_if conditions, and whether a
// condition can hold for the item it names.
#include <algorithm>

#include "did_you_mean.hpp"
#include "loader.hpp"
#include "loader_keys.hpp"

namespace rk::loader {

/// Learns every item id and its place first, so a reference to a later item can be told apart
/// from a reference to no item at all. Reports duplicate ids.
void Loader::declare_items(const toml::array& pages) {
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

void Loader::check_one_text(const toml::node& node, std::string_view key, const std::string& value,
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
SourceLocation Loader::pipe_location(const toml::node& node, const Pipe& pipe, std::size_t& cursor) const {
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

/// The earlier item `id` names, or nullptr after reporting why it cannot be used.
const Item* Loader::check_reference(SourceLocation at, const std::string& id, const Scope& scope,
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
    error(at,
          role + " names " + in_quotes(id) + ", an info item, which has no answer. Name a question instead.");
    return nullptr;
  }
  return &item;
}

std::vector<Condition> Loader::read_conditions(const toml::table& owner, const Scope& scope) {
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

std::optional<Condition> Loader::read_condition(const toml::table& table, const Scope& scope) {
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

void Loader::check_condition_fits(const toml::node& at, const Condition& c, const Item& target) {
  const std::string kind(describe(target.kind).name);
  switch (c.op) {
    case ConditionOp::Equals:
    case ConditionOp::OneOf: {
      if (describe(target.kind).answer != AnswerShape::Picks) {
        error(at,
              "equals and one_of test the options of a choice, but " + in_quotes(target.id) + " is a " +
                  kind + " item." +
                  (describe(target.kind).answer == AnswerShape::Number ? " Use at_least or at_most."
                                                                       : " Use answered = true."));
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
      if (describe(target.kind).answer != AnswerShape::Number) {
        error(at, "at_least and at_most test a ruler's number, but " + in_quotes(target.id) + " is a " +
                      kind + " item." +
                      (describe(target.kind).answer == AnswerShape::Picks ? " Use equals or one_of."
                                                                          : " Use answered = true."));
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

}  // namespace rk::loader
