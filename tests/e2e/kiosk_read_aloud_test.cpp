// Read aloud through the real binary: SDL's disk audio driver records what the kiosk says when
// Read aloud is tapped; with no audio driver the kiosk shows no button and its log says why.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "e2e_support.hpp"

namespace {

using rk::e2e::KioskDriver;
using rk::e2e::tap;
using rk::e2e::TempDir;
using rk::e2e::Xvfb;

/// Seconds of samples above 1 % of full scale in a 16-bit mono file.
double loud_seconds(const std::filesystem::path& file) {
  const std::string bytes = rk::e2e::read_text(file);
  long loud = 0;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    std::int16_t sample = 0;
    std::memcpy(&sample, bytes.data() + i, 2);
    if (std::abs(static_cast<int>(sample)) >= 328) ++loud;
  }
  return static_cast<double>(loud) / 22050.0;
}

/// The environment the kiosk inherits, for the length of a test.
struct Env {
  explicit Env(std::vector<std::pair<std::string, std::string>> vars) : vars_(std::move(vars)) {
    for (const auto& [k, v] : vars_) setenv(k.c_str(), v.c_str(), 1);
  }
  ~Env() {
    for (const auto& [k, v] : vars_) unsetenv(k.c_str());
  }
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;
  std::vector<std::pair<std::string, std::string>> vars_;
};

}  // namespace

TEST_CASE("read aloud: the kiosk speaks the welcome screen into SDL's disk driver, and stops on Start") {
  TempDir dir;
  const auto audio = dir.path / "audio.raw";
  Env env({{"SDL_AUDIODRIVER", "disk"}, {"SDL_DISKAUDIOFILE", audio.string()}});
  Xvfb xvfb(1080, 1920);
  REQUIRE(xvfb.running());
  KioskDriver kiosk(dir.path, xvfb.display(), {"--window", "1080x1920"});
  auto items = kiosk.send("wait-id read.page");
  INFO(kiosk.error() << "\n" << kiosk.log());
  REQUIRE(items);
  CHECK(items->find("opt.read_aloud") != nullptr);
  tap(kiosk, "read.page");
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  items = kiosk.send("wait-frames 1");
  REQUIRE(items);
  CHECK(items->find("read.page")->label == "Stop reading");
  CHECK(loud_seconds(audio) > 0.3);
  tap(kiosk, "welcome.start");
  items = kiosk.send("wait-screen Question");
  REQUIRE(items);
  CHECK(items->find("read.page")->label == "Read aloud");  // the welcome's speech stopped
  CHECK(kiosk.log().find("read-aloud-ready audio=disk") != std::string::npos);
}

TEST_CASE("read aloud: with no audio driver the kiosk shows no button and logs why") {
  TempDir dir;
  Env env({{"SDL_AUDIODRIVER", "no-such-driver"}, {"SDL_DISKAUDIOFILE", "/dev/null"}});
  Xvfb xvfb(1920, 1080);
  REQUIRE(xvfb.running());
  KioskDriver kiosk(dir.path, xvfb.display(), {"--window", "1920x1080"});
  auto items = kiosk.send("wait-id welcome.start");
  INFO(kiosk.error() << "\n" << kiosk.log());
  REQUIRE(items);
  CHECK(items->find("read.page") == nullptr);
  CHECK(items->find("opt.read_aloud") == nullptr);
  tap(kiosk, "welcome.start");
  items = kiosk.send("wait-screen Question");
  REQUIRE(items);
  CHECK(items->find("read.page") == nullptr);
  CHECK(kiosk.log().find("read-aloud-off reason=\"no audio driver") != std::string::npos);
}
