#pragma once
// FHIR R4 export (docs/fhir.md §8, §9): a questionnaire as a Questionnaire, and a finished session's
// summary as a QuestionnaireResponse that references it. Pure functions: JSON values in memory.

#include <json/json.h>

#include <string>
#include <string_view>

#include "questionnaire.hpp"
#include "summary.hpp"

namespace rk::fhir {

/// `base_url` is the clinic's config fhir_base_url; empty means the project URL.
Json::Value export_questionnaire(const Questionnaire& questionnaire, std::string_view base_url = {});

/// The answers the summary holds (Summary::reported), nothing else: no hidden, skipped or left-off
/// answers, no flags, no identity beyond the answer of a `summary = "name"` item. `response_id` is
/// the file stem ("summary-20240501-101500-ab12cd34").
Json::Value export_response(const Summary& summary, const Questionnaire& questionnaire,
                            const std::string& response_id, std::string_view base_url = {});

// Names both exports share (and the importer reads back).
std::string questionnaire_url(const Questionnaire& questionnaire, std::string_view base_url);
std::string option_system(const Questionnaire& questionnaire, std::string_view base_url);
/// "<item>.<option>": unique in the questionnaire's code system.
std::string option_code(const Item& item, const Option& option);
/// The page's linkId: its id, or "page.<id>" when an item has the same id (linkIds are unique).
std::string page_link_id(const Questionnaire& questionnaire, const Page& page);

}  // namespace rk::fhir
