// The outbox on disk (put, list, mark, remove, clean-up), the folder probe, and the pure decisions.
#include "outbox.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "file_io.hpp"
#include "utc_time.hpp"

namespace rk::delivery {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTempPrefix = ".tmp-";
constexpr const char* kErrorFile = ".last-error";
constexpr const char* kJobFile = ".job";
constexpr std::size_t kMaxErrorBytes = 1000;

PutResult put_failure(int err, const std::string& what, const std::string& where) {
  PutResult r;
  r.code = code_for_errno(err);
  r.reason = errno_reason(err, what, where);
  return r;
}

bool valid_file_name(const std::string& name) {
  return !name.empty() && name[0] != '.' && name.find('/') == std::string::npos && name.size() < 200;
}

// Writes one new file (O_EXCL, 0600), fsynced; 0 or an errno.
int write_new_file(const std::string& path, const std::vector<unsigned char>& bytes) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return errno;
  int err = fchmod(fd, 0600) != 0 ? errno : 0;
  if (!err) err = write_all(fd, bytes.data(), bytes.size());
  if (!err && fsync(fd) != 0) err = errno;
  if (close(fd) != 0 && !err) err = errno;
  return err;
}

// Replaces `folder`/`name` with `bytes` whole (a new file renamed over it), the rename fsynced;
// 0 or an errno.
int replace_file(const std::string& folder, const std::string& name,
                 const std::vector<unsigned char>& bytes) {
  const std::string path = folder + "/" + name;
  const std::string temp = path + ".new";
  unlink(temp.c_str());
  if (const int err = write_new_file(temp, bytes)) {
    unlink(temp.c_str());
    return err;
  }
  if (rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    unlink(temp.c_str());
    return err;
  }
  return fsync_folder(folder);
}

std::string read_small_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text(4096, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

// An outbox folder holds summaries: nobody but the kiosk user may list or read it.
int make_private_folder(const std::string& folder) {
  if (const int err = make_folder(folder)) return err;
  struct stat st {};
  if (stat(folder.c_str(), &st) != 0) return errno;
  if ((st.st_mode & 0077) != 0 && st.st_uid == geteuid() && chmod(folder.c_str(), 0700) != 0) return errno;
  return 0;
}

OutboxEntry read_entry(const fs::path& folder) {
  OutboxEntry e;
  e.id = folder.filename().string();
  e.folder = folder.string();
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(folder, ec)) {
    const std::string name = f.path().filename().string();
    if (!f.is_regular_file(ec)) continue;
    if (name == ".printed") {
      e.printed = true;
    } else if (name == ".saved") {
      e.saved = true;
    } else if (name == ".save-instead") {
      e.save_instead = true;
    } else if (name == kJobFile) {
      e.job = parse_ticket(read_small_file(f.path()));
    } else if (name == kErrorFile) {
      std::ifstream in(f.path());
      std::getline(in, e.last_error);
    } else if (valid_file_name(name)) {
      e.files.push_back(name);
    }
  }
  std::sort(e.files.begin(), e.files.end());
  return e;
}

std::time_t oldest_file_time(const OutboxEntry& e) {
  std::time_t oldest = 0;
  for (const auto& name : e.files) {
    struct stat st {};
    if (stat((e.folder + "/" + name).c_str(), &st) != 0) continue;
    if (oldest == 0 || st.st_mtim.tv_sec < oldest) oldest = st.st_mtim.tv_sec;
  }
  return oldest;
}

std::string kib(std::uint64_t bytes) {
  return std::to_string(bytes / 1024) + " KiB";
}

}  // namespace

std::string OutboxEntry::pdf_path() const {
  for (const auto& name : files) {
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".pdf") == 0) return folder + "/" + name;
  }
  return "";
}

std::string outbox_folder(const std::string& save_folder) {
  return save_folder + "/.outbox";
}

std::string new_summary_id(std::chrono::system_clock::time_point when) {
  return "summary-" + utc_file_stamp(when) + "-" + random_hex(4);
}

PutResult put_in_outbox(const std::string& outbox, const std::string& id,
                        const std::vector<OutboxFile>& files) {
  if (!valid_file_name(id)) return put_failure(EINVAL, "Not an outbox entry name:", id);
  if (const int err = make_private_folder(outbox)) return put_failure(err, "Cannot use the outbox", outbox);
  const std::string temp = outbox + "/" + kTempPrefix + id;
  const std::string final_folder = outbox + "/" + id;
  if (mkdir(temp.c_str(), 0700) != 0) return put_failure(errno, "Cannot write in the outbox", outbox);
  const auto give_up = [&](int err, const std::string& what) {
    std::error_code ec;
    fs::remove_all(temp, ec);
    return put_failure(err, what, outbox);
  };
  for (const OutboxFile& f : files) {
    if (!valid_file_name(f.name)) return give_up(EINVAL, "Not a summary file name in");
    if (const int err = write_new_file(temp + "/" + f.name, f.bytes))
      return give_up(err, "Cannot write in the outbox");
  }
  if (const int err = fsync_folder(temp)) return give_up(err, "Cannot write in the outbox");
  if (renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, final_folder.c_str(), RENAME_NOREPLACE) != 0) {
    return give_up(errno, "Cannot finish the entry in the outbox");
  }
  // The rename is what makes the entry exist: it must reach the disk before anyone is told.
  if (const int err = fsync_folder(outbox)) {
    PutResult r = put_failure(err, "Cannot write in the outbox", outbox);
    std::error_code ec;
    fs::remove_all(final_folder, ec);
    return r;
  }
  PutResult ok;
  ok.entry = read_entry(final_folder);
  return ok;
}

std::vector<OutboxEntry> list_outbox(const std::string& outbox) {
  std::vector<OutboxEntry> out;
  std::error_code ec;
  for (const auto& d : fs::directory_iterator(outbox, ec)) {
    const std::string name = d.path().filename().string();
    if (name.rfind("summary-", 0) != 0 || !d.is_directory(ec) || d.is_symlink(ec)) continue;
    out.push_back(read_entry(d.path()));
  }
  std::sort(out.begin(), out.end(), [](const OutboxEntry& a, const OutboxEntry& b) { return a.id < b.id; });
  return out;
}

bool read_entry_file(const OutboxEntry& entry, const std::string& name, std::vector<unsigned char>& bytes) {
  const int fd = open((entry.folder + "/" + name).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  bytes.clear();
  unsigned char buf[64 * 1024];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      return n == 0;
    }
    bytes.insert(bytes.end(), buf, buf + n);
  }
}

bool mark(OutboxEntry& entry, const std::string& marker) {
  const std::string path = entry.folder + "/" + marker;
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return false;
  const bool ok = fsync(fd) == 0;
  close(fd);
  (void)fsync_folder(entry.folder);
  if (marker == ".printed") entry.printed = true;
  if (marker == ".saved") entry.saved = true;
  if (marker == ".save-instead") entry.save_instead = true;
  return ok;
}

void record_error(OutboxEntry& entry, const std::string& reason) {
  entry.last_error = reason.substr(0, kMaxErrorBytes);
  std::string line = entry.last_error;
  std::replace(line.begin(), line.end(), '\n', ' ');
  (void)replace_file(entry.folder, kErrorFile, std::vector<unsigned char>(line.begin(), line.end()));
}

bool record_job(OutboxEntry& entry, const JobTicket& ticket) {
  const std::string text = format_ticket(ticket);
  if (replace_file(entry.folder, kJobFile, std::vector<unsigned char>(text.begin(), text.end())) != 0)
    return false;
  entry.job = ticket;
  return true;
}

void forget_job(OutboxEntry& entry) {
  entry.job.reset();
  if (unlink((entry.folder + "/" + kJobFile).c_str()) == 0) (void)fsync_folder(entry.folder);
}

bool remove_entry(const OutboxEntry& entry) {
  std::error_code ec;
  fs::remove_all(entry.folder, ec);
  if (ec) return false;
  (void)fsync_folder(fs::path(entry.folder).parent_path().string());
  return true;
}

int remove_unfinished_entries(const std::string& outbox) {
  int removed = 0;
  std::error_code ec;
  std::vector<fs::path> stale;
  for (const auto& d : fs::directory_iterator(outbox, ec)) {
    if (d.path().filename().string().rfind(kTempPrefix, 0) == 0) stale.push_back(d.path());
  }
  for (const auto& p : stale) {
    std::error_code rm;
    fs::remove_all(p, rm);
    if (!rm) ++removed;
  }
  return removed;
}

std::vector<std::string> remove_expired_entries(const std::string& outbox, int retention_days,
                                                std::chrono::system_clock::time_point now) {
  std::vector<std::string> removed;
  if (retention_days <= 0) return removed;
  const std::time_t cutoff =
      std::chrono::system_clock::to_time_t(now - std::chrono::hours(24) * retention_days);
  for (const OutboxEntry& e : list_outbox(outbox)) {
    const std::time_t t = oldest_file_time(e);
    if (t != 0 && t < cutoff && remove_entry(e)) removed.push_back(e.id);
  }
  return removed;
}

// --- Decisions ------------------------------------------------------------------------------------

Requested requested_for(bool print_wanted, bool save_wanted, bool save_instead) {
  if (save_instead) return {false, true};
  return {print_wanted, save_wanted};
}

bool entry_done(Requested requested, bool printed, bool saved) {
  return (!requested.print || printed) && (!requested.save || saved);
}

bool should_print(Requested requested, bool printed, const RoundState& round) {
  return requested.print && !printed && !round.print_failed;
}

bool should_save(Requested requested, bool printed, bool saved, const RoundState& round) {
  if (saved || round.save_failed) return false;
  return requested.save || (requested.print && !printed);
}

std::string keep_summaries_problem(const FolderProbe& probe, std::uint64_t min_free) {
  if (!probe.problem.empty()) return probe.problem;
  if (probe.read_only) return "The save folder " + probe.folder + " is on a read-only disk.";
  if (!probe.writable) {
    return "The kiosk may not write in the save folder " + probe.folder +
           " (check its owner and permissions).";
  }
  if (probe.free_bytes < min_free) {
    return "The disk of the save folder " + probe.folder + " is full: " + kib(probe.free_bytes) +
           " free, the kiosk needs " + kib(min_free) + ".";
  }
  return "";
}

FolderProbe probe_folders(const std::string& save_folder) {
  FolderProbe p;
  p.folder = save_folder;
  if (save_folder.empty()) {
    p.problem = "No save folder is set.";
    return p;
  }
  if (const int err = make_folder(save_folder)) {
    p.problem = errno_reason(err, "Cannot use the save folder", save_folder) + ".";
    p.read_only = err == EROFS;
    return p;
  }
  const std::string outbox = outbox_folder(save_folder);
  if (const int err = make_private_folder(outbox)) {
    p.problem = errno_reason(err, "Cannot use the outbox", outbox) + ".";
    p.read_only = err == EROFS;
    return p;
  }
  const bool save_ok = access(save_folder.c_str(), W_OK | X_OK) == 0;
  const int save_err = errno;
  const bool outbox_ok = access(outbox.c_str(), W_OK | X_OK) == 0;
  const int outbox_err = errno;
  p.writable = save_ok && outbox_ok;
  p.read_only = (!save_ok && save_err == EROFS) || (!outbox_ok && outbox_err == EROFS);
  struct statvfs vfs {};
  if (statvfs(outbox.c_str(), &vfs) == 0) {
    if ((vfs.f_flag & ST_RDONLY) != 0) p.read_only = true;
    p.free_bytes = static_cast<std::uint64_t>(vfs.f_bavail) * vfs.f_frsize;
  }
  return p;
}

}  // namespace rk::delivery
