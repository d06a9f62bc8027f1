// Importer: one FHIR item → kiosk items (docs/fhir.md §3, §4).
//   read_item        common elements, nested groups and questions flattened into the page
//   read_kind        item.type → kind, bounds, sliders
//   read_options     answerOption / contained ValueSet → options
//   read_extensions  itemControl, shortText, SDC and kiosk extensions
//   read_children    child displays → help, ruler end labels
#include <cmath>

#include "fhir_importer.hpp"
#include "fhir_vocabulary.hpp"
#include "pipes.hpp"

namespace rk::fhir {
namespace {

std::string item_control_of(const Json::Value& item) {
  for (const auto& e : array_of(member(item, "extension"))) {
    if (string_of(member(e, "url")) != kItemControl) continue;
    for (const auto& c : array_of(member(member(e, "valueCodeableConcept"), "coding"))) {
      if (!string_of(member(c, "code")).empty()) return string_of(member(c, "code"));
    }
  }
  return {};
}

std::optional<double> number_extension(const Json::Value& item, std::string_view url) {
  for (const auto& e : array_of(member(item, "extension"))) {
    if (string_of(member(e, "url")) != url) continue;
    for (const char* key : {"valueInteger", "valueDecimal"}) {
      if (member(e, key).isNumeric()) return member(e, key).asDouble();
    }
  }
  return std::nullopt;
}

bool has_extension(const Json::Value& item, std::string_view url) {
  for (const auto& e : array_of(member(item, "extension"))) {
    if (string_of(member(e, "url")) == url) return true;
  }
  return false;
}

/// Extensions the kiosk cannot honour without FHIRPath or a server: the item is refused.
constexpr std::string_view kRefusedExpressions[] = {
    "sdc-questionnaire-calculatedExpression", "sdc-questionnaire-enableWhenExpression",
    "sdc-questionnaire-answerExpression", "sdc-questionnaire-candidateExpression",
};

}  // namespace

Flag Importer::read_flag(const Json::Value& extension) {
  Flag flag;
  for (const auto& part : array_of(member(extension, "extension"))) {
    const std::string url = string_of(member(part, "url"));
    if (url == "severity") flag.severity = severity_from_word(string_of(member(part, "valueCode"))).value_or(Severity::Soon);
    if (url == "summary") flag.summary = text_of(part, "valueString");
    if (url == "message") flag.patient_message = text_of(part, "valueString");
  }
  return flag;
}

void Importer::read_item(const Json::Value& item, const std::string& pointer, const std::vector<Condition>& inherited) {
  if (!item.isObject() || !member(item, "linkId").isString()) {
    report(DiagnosticLevel::Error, item, pointer, "", "an item without a linkId; left out");
    ++out_.items_left_out;
    return;
  }
  const std::string link = item["linkId"].asString();
  const std::string type = string_of(member(item, "type"));
  if (item.isMember("modifierExtension")) {
    refuse(item, pointer, link, "a modifierExtension changes what this item means; left out");
    refuse_children(item, pointer);
    return;
  }
  const Json::Value& hidden = member(item, "extension");
  for (const auto& e : array_of(hidden)) {
    if (string_of(member(e, "url")) == kHidden && bool_of(member(e, "valueBoolean"))) {
      report(DiagnosticLevel::Note, item, pointer, link, "hidden item (questionnaire-hidden) skipped");
      gone_.insert(link);
      refuse_children(item, pointer);
      return;
    }
  }
  for (const auto& e : array_of(hidden)) {
    const std::string url = string_of(member(e, "url"));
    for (const auto name : kRefusedExpressions) {
      if (url.ends_with(name)) {
        refuse(item, pointer, link, std::string(name.substr(name.rfind('-') + 1)) +
                                        " is FHIRPath, which the kiosk does not run; left out");
        refuse_children(item, pointer);
        return;
      }
    }
  }
  if (bool_of(member(item, "readOnly")) && type != "display" && type != "group") {
    refuse(item, pointer, link, "readOnly (a computed or fixed value) has no kiosk form; left out");
    return;
  }
  std::vector<Condition> conditions = inherited;
  if (!read_conditions(item, pointer, link, conditions)) {
    refuse_children(item, pointer);
    return;
  }

  if (type == "group") {  // nested group: its text becomes an info item, its condition goes to each child
    if (bool_of(member(item, "repeats"))) {
      refuse(item, pointer, link, "a repeating group has no kiosk form; left out with its items");
      refuse_children(item, pointer);
      return;
    }
    const std::string control = item_control_of(item);
    if (control == "table" || control == "gtable" || control == "htable" || control == "grid") {
      report(DiagnosticLevel::Warning, item, pointer, link, "a " + control + " is shown as a list");
    }
    if (!text_of(item, "text").empty()) {
      Item info;
      info.id = unique_id(sanitize_id(link, 'q'), item_ids_);
      info.kind = ItemKind::Info;
      info.text = text_of(item, "text");
      info.show_if = conditions;
      comments_.items[info.id] = "linkId: " + link + " (group heading)";
      q_.pages.back().items.push_back(std::move(info));
    }
    const Json::Value& children = array_of(member(item, "item"));
    for (Json::ArrayIndex i = 0; i < children.size(); ++i) {
      read_item(children[i], pointer + "/item/" + std::to_string(i), conditions);
    }
    return;
  }

  Item it;
  it.text = text_of(item, "text");
  if (const std::string prefix = string_of(member(item, "prefix")); !prefix.empty() && !it.text.empty()) {
    for (auto& [lang, words] : it.text.by_language) words = prefix + " " + words;
  }
  if (it.text.empty()) {
    const Json::Value& codes = array_of(member(item, "code"));  // item.code is a list of Coding
    const std::string display = codes.empty() ? std::string() : string_of(member(codes[0u], "display"));
    if (type == "display" || display.empty()) {
      if (type == "display") return;  // nothing to show
      refuse(item, pointer, link, "a question without text; left out");
      return;
    }
    it.text.by_language[base_language_] = display;
    report(DiagnosticLevel::Warning, item, pointer, link, "no text; the code's display is used: '" + display + "'");
  }
  if (!kiosk_export_) {  // "{word}" would become a pipe in our format
    for (auto& [lang, words] : it.text.by_language) {
      const auto pipes = find_pipes(words);
      for (auto p = pipes.rbegin(); p != pipes.rend(); ++p) {
        words.replace(p->offset, p->length, "{ " + p->item_id + " }");
      }
      if (!pipes.empty()) report(DiagnosticLevel::Warning, item, pointer, link, "braces spaced out: {word} would show an answer");
    }
  }

  // A display after a question whose linkId is "<question>.help" is that question's help (kiosk exports).
  if (type == "display" && !q_.pages.back().items.empty()) {
    Item& previous = q_.pages.back().items.back();
    const auto found = comments_.items.find(previous.id);
    if (found != comments_.items.end() && found->second == "linkId: " + link.substr(0, link.size() - 5) &&
        link.ends_with(".help") && previous.help.empty()) {
      previous.help = it.text;
      return;
    }
  }

  it.id = unique_id(sanitize_id(link, 'q'), item_ids_);
  it.show_if = conditions;
  it.required = bool_of(member(item, "required")) && type != "display";
  if (item.isMember("initial") || has_extension(item, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression")) {
    report(DiagnosticLevel::Warning, item, pointer, link, "initial answer dropped: every question starts empty");
  }
  Imported imported;
  if (!read_kind(item, pointer, it, imported)) return;
  if (it.options.empty() && describe(it.kind).answer == AnswerShape::Picks && describe(it.kind).fixed_options.empty()) {
    if (!read_options(item, pointer, it, imported)) return;
  }
  read_extensions(item, pointer, it);
  for (const auto& c : array_of(member(item, "code"))) {
    if (string_of(member(c, "system")) == kLoinc && string_of(member(c, "code")) == kSelfHarmLoinc) {
      it.summary = SummarySection::Safety;
      report(DiagnosticLevel::Warning, item, pointer, link,
             "LOINC 44260-8 (thoughts of self-harm): imported as a safety item (summary = \"safety\"). Nobody watches "
             "a kiosk: set up a same-visit review first (questionnaires/README.md, 'About safety questions')");
    }
  }
  comments_.items[it.id] = "linkId: " + link;
  imported.id = it.id;
  imported.kind = it.kind;
  imported.min = it.min;
  imported.max = it.max;
  for (auto id : describe(it.kind).fixed_options) {
    imported.options.push_back({"", "", std::nullopt, std::nullopt, std::string(id)});
  }
  if (it.kind != ItemKind::Info) by_link_[link] = imported;
  q_.pages.back().items.push_back(std::move(it));
  read_children(item, pointer, q_.pages.back().items.back(), conditions);
}

bool Importer::read_kind(const Json::Value& item, const std::string& pointer, Item& it, Imported& imported) {
  const std::string link = item["linkId"].asString();
  const std::string type = string_of(member(item, "type"));
  const std::string control = item_control_of(item);
  const bool has_options = member(item, "answerOption").isArray() || member(item, "answerValueSet").isString();
  if (type == "display") {
    it.kind = ItemKind::Info;
  } else if (type == "boolean") {
    it.kind = ItemKind::YesNo;
  } else if (type == "choice" || type == "open-choice" || ((type == "string" || type == "text" || type == "integer") && has_options)) {
    if (type == "open-choice") {
      report(DiagnosticLevel::Warning, item, pointer, link, "open-choice: the typed 'other' answer is dropped");
    }
    it.kind = (bool_of(member(item, "repeats")) || control == "check-box") ? ItemKind::MultiChoice
                                                                           : ItemKind::SingleChoice;
    if (control == "check-box" && !bool_of(member(item, "repeats"))) it.max_picks = 1;
  } else if (type == "integer" || type == "decimal") {
    const auto lo = number_extension(item, kMinValue);
    const auto hi = number_extension(item, kMaxValue);
    const bool slider = control == "slider";
    if (!lo && !hi) {
      refuse(item, pointer, link, "a number without minValue/maxValue: the kiosk has no number entry, only a "
                                  "ruler of at most 21 numbers; left out");
      return false;
    }
    it.min = lo ? static_cast<int>(std::ceil(*lo)) : 0;
    it.max = hi ? static_cast<int>(std::floor(*hi)) : it.min + 10;
    if (!lo || !hi) {
      report(DiagnosticLevel::Warning, item, pointer, link,
             std::string("no ") + (lo ? "maxValue" : "minValue") + ": the ruler runs " + std::to_string(it.min) +
                 " to " + std::to_string(it.max));
    }
    const auto step = number_extension(item, kSliderStep);
    if (step && *step > 1 && *step == std::floor(*step) && lo && hi) {
      // A stepped slider: its stops become a choice of numbers, when there are at most 21.
      const int by = static_cast<int>(*step);
      if ((it.max - it.min) / by + 1 > 21) {
        refuse(item, pointer, link, "a slider with more than 21 stops; left out");
        return false;
      }
      for (int n = it.min; n <= it.max; n += by) {
        Option o;
        o.id = "n" + std::to_string(n);
        o.label.by_language[base_language_] = std::to_string(n);
        it.options.push_back(std::move(o));
        imported.options.push_back({"", "", std::nullopt, n, "n" + std::to_string(n)});
      }
      it.kind = ItemKind::SingleChoice;
      report(DiagnosticLevel::Warning, item, pointer, link,
             "a slider in steps of " + std::to_string(by) + " becomes a choice of its " +
                 std::to_string(it.options.size()) + " numbers; its end labels are dropped");
      return true;
    }
    if (it.max - it.min + 1 > 21 || it.max <= it.min) {
      refuse(item, pointer, link, "a number from " + std::to_string(it.min) + " to " + std::to_string(it.max) +
                                      ": a ruler shows 2 to 21 numbers; left out");
      return false;
    }
    it.kind = ItemKind::Ruler;
    if (type == "decimal" || (step && *step < 1)) {
      report(DiagnosticLevel::Warning, item, pointer, link, "answers become whole numbers");
    } else if (!slider) {
      report(DiagnosticLevel::Warning, item, pointer, link, "a bounded number is shown as a ruler of tappable numbers");
    }
  } else if (type == "string" || type == "url") {
    it.kind = ItemKind::ShortText;
    if (type == "url") report(DiagnosticLevel::Warning, item, pointer, link, "a web address is asked as plain text");
  } else if (type == "text") {
    it.kind = ItemKind::LongText;
  } else if (type == "date" || type == "dateTime" || type == "time") {
    refuse(item, pointer, link, "type '" + type + "': the kiosk has no date or time picker; left out");
    return false;
  } else {
    refuse(item, pointer, link, "type '" + type + "' has no kiosk form (attachment, reference, quantity...); left out");
    return false;
  }
  // A kind that shares its FHIR form with another (card_pick beside multi_choice) is named in the
  // kiosk's kind extension (kiosk exports): taken when it has the same FHIR type.
  for (const auto& e : array_of(member(item, "extension"))) {
    if (string_of(member(e, "url")) != kiosk_extension(ext::kKind)) continue;
    const auto named = item_kind_named(string_of(member(e, "valueCode")));
    if (named && describe(*named).fhir_type == describe(it.kind).fhir_type) it.kind = *named;
  }
  const bool text = describe(it.kind).answer == AnswerShape::Text;
  if (text && member(item, "maxLength").isInt()) {
    it.max_length = std::clamp(item["maxLength"].asInt(), 1, 10000);
  }
  if (text && bool_of(member(item, "repeats"))) {
    report(DiagnosticLevel::Warning, item, pointer, link, "repeats: the kiosk takes one answer");
  }
  return true;
}

bool Importer::read_options(const Json::Value& item, const std::string& pointer, Item& it, Imported& imported) {
  const std::string link = item["linkId"].asString();
  std::set<std::string> ids;
  bool scores = false;
  const auto add = [&](OptionKey key, Text label, const Json::Value& source) {
    std::string raw = key.code.empty() ? (key.string ? *key.string : "n" + std::to_string(key.integer.value_or(0))) : key.code;
    if (kiosk_export_ && raw.rfind(link + ".", 0) == 0) raw = raw.substr(link.size() + 1);
    Option o;
    o.id = unique_id(sanitize_id(raw, key.integer ? 'n' : 'o'), ids);
    o.label = std::move(label);
    for (const auto& e : array_of(member(source, "extension"))) {
      const std::string url = string_of(member(e, "url"));
      if (url == kiosk_extension(ext::kOptionDescription)) o.description = text_of(e, "valueString");
      if (url == kiosk_extension(ext::kFlag)) o.flag = read_flag(e);
      scores |= url == kOrdinalValue || url == kItemWeight;
    }
    key.id = o.id;
    imported.options.push_back(std::move(key));
    it.options.push_back(std::move(o));
  };
  const Json::Value& answer_options = array_of(member(item, "answerOption"));
  for (Json::ArrayIndex i = 0; i < answer_options.size(); ++i) {
    const Json::Value& a = answer_options[i];
    if (member(a, "valueCoding").isObject()) {
      const Json::Value& c = a["valueCoding"];
      OptionKey key{string_of(member(c, "system")), string_of(member(c, "code")), std::nullopt, std::nullopt, ""};
      Text label = text_of(c, "display");
      if (label.empty()) {
        label.by_language[base_language_] = key.code;
        report(DiagnosticLevel::Warning, a, pointer + "/answerOption/" + std::to_string(i), link,
               "an option without display; its code '" + key.code + "' is the label");
      }
      if (key.code.empty()) continue;
      add(key, label, a);
    } else if (member(a, "valueString").isString()) {
      add({"", "", a["valueString"].asString(), std::nullopt, ""}, text_of(a, "valueString"), a);
    } else if (member(a, "valueInteger").isInt()) {
      Text label;
      label.by_language[base_language_] = std::to_string(a["valueInteger"].asInt());
      add({"", "", std::nullopt, a["valueInteger"].asInt(), ""}, label, a);
    } else {
      refuse(item, pointer + "/answerOption/" + std::to_string(i), link,
             "an option that is a date, time or reference has no kiosk form; left out");
      return false;
    }
  }
  if (const std::string vs = string_of(member(item, "answerValueSet")); !vs.empty()) {
    const Json::Value* found = nullptr;
    for (const auto& c : array_of(member(*root_, "contained"))) {
      if (string_of(member(c, "resourceType")) != "ValueSet") continue;
      if (vs == "#" + string_of(member(c, "id")) || vs == string_of(member(c, "url"))) found = &c;
    }
    if (found == nullptr) {
      refuse(item, pointer + "/answerValueSet", link,
             "answerValueSet '" + vs + "' is not in this file; the importer never fetches anything (it would need "
             "a terminology server). Put the ValueSet in 'contained' or list answerOption; left out");
      return false;
    }
    std::function<void(const Json::Value&)> expansion = [&](const Json::Value& list) {
      for (const auto& c : array_of(list)) {
        if (!bool_of(member(c, "abstract")) && !string_of(member(c, "code")).empty()) {
          add({string_of(member(c, "system")), string_of(c["code"]), std::nullopt, std::nullopt, ""},
              concept_label(c, string_of(c["code"])), c);
        }
        expansion(member(c, "contains"));
      }
    };
    if (member(member(*found, "expansion"), "contains").isArray()) {
      expansion((*found)["expansion"]["contains"]);
    } else {
      const Json::Value& compose = member(*found, "compose");
      if (compose.isMember("exclude")) {
        refuse(item, pointer + "/answerValueSet", link, "a ValueSet with 'exclude' needs a terminology server; left out");
        return false;
      }
      for (const auto& include : array_of(member(compose, "include"))) {
        if (include.isMember("filter") || include.isMember("valueSet") || !member(include, "concept").isArray()) {
          refuse(item, pointer + "/answerValueSet", link,
                 "a ValueSet defined by a filter or another ValueSet needs a terminology server; left out");
          return false;
        }
        for (const auto& c : include["concept"]) {
          add({string_of(member(include, "system")), string_of(member(c, "code")), std::nullopt, std::nullopt, ""},
              concept_label(c, string_of(member(c, "code"))), c);
        }
      }
    }
  }
  if (scores) report(DiagnosticLevel::Warning, item, pointer, link, "scores dropped (the kiosk shows no scores)");
  if (it.options.size() < 2) {
    refuse(item, pointer, link, "a choice needs at least two options the importer can read; left out");
    return false;
  }
  if (it.max_picks > static_cast<int>(it.options.size())) it.max_picks = 0;
  return true;
}

void Importer::read_extensions(const Json::Value& item, const std::string& pointer, Item& it) {
  const std::string link = item["linkId"].asString();
  for (const auto& e : array_of(member(item, "extension"))) {
    const std::string url = string_of(member(e, "url"));
    if (url == kShortText) {
      it.summary_label = text_of(e, "valueString");
    } else if (url == kEntryFormat && it.help.empty()) {
      it.help = text_of(e, "valueString");
    } else if (url == kMinOccurs && member(e, "valueInteger").isInt()) {
      if (describe(it.kind).allows("min_picks")) it.min_picks = e["valueInteger"].asInt();
    } else if (url == kMaxOccurs && member(e, "valueInteger").isInt()) {
      if (describe(it.kind).allows("max_picks")) {
        it.max_picks = std::min(e["valueInteger"].asInt(), static_cast<int>(it.options.size()));
      }
    } else if (url == kOptionExclusive) {
      report(DiagnosticLevel::Warning, e, pointer, link, "an exclusive option is not enforced by the kiosk");
    } else if (url == kiosk_extension(ext::kSummary)) {
      it.summary = summary_from_word(string_of(member(e, "valueCode"))).value_or(SummarySection::Auto);
    } else if (url == kiosk_extension(ext::kFollowUpOf)) {
      const auto found = by_link_.find(string_of(member(e, "valueString")));
      if (found != by_link_.end()) it.follow_up_of = found->second.id;
    } else if (url == kiosk_extension(ext::kAttribution)) {
      it.attribution = text_of(e, "valueString");
    } else if (url == kiosk_extension(ext::kYesLabel) || url == kiosk_extension(ext::kNoLabel)) {
      Option o;
      o.id = url == kiosk_extension(ext::kYesLabel) ? "yes" : "no";
      o.label = text_of(e, "valueString");
      it.options.push_back(std::move(o));
    } else if (url == kiosk_extension(ext::kFlag)) {
      Flag flag = read_flag(e);
      std::optional<bool> answer;
      std::optional<int> lo, hi;
      for (const auto& part : array_of(member(e, "extension"))) {
        const std::string name = string_of(member(part, "url"));
        if (name == "answer") answer = bool_of(member(part, "valueBoolean"));
        if (name == "min") lo = int_of(member(part, "valueInteger"));
        if (name == "max") hi = int_of(member(part, "valueInteger"));
      }
      if (describe(it.kind).fhir_type == "boolean" && answer) {
        const std::string id = *answer ? "yes" : "no";
        bool placed = false;
        for (auto& o : it.options) {
          if (o.id == id) {
            o.flag = flag;
            placed = true;
          }
        }
        if (!placed) {
          Option o;
          o.id = id;
          o.flag = flag;
          it.options.push_back(std::move(o));
        }
      } else if (describe(it.kind).allows("flag_range") && lo && hi) {
        it.ruler_flags.push_back({*lo, *hi, flag, {}});
      }
    }
  }
  if (it.summary == SummarySection::Auto && it.kind == ItemKind::ShortText) {
    const std::string definition = string_of(member(item, "definition"));
    if (definition.ends_with("Patient.name.given")) {
      bool have_name = false;
      for (const auto& page : q_.pages) {
        for (const auto& other : page.items) have_name |= other.summary == SummarySection::Name;
      }
      if (!have_name) it.summary = SummarySection::Name;
    } else if (definition.find("Patient.") != std::string::npos) {
      report(DiagnosticLevel::Warning, item, pointer, link,
             "identifying question (" + definition + "): the kiosk holds no identity; kept as plain text");
    }
  }
}

void Importer::read_children(const Json::Value& item, const std::string& pointer, Item& it,
                             const std::vector<Condition>& conditions) {
  const std::string link = item["linkId"].asString();
  const Json::Value& children = array_of(member(item, "item"));
  for (Json::ArrayIndex i = 0; i < children.size(); ++i) {
    const Json::Value& child = children[i];
    const std::string child_pointer = pointer + "/item/" + std::to_string(i);
    if (string_of(member(child, "type")) != "display") continue;  // questions: below, once `it` is done with
    const std::string control = item_control_of(child);
    const Text text = text_of(child, "text");
    if (text.empty()) continue;
    if (control == "lower" && describe(it.kind).allows("min_label")) {
      it.min_label = text;
    } else if (control == "upper" && describe(it.kind).allows("max_label")) {
      it.max_label = text;
    } else if (control == "lower" || control == "upper") {
      continue;  // a stepped slider's end labels: dropped (said when it became a choice)
    } else if (control == "unit") {
      report(DiagnosticLevel::Note, child, child_pointer, link, "unit text dropped");
    } else if (it.help.empty()) {
      it.help = text;
    } else {
      for (auto& [lang, words] : it.help.by_language) {
        const auto more = text.by_language.find(lang);
        if (more != text.by_language.end()) words += " " + more->second;
      }
    }
  }
  // Reading a nested question adds to the page's items, which may move `it`: nothing uses it now.
  for (Json::ArrayIndex i = 0; i < children.size(); ++i) {
    const Json::Value& child = children[i];
    if (string_of(member(child, "type")) == "display") continue;
    const std::string child_pointer = pointer + "/item/" + std::to_string(i);
    report(DiagnosticLevel::Warning, child, child_pointer, string_of(member(child, "linkId")),
           "a question nested under a question is shown after it, on the same page");
    read_item(child, child_pointer, conditions);
  }
}

}  // namespace rk::fhir
