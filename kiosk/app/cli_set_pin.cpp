// readiness-kiosk --set-pin [--config FILE]: asks for the staff PIN (twice, without echo, on a
// terminal; one line from a pipe), and writes its salted hash into the config file atomically,
// keeping the rest of the file as it is.
#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "audit_log.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "config.hpp"
#include "staff_pin.hpp"

namespace {

constexpr const char* kDefaultConfig = "/etc/readiness-kiosk/kiosk.toml";
constexpr std::size_t kMinDigits = 4;
constexpr std::size_t kMaxDigits = 12;

// The terminal settings to restore if the user presses Ctrl+C with echo off.
struct termios g_saved_terminal;
volatile std::sig_atomic_t g_echo_off = 0;

extern "C" void restore_terminal_and_exit(int signal_number) {
  if (g_echo_off) tcsetattr(STDIN_FILENO, TCSANOW, &g_saved_terminal);
  [[maybe_unused]] const ssize_t written = write(STDERR_FILENO, "\n", 1);  // best effort in a signal handler
  _exit(128 + signal_number);
}

std::optional<std::string> read_line(std::istream& in) {
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

/// One PIN typed on the terminal with echo off.
std::optional<std::string> prompt_hidden(const char* prompt) {
  if (tcgetattr(STDIN_FILENO, &g_saved_terminal) != 0) return read_line(std::cin);
  struct termios quiet = g_saved_terminal;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  quiet.c_lflag |= static_cast<tcflag_t>(ECHONL);
  g_echo_off = 1;
  // Echo goes off before the prompt shows, so nothing typed after the prompt is ever echoed
  // (and anything typed ahead of it is discarded, not echoed).
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  std::fputs(prompt, stderr);
  std::fflush(stderr);
  auto line = read_line(std::cin);
  tcsetattr(STDIN_FILENO, TCSANOW, &g_saved_terminal);
  g_echo_off = 0;
  return line;
}

std::optional<std::string> read_pin() {
  if (!isatty(STDIN_FILENO)) {
    auto line = read_line(std::cin);
    if (!line) std::fprintf(stderr, "readiness-kiosk: --set-pin: no PIN on standard input\n");
    return line;
  }
  std::signal(SIGINT, restore_terminal_and_exit);
  std::signal(SIGTERM, restore_terminal_and_exit);
  auto first = prompt_hidden("New staff PIN (4 to 12 digits): ");
  if (!first) return std::nullopt;
  auto second = prompt_hidden("Type it again: ");
  if (!second || *first != *second) {
    std::fprintf(stderr,
                 "readiness-kiosk: --set-pin: the two PINs differ; nothing was changed. Try again.\n");
    return std::nullopt;
  }
  return first;
}

bool valid_pin(const std::string& pin) {
  return pin.size() >= kMinDigits && pin.size() <= kMaxDigits &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Replaces `path` with `text`: temp file in the same folder, fsync, rename, fsync the folder.
/// Keeps the old file's owner and mode, less what everyone else could read or write (the file holds
/// the PIN's hash); a new file gets mode 0640.
bool write_atomically(const std::string& path, const std::string& text, std::string& error) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  struct stat old {};
  const bool existed = ::stat(path.c_str(), &old) == 0;

  std::string temp_name = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp_name.data());
  if (fd < 0) {
    error = "cannot create a temporary file in " + folder.string() + ": " + std::strerror(errno);
    return false;
  }
  auto fail = [&](const std::string& what) {
    error = what + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(temp_name.c_str());
    return false;
  };
  if (::fchmod(fd, existed ? (old.st_mode & 07770) : 0640) != 0) return fail("cannot set the file mode");
  if (existed && ::fchown(fd, old.st_uid, old.st_gid) != 0 && errno != EPERM)
    return fail("cannot keep the owner");
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("cannot write " + temp_name);
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot flush " + temp_name);
  if (::close(fd) != 0) {
    error = std::string("cannot close ") + temp_name + ": " + std::strerror(errno);
    ::unlink(temp_name.c_str());
    return false;
  }
  if (::rename(temp_name.c_str(), path.c_str()) != 0) {
    error = "cannot replace " + path + ": " + std::strerror(errno);
    ::unlink(temp_name.c_str());
    return false;
  }
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);  // the rename itself survives a power cut
    ::close(dir);
  }
  return true;
}

int set_pin(std::span<const std::string> args) {
  std::string config_path = kDefaultConfig;
  const rk::app::CliSyntax syntax{"--set-pin", "usage: readiness-kiosk --set-pin [--config FILE]\n",
                                  {{"--config", &config_path}}};
  if (!rk::app::parse_command_line(syntax, args)) return 2;

  std::string old_text;
  if (std::ifstream in(config_path, std::ios::binary); in) {
    std::ostringstream buffer;
    buffer << in.rdbuf();
    old_text = buffer.str();
  } else if (errno != ENOENT) {
    std::fprintf(stderr, "readiness-kiosk: --set-pin: cannot read %s: %s\n", config_path.c_str(),
                 std::strerror(errno));
    return 1;
  }

  auto pin = read_pin();
  if (!pin) return 1;
  if (!valid_pin(*pin)) {
    std::fprintf(
        stderr,
        "readiness-kiosk: --set-pin: the PIN must be %zu to %zu digits (0-9 only); nothing was changed\n",
        kMinDigits, kMaxDigits);
    return 1;
  }
  const std::string hash = rk::hash_pin(*pin);
  std::fill(pin->begin(), pin->end(), '\0');
  if (hash.empty()) {
    std::fprintf(
        stderr, "readiness-kiosk: --set-pin: hashing the PIN failed (out of memory?); nothing was changed\n");
    return 1;
  }

  // Check that the new text reads back with this hash before it replaces the file.
  const std::string new_text = rk::with_staff_pin_hash(old_text, hash);
  const rk::ConfigResult check = rk::load_config_text(new_text, config_path);
  if (check.config.staff_pin_hash != hash) {
    std::fprintf(stderr, "readiness-kiosk: --set-pin: %s could not take the new line; fix these first:\n",
                 config_path.c_str());
    // The errors of the file as it is, so the line numbers match what the clinic sees.
    for (const auto& e : rk::load_config_text(old_text, config_path).errors)
      std::fprintf(stderr, "%s\n", e.format().c_str());
    return 1;
  }
  std::string error;
  if (!write_atomically(config_path, new_text, error)) {
    std::fprintf(stderr, "readiness-kiosk: --set-pin: %s; nothing was changed\n", error.c_str());
    return 1;
  }
  for (const auto& e : check.errors)
    std::fprintf(stderr, "warning (the kiosk will refuse this config): %s\n", e.format().c_str());
  if (struct stat st{}; ::stat(config_path.c_str(), &st) == 0 && (st.st_mode & 0007) == 0) {
    std::fprintf(stderr, "readiness-kiosk: %s is readable by its owner and group only\n",
                 config_path.c_str());
  }
  rk::audit("staff-pin-set", {{"config", config_path}});
  std::fprintf(stderr,
               "readiness-kiosk: staff PIN set in %s; reload the kiosk to use it (systemctl reload "
               "readiness-kiosk)\n",
               config_path.c_str());
  return 0;
}

const bool kRegistered = rk::app::register_command(
    {"--set-pin",
     "--set-pin [--config FILE]   set the staff PIN (asked twice on a terminal, or one line on stdin)",
     set_pin});

}  // namespace
