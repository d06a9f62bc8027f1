#pragma once
// Helpers for end-to-end tests: an Xvfb of our own (stopped by PID), the kiosk process, and a
// driver that writes replay commands into a FIFO and reads the kiosk's --test-items file.

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "temp_dir.hpp"

namespace rk::e2e {

/// A temporary folder, removed at the end (tests/support/temp_dir.hpp), with the path as a
/// filesystem path, as the end-to-end tests use it.
struct TempDir : rk::test::TempDir {
  TempDir() : rk::test::TempDir("rk-e2e"), path(rk::test::TempDir::path()) {}
  std::filesystem::path path;
};

/// Xvfb on a free display, with one screen of the given size; stopped (by PID) on destruction.
class Xvfb {
 public:
  Xvfb(int width, int height);
  ~Xvfb();
  Xvfb(const Xvfb&) = delete;
  Xvfb& operator=(const Xvfb&) = delete;
  [[nodiscard]] bool running() const { return pid_ > 0; }
  [[nodiscard]] std::string display() const { return ":" + std::to_string(number_); }

 private:
  pid_t pid_ = -1;
  int number_ = -1;
};

/// A child process with extra environment variables; stdout+stderr go to `log_path`. Killed
/// (SIGKILL) on destruction if still running.
class Process {
 public:
  Process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
          const std::filesystem::path& log_path);
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  [[nodiscard]] pid_t pid() const { return pid_; }
  /// Still running?
  bool alive();
  /// Waits up to `seconds`; the exit status (or 128+signal), nullopt on timeout.
  std::optional<int> wait(double seconds);
  void signal(int sig);

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
};

struct Widget {
  std::string id;
  std::string label;
  float x = 0, y = 0, w = 0, h = 0;
};

struct Items {
  long frame = -1;
  long replayed = -1;
  std::string screen;
  std::vector<Widget> widgets;
  std::vector<std::string> layout_faults;  ///< the kiosk's "# layout: ..." lines (ui::check_layout)
  [[nodiscard]] const Widget* find(const std::string& id) const;
  /// Widgets whose id starts with `prefix`, in screen order.
  [[nodiscard]] std::vector<const Widget*> with_prefix(const std::string& prefix) const;
};

/// Reads a --test-items file; nullopt when missing or empty.
std::optional<Items> read_items(const std::filesystem::path& path);

/// Runs the kiosk under `display` with --replay FIFO and --test-items, and lets a test send
/// replay commands one at a time, each acknowledged by the item file's replayed= counter.
class KioskDriver {
 public:
  KioskDriver(const std::filesystem::path& dir, const std::string& display,
              const std::vector<std::string>& extra_args);
  ~KioskDriver();
  KioskDriver(const KioskDriver&) = delete;
  KioskDriver& operator=(const KioskDriver&) = delete;

  /// Sends one command and waits until the kiosk has carried it out and drawn a frame after it.
  /// Returns the items then; nullopt (with `error()`) on timeout or if the kiosk died.
  std::optional<Items> send(const std::string& command, double timeout_seconds = 60);
  /// The latest items (after at least one frame).
  std::optional<Items> items(double timeout_seconds = 30);
  [[nodiscard]] const std::string& error() const { return error_; }
  Process& process() { return *process_; }
  [[nodiscard]] std::string log() const;

 private:
  std::filesystem::path dir_;
  std::filesystem::path fifo_;
  std::filesystem::path items_path_;
  std::filesystem::path log_path_;
  int fifo_fd_ = -1;
  long sent_ = 0;
  std::string error_;
  std::optional<Process> process_;
};

/// Sends `command` and requires it carried out (a doctest REQUIRE that shows the driver's error and
/// the kiosk's log); returns the items after it.
Items require_sent(KioskDriver& kiosk, const std::string& command, double timeout_seconds = 60);
/// Taps the widget `id` (replay `tap-id`), as require_sent; returns the screen after the tap.
Items tap(KioskDriver& kiosk, const std::string& id);

/// A whole file as text ("" when missing).
std::string read_text(const std::filesystem::path& path);

/// Runs a command line through /bin/sh; returns its stdout (empty on failure).
std::string run_capture(const std::string& command);

}  // namespace rk::e2e
