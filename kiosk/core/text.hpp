#pragma once
// A patient-facing string in every language a questionnaire declares.

#include <map>
#include <string>

namespace rk {

/// Translations keyed by language code ("en", "es", ...). A plain string in a file becomes
/// the same text for every declared language.
struct Text {
  std::map<std::string, std::string> by_language;

  /// The string in `language`, else in `fallback`, else any; an empty string when there is none.
  [[nodiscard]] const std::string& in(const std::string& language, const std::string& fallback = {}) const;
  [[nodiscard]] bool empty() const { return by_language.empty(); }

  /// The same text for one language only (handy in tests and built-in strings).
  static Text plain(std::string language, std::string value);
};

}  // namespace rk
