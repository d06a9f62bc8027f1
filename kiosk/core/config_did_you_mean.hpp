#pragma once
// "Did you mean ...?" for misspelt config keys (private to the config loader).

#include <string>
#include <string_view>
#include <vector>

namespace rk::config_detail {

/// The candidate closest to `word` by edit distance (case-insensitive), or "" when none is close
/// enough to be a plausible typo.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace rk::config_detail
