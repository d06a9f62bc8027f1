#pragma once
// The language files of this source tree (assets/i18n), loaded once per test program.
#include <string>

#include "ui_strings.hpp"

namespace rk::test {

inline const UiStringsResult& shipped_languages_result() {
  static const UiStringsResult loaded = load_ui_strings_folder(std::string(RK_SOURCE_DIR) + "/assets/i18n");
  return loaded;
}

inline const UiStrings& shipped_languages() {
  return shipped_languages_result().strings;
}

}  // namespace rk::test
