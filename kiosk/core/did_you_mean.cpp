#include "did_you_mean.hpp"

#include <algorithm>
#include <vector>

namespace rk {
namespace {
constexpr std::size_t kLongestComparedWord = 64;

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  if (a.size() > kLongestComparedWord || b.size() > kLongestComparedWord) return std::max(a.size(), b.size());
  // Optimal string alignment: Levenshtein plus swapping two neighbours ("titel" → "title") as one edit.
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * width + j]; };
  for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.size(), b.size());
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates) {
  const std::size_t allowed = std::max<std::size_t>(1, (word.size() + 1) / 3);
  std::optional<std::string> best;
  std::size_t best_distance = allowed + 1;
  for (auto candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  if (best) return best;
  // "idle_timeout" for "idle_timeout_seconds": a shortened name is a likely mistake too.
  if (word.size() >= 4) {
    for (auto candidate : candidates) {
      const auto hit = std::search(candidate.begin(), candidate.end(), word.begin(), word.end(),
                                   [](char x, char y) { return lower(x) == lower(y); });
      if (hit != candidate.end()) return std::string(candidate);
    }
  }
  return std::nullopt;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  if (auto best = closest_match(word, candidates)) return " Did you mean '" + *best + "'?";
  return {};
}

}  // namespace rk
