#include "diagnostics.hpp"

namespace rk {

std::string Diagnostic::format() const {
  return file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": error: " + message;
}

}  // namespace rk
