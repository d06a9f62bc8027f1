#include "item_kind.hpp"

#include <array>

namespace rk {
namespace {

using namespace std::string_view_literals;

constexpr std::array kChoiceKeys = {"option"sv};
constexpr std::array kPicksKeys = {"option"sv, "min_picks"sv, "max_picks"sv};
constexpr std::array kRulerKeys = {"min"sv, "max"sv, "min_label"sv, "max_label"sv, "flag_range"sv};
constexpr std::array kTextKeys = {"max_length"sv};
constexpr std::array kYesNoIds = {"yes"sv, "no"sv};

constexpr int kShortTextDefaultLength = 80;
constexpr int kLongTextDefaultLength = 1000;

// clang-format off
constexpr std::array kKinds = {
//  kind                    name             keys         answer               default summary          own words single  fixed      length                   one line  FHIR type   FHIR control
  ItemKindInfo{ItemKind::Info,         "info",          {},          AnswerShape::None,   SummarySection::None,  false, false, {},        0,                       false, "display", ""},
  ItemKindInfo{ItemKind::SingleChoice, "single_choice", kChoiceKeys, AnswerShape::Picks,  SummarySection::Notes, false, true,  {},        0,                       false, "choice",  "radio-button"},
  ItemKindInfo{ItemKind::MultiChoice,  "multi_choice",  kPicksKeys,  AnswerShape::Picks,  SummarySection::Notes, false, false, {},        0,                       false, "choice",  "check-box"},
  ItemKindInfo{ItemKind::Ruler,        "ruler",         kRulerKeys,  AnswerShape::Number, SummarySection::Ruler, false, false, {},        0,                       false, "integer", "slider"},
  ItemKindInfo{ItemKind::ShortText,    "short_text",    kTextKeys,   AnswerShape::Text,   SummarySection::Notes, true,  false, {},        kShortTextDefaultLength, true,  "string",  ""},
  ItemKindInfo{ItemKind::LongText,     "long_text",     kTextKeys,   AnswerShape::Text,   SummarySection::Notes, true,  false, {},        kLongTextDefaultLength,  false, "text",    ""},
  ItemKindInfo{ItemKind::CardPick,     "card_pick",     kPicksKeys,  AnswerShape::Picks,  SummarySection::Notes, false, false, {},        0,                       false, "choice",  "check-box"},
  ItemKindInfo{ItemKind::YesNo,        "yes_no",        kChoiceKeys, AnswerShape::Picks,  SummarySection::Notes, false, true,  kYesNoIds, 0,                       false, "boolean", ""},
};
// clang-format on

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (static_cast<std::size_t>(kKinds[i].kind) != i) return false;
  }
  return true;
}
static_assert(in_enum_order(), "kKinds lists every ItemKind once, in the order of the enum");

/// A new ItemKind without a case here fails the build (-Wswitch): give it a row in kKinds too.
constexpr bool has_row(ItemKind kind) {
  switch (kind) {
    case ItemKind::Info:
    case ItemKind::SingleChoice:
    case ItemKind::MultiChoice:
    case ItemKind::Ruler:
    case ItemKind::ShortText:
    case ItemKind::LongText:
    case ItemKind::CardPick:
    case ItemKind::YesNo:
      return static_cast<std::size_t>(kind) < kKinds.size();
  }
  return false;
}

constexpr auto kNames = [] {
  std::array<std::string_view, kKinds.size()> names{};
  for (std::size_t i = 0; i < kKinds.size(); ++i) names[i] = kKinds[i].name;
  return names;
}();

}  // namespace

bool ItemKindInfo::allows(std::string_view key) const {
  for (auto own : keys) {
    if (own == key) return true;
  }
  return false;
}

std::span<const ItemKindInfo> item_kinds() {
  return kKinds;
}

const ItemKindInfo& describe(ItemKind kind) {
  return kKinds[has_row(kind) ? static_cast<std::size_t>(kind) : 0];
}

std::optional<ItemKind> item_kind_named(std::string_view name) {
  for (const auto& info : kKinds) {
    if (info.name == name) return info.kind;
  }
  return std::nullopt;
}

std::span<const std::string_view> item_kind_names() {
  return kNames;
}

}  // namespace rk
