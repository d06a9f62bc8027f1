#pragma once
// Fixed error codes for printing and saving: safe for the audit log (no patient data).

#include <string_view>

namespace rk::delivery {

enum class ErrorCode {
  None,
  // Saving
  FolderUnavailable,  ///< the save folder cannot be created or is not a folder
  PermissionDenied,   ///< no permission to write in the save folder
  ReadOnly,           ///< the file system is read-only
  DiskFull,           ///< no space (or quota) left
  WriteFailed,        ///< any other I/O error
  // Printing
  NoPrinter,           ///< the queue does not exist, or there is no default destination
  PrinterUnreachable,  ///< CUPS (or the printer) cannot be reached
  PrinterStopped,      ///< the queue is stopped or not accepting jobs
  JobAborted,          ///< CUPS aborted the job
  JobCanceled,         ///< someone canceled the job
  PrintTimeout,        ///< the job did not complete in print_timeout_seconds
  PrintFailed,         ///< any other CUPS error
  // Rendering (used by the app when report::render_summary fails)
  RenderFailed,
};

/// A stable kebab-case name for logs: "disk-full", "printer-stopped", ...
std::string_view code_name(ErrorCode code);

}  // namespace rk::delivery
