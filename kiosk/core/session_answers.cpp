// Setting, checking and forgetting answers. An answer that does not fit its item is refused whole,
// never trimmed, so what the patient sees is what the summary says.
#include <algorithm>
#include <set>

#include "session.hpp"
#include "utf8.hpp"

namespace rk {
namespace {

/// When a file leaves max_length at 0 and nothing filled it in: generous, but bounded, so one
/// answer cannot eat the kiosk's memory.
constexpr std::size_t kFallbackMaxLength = 4000;

/// Overwrites the bytes before the string lets go of them (answers never linger in freed memory).
void scrub(std::string& text) {
  volatile char* bytes = text.data();
  for (std::size_t i = 0; i < text.size(); ++i) bytes[i] = '\0';
  text.clear();
}

void scrub(Answer& answer) {
  scrub(answer.text);
  for (auto& pick : answer.picks) scrub(pick);
  answer.picks.clear();
  answer.value.reset();
}

bool option_exists(const Item& it, const std::string& option_id) {
  if (it.find_option(option_id) != nullptr) return true;
  // A kind with fixed option ids (yes/no) may come without spelled-out options.
  const auto fixed = describe(it.kind).fixed_options;
  return it.options.empty() && std::find(fixed.begin(), fixed.end(), option_id) != fixed.end();
}

bool picks_fit(const Item& it, const std::vector<std::string>& picks) {
  if (picks.empty()) return false;
  const std::set<std::string> distinct(picks.begin(), picks.end());
  if (distinct.size() != picks.size()) return false;
  if (static_cast<long long>(picks.size()) > static_cast<long long>(it.effective_max_picks())) return false;
  return std::all_of(picks.begin(), picks.end(),
                     [&](const std::string& id) { return option_exists(it, id); });
}

bool text_fits(const Item& it, const std::string& text) {
  const std::optional<std::size_t> length = utf8_length(text);
  if (!length) return false;
  const std::size_t limit = it.max_length > 0 ? static_cast<std::size_t>(it.max_length) : kFallbackMaxLength;
  if (*length > limit) return false;
  if (describe(it.kind).one_line && text.find_first_of("\r\n") != std::string::npos) return false;
  return text.find('\0') == std::string::npos;
}

/// Does the answer fit the item? (An empty answer is handled before: it clears.)
bool answer_fits(const Item& it, const Answer& answer) {
  switch (describe(it.kind).answer) {
    case AnswerShape::None:
      return false;
    case AnswerShape::Picks:
      return !answer.value.has_value() && answer.text.empty() && picks_fit(it, answer.picks);
    case AnswerShape::Number:
      return answer.picks.empty() && answer.text.empty() && answer.value.has_value() &&
             *answer.value >= it.min && *answer.value <= it.max;
    case AnswerShape::Text:
      return answer.picks.empty() && !answer.value.has_value() && text_fits(it, answer.text);
  }
  return false;
}

}  // namespace

bool Session::set_answer(const std::string& item_id, Answer given) {
  const Item* it = item(item_id);
  if (it == nullptr || it->kind == ItemKind::Info) return false;
  if (!given.given()) {
    clear_answer(item_id);
    return true;
  }
  if (!answer_fits(*it, given)) {
    scrub(given);
    return false;
  }
  visibility_.clear();
  auto found = answers_.find(item_id);
  if (found == answers_.end()) {
    answers_.emplace(item_id, std::move(given));
  } else {
    scrub(found->second);
    found->second = std::move(given);
  }
  return true;
}

void Session::clear_answer(const std::string& item_id) {
  forget_answer(item_id);
  left_off_.erase(item_id);
}

void Session::forget_answer(const std::string& item_id) {
  auto found = answers_.find(item_id);
  if (found == answers_.end()) return;
  scrub(found->second);
  answers_.erase(found);
  visibility_.clear();
}

const Answer* Session::answer(const std::string& item_id) const {
  const auto found = answers_.find(item_id);
  return found == answers_.end() ? nullptr : &found->second;
}

bool Session::toggle_pick(const std::string& item_id, const std::string& option_id) {
  const Item* it = item(item_id);
  if (it == nullptr || describe(it->kind).answer != AnswerShape::Picks || !option_exists(*it, option_id))
    return false;
  std::vector<std::string> picks;
  if (const Answer* current = answer(item_id)) picks = current->picks;
  const auto found = std::find(picks.begin(), picks.end(), option_id);
  if (found != picks.end()) {
    picks.erase(found);
  } else if (it->effective_max_picks() == 1) {
    picks = {option_id};  // a single choice: tapping another option moves the pick
  } else {
    picks.push_back(option_id);
  }
  return set_answer(item_id, Answer::picks_of(std::move(picks)));
}

void Session::set_left_off(const std::string& item_id, bool leave_off) {
  if (item(item_id) == nullptr) return;
  if (leave_off) {
    left_off_.insert(item_id);
  } else {
    left_off_.erase(item_id);
  }
}

bool Session::left_off(const std::string& item_id) const {
  return left_off_.count(item_id) > 0;
}

void Session::wipe() {
  for (auto& [id, given] : answers_) scrub(given);
  answers_.clear();
  visibility_.clear();
  left_off_.clear();
  stage_ = Stage::Welcome;
  page_ = 0;
  return_to_review_ = false;
  started_ = false;
  started_at_ = {};
  language_ = questionnaire_->default_language;
  if (language_.empty() && !questionnaire_->languages.empty()) language_ = questionnaire_->languages.front();
}

}  // namespace rk
