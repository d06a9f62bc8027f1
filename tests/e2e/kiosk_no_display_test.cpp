// With no display (a server, a CI box, a console without cage) the kiosk must not run invisibly on
// SDL's offscreen driver: it says what it looked for and how to run it, and exits with status 2.
// The offscreen driver still runs when a test asks for it by name.
#include <doctest/doctest.h>
#include <signal.h>

#include <fstream>

#include "e2e_support.hpp"

namespace {

using rk::e2e::Process;
using rk::e2e::TempDir;

std::filesystem::path write_config(const TempDir& dir) {
  const auto path = dir.path / "kiosk.toml";
  std::ofstream out(path);
  out << "save_folder = \"" << (dir.path / "saved").string() << "\"\noutput = \"save\"\n";
  return path;
}

}  // namespace

TEST_CASE("no display: the kiosk names what it looked for and how to run it, and exits 2") {
  TempDir dir;
  const auto config = write_config(dir);
  const auto log = dir.path / "kiosk.log";
  // Empty DISPLAY and WAYLAND_DISPLAY: no X, no Wayland; test machines have no DRM console.
  Process kiosk({RK_KIOSK_BIN, "--config", config.string()},
                {{"DISPLAY", ""},
                 {"WAYLAND_DISPLAY", ""},
                 {"SDL_VIDEODRIVER", ""},
                 {"READINESS_KIOSK_DATA_DIR", RK_SOURCE_DIR}},
                log);
  const auto status = kiosk.wait(30);
  const std::string text = rk::e2e::read_text(log);
  INFO(text);
  REQUIRE(status.has_value());  // it stopped by itself
  CHECK(*status == 2);
  CHECK(text.find("no display to show the kiosk on") != std::string::npos);
  for (const char* named : {"X (DISPLAY", "Wayland (WAYLAND_DISPLAY", "KMS/DRM", "--window", "cage", "packaging/README.md"})
    CHECK(text.find(named) != std::string::npos);
}

TEST_CASE("no display: SDL's offscreen driver runs the kiosk only when asked for by name") {
  TempDir dir;
  const auto config = write_config(dir);
  const auto log = dir.path / "kiosk.log";
  Process kiosk({RK_KIOSK_BIN, "--config", config.string(), "--window", "640x480"},
                {{"DISPLAY", ""},
                 {"WAYLAND_DISPLAY", ""},
                 {"SDL_VIDEODRIVER", "offscreen"},
                 {"LIBGL_ALWAYS_SOFTWARE", "1"},
                 {"READINESS_KIOSK_DATA_DIR", RK_SOURCE_DIR}},
                log);
  const auto early = kiosk.wait(3);
  const std::string text = rk::e2e::read_text(log);
  INFO(text);
  CHECK_FALSE(early.has_value());  // still running: it was asked for
  CHECK(text.find("no display to show the kiosk on") == std::string::npos);
  kiosk.signal(SIGTERM);
  CHECK(kiosk.wait(20).has_value());
}
