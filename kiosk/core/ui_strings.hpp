#pragma once
// The kiosk's own words (Next, Back, the idle prompt, the privacy promise, keyboard labels...) and
// its on-screen keyboard layouts, one file per language: assets/i18n/<lang>.toml.
//
//   language_name = "Español"          # how the language names itself on the language buttons
//   next = "Siguiente"                 # any number of plain string keys
//   [keyboard]
//   rows       = ["q w e r t y", ...]  # keys separated by spaces, one string per row
//   shift_rows = ["Q W E R T Y", ...]  # the same rows with shift on (same shape)
//
// Text may hold {name} placeholders that the UI fills in (for example "{n} of {max} chosen").

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"

namespace rk {

struct KeyboardLayout {
  std::vector<std::vector<std::string>> rows;        ///< each key is one UTF-8 string
  std::vector<std::vector<std::string>> shift_rows;  ///< same shape as rows
  [[nodiscard]] bool empty() const { return rows.empty(); }
};

struct UiLanguage {
  std::string code;  ///< "en", "es", ... (the file name)
  std::map<std::string, std::string, std::less<>> words;
  KeyboardLayout keyboard;
};

class UiStrings {
 public:
  /// The word for `key` in `language`, else in English, else the key itself (never empty-handed,
  /// so a missing translation shows up in screenshots instead of a blank button).
  [[nodiscard]] const std::string& get(const std::string& language, std::string_view key) const;
  /// True when `language` itself has `key` (no fallback).
  [[nodiscard]] bool has(const std::string& language, std::string_view key) const;
  /// The keyboard for `language`, else the English one, else an empty layout.
  [[nodiscard]] const KeyboardLayout& keyboard(const std::string& language) const;
  [[nodiscard]] bool has_language(const std::string& language) const;
  [[nodiscard]] const UiLanguage* language(const std::string& code) const;
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
/// Loads every <lang>.toml in `folder` (normally data_dir() + "/assets/i18n").
UiStringsResult load_ui_strings_folder(const std::string& folder);

}  // namespace rk
