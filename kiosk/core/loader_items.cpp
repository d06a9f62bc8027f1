// Items: their kind, options, picks, rulers, flags and summary section.
#include <algorithm>

#include "loader.hpp"
#include "loader_keys.hpp"

namespace rk::loader {
namespace {

bool option_list_is_missing_or_empty(const toml::table& table) {
  const toml::node* node = table.get("option");
  if (node == nullptr) return true;
  const auto* list = node->as_array();
  return list != nullptr && list->empty();
}

}  // namespace

Item Loader::read_item(const toml::table& table, int page, int position) {
  check_keys(table, item_keys(), "an item ([[page.item]])");
  Item item;
  item.where = location_of(table.source());
  const Scope scope{Scope::Level::Item, page, position};
  const std::string what = "this item";
  if (auto id = read_id(table, what, "id = \"talk_today\"")) item.id = *id;
  const auto kind_index = read_word(table, "kind", item_kind_names(), true, what);
  const bool kind = kind_index.has_value();
  if (kind) {
    item.kind = item_kinds()[*kind_index].kind;
    check_kind_keys(table, item.kind);
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
  // What else to read follows from the keys the kind allows (item_kind.cpp).
  const ItemKindInfo& described = describe(item.kind);
  if (described.allows("option")) read_options(table, item, scope);
  if (described.allows("min_picks")) read_picks(table, item);
  if (described.allows("min")) read_ruler(table, item, scope);
  if (described.allows("max_length")) {
    item.max_length = described.default_max_length;
    if (auto n = read_int(table, "max_length", 1, kLongestTextLimit, "max_length = 80")) item.max_length = *n;
  }
  read_summary(table, item, scope);
  return item;
}

std::optional<Flag> Loader::read_flag_fields(const toml::table& table, std::string_view what,
                                             const Scope& scope) {
  Flag flag;
  if (auto s = read_word(table, "severity", kSeverityNames, false, what)) flag.severity = kSeverities[*s];
  auto summary = read_text(table, "summary", true, what, scope);
  if (auto message = read_text(table, "message", false, what, scope))
    flag.patient_message = std::move(*message);
  if (!summary) return std::nullopt;
  flag.summary = std::move(*summary);
  return flag;
}

std::optional<Flag> Loader::read_option_flag(const toml::table& option, const Scope& scope) {
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

void Loader::read_options(const toml::table& table, Item& item, const Scope& scope) {
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
      if (auto label = read_text(o, "label", !yes_no, "this option", scope)) option.label = std::move(*label);
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
    error(table, "this " + std::string(describe(item.kind).name) +
                     " item has no options. Add at least one [[page.item.option]] with an id and a label.");
  }
}

// The two options of a yes/no item, whether or not the file writes them. Labels the file does not
// give come from each language's file (`yes`, `no`), bound after loading: bind_languages in
// questionnaire_languages.hpp. The loader itself knows no language files.
void Loader::synthesize_yes_no(const toml::table& table, Item& item, std::map<std::string, Option>& given) {
  for (const char* id : {"yes", "no"}) {
    Option option;
    if (auto g = given.find(id); g != given.end()) option = std::move(g->second);
    option.id = id;
    if (option.where.line == 0) option.where = location_of(table.source());
    item.options.push_back(std::move(option));
  }
}

void Loader::read_picks(const toml::table& table, Item& item) {
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

void Loader::read_ruler(const toml::table& table, Item& item, const Scope& scope) {
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
              " numbers; a ruler shows one button per number, at most " + std::to_string(kMostRulerNumbers) +
              ". Use a smaller range, like 0 to 10.");
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

void Loader::read_summary(const toml::table& table, Item& item, const Scope& scope) {
  if (auto s = read_word(table, "summary", kSummaryNames, false, "this item")) item.summary = kSummaries[*s];
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
      if (describe(ruler->kind).answer != AnswerShape::Number) {
        error(*follow_node, "follow_up_of names " + in_quotes(ruler->id) + ", a " +
                                std::string(describe(ruler->kind).name) + " item; it must name a ruler.");
      }
    }
  } else if (item.summary == SummarySection::FollowUp && follow_node == nullptr) {
    error(*summary_node,
          "summary = \"follow_up\" needs follow_up_of naming the ruler it follows, for example "
          "follow_up_of = \"importance\".");
  }
  if (summary_node == nullptr) return;
  const std::string kind(describe(item.kind).name);
  if (item.kind == ItemKind::Info && item.summary != SummarySection::None) {
    error(*summary_node, "an info item has no answer to put on the summary. Remove 'summary'.");
  } else if (item.summary == SummarySection::Name && describe(item.kind).answer != AnswerShape::Text) {
    error(*summary_node,
          "summary = \"name\" needs a short_text item (a first name or initials), not a " + kind + " item.");
  } else if (item.summary == SummarySection::Ruler && describe(item.kind).answer != AnswerShape::Number) {
    error(*summary_node, "summary = \"ruler\" is only for ruler items; this is a " + kind + " item.");
  } else if (item.summary == SummarySection::FollowUp && describe(item.kind).answer == AnswerShape::Number) {
    error(*summary_node, "a ruler cannot be a follow_up; follow-ups are the questions asked after a ruler.");
  }
}

}  // namespace rk::loader
