#pragma once
// The delivery policy the app calls (from worker threads) once a summary is rendered: keep it in
// the outbox first (keep_summary), then print, save or both as the config says from that copy
// (deliver_entry); a failed print is kept in the save folder as a fallback, and the outbox entry
// stays until every requested output has succeeded. Every result goes to the audit log as codes.

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "config.hpp"
#include "delivery_error.hpp"
#include "outbox.hpp"

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

/// The outbox of the effective save folder.
std::string effective_outbox(const KioskConfig& config);

/// Writes the summary's files (the PDF, and any extra file such as a FHIR export, named
/// "<id>.<ext>") into the outbox as one entry. Audited ("summary-kept" or "outbox-failed").
PutResult keep_summary(const KioskConfig& config, const std::string& id,
                       const std::vector<OutboxFile>& files);

struct EntryOutcome {
  Outcome outcome;    ///< what this attempt did (printed, saved, errors)
  bool done = false;  ///< every requested output has succeeded and the entry left the outbox
  [[nodiscard]] std::string staff_message() const;
};

/// One delivery attempt of an outbox entry, as `config` (and a staff "Save to folder instead") asks:
/// what `round` says already failed in this round is not tried again. `stop` cuts a print short
/// (the entry stays for the next start). Audited. Never throws.
EntryOutcome deliver_entry(OutboxEntry& entry, const KioskConfig& config, RoundState& round,
                           const std::atomic<bool>* stop = nullptr);

/// Start-up (and periodic) housekeeping of the save folder: expired summaries
/// (config.retention_days, outbox entries included) and, when `at_startup`, stale temp files and
/// half-written outbox entries from an interrupted save. Audited. Never throws.
void housekeeping(const KioskConfig& config, std::chrono::system_clock::time_point now, bool at_startup);

/// One line for the staff screen about config.printer (see print.hpp printer_status).
std::string printer_status(const KioskConfig& config, const std::atomic<bool>* stop = nullptr);

}  // namespace rk::delivery
