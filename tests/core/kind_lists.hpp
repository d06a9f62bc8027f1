#pragma once
// The lists the loader's messages take from the table of item kinds (item_kind.hpp), written out
// for tests that expect such a message: built from the table, so a new kind touches no test here.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "item_kind.hpp"

namespace rk::test {

inline std::string comma_list(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

/// The keys an item may have, as a message lists them: the keys of every item, then each kind's
/// own keys, first mention first.
inline std::string listed_item_keys() {
  std::vector<std::string_view> keys = {"id",       "kind",    "text",    "help",         "summary_label",
                                        "required", "show_if", "summary", "follow_up_of", "attribution"};
  for (const auto& kind : item_kinds()) {
    for (auto key : kind.keys) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
  }
  return comma_list(keys);
}

/// The kinds that allow `key`, in table order: "ruler".
inline std::string listed_kinds_allowing(std::string_view key) {
  std::vector<std::string_view> names;
  for (const auto& kind : item_kinds()) {
    if (kind.allows(key)) names.push_back(kind.name);
  }
  return comma_list(names);
}

/// Every kind's name in table order: "info, single_choice, ...".
inline std::string listed_kind_names() {
  const auto names = item_kind_names();
  return comma_list({names.begin(), names.end()});
}

}  // namespace rk::test
