#pragma once
// The delivery policy the app calls (from a worker thread) once a summary is rendered:
// print, save or both as the config says; a failed print is always kept in the save folder as a
// fallback, so nothing is lost silently. Every result is written to the audit log as codes only.

#include <chrono>
#include <string>
#include <vector>

#include "config.hpp"
#include "delivery_error.hpp"

namespace rk::delivery {

struct Outcome {
  bool print_requested = false;
  bool printed = false;  ///< CUPS completed the job
  ErrorCode print_error = ErrorCode::None;
  std::string print_reason;  ///< staff-readable; "" when printed or not requested
  int job_id = 0;

  bool saved = false;              ///< the PDF is in the save folder (by request or as fallback)
  bool saved_as_fallback = false;  ///< saved only because printing failed
  std::string saved_path;          ///< where, when saved
  ErrorCode save_error = ErrorCode::None;
  std::string save_reason;  ///< staff-readable; "" when saved or not needed

  /// The summary reached the therapist's side: printed, or saved in the folder.
  [[nodiscard]] bool delivered() const { return printed || saved; }
  /// Everything the config asked for worked (no fallback needed).
  [[nodiscard]] bool fully_ok() const;
  /// One staff-readable line: "Printed on KioskPDF (job 12)", "Printer stopped ... saved to
  /// /path", "Could not save: disk full (/path)".
  [[nodiscard]] std::string staff_message() const;
};

/// The folder summaries are saved in: config.save_folder, else rk::default_save_folder().
std::string effective_save_folder(const KioskConfig& config);

/// Prints and/or saves `pdf` as `config.output` says (fallback save when printing fails).
/// `now` names the saved file. Blocks up to config.print_timeout_seconds (plus save time).
/// Never throws.
Outcome deliver(const std::vector<unsigned char>& pdf, const KioskConfig& config,
                std::chrono::system_clock::time_point now);

/// Start-up (and periodic) housekeeping of the save folder: expired summaries
/// (config.retention_days) and, when `at_startup`, stale temp files from an interrupted save.
/// Audited. Never throws.
void housekeeping(const KioskConfig& config, std::chrono::system_clock::time_point now, bool at_startup);

/// One line for the staff screen about config.printer (see print.hpp printer_status).
std::string printer_status(const KioskConfig& config);

}  // namespace rk::delivery
