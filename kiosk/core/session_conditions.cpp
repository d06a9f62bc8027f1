// Which pages and items show, from the answers so far. A condition that names a hidden item (or an
// unknown one) does not hold, so hiding an early answer hides everything that depends on it.
#include <algorithm>
#include <charconv>

#include "session.hpp"

namespace rk {
namespace {

bool picks_include(const Answer& answer, const std::string& value) {
  return std::find(answer.picks.begin(), answer.picks.end(), value) != answer.picks.end();
}

/// Equals on an answer without picks: the ruler number or the free text.
bool plain_equals(const Answer& answer, const std::string& value) {
  if (answer.value.has_value()) {
    int number = 0;
    const char* end = value.data() + value.size();
    const auto [ptr, error] = std::from_chars(value.data(), end, number);
    return error == std::errc{} && ptr == end && number == *answer.value;
  }
  return !answer.text.empty() && answer.text == value;
}

bool answer_matches(const Answer& answer, const std::string& value) {
  return answer.picks.empty() ? plain_equals(answer, value) : picks_include(answer, value);
}

}  // namespace

bool Session::condition_holds(const Condition& condition) const {
  const Item* target = item(condition.item);
  if (target == nullptr || !item_visible(*target)) return false;
  const Answer* given = answer(condition.item);
  if (given == nullptr || !given->given()) return false;
  switch (condition.op) {
    case ConditionOp::Answered:
      return true;
    case ConditionOp::Equals:
      return !condition.values.empty() && answer_matches(*given, condition.values.front());
    case ConditionOp::OneOf:
      return std::any_of(condition.values.begin(), condition.values.end(),
                         [&](const std::string& value) { return answer_matches(*given, value); });
    case ConditionOp::AtLeast:
      return given->value.has_value() && *given->value >= condition.number;
    case ConditionOp::AtMost:
      return given->value.has_value() && *given->value <= condition.number;
  }
  return false;
}

bool Session::conditions_hold(const std::vector<Condition>& conditions) const {
  return std::all_of(conditions.begin(), conditions.end(),
                     [&](const Condition& condition) { return condition_holds(condition); });
}

bool Session::item_visible(const Item& it) const {
  const Item* known = item(it.id);
  if (known == nullptr) return false;
  const auto [memo, first_visit] = visibility_.try_emplace(known, Visibility::Working);
  // Conditions name earlier items, so a visit finds its answer already worked out. Meeting an item
  // still being worked out means a cycle (possible only in questionnaires built in code without
  // the loader's checks): it counts as hidden rather than recursing forever.
  if (!first_visit) return memo->second == Visibility::Shown;
  const Page& home = questionnaire_->pages[static_cast<std::size_t>(page_of(known->id))];
  const bool shown = conditions_hold(home.show_if) && conditions_hold(known->show_if);
  memo->second = shown ? Visibility::Shown : Visibility::Hidden;  // map iterators survive insertions
  return shown;
}

bool Session::page_visible(int index) const {
  if (index < 0 || static_cast<std::size_t>(index) >= questionnaire_->pages.size()) return false;
  const Page& shown = questionnaire_->pages[static_cast<std::size_t>(index)];
  if (!conditions_hold(shown.show_if)) return false;
  return std::any_of(shown.items.begin(), shown.items.end(),
                     [&](const Item& it) { return item_visible(it); });
}

const Answer* Session::reportable_answer(const Item& it) const {
  if (it.kind == ItemKind::Info || left_off(it.id) || !item_visible(it)) return nullptr;
  const Answer* given = answer(it.id);
  return given != nullptr && given->given() ? given : nullptr;
}

}  // namespace rk
