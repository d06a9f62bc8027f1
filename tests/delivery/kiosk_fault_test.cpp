// Faults made for real against the whole kiosk (issue 10): the real binary under its own Xvfb,
// driven through its replay FIFO (tests/e2e). A print service stopped with SIGSTOP, kill -9 and
// SIGTERM during delivery, a restart that delivers; a full disk under the save folder.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/mount.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../e2e/e2e_support.hpp"
#include "fault_env.hpp"
#include "private_cupsd.hpp"

namespace {

namespace fs = std::filesystem;
using rk::e2e::Items;
using rk::e2e::KioskDriver;
using rk::e2e::tap;
using rk::e2e::Xvfb;
using Steady = std::chrono::steady_clock;

double seconds_since(Steady::time_point start) {
  return std::chrono::duration<double>(Steady::now() - start).count();
}

/// Start, straight to review, finish: the shortest session (every item is optional).
void finish_a_session(KioskDriver& kiosk) {
  REQUIRE(kiosk.send("wait-id welcome.start"));
  tap(kiosk, "welcome.start");
  tap(kiosk, "nav.review");
  tap(kiosk, "review.finish");
}

std::vector<fs::path> entries(const fs::path& outbox) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(outbox, ec)) {
    if (e.path().filename().string().rfind("summary-", 0) == 0) out.push_back(e.path());
  }
  return out;
}

std::vector<fs::path> pdfs(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    if (e.path().extension() == ".pdf") out.push_back(e.path());
  }
  return out;
}

template <typename Pred>
bool wait_until(Pred pred, double seconds) {
  const auto start = Steady::now();
  while (seconds_since(start) < seconds) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return pred();
}

}  // namespace

TEST_SUITE("kiosk-cups") {
  TEST_CASE(
      "a hung print service: thank-you at once; kill -9 and SIGTERM mid-delivery lose nothing; a restart "
      "prints it") {
    rk::test::PrivateCupsd cupsd;
    if (!cupsd.ready() || !cupsd.add_pdf_queue("QA")) return rk::test::skip("no cupsd / cups-pdf here");
    rk::e2e::TempDir dir;
    const fs::path saved = dir.path / "saved";
    const fs::path outbox = saved / ".outbox";
    const fs::path audit = dir.path / "audit.log";
    const fs::path config = dir.path / "kiosk.toml";
    std::ofstream(config) << "output = \"print\"\nprinter = \"QA\"\nprint_timeout_seconds = 60\n"
                          << "save_folder = \"" << saved.string() << "\"\n"
                          << "audit_log_file = \"" << audit.string() << "\"\n";
    setenv("CUPS_SERVER", cupsd.server().c_str(), 1);
    Xvfb xvfb(1280, 800);
    REQUIRE(xvfb.running());
    cupsd.signal(SIGSTOP);

    // 1. The print hangs; the patient is thanked at once (the summary is kept); kill -9.
    {
      fs::create_directories(dir.path / "run1");
      KioskDriver kiosk(dir.path / "run1", xvfb.display(), {"--config", config.string()});
      finish_a_session(kiosk);
      const auto finished = Steady::now();
      auto thanks = kiosk.send("wait-screen ThankYou 15000", 20);
      INFO(kiosk.log());
      REQUIRE(thanks);
      MESSAGE("thank-you " << seconds_since(finished) << " s after Finish, with the print hanging");
      CHECK(seconds_since(finished) < 10.0);
      REQUIRE(entries(outbox).size() == 1);
      kiosk.process().signal(SIGKILL);
      REQUIRE(kiosk.process().wait(20));
    }
    CHECK(entries(outbox).size() == 1);
    CHECK(pdfs(cupsd.output_folder()).empty());

    // 2. A restart tries again (still hung); SIGTERM in the middle: out within 5 s, entry kept.
    {
      fs::create_directories(dir.path / "run2");
      KioskDriver kiosk(dir.path / "run2", xvfb.display(), {"--config", config.string()});
      REQUIRE(kiosk.items());
      std::this_thread::sleep_for(std::chrono::seconds(2));  // the start-up round is waiting on CUPS
      const auto term = Steady::now();
      kiosk.process().signal(SIGTERM);
      const auto status = kiosk.process().wait(30);
      MESSAGE("SIGTERM during a hung print: exit after " << seconds_since(term) << " s");
      REQUIRE(status);
      CHECK(*status == 0);
      CHECK(seconds_since(term) < 5.0);
    }
    CHECK(entries(outbox).size() == 1);

    // 3. The print service is back: the next start prints it, and the outbox is empty.
    cupsd.signal(SIGCONT);
    {
      fs::create_directories(dir.path / "run3");
      KioskDriver kiosk(dir.path / "run3", xvfb.display(), {"--config", config.string()});
      REQUIRE(kiosk.items());
      CHECK(wait_until([&] { return entries(outbox).empty(); }, 90));
      CHECK(wait_until([&] { return !pdfs(cupsd.output_folder()).empty(); }, 60));
    }
    const std::string log = rk::e2e::read_text(audit);
    MESSAGE("audit log:\n" << log);
    CHECK(log.find("summary-kept") != std::string::npos);
    CHECK(log.find("summary-printed") != std::string::npos);
    CHECK(log.find("summary-delivered") != std::string::npos);
    CHECK(log.find("summary-lost") == std::string::npos);
    unsetenv("CUPS_SERVER");
  }
}

TEST_SUITE("kiosk-print-once") {
  // Issue 16: a job CUPS already holds when the kiosk dies (kill -9) or stops (SIGTERM) must not
  // be printed a second time by the next start. The queue holds every job until the test releases
  // it, so the job is still pending through two restarts.
  TEST_CASE("a job pending in CUPS through kill -9 and SIGTERM of the kiosk prints exactly once") {
    rk::test::PrivateCupsd cupsd;
    if (!cupsd.ready() || !cupsd.add_pdf_queue("QA", "-o job-hold-until-default=indefinite"))
      return rk::test::skip("no cupsd / cups-pdf here");
    rk::e2e::TempDir dir;
    const fs::path saved = dir.path / "saved";
    const fs::path outbox = saved / ".outbox";
    const fs::path audit = dir.path / "audit.log";
    const fs::path config = dir.path / "kiosk.toml";
    std::ofstream(config) << "output = \"print\"\nprinter = \"QA\"\nprint_timeout_seconds = 120\n"
                          << "save_folder = \"" << saved.string() << "\"\n"
                          << "audit_log_file = \"" << audit.string() << "\"\n";
    setenv("CUPS_SERVER", cupsd.server().c_str(), 1);
    Xvfb xvfb(1280, 800);
    REQUIRE(xvfb.running());

    // 1. A session ends; its job waits in CUPS (held, with its document); kill -9.
    {
      fs::create_directories(dir.path / "run1");
      KioskDriver kiosk(dir.path / "run1", xvfb.display(), {"--config", config.string()});
      finish_a_session(kiosk);
      INFO(kiosk.log());
      REQUIRE(kiosk.send("wait-screen ThankYou 15000", 20));
      REQUIRE(wait_until([&] { return cupsd.jobs("not-completed").size() == 1; }, 30));
      std::this_thread::sleep_for(std::chrono::seconds(1));  // the kiosk now follows the job
      kiosk.process().signal(SIGKILL);
      REQUIRE(kiosk.process().wait(20));
    }
    REQUIRE(entries(outbox).size() == 1);
    const std::vector<int> first = cupsd.jobs("not-completed");
    REQUIRE(first.size() == 1);

    // 2. The next start finds the entry (the job still held); SIGTERM while it waits on it.
    {
      fs::create_directories(dir.path / "run2");
      KioskDriver kiosk(dir.path / "run2", xvfb.display(), {"--config", config.string()});
      REQUIRE(kiosk.items());
      std::this_thread::sleep_for(std::chrono::seconds(3));  // the start-up round is at work
      kiosk.process().signal(SIGTERM);
      const auto status = kiosk.process().wait(30);
      REQUIRE(status);
      CHECK(*status == 0);
    }
    CHECK(entries(outbox).size() == 1);
    MESSAGE("jobs waiting in CUPS after two restarts: " << cupsd.jobs("not-completed").size());

    // 3. A third start; then the queue lets its jobs go. Exactly one summary comes out.
    {
      fs::create_directories(dir.path / "run3");
      KioskDriver kiosk(dir.path / "run3", xvfb.display(), {"--config", config.string()});
      REQUIRE(kiosk.items());
      std::this_thread::sleep_for(std::chrono::seconds(3));
      const auto released = Steady::now();
      while (seconds_since(released) < 20) {  // a job the kiosk might still submit is released too
        cupsd.release_held_jobs();
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
      }
      CHECK(wait_until([&] { return entries(outbox).empty(); }, 60));
      CHECK(wait_until([&] { return cupsd.jobs("not-completed").empty(); }, 60));
      kiosk.process().signal(SIGTERM);
      CHECK(kiosk.process().wait(30));
    }
    const std::string log = rk::e2e::read_text(audit);
    MESSAGE("audit log:\n" << log);
    const auto printed = pdfs(cupsd.output_folder());
    const auto completed = cupsd.jobs("completed");
    MESSAGE(printed.size() << " PDF(s) printed; jobs CUPS lists as completed, canceled or aborted: "
                           << completed.size());
    CHECK(printed.size() == 1);
    CHECK(completed.size() == 1);
    CHECK(log.find("print-job-found job=" + std::to_string(first.front()) + " then=follow") !=
          std::string::npos);
    CHECK(log.find("summary-printed") != std::string::npos);
    CHECK(log.find("summary-delivered") != std::string::npos);
    CHECK(log.find("summary-lost") == std::string::npos);
    unsetenv("CUPS_SERVER");
  }
}

TEST_SUITE("kiosk-disk") {
  TEST_CASE("a full disk: out of service on welcome, a disk that fills mid-session: tell the front desk") {
    rk::e2e::TempDir dir;
    const fs::path disk = dir.path / "disk";
    fs::create_directories(disk);
    if (!rk::test::mount_tmpfs(disk.string(), "3m"))
      return rk::test::skip("cannot mount a tmpfs here (needs root)");
    const fs::path saved = disk / "summaries";
    const fs::path audit = dir.path / "audit.log";
    const fs::path config = dir.path / "kiosk.toml";
    std::ofstream(config) << "output = \"save\"\nsave_folder = \"" << saved.string() << "\"\n"
                          << "audit_log_file = \"" << audit.string() << "\"\n";
    Xvfb xvfb(1080, 1920);
    REQUIRE(xvfb.running());
    const fs::path filler = disk / "filler";
    {
      fs::create_directories(dir.path / "run");
      KioskDriver kiosk(dir.path / "run", xvfb.display(), {"--config", config.string()});
      REQUIRE(kiosk.send("wait-id welcome.start"));
      tap(kiosk, "welcome.start");
      // The disk fills while the patient answers: nothing can be kept.
      rk::e2e::run_capture("dd if=/dev/zero of=" + filler.string() + " bs=64k 2>/dev/null");
      tap(kiosk, "nav.review");
      tap(kiosk, "review.finish");
      auto thanks = kiosk.send("wait-screen ThankYou 30000", 40);
      INFO(kiosk.log());
      REQUIRE(thanks);
      REQUIRE(kiosk.send("screenshot thanks-not-kept"));
      // Back on welcome: out of service, no Start.
      auto welcome = kiosk.send("wait-screen Welcome 60000", 70);
      REQUIRE(welcome);
      auto after = kiosk.send("wait-frames 3");
      REQUIRE(after);
      CHECK(after->find("welcome.start") == nullptr);
      REQUIRE(kiosk.send("screenshot welcome-out-of-service"));
      // Staff free the disk: the welcome screen comes back on its own.
      fs::remove(filler);
      auto back = kiosk.send("wait-id welcome.start 30000", 40);
      CHECK(back);
    }
    const std::string log = rk::e2e::read_text(audit);
    MESSAGE("audit log:\n" << log);
    CHECK(log.find("outbox-failed code=disk-full") != std::string::npos);
    CHECK(log.find("session-outcome kept=no") != std::string::npos);
    CHECK(log.find("summary-lost print=none save=disk-full") != std::string::npos);
    for (const char* shot : {"thanks-not-kept.png", "welcome-out-of-service.png"}) {
      CHECK(fs::exists(dir.path / "run" / shot));
      std::error_code ec;
      fs::copy_file(dir.path / "run" / shot, fs::path(RK_BINARY_DIR) / shot,
                    fs::copy_options::overwrite_existing, ec);
    }
    umount(disk.c_str());
  }
}

TEST_SUITE("kiosk-touch") {
  TEST_CASE(
      "a stuck touch (finger-down, never up) stops counting: the idle wipe comes and other fingers work") {
    rk::e2e::TempDir dir;
    const fs::path config = dir.path / "kiosk.toml";
    std::ofstream(config) << "save_folder = \"" << (dir.path / "saved").string() << "\"\n"
                          << "idle_timeout_seconds = 10\nidle_countdown_seconds = 5\n";
    Xvfb xvfb(1280, 800);
    REQUIRE(xvfb.running());
    fs::create_directories(dir.path / "run");
    KioskDriver kiosk(dir.path / "run", xvfb.display(), {"--config", config.string()});
    REQUIRE(kiosk.send("wait-id welcome.start"));
    Items items = tap(kiosk, "welcome.start");
    REQUIRE(items.screen == "Question");
    const auto down = Steady::now();
    REQUIRE(kiosk.send("finger-down 9 0.5 0.02"));  // on the top bar's empty middle, and it stays
    auto wiped = kiosk.send("wait-screen Welcome 60000", 70);
    INFO(kiosk.log());
    REQUIRE(wiped);
    MESSAGE("session wiped " << seconds_since(down) << " s after the touch got stuck");
    CHECK(seconds_since(down) >= 20.0);  // held still 20 s, then idle 10 s is long past: prompt, 5 s
    CHECK(seconds_since(down) < 50.0);
    // Another finger starts the next session while the stuck one is still down.
    items = tap(kiosk, "welcome.start");
    CHECK(items.screen == "Question");
  }
}

TEST_SUITE("kiosk-reload") {
  TEST_CASE(
      "SIGHUP reloads the files at the next welcome screen; a broken file is refused and the old one kept") {
    rk::e2e::TempDir dir;
    const fs::path config = dir.path / "kiosk.toml";
    const fs::path audit = dir.path / "audit.log";
    const std::string common = "save_folder = \"" + (dir.path / "saved").string() +
                               "\"\naudit_log_file = \"" + audit.string() + "\"\n";
    // A hash of no PIN in particular, in a file everyone may read: warned at start-up.
    std::ofstream(config) << common << "staff_pin_hash = \"$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\"\n";
    fs::permissions(config, fs::perms(0644));
    Xvfb xvfb(1280, 800);
    REQUIRE(xvfb.running());
    fs::create_directories(dir.path / "run");
    KioskDriver kiosk(dir.path / "run", xvfb.display(), {"--config", config.string()});
    REQUIRE(kiosk.send("wait-id welcome.start"));
    CHECK(kiosk.log().find("holds staff_pin_hash and everyone on this machine can read it") !=
          std::string::npos);
    REQUIRE(kiosk.items()->find("lang.es") != nullptr);

    // A broken file: refused, the kiosk goes on as it was.
    std::ofstream(config) << common << "languages = [\"en\"]\nkiosk_name = \"\"\n";
    kiosk.process().signal(SIGHUP);
    CHECK(wait_until([&] { return kiosk.log().find("reload refused") != std::string::npos; }, 20));
    REQUIRE(kiosk.process().alive());
    CHECK(kiosk.log().find(config.string() + ":4:14: error: kiosk_name") != std::string::npos);
    auto still = kiosk.send("wait-frames 2");
    REQUIRE(still);
    CHECK(still->find("lang.es") != nullptr);

    // A good file, sent in the middle of a session: it waits for the welcome screen.
    std::ofstream(config) << common << "languages = [\"en\"]\n";
    tap(kiosk, "welcome.start");
    kiosk.process().signal(SIGHUP);
    std::this_thread::sleep_for(std::chrono::seconds(1));
    auto mid = kiosk.send("wait-frames 2");
    REQUIRE(mid);
    CHECK(mid->screen == "Question");
    CHECK(mid->find("lang.es") != nullptr);  // not under the patient's feet
    tap(kiosk, "nav.review");
    tap(kiosk, "review.finish");
    REQUIRE(kiosk.send("wait-screen ThankYou 30000", 40));
    tap(kiosk, "thanks.done");
    auto welcome = kiosk.send("wait-screen Welcome 30000", 40);
    REQUIRE(welcome);
    CHECK(wait_until([&] { return rk::e2e::read_text(audit).find("config-reloaded") != std::string::npos; },
                     20));
    auto after = kiosk.send("wait-id welcome.start");
    REQUIRE(after);
    CHECK(after->find("lang.es") == nullptr);

    kiosk.process().signal(SIGTERM);
    const auto status = kiosk.process().wait(20);
    REQUIRE(status);
    CHECK(*status == 0);
    const std::string log = rk::e2e::read_text(audit);
    MESSAGE("audit log:\n" << log);
    CHECK(log.find("config-readable-by-all") != std::string::npos);
    CHECK(log.find("config-reload-refused problems=1") != std::string::npos);
    CHECK(log.find("kiosk-stopped status=0") != std::string::npos);
    // The summary finished between the two reloads was delivered.
    CHECK(log.find("summary-delivered") != std::string::npos);
  }
}
