#pragma once
// What the command-line modes (cli_*.cpp) share: reading their words from one table each, and
// saying what is wrong in one form ("readiness-kiosk --MODE: ...", then the usage).

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rk::app {

/// One option of a mode: "FLAG VALUE" into *value, or, with no value place, a switch that sets *on.
struct CliOption {
  std::string_view flag;
  std::string* value = nullptr;
  bool* on = nullptr;
};

/// The words a mode takes: its options, and at most one word that is not an option (a file).
struct CliSyntax {
  std::string_view mode;   ///< "--sample-summary", as messages name it
  std::string_view usage;  ///< "usage: readiness-kiosk ...\n", printed after each message
  std::vector<CliOption> options;
  std::string* file = nullptr;   ///< where the one file goes; nullptr: the mode takes none
  std::string_view second_file = {};  ///< said when another file follows ("one output file only")
};

/// Reads `args` into the places `syntax` names. False after a message on stderr (exit status 2).
bool parse_command_line(const CliSyntax& syntax, std::span<const std::string> args);

/// Prints "readiness-kiosk MODE: MESSAGE" and `usage` on stderr; returns `status`.
int cli_fail(int status, std::string_view mode, std::string_view message, std::string_view usage = {});

}  // namespace rk::app
