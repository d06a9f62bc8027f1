#pragma once
// A fictional patient, for --sample-summary and the staff screen's "print a test summary".

#include <string>

#include "questionnaire.hpp"
#include "summary.hpp"
#include "ui_strings.hpp"

namespace rk {

/// Walks a session through `questionnaire` in `language`, answering every item a fictional patient
/// would (rulers, picks, the patient's own words, a raised flag where the file has one), and returns
/// the summary. What the patient writes comes from the [sample_patient] table of the language's
/// file in `languages`; the name is a clearly fictional one. Works for any valid questionnaire.
Summary make_sample_summary(const Questionnaire& questionnaire, const UiStrings& languages,
                            const std::string& language, Summary::Clock::time_point now);

}  // namespace rk
