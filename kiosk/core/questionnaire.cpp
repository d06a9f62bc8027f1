#include "questionnaire.hpp"

#include <algorithm>

namespace rk {

const Option* Item::find_option(std::string_view option_id) const {
  for (const auto& option : options) {
    if (option.id == option_id) return &option;
  }
  return nullptr;
}

int Item::effective_max_picks() const {
  if (describe(kind).single_pick) return 1;
  if (max_picks > 0) return max_picks;
  return static_cast<int>(std::min<std::size_t>(options.size(), 1'000'000));
}

SummarySection Item::effective_summary() const {
  if (summary != SummarySection::Auto) return summary;
  return describe(kind).default_summary;
}

const Item* Questionnaire::find_item(std::string_view item_id) const {
  for (const auto& page : pages) {
    for (const auto& item : page.items) {
      if (item.id == item_id) return &item;
    }
  }
  return nullptr;
}

int Questionnaire::page_of(std::string_view item_id) const {
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const auto& item : pages[p].items) {
      if (item.id == item_id) return static_cast<int>(p);
    }
  }
  return -1;
}

bool Questionnaire::has_language(std::string_view language) const {
  return std::find(languages.begin(), languages.end(), language) != languages.end();
}

}  // namespace rk
