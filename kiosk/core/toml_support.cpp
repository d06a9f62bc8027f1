#include "toml_support.hpp"

#include <algorithm>
#include <climits>
#include <string_view>
#include <utility>

namespace rk {
namespace {

// What clinic staff read in a message, for each type toml++ knows.
constexpr std::pair<toml::node_type, std::string_view> kTypeNames[] = {
    {toml::node_type::string, "text"},
    {toml::node_type::integer, "a whole number"},
    {toml::node_type::floating_point, "a decimal number"},
    {toml::node_type::boolean, "true/false"},
    {toml::node_type::table, "a table"},
    {toml::node_type::array, "a list"},
    {toml::node_type::date, "a date or time"},
    {toml::node_type::time, "a date or time"},
    {toml::node_type::date_time, "a date or time"},
};

}  // namespace

SourceLocation toml_location(const toml::source_position& position) {
  if (position.line == 0) return SourceLocation{1, 1};
  const auto clamp = [](toml::source_index v) {
    return static_cast<int>(std::min<toml::source_index>(v, INT_MAX));
  };
  return SourceLocation{clamp(position.line), std::max(1, clamp(position.column))};
}

SourceLocation toml_location(const toml::source_region& region) {
  return toml_location(region.begin);
}

std::string toml_type_name(const toml::node& node) {
  for (const auto& [type, name] : kTypeNames) {
    if (type == node.type()) return std::string(name);
  }
  return "nothing";
}

}  // namespace rk
