#include "fhir_vocabulary.hpp"

#include <array>
#include <utility>

namespace rk::fhir {
namespace {
using namespace std::string_view_literals;

constexpr std::array kKinds = {
    std::pair{ItemKind::Info, "info"sv},          std::pair{ItemKind::SingleChoice, "single_choice"sv},
    std::pair{ItemKind::MultiChoice, "multi_choice"sv}, std::pair{ItemKind::Ruler, "ruler"sv},
    std::pair{ItemKind::ShortText, "short_text"sv}, std::pair{ItemKind::LongText, "long_text"sv},
    std::pair{ItemKind::CardPick, "card_pick"sv}, std::pair{ItemKind::YesNo, "yes_no"sv},
};
constexpr std::array kSections = {
    std::pair{SummarySection::Safety, "safety"sv},       std::pair{SummarySection::Name, "name"sv},
    std::pair{SummarySection::TalkAbout, "talk_about"sv}, std::pair{SummarySection::Ruler, "ruler"sv},
    std::pair{SummarySection::FollowUp, "follow_up"sv},  std::pair{SummarySection::Strengths, "strengths"sv},
    std::pair{SummarySection::Values, "values"sv},       std::pair{SummarySection::Hope, "hope"sv},
    std::pair{SummarySection::Notes, "notes"sv},         std::pair{SummarySection::None, "none"sv},
};
constexpr std::array kSeverities = {
    std::pair{Severity::Notice, "notice"sv},
    std::pair{Severity::Soon, "soon"sv},
    std::pair{Severity::Urgent, "urgent"sv},
};

template <typename Table, typename Value>
std::string_view word_of(const Table& table, Value v) {
  for (const auto& [value, word] : table) {
    if (value == v) return word;
  }
  return {};
}
template <typename Table>
auto value_of(const Table& table, std::string_view w) -> std::optional<decltype(table[0].first)> {
  for (const auto& [value, word] : table) {
    if (word == w) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string kiosk_extension(std::string_view name) {
  return std::string(kProjectUrl) + "/kiosk-" + std::string(name);
}

std::string_view kind_word(ItemKind kind) { return word_of(kKinds, kind); }
std::optional<ItemKind> kind_from_word(std::string_view word) { return value_of(kKinds, word); }
std::string_view summary_word(SummarySection section) { return word_of(kSections, section); }
std::optional<SummarySection> summary_from_word(std::string_view word) { return value_of(kSections, word); }
std::string_view severity_word(Severity severity) { return word_of(kSeverities, severity); }
std::optional<Severity> severity_from_word(std::string_view word) { return value_of(kSeverities, word); }

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
