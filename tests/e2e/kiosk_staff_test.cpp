// The staff way through the real binary: the hidden corner hold, the PIN pad, printer status,
// a test summary for the fictional patient (saved, since output = save), and exit with status 0.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "e2e_support.hpp"

namespace {

using rk::e2e::KioskDriver;
using rk::e2e::tap;
using rk::e2e::TempDir;
using rk::e2e::Xvfb;

int count_summaries(const std::filesystem::path& folder) {
  int n = 0;
  if (!std::filesystem::exists(folder)) return 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().filename().string().rfind("summary-", 0) == 0) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("staff: corner hold, PIN, test summary saved, exit with status 0") {
  TempDir dir;
  const auto config = dir.path / "kiosk.toml";
  {
    std::ofstream out(config);
    out << "save_folder = \"" << (dir.path / "saved").string() << "\"\noutput = \"save\"\n";
  }
  // The PIN hash goes in through the kiosk's own --set-pin (one line on stdin).
  const std::string set_pin = "echo 2468 | '" + std::string(RK_KIOSK_BIN) + "' --set-pin --config '" +
                              config.string() + "' >/dev/null 2>&1 && echo ok";
  REQUIRE(rk::e2e::run_capture(set_pin) == "ok\n");

  Xvfb xvfb(1920, 1080);
  REQUIRE(xvfb.running());
  KioskDriver kiosk(dir.path, xvfb.display(), {"--config", config.string()});
  REQUIRE(kiosk.send("wait-id welcome.start"));

  auto items = kiosk.send("hold 0.005 0.01 3400");
  INFO(kiosk.error());
  REQUIRE(items);
  items = kiosk.send("wait-screen StaffPin");
  REQUIRE(items);
  for (const char* digit : {"2", "4", "6", "8"})
    tap(kiosk, std::string("staff.pin.") + digit);
  tap(kiosk, "staff.pin.ok");
  items = kiosk.send("wait-screen Staff");
  REQUIRE(items);
  CHECK(items->find("staff.print_test") != nullptr);
  CHECK(items->find("staff.exit") != nullptr);

  tap(kiosk, "staff.print_test");
  const auto start = std::chrono::steady_clock::now();
  while (count_summaries(dir.path / "saved") == 0 &&
         std::chrono::steady_clock::now() - start < std::chrono::seconds(60)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  CHECK(count_summaries(dir.path / "saved") == 1);

  REQUIRE(kiosk.send("screenshot staff"));
  CHECK(std::filesystem::file_size(dir.path / "staff.png") > 1000);
  kiosk.send("tap-id staff.exit", 20);  // the kiosk exits: no acknowledgement to wait for
  const auto status = kiosk.process().wait(30);
  REQUIRE(status);
  CHECK(*status == 0);
  const std::string log = kiosk.log();
  CHECK(log.find("staff-access") != std::string::npos);
  CHECK(log.find("staff-exit") != std::string::npos);
}
