#pragma once
// Printing through CUPS (libcups): submit the PDF to a queue, then follow the job until it
// completes or fails, within a bounded time. "Completed" means CUPS handed the data on, not that
// paper came out.

#include <chrono>
#include <string>
#include <vector>

#include "delivery_error.hpp"

namespace rk::delivery {

struct PrintResult {
  ErrorCode code = ErrorCode::None;
  int job_id = 0;      ///< CUPS job id once submitted, else 0
  std::string queue;   ///< the queue actually used (the default destination resolved)
  std::string reason;  ///< staff-readable, no patient data; "" when printed
  [[nodiscard]] bool ok() const { return code == ErrorCode::None; }
};

/// Prints `pdf` to `queue` ("" = the CUPS default destination) and waits up to `timeout` for the
/// job to complete. A job still pending at the deadline is canceled and reported as
/// PrintTimeout. The job title is fixed ("Readiness summary"), never patient data. Uses the
/// CUPS server from the environment (CUPS_SERVER) or client.conf. Never throws.
PrintResult print_pdf(const std::vector<unsigned char>& pdf, const std::string& queue,
                      std::chrono::seconds timeout);

/// One line for the staff screen: "KioskPDF: idle, accepting jobs", "KioskPDF: stopped
/// (Paused)", "no default printer", "CUPS not reachable (...)".
std::string printer_status(const std::string& queue);

}  // namespace rk::delivery
