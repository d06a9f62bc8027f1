#pragma once
// A questionnaire and the kiosk's language files (assets/i18n, ui_strings.hpp) together: every
// language a questionnaire declares must have a file, or the kiosk could not speak it (its buttons,
// keyboard and summary would have no words); and a yes/no item's options take their labels from
// those files unless the questionnaire writes its own. The loader itself knows no language files,
// so it can be fuzzed alone.

#include <string>

#include "questionnaire.hpp"
#include "ui_strings.hpp"

namespace rk {

/// Checks the questionnaire's languages against `languages` (an error at each language's
/// LINE:COLUMN that has no file) and fills yes/no labels from each file's `yes` and `no`.
Diagnostics bind_languages(Questionnaire& questionnaire, const UiStrings& languages);

/// load_questionnaire_file, then bind_languages: what the kiosk, --check and --sample-summary use.
LoadResult load_questionnaire_file(const std::string& path, const UiStrings& languages);

}  // namespace rk
