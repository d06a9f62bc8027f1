// How the loader's messages are worded and where they point.
#include <algorithm>
#include <climits>

#include "loader.hpp"

namespace rk::loader {

SourceLocation location_of(const toml::source_position& position) {
  if (position.line == 0) return SourceLocation{1, 1};
  const auto clamp = [](toml::source_index v) {
    return static_cast<int>(std::min<toml::source_index>(v, INT_MAX));
  };
  return SourceLocation{clamp(position.line), std::max(1, clamp(position.column))};
}

SourceLocation location_of(const toml::source_region& region) {
  return location_of(region.begin);
}

std::string in_quotes(std::string_view s) {
  return "'" + std::string(s) + "'";
}

std::string joined(std::span<const std::string_view> words) {
  std::string out;
  for (auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

std::string joined_briefly(const std::vector<std::string_view>& words) {
  constexpr std::size_t kShown = 12;
  if (words.size() <= kShown) return joined(std::span<const std::string_view>(words));
  return joined(std::span<const std::string_view>(words.data(), kShown)) + " and " +
         std::to_string(words.size() - kShown) + " more";
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

namespace {

std::string type_description(const toml::node& node) {
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

}  // namespace

void Loader::error(SourceLocation where, std::string message) {
  errors_.push_back(Diagnostic{path_, where, std::move(message)});
}

void Loader::error(const toml::node& node, std::string message) {
  error(location_of(node.source()), std::move(message));
}

void Loader::missing(const toml::table& table, std::string_view key, std::string_view what,
                     std::string_view example) {
  error(table,
        std::string(what) + " has no " + in_quotes(key) + ". Add it, for example: " + std::string(example));
}

void Loader::wrong_type(const toml::node& node, std::string_view key, std::string_view expected,
                        std::string_view example) {
  error(node, in_quotes(key) + " must be " + std::string(expected) + ", not " + type_description(node) +
                  ". For example: " + std::string(example));
}
}  // namespace rk::loader
