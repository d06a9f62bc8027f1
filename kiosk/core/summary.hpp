#pragma once
// What the therapist reads: a structured value built by Session::finish, rendered by kiosk/report.
// Every string is final text in the summary's language; the patient's words are verbatim.

#include <chrono>
#include <string>
#include <vector>

#include "answer.hpp"
#include "questionnaire.hpp"

namespace rk {

struct Summary {
  using Clock = std::chrono::system_clock;

  // Header
  std::string questionnaire_id;
  std::string questionnaire_title;
  std::string questionnaire_version;
  std::string language;         ///< the patient's language code
  std::string kiosk_name;       ///< filled in by the app from the config
  std::string patient_name;     ///< first name or initials, only when the patient gave one
  Clock::time_point started_at{};
  Clock::time_point finished_at{};
  [[nodiscard]] std::chrono::seconds time_taken() const;

  struct RaisedFlag {
    Severity severity = Severity::Soon;
    std::string text;    ///< the flag's summary text
    std::string prompt;  ///< the question that raised it
    std::string answer;  ///< the answer that raised it
    std::string item_id{};  ///< the item that raised it ("" when unknown)
  };
  /// Most urgent first.
  std::vector<RaisedFlag> flags;

  struct Entry {
    std::string item_id;
    std::string prompt;  ///< the question (summary_label when set), pipes resolved
    std::string answer;  ///< the answer as text: free text verbatim, option labels joined with "; "
    /// True when `answer` is text the patient typed (the summary quotes it); false for picked options.
    bool own_words = true;
  };
  /// Answers to items marked `summary = "safety"`, printed first.
  std::vector<Entry> safety;
  /// "What I'd like to talk about today", verbatim.
  std::vector<Entry> talk_about;

  struct Ruler {
    std::string item_id;
    std::string prompt;
    int min = 0;
    int max = 10;
    int value = 0;
    std::string min_label;
    std::string max_label;
    std::vector<Entry> follow_ups;  ///< "why not lower", "what might help it go up one"
  };
  std::vector<Ruler> rulers;

  struct Picks {
    std::string item_id;
    std::string prompt;
    std::vector<std::string> labels;
  };
  std::vector<Picks> strengths;
  std::vector<Picks> values;
  std::vector<Entry> hope;
  std::vector<Entry> notes;

  /// Prompts of visible questions the patient left unanswered or chose to leave off.
  std::vector<std::string> skipped;
  /// Every answer printed above, as given (option ids, numbers, text), in questionnaire order:
  /// the FHIR QuestionnaireResponse is built from this and nothing else, so it holds exactly
  /// what the summary holds.
  struct Reported {
    std::string item_id;
    Answer answer;
  };
  std::vector<Reported> reported;

  /// Credits for the footer (for example the Personal Values Card Sort), de-duplicated.
  std::vector<std::string> attributions;
};

}  // namespace rk
