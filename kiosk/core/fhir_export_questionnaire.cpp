// Questionnaire → FHIR R4 Questionnaire (docs/fhir.md §8).
//   export_questionnaire   root: url, name, title, language, kiosk-minutes
//   page_to_group          a page as a group with itemControl "page"
//   item_to_fhir           one item (+ a sibling help display for info items)
//   enable_when            show_if → enableWhen / enableBehavior
#include <set>

#include "fhir_export.hpp"
#include "fhir_text.hpp"
#include "fhir_vocabulary.hpp"

namespace rk::fhir {
namespace {

Json::Value coding(std::string_view system, std::string_view code) {
  Json::Value c;
  c["system"] = std::string(system);
  c["code"] = std::string(code);
  return c;
}

Json::Value item_control(std::string_view code) {
  Json::Value cc;
  cc["coding"].append(coding(kItemControlSystem, code));
  Json::Value e;
  e["url"] = std::string(kItemControl);
  e["valueCodeableConcept"] = cc;
  return e;
}

/// Whether an earlier kind has the same FHIR type and itemControl: then the kiosk's kind extension
/// names this one (card_pick beside multi_choice), and the importer reads it back.
bool shares_fhir_form(const ItemKindInfo& kind) {
  for (const auto& other : item_kinds()) {
    if (other.kind == kind.kind) return false;
    if (other.fhir_type == kind.fhir_type && other.fhir_control == kind.fhir_control) return true;
  }
  return false;
}

Json::Value extension(std::string_view url, const char* value_key, Json::Value value) {
  Json::Value e;
  e["url"] = std::string(url);
  e[value_key] = std::move(value);
  return e;
}

class Exporter {
 public:
  Exporter(const Questionnaire& q, std::string_view base) : q_(q), base_(base), texts_(q) {}

  Json::Value root() const {
    Json::Value r;
    r["resourceType"] = "Questionnaire";
    r["id"] = fhir_id(q_.id);
    r["url"] = questionnaire_url(q_, base_);
    r["version"] = q_.version;
    r["name"] = pascal_case(q_.id);
    texts_.put(r, "title", q_.title);
    r["status"] = "active";
    r["language"] = q_.default_language;
    r["subjectType"].append("Patient");
    if (!q_.intro.empty()) texts_.put(r, "description", q_.intro);
    std::string copyright;
    std::set<std::string> seen;
    for (const auto& page : q_.pages) {
      for (const auto& it : page.items) {
        const std::string& credit = it.attribution.in(q_.default_language);
        if (!credit.empty() && seen.insert(credit).second) copyright += (copyright.empty() ? "" : " ") + credit;
      }
    }
    if (!copyright.empty()) r["copyright"] = copyright;
    r["extension"].append(extension(kiosk_extension(ext::kMinutes), "valueInteger", q_.minutes));
    for (const auto& page : q_.pages) r["item"].append(page_to_group(page));
    return r;
  }

 private:
  const Questionnaire& q_;
  std::string base_;
  TextWriter texts_;

  Json::Value page_to_group(const Page& page) const {
    Json::Value g;
    g["linkId"] = page_link_id(q_, page);
    g["type"] = "group";
    if (!page.title.empty()) texts_.put(g, "text", page.title);
    g["extension"].append(item_control("page"));
    enable_when(g, page.show_if);
    for (const auto& it : page.items) {
      for (auto& fhir_item : item_to_fhir(it)) g["item"].append(std::move(fhir_item));
    }
    return g;
  }

  Json::Value flag_extension(const Flag& flag) const {
    Json::Value e;
    e["url"] = kiosk_extension(ext::kFlag);
    e["extension"].append(extension("severity", "valueCode", std::string(severity_word(flag.severity))));
    Json::Value summary;
    summary["url"] = "summary";
    texts_.put(summary, "valueString", flag.summary);
    e["extension"].append(summary);
    if (!flag.patient_message.empty()) {
      Json::Value message;
      message["url"] = "message";
      texts_.put(message, "valueString", flag.patient_message);
      e["extension"].append(message);
    }
    return e;
  }

  Json::Value text_extension(std::string_view name, const Text& text) const {
    Json::Value e;
    e["url"] = kiosk_extension(name);
    texts_.put(e, "valueString", text);
    return e;
  }

  Json::Value display(const std::string& link_id, const Text& text, std::string_view control,
                      std::string_view category) const {
    Json::Value d;
    d["linkId"] = link_id;
    d["type"] = "display";
    texts_.put(d, "text", text);
    if (!control.empty()) d["extension"].append(item_control(control));
    if (!category.empty()) {
      Json::Value cc;
      cc["coding"].append(coding(kDisplayCategorySystem, category));
      d["extension"].append(extension(kDisplayCategory, "valueCodeableConcept", cc));
    }
    return d;
  }

  void answer_options(Json::Value& f, const Item& it) const {
    for (const auto& option : it.options) {
      Json::Value value = coding(option_system(q_, base_), option_code(it, option));
      texts_.put(value, "display", option.label);
      Json::Value answer;
      answer["valueCoding"] = value;
      if (!option.description.empty()) {
        answer["extension"].append(text_extension(ext::kOptionDescription, option.description));
      }
      if (option.flag) answer["extension"].append(flag_extension(*option.flag));
      f["answerOption"].append(answer);
    }
  }

  std::vector<Json::Value> item_to_fhir(const Item& it) const {
    Json::Value f;
    f["linkId"] = it.id;
    texts_.put(f, "text", it.text);
    if (it.required) f["required"] = true;
    if (!it.summary_label.empty()) {
      Json::Value e;
      e["url"] = std::string(kShortText);
      texts_.put(e, "valueString", it.summary_label);
      f["extension"].append(e);
    }
    if (it.summary != SummarySection::Auto) {
      f["extension"].append(
          extension(kiosk_extension(ext::kSummary), "valueCode", std::string(summary_word(it.summary))));
    }
    if (!it.follow_up_of.empty()) {
      f["extension"].append(extension(kiosk_extension(ext::kFollowUpOf), "valueString", it.follow_up_of));
    }
    if (!it.attribution.empty()) f["extension"].append(text_extension(ext::kAttribution, it.attribution));
    enable_when(f, it.show_if);

    std::vector<Json::Value> out;
    const auto help_child = [&] {
      if (!it.help.empty()) f["item"].append(display(it.id + ".help", it.help, "", "instructions"));
    };
    // The FHIR form comes from the kind's row (item_kind.cpp); what follows it, from its answer shape.
    const ItemKindInfo& kind = describe(it.kind);
    f["type"] = std::string(kind.fhir_type);
    if (kind.answer == AnswerShape::Picks && !kind.single_pick) f["repeats"] = true;
    if (!kind.fhir_control.empty()) f["extension"].append(item_control(kind.fhir_control));
    if (shares_fhir_form(kind)) {
      f["extension"].append(extension(kiosk_extension(ext::kKind), "valueCode", std::string(kind_word(it.kind))));
    }
    switch (kind.answer) {
      case AnswerShape::None:
        out.push_back(f);
        // Display items may not have children (que-1): the help line is the next display.
        if (!it.help.empty()) out.push_back(display(it.id + ".help", it.help, "", "instructions"));
        return out;
      case AnswerShape::Picks:
        if (kind.fhir_type == "boolean") {  // the fixed options yes and no are true and false
          for (const auto& option : it.options) {
            f["extension"].append(
                text_extension(option.id == "yes" ? ext::kYesLabel : ext::kNoLabel, option.label));
            if (option.flag) {
              Json::Value flag = flag_extension(*option.flag);
              flag["extension"].append(extension("answer", "valueBoolean", option.id == "yes"));
              f["extension"].append(flag);
            }
          }
          break;
        }
        if (it.min_picks > 0) f["extension"].append(extension(kMinOccurs, "valueInteger", it.min_picks));
        if (it.max_picks > 0) f["extension"].append(extension(kMaxOccurs, "valueInteger", it.max_picks));
        answer_options(f, it);
        break;
      case AnswerShape::Number:
        f["extension"].append(extension(kMinValue, "valueInteger", it.min));
        f["extension"].append(extension(kMaxValue, "valueInteger", it.max));
        f["extension"].append(extension(kSliderStep, "valueInteger", 1));
        for (const auto& range : it.ruler_flags) {
          Json::Value flag = flag_extension(range.flag);
          flag["extension"].append(extension("min", "valueInteger", range.min));
          flag["extension"].append(extension("max", "valueInteger", range.max));
          f["extension"].append(flag);
        }
        help_child();
        if (!it.min_label.empty()) f["item"].append(display(it.id + ".min", it.min_label, "lower", ""));
        if (!it.max_label.empty()) f["item"].append(display(it.id + ".max", it.max_label, "upper", ""));
        out.push_back(f);
        return out;
      case AnswerShape::Text:
        if (it.max_length > 0) f["maxLength"] = it.max_length;
        break;
    }
    help_child();
    out.push_back(f);
    return out;
  }

  /// One enableWhen for a single condition; false when it needs more than one (one_of).
  void add_condition(Json::Value& target, const Condition& c) const {
    const Item* source = q_.find_item(c.item);
    const auto base = [&](const char* op) {
      Json::Value w;
      w["question"] = c.item;
      w["operator"] = op;
      return w;
    };
    const auto equals = [&](const std::string& value) {
      Json::Value w = base("=");
      if (source != nullptr && describe(source->kind).fhir_type == "boolean") {
        w["answerBoolean"] = value == "yes";
      } else if (const Option* option = source != nullptr ? source->find_option(value) : nullptr) {
        w["answerCoding"] = coding(option_system(q_, base_), option_code(*source, *option));
      }
      target["enableWhen"].append(w);
    };
    switch (c.op) {
      case ConditionOp::Equals:
        equals(c.values.at(0));
        break;
      case ConditionOp::OneOf:
        for (const auto& v : c.values) equals(v);
        break;
      case ConditionOp::AtLeast:
      case ConditionOp::AtMost: {
        Json::Value w = base(c.op == ConditionOp::AtLeast ? ">=" : "<=");
        w["answerInteger"] = c.number;
        target["enableWhen"].append(w);
        break;
      }
      case ConditionOp::Answered: {
        Json::Value w = base("exists");
        w["answerBoolean"] = true;
        target["enableWhen"].append(w);
        break;
      }
    }
  }

  /// show_if (all must hold) as enableWhen. A lone one_of becomes several "=" with behaviour
  /// "any"; one_of beside other conditions has no R4 form and is written as FHIRPath
  /// (sdc enableWhenExpression), which the importer refuses.
  void enable_when(Json::Value& target, const std::vector<Condition>& show_if) const {
    if (show_if.empty()) return;
    const bool lone_one_of = show_if.size() == 1 && show_if[0].op == ConditionOp::OneOf;
    bool one_of_among_others = false;
    for (const auto& c : show_if) one_of_among_others |= !lone_one_of && c.op == ConditionOp::OneOf;
    if (one_of_among_others) {
      target["extension"].append(enable_when_expression(show_if));
      return;
    }
    for (const auto& c : show_if) add_condition(target, c);
    if (target["enableWhen"].size() > 1) target["enableBehavior"] = lone_one_of ? "any" : "all";
  }

  Json::Value enable_when_expression(const std::vector<Condition>& show_if) const {
    std::string expression;
    for (const auto& c : show_if) {
      const Item* source = q_.find_item(c.item);
      std::string answer = "%resource.repeat(item).where(linkId='" + c.item + "').answer.value";
      std::string test;
      switch (c.op) {
        case ConditionOp::Equals:
        case ConditionOp::OneOf:
          for (const auto& v : c.values) {
            const Option* o = source != nullptr ? source->find_option(v) : nullptr;
            if (source != nullptr && describe(source->kind).fhir_type == "boolean") {
              test += std::string(test.empty() ? "" : " or ") + "$this = " + (v == "yes" ? "true" : "false");
            } else if (o != nullptr) {
              test += std::string(test.empty() ? "" : " or ") + "code = '" + option_code(*source, *o) + "'";
            }
          }
          test = answer + ".where(" + test + ").exists()";
          break;
        case ConditionOp::AtLeast:
          test = answer + ".where($this >= " + std::to_string(c.number) + ").exists()";
          break;
        case ConditionOp::AtMost:
          test = answer + ".where($this <= " + std::to_string(c.number) + ").exists()";
          break;
        case ConditionOp::Answered:
          test = answer + ".exists()";
          break;
      }
      expression += (expression.empty() ? "" : " and ") + test;
    }
    Json::Value value;
    value["language"] = "text/fhirpath";
    value["expression"] = expression;
    return extension("http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression",
                     "valueExpression", value);
  }
};

std::string base_or_project(std::string_view base_url) {
  std::string base(base_url.empty() ? kProjectUrl : base_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

}  // namespace

std::string questionnaire_url(const Questionnaire& q, std::string_view base_url) {
  return base_or_project(base_url) + "/Questionnaire/" + q.id;
}

std::string option_system(const Questionnaire& q, std::string_view base_url) {
  return base_or_project(base_url) + "/CodeSystem/" + q.id;
}

std::string option_code(const Item& item, const Option& option) { return item.id + "." + option.id; }

std::string page_link_id(const Questionnaire& q, const Page& page) {
  return q.find_item(page.id) != nullptr ? "page." + page.id : page.id;
}

Json::Value export_questionnaire(const Questionnaire& questionnaire, std::string_view base_url) {
  return Exporter(questionnaire, base_url).root();
}

}  // namespace rk::fhir
