#include "retention.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

namespace rk::delivery {
namespace {

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Calls `visit(name, stat)` for each regular file (not symlinks) in `folder`; `visit` returns true
// to delete the file.
template <typename Visit>
CleanupResult sweep(const std::string& folder, Visit visit) {
  CleanupResult result;
  const int dfd = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) {
    if (errno != ENOENT)
      result.reason = "Cannot read the save folder " + folder + ": " + std::strerror(errno);
    return result;
  }
  DIR* dir = fdopendir(dfd);
  if (!dir) {
    result.reason = "Cannot read the save folder " + folder + ": " + std::strerror(errno);
    close(dfd);
    return result;
  }
  while (const dirent* entry = readdir(dir)) {
    const std::string_view name = entry->d_name;
    struct stat st {};
    if (fstatat(dfd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
    if (!visit(name, st)) continue;
    if (unlinkat(dfd, entry->d_name, 0) == 0) {
      ++result.removed;
    } else if (errno != ENOENT) {
      ++result.failed;
      if (result.reason.empty())
        result.reason = "Cannot delete an old file in " + folder + ": " + std::strerror(errno);
    }
  }
  closedir(dir);  // closes dfd too
  return result;
}

}  // namespace

CleanupResult remove_expired_summaries(const std::string& folder, int retention_days,
                                       std::chrono::system_clock::time_point now) {
  if (retention_days <= 0 || folder.empty()) return {};
  const auto cutoff = now - std::chrono::hours(24) * retention_days;
  const std::time_t cutoff_t = std::chrono::system_clock::to_time_t(cutoff);
  return sweep(folder, [&](std::string_view name, const struct stat& st) {
    const bool ours = ends_with(name, ".pdf") || ends_with(name, ".fhir.json");  // the PDF and its FHIR twin
    return starts_with(name, "summary-") && ours && st.st_mtim.tv_sec < cutoff_t;
  });
}

CleanupResult remove_stale_temp_files(const std::string& folder) {
  if (folder.empty()) return {};
  return sweep(folder, [](std::string_view name, const struct stat&) {
    return starts_with(name, ".summary-") && ends_with(name, ".tmp");
  });
}

}  // namespace rk::delivery
