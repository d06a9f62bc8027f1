// How the loader's messages are worded and where they point.
#include "loader.hpp"
#include "toml_support.hpp"

namespace rk::loader {

SourceLocation location_of(const toml::source_position& position) {
  return toml_location(position);
}

SourceLocation location_of(const toml::source_region& region) {
  return toml_location(region);
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
  error(node, in_quotes(key) + " must be " + std::string(expected) + ", not " + toml_type_name(node) +
                  ". For example: " + std::string(example));
}
}  // namespace rk::loader
