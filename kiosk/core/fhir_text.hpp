#pragma once
// A translated Text as FHIR JSON and back: the default language's string in `key`, one
// http://hl7.org/fhir/StructureDefinition/translation extension per other language in `_key`.

#include <json/json.h>

#include <string>
#include <vector>

#include "questionnaire.hpp"

namespace rk::fhir {

class TextWriter {
 public:
  explicit TextWriter(const Questionnaire& q) : default_language_(q.default_language), languages_(q.languages) {}
  /// Writes obj[key] (and obj["_" + key] when there are other languages).
  void put(Json::Value& obj, const std::string& key, const Text& text) const;

 private:
  std::string default_language_;
  std::vector<std::string> languages_;
};

/// The translations in obj["_" + key] as language → string ("lang" valueCode, "content" valueString).
std::vector<std::pair<std::string, std::string>> read_translations(const Json::Value& obj, const std::string& key);

}  // namespace rk::fhir
