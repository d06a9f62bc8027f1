#include "fhir_toml_writer.hpp"

#include "fhir_json.hpp"
#include "fhir_vocabulary.hpp"
#include "item_kind.hpp"

namespace rk::fhir {
namespace {

/// A Text as TOML lines: `key = "..."` when every language has the same words, else one line per
/// language in the file's order, `key.en = "..."` (easier to read and translate than a table).
std::string text_lines(const std::string& key, const Text& text, const Questionnaire& q) {
  bool same = true;
  const std::string& first = text.in(q.default_language);
  for (const auto& [language, words] : text.by_language) same = same && words == first;
  if (same) return key + " = " + toml_string(first) + "\n";
  std::string out;
  for (const auto& language : q.languages) {
    const auto found = text.by_language.find(language);
    if (found != text.by_language.end()) out += key + "." + language + " = " + toml_string(found->second) + "\n";
  }
  return out;
}

std::string flag_lines(const std::string& prefix, const Flag& flag, const Questionnaire& q) {
  std::string out = prefix + "severity = " + toml_string(std::string(severity_word(flag.severity))) + "\n";
  out += text_lines(prefix + "summary", flag.summary, q);
  if (!flag.patient_message.empty()) out += text_lines(prefix + "message", flag.patient_message, q);
  return out;
}

std::string conditions_value(const std::vector<Condition>& show_if) {
  std::string out = "[";
  for (std::size_t i = 0; i < show_if.size(); ++i) {
    const Condition& c = show_if[i];
    out += std::string(i == 0 ? " " : ", ") + "{ item = " + toml_string(c.item) + ", ";
    switch (c.op) {
      case ConditionOp::Equals:
        out += "equals = " + toml_string(c.values.at(0));
        break;
      case ConditionOp::OneOf: {
        out += "one_of = [";
        for (std::size_t k = 0; k < c.values.size(); ++k) out += (k == 0 ? "" : ", ") + toml_string(c.values[k]);
        out += "]";
        break;
      }
      case ConditionOp::AtLeast:
        out += "at_least = " + std::to_string(c.number);
        break;
      case ConditionOp::AtMost:
        out += "at_most = " + std::to_string(c.number);
        break;
      case ConditionOp::Answered:
        out += "answered = true";
        break;
    }
    out += " }";
  }
  return out + " ]";
}

}  // namespace

std::string toml_string(const std::string& s) { return quoted(s); }

std::string write_toml(const Questionnaire& q, const TomlComments& comments) {
  std::string out;
  const auto line = [&](const std::string& key, const std::string& value) { out += key + " = " + value + "\n"; };
  const auto text = [&](const std::string& key, const Text& t) { out += text_lines(key, t, q); };
  const auto comment = [&](const std::map<std::string, std::string>& from, const std::string& id) {
    if (const auto found = from.find(id); found != from.end()) out += "# " + found->second + "\n";
  };
  for (const auto& h : comments.header) out += "# " + h + "\n";
  line("id", toml_string(q.id));
  line("version", toml_string(q.version));
  line("minutes", std::to_string(q.minutes));
  std::string languages = "[";
  for (std::size_t i = 0; i < q.languages.size(); ++i) languages += (i == 0 ? "" : ", ") + toml_string(q.languages[i]);
  line("languages", languages + "]");
  line("default_language", toml_string(q.default_language));
  text("title", q.title);
  if (!q.intro.empty()) text("intro", q.intro);

  for (const auto& page : q.pages) {
    out += "\n[[page]]\n";
    comment(comments.pages, page.id);
    line("id", toml_string(page.id));
    if (!page.title.empty()) text("title", page.title);
    if (!page.show_if.empty()) line("show_if", conditions_value(page.show_if));
    for (const auto& it : page.items) {
      out += "\n[[page.item]]\n";
      comment(comments.items, it.id);
      line("id", toml_string(it.id));
      line("kind", toml_string(std::string(kind_word(it.kind))));
      text("text", it.text);
      if (!it.help.empty()) text("help", it.help);
      if (!it.summary_label.empty()) text("summary_label", it.summary_label);
      if (it.required) line("required", "true");
      if (!it.show_if.empty()) line("show_if", conditions_value(it.show_if));
      if (it.summary != SummarySection::Auto) line("summary", toml_string(std::string(summary_word(it.summary))));
      if (!it.follow_up_of.empty()) line("follow_up_of", toml_string(it.follow_up_of));
      if (!it.attribution.empty()) text("attribution", it.attribution);
      const ItemKindInfo& kind = describe(it.kind);  // which keys this kind takes (item_kind.hpp)
      if (kind.allows("min_picks") && it.min_picks > 0) line("min_picks", std::to_string(it.min_picks));
      if (kind.allows("max_picks") && it.max_picks > 0) line("max_picks", std::to_string(it.max_picks));
      if (kind.allows("min")) line("min", std::to_string(it.min));
      if (kind.allows("max")) line("max", std::to_string(it.max));
      if (kind.allows("min_label") && !it.min_label.empty()) text("min_label", it.min_label);
      if (kind.allows("max_label") && !it.max_label.empty()) text("max_label", it.max_label);
      if (kind.allows("max_length") && it.max_length > 0) line("max_length", std::to_string(it.max_length));
      for (const auto& option : it.options) {
        out += "\n[[page.item.option]]\n";
        line("id", toml_string(option.id));
        if (!option.label.empty()) text("label", option.label);
        if (!option.description.empty()) text("description", option.description);
        if (option.flag) out += flag_lines("flag.", *option.flag, q);
      }
      for (const auto& range : it.ruler_flags) {
        out += "\n[[page.item.flag_range]]\n";
        line("min", std::to_string(range.min));
        line("max", std::to_string(range.max));
        out += flag_lines("", range.flag, q);
      }
    }
  }
  return out;
}

}  // namespace rk::fhir
