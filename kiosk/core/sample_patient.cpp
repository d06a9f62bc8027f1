// A fictional patient for the test page: answers every visible item the way a real patient might,
// in English or Spanish (accents and all), with something generic for any other language.
#include "sample_patient.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <vector>

#include "session.hpp"
#include "utf8.hpp"

namespace rk {
namespace {

/// What the fictional patient writes. Lists are used in turn, so two follow-ups or two hope
/// questions get different answers.
struct SampleWords {
  const char* name;
  std::vector<const char*> talk_about;
  std::vector<const char*> follow_up;  ///< in pairs: why not lower, then what might help
  std::vector<const char*> hope;       ///< something that went well, then a small step
  std::vector<const char*> notes;
  const char* short_text;
};

const SampleWords& words_for(const std::string& language) {
  static const SampleWords english{
      "Sample",
      {"Sleeping better, and feeling less tense at work."},
      {"My kids notice when I am calmer, and that matters to me.", "Talking it through with someone I trust.",
       "I have done hard things before.", "A simple plan for the evenings.",
       "I already started cutting back a little.", "Seeing some progress in the next week."},
      {"I went for a walk three times this week.", "Go to bed before eleven on weeknights."},
      {"This is a sample patient for a test page, not a real person."},
      "More time outside",
  };
  static const SampleWords spanish{
      "Ejemplo",
      {"Dormir mejor y sentirme menos tensa en el trabajo."},
      {"Mis hijos notan cuando estoy más tranquila, y eso me importa.", "Hablarlo con alguien de confianza.",
       "Ya he logrado cosas difíciles antes.", "Un plan sencillo para las noches.",
       "Ya empecé a reducir un poco.", "Ver algún avance la próxima semana."},
      {"Salí a caminar tres veces esta semana. ¡Me ayudó mucho!",
       "Acostarme antes de las once entre semana."},
      {"Esta es una paciente de ejemplo para una página de prueba, no una persona real."},
      "Más tiempo al aire libre",
  };
  static const SampleWords generic{
      "Sample",
      {"Sample answer (test page)."},
      {"Sample answer (test page)."},
      {"Sample answer (test page)."},
      {"Sample patient for a test page, not a real person."},
      "Sample",
  };
  if (language == "en") return english;
  if (language == "es") return spanish;
  return generic;
}

/// Where the fictional patient is in each list of words, and what it still has to show.
struct SampleState {
  const SampleWords* words = nullptr;
  std::size_t talk_about = 0, follow_up = 0, hope = 0, notes = 0, rulers = 0;
  bool want_option_flag = false;
  bool want_ruler_flag = false;
};

std::string next_of(const std::vector<const char*>& list, std::size_t& counter) {
  return list[counter++ % list.size()];
}

std::string sample_text(const Item& item, SampleState& state) {
  const SampleWords& words = *state.words;
  std::string text;
  switch (item.effective_summary()) {
    case SummarySection::Name:
      text = words.name;
      break;
    case SummarySection::TalkAbout:
      text = next_of(words.talk_about, state.talk_about);
      break;
    case SummarySection::FollowUp:
      text = next_of(words.follow_up, state.follow_up);
      break;
    case SummarySection::Hope:
      text = next_of(words.hope, state.hope);
      break;
    default:
      text = describe(item.kind).one_line ? words.short_text : next_of(words.notes, state.notes);
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

Summary make_sample_summary(const Questionnaire& questionnaire, const std::string& language,
                            Summary::Clock::time_point now) {
  Session session(questionnaire);
  const int minutes = questionnaire.minutes > 0 ? questionnaire.minutes : 4;
  session.start(language, now - std::chrono::minutes(minutes));
  SampleState state;
  state.words = &words_for(session.language());
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
