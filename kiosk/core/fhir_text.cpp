#include "fhir_text.hpp"

#include "fhir_vocabulary.hpp"

namespace rk::fhir {

void TextWriter::put(Json::Value& obj, const std::string& key, const Text& text) const {
  obj[key] = text.in(default_language_);
  for (const auto& language : languages_) {
    if (language == default_language_) continue;
    const auto found = text.by_language.find(language);
    if (found == text.by_language.end()) continue;
    Json::Value lang;
    lang["url"] = "lang";
    lang["valueCode"] = language;
    Json::Value content;
    content["url"] = "content";
    content["valueString"] = found->second;
    Json::Value translation;
    translation["url"] = std::string(kTranslation);
    translation["extension"].append(lang);
    translation["extension"].append(content);
    obj["_" + key]["extension"].append(translation);
  }
}

std::vector<std::pair<std::string, std::string>> read_translations(const Json::Value& obj, const std::string& key) {
  std::vector<std::pair<std::string, std::string>> out;
  const Json::Value& element = obj.isObject() ? obj["_" + key] : Json::Value::nullSingleton();
  if (!element.isObject() || !element["extension"].isArray()) return out;
  for (const auto& e : element["extension"]) {
    if (!e.isObject() || e["url"] != std::string(kTranslation) || !e["extension"].isArray()) continue;
    std::string lang, content;
    for (const auto& part : e["extension"]) {
      if (!part.isObject()) continue;
      if (part["url"] == "lang" && part["valueCode"].isString()) lang = part["valueCode"].asString();
      if (part["url"] == "content" && part["valueString"].isString()) content = part["valueString"].asString();
    }
    if (!lang.empty() && !content.empty()) out.emplace_back(lang, content);
  }
  return out;
}

}  // namespace rk::fhir
