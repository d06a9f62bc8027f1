#pragma once
// Everything the kiosk knows about a language, one file per language: assets/i18n/<code>.toml.
// A new language is a new file; no C++ changes. The screens, the summary PDF, the questionnaire
// loader (yes/no labels) and the sample patient all read it from here.
//
//   language_name = "Español"          # how the language names itself on the language buttons
//   direction = "ltr"                  # or "rtl": text runs right to left, the layout mirrors
//   next = "Siguiente"                 # the kiosk's words: any number of plain string keys
//   [report]                           # the summary PDF's own words (report.title, ...)
//   [sample_patient]                   # what the fictional test patient writes (strings, lists)
//   [[keyboard]]                       # one or more on-screen keyboards; the first is the default
//   name = "ES"                        #   its label on the key that switches layouts
//   compose = "vietnamese"             #   optional: "vietnamese" (tone keys), "hangul" (jamo)
//   rows       = ["q w e r t y", ...]  #   keys separated by spaces, one string per row
//   shift_rows = ["Q W E R T Y", ...]  #   the same rows with shift on (same shape)
//
// Keys in a table are reached as "table.key" ("report.title"). Text may hold {name} placeholders
// that the kiosk fills in ("{n} of {max} chosen"). English (en.toml) is the reference: every other
// file must have exactly its keys, so nothing ever falls back to English without a word.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"

namespace rk {

/// How keys of a layout combine with the text typed so far (keyboard_compose.hpp).
enum class Compose {
  None,        ///< a key appends its text
  Vietnamese,  ///< a combining tone mark key puts that tone on the word's vowel
  Hangul,      ///< jamo keys build syllable blocks
};

struct KeyboardLayout {
  std::string name;  ///< shown on the layout switch key when a language has more than one
  Compose compose = Compose::None;
  std::vector<std::vector<std::string>> rows;        ///< each key is one UTF-8 string
  std::vector<std::vector<std::string>> shift_rows;  ///< same shape as rows
  [[nodiscard]] bool empty() const { return rows.empty(); }
};

struct UiLanguage {
  std::string code;                                                    ///< "en", "es", ... (the file name)
  bool rtl = false;                                                    ///< direction = "rtl"
  std::map<std::string, std::string, std::less<>> words;               ///< "next", "report.title"
  std::map<std::string, std::vector<std::string>, std::less<>> lists;  ///< "sample_patient.hope"
  std::map<std::string, SourceLocation, std::less<>> where;            ///< of every key, for messages
  std::vector<KeyboardLayout> keyboards;
  std::string path;  ///< the file, for messages

  /// The word for `key`; empty when missing (the folder loader reports every missing key).
  [[nodiscard]] const std::string& word(std::string_view key) const;
  /// The list for `key`; empty when missing.
  [[nodiscard]] const std::vector<std::string>& list(std::string_view key) const;
};

class UiStrings {
 public:
  /// The word for `key` in `language` (as find() picks it), else the key itself, so a gap shows
  /// in screenshots. Never another language's word: a file that lacks a key is reported when it
  /// loads (check_complete).
  [[nodiscard]] const std::string& get(const std::string& language, std::string_view key) const;
  /// True when `language` itself has `key`.
  [[nodiscard]] bool has(const std::string& language, std::string_view key) const;
  /// The keyboards of `language` (empty when it has none).
  [[nodiscard]] const std::vector<KeyboardLayout>& keyboards(const std::string& language) const;
  /// Keyboard `index` of `language` (wrapping around), else an empty layout.
  [[nodiscard]] const KeyboardLayout& keyboard(const std::string& language, std::size_t index = 0) const;
  /// True when the language's text runs right to left.
  [[nodiscard]] bool rtl(const std::string& language) const;
  [[nodiscard]] bool has_language(const std::string& language) const;
  [[nodiscard]] const UiLanguage* language(const std::string& code) const;
  /// The file for `code` ("es-MX"), else for its base language ("es"); nullptr when neither exists.
  [[nodiscard]] const UiLanguage* find(std::string_view code) const;
  [[nodiscard]] std::vector<std::string> languages() const;

  void add(UiLanguage language);

 private:
  std::map<std::string, UiLanguage> languages_;
  mutable std::string missing_;  // holds the key echoed back by get() when nothing matches
};

/// `{name}` → value for each pair, in `text`.
std::string fill_placeholders(std::string text,
                              const std::vector<std::pair<std::string, std::string>>& values);

struct UiStringsResult {
  UiStrings strings;
  Diagnostics errors;
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

/// Parses one language file; problems come back as FILE:LINE:COLUMN diagnostics.
UiStringsResult load_ui_strings_text(std::string_view toml_text, const std::string& language,
                                     const std::string& path_for_messages);
/// Loads every <lang>.toml in `folder` and checks each against en.toml (check_complete).
UiStringsResult load_ui_strings_folder(const std::string& folder);
/// The shipped languages: data_dir() + "/assets/i18n".
UiStringsResult load_shipped_languages();

/// What `language` lacks of `reference` (missing keys, lists and keyboards) and has beyond it
/// (keys the reference does not know: usually a typo), as diagnostics in the language's file.
Diagnostics check_complete(const UiLanguage& reference, const UiLanguage& language);

}  // namespace rk
