#include "questionnaire_languages.hpp"

namespace rk {

Diagnostics bind_languages(Questionnaire& questionnaire, const UiStrings& languages) {
  Diagnostics problems;
  for (std::size_t i = 0; i < questionnaire.languages.size(); ++i) {
    const std::string& code = questionnaire.languages[i];
    if (languages.find(code) != nullptr) continue;
    Diagnostic d;
    d.file = questionnaire.source_path;
    if (i < questionnaire.language_where.size()) d.where = questionnaire.language_where[i];
    d.message = "the kiosk has no words for language \"" + code + "\" (no assets/i18n/" + code +
                ".toml): its buttons, keyboard and summary would have nothing to say. Add that file (copy "
                "en.toml and translate every line), or remove \"" +
                code + "\" from 'languages'.";
    problems.push_back(std::move(d));
  }
  for (Page& page : questionnaire.pages) {
    for (Item& item : page.items) {
      if (item.kind != ItemKind::YesNo) continue;
      for (Option& option : item.options) {
        if (option.id != "yes" && option.id != "no") continue;
        for (const std::string& code : questionnaire.languages) {
          const UiLanguage* lang = languages.find(code);
          if (lang == nullptr || option.label.by_language.count(code) != 0) continue;
          option.label.by_language[code] = lang->word(option.id);
        }
      }
    }
  }
  return problems;
}

LoadResult load_questionnaire_file(const std::string& path, const UiStrings& languages) {
  LoadResult result = load_questionnaire_file(path);
  if (result.questionnaire) {
    for (auto& problem : bind_languages(*result.questionnaire, languages))
      result.errors.push_back(std::move(problem));
  }
  return result;
}

}  // namespace rk
