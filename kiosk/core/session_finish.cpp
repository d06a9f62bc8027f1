// Flags and the therapist's summary, from visible answers the patient did not leave off.
#include <algorithm>
#include <set>

#include "session.hpp"

namespace rk {
namespace {

bool more_urgent(Severity a, Severity b) {
  return static_cast<int>(a) > static_cast<int>(b);
}

}  // namespace

std::vector<Session::FlagRaised> Session::flags_raised(const Item& it, const Answer& given) {
  std::vector<FlagRaised> raised;
  for (const auto& pick : given.picks) {
    const Option* option = it.find_option(pick);
    if (option != nullptr && option->flag.has_value()) raised.push_back({&*option->flag, &pick, {}});
  }
  if (given.value.has_value()) {
    for (const auto& range : it.ruler_flags) {
      if (*given.value >= range.min && *given.value <= range.max)
        raised.push_back({&range.flag, nullptr, given.value});
    }
  }
  return raised;
}

std::vector<Flag> Session::raised_flags() const {
  std::vector<Flag> raised;
  for (const auto& page_items : questionnaire_->pages) {
    for (const auto& it : page_items.items) {
      const Answer* given = reportable_answer(it);
      if (given == nullptr) continue;
      for (const auto& by : flags_raised(it, *given)) raised.push_back(*by.flag);
    }
  }
  std::stable_sort(raised.begin(), raised.end(),
                   [](const Flag& a, const Flag& b) { return more_urgent(a.severity, b.severity); });
  return raised;
}

Summary Session::finish(Clock::time_point now, const std::string& summary_language) {
  const std::string language = questionnaire_->has_language(summary_language) ? summary_language : language_;
  const std::string& fallback = questionnaire_->default_language;
  const auto prompt_of = [&](const Item& it) {
    return resolve_text(it.summary_label.empty() ? it.text : it.summary_label, language, true);
  };

  Summary summary;
  summary.questionnaire_id = questionnaire_->id;
  summary.questionnaire_title = questionnaire_->title.in(language, fallback);
  summary.questionnaire_version = questionnaire_->version;
  summary.language = language_;
  summary.started_at = started_ ? started_at_ : now;
  summary.finished_at = now;

  struct PendingFollowUp {
    std::string ruler_id;
    Summary::Entry entry;
  };
  std::vector<PendingFollowUp> follow_ups;
  std::set<std::string> attributions_seen;

  for (const auto& page_items : questionnaire_->pages) {
    for (const auto& it : page_items.items) {
      if (!item_visible(it)) continue;
      if (const std::string& credit = it.attribution.in(language, fallback); !credit.empty()) {
        if (attributions_seen.insert(credit).second) summary.attributions.push_back(credit);
      }
      const SummarySection section = it.effective_summary();
      if (it.kind == ItemKind::Info || section == SummarySection::None) continue;
      const Answer* given = reportable_answer(it);
      if (given == nullptr) {
        summary.skipped.push_back(prompt_of(it));
        continue;
      }
      const std::string prompt = prompt_of(it);
      const std::string text = answer_text_in(it, *given, language);

      for (const auto& by : flags_raised(it, *given)) {
        Summary::RaisedFlag raised;
        raised.severity = by.flag->severity;
        raised.text = by.flag->summary.in(language, fallback);
        raised.prompt = prompt;
        raised.answer =
            by.pick != nullptr ? option_label(it, *by.pick, language) : std::to_string(by.value.value_or(0));
        raised.item_id = it.id;
        summary.flags.push_back(std::move(raised));
      }

      // A second name item is not printed (the header holds one name), so it is not reported either.
      if (section != SummarySection::Name || summary.patient_name.empty()) summary.reported.push_back({it.id, *given});
      Summary::Entry entry{it.id, prompt, text};
      entry.own_words = describe(it.kind).own_words;
      switch (section) {
        case SummarySection::Safety:
          summary.safety.push_back(std::move(entry));
          break;
        case SummarySection::Name:
          if (summary.patient_name.empty()) summary.patient_name = text;
          break;
        case SummarySection::TalkAbout:
          summary.talk_about.push_back(std::move(entry));
          break;
        case SummarySection::Ruler:
          if (given->value.has_value()) {  // a number: drawn as a scale
            Summary::Ruler ruler;
            ruler.item_id = it.id;
            ruler.prompt = prompt;
            ruler.min = it.min;
            ruler.max = it.max;
            ruler.value = *given->value;
            ruler.min_label = it.min_label.in(language, fallback);
            ruler.max_label = it.max_label.in(language, fallback);
            summary.rulers.push_back(std::move(ruler));
          } else {
            summary.notes.push_back(std::move(entry));
          }
          break;
        case SummarySection::FollowUp:
          follow_ups.push_back({it.follow_up_of, std::move(entry)});
          break;
        case SummarySection::Strengths:
        case SummarySection::Values: {
          Summary::Picks picks{it.id, prompt, {}};
          if (given->picks.empty()) {
            picks.labels.push_back(text);
          } else {
            for (const auto& pick : given->picks) picks.labels.push_back(option_label(it, pick, language));
          }
          (section == SummarySection::Strengths ? summary.strengths : summary.values)
              .push_back(std::move(picks));
          break;
        }
        case SummarySection::Hope:
          summary.hope.push_back(std::move(entry));
          break;
        case SummarySection::Auto:  // effective_summary() never returns Auto
        case SummarySection::Notes:
        case SummarySection::None:
          summary.notes.push_back(std::move(entry));
          break;
      }
    }
  }

  // A follow-up sits beside its ruler; when that ruler is not on the summary it becomes a note.
  for (auto& pending : follow_ups) {
    const auto ruler = std::find_if(summary.rulers.begin(), summary.rulers.end(),
                                    [&](const Summary::Ruler& r) { return r.item_id == pending.ruler_id; });
    if (ruler != summary.rulers.end()) {
      ruler->follow_ups.push_back(std::move(pending.entry));
    } else {
      summary.notes.push_back(std::move(pending.entry));
    }
  }
  std::stable_sort(summary.flags.begin(), summary.flags.end(),
                   [](const Summary::RaisedFlag& a, const Summary::RaisedFlag& b) {
                     return more_urgent(a.severity, b.severity);
                   });
  stage_ = Stage::Done;
  return_to_review_ = false;
  return summary;
}

}  // namespace rk
