// Locked down on the real binary: keys from a real X keyboard (xdotool) and a window manager's
// close do not end it; SIGTERM does, with status 0. A broken config refuses to start, visibly.
#include <doctest/doctest.h>

#include <signal.h>

#include <fstream>

#include "e2e_support.hpp"

namespace {

using rk::e2e::KioskDriver;
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
  REQUIRE(kiosk.send("tap-id welcome.start"));
  for (const char* keys : {"Escape", "alt+F4", "ctrl+q", "ctrl+w", "alt+Tab", "super+d"}) {
    rk::e2e::run_capture("DISPLAY=" + xvfb.display() + " xdotool key " + keys + " 2>&1");
  }
  // The same through SDL's queue, and what a window manager sends on close.
  for (const char* command : {"key escape", "key alt+f4", "key ctrl+q", "key ctrl+w", "key alt+tab", "window-close"}) {
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
  rk::e2e::Process kiosk({RK_KIOSK_BIN, "--config", (dir.path / "bad.toml").string(), "--replay",
                          (dir.path / "script.txt").string(), "--screenshot-dir", dir.path.string(),
                          "--exit-after-replay"},
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
