#pragma once
// Atomic save of a summary PDF: a temp file in the same folder (O_EXCL, mode 0600), write,
// fsync, rename, fsync of the folder. A partial file is never visible under the final name.

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "delivery_error.hpp"

namespace rk::delivery {

struct SaveResult {
  ErrorCode code = ErrorCode::None;
  std::string path;    ///< the final file, when saved
  std::string reason;  ///< staff-readable, no patient data; "" when saved
  [[nodiscard]] bool ok() const { return code == ErrorCode::None; }
};

/// "summary-YYYYMMDD-HHMMSS-<random>.pdf" (UTC): sorts by time, holds no patient data.
std::string summary_file_name(std::chrono::system_clock::time_point when);

/// Saves `bytes` into `folder` (created with mode 0700 if missing) under summary_file_name(when).
/// Never throws; full disk, read-only folder etc. come back as an error code and reason.
SaveResult save_summary(const std::vector<unsigned char>& bytes, const std::string& folder,
                        std::chrono::system_clock::time_point when);

/// Writes `bytes` atomically to exactly `path` (mode 0600), same steps as save_summary. Used by
/// the command-line modes and the delivery fallback. Never throws.
SaveResult save_file_atomically(std::span<const unsigned char> bytes, const std::string& path);
/// The same for text (JSON, TOML).
SaveResult save_file_atomically(std::string_view text, const std::string& path);

}  // namespace rk::delivery
