// Unknown keys, and keys that belong to another kind of item.
#include "loader_keys.hpp"

#include <algorithm>

#include "did_you_mean.hpp"
#include "loader.hpp"

namespace rk::loader {

std::span<const std::string_view> item_keys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> all(kCommonItemKeys.begin(), kCommonItemKeys.end());
    for (const auto& kind : item_kinds()) {
      for (auto key : kind.keys) {
        if (std::find(all.begin(), all.end(), key) == all.end()) all.push_back(key);
      }
    }
    return all;
  }();
  return keys;
}

std::vector<ItemKind> kinds_allowing(std::string_view key) {
  std::vector<ItemKind> kinds;
  for (const auto& kind : item_kinds()) {
    if (std::find(kind.keys.begin(), kind.keys.end(), key) != kind.keys.end()) kinds.push_back(kind.kind);
  }
  return kinds;
}

void Loader::check_keys(const toml::table& table, std::span<const std::string_view> allowed,
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

void Loader::check_kind_keys(const toml::table& table, ItemKind kind) {
  for (auto&& [key, value] : table) {
    const auto kinds = kinds_allowing(key.str());
    if (kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) continue;
    std::vector<std::string> names;
    for (auto k : kinds) names.emplace_back(describe(k).name);
    error(location_of(key.source()), in_quotes(key.str()) + " does not apply to a " +
                                         std::string(describe(kind).name) + " item (only to " +
                                         joined(names) + "). Remove it, or change the kind.");
  }
}

}  // namespace rk::loader
