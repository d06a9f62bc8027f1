#include "toml_support.hpp"

#include <algorithm>
#include <climits>

namespace rk {

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
  switch (node.type()) {
    case toml::node_type::string:
      return "text";
    case toml::node_type::integer:
      return "a whole number";
    case toml::node_type::floating_point:
      return "a decimal number";
    case toml::node_type::boolean:
      return "true/false";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "a list";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return "a date or time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

}  // namespace rk
