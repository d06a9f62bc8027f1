// A fictional patient for the test page: answers every visible item the way a real patient might,
// in the words of the [sample_patient] table of the language's file (accents and all).
#include "sample_patient.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <vector>

#include "session.hpp"
#include "utf8.hpp"

namespace rk {
namespace {

/// Where the fictional patient is in each list of words, and what it still has to show.
struct SampleState {
  const UiLanguage* words = nullptr;
  std::size_t talk_about = 0, follow_up = 0, hope = 0, notes = 0, rulers = 0;
  bool want_option_flag = false;
  bool want_ruler_flag = false;
};

std::string next_of(const UiLanguage& words, std::string_view list_key, std::size_t& counter) {
  const std::vector<std::string>& list = words.list(std::string("sample_patient.") + std::string(list_key));
  return list.empty() ? std::string() : list[counter++ % list.size()];
}

std::string sample_text(const Item& item, SampleState& state) {
  const UiLanguage& words = *state.words;
  std::string text;
  switch (item.effective_summary()) {
    case SummarySection::Name:
      text = words.word("sample_patient.name");
      break;
    case SummarySection::TalkAbout:
      text = next_of(words, "talk_about", state.talk_about);
      break;
    case SummarySection::FollowUp:
      text = next_of(words, "follow_up", state.follow_up);
      break;
    case SummarySection::Hope:
      text = next_of(words, "hope", state.hope);
      break;
    default:
      text = describe(item.kind).one_line ? words.word("sample_patient.short_text")
                                          : next_of(words, "notes", state.notes);
  }
  if (item.max_length > 0) text = utf8_prefix(text, static_cast<std::size_t>(item.max_length));
  return text;
}

bool questionnaire_has_option_flag(const Questionnaire& questionnaire) {
  for (const auto& page : questionnaire.pages) {
    for (const auto& item : page.items) {
      for (const auto& option : item.options) {
        if (option.flag.has_value()) return true;
      }
    }
  }
  return false;
}

/// The option ids a fictional patient picks: the first few, swapping in a flagged one when the
/// sample still needs to show a flag.
std::vector<std::string> sample_picks(const Item& item, bool want_flag) {
  std::vector<std::string> picks;
  if (item.options.empty()) {
    const auto fixed = describe(item.kind).fixed_options;  // yes/no written without options
    if (!fixed.empty()) picks.emplace_back(fixed.front());
    return picks;
  }
  const int most =
      std::max(1, std::min({item.effective_max_picks(), 3, static_cast<int>(item.options.size())}));
  const auto flagged = std::find_if(item.options.begin(), item.options.end(),
                                    [](const Option& option) { return option.flag.has_value(); });
  if (want_flag && flagged != item.options.end()) picks.push_back(flagged->id);
  for (const auto& option : item.options) {
    if (static_cast<int>(picks.size()) >= most) break;
    if (option.flag.has_value()) continue;  // one flag is enough for a sample
    picks.push_back(option.id);
  }
  return picks;
}

/// A mid-high ruler value (70%, 60%, 80% of the way up, in turn), or one inside a flagged range
/// when the sample still needs to show a flag.
int sample_ruler_value(const Item& item, SampleState& state) {
  if (state.want_ruler_flag && !item.ruler_flags.empty()) {
    return std::clamp(item.ruler_flags.front().min, item.min, item.max);
  }
  static constexpr int kTenths[] = {7, 6, 8};
  const int tenths = kTenths[state.rulers++ % std::size(kTenths)];
  return item.min + ((item.max - item.min) * tenths + 5) / 10;  // rounded: 7 on 0-10, 4 on 1-5
}

void answer_item(Session& session, const Item& item, SampleState& state) {
  switch (describe(item.kind).answer) {
    case AnswerShape::None:
      return;
    case AnswerShape::Picks: {
      std::vector<std::string> picks = sample_picks(item, state.want_option_flag);
      if (picks.empty()) return;
      if (session.set_answer(item.id, Answer::picks_of(picks)) && !session.raised_flags().empty()) {
        state.want_option_flag = false;
      }
      return;
    }
    case AnswerShape::Number:
      if (session.set_answer(item.id, Answer::number(sample_ruler_value(item, state))) &&
          !session.raised_flags().empty()) {
        state.want_ruler_flag = false;
      }
      return;
    case AnswerShape::Text:
      session.set_answer(item.id, Answer::free_text(sample_text(item, state)));
      return;
  }
}

}  // namespace

Summary make_sample_summary(const Questionnaire& questionnaire, const UiStrings& languages,
                            const std::string& language, Summary::Clock::time_point now) {
  Session session(questionnaire);
  const int minutes = questionnaire.minutes > 0 ? questionnaire.minutes : 4;
  session.start(language, now - std::chrono::minutes(minutes));
  SampleState state;
  const UiLanguage none;
  const UiLanguage* words = languages.find(session.language());
  state.words = words != nullptr ? words : &none;  // no file: the patient picks but writes nothing
  // Prefer a flag on a choice (it reads naturally); else a flagged ruler range.
  state.want_option_flag = questionnaire_has_option_flag(questionnaire);
  state.want_ruler_flag = !state.want_option_flag;

  // Every next() moves forward or to Review, so this ends; the cap guards against surprises.
  const std::size_t max_steps = questionnaire.pages.size() + 2;
  for (std::size_t step = 0; step < max_steps && session.stage() == Session::Stage::Page; ++step) {
    // An answer can reveal another item on the same page: go over the page until nothing new shows.
    for (std::size_t pass = 0; pass < 4; ++pass) {
      bool answered_any = false;
      for (const Item* item : session.visible_items()) {
        if (session.answer(item->id) != nullptr) continue;
        answer_item(session, *item, state);
        answered_any = answered_any || session.answer(item->id) != nullptr;
      }
      if (!answered_any) break;
    }
    if (!session.next()) session.review();  // an item it could not fill must not trap the sample
  }
  return session.finish(now, session.language());
}

}  // namespace rk
