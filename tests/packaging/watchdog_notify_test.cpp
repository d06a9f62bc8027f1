// The watchdog contract of readiness-kiosk.service (packaging/README.md): run as the unit runs it
// under cage, with NOTIFY_SOCKET and WATCHDOG_USEC but without WATCHDOG_PID (the unit's
// `env -u WATCHDOG_PID`), the kiosk sends READY=1 after its first frame and then WATCHDOG=1 from
// its main loop, untouched. systemd's side is played by a datagram socket here.
#include <doctest/doctest.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "../e2e/e2e_support.hpp"

TEST_CASE("under the unit's environment the kiosk sends READY=1, then WATCHDOG=1 from its loop") {
  rk::e2e::TempDir dir;
  const std::string socket_path = (dir.path / "notify.sock").string();
  const int sock = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  REQUIRE(sock >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  REQUIRE(socket_path.size() < sizeof address.sun_path);
  std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
  REQUIRE(::bind(sock, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);

  const auto config = dir.path / "kiosk.toml";
  std::ofstream(config) << "save_folder = \"" << (dir.path / "saved").string() << "\"\n";

  rk::e2e::Xvfb xvfb(1024, 768);
  REQUIRE(xvfb.running());
  ::unsetenv("WATCHDOG_PID");  // as `env -u WATCHDOG_PID` in the unit
  rk::e2e::Process kiosk({RK_KIOSK_BIN, "--config", config.string()},
                         {{"DISPLAY", xvfb.display()},
                          {"LIBGL_ALWAYS_SOFTWARE", "1"},
                          {"READINESS_KIOSK_DATA_DIR", RK_SOURCE_DIR},
                          {"NOTIFY_SOCKET", socket_path},
                          {"WATCHDOG_USEC", "1000000"}},  // so a ping is due every 0.5 s
                         dir.path / "kiosk.log");

  bool ready = false;
  int pings = 0;
  const auto start = std::chrono::steady_clock::now();
  // Generous: this only bounds a hang, it is not a performance limit.
  while (pings < 3 && std::chrono::steady_clock::now() - start < std::chrono::seconds(120) && kiosk.alive()) {
    pollfd p{sock, POLLIN, 0};
    if (::poll(&p, 1, 500) <= 0) continue;
    char buffer[256];
    const ssize_t n = ::recv(sock, buffer, sizeof buffer - 1, 0);
    if (n <= 0) continue;
    const std::string message(buffer, static_cast<std::size_t>(n));
    if (message.find("READY=1") != std::string::npos) ready = true;
    if (message.find("WATCHDOG=1") != std::string::npos) ++pings;
  }
  INFO(rk::e2e::read_text(dir.path / "kiosk.log"));
  CHECK(ready);
  CHECK(pings >= 3);
  CHECK(kiosk.alive());
  kiosk.signal(SIGTERM);
  kiosk.wait(20);
  ::close(sock);
}
