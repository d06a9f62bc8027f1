#pragma once
// For `--check`: every character in a questionnaire's strings that the kiosk cannot draw, on
// screen or on paper, with its line and column.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rk::text {

struct Undrawable {
  std::size_t line = 0;    ///< 1-based
  std::size_t column = 0;  ///< 1-based, in code points (as toml++ counts)
  char32_t cp = 0;
  std::string message;  ///< what is wrong and what to do
};

/// Scans the strings of a TOML file (basic, literal, multi-line; \u escapes decoded; comments
/// skipped) and checks each character, as it will be drawn after Arabic joining, against the
/// screen's and the paper's fonts installed here.
std::vector<Undrawable> find_undrawable(std::string_view toml_source);

}  // namespace rk::text
