// Summary → FHIR R4 QuestionnaireResponse (docs/fhir.md §9). Built from Summary::reported only.
#include <algorithm>
#include <map>

#include "fhir_export.hpp"
#include "item_kind.hpp"
#include "utc_time.hpp"

namespace rk::fhir {
namespace {

Json::Value answer_values(const Item& it, const Answer& given, const Questionnaire& q, std::string_view base,
                          const std::string& language) {
  Json::Value answers(Json::arrayValue);
  const auto add = [&](const char* key, Json::Value value) {
    Json::Value a;
    a[key] = std::move(value);
    answers.append(a);
  };
  const ItemKindInfo& kind = describe(it.kind);  // answers by shape, not by kind (item_kind.hpp)
  switch (kind.answer) {
    case AnswerShape::Picks:
      if (!kind.fixed_options.empty()) {  // yes_no: a FHIR boolean
        if (!given.picks.empty()) add("valueBoolean", given.picks.front() == "yes");
        break;
      }
      for (const auto& option : it.options) {  // option order, not pick order
        if (std::find(given.picks.begin(), given.picks.end(), option.id) == given.picks.end()) continue;
        Json::Value coding;
        coding["system"] = option_system(q, base);
        coding["code"] = option_code(it, option);
        coding["display"] = option.label.in(language, q.default_language);
        add("valueCoding", coding);
      }
      break;
    case AnswerShape::Number:
      if (given.value) add("valueInteger", *given.value);
      break;
    case AnswerShape::Text:
      if (!given.text.empty()) add("valueString", given.text);
      break;
    case AnswerShape::None:
      break;
  }
  return answers;
}

}  // namespace

Json::Value export_response(const Summary& summary, const Questionnaire& q, const std::string& response_id,
                            std::string_view base_url) {
  std::map<std::string, const Answer*, std::less<>> reported;
  for (const auto& r : summary.reported) reported.emplace(r.item_id, &r.answer);

  Json::Value r;
  r["resourceType"] = "QuestionnaireResponse";
  r["id"] = response_id;
  r["questionnaire"] = questionnaire_url(q, base_url) + "|" + q.version;
  r["status"] = "completed";
  r["authored"] = utc_iso8601(summary.finished_at);
  r["language"] = summary.language;
  if (!summary.kiosk_name.empty()) {
    r["author"]["type"] = "Device";
    r["author"]["display"] = summary.kiosk_name;
  }
  for (const auto& page : q.pages) {
    Json::Value group;
    for (const auto& it : page.items) {
      const auto found = reported.find(it.id);
      if (found == reported.end()) continue;
      Json::Value answers = answer_values(it, *found->second, q, base_url, summary.language);
      if (answers.empty()) continue;
      Json::Value item;
      item["linkId"] = it.id;
      item["answer"] = answers;
      group["item"].append(item);
    }
    if (group.isNull()) continue;  // a page group only when it has an answered child (qrs-1)
    group["linkId"] = page_link_id(q, page);
    r["item"].append(group);
  }
  return r;
}

}  // namespace rk::fhir
