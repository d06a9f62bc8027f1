#pragma once
// What the kiosk asks of the app (rk::ui::Services), wired to the other rooms: rendering
// (rk_report) and delivery (rk_delivery) run on a worker thread so the screen never freezes
// while CUPS works; results come back to the main thread through an SDL user event.

#include <SDL.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "config.hpp"
#include "kiosk_ui.hpp"
#include "questionnaire.hpp"
#include "summary.hpp"
#include "ui_strings.hpp"

namespace rk::app {

class KioskServices {
 public:
  using SystemClock = std::chrono::system_clock;

  /// `wake_event_type` is an SDL user event type pushed when a result is ready. The references
  /// must outlive this object.
  KioskServices(const KioskConfig& config, const Questionnaire& questionnaire, const UiStrings& languages,
                Uint32 wake_event_type);
  /// Waits for the delivery in progress (a summary is never dropped at exit).
  ~KioskServices();
  KioskServices(const KioskServices&) = delete;
  KioskServices& operator=(const KioskServices&) = delete;

  /// The callbacks for KioskUi.
  ui::Services callbacks();

  struct Finished {
    bool ok = false;
    std::string staff_message;
    bool session = false;  ///< a patient's summary (else the staff test summary)
  };
  /// On the main thread, after a wake event: deliveries that have finished since the last call.
  std::vector<Finished> take_finished();

  /// Retention of the save folder: at start-up, then once an hour (call every loop turn).
  void housekeeping_if_due(SystemClock::time_point now);
  /// Seconds until housekeeping_if_due has work (for the loop's sleep).
  [[nodiscard]] double seconds_until_housekeeping(SystemClock::time_point now) const;

  /// Services::exit was called (the staff screen's exit).
  [[nodiscard]] bool exit_requested() const { return exit_requested_.load(); }

  /// The staff screen's text: printer state, last delivery, save folder.
  std::string staff_status();

  /// Renders and delivers on the worker; public for tests.
  void deliver(Summary summary, bool session);

 private:
  void worker_loop();
  void post(std::function<void()> job);
  void finish(Finished result);

  const KioskConfig& config_;
  const Questionnaire& questionnaire_;
  const UiStrings& languages_;
  Uint32 wake_event_type_;
  std::atomic<bool> exit_requested_{false};

  std::mutex mutex_;
  std::condition_variable jobs_changed_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<Finished> finished_;
  std::string last_result_ = "No summary delivered since start-up.";
  std::string printer_line_;
  std::chrono::steady_clock::time_point printer_checked_{};
  bool printer_check_queued_ = false;
  SystemClock::time_point next_housekeeping_{};
  bool housekeeping_started_ = false;
  std::thread worker_;  ///< last: starts after everything above is ready
};

}  // namespace rk::app
