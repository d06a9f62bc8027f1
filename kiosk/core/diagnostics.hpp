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

/// How bad a problem is. The loader reports only errors; the FHIR importer also says what it
/// mapped with a loss (warning) and what it dropped on purpose (note).
enum class DiagnosticLevel { Error, Warning, Note };

struct Diagnostic {
  std::string file;
  SourceLocation where;
  std::string message;  ///< what is wrong and what to do about it
  DiagnosticLevel level = DiagnosticLevel::Error;

  /// "FILE:LINE:COLUMN: error: message" (the form compilers and editors understand);
  /// "warning:" / "note:" for the other levels.
  [[nodiscard]] std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace rk
