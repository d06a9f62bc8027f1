// The delivery policy: save, print, or both; a failed print is kept in the save folder; errors are
// clear and nothing is lost silently. (Printing through a real cupsd: cups_e2e_test.cpp.)
#include "deliver.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <future>
#include <string>

#include "pdf_tools.hpp"
#include "private_cupsd.hpp"

using namespace rk;
using namespace rk::delivery;
using Clock = std::chrono::system_clock;

namespace {

const std::vector<unsigned char> kPdf = {'%',  'P', 'D', 'F', '-', '1', '.', '3',
                                         '\n', '%', '%', 'E', 'O', 'F', '\n'};

// libcups keeps its server per thread: run each delivery on a fresh worker, as the app does.
Outcome deliver_on_worker(const KioskConfig& config) {
  return std::async(std::launch::async, [&config] { return deliver(kPdf, config, Clock::now()); }).get();
}

struct ScopedEnv {
  std::string name;
  std::string old;
  bool had = false;
  ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) {
    if (const char* v = std::getenv(name.c_str())) had = true, old = v;
    setenv(name.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (had) {
      setenv(name.c_str(), old.c_str(), 1);
    } else {
      unsetenv(name.c_str());
    }
  }
};

}  // namespace

TEST_CASE("output = save: the PDF lands in the configured folder") {
  test::TempDir dir("rk-deliver");
  KioskConfig config;
  config.output = OutputMode::Save;
  config.save_folder = dir / "summaries";
  const Outcome out = deliver_on_worker(config);
  CHECK(out.delivered());
  CHECK(out.fully_ok());
  CHECK(out.saved);
  CHECK_FALSE(out.saved_as_fallback);
  CHECK_FALSE(out.print_requested);
  CHECK(out.saved_path.rfind(config.save_folder + "/summary-", 0) == 0);
  CHECK(test::read_file(out.saved_path) == kPdf);
  CHECK(out.staff_message().find(out.saved_path) != std::string::npos);
}

TEST_CASE("with no config at all, summaries go to the per-user data folder and the message says where") {
  test::TempDir dir("rk-deliver");
  ScopedEnv xdg("XDG_DATA_HOME", dir.path());
  const KioskConfig defaults;
  CHECK(effective_save_folder(defaults) == dir.path() + "/readiness-kiosk/summaries");
  const Outcome out = deliver_on_worker(defaults);
  REQUIRE(out.saved);
  CHECK(out.saved_path.rfind(dir.path() + "/readiness-kiosk/summaries/summary-", 0) == 0);
  CHECK(out.staff_message().find(dir.path() + "/readiness-kiosk/summaries") != std::string::npos);
  struct stat st {};
  REQUIRE(stat((dir.path() + "/readiness-kiosk/summaries").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("output = print with CUPS unreachable: the failure is reported and the PDF kept as a fallback") {
  test::TempDir dir("rk-deliver");
  ScopedEnv server("CUPS_SERVER", "127.0.0.1:" + std::to_string(test::unused_localhost_port()));
  KioskConfig config;
  config.output = OutputMode::Print;
  config.printer = "KioskPDF";
  config.print_timeout_seconds = 5;
  config.save_folder = dir / "fallback";
  const Outcome out = deliver_on_worker(config);
  CHECK(out.print_requested);
  CHECK_FALSE(out.printed);
  CHECK(out.print_error == ErrorCode::PrinterUnreachable);
  CHECK(out.print_reason.find("CUPS") != std::string::npos);
  CHECK(out.saved);
  CHECK(out.saved_as_fallback);
  CHECK(out.delivered());
  CHECK_FALSE(out.fully_ok());
  CHECK(test::read_file(out.saved_path) == kPdf);
  const std::string message = out.staff_message();
  CHECK(message.find("Printing failed") != std::string::npos);
  CHECK(message.find(out.saved_path) != std::string::npos);
}

TEST_CASE("output = both with the printer down: saved as asked, print failure reported") {
  test::TempDir dir("rk-deliver");
  ScopedEnv server("CUPS_SERVER", "127.0.0.1:" + std::to_string(test::unused_localhost_port()));
  KioskConfig config;
  config.output = OutputMode::Both;
  config.print_timeout_seconds = 5;
  config.save_folder = dir.path();
  const Outcome out = deliver_on_worker(config);
  CHECK_FALSE(out.printed);
  CHECK(out.saved);
  CHECK_FALSE(out.saved_as_fallback);
  CHECK_FALSE(out.fully_ok());
}

TEST_CASE("printer down and folder unusable: a clear 'not delivered', no exception") {
  test::TempDir dir("rk-deliver");
  test::write_file(dir / "file", {'x'});
  ScopedEnv server("CUPS_SERVER", "127.0.0.1:" + std::to_string(test::unused_localhost_port()));
  KioskConfig config;
  config.output = OutputMode::Print;
  config.print_timeout_seconds = 5;
  config.save_folder = dir / "file/summaries";
  const Outcome out = deliver_on_worker(config);
  CHECK_FALSE(out.delivered());
  CHECK(out.save_error == ErrorCode::FolderUnavailable);
  const std::string message = out.staff_message();
  CHECK(message.find("Could not save") != std::string::npos);
  CHECK(message.find("not delivered") != std::string::npos);
}

TEST_CASE("error codes have stable names for the audit log") {
  CHECK(code_name(ErrorCode::None) == "ok");
  CHECK(code_name(ErrorCode::DiskFull) == "disk-full");
  CHECK(code_name(ErrorCode::PrinterStopped) == "printer-stopped");
  CHECK(code_name(ErrorCode::PrintTimeout) == "print-timeout");
}

TEST_CASE("housekeeping removes expired summaries and stale temp files in the save folder") {
  test::TempDir dir("rk-deliver");
  KioskConfig config;
  config.save_folder = dir.path();
  config.retention_days = 1;
  test::write_file(dir / ".summary-x.tmp", {'x'});
  const Outcome fresh = deliver_on_worker(config);
  REQUIRE(fresh.saved);
  housekeeping(config, Clock::now() + std::chrono::hours(72), true);
  CHECK(access(fresh.saved_path.c_str(), F_OK) != 0);
  CHECK(access((dir / ".summary-x.tmp").c_str(), F_OK) != 0);
}
