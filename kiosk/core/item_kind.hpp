#pragma once
// One description of each item kind: what a questionnaire file calls it, the keys it allows, the
// shape of its answer, the summary section it feeds unless the file says otherwise, whether its
// answer is the patient's own words, and its FHIR form. The loader, the questionnaire model, the
// session engine, read-aloud and the FHIR export and import read this table (or the answer shape
// it gives); they do not switch on the kind.
//
// Places a new item kind touches (and nothing else; a made-up kind was added this way to check):
//   1. kiosk/core/item_kind.hpp      – its enumerator in ItemKind
//   2. kiosk/core/item_kind.cpp      – its row in the table, and its case in has_row (-Wswitch)
//   3. kiosk/ui/item_widgets.cpp     – how it is drawn (draw_item's switch; -Wswitch names a missing case)
//   4. questionnaires/README.md      – how a clinic writes it
//   5. tests/core/item_kind_test.cpp – what the table says of it (the count of kinds)
// A key no kind had before is one more fact: its field in Item (questionnaire.hpp) and its reading
// in loader_items.cpp (and, for FHIR to carry it, fhir_export_questionnaire.cpp and
// fhir_import_items.cpp). A FHIR form (type and itemControl) that an earlier kind already has is
// exported with the kiosk's kind extension, and the importer reads the kind back from it.
// A kind whose answer is not picks, a number or text would also need a new AnswerShape: -Wswitch
// then names each place that acts on the shape.

#include <optional>
#include <span>
#include <string_view>

namespace rk {

enum class ItemKind {
  Info,          ///< text only, nothing to answer
  SingleChoice,  ///< pick one option
  MultiChoice,   ///< pick between min_picks and max_picks options
  Ruler,         ///< a whole number from min to max (default 0..10), shown as tappable numbers
  ShortText,     ///< one line of free text, at most max_length characters
  LongText,      ///< several lines of free text, at most max_length characters
  CardPick,      ///< choose up to max_picks cards (strengths, values)
  YesNo,         ///< two options with the fixed ids "yes" and "no"
};

/// Which part of the therapist's summary an item feeds.
enum class SummarySection {
  Auto,       ///< the kind's default_summary (ItemKindInfo)
  Safety,     ///< leads the summary, before everything else (an item the clinic reviews the same visit)
  Name,       ///< first name or initials, shown in the header
  TalkAbout,  ///< "what I'd like to talk about today", quoted verbatim
  Ruler,      ///< drawn as a scale
  FollowUp,   ///< printed beside the ruler named in `follow_up_of`
  Strengths,
  Values,
  Hope,
  Notes,  ///< anything else for the therapist
  None,   ///< never on the summary
};

/// What an answer to a kind holds (Answer has one field per shape).
enum class AnswerShape {
  None,    ///< nothing to answer
  Picks,   ///< option ids
  Number,  ///< a whole number within the item's min..max
  Text,    ///< free text within max_length
};

struct ItemKindInfo {
  ItemKind kind;
  std::string_view name;                   ///< as written in files: kind = "single_choice"
  std::span<const std::string_view> keys;  ///< item keys only this kind (and others listing them) allows
  AnswerShape answer;
  SummarySection default_summary;  ///< what SummarySection::Auto means for this kind
  bool own_words = false;          ///< the answer is what the patient typed (quoted on the summary)
  bool single_pick = false;        ///< Picks: exactly one option at a time
  std::span<const std::string_view> fixed_options;  ///< Picks: the only option ids (empty: the file's)
  int default_max_length = 0;                       ///< Text: max_length when the file gives none
  bool one_line = false;                            ///< Text: no line breaks
  std::string_view fhir_type;     ///< FHIR R4 Questionnaire item.type it is exported as
  std::string_view fhir_control;  ///< its FHIR itemControl code, or empty

  /// Whether an item of this kind may have this kind-specific key.
  [[nodiscard]] bool allows(std::string_view key) const;
};

/// Every kind, in the order of ItemKind.
std::span<const ItemKindInfo> item_kinds();
/// The description of one kind.
const ItemKindInfo& describe(ItemKind kind);
/// The kind a file calls `name`, or nothing.
std::optional<ItemKind> item_kind_named(std::string_view name);
/// Every kind's file name, in table order (for messages and suggestions).
std::span<const std::string_view> item_kind_names();

}  // namespace rk
