#include "command_line.hpp"

#include <algorithm>
#include <cstdio>

namespace rk::app {

int cli_fail(int status, std::string_view mode, std::string_view message, std::string_view usage) {
  std::fprintf(stderr, "readiness-kiosk %.*s: %.*s\n%.*s", static_cast<int>(mode.size()), mode.data(),
               static_cast<int>(message.size()), message.data(), static_cast<int>(usage.size()), usage.data());
  return status;
}

bool parse_command_line(const CliSyntax& syntax, std::span<const std::string> args) {
  const auto fail = [&](const std::string& message) {
    cli_fail(2, syntax.mode, message, syntax.usage);
    return false;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto option = std::find_if(syntax.options.begin(), syntax.options.end(),
                                     [&](const CliOption& o) { return o.flag == a; });
    if (option != syntax.options.end() && option->value == nullptr) {
      *option->on = true;
    } else if (option != syntax.options.end()) {
      if (i + 1 >= args.size()) return fail(a + " needs a value");
      *option->value = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      return fail("unknown option '" + a + "'");
    } else if (syntax.file == nullptr) {
      return fail("unexpected argument '" + a + "'");
    } else if (syntax.file->empty()) {
      *syntax.file = a;
    } else {
      return fail(std::string(syntax.second_file));
    }
  }
  return true;
}

}  // namespace rk::app
