#pragma once
// Clean-up of the save folder: expired summaries and temp files left by a crash. Only our own
// files are touched ("summary-*.pdf", "summary-*.fhir.json" and ".summary-*.tmp"); anything else stays.

#include <chrono>
#include <string>

namespace rk::delivery {

struct CleanupResult {
  int removed = 0;     ///< files deleted
  int failed = 0;      ///< files that could not be deleted
  std::string reason;  ///< first problem, staff-readable; "" when none
};

/// Deletes summary-*.pdf and summary-*.fhir.json files last modified more than `retention_days` days before `now`.
/// retention_days <= 0 keeps everything. A missing folder is not an error. Never throws.
CleanupResult remove_expired_summaries(const std::string& folder, int retention_days,
                                       std::chrono::system_clock::time_point now);

/// Deletes our temp files (".summary-*.tmp") left by an interrupted save. Call at start-up only,
/// before any save runs (a save in progress owns its temp file). Never throws.
CleanupResult remove_stale_temp_files(const std::string& folder);

}  // namespace rk::delivery
