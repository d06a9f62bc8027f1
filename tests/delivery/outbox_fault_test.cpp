// Faults made for real (issue 10), below the UI: a full and a read-only tmpfs under the outbox,
// and a private cupsd stopped with SIGSTOP (it accepts connections and never answers).
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/mount.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "deliver.hpp"
#include "fault_env.hpp"
#include "outbox.hpp"
#include "pdf_tools.hpp"
#include "print.hpp"
#include "private_cupsd.hpp"

using namespace rk;
using namespace rk::delivery;
using Clock = std::chrono::system_clock;
using Steady = std::chrono::steady_clock;

namespace {

std::vector<unsigned char> payload(std::size_t size) {
  std::vector<unsigned char> bytes(size, 'x');
  const std::string head = "%PDF-1.4\n";
  std::copy(head.begin(), head.end(), bytes.begin());
  return bytes;
}

double seconds_since(Steady::time_point start) {
  return std::chrono::duration<double>(Steady::now() - start).count();
}

}  // namespace

TEST_SUITE("disk") {
  TEST_CASE("a full disk: the outbox says DiskFull, leaves nothing half-written, and the probe says full") {
    test::TempDir dir("rk-full");
    if (!test::mount_tmpfs(dir.path(), "64k")) return test::skip("cannot mount a tmpfs here (needs root)");
    const std::string save = dir / "summaries";
    const std::string id = new_summary_id(Clock::now());
    const PutResult put = put_in_outbox(outbox_folder(save), id, {{id + ".pdf", payload(256 * 1024)}});
    CHECK(put.code == ErrorCode::DiskFull);
    CHECK(put.reason.find("the disk is full") != std::string::npos);
    CHECK(list_outbox(outbox_folder(save)).empty());
    CHECK(remove_unfinished_entries(outbox_folder(save)) == 0);  // no .tmp- folder left either
    const std::string problem = keep_summaries_problem(probe_folders(save));
    INFO(problem);
    CHECK(problem.find("is full") != std::string::npos);
    umount(dir.path().c_str());
  }

  TEST_CASE("a read-only disk: the probe says read-only, and nothing can be kept") {
    test::TempDir dir("rk-ro");
    if (!test::mount_tmpfs(dir.path(), "4m")) return test::skip("cannot mount a tmpfs here (needs root)");
    const std::string save = dir / "summaries";
    CHECK(keep_summaries_problem(probe_folders(save)).empty());  // makes both folders
    REQUIRE(mount(nullptr, dir.path().c_str(), nullptr, MS_REMOUNT | MS_RDONLY, "size=4m") == 0);
    CHECK(keep_summaries_problem(probe_folders(save)).find("read-only") != std::string::npos);
    const std::string id = new_summary_id(Clock::now());
    CHECK(put_in_outbox(outbox_folder(save), id, {{id + ".pdf", payload(1000)}}).code == ErrorCode::ReadOnly);
    umount(dir.path().c_str());
  }

  TEST_CASE("a missing save folder that cannot be made is out of service, with the reason") {
    test::TempDir dir("rk-missing");
    if (!test::mount_tmpfs(dir.path(), "64k")) return test::skip("cannot mount a tmpfs here (needs root)");
    REQUIRE(mount(nullptr, dir.path().c_str(), nullptr, MS_REMOUNT | MS_RDONLY, "size=64k") == 0);
    const std::string problem = keep_summaries_problem(probe_folders(dir / "summaries"));
    CHECK(problem.find("Cannot use the save folder " + dir / "summaries") != std::string::npos);
    umount(dir.path().c_str());
  }
}

TEST_SUITE("cups") {
  TEST_CASE(
      "a hung print service: the fallback comes within print_timeout_seconds + 2 s, with the true reason") {
    test::TempDir dir("rk-hung");
    test::PrivateCupsd cupsd;
    if (!cupsd.ready() || !cupsd.add_pdf_queue("QA")) return test::skip("no cupsd / cups-pdf here");
    setenv("CUPS_SERVER", cupsd.server().c_str(), 1);
    cupsd.signal(SIGSTOP);
    KioskConfig config;
    config.output = OutputMode::Print;
    config.printer = "QA";
    config.print_timeout_seconds = 5;
    config.save_folder = dir / "summaries";
    const std::string id = new_summary_id(Clock::now());
    PutResult put = keep_summary(config, id, {{id + ".pdf", payload(2000)}});
    REQUIRE(put.ok());
    const auto start = Steady::now();
    RoundState round;
    const EntryOutcome out =
        std::async(std::launch::async, [&] { return deliver_entry(put.entry, config, round); }).get();
    const double took = seconds_since(start);
    MESSAGE("fallback after " << took << " s");
    CHECK(took <= 5.0 + 2.0);
    CHECK(out.outcome.print_error == ErrorCode::PrinterUnreachable);
    CHECK(out.outcome.print_reason.find("is not answering") != std::string::npos);
    CHECK(out.outcome.print_reason.find("No printer queue") == std::string::npos);
    CHECK(out.outcome.saved);  // kept in the folder for the therapist, and the print still owed
    CHECK_FALSE(out.done);
    // The staff screen's printer line does not hang either.
    const auto status_start = Steady::now();
    const std::string status = std::async(std::launch::async, [&] { return printer_status(config); }).get();
    CHECK(seconds_since(status_start) <= 5.0);
    CHECK(status.find("not answering") != std::string::npos);
    cupsd.signal(SIGCONT);
    unsetenv("CUPS_SERVER");
  }

  TEST_CASE("a print waiting on a hung print service gives up at once when the kiosk stops") {
    test::PrivateCupsd cupsd;
    if (!cupsd.ready() || !cupsd.add_pdf_queue("QA")) return test::skip("no cupsd / cups-pdf here");
    setenv("CUPS_SERVER", cupsd.server().c_str(), 1);
    cupsd.signal(SIGSTOP);
    std::atomic<bool> stop{false};
    auto printing = std::async(
        std::launch::async, [&] { return print_pdf(payload(2000), "QA", std::chrono::seconds(60), &stop); });
    std::this_thread::sleep_for(std::chrono::seconds(1));
    const auto start = Steady::now();
    stop.store(true);
    const PrintResult r = printing.get();
    CHECK(seconds_since(start) <= 1.0);
    CHECK_FALSE(r.ok());
    cupsd.signal(SIGCONT);
    unsetenv("CUPS_SERVER");
  }
}
