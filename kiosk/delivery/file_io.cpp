#include "file_io.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace rk::delivery {

ErrorCode code_for_errno(int err) {
  switch (err) {
    case ENOSPC:
    case EDQUOT:
      return ErrorCode::DiskFull;
    case EROFS:
      return ErrorCode::ReadOnly;
    case EACCES:
    case EPERM:
      return ErrorCode::PermissionDenied;
    case ENOTDIR:
    case ENOENT:
    case ELOOP:
    case ENAMETOOLONG:
      return ErrorCode::FolderUnavailable;
    default:
      return ErrorCode::WriteFailed;
  }
}

std::string errno_reason(int err, const std::string& what, const std::string& where) {
  std::string reason = what + " " + where + ": " + std::strerror(err);
  switch (code_for_errno(err)) {
    case ErrorCode::DiskFull:
      reason += " (the disk is full)";
      break;
    case ErrorCode::ReadOnly:
      reason += " (the disk is read-only)";
      break;
    default:
      break;
  }
  return reason;
}

std::string random_hex(size_t bytes) {
  unsigned char buf[16] = {};
  if (bytes > sizeof buf) bytes = sizeof buf;
  size_t got = 0;
  while (got < bytes) {
    const ssize_t n = getrandom(buf + got, bytes - got, 0);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      // No entropy source: fall back to time and pid, still unique enough with O_EXCL retries.
      const auto mix = static_cast<unsigned long long>(std::time(nullptr)) ^
                       (static_cast<unsigned long long>(getpid()) << 20) ^
                       reinterpret_cast<unsigned long long>(&got);
      for (size_t k = got; k < bytes; ++k) buf[k] = static_cast<unsigned char>(mix >> ((k % 8) * 8));
      break;
    }
    got += static_cast<size_t>(n);
  }
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  for (size_t k = 0; k < bytes; ++k) {
    out.push_back(kHex[buf[k] >> 4]);
    out.push_back(kHex[buf[k] & 0xF]);
  }
  return out;
}

// Creates `folder` and missing parents; new folders get mode 0700 (summaries are private).
int make_folder(const std::string& folder) {
  struct stat st {};
  if (stat(folder.c_str(), &st) == 0) return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
  for (size_t slash = folder.find('/', 1);; slash = folder.find('/', slash + 1)) {
    const std::string part = folder.substr(0, slash);
    if (!part.empty() && mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return errno;
    if (slash == std::string::npos) break;
  }
  if (stat(folder.c_str(), &st) != 0) return errno;
  return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

int write_all(int fd, const unsigned char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return 0;
}

int fsync_folder(const std::string& folder) {
  const int dfd = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return errno;
  int err = 0;
  // Some file systems cannot fsync a directory (EINVAL); the rename is then as durable as they allow.
  if (fsync(dfd) != 0 && errno != EINVAL) err = errno;
  close(dfd);
  return err;
}

}  // namespace rk::delivery
