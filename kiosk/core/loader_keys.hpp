#pragma once
// The key tables of a questionnaire file, and the words some keys take. Item kinds and the keys
// each kind allows are described in item_kind.hpp.

#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "questionnaire.hpp"

namespace rk::loader {

using namespace std::string_view_literals;

inline constexpr std::array kTopKeys = {
    "id"sv, "version"sv, "minutes"sv, "languages"sv, "default_language"sv, "title"sv, "intro"sv, "page"sv};
inline constexpr std::array kPageKeys = {"id"sv, "title"sv, "show_if"sv, "item"sv};
/// Keys every item may have, whatever its kind.
inline constexpr std::array kCommonItemKeys = {
    "id"sv,       "kind"sv,    "text"sv,    "help"sv,         "summary_label"sv,
    "required"sv, "show_if"sv, "summary"sv, "follow_up_of"sv, "attribution"sv};
inline constexpr std::array kOptionKeys = {"id"sv, "label"sv, "description"sv, "flag"sv};
inline constexpr std::array kFlagKeys = {"severity"sv, "summary"sv, "message"sv};
inline constexpr std::array kFlagRangeKeys = {"min"sv, "max"sv, "severity"sv, "summary"sv, "message"sv};
inline constexpr std::array kConditionKeys = {"item"sv,     "equals"sv,  "one_of"sv,
                                              "at_least"sv, "at_most"sv, "answered"sv};
inline constexpr std::array kOperatorKeys = {"equals"sv, "one_of"sv, "at_least"sv, "at_most"sv, "answered"sv};

/// summary = "..." (in the order of the words).
inline constexpr std::array kSummaryNames = {"safety"sv,    "name"sv,      "talk_about"sv, "ruler"sv,
                                             "follow_up"sv, "strengths"sv, "values"sv,     "hope"sv,
                                             "notes"sv,     "none"sv};
inline constexpr std::array kSummaries = {
    SummarySection::Safety,   SummarySection::Name,      SummarySection::TalkAbout, SummarySection::Ruler,
    SummarySection::FollowUp, SummarySection::Strengths, SummarySection::Values,    SummarySection::Hope,
    SummarySection::Notes,    SummarySection::None};
static_assert(kSummaryNames.size() == kSummaries.size());

/// severity = "..." in a flag.
inline constexpr std::array kSeverityNames = {"notice"sv, "soon"sv, "urgent"sv};
inline constexpr std::array kSeverities = {Severity::Notice, Severity::Soon, Severity::Urgent};
static_assert(kSeverityNames.size() == kSeverities.size());

/// Every key an item may have: the common ones, then each kind's own (item_kind.cpp), once each.
std::span<const std::string_view> item_keys();
/// The kinds that allow a kind-specific key, in table order; empty for keys every item may have.
std::vector<ItemKind> kinds_allowing(std::string_view key);

}  // namespace rk::loader
