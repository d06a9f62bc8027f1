// Sets the staff_pin_hash line of a config file's text, keeping every other byte (comments,
// order, layout) as the clinic wrote it.
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"

namespace rk {
namespace {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::string with_staff_pin_hash(std::string_view toml_text, std::string_view hash) {
  static const std::regex kHashLine(R"(^[ \t]*staff_pin_hash[ \t]*=.*$)");
  static const std::regex kTableHeader(R"(^[ \t]*\[\[?[ \t]*[A-Za-z0-9_."' -]+[ \t]*\]\]?[ \t]*(#.*)?\r?$)");
  static const std::regex kCommentOrBlank(R"(^[ \t]*(#.*)?\r?$)");
  const std::string new_line = "staff_pin_hash = \"" + std::string(hash) + "\"";

  std::vector<std::string> lines = split_lines(toml_text);
  bool replaced = false;
  for (auto& line : lines) {
    if (std::regex_match(line, kTableHeader)) break;  // below a [table] header a key is not top level
    if (std::regex_match(line, kHashLine)) {
      line = new_line;
      replaced = true;
      break;
    }
  }
  if (!replaced) {
    std::size_t at = 0;
    while (at < lines.size() && std::regex_match(lines[at], kCommentOrBlank)) ++at;
    // Keep the opening comment block together; the new line starts the settings.
    lines.insert(
        lines.begin() + static_cast<std::ptrdiff_t>(at),
        {"# Staff PIN hash, written by `readiness-kiosk --set-pin` (never the PIN itself).", new_line, ""});
  }

  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

}  // namespace rk
