#pragma once
// Command-line modes of readiness-kiosk. Each mode lives in its own cli_*.cpp and registers itself
// here, so main() stays a thin dispatcher.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rk::app {

struct Command {
  std::string_view flag;   ///< "--check"; "" is the default mode (the kiosk itself)
  std::string_view usage;  ///< one line for --help
  int (*run)(std::span<const std::string> args);  ///< args after the flag; returns the exit status
};

/// Called from a static initialiser in each cli_*.cpp; returns true so it can initialise a bool.
bool register_command(const Command& command);
const std::vector<Command>& commands();

}  // namespace rk::app
