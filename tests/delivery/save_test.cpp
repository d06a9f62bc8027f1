// Atomic save: temp file + fsync + rename, mode 0600, names that sort by time, clear errors.
#include "save.hpp"

#include <dirent.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "pdf_tools.hpp"
#include "skip.hpp"

using namespace rk::delivery;
using Clock = std::chrono::system_clock;
namespace test = rk::test;

namespace {

std::vector<std::string> list_dir(const std::string& folder) {
  std::vector<std::string> names;
  if (DIR* d = opendir(folder.c_str())) {
    while (const dirent* e = readdir(d)) {
      const std::string n = e->d_name;
      if (n != "." && n != "..") names.push_back(n);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<unsigned char> payload(size_t size, unsigned char seed = 7) {
  std::vector<unsigned char> bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<unsigned char>((i * 31 + seed) & 0xFF);
  return bytes;
}

bool is_summary_name(const std::string& n) {
  return n.rfind("summary-", 0) == 0 && n.size() > 4 && n.ends_with(".pdf");
}

// Polls `folder` until finished; every summary-*.pdf it can open must hold exactly `expected`.
class Watcher {
 public:
  Watcher(std::string folder, const std::vector<unsigned char>& expected) {
    thread_ = std::thread([this, folder = std::move(folder), &expected] {
      while (!stop_) {
        for (const std::string& name : list_dir(folder)) {
          if (!is_summary_name(name)) continue;
          const int fd = open((folder + "/" + name).c_str(), O_RDONLY);
          if (fd < 0) continue;  // deleted meanwhile
          std::vector<unsigned char> bytes;
          unsigned char buf[65536];
          ssize_t n = 0;
          while ((n = read(fd, buf, sizeof buf)) > 0) bytes.insert(bytes.end(), buf, buf + n);
          close(fd);
          (bytes == expected ? complete_ : partial_)++;
        }
      }
    });
  }
  ~Watcher() { finish(); }
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  void finish() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  [[nodiscard]] int complete() const { return complete_; }
  [[nodiscard]] int partial() const { return partial_; }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<int> complete_{0};
  std::atomic<int> partial_{0};
  std::thread thread_;
};

// Writes straight to the final name in small pieces: what a non-atomic save would look like.
void naive_save(const std::vector<unsigned char>& bytes, const std::string& path) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  for (size_t at = 0; at < bytes.size(); at += 4096) {
    const size_t n = std::min<size_t>(4096, bytes.size() - at);
    if (write(fd, bytes.data() + at, n) < 0) break;
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  close(fd);
}

}  // namespace

TEST_CASE("save_summary writes the bytes, mode 0600, in a new 0700 folder, with a time-sorted name") {
  test::TempDir dir("rk-save");
  const std::string folder = dir / "deep/er/summaries";
  const auto bytes = payload(10000);
  const auto when = Clock::time_point{std::chrono::seconds(1795000000)};  // 2026-11-18 11:06:40 UTC
  const SaveResult r = save_summary(bytes, folder, when);
  REQUIRE(r.ok());
  CHECK(r.reason.empty());
  CHECK(test::read_file(r.path) == bytes);
  struct stat st {};
  REQUIRE(stat(r.path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(stat(folder.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  const std::string name = r.path.substr(folder.size() + 1);
  CHECK(std::regex_match(name, std::regex(R"(summary-20261118-110640-[0-9a-f]{8}\.pdf)")));
  CHECK(list_dir(folder) == std::vector<std::string>{name});  // no temp file left behind

  // Later saves sort after earlier ones, and never replace them.
  std::vector<std::string> names{name};
  for (int i = 1; i <= 5; ++i) {
    const SaveResult later = save_summary(bytes, folder, when + std::chrono::seconds(i * 61));
    REQUIRE(later.ok());
    names.push_back(later.path.substr(folder.size() + 1));
  }
  const SaveResult same_second = save_summary(bytes, folder, when);
  REQUIRE(same_second.ok());
  CHECK(same_second.path != r.path);
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(list_dir(folder).size() == 7);
}

TEST_CASE("summary file names carry no patient data: only the time and random letters") {
  const std::string n = summary_file_name(Clock::now());
  CHECK(std::regex_match(n, std::regex(R"(summary-\d{8}-\d{6}-[0-9a-f]{8}\.pdf)")));
}

TEST_CASE("a save is atomic: a watcher never sees a partial file under the final name") {
  test::TempDir dir("rk-atomic");
  const auto bytes = payload(768 * 1024);

  SUBCASE("control: the watcher does catch a writer that is not atomic") {
    Watcher watcher(dir.path(), bytes);
    for (int i = 0; i < 5; ++i) naive_save(bytes, dir / ("summary-naive-" + std::to_string(i) + ".pdf"));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    watcher.finish();
    CHECK(watcher.partial() > 0);
  }

  SUBCASE("save_summary: only whole files ever appear") {
    Watcher watcher(dir.path(), bytes);
    std::string previous;
    const auto start = Clock::now();
    for (int i = 0; i < 60; ++i) {
      const SaveResult r = save_summary(bytes, dir.path(), start + std::chrono::seconds(i));
      REQUIRE(r.ok());
      if (!previous.empty()) unlink(previous.c_str());  // keep the folder small for the watcher
      previous = r.path;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    watcher.finish();
    CHECK(watcher.partial() == 0);
    CHECK(watcher.complete() > 0);
    for (const std::string& n : list_dir(dir.path())) CHECK(is_summary_name(n));  // no temp files left
  }
}

TEST_CASE("an unusable folder gives a clear error, never an exception") {
  test::TempDir dir("rk-unwritable");
  test::write_file(dir / "a-file", payload(10));
  const auto bytes = payload(100);

  // A path under a regular file fails even for root.
  const SaveResult under_file = save_summary(bytes, dir / "a-file/summaries", Clock::now());
  CHECK_FALSE(under_file.ok());
  CHECK(under_file.code == ErrorCode::FolderUnavailable);
  CHECK(under_file.reason.find("a-file") != std::string::npos);
  CHECK(under_file.path.empty());

  const SaveResult empty_folder = save_summary(bytes, "", Clock::now());
  CHECK_FALSE(empty_folder.ok());

  // /proc refuses new files whoever asks.
  const SaveResult proc = save_summary(bytes, "/proc/self", Clock::now());
  CHECK_FALSE(proc.ok());
  CHECK_FALSE(proc.reason.empty());

  if (geteuid() != 0) {  // permission bits only bind non-root users
    const std::string locked = dir / "locked";
    REQUIRE(mkdir(locked.c_str(), 0500) == 0);
    const SaveResult denied = save_summary(bytes, locked, Clock::now());
    CHECK(denied.code == ErrorCode::PermissionDenied);
  }
}

TEST_CASE("a full disk and a read-only disk give DiskFull and ReadOnly, with nothing left behind" *
          doctest::test_suite("tmpfs")) {
  // A tiny tmpfs in a private mount namespace (root only), in a child so nothing leaks out.
  test::TempDir dir("rk-fulldisk");
  const std::string mount_point = dir.path();
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(fds[0]);
    int results[4] = {-1, -1, -1, -1};
    if (unshare(CLONE_NEWNS) != 0 || mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=64k,mode=0700") != 0) {
      _exit(42);  // cannot mount here: the parent skips this check
    }
    const std::string folder = mount_point + "/summaries";
    const SaveResult full = save_summary(payload(512 * 1024), folder, Clock::now());
    results[0] = static_cast<int>(full.code);
    results[1] = static_cast<int>(list_dir(folder).size());
    const bool remounted =
        mount(nullptr, mount_point.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, "size=64k") == 0;
    const SaveResult read_only = save_summary(payload(100), folder, Clock::now());
    results[2] = remounted ? static_cast<int>(read_only.code) : -2;
    results[3] = static_cast<int>(list_dir(folder).size());
    const ssize_t written = write(fds[1], results, sizeof results);
    _exit(written == static_cast<ssize_t>(sizeof results) ? 0 : 1);
  }
  close(fds[1]);
  int results[4] = {-1, -1, -1, -1};
  const ssize_t got = read(fds[0], results, sizeof results);
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 42)
    return test::skip("cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)");
  REQUIRE(got == static_cast<ssize_t>(sizeof results));
  CHECK(results[0] == static_cast<int>(ErrorCode::DiskFull));
  CHECK(results[1] == 0);  // the temp file was removed
  CHECK(results[2] == static_cast<int>(ErrorCode::ReadOnly));
  CHECK(results[3] == 0);
}

TEST_CASE("save_file_atomically replaces the target whole, mode 0600") {
  test::TempDir dir("rk-atomic-file");
  const std::string target = dir / "out.pdf";
  test::write_file(target, payload(50, 1));
  const auto bytes = payload(5000, 2);
  const SaveResult r = save_file_atomically(bytes, target);
  REQUIRE(r.ok());
  CHECK(r.path == target);
  CHECK(test::read_file(target) == bytes);
  struct stat st {};
  REQUIRE(stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"out.pdf"});

  CHECK_FALSE(save_file_atomically(bytes, dir / "missing/out.pdf").ok());
  CHECK_FALSE(save_file_atomically(bytes, dir.path() + "/").ok());
}

TEST_CASE("save_file_atomically writes text byte for byte") {
  test::TempDir dir("rk-atomic-text");
  const std::string target = dir / "q.json";
  const std::string text = "{\"title\": \"¿Qué le ayuda?\"}\n";
  REQUIRE(save_file_atomically(std::string_view(text), target).ok());
  const auto back = test::read_file(target);
  CHECK(std::string(back.begin(), back.end()) == text);
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"q.json"});
}
