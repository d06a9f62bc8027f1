#pragma once
// The questionnaire a clinic writes, as loaded from questionnaires/*.toml.
// Plain values only: no parsing, no drawing. See questionnaires/README.md for the file format.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"
#include "item_kind.hpp"
#include "text.hpp"

namespace rk {

/// How soon a therapist should see a flag. The summary lists flags most urgent first.
enum class Severity { Notice, Soon, Urgent };

/// Raised by an answer; shown first on the summary, in a box.
struct Flag {
  Severity severity = Severity::Soon;
  Text summary;          ///< what the therapist's summary shows
  Text patient_message;  ///< optional: shown to the patient (for example "please tell the front desk")
};

struct Option {
  std::string id;
  Text label;
  Text description;  ///< optional second line (cards)
  std::optional<Flag> flag;
  SourceLocation where;
};

enum class ConditionOp {
  Equals,    ///< the answer is (or, for multiple picks, includes) values[0]
  OneOf,     ///< the answer is (or includes) one of values
  AtLeast,   ///< a ruler answer >= number
  AtMost,    ///< a ruler answer <= number
  Answered,  ///< the item has any answer
};

/// Show a page or an item only when an earlier answer matches.
struct Condition {
  std::string item;  ///< id of an earlier item
  ConditionOp op = ConditionOp::Answered;
  std::vector<std::string> values;  ///< option ids for Equals / OneOf
  int number = 0;                   ///< for AtLeast / AtMost
  SourceLocation where;
};

/// A flag raised when a ruler answer falls in [min, max].
struct RulerFlag {
  int min = 0;
  int max = 0;
  Flag flag;
  SourceLocation where;
};

struct Item {
  std::string id;
  ItemKind kind = ItemKind::Info;
  Text text;           ///< the question or the information; may pipe answers: "You chose {importance}."
  Text help;           ///< optional smaller line under the question
  Text summary_label;  ///< optional short label for the summary; defaults to `text`
  bool required = false;             ///< items are optional unless a file says otherwise
  std::vector<Condition> show_if;    ///< all must hold for the item to show
  SummarySection summary = SummarySection::Auto;
  std::string follow_up_of;          ///< for SummarySection::FollowUp: the ruler's id

  // SingleChoice, MultiChoice, CardPick, YesNo
  std::vector<Option> options;
  int min_picks = 0;  ///< MultiChoice / CardPick: fewest picks when answered
  int max_picks = 0;  ///< MultiChoice / CardPick: most picks; 0 means "as many as there are options"

  // Ruler
  int min = 0;
  int max = 10;
  Text min_label;  ///< label under the lowest number
  Text max_label;  ///< label under the highest number
  std::vector<RulerFlag> ruler_flags;

  // ShortText, LongText
  int max_length = 0;  ///< in characters (code points); 0 means the loader's default

  Text attribution;  ///< credit printed in the summary footer (for example the Values Card Sort)
  SourceLocation where;

  /// The option with this id, or nullptr.
  [[nodiscard]] const Option* find_option(std::string_view option_id) const;
  /// max_picks with 0 resolved to the number of options.
  [[nodiscard]] int effective_max_picks() const;
  /// `summary` with Auto resolved from the kind (its default_summary).
  [[nodiscard]] SummarySection effective_summary() const;
};

struct Page {
  std::string id;
  Text title;                      ///< optional heading
  std::vector<Item> items;
  std::vector<Condition> show_if;  ///< all must hold for the page to show
  SourceLocation where;
};

struct Questionnaire {
  std::string id;
  Text title;
  std::string version;
  int minutes = 0;                     ///< estimated minutes to finish
  std::vector<std::string> languages;  ///< every language the file translates, in display order
  std::vector<SourceLocation> language_where;  ///< where each of `languages` is written (for messages)
  std::string default_language;
  Text intro;                          ///< optional text for the welcome screen
  std::vector<Page> pages;
  std::string source_path;             ///< for messages

  /// The item with this id, or nullptr.
  [[nodiscard]] const Item* find_item(std::string_view item_id) const;
  /// Index of the page that holds the item, or -1.
  [[nodiscard]] int page_of(std::string_view item_id) const;
  [[nodiscard]] bool has_language(std::string_view language) const;
};

/// What loading a questionnaire gives: the questionnaire when it is valid, every problem otherwise.
struct LoadResult {
  std::optional<Questionnaire> questionnaire;
  Diagnostics errors;
  [[nodiscard]] bool ok() const { return questionnaire.has_value() && errors.empty(); }
};

/// Parses and validates. Never throws, never crashes, whatever the bytes.
LoadResult load_questionnaire_text(std::string_view toml_text, const std::string& path_for_messages);
LoadResult load_questionnaire_file(const std::string& path);

}  // namespace rk
