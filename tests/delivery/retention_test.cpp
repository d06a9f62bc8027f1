// Retention: expired summaries go, everything else stays; stale temp files from a crash go.
#include "retention.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "pdf_tools.hpp"
#include "save.hpp"

using namespace rk::delivery;
using Clock = std::chrono::system_clock;
namespace test = rk::test;

namespace {

void make_file_aged(const std::string& path, Clock::time_point now, std::chrono::hours age) {
  test::write_file(path, {'%', 'P', 'D', 'F'});
  const auto when = Clock::to_time_t(now - age);
  const timespec times[2] = {{when, 0}, {when, 0}};
  REQUIRE(utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

bool exists(const std::string& path) {
  return access(path.c_str(), F_OK) == 0;
}

}  // namespace

TEST_CASE("summaries older than the retention period are deleted, others and foreign files stay") {
  test::TempDir dir("rk-retention");
  const auto now = Clock::now();
  using std::chrono::hours;
  make_file_aged(dir / "summary-20260101-000000-aaaaaaaa.pdf", now, hours(24 * 30));
  make_file_aged(dir / "summary-20260102-000000-bbbbbbbb.pdf", now, hours(24 * 7 + 1));
  make_file_aged(dir / "summary-20260103-000000-cccccccc.pdf", now, hours(24 * 7 - 1));
  make_file_aged(dir / "summary-20260104-000000-dddddddd.pdf", now, hours(1));
  make_file_aged(dir / "summary-20260101-000000-aaaaaaaa.fhir.json", now, hours(24 * 30));  // FHIR twin
  make_file_aged(dir / "summary-20260104-000000-dddddddd.fhir.json", now, hours(1));
  make_file_aged(dir / "summary-20260101-000000-eeeeeeee.json", now, hours(24 * 30));  // not ours
  make_file_aged(dir / "notes.pdf", now, hours(24 * 30));         // not ours
  make_file_aged(dir / "summary-old.txt", now, hours(24 * 30));   // not a summary
  make_file_aged(dir / "my-summary-1.pdf", now, hours(24 * 30));  // not ours either
  std::filesystem::create_directory(dir / "summary-dir.pdf");     // a folder, never deleted
  REQUIRE(symlink((dir / "notes.pdf").c_str(), (dir / "summary-link.pdf").c_str()) == 0);

  const CleanupResult r = remove_expired_summaries(dir.path(), 7, now);
  CHECK(r.removed == 3);
  CHECK(r.failed == 0);
  CHECK(r.reason.empty());
  CHECK_FALSE(exists(dir / "summary-20260101-000000-aaaaaaaa.pdf"));
  CHECK_FALSE(exists(dir / "summary-20260102-000000-bbbbbbbb.pdf"));
  CHECK(exists(dir / "summary-20260103-000000-cccccccc.pdf"));
  CHECK(exists(dir / "summary-20260104-000000-dddddddd.pdf"));
  CHECK_FALSE(exists(dir / "summary-20260101-000000-aaaaaaaa.fhir.json"));
  CHECK(exists(dir / "summary-20260104-000000-dddddddd.fhir.json"));
  CHECK(exists(dir / "summary-20260101-000000-eeeeeeee.json"));
  CHECK(exists(dir / "notes.pdf"));
  CHECK(exists(dir / "summary-old.txt"));
  CHECK(exists(dir / "my-summary-1.pdf"));
  CHECK(exists(dir / "summary-dir.pdf"));
  CHECK(exists(dir / "summary-link.pdf"));

  // A later run, days on, deletes what has expired by then.
  const CleanupResult later = remove_expired_summaries(dir.path(), 7, now + hours(24 * 7));
  CHECK(later.removed == 3);  // two PDFs and a FHIR twin
}

TEST_CASE("retention 0 keeps everything, a missing folder is not an error") {
  test::TempDir dir("rk-retention");
  const auto now = Clock::now();
  make_file_aged(dir / "summary-20200101-000000-aaaaaaaa.pdf", now, std::chrono::hours(24 * 2000));
  CHECK(remove_expired_summaries(dir.path(), 0, now).removed == 0);
  CHECK(exists(dir / "summary-20200101-000000-aaaaaaaa.pdf"));
  const CleanupResult missing = remove_expired_summaries(dir / "nope", 7, now);
  CHECK(missing.removed == 0);
  CHECK(missing.reason.empty());
}

TEST_CASE("stale temp files from an interrupted save are removed at start-up, nothing else") {
  test::TempDir dir("rk-stale");
  // What a kill -9 in the middle of a write leaves: our hidden temp file, partly written.
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const std::string path = dir / ".summary-20261125-213455-0badf00d-123456789abc.tmp";
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    const ssize_t n = write(fd, "%PDF-1.3 partial", 16);
    (void)n;
    pause();  // killed here, mid-save
    _exit(0);
  }
  for (int i = 0; i < 500 && std::filesystem::is_empty(dir.path()); ++i) usleep(10000);
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  test::write_file(dir / ".other-app.tmp", {'x'});
  test::write_file(dir / "summary-20261125-213455-aaaaaaaa.pdf", {'%'});

  const CleanupResult r = remove_stale_temp_files(dir.path());
  CHECK(r.removed == 1);
  CHECK(r.failed == 0);
  CHECK_FALSE(exists(dir / ".summary-20261125-213455-0badf00d-123456789abc.tmp"));
  CHECK(exists(dir / ".other-app.tmp"));
  CHECK(exists(dir / "summary-20261125-213455-aaaaaaaa.pdf"));
}
