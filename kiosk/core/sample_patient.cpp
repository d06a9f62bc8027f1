// A fictional patient for the test page: answers every visible item the way a real patient might,
// in English or Spanish (accents and all), with something generic for any other language.
#include "sample_patient.hpp"

#include <algorithm>
#include <chrono>

#include "session.hpp"
#include "session_utf8.hpp"

namespace rk {
namespace {

struct SampleWords {
  const char* name;
  const char* talk_about;
  const char* follow_up;
  const char* hope;
  const char* notes;
  const char* short_text;
};

constexpr SampleWords kEnglish{
    "Sample",
    "Sleeping better, and feeling less tense at work.",
    "My kids notice when I am calmer, and that matters to me.",
    "I went for a walk three times this week.",
    "This is a sample patient for a test page, not a real person.",
    "More time outside",
};

constexpr SampleWords kSpanish{
    "Ejemplo",
    "Dormir mejor y sentirme menos tensa en el trabajo.",
    "Mis hijos notan cuando estoy más tranquila, y eso me importa.",
    "Salí a caminar tres veces esta semana. ¡Me ayudó mucho!",
    "Esta es una paciente de ejemplo para una página de prueba, no una persona real.",
    "Más tiempo al aire libre",
};

constexpr SampleWords kGeneric{
    "Sample",
    "Sample answer (test page).",
    "Sample answer (test page).",
    "Sample answer (test page).",
    "Sample patient for a test page, not a real person.",
    "Sample",
};

const SampleWords& words_for(const std::string& language) {
  if (language == "en") return kEnglish;
  if (language == "es") return kSpanish;
  return kGeneric;
}

std::string sample_text(const Item& item, const SampleWords& words) {
  std::string text;
  switch (item.effective_summary()) {
    case SummarySection::Name:
      text = words.name;
      break;
    case SummarySection::TalkAbout:
      text = words.talk_about;
      break;
    case SummarySection::FollowUp:
      text = words.follow_up;
      break;
    case SummarySection::Hope:
      text = words.hope;
      break;
    default:
      text = item.kind == ItemKind::ShortText ? words.short_text : words.notes;
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
    if (item.kind == ItemKind::YesNo) picks.push_back("yes");
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

/// A mid-high ruler value, or one inside a flagged range when the sample still needs a flag.
int sample_ruler_value(const Item& item, bool want_flag) {
  if (want_flag && !item.ruler_flags.empty()) {
    return std::clamp(item.ruler_flags.front().min, item.min, item.max);
  }
  return item.min + ((item.max - item.min) * 7 + 5) / 10;  // 7 on 0-10, 4 on 1-5
}

void answer_item(Session& session, const Item& item, const SampleWords& words, bool& want_option_flag,
                 bool& want_ruler_flag) {
  switch (item.kind) {
    case ItemKind::Info:
      return;
    case ItemKind::SingleChoice:
    case ItemKind::MultiChoice:
    case ItemKind::CardPick:
    case ItemKind::YesNo: {
      std::vector<std::string> picks = sample_picks(item, want_option_flag);
      if (picks.empty()) return;
      if (session.set_answer(item.id, Answer::picks_of(picks)) && want_option_flag &&
          !session.raised_flags().empty()) {
        want_option_flag = false;
      }
      return;
    }
    case ItemKind::Ruler:
      if (session.set_answer(item.id, Answer::number(sample_ruler_value(item, want_ruler_flag))) &&
          want_ruler_flag && !session.raised_flags().empty()) {
        want_ruler_flag = false;
      }
      return;
    case ItemKind::ShortText:
    case ItemKind::LongText:
      session.set_answer(item.id, Answer::free_text(sample_text(item, words)));
      return;
  }
}

}  // namespace

Summary make_sample_summary(const Questionnaire& questionnaire, const std::string& language,
                            Summary::Clock::time_point now) {
  Session session(questionnaire);
  const int minutes = questionnaire.minutes > 0 ? questionnaire.minutes : 4;
  session.start(language, now - std::chrono::minutes(minutes));
  const SampleWords& words = words_for(session.language());
  // Prefer a flag on a choice (it reads naturally); else a flagged ruler range.
  bool want_option_flag = questionnaire_has_option_flag(questionnaire);
  bool want_ruler_flag = !want_option_flag;

  // Every next() moves forward or to Review, so this ends; the cap guards against surprises.
  const std::size_t max_steps = questionnaire.pages.size() + 2;
  for (std::size_t step = 0; step < max_steps && session.stage() == Session::Stage::Page; ++step) {
    // An answer can reveal another item on the same page: go over the page until nothing new shows.
    for (std::size_t pass = 0; pass < 4; ++pass) {
      bool answered_any = false;
      for (const Item* item : session.visible_items()) {
        if (session.answer(item->id) != nullptr) continue;
        answer_item(session, *item, words, want_option_flag, want_ruler_flag);
        answered_any = answered_any || session.answer(item->id) != nullptr;
      }
      if (!answered_any) break;
    }
    if (!session.next()) session.review();  // an item it could not fill must not trap the sample
  }
  return session.finish(now, session.language());
}

}  // namespace rk
