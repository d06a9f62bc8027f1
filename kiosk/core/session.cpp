// The session's state machine: start, navigation (next, back, review, edit), progress, required
// checks. Visibility lives in session_conditions.cpp, answers in session_answers.cpp, piping in
// session_piping.cpp, the summary in session_finish.cpp.
#include "session.hpp"

namespace rk {

Session::Session(const Questionnaire& questionnaire) : questionnaire_(&questionnaire) {
  for (std::size_t p = 0; p < questionnaire.pages.size(); ++p) {
    for (const auto& it : questionnaire.pages[p].items) {
      // The first of two equal ids wins (the loader refuses duplicates anyway).
      items_by_id_.emplace(it.id, &it);
      page_by_item_.emplace(it.id, static_cast<int>(p));
    }
  }
  language_ = questionnaire.default_language;
  if (language_.empty() && !questionnaire.languages.empty()) language_ = questionnaire.languages.front();
}

const Item* Session::item(std::string_view item_id) const {
  const auto found = items_by_id_.find(item_id);
  return found == items_by_id_.end() ? nullptr : found->second;
}

int Session::page_of(std::string_view item_id) const {
  const auto found = page_by_item_.find(item_id);
  return found == page_by_item_.end() ? -1 : found->second;
}

void Session::start(const std::string& language, Clock::time_point now) {
  if (stage_ != Stage::Welcome) return;
  if (questionnaire_->has_language(language)) set_language(language);
  // Back from the first page returns to Welcome with the answers kept: starting again resumes
  // the same session and its clock.
  if (!started_) started_at_ = now;
  started_ = true;
  return_to_review_ = false;
  const int first = next_visible_page(-1);
  if (first < 0) {
    stage_ = Stage::Review;  // nothing to ask under these conditions
    return;
  }
  page_ = first;
  stage_ = Stage::Page;
}

void Session::set_language(const std::string& language) {
  if (questionnaire_->has_language(language)) language_ = language;
}

const Page& Session::page() const {
  static const Page kNoPage;  // only for a questionnaire without pages
  if (page_ < 0 || static_cast<std::size_t>(page_) >= questionnaire_->pages.size()) return kNoPage;
  return questionnaire_->pages[static_cast<std::size_t>(page_)];
}

std::vector<const Item*> Session::visible_items() const {
  std::vector<const Item*> shown;
  for (const auto& it : page().items) {
    if (item_visible(it)) shown.push_back(&it);
  }
  return shown;
}

Session::Progress Session::progress() const {
  Progress progress;
  const int pages = static_cast<int>(questionnaire_->pages.size());
  for (int p = 0; p < pages; ++p) {
    if (!page_visible(p)) continue;
    ++progress.total;
    if (stage_ == Stage::Page && p <= page_) progress.current = progress.total;
  }
  if (stage_ == Stage::Review || stage_ == Stage::Done) progress.current = progress.total;
  // A current page hidden by an answer on it still counts as the page the patient is on.
  if (stage_ == Stage::Page && !page_visible(page_)) {
    ++progress.total;
    ++progress.current;
  }
  return progress;
}

std::vector<const Item*> Session::missing_required() const {
  std::vector<const Item*> missing;
  if (stage_ != Stage::Page) return missing;
  for (const Item* shown : visible_items()) {
    if (shown->kind == ItemKind::Info) continue;
    const Answer* given = answer(shown->id);
    const bool unanswered = given == nullptr || !given->given();
    const bool short_of_picks =
        given != nullptr && !given->picks.empty() && static_cast<int>(given->picks.size()) < shown->min_picks;
    if ((shown->required && unanswered) || short_of_picks) missing.push_back(shown);
  }
  return missing;
}

std::vector<const Item*> Session::too_few_picks() const {
  std::vector<const Item*> short_of;
  for (const auto& [id, given] : answers_) {
    const Item* it = item(id);
    if (it == nullptr || given.picks.empty()) continue;
    if (static_cast<int>(given.picks.size()) < it->min_picks && item_visible(*it)) short_of.push_back(it);
  }
  return short_of;
}

bool Session::back_to_review() {
  if (!return_to_review_) return false;
  return_to_review_ = false;
  stage_ = Stage::Review;
  return true;
}

bool Session::next() {
  if (stage_ != Stage::Page) return false;
  if (!missing_required().empty()) return false;
  if (back_to_review()) return true;
  const int following = next_visible_page(page_);
  if (following < 0) {
    stage_ = Stage::Review;
  } else {
    page_ = following;
  }
  return true;
}

bool Session::back() {
  if (stage_ == Stage::Review) {
    const int last = previous_visible_page(static_cast<int>(questionnaire_->pages.size()));
    if (last < 0) return false;
    page_ = last;
    stage_ = Stage::Page;
    return true;
  }
  if (stage_ != Stage::Page) return false;
  if (back_to_review()) return true;  // where the patient came from
  const int previous = previous_visible_page(page_);
  if (previous < 0) {
    stage_ = Stage::Welcome;
    return false;
  }
  page_ = previous;
  return true;
}

void Session::review() {
  if (stage_ != Stage::Page) return;
  return_to_review_ = false;
  stage_ = Stage::Review;
}

bool Session::edit(const std::string& item_id) {
  if (stage_ != Stage::Review) return false;
  const Item* it = item(item_id);
  if (it == nullptr || !item_visible(*it)) return false;
  page_ = page_of(item_id);
  stage_ = Stage::Page;
  return_to_review_ = true;
  return true;
}

int Session::next_visible_page(int from) const {
  const int pages = static_cast<int>(questionnaire_->pages.size());
  for (int p = from + 1; p < pages; ++p) {
    if (page_visible(p)) return p;
  }
  return -1;
}

int Session::previous_visible_page(int from) const {
  for (int p = from - 1; p >= 0; --p) {
    if (page_visible(p)) return p;
  }
  return -1;
}

}  // namespace rk
