#include "config_did_you_mean.hpp"

#include <algorithm>
#include <cctype>

namespace rk::config_detail {
namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Levenshtein distance, case-insensitive, two rows.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitute = previous[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
  if (needle.size() < 4 || needle.size() > haystack.size()) return false;
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     [](char x, char y) { return lower(x) == lower(y); }) != haystack.end();
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  std::size_t best_distance = 0;
  for (auto candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (best.empty() || d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  // A third of the word's length is a generous but still plausible typo budget.
  const std::size_t budget = std::max<std::size_t>(2, word.size() / 3);
  if (!best.empty() && best_distance <= budget) return std::string(best);
  // "idle_timeout" for "idle_timeout_seconds": a shortened key is a likely mistake too.
  for (auto candidate : candidates) {
    if (contains_ignoring_case(candidate, word)) return std::string(candidate);
  }
  return {};
}

}  // namespace rk::config_detail
