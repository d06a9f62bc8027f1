// Answers as text, and "{item_id}" pipes in questionnaire text replaced by earlier answers.
#include <string>

#include "pipes.hpp"
#include "session.hpp"

namespace rk {
namespace {

/// What an unanswered (or hidden, or left-off) pipe shows: an em dash.
constexpr const char* kNoAnswer = "\u2014";

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace

std::string Session::option_label(const Item& it, const std::string& option_id,
                                  const std::string& language) const {
  if (const Option* option = it.find_option(option_id)) {
    const std::string& label = option->label.in(language, questionnaire_->default_language);
    return label.empty() ? option_id : label;
  }
  return option_id;
}

std::string Session::answer_text_in(const Item& it, const Answer& given, const std::string& language) const {
  if (given.value.has_value()) return std::to_string(*given.value);
  if (!given.picks.empty()) {
    std::vector<std::string> labels;
    labels.reserve(given.picks.size());
    for (const auto& pick : given.picks) labels.push_back(option_label(it, pick, language));
    return joined(labels, "; ");
  }
  return given.text;
}

std::string Session::answer_text(const Item& it) const {
  const Answer* given = answer(it.id);
  return given == nullptr ? std::string{} : answer_text_in(it, *given, language_);
}

std::string Session::resolve_text(const Text& text, const std::string& language, bool for_summary,
                                  bool spoken) const {
  const std::string& source = text.in(language, questionnaire_->default_language);
  std::string out;
  out.reserve(source.size());
  std::size_t i = 0;
  for (const Pipe& pipe : find_pipes(source)) {
    out.append(source, i, pipe.offset - i);
    i = pipe.offset + pipe.length;
    const Item* piped = item(pipe.item_id);
    if (piped == nullptr || piped->kind == ItemKind::Info) {
      out.append(source, pipe.offset, pipe.length);  // not a pipe: keep the braces as written
      continue;
    }
    const Answer* given = answer(pipe.item_id);
    // Words the patient typed are never read aloud (answers are private in a waiting room).
    const bool typed = describe(piped->kind).own_words;
    const bool usable = given != nullptr && given->given() && item_visible(*piped) &&
                        !(for_summary && left_off(pipe.item_id)) && !(spoken && typed);
    out += usable ? answer_text_in(*piped, *given, language) : kNoAnswer;
  }
  out.append(source, i, std::string::npos);
  return out;
}

std::string Session::resolve(const Text& text) const {
  return resolve_text(text, language_, false);
}

std::string Session::resolve_spoken(const Text& text) const {
  return resolve_text(text, language_, false, true);
}

std::string Session::resolve_in(const Text& text, const std::string& language) const {
  return resolve_text(text, language, false);
}

}  // namespace rk
