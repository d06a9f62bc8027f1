#pragma once
// One patient answer. Lives in memory only, inside a Session.

#include <optional>
#include <string>
#include <vector>

namespace rk {

struct Answer {
  std::vector<std::string> picks;  ///< option ids: single/multiple choice, card pick, yes/no
  std::optional<int> value;        ///< ruler
  std::string text;                ///< short or long free text, UTF-8

  /// True when anything was given.
  [[nodiscard]] bool given() const { return !picks.empty() || value.has_value() || !text.empty(); }

  static Answer pick(std::string option_id);
  static Answer picks_of(std::vector<std::string> option_ids);
  static Answer number(int v);
  static Answer free_text(std::string t);
};

}  // namespace rk
