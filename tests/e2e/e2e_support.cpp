#include "e2e_support.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace rk::e2e {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void sleep_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

pid_t spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            const std::filesystem::path& log_path) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  // Child: own process group, so nothing of ours is left behind by the parent's signals.
  setpgid(0, 0);
  for (const auto& [key, value] : env) setenv(key.c_str(), value.c_str(), 1);
  const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (log >= 0) {
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    close(log);
  }
  const int null_in = open("/dev/null", O_RDONLY);
  if (null_in >= 0) dup2(null_in, STDIN_FILENO);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execvp(args[0], args.data());
  _exit(127);
}

/// The PID written in an X server's lock file for display `n`, or -1 when there is none yet.
pid_t lock_owner(int n) {
  std::ifstream lock("/tmp/.X" + std::to_string(n) + "-lock");
  long pid = -1;
  if (!(lock >> pid)) return -1;
  return static_cast<pid_t>(pid);
}

}  // namespace

Xvfb::Xvfb(int width, int height) {
  // A free display: neither a lock file nor a socket for it.
  for (int n = 90; n < 190; ++n) {
    if (std::filesystem::exists("/tmp/.X" + std::to_string(n) + "-lock") ||
        std::filesystem::exists("/tmp/.X11-unix/X" + std::to_string(n))) {
      continue;
    }
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    pid_ =
        spawn({"Xvfb", ":" + std::to_string(n), "-screen", "0", screen, "-nolisten", "tcp"}, {}, "/dev/null");
    number_ = n;
    const auto start = std::chrono::steady_clock::now();
    while (seconds_since(start) < 20) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) break;  // lost a race for this display
      // The socket alone does not say whose server it is: two tests may start an Xvfb on the same
      // free number at once, and the loser would otherwise draw on the winner's screen. The lock
      // file holds the PID of the server that owns the display.
      if (std::filesystem::exists("/tmp/.X11-unix/X" + std::to_string(n)) && lock_owner(n) == pid_) return;
      if (lock_owner(n) > 0 && lock_owner(n) != pid_ && kill(lock_owner(n), 0) == 0) break;  // not ours
      sleep_ms(50);
    }
    if (kill(pid_, 0) == 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    pid_ = -1;
  }
}

Xvfb::~Xvfb() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
}

Process::Process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                 const std::filesystem::path& log_path)
    : pid_(spawn(argv, env, log_path)) {}

Process::~Process() {
  if (alive()) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

bool Process::alive() {
  if (status_) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  return true;
}

std::optional<int> Process::wait(double seconds) {
  const auto start = std::chrono::steady_clock::now();
  while (alive()) {
    if (seconds_since(start) > seconds) return std::nullopt;
    sleep_ms(20);
  }
  return status_;
}

void Process::signal(int sig) {
  if (alive()) kill(pid_, sig);
}

const Widget* Items::find(const std::string& id) const {
  for (const auto& w : widgets) {
    if (w.id == id) return &w;
  }
  return nullptr;
}

std::vector<const Widget*> Items::with_prefix(const std::string& prefix) const {
  std::vector<const Widget*> out;
  for (const auto& w : widgets) {
    if (w.id.rfind(prefix, 0) == 0) out.push_back(&w);
  }
  return out;
}

std::optional<Items> read_items(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string header;
  if (!in || !std::getline(in, header) || header.rfind("# ", 0) != 0) return std::nullopt;
  Items items;
  std::istringstream words(header.substr(2));
  for (std::string word; words >> word;) {
    const auto eq = word.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = word.substr(0, eq);
    const std::string value = word.substr(eq + 1);
    if (key == "frame") items.frame = std::stol(value);
    if (key == "replayed") items.replayed = std::stol(value);
    if (key == "screen") items.screen = value;
  }
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# layout: ", 0) == 0) {
      items.layout_faults.push_back(line.substr(10));
      continue;
    }
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string f; std::getline(split, f, '\t');) fields.push_back(f);
    if (fields.size() != 6) continue;
    items.widgets.push_back({fields[0], fields[1], std::stof(fields[2]), std::stof(fields[3]),
                             std::stof(fields[4]), std::stof(fields[5])});
  }
  return items;
}

KioskDriver::KioskDriver(const std::filesystem::path& dir, const std::string& display,
                         const std::vector<std::string>& extra_args)
    : dir_(dir), fifo_(dir / "replay.fifo"), items_path_(dir / "items.txt"), log_path_(dir / "kiosk.log") {
  mkfifo(fifo_.c_str(), 0600);
  // Read-write: never blocks, whether or not the kiosk has opened its end yet.
  fifo_fd_ = open(fifo_.c_str(), O_RDWR | O_CLOEXEC);
  std::vector<std::string> argv = {RK_KIOSK_BIN,         "--replay",         fifo_.string(), "--test-items",
                                   items_path_.string(), "--screenshot-dir", dir.string()};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  process_.emplace(
      argv,
      std::map<std::string, std::string>{
          {"DISPLAY", display}, {"LIBGL_ALWAYS_SOFTWARE", "1"}, {"READINESS_KIOSK_DATA_DIR", RK_SOURCE_DIR}},
      log_path_);
}

KioskDriver::~KioskDriver() {
  if (process_ && process_->alive()) {
    process_->signal(SIGTERM);
    process_->wait(20);
  }
  process_.reset();
  if (fifo_fd_ >= 0) close(fifo_fd_);
}

std::optional<Items> KioskDriver::items(double timeout_seconds) {
  const auto start = std::chrono::steady_clock::now();
  while (seconds_since(start) < timeout_seconds) {
    if (auto items = read_items(items_path_)) return items;
    if (!process_->alive()) break;
    sleep_ms(20);
  }
  error_ = "no item file from the kiosk";
  return std::nullopt;
}

std::optional<Items> KioskDriver::send(const std::string& command, double timeout_seconds) {
  const std::string line = command + "\n";
  if (write(fifo_fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
    error_ = "cannot write to the replay FIFO";
    return std::nullopt;
  }
  ++sent_;
  const auto start = std::chrono::steady_clock::now();
  while (seconds_since(start) < timeout_seconds) {
    if (!process_->alive()) {
      error_ = "the kiosk exited during '" + command + "'";
      return std::nullopt;
    }
    auto items = read_items(items_path_);
    if (items && items->replayed >= sent_) return items;
    const std::string text = log();
    if (const auto at = text.find("replay: line "); at != std::string::npos) {
      error_ = text.substr(at);
      return std::nullopt;
    }
    sleep_ms(20);
  }
  error_ = "timed out on '" + command + "'";
  return std::nullopt;
}

Items require_sent(KioskDriver& kiosk, const std::string& command, double timeout_seconds) {
  auto items = kiosk.send(command, timeout_seconds);
  INFO("replay command: " << command);
  INFO(kiosk.error());
  INFO(kiosk.log());
  REQUIRE(items);
  return *items;
}

Items tap(KioskDriver& kiosk, const std::string& id) {
  return require_sent(kiosk, "tap-id " + id);
}

std::string KioskDriver::log() const {
  return read_text(log_path_);
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return "";
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string run_capture(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  pclose(pipe);
  return out;
}

}  // namespace rk::e2e
