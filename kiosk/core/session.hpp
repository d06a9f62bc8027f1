#pragma once
// The patient's walk through a questionnaire: a plain state machine, no screens.
//
//   Welcome --start--> Page 0 --next--> ... --next--> Review --finish--> Done --wipe--> Welcome
//
// Pages whose conditions do not hold are skipped by next and back. Answers to items that are hidden
// at finish never reach the summary. wipe() forgets every answer.

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "answer.hpp"
#include "questionnaire.hpp"
#include "summary.hpp"

namespace rk {

class Session {
 public:
  using Clock = std::chrono::system_clock;
  enum class Stage { Welcome, Page, Review, Done };

  /// The questionnaire must outlive the session.
  explicit Session(const Questionnaire& questionnaire);

  [[nodiscard]] const Questionnaire& questionnaire() const { return *questionnaire_; }
  [[nodiscard]] Stage stage() const { return stage_; }

  /// Welcome → the first visible page. `language` must be one the questionnaire declares
  /// (otherwise its default language is used).
  void start(const std::string& language, Clock::time_point now);

  [[nodiscard]] const std::string& language() const { return language_; }
  /// Switches language at any stage; answers are kept.
  void set_language(const std::string& language);

  // --- Pages -------------------------------------------------------------------------------
  /// Index of the current page (meaningful in Stage::Page).
  [[nodiscard]] int page_index() const { return page_; }
  [[nodiscard]] const Page& page() const;
  [[nodiscard]] bool page_visible(int index) const;
  [[nodiscard]] bool item_visible(const Item& item) const;
  /// Visible items of the current page, in file order.
  [[nodiscard]] std::vector<const Item*> visible_items() const;

  struct Progress {
    int current = 0;  ///< 1-based number of the current visible page
    int total = 0;    ///< visible pages, as far as the answers so far tell
  };
  [[nodiscard]] Progress progress() const;

  /// Required visible items on the current page that have no answer, and visible items on it with
  /// some picks but fewer than their min_picks: exactly what next() waits for (empty when it won't).
  [[nodiscard]] std::vector<const Item*> missing_required() const;

  /// To the next visible page, or to Review after the last one (or straight back to Review after
  /// edit()). Returns false, and stays, while a required item on this page is unanswered.
  bool next();
  /// To the previous visible page. From the first page: back to Welcome (answers kept) and false.
  /// From Review: to the last visible page.
  bool back();
  /// Straight to Review from any page.
  void review();
  /// From Review: open the page holding this item; next() then returns to Review.
  bool edit(const std::string& item_id);

  // --- Answers -------------------------------------------------------------------------------
  /// Sets an answer. Returns false (and changes nothing) when the item does not exist, cannot be
  /// answered, or the answer does not fit it (unknown option, out-of-range number, too many picks,
  /// text over max_length). Picks beyond max_picks are refused, not trimmed.
  bool set_answer(const std::string& item_id, Answer answer);
  void clear_answer(const std::string& item_id);
  /// The answer, or nullptr when there is none.
  [[nodiscard]] const Answer* answer(const std::string& item_id) const;
  /// Convenience for the UI: toggles one option of a multiple choice or card pick, within max_picks.
  bool toggle_pick(const std::string& item_id, const std::string& option_id);

  /// "Leave this off my summary", from the review screen. The answer is kept for editing.
  void set_left_off(const std::string& item_id, bool left_off);
  [[nodiscard]] bool left_off(const std::string& item_id) const;

  /// Flags raised by the current visible answers (for patient messages), most urgent first.
  [[nodiscard]] std::vector<Flag> raised_flags() const;

  /// One flag an answer raises, and the part of the answer that raised it.
  struct FlagRaised {
    const Flag* flag = nullptr;
    const std::string* pick = nullptr;  ///< the picked option id, for an option's flag
    std::optional<int> value;           ///< the number, for a ruler's flag_range
  };
  /// Which flags this answer raises, in file order: the one place that decides it.
  [[nodiscard]] static std::vector<FlagRaised> flags_raised(const Item& item, const Answer& answer);

  /// The text in the session language with {item_id} pipes replaced by the answer
  /// (a number, the option labels, or the free text); an unanswered pipe becomes "—".
  [[nodiscard]] std::string resolve(const Text& text) const;
  /// resolve() for reading aloud: a pipe of a free-text answer becomes "—" too, so nothing the
  /// patient typed is ever spoken (choices and numbers are the questionnaire's own words).
  [[nodiscard]] std::string resolve_spoken(const Text& text) const;
  /// An answer as display text in the session language (option labels joined with "; ").
  [[nodiscard]] std::string answer_text(const Item& item) const;

  /// True while the patient has started but not finished (there is something to wipe). Also true
  /// on Welcome after back() from the first page, since the answers are still held then.
  [[nodiscard]] bool in_progress() const {
    return stage_ == Stage::Page || stage_ == Stage::Review || (stage_ == Stage::Welcome && started_);
  }
  [[nodiscard]] bool has_answers() const { return !answers_.empty(); }

  /// Review → Done, and the summary. `summary_language` empty means the session's language.
  Summary finish(Clock::time_point now, const std::string& summary_language = {});

  /// Forgets everything (answers overwritten before release) and returns to Welcome.
  void wipe();

  /// Visible items anywhere in the questionnaire with some picks but fewer than their min_picks
  /// (those on the current page are also in missing_required()).
  [[nodiscard]] std::vector<const Item*> too_few_picks() const;
  /// The item with this id in this session's questionnaire, or nullptr.
  [[nodiscard]] const Item* item(std::string_view item_id) const;
  /// resolve() in any language (for the summary, or a preview).
  [[nodiscard]] std::string resolve_in(const Text& text, const std::string& language) const;

 private:
  const Questionnaire* questionnaire_;
  Stage stage_ = Stage::Welcome;
  std::string language_;
  int page_ = 0;
  bool return_to_review_ = false;
  Clock::time_point started_at_{};
  std::map<std::string, Answer> answers_;
  std::set<std::string> left_off_;
  bool started_ = false;  ///< start() was called since the last wipe()
  std::map<std::string, const Item*, std::less<>> items_by_id_;
  std::map<std::string, int, std::less<>> page_by_item_;

  [[nodiscard]] int page_of(std::string_view item_id) const;
  /// Memo of item visibility: the UI asks for every item every frame, and a chain of conditions
  /// would otherwise be walked again and again. Cleared whenever an answer changes.
  enum class Visibility : unsigned char { Working, Hidden, Shown };
  mutable std::map<const Item*, Visibility> visibility_;

  [[nodiscard]] bool conditions_hold(const std::vector<Condition>& conditions) const;
  [[nodiscard]] bool condition_holds(const Condition& condition) const;
  [[nodiscard]] int next_visible_page(int from) const;
  [[nodiscard]] int previous_visible_page(int from) const;
  /// While a page is edited from Review, Next and Back both go back there: true when they did.
  bool back_to_review();
  /// Visible, answered and not left off: what the summary and flags may use.
  [[nodiscard]] const Answer* reportable_answer(const Item& item) const;
  /// Pipes resolved; `for_summary` treats left-off answers as unanswered, `spoken` typed ones.
  [[nodiscard]] std::string resolve_text(const Text& text, const std::string& language, bool for_summary,
                                         bool spoken = false) const;
  [[nodiscard]] std::string answer_text_in(const Item& item, const Answer& answer,
                                           const std::string& language) const;
  [[nodiscard]] std::string option_label(const Item& item, const std::string& option_id,
                                         const std::string& language) const;
  void forget_answer(const std::string& item_id);
};

}  // namespace rk
