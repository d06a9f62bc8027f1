// readiness-kiosk: a thin dispatcher over the modes registered in cli_*.cpp.
#include <cstdio>
#include <string>
#include <vector>

#include "command_registry.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const auto& all = rk::app::commands();

  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::printf("Usage:\n");
    for (const auto& c : all) std::printf("  readiness-kiosk %.*s\n", static_cast<int>(c.usage.size()), c.usage.data());
    return 0;
  }
  // The first argument naming a registered mode picks it; otherwise the default mode ("") runs
  // with every argument (for example --config FILE, --window 1280x800).
  for (const auto& c : all) {
    if (!c.flag.empty() && !args.empty() && args[0] == c.flag) {
      return c.run(std::span<const std::string>(args).subspan(1));
    }
  }
  for (const auto& c : all) {
    if (c.flag.empty()) return c.run(args);
  }
  std::fprintf(stderr, "readiness-kiosk: unknown option '%s'; try --help\n", args.empty() ? "" : args[0].c_str());
  return 2;
}
