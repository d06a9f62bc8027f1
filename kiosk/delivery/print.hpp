#pragma once
// Printing through CUPS (libcups): submit the PDF to a queue, then follow the job until it
// completes or fails, within a bounded time. "Completed" means CUPS handed the data on, not that
// paper came out.

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "delivery_error.hpp"
#include "print_job.hpp"

namespace rk::delivery {

struct PrintResult {
  ErrorCode code = ErrorCode::None;
  int job_id = 0;      ///< CUPS job id once submitted, else 0
  std::string queue;   ///< the queue actually used (the default destination resolved)
  std::string reason;  ///< staff-readable, no patient data; "" when printed
  [[nodiscard]] bool ok() const { return code == ErrorCode::None; }
};

/// Told the new job (id, job-uuid, queue, server) once CUPS has created it and before its document
/// is sent, so the caller can record it (the outbox's ".job") for a restart to ask about.
using OnSubmitted = std::function<void(const JobTicket&)>;

/// Prints `pdf` to `queue` ("" = the CUPS default destination) and waits up to `timeout` for the
/// job to complete. A job still pending at the deadline is canceled and reported as
/// PrintTimeout. Every CUPS call runs under that deadline: a scheduler that does not answer
/// gives PrinterUnreachable ("the print service ... is not answering") within about `timeout`.
/// When `*stop` turns true the call returns within a fraction of a second (PrintFailed). The job
/// title is fixed ("Readiness summary"), never patient data. Uses the CUPS server from the
/// environment (CUPS_SERVER) or client.conf. Never throws.
/// SIGTERM (`*stop`) or a kill leaves a submitted job in CUPS: it still prints (see resume_print).
PrintResult print_pdf(const std::vector<unsigned char>& pdf, const std::string& queue,
                      std::chrono::seconds timeout, const std::atomic<bool>* stop = nullptr,
                      const OnSubmitted& on_submitted = {});

struct ResumeResult {
  Resume decision = Resume::PrintAgain;
  PrintResult print;  ///< Printed: ok; Follow: how the job ended; AskLater: why not; else unused
};
/// A job an earlier run submitted (`ticket`): asks CUPS about it and decides (resume_decision);
/// a job still on its way is followed like print_pdf's own (same `timeout`, same cancel when its
/// queue stops or time runs out); an empty job (its document never arrived) is canceled. On
/// PrintAgain and CancelAndPrint the caller prints the summary anew. Never throws.
ResumeResult resume_print(const JobTicket& ticket, std::chrono::seconds timeout,
                          const std::atomic<bool>* stop = nullptr);

/// One line for the staff screen: "KioskPDF: idle, accepting jobs", "KioskPDF: stopped
/// (Paused)", "no default printer", "CUPS not reachable (...)". Asks for at most 3 s.
std::string printer_status(const std::string& queue, const std::atomic<bool>* stop = nullptr);

}  // namespace rk::delivery
