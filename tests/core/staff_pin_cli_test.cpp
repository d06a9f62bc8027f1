// readiness-kiosk --set-pin, run as a real process with the PIN piped in.
#include <doctest/doctest.h>
#include <poll.h>
#include <pty.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "config.hpp"
#include "staff_pin.hpp"
#include "temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

using rk::test::TempDir;

/// Runs `--set-pin --config FILE` with `input` on stdin; returns the exit status.
int set_pin(const std::string& input, const fs::path& config, std::string& output) {
  const fs::path out_file = config.parent_path() / "out.txt";
  const std::string command = "printf '%s' '" + input + "' | '" RK_KIOSK_BIN "' --set-pin --config '" +
                              config.string() + "' > '" + out_file.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  std::ostringstream buffer;
  buffer << std::ifstream(out_file).rdbuf();
  output = buffer.str();
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// --set-pin on a real terminal (a pty): waits for each prompt before typing the next line, and
/// returns everything the terminal showed. `status` gets the exit status.
std::string set_pin_on_terminal(const fs::path& config, const std::vector<std::string>& lines, int& status) {
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execl(RK_KIOSK_BIN, RK_KIOSK_BIN, "--set-pin", "--config", config.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::string screen;
  std::size_t next_line = 0;
  std::size_t prompts_seen = 0;
  for (;;) {
    pollfd p{master, POLLIN, 0};
    if (::poll(&p, 1, 30000) <= 0) break;  // the process is gone or hangs: stop reading
    char buffer[512];
    const ssize_t n = ::read(master, buffer, sizeof buffer);
    if (n <= 0) break;  // EIO once the child has exited
    screen.append(buffer, static_cast<std::size_t>(n));
    // Count prompts ("...: ") and answer each one once it is on screen.
    std::size_t prompts = 0;
    if (screen.find("PIN (4 to 12 digits): ") != std::string::npos) ++prompts;
    if (screen.find("Type it again: ") != std::string::npos) ++prompts;
    while (prompts_seen < prompts && next_line < lines.size()) {
      const std::string line = lines[next_line++] + "\n";
      REQUIRE(::write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
      ++prompts_seen;
    }
  }
  ::close(master);
  int wait_status = 0;
  ::waitpid(pid, &wait_status, 0);
  status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
  return screen;
}

std::string read(const fs::path& p) {
  std::ostringstream buffer;
  buffer << std::ifstream(p).rdbuf();
  return buffer.str();
}

}  // namespace

TEST_CASE("--set-pin writes a hash that verifies, keeping the rest of the file and its mode") {
  TempDir dir("rk-set-pin");
  const fs::path config = fs::path(dir.path()) / "kiosk.toml";
  const std::string original =
      "# Front desk kiosk\nkiosk_name = \"Room 2\"\n\n[[support_lines]]\nen = \"Call 988\"\n";
  std::ofstream(config) << original;
  fs::permissions(config, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);

  std::string output;
  REQUIRE_MESSAGE(set_pin("482916\n", config, output) == 0, output);
  const auto r = rk::load_config_file(config.string());
  for (const auto& e : r.errors) MESSAGE(e.format());
  REQUIRE(r.ok());
  CHECK(rk::verify_pin(r.config.staff_pin_hash, "482916"));
  CHECK_FALSE(rk::verify_pin(r.config.staff_pin_hash, "482917"));
  CHECK(r.config.kiosk_name == "Room 2");
  CHECK(r.config.support_lines.size() == 1);
  const std::string text = read(config);
  CHECK(text.find("482916") == std::string::npos);  // never the PIN itself
  CHECK(text.find("# Front desk kiosk\n") == 0);
  CHECK(text.find("[[support_lines]]\nen = \"Call 988\"\n") != std::string::npos);
  struct stat st {};
  REQUIRE(::stat(config.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);

  // Setting it again replaces the line rather than adding a second one.
  REQUIRE_MESSAGE(set_pin("1111\n", config, output) == 0, output);
  const std::string again = read(config);
  CHECK(again.find("staff_pin_hash") == again.rfind("staff_pin_hash"));
  CHECK(rk::verify_pin(rk::load_config_file(config.string()).config.staff_pin_hash, "1111"));
  // No temp files are left beside it.
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) files += e.path().filename() != "out.txt";
  CHECK(files == 1);
}

TEST_CASE("--set-pin takes away what everyone else could read of a world-readable config") {
  TempDir dir;
  const fs::path config = fs::path(dir.path()) / "kiosk.toml";
  std::ofstream(config) << "kiosk_name = \"Room 2\"\n";
  fs::permissions(config, fs::perms(0644));
  std::string output;
  REQUIRE_MESSAGE(set_pin("482916\n", config, output) == 0, output);
  struct stat st {};
  REQUIRE(::stat(config.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(output.find("readable by its owner and group only") != std::string::npos);
}

TEST_CASE("--set-pin creates a missing config file with mode 0640") {
  TempDir dir("rk-set-pin");
  const fs::path config = fs::path(dir.path()) / "new.toml";
  std::string output;
  REQUIRE_MESSAGE(set_pin("9876", config, output) == 0, output);  // no newline at the end of the pipe
  CHECK(rk::verify_pin(rk::load_config_file(config.string()).config.staff_pin_hash, "9876"));
  CHECK((fs::status(config).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
}

TEST_CASE("--set-pin refuses PINs that are not 4 to 12 digits and leaves the file alone") {
  TempDir dir("rk-set-pin");
  const fs::path config = fs::path(dir.path()) / "kiosk.toml";
  std::ofstream(config) << "kiosk_name = \"Room 2\"\n";
  for (const char* bad : {"123\n", "1234567890123\n", "12a4\n", "\n", ""}) {
    std::string output;
    CHECK(set_pin(bad, config, output) == 1);
    CHECK(read(config) == "kiosk_name = \"Room 2\"\n");
  }
  std::string output;
  CHECK(set_pin("12 34\n", config, output) == 1);
  CHECK(output.find("4 to 12 digits") != std::string::npos);
}

TEST_CASE("--set-pin refuses a config that is not valid TOML") {
  TempDir dir("rk-set-pin");
  const fs::path config = fs::path(dir.path()) / "kiosk.toml";
  std::ofstream(config) << "kiosk_name = = \"Room 2\"\n";
  std::string output;
  CHECK(set_pin("1234\n", config, output) == 1);
  CHECK(output.find(config.string() + ":1:") != std::string::npos);
  CHECK(read(config) == "kiosk_name = = \"Room 2\"\n");
}

TEST_CASE("--set-pin on a terminal asks twice without echo") {
  TempDir dir("rk-set-pin");
  const fs::path config = fs::path(dir.path()) / "kiosk.toml";
  std::ofstream(config) << "kiosk_name = \"Room 2\"\n";
  int status = -1;
  const std::string screen = set_pin_on_terminal(config, {"7531", "7531"}, status);
  INFO(screen);
  CHECK(status == 0);
  CHECK(screen.find("Type it again: ") != std::string::npos);
  CHECK(screen.find("7531") == std::string::npos);  // never echoed
  CHECK(rk::verify_pin(rk::load_config_file(config.string()).config.staff_pin_hash, "7531"));

  // Two different PINs: nothing changes.
  const std::string before = read(config);
  const std::string differ = set_pin_on_terminal(config, {"1111", "2222"}, status);
  INFO(differ);
  CHECK(status == 1);
  CHECK(differ.find("the two PINs differ") != std::string::npos);
  CHECK(read(config) == before);
}
