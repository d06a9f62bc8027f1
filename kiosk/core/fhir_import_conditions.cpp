// Importer: enableWhen → show_if (docs/fhir.md §5). Our show_if is a list that must all hold,
// on earlier imported items only. Only exact meanings are silent; "!=" is kept with a warning
// (FHIR shows the item while the question is unanswered, we do not); anything else is refused,
// which leaves the item out.
#include <cmath>

#include "fhir_importer.hpp"
#include "item_kind.hpp"

namespace rk::fhir {
namespace {

struct Answer {
  enum class Type { None, Boolean, Coding, String, Integer, Decimal, Other } type = Type::None;
  bool boolean = false;
  std::string system, code, string;
  double number = 0;
};

Answer answer_of(const Json::Value& w) {
  Answer a;
  if (member(w, "answerBoolean").isBool()) {
    a.type = Answer::Type::Boolean;
    a.boolean = w["answerBoolean"].asBool();
  } else if (member(w, "answerCoding").isObject()) {
    a.type = Answer::Type::Coding;
    a.system = string_of(member(w["answerCoding"], "system"));
    a.code = string_of(member(w["answerCoding"], "code"));
  } else if (member(w, "answerString").isString()) {
    a.type = Answer::Type::String;
    a.string = w["answerString"].asString();
  } else if (member(w, "answerInteger").isInt()) {
    a.type = Answer::Type::Integer;
    a.number = w["answerInteger"].asInt();
  } else if (member(w, "answerDecimal").isNumeric()) {
    a.type = Answer::Type::Decimal;
    a.number = w["answerDecimal"].asDouble();
  } else if (w.isObject()) {
    for (const auto& key : w.getMemberNames()) {
      if (key.rfind("answer", 0) == 0) a.type = Answer::Type::Other;
    }
  }
  return a;
}

}  // namespace

bool Importer::read_conditions(const Json::Value& item, const std::string& pointer, const std::string& link,
                               std::vector<Condition>& conditions) {
  const Json::Value& list = array_of(member(item, "enableWhen"));
  if (list.empty()) return true;
  const std::string behavior = string_of(member(item, "enableBehavior"));
  const bool any = behavior == "any" && list.size() > 1;
  std::vector<Condition> mine;
  const auto no = [&](const Json::Value& at, const std::string& where, const std::string& why) {
    refuse(item, where, link, why + "; left out");
    (void)at;
    return false;
  };
  for (Json::ArrayIndex i = 0; i < list.size(); ++i) {
    const Json::Value& w = list[i];
    const std::string at = pointer + "/enableWhen/" + std::to_string(i);
    const std::string question = string_of(member(w, "question"));
    const std::string op = string_of(member(w, "operator"));
    const auto found = by_link_.find(question);
    if (found == by_link_.end()) {
      if (gone_.count(question) != 0) return no(w, at, "shown only after '" + question + "', which is not imported");
      if (all_links_.count(question) != 0) {
        return no(w, at, "shown only after '" + question + "', which comes later or cannot hold an answer here");
      }
      return no(w, at, "enableWhen names '" + question + "', which is not in the file");
    }
    const Imported& source = found->second;
    const Answer answer = answer_of(w);
    Condition c;
    c.item = source.id;
    const auto option_for = [&]() -> std::string {
      for (const auto& o : source.options) {
        if (answer.type == Answer::Type::Boolean && o.id == (answer.boolean ? "yes" : "no") && describe(source.kind).fhir_type == "boolean") return o.id;
        if (answer.type == Answer::Type::Coding && o.code == answer.code && (answer.system.empty() || o.system.empty() || o.system == answer.system)) return o.id;
        if (answer.type == Answer::Type::String && o.string && *o.string == answer.string) return o.id;
        if (answer.type == Answer::Type::Integer && o.integer && *o.integer == static_cast<int>(answer.number)) return o.id;
      }
      return {};
    };
    const bool choice = describe(source.kind).answer == AnswerShape::Picks;
    if (op == "exists") {
      if (answer.type != Answer::Type::Boolean || !answer.boolean) {
        return no(w, at, "'exists false' (shown while unanswered) has no kiosk form");
      }
      c.op = ConditionOp::Answered;
      mine.push_back(c);
    } else if (op == "=" && choice) {
      const std::string id = option_for();
      if (id.empty()) return no(w, at, "the condition names an answer '" + answer.code + answer.string + "' that '" + question + "' does not offer, so it can never hold");
      c.op = ConditionOp::Equals;
      c.values = {id};
      mine.push_back(c);
    } else if (op == "!=" && describe(source.kind).single_pick) {
      const std::string id = option_for();
      if (id.empty()) return no(w, at, "the condition names an answer '" + question + "' does not offer");
      c.op = ConditionOp::OneOf;
      for (const auto& o : source.options) {
        if (o.id != id) c.values.push_back(o.id);
      }
      if (c.values.size() == 1) c.op = ConditionOp::Equals;
      report(DiagnosticLevel::Warning, w, at, link,
             "'!=' kept as 'any other answer': FHIR also shows the item while the question is unanswered, the kiosk does not");
      mine.push_back(c);
    } else if (describe(source.kind).answer == AnswerShape::Number &&
               (answer.type == Answer::Type::Integer || answer.type == Answer::Type::Decimal) &&
               (op == "=" || op == ">" || op == ">=" || op == "<" || op == "<=")) {
      const double v = answer.number;
      const auto push = [&](ConditionOp o, int n) {
        Condition k = c;
        k.op = o;
        k.number = n;
        mine.push_back(k);
      };
      if (op == "=") {
        if (v != std::floor(v) || v < source.min || v > source.max) return no(w, at, "the ruler never takes that value");
        push(ConditionOp::AtLeast, static_cast<int>(v));
        push(ConditionOp::AtMost, static_cast<int>(v));
      } else if (op == ">") {
        push(ConditionOp::AtLeast, static_cast<int>(std::floor(v)) + 1);
      } else if (op == ">=") {
        push(ConditionOp::AtLeast, static_cast<int>(std::ceil(v)));
      } else if (op == "<") {
        push(ConditionOp::AtMost, static_cast<int>(std::ceil(v)) - 1);
      } else {
        push(ConditionOp::AtMost, static_cast<int>(std::floor(v)));
      }
      const Condition& last = mine.back();
      if ((last.op == ConditionOp::AtLeast && last.number > source.max) ||
          (last.op == ConditionOp::AtMost && last.number < source.min)) {
        return no(w, at, "the condition can never hold on a ruler from " + std::to_string(source.min) + " to " +
                             std::to_string(source.max));
      }
    } else if (choice && answer.type == Answer::Type::Integer && (op == ">" || op == ">=" || op == "<" || op == "<=")) {
      c.op = ConditionOp::OneOf;
      for (const auto& o : source.options) {
        if (!o.integer) continue;
        const double n = *o.integer, v = answer.number;
        if ((op == ">" && n > v) || (op == ">=" && n >= v) || (op == "<" && n < v) || (op == "<=" && n <= v)) {
          c.values.push_back(o.id);
        }
      }
      if (c.values.empty()) return no(w, at, "no option satisfies the condition, so it can never hold");
      mine.push_back(c);
    } else {
      return no(w, at, "operator '" + op + "' on '" + question + "' has no exact kiosk form");
    }
  }
  if (any) {
    // "any" is exact only when every condition is "=" on the same choice: one one_of.
    Condition merged;
    for (const auto& c : mine) {
      const bool same = merged.item.empty() || merged.item == c.item;
      if (!same || (c.op != ConditionOp::Equals && c.op != ConditionOp::OneOf)) {
        return no(item, pointer + "/enableBehavior", "enableBehavior 'any' across different questions or tests has no kiosk form");
      }
      merged.item = c.item;
      for (const auto& v : c.values) {
        if (std::find(merged.values.begin(), merged.values.end(), v) == merged.values.end()) merged.values.push_back(v);
      }
    }
    merged.op = merged.values.size() == 1 ? ConditionOp::Equals : ConditionOp::OneOf;
    mine = {merged};
  }
  conditions.insert(conditions.end(), mine.begin(), mine.end());
  return true;
}

}  // namespace rk::fhir
