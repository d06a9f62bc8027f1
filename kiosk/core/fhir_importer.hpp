#pragma once
// The importer's state, shared by fhir_import.cpp (root, pages, languages, result),
// fhir_import_items.cpp (items, options) and fhir_import_conditions.cpp (enableWhen).
// Private to kiosk/core: use fhir_import.hpp.

#include <json/json.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fhir_import.hpp"
#include "fhir_json.hpp"
#include "fhir_toml_writer.hpp"
#include "questionnaire.hpp"

namespace rk::fhir {

/// linkId → id (§7): runs of other characters become '_', a leading non-letter gets `prefix`,
/// over 64 characters: cut to 57 + '-' + 6 hex of a hash.
std::string sanitize_id(std::string_view raw, char prefix);
/// `id`, or id_2, id_3... when taken; records it.
std::string unique_id(std::string id, std::set<std::string>& taken);

/// Safe lookups: jsoncpp throws when indexing a value of the wrong type.
inline const Json::Value& member(const Json::Value& v, const char* key) {
  return v.isObject() ? v[key] : Json::Value::nullSingleton();
}
inline std::string string_of(const Json::Value& v) { return v.isString() ? v.asString() : std::string(); }
/// true, or the string "true" (seen in real files: `"repeats": "true"`, unambiguous); else false.
inline bool bool_of(const Json::Value& v) { return v.isBool() ? v.asBool() : v.isString() && v.asString() == "true"; }
inline std::optional<int> int_of(const Json::Value& v) { return v.isInt() ? std::optional<int>(v.asInt()) : std::nullopt; }
inline const Json::Value& array_of(const Json::Value& v) {
  static const Json::Value empty(Json::arrayValue);
  return v.isArray() ? v : empty;
}

class Importer {
 public:
  Importer(std::string_view text, std::string json_path, std::string output_path)
      : lines_(text), json_path_(std::move(json_path)), output_path_(std::move(output_path)) {}
  ImportResult run(std::string_view text);

 private:
  /// What conditions need to know about an item already imported.
  struct OptionKey {
    std::string system, code;           // valueCoding
    std::optional<std::string> string;  // valueString
    std::optional<int> integer;         // valueInteger
    std::string id;                     // our option id
  };
  struct Imported {
    std::string id;
    ItemKind kind = ItemKind::Info;
    int min = 0, max = 0;
    std::vector<OptionKey> options;
  };

  LineIndex lines_;
  std::string json_path_, output_path_;
  ImportResult out_;
  Questionnaire q_;
  TomlComments comments_;
  std::vector<std::string> header_;
  std::string base_language_ = "en";
  bool kiosk_export_ = false;
  Text copyright_;
  std::set<std::string> page_ids_, item_ids_;
  std::set<std::string> all_links_;        ///< every linkId in the file
  std::set<std::string> gone_;             ///< linkIds left out, hidden or refused (conditions on them cascade)
  std::map<std::string, Imported> by_link_;  ///< linkIds imported so far (earlier items)
  std::map<std::string, std::string> value_sets_;  ///< contained ValueSet "#id" / url → id

  void report(DiagnosticLevel level, const Json::Value& at, const std::string& pointer, const std::string& link_id,
              const std::string& what);
  void refuse(const Json::Value& at, const std::string& pointer, const std::string& link, const std::string& why);
  void refuse_children(const Json::Value& group, const std::string& pointer);
  /// Languages in the order texts first name them (the base language, then the file's order).
  std::vector<std::string> language_order_;
  /// Sets `t` in `lang` and notes where the language first appeared.
  void translate(Text& t, const std::string& lang, const std::string& words);
  Text text_of(const Json::Value& obj, const std::string& key);
  /// A ValueSet concept's label: its display (else `code`), translated by its designations.
  Text concept_label(const Json::Value& coded, const std::string& code);
  void for_each_text(const std::function<void(Text&)>& visit);
  void settle_languages(const Json::Value& root);
  void settle_yes_no_labels(const Json::Value& root);
  bool read_root(const Json::Value& root);
  void read_pages(const Json::Value& root);
  void read_group_page(const Json::Value& group, const std::string& pointer);
  void collect_links(const Json::Value& item);
  ImportResult finish(int status);

  // fhir_import_items.cpp
  const Json::Value* root_ = nullptr;
  void read_item(const Json::Value& item, const std::string& pointer, const std::vector<Condition>& inherited);
  bool read_kind(const Json::Value& item, const std::string& pointer, Item& it, Imported& imported);
  bool read_options(const Json::Value& item, const std::string& pointer, Item& it, Imported& imported);
  void read_extensions(const Json::Value& item, const std::string& pointer, Item& it);
  void read_children(const Json::Value& item, const std::string& pointer, Item& it,
                     const std::vector<Condition>& conditions);
  Flag read_flag(const Json::Value& extension);

  // fhir_import_conditions.cpp
  bool read_conditions(const Json::Value& item, const std::string& pointer, const std::string& link,
                       std::vector<Condition>& conditions);
};

}  // namespace rk::fhir
