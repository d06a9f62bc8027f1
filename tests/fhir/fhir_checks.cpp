#include "fhir_checks.hpp"

#include <functional>
#include <map>
#include <set>

#include "fhir_vocabulary.hpp"

namespace rk::fhir::test {
namespace {

struct QItem {
  const Json::Value* item = nullptr;
  std::string parent;  // linkId of the enclosing item, "" at the root
};

void index_items(const Json::Value& items, const std::string& parent, std::map<std::string, QItem>& out,
                 std::vector<std::string>& problems) {
  for (const auto& item : items) {
    const std::string link = item["linkId"].asString();
    if (!out.emplace(link, QItem{&item, parent}).second) problems.push_back("Questionnaire: duplicate linkId " + link);
    index_items(item["item"], link, out, problems);
  }
}

const Json::Value* extension(const Json::Value& item, std::string_view url) {
  for (const auto& e : item["extension"]) {
    if (e["url"].asString() == url) return &e;
  }
  return nullptr;
}

/// The answers given to each linkId in a response.
void index_answers(const Json::Value& items, std::map<std::string, std::vector<Json::Value>>& out) {
  for (const auto& item : items) {
    for (const auto& a : item["answer"]) out[item["linkId"].asString()].push_back(a);
    index_answers(item["item"], out);
  }
}

bool compare(const std::string& op, double a, double b) {
  if (op == "=") return a == b;
  if (op == "!=") return a != b;
  if (op == ">") return a > b;
  if (op == ">=") return a >= b;
  if (op == "<") return a < b;
  if (op == "<=") return a <= b;
  return false;
}

/// FHIR R4 enableWhen semantics, on the answers of the response.
bool enabled(const QItem& q, const std::map<std::string, QItem>& items,
             const std::map<std::string, std::vector<Json::Value>>& answers) {
  const Json::Value& item = *q.item;
  if (!q.parent.empty() && !enabled(items.at(q.parent), items, answers)) return false;
  const Json::Value& list = item["enableWhen"];
  if (list.empty()) return true;
  const bool any = item["enableBehavior"].asString() == "any";
  bool result = !any;
  for (const auto& w : list) {
    const std::string op = w["operator"].asString();
    const auto found = answers.find(w["question"].asString());
    const std::vector<Json::Value> given = found == answers.end() ? std::vector<Json::Value>{} : found->second;
    bool holds = false;
    if (op == "exists") {
      holds = given.empty() != w["answerBoolean"].asBool();
    } else {
      for (const auto& a : given) {
        if (w.isMember("answerBoolean") && a.isMember("valueBoolean")) {
          holds |= compare(op, a["valueBoolean"].asBool(), w["answerBoolean"].asBool());
        } else if (w.isMember("answerCoding") && a.isMember("valueCoding")) {
          const bool same = a["valueCoding"]["code"] == w["answerCoding"]["code"] &&
                            a["valueCoding"]["system"] == w["answerCoding"]["system"];
          holds |= op == "=" ? same : op == "!=" ? !same : false;
        } else if (w.isMember("answerInteger") && a.isMember("valueInteger")) {
          holds |= compare(op, a["valueInteger"].asDouble(), w["answerInteger"].asDouble());
        }
      }
    }
    result = any ? (result || holds) : (result && holds);
  }
  return result;
}

std::size_t characters(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

std::vector<std::string> check_response(const Json::Value& questionnaire, const Json::Value& response) {
  std::vector<std::string> problems;
  std::map<std::string, QItem> items;
  index_items(questionnaire["item"], "", items, problems);
  std::map<std::string, std::vector<Json::Value>> answers;
  index_answers(response["item"], answers);
  const std::string canonical = questionnaire["url"].asString() + "|" + questionnaire["version"].asString();
  if (response["questionnaire"].asString() != canonical) {
    problems.push_back("questionnaire is '" + response["questionnaire"].asString() + "', not " + canonical);
  }

  std::set<std::string> present;
  std::function<void(const Json::Value&, const std::string&)> walk = [&](const Json::Value& list,
                                                                           const std::string& parent) {
    for (const auto& r : list) {
      const std::string link = r["linkId"].asString();
      present.insert(link);
      const auto found = items.find(link);
      if (found == items.end()) {
        problems.push_back(link + ": no such linkId in the Questionnaire");
        continue;
      }
      const Json::Value& q = *found->second.item;
      if (found->second.parent != parent) {
        problems.push_back(link + ": nested under '" + parent + "', the Questionnaire has it under '" +
                           found->second.parent + "'");
      }
      const std::string type = q["type"].asString();
      if (r.isMember("answer") && r.isMember("item")) problems.push_back(link + ": both answer and item (qrs-1)");
      if (type == "group" || type == "display") {
        if (r.isMember("answer")) problems.push_back(link + ": a " + type + " has an answer");
        if (type == "group" && r["item"].empty()) problems.push_back(link + ": an empty group");
      } else {
        if (r["answer"].empty()) problems.push_back(link + ": a question without an answer");
        if (r["answer"].size() > 1 && !q["repeats"].asBool()) problems.push_back(link + ": several answers, repeats is false");
        if (!enabled(found->second, items, answers)) problems.push_back(link + ": answered although its enableWhen is false");
      }
      for (const auto& a : r["answer"]) {
        const std::string key = a.getMemberNames().empty() ? "" : a.getMemberNames().front();
        const std::map<std::string, std::string> expected = {
            {"boolean", "valueBoolean"}, {"choice", "valueCoding"}, {"integer", "valueInteger"},
            {"string", "valueString"},   {"text", "valueString"},
        };
        const auto want = expected.find(type);
        if (want == expected.end() || want->second != key) {
          problems.push_back(link + ": answer " + key + " does not fit type " + type);
          continue;
        }
        const Json::Value& v = a[key];
        if (type == "choice") {
          bool offered = false;
          for (const auto& option : q["answerOption"]) {
            offered |= option["valueCoding"]["system"] == v["system"] && option["valueCoding"]["code"] == v["code"];
          }
          if (!offered) problems.push_back(link + ": code " + v["code"].asString() + " is not among the answerOptions");
        } else if (type == "integer") {
          if (!v.isInt()) problems.push_back(link + ": valueInteger is not a whole number");
          const Json::Value* lo = extension(q, kMinValue);
          const Json::Value* hi = extension(q, kMaxValue);
          if ((lo != nullptr && v.asInt() < (*lo)["valueInteger"].asInt()) ||
              (hi != nullptr && v.asInt() > (*hi)["valueInteger"].asInt())) {
            problems.push_back(link + ": " + std::to_string(v.asInt()) + " is outside minValue..maxValue");
          }
        } else if (type == "boolean") {
          if (!v.isBool()) problems.push_back(link + ": valueBoolean is not a boolean");
        } else if (q.isMember("maxLength") && characters(v.asString()) > q["maxLength"].asUInt()) {
          problems.push_back(link + ": longer than maxLength");
        }
      }
      walk(r["item"], link);
    }
  };
  walk(response["item"], "");
  for (const auto& [link, q] : items) {
    if ((*q.item)["required"].asBool() && present.count(link) == 0 && enabled(q, items, answers)) {
      problems.push_back(link + ": required but absent");
    }
  }
  return problems;
}

std::vector<std::string> check_extensions(const Json::Value& resource) {
  // url → the one value[x] it must carry ("" for complex extensions, checked part by part).
  const std::map<std::string, std::string> simple = {
      {std::string(kItemControl), "valueCodeableConcept"},
      {std::string(kDisplayCategory), "valueCodeableConcept"},
      {std::string(kMinValue), "valueInteger"},
      {std::string(kMaxValue), "valueInteger"},
      {std::string(kSliderStep), "valueInteger"},
      {std::string(kMinOccurs), "valueInteger"},
      {std::string(kMaxOccurs), "valueInteger"},
      {std::string(kShortText), "valueString"},
      {kiosk_extension(ext::kMinutes), "valueInteger"},
      {kiosk_extension(ext::kKind), "valueCode"},
      {kiosk_extension(ext::kSummary), "valueCode"},
      {kiosk_extension(ext::kFollowUpOf), "valueString"},
      {kiosk_extension(ext::kAttribution), "valueString"},
      {kiosk_extension(ext::kOptionDescription), "valueString"},
      {kiosk_extension(ext::kYesLabel), "valueString"},
      {kiosk_extension(ext::kNoLabel), "valueString"},
      {"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression", "valueExpression"},
  };
  const std::map<std::string, std::map<std::string, std::string>> complex = {
      {std::string(kTranslation), {{"lang", "valueCode"}, {"content", "valueString"}}},
      {kiosk_extension(ext::kFlag),
       {{"severity", "valueCode"}, {"summary", "valueString"}, {"message", "valueString"},
        {"answer", "valueBoolean"}, {"min", "valueInteger"}, {"max", "valueInteger"}}},
  };
  const std::set<std::string> item_controls = {"page", "radio-button", "check-box", "slider", "lower", "upper"};
  const std::set<std::string> categories = {"instructions"};
  const std::set<std::string> kinds = {"card_pick"};
  std::vector<std::string> problems;
  const auto value_key = [](const Json::Value& e) {
    std::vector<std::string> keys;
    for (const auto& k : e.getMemberNames()) {
      if (k.rfind("value", 0) == 0) keys.push_back(k);
    }
    return keys;
  };
  std::function<void(const Json::Value&, const std::string&)> walk = [&](const Json::Value& v, const std::string& at) {
    if (v.isArray()) {
      for (Json::ArrayIndex i = 0; i < v.size(); ++i) walk(v[i], at + "/" + std::to_string(i));
      return;
    }
    if (!v.isObject()) return;
    for (const auto& e : v["extension"]) {
      const std::string url = e["url"].asString();
      const auto keys = value_key(e);
      if (const auto s = simple.find(url); s != simple.end()) {
        if (keys.size() != 1 || keys[0] != s->second || e.isMember("extension")) {
          problems.push_back(at + ": " + url + " must carry exactly " + s->second);
        }
        const Json::Value& value = keys.empty() ? Json::Value::nullSingleton() : e[keys[0]];
        if (s->second == "valueInteger" && !value.isInt()) problems.push_back(at + ": " + url + " is not an integer");
        if ((s->second == "valueString" || s->second == "valueCode") && (!value.isString() || value.asString().empty())) {
          problems.push_back(at + ": " + url + " is not a non-empty string");
        }
        if (url == kItemControl || url == kDisplayCategory) {
          const Json::Value& coding = value["coding"][0u];
          const bool control = url == kItemControl;
          const std::string system = coding["system"].asString();
          const std::string code = coding["code"].asString();
          if (system != (control ? kItemControlSystem : kDisplayCategorySystem) ||
              (control ? item_controls : categories).count(code) == 0) {
            problems.push_back(at + ": " + url + " has code '" + system + "#" + code + "'");
          }
        }
        if (url == kiosk_extension(ext::kKind) && kinds.count(value.asString()) == 0) problems.push_back(at + ": kind " + value.asString());
        if (url == kiosk_extension(ext::kSummary) && !summary_from_word(value.asString())) problems.push_back(at + ": summary " + value.asString());
      } else if (const auto c = complex.find(url); c != complex.end()) {
        if (!keys.empty() || !e["extension"].isArray()) problems.push_back(at + ": " + url + " must be complex");
        for (const auto& part : e["extension"]) {
          const auto allowed = c->second.find(part["url"].asString());
          const auto part_keys = value_key(part);
          if (allowed == c->second.end() || part_keys.size() != 1 || part_keys[0] != allowed->second) {
            problems.push_back(at + ": " + url + " part '" + part["url"].asString() + "' has the wrong value type");
          }
          if (part["url"] == "severity" && !severity_from_word(part["valueCode"].asString())) {
            problems.push_back(at + ": severity " + part["valueCode"].asString());
          }
        }
      } else {
        problems.push_back(at + ": unexpected extension " + url);
      }
    }
    for (const auto& key : v.getMemberNames()) {
      if (key != "extension") walk(v[key], at + "/" + key);
    }
    for (const auto& e : v["extension"]) {  // translations inside extension values (_valueString)
      for (const auto& key : e.getMemberNames()) {
        if (key.rfind("_value", 0) == 0) walk(e[key], at + "/extension/" + key);
      }
      for (const auto& part : e["extension"]) {
        for (const auto& key : part.getMemberNames()) {
          if (key.rfind("_value", 0) == 0) walk(part[key], at + "/extension/" + key);
        }
      }
    }
  };
  walk(resource, "");
  return problems;
}

}  // namespace rk::fhir::test
