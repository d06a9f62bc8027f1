#include "diagnostics.hpp"

namespace rk {

std::string Diagnostic::format() const {
  const char* word = level == DiagnosticLevel::Error ? "error" : level == DiagnosticLevel::Warning ? "warning" : "note";
  return file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": " + word + ": " + message;
}

}  // namespace rk
