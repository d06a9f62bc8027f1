#pragma once
// Problems found in a clinic's files, reported as FILE:LINE:COLUMN: error: message.

#include <string>
#include <vector>

namespace rk {

/// A 1-based place in a source file; 0 means "unknown".
struct SourceLocation {
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  std::string file;
  SourceLocation where;
  std::string message;  ///< what is wrong and what to do about it

  /// "FILE:LINE:COLUMN: error: message" (the form compilers and editors understand).
  [[nodiscard]] std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace rk
