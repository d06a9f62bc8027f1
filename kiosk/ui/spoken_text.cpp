#include "spoken_text.hpp"

namespace rk::ui {
namespace {

void add(std::vector<std::string>& out, std::string phrase) {
  if (!phrase.empty()) out.push_back(std::move(phrase));
}

void add_item(const UiState& s, const Item& item, std::vector<std::string>& out) {
  add(out, s.session.resolve_spoken(item.text));
  add(out, s.session.resolve_spoken(item.help));
  // What is read besides the question follows from the answer's shape (item_kind.hpp).
  const ItemKindInfo& kind = describe(item.kind);
  switch (kind.answer) {
    case AnswerShape::Picks:
      if (!kind.fixed_options.empty()) {  // yes_no: the words of its fixed options
        for (auto id : kind.fixed_options) add(out, yes_no_label(s, item, std::string(id)));
      } else {
        for (const Option& o : item.options) add(out, option_phrase(s, o));
      }
      break;
    case AnswerShape::Number:
      add(out, ruler_phrase(s, item, item.min));
      add(out, ruler_phrase(s, item, item.max));
      break;
    case AnswerShape::None:
    case AnswerShape::Text:  // the field shows the patient's words: never spoken
      break;
  }
}

}  // namespace

std::vector<std::string> page_phrases(const UiState& s) {
  std::vector<std::string> out;
  add(out, s.session.resolve_spoken(s.session.page().title));
  for (const Item* item : s.session.visible_items()) add_item(s, *item, out);
  return out;
}

std::vector<std::string> welcome_phrases(const UiState& s) {
  const Questionnaire& q = *s.questionnaire;
  std::vector<std::string> out;
  add(out, s.word("welcome_title"));
  add(out, s.text(q.title));
  add(out, q.intro.empty() ? s.word("welcome_lead") : s.text(q.intro));
  add(out, s.word("privacy_promise"));
  add(out, s.word("start"));
  return out;
}

std::string option_phrase(const UiState& s, const Option& option) {
  std::string phrase = s.text(option.label);
  const std::string& detail = s.text(option.description);
  if (!detail.empty()) phrase += (phrase.empty() ? "" : ". ") + detail;
  return phrase;
}

std::string ruler_phrase(const UiState& s, const Item& item, int n) {
  std::string phrase = std::to_string(n);
  const std::string end = n == item.min   ? s.text(item.min_label)
                          : n == item.max ? s.text(item.max_label)
                                          : std::string();
  if (!end.empty()) phrase += ", " + end;
  return phrase;
}

std::string yes_no_label(const UiState& s, const Item& item, const std::string& option_id) {
  const Option* o = item.find_option(option_id);
  return o && !o->label.empty() ? s.text(o->label) : s.word(option_id);
}

}  // namespace rk::ui
