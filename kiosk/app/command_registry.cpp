#include "command_registry.hpp"

namespace rk::app {
namespace {
std::vector<Command>& registry() {
  static std::vector<Command> all;  // function-local so registration order across files is safe
  return all;
}
}  // namespace

bool register_command(const Command& command) {
  registry().push_back(command);
  return true;
}

const std::vector<Command>& commands() { return registry(); }

}  // namespace rk::app
