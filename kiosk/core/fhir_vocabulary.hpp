#pragma once
// Every FHIR URL and code the kiosk writes or reads, in one place (docs/fhir.md).
// The kiosk's own meaning (flags, summary sections, cards) lives in extensions under one fixed
// project URL, kProjectUrl: the reserved ".invalid" name never resolves and nobody else can own it.

#include <optional>
#include <string>
#include <string_view>

#include "questionnaire.hpp"

namespace rk::fhir {

inline constexpr std::string_view kProjectUrl = "http://readiness-kiosk.invalid/fhir";

// HL7 core and SDC extensions.
inline constexpr std::string_view kTranslation = "http://hl7.org/fhir/StructureDefinition/translation";
inline constexpr std::string_view kItemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
inline constexpr std::string_view kItemControlSystem = "http://hl7.org/fhir/questionnaire-item-control";
inline constexpr std::string_view kMinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
inline constexpr std::string_view kMaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";
inline constexpr std::string_view kSliderStep = "http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue";
inline constexpr std::string_view kMinOccurs = "http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs";
inline constexpr std::string_view kMaxOccurs = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs";
inline constexpr std::string_view kDisplayCategory =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-displayCategory";
inline constexpr std::string_view kDisplayCategorySystem = "http://hl7.org/fhir/questionnaire-display-category";
inline constexpr std::string_view kHidden = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden";
inline constexpr std::string_view kShortText = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-shortText";
inline constexpr std::string_view kEntryFormat = "http://hl7.org/fhir/StructureDefinition/entryFormat";
inline constexpr std::string_view kOptionExclusive =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive";
inline constexpr std::string_view kOrdinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
inline constexpr std::string_view kItemWeight = "http://hl7.org/fhir/StructureDefinition/itemWeight";
inline constexpr std::string_view kLoinc = "http://loinc.org";
/// LOINC 44260-8, PHQ-9 item 9 (thoughts of self-harm): imported as a safety item.
inline constexpr std::string_view kSelfHarmLoinc = "44260-8";

/// One of the kiosk's own extensions: "{kProjectUrl}/kiosk-<name>".
std::string kiosk_extension(std::string_view name);

/// The kiosk's extension names (the part after "kiosk-").
namespace ext {
inline constexpr std::string_view kMinutes = "minutes";          ///< root, valueInteger; marks a kiosk export
inline constexpr std::string_view kKind = "kind";                ///< item, valueCode: a kind sharing another's FHIR form
inline constexpr std::string_view kSummary = "summary";          ///< item, valueCode
inline constexpr std::string_view kFollowUpOf = "follow-up-of";  ///< item, valueString (a linkId)
inline constexpr std::string_view kAttribution = "attribution";  ///< item, valueString (+ translations)
inline constexpr std::string_view kFlag = "flag";                ///< answerOption or item, complex
inline constexpr std::string_view kOptionDescription = "option-description";  ///< answerOption, valueString
inline constexpr std::string_view kYesLabel = "yes-label";       ///< boolean item, valueString
inline constexpr std::string_view kNoLabel = "no-label";         ///< boolean item, valueString
}  // namespace ext

// Words the TOML format uses for kinds, summary sections and severities. The loader reads the same
// words; FHIR carries them in kiosk extensions.
std::string_view kind_word(ItemKind kind);
std::optional<ItemKind> kind_from_word(std::string_view word);
std::string_view summary_word(SummarySection section);
std::optional<SummarySection> summary_from_word(std::string_view word);
std::string_view severity_word(Severity severity);
std::optional<Severity> severity_from_word(std::string_view word);

/// PascalCase of an id ("short-check-in" → "ShortCheckIn"): Questionnaire.name must be machine-friendly.
std::string pascal_case(std::string_view id);
/// A FHIR id from ours: '_' becomes '-' (FHIR ids allow [A-Za-z0-9\-\.]{1,64}).
std::string fhir_id(std::string_view id);

}  // namespace rk::fhir
