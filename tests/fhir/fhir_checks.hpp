#pragma once
// Our own checks of exported FHIR, for what no validator covers (docs/fhir.md §10):
//   check_response    a QuestionnaireResponse against its Questionnaire: linkIds and nesting, answer
//                     types, codes among the answerOptions, bounds, lengths, repeats, no answer under a
//                     false enableWhen, required items present
//   check_extensions  every extension's url is one we mean to write, with the value type it must have

#include <json/json.h>

#include <string>
#include <vector>

namespace rk::fhir::test {

std::vector<std::string> check_response(const Json::Value& questionnaire, const Json::Value& response);
std::vector<std::string> check_extensions(const Json::Value& resource);

}  // namespace rk::fhir::test
