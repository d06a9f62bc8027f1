#include "save.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "file_io.hpp"
#include "outbox.hpp"

namespace rk::delivery {
namespace {

constexpr int kNameAttempts = 8;

SaveResult failure(int err, const std::string& what, const std::string& where) {
  SaveResult r;
  r.code = code_for_errno(err);
  r.reason = errno_reason(err, what, where);
  return r;
}

// Takes the temp file away and says why the save failed.
SaveResult drop_temp(const std::string& temp_path, int err, const std::string& what, const std::string& where) {
  unlink(temp_path.c_str());
  return failure(err, what, where);
}

// The file is complete under its name now; a failed folder fsync only leaves durability across a
// power cut in doubt, so it does not turn a save into a failure.
SaveResult saved_at(const std::string& path, const std::string& folder) {
  (void)fsync_folder(folder);
  SaveResult ok;
  ok.path = path;
  return ok;
}

std::string folder_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_name(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Writes the bytes to a new temp file in `folder`; returns its fd-less path or an error.
SaveResult write_temp(std::span<const unsigned char> bytes, const std::string& folder,
                      const std::string& temp_prefix, std::string& temp_path) {
  int fd = -1;
  for (int attempt = 0; attempt < kNameAttempts && fd < 0; ++attempt) {
    temp_path = folder + "/" + temp_prefix + random_hex(6) + ".tmp";
    fd = open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && errno != EEXIST) return failure(errno, "Cannot create a file in", folder);
  }
  if (fd < 0) return failure(EEXIST, "Cannot create a file in", folder);
  // umask may only take bits away, but say 0600 explicitly all the same.
  int err = fchmod(fd, 0600) != 0 ? errno : 0;
  if (!err) err = write_all(fd, bytes.data(), bytes.size());
  if (!err && fsync(fd) != 0) err = errno;
  if (close(fd) != 0 && !err) err = errno;
  return err ? drop_temp(temp_path, err, "Cannot write a file in", folder) : SaveResult{};
}

}  // namespace

std::string summary_file_name(std::chrono::system_clock::time_point when) {
  return new_summary_id(when) + ".pdf";
}

SaveResult save_summary(const std::vector<unsigned char>& bytes, const std::string& folder,
                        std::chrono::system_clock::time_point when) {
  if (folder.empty()) return failure(ENOENT, "No save folder", "configured");
  if (const int err = make_folder(folder)) return failure(err, "Cannot use the save folder", folder);

  const std::string name = summary_file_name(when);
  // ".summary-…tmp": hidden, and never matches "summary-*.pdf", so readers and retention skip it.
  std::string temp_path;
  SaveResult written = write_temp(bytes, folder, "." + name.substr(0, name.size() - 4) + "-", temp_path);
  if (!written.ok()) return written;

  for (int attempt = 0; attempt < kNameAttempts; ++attempt) {
    const std::string final_path = folder + "/" + (attempt == 0 ? name : summary_file_name(when));
    // Never replace an existing summary: RENAME_NOREPLACE, with plain rename where unsupported.
    int rc = renameat2(AT_FDCWD, temp_path.c_str(), AT_FDCWD, final_path.c_str(), RENAME_NOREPLACE);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
      struct stat st {};
      if (lstat(final_path.c_str(), &st) == 0) continue;
      rc = rename(temp_path.c_str(), final_path.c_str());
    }
    if (rc == 0) return saved_at(final_path, folder);
    if (errno != EEXIST) return drop_temp(temp_path, errno, "Cannot finish the file in", folder);
  }
  return drop_temp(temp_path, EEXIST, "Cannot pick a free file name in", folder);
}

SaveResult save_file_atomically(std::span<const unsigned char> bytes, const std::string& path) {
  const std::string folder = folder_of(path);
  if (base_name(path).empty()) return failure(EISDIR, "Not a file name:", path);
  struct stat st {};
  if (stat(folder.c_str(), &st) != 0) return failure(errno, "Cannot use the folder", folder);
  if (!S_ISDIR(st.st_mode)) return failure(ENOTDIR, "Cannot use the folder", folder);

  std::string temp_path;
  SaveResult written = write_temp(bytes, folder, "." + base_name(path) + "-", temp_path);
  if (!written.ok()) return written;
  if (rename(temp_path.c_str(), path.c_str()) != 0) return drop_temp(temp_path, errno, "Cannot write", path);
  return saved_at(path, folder);
}

SaveResult save_file_atomically(std::string_view text, const std::string& path) {
  return save_file_atomically(std::span(reinterpret_cast<const unsigned char*>(text.data()), text.size()), path);
}

}  // namespace rk::delivery
