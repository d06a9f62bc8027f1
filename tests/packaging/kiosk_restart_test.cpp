// Issue 5: after a kill -9 in the middle of a session, a restart shows a fresh welcome and leaves
// no temp files. The real binary in its own Xvfb, driven through its replay FIFO (tests/e2e).
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "../e2e/e2e_support.hpp"

namespace {

namespace fs = std::filesystem;
using rk::e2e::Items;
using rk::e2e::KioskDriver;
using rk::e2e::tap;
using rk::e2e::TempDir;
using rk::e2e::Xvfb;

// Typed on the kiosk's own keyboard; must never be found on disk afterwards.
constexpr const char* kSecret = "zephyrine quillon";

/// Files in the save folder that are not finished summaries (temp files and the like). The
/// outbox folder belongs there; what it holds counts.
std::vector<std::string> leftovers(const fs::path& folder) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name == ".outbox" && entry.is_directory()) {
      for (const auto& inside : fs::directory_iterator(entry.path()))
        out.push_back(".outbox/" + inside.path().filename().string());
      continue;
    }
    if (!(name.rfind("summary-", 0) == 0 && entry.path().extension() == ".pdf")) out.push_back(name);
  }
  return out;
}

/// Every file under `root` whose bytes contain `needle`.
std::vector<std::string> files_containing(const fs::path& root, const std::string& needle) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    if (rk::e2e::read_text(entry.path()).find(needle) != std::string::npos)
      out.push_back(entry.path().string());
  }
  return out;
}

}  // namespace

TEST_CASE("kill -9 mid-session: the restart shows a fresh welcome and leaves no temp files") {
  TempDir dir;
  const fs::path saved = dir.path / "saved";
  const fs::path run1 = dir.path / "run1";
  const fs::path run2 = dir.path / "run2";
  for (const auto& p : {saved, run1, run2}) fs::create_directories(p);
  fs::permissions(saved, fs::perms::owner_all);
  const fs::path config = dir.path / "kiosk.toml";
  std::ofstream(config) << "save_folder = \"" << saved.string() << "\"\n"
                        << "output = \"save\"\n"
                        << "audit_log_file = \"" << (dir.path / "audit.log").string() << "\"\n";

  Xvfb xvfb(1280, 800);
  REQUIRE(xvfb.running());

  // --- First run: start a session, type an answer, then SIGKILL it on a question page. ------
  {
    KioskDriver kiosk(run1, xvfb.display(), {"--config", config.string()});
    REQUIRE(kiosk.send("wait-id welcome.start"));
    Items items = tap(kiosk, "welcome.start");
    REQUIRE(items.screen == "Question");
    bool typed = false;
    for (int page = 0; page < 20 && items.screen == "Question" && !typed; ++page) {
      const auto fields = items.with_prefix("text.");
      if (fields.empty()) {
        items = tap(kiosk, "nav.next");
        continue;
      }
      const std::string field = fields.front()->id;
      items = tap(kiosk, field);
      REQUIRE(items.find("kbd.done") != nullptr);
      auto after_typing = kiosk.send(std::string("type ") + kSecret);
      INFO(kiosk.error());
      REQUIRE(after_typing);
      items = tap(kiosk, "kbd.done");
      // The answer is really held (so "fresh" below means something).
      const auto* shown = items.find(field);
      REQUIRE(shown != nullptr);
      CHECK(shown->label.find(kSecret) != std::string::npos);
      typed = true;
    }
    REQUIRE_MESSAGE(typed, "no free-text item on the way through the questionnaire");
    CHECK(items.screen == "Question");

    kiosk.process().signal(SIGKILL);
    const auto status = kiosk.process().wait(20);
    REQUIRE(status);
    CHECK(*status == 128 + SIGKILL);
  }

  // A save cut off by the kill would leave its temp file behind: make one, as it would be named.
  const fs::path stale = saved / ".summary-20261125-101500-interrupted.tmp";
  std::ofstream(stale) << "%PDF-1.4 half a summary";

  // --- Second run: a fresh welcome, and the temp file is gone. --------------------------------
  {
    KioskDriver kiosk(run2, xvfb.display(), {"--config", config.string()});
    auto first = kiosk.items();
    INFO(kiosk.log());
    REQUIRE(first);
    CHECK(first->screen == "Welcome");
    REQUIRE(kiosk.send("wait-id welcome.start"));
    CHECK(kiosk.items()->find("welcome.start") != nullptr);

    // The clean-up runs at start-up, possibly on the services thread: give it a moment.
    const auto start = std::chrono::steady_clock::now();
    while (fs::exists(stale) && std::chrono::steady_clock::now() - start < std::chrono::seconds(30)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK_FALSE(fs::exists(stale));
    CHECK(leftovers(saved).empty());

    // A new session starts empty: the text field shows no answer.
    Items items = tap(kiosk, "welcome.start");
    CHECK(items.screen == "Question");
    for (int page = 0; page < 20 && items.screen == "Question" && items.with_prefix("text.").empty();
         ++page) {
      items = tap(kiosk, "nav.next");
    }
    for (const auto* w : items.with_prefix("text.")) CHECK(w->label.find(kSecret) == std::string::npos);
    kiosk.process().signal(SIGTERM);
    kiosk.process().wait(20);
  }

  // Nothing typed reached the disk: not the save folder, not the audit log, not the kiosk logs.
  // (run1/items.txt is this test's own instrument, --test-items: it lists widget labels.)
  for (const auto& path : files_containing(dir.path, "quillon")) {
    CHECK_MESSAGE(path == (run1 / "items.txt").string(), "the typed answer is in " << path);
  }
  // The audit log saw both starts and holds events only.
  const std::string audit = rk::e2e::read_text(dir.path / "audit.log");
  CHECK(audit.find("kiosk-started") != std::string::npos);
  CHECK(audit.find("session-begun") != std::string::npos);
  MESSAGE("audit log:\n" << audit);
}
