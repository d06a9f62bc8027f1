#include "fhir_vocabulary.hpp"

#include "item_kind.hpp"
#include "loader_keys.hpp"

namespace rk::fhir {
namespace {

/// The word at the same place as `v` in the loader's tables (loader_keys.hpp), so TOML and FHIR
/// use the same words.
template <typename Words, typename Values, typename Value>
std::string_view word_of(const Words& words, const Values& values, Value v) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] == v) return words[i];
  }
  return {};
}
template <typename Words, typename Values>
auto value_of(const Words& words, const Values& values, std::string_view w) -> std::optional<typename Values::value_type> {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == w) return values[i];
  }
  return std::nullopt;
}

}  // namespace

std::string kiosk_extension(std::string_view name) {
  return std::string(kProjectUrl) + "/kiosk-" + std::string(name);
}

std::string_view kind_word(ItemKind kind) { return describe(kind).name; }
std::optional<ItemKind> kind_from_word(std::string_view word) { return item_kind_named(word); }
std::string_view summary_word(SummarySection section) {
  return word_of(loader::kSummaryNames, loader::kSummaries, section);
}
std::optional<SummarySection> summary_from_word(std::string_view word) {
  return value_of(loader::kSummaryNames, loader::kSummaries, word);
}
std::string_view severity_word(Severity severity) {
  return word_of(loader::kSeverityNames, loader::kSeverities, severity);
}
std::optional<Severity> severity_from_word(std::string_view word) {
  return value_of(loader::kSeverityNames, loader::kSeverities, word);
}

std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  if (out.empty() || !(out[0] >= 'A' && out[0] <= 'Z')) out = "Q" + out;  // que-0: starts upper-case
  return out;
}

std::string fhir_id(std::string_view id) {
  std::string out(id);
  for (char& c : out) {
    if (c == '_') c = '-';
  }
  return out;
}

}  // namespace rk::fhir
