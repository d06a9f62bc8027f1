// Locked down on the real binary: keys from a real X keyboard (xdotool) and a window manager's
// close do not end it; SIGTERM does, with status 0. A broken config refuses to start, visibly.
#include <doctest/doctest.h>
#include <signal.h>

#include <fstream>
#include <set>
#include <string>

#include "e2e_support.hpp"

namespace {

using rk::e2e::KioskDriver;
using rk::e2e::tap;
using rk::e2e::TempDir;
using rk::e2e::Xvfb;

}  // namespace

TEST_CASE("Escape, Alt+F4, Ctrl+Q, Ctrl+W, Alt+Tab and a window close do not close the kiosk") {
  TempDir dir;
  Xvfb xvfb(1080, 1920);
  REQUIRE(xvfb.running());
  {
    std::ofstream config(dir.path / "kiosk.toml");
    config << "save_folder = \"" << (dir.path / "saved").string() << "\"\n";
  }
  KioskDriver kiosk(dir.path, xvfb.display(), {"--config", (dir.path / "kiosk.toml").string()});
  REQUIRE(kiosk.send("wait-id welcome.start"));

  // Real key presses through the X server (XTEST), in the middle of a session.
  tap(kiosk, "welcome.start");
  for (const char* keys : {"Escape", "alt+F4", "ctrl+q", "ctrl+w", "alt+Tab", "super+d"}) {
    rk::e2e::run_capture("DISPLAY=" + xvfb.display() + " xdotool key " + keys + " 2>&1");
  }
  // The same through SDL's queue, and what a window manager sends on close.
  for (const char* command :
       {"key escape", "key alt+f4", "key ctrl+q", "key ctrl+w", "key alt+tab", "window-close"}) {
    auto items = kiosk.send(command);
    INFO(command);
    INFO(kiosk.error());
    REQUIRE(items);
    CHECK(items->screen == "Question");  // still there, session kept
  }
  auto after = kiosk.send("wait-frames 3");
  REQUIRE(after);
  CHECK(kiosk.process().alive());

  kiosk.process().signal(SIGTERM);
  const auto status = kiosk.process().wait(30);
  REQUIRE(status);
  CHECK(*status == 0);
}

TEST_CASE("a broken config refuses to start, with file:line:column on stderr and on screen") {
  TempDir dir;
  Xvfb xvfb(1080, 1920);
  REQUIRE(xvfb.running());
  {
    std::ofstream config(dir.path / "bad.toml");
    config << "idle_timeout_seconds = \"soon\"\n";
    std::ofstream script(dir.path / "script.txt");
    script << "wait-screen Error\nwait-frames 2\nscreenshot error-screen\n";
  }
  rk::e2e::Process kiosk(
      {RK_KIOSK_BIN, "--config", (dir.path / "bad.toml").string(), "--replay",
       (dir.path / "script.txt").string(), "--screenshot-dir", dir.path.string(), "--exit-after-replay"},
      {{"DISPLAY", xvfb.display()}, {"LIBGL_ALWAYS_SOFTWARE", "1"}}, dir.path / "log.txt");
  const auto status = kiosk.wait(60);
  REQUIRE(status);
  CHECK(*status == 1);
  const std::string text = rk::e2e::read_text(dir.path / "log.txt");
  INFO(text);
  CHECK(text.find("bad.toml:1:") != std::string::npos);
  CHECK(std::filesystem::file_size(dir.path / "error-screen.png") > 1000);
}

TEST_CASE("a broken questionnaire refuses to start") {
  TempDir dir;
  Xvfb xvfb(1920, 1080);
  REQUIRE(xvfb.running());
  {
    std::ofstream questionnaire(dir.path / "q.toml");
    questionnaire << "id = \"x\"\n[[page]]\nnot valid toml here\n";
    std::ofstream script(dir.path / "script.txt");
    script << "wait-screen Error\n";
  }
  rk::e2e::Process kiosk({RK_KIOSK_BIN, "--questionnaire", (dir.path / "q.toml").string(), "--replay",
                          (dir.path / "script.txt").string(), "--exit-after-replay"},
                         {{"DISPLAY", xvfb.display()}, {"LIBGL_ALWAYS_SOFTWARE", "1"}}, dir.path / "log.txt");
  const auto status = kiosk.wait(60);
  REQUIRE(status);
  CHECK(*status == 1);
  const std::string text = rk::e2e::read_text(dir.path / "log.txt");
  INFO(text);
  CHECK(text.find("q.toml:") != std::string::npos);
}

namespace {

std::set<std::string> ids_of(const rk::e2e::Items& items) {
  std::set<std::string> ids;
  for (const auto& w : items.widgets) ids.insert(w.id);
  return ids;
}

std::string centre_of(const rk::e2e::Items& items, const std::string& id, int width, int height) {
  const auto* w = items.find(id);
  REQUIRE(w != nullptr);
  return std::to_string((w->x + w->w / 2) / static_cast<float>(width)) + " " +
         std::to_string((w->y + w->h / 2) / static_cast<float>(height));
}

}  // namespace

TEST_CASE("rapid taps move one page, a second finger, a palm and a long press change nothing") {
  TempDir dir;
  Xvfb xvfb(1080, 1920);
  REQUIRE(xvfb.running());
  {
    std::ofstream config(dir.path / "kiosk.toml");
    config << "save_folder = \"" << (dir.path / "saved").string() << "\"\n";
  }
  KioskDriver kiosk(dir.path, xvfb.display(), {"--config", (dir.path / "kiosk.toml").string()});
  REQUIRE(kiosk.send("wait-id welcome.start"));
  const rk::e2e::Items page1 = tap(kiosk, "welcome.start");
  REQUIRE(kiosk.send("wait-frames 30"));  // the kiosk's settle time after a new screen passes
  const std::string next = centre_of(page1, "nav.next", 1080, 1920);

  // Six taps on Next in a burst: exactly one page further, as one tap on Next goes.
  auto burst = kiosk.send("taps 6 " + next);
  INFO(kiosk.error());
  REQUIRE(burst);
  REQUIRE(kiosk.send("wait-frames 10"));
  burst = kiosk.items();
  REQUIRE(burst);
  tap(kiosk, "nav.back");
  const rk::e2e::Items single = tap(kiosk, "nav.next");
  CHECK(burst->screen == "Question");
  CHECK(ids_of(*burst) == ids_of(single));
  CHECK(ids_of(*burst) != ids_of(page1));

  // A finger resting elsewhere, then a second finger tapping Next: ignored. A palm (many
  // contacts at once) too. A long press on empty space does nothing either.
  const auto before = ids_of(single);
  for (const std::string& command :
       {std::string("finger-down 1 0.5 0.5"), "finger-down 2 " + next, "finger-up 2 " + next,
        std::string("finger-up 1 0.5 0.5"), "finger-down 3 " + next, std::string("finger-down 4 0.52 0.9"),
        std::string("finger-down 5 0.55 0.92"), std::string("finger-up 5 0.55 0.92"),
        std::string("finger-up 4 0.52 0.9"), std::string("finger-move 3 0.4 0.4"),
        std::string("finger-up 3 0.4 0.4"), std::string("wait-frames 10"),
        std::string("hold 0.5 0.6 1500")}) {
    INFO(command);
    REQUIRE(kiosk.send(command));
  }
  auto after = kiosk.send("wait-frames 5");
  REQUIRE(after);
  CHECK(after->screen == "Question");
  CHECK(ids_of(*after) == before);
  CHECK(kiosk.process().alive());
}
