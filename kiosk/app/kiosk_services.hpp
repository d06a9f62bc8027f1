#pragma once
// What the kiosk asks of the app (rk::ui::Services), wired to the other rooms. Two background
// threads keep the screen responsive:
//   keeper    renders a finished summary and writes it into the outbox (seconds at most), then
//             tells the UI whether it is kept: only then does the thank-you screen speak;
//   delivery  prints / saves outbox entries (a print may take print_timeout_seconds), one round
//             at start-up, after each new summary, and when staff press Retry.
// Results come back to the main thread through an SDL user event.

#include <SDL.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "config.hpp"
#include "job_worker.hpp"
#include "kiosk_ui.hpp"
#include "questionnaire.hpp"
#include "summary.hpp"
#include "ui_strings.hpp"

namespace rk::app {

class KioskServices {
 public:
  using SystemClock = std::chrono::system_clock;

  /// `wake_event_type` is an SDL user event type pushed when a result is ready. The references
  /// must outlive this object. Starts a delivery round for what the outbox still holds.
  KioskServices(const KioskConfig& config, const Questionnaire& questionnaire, const UiStrings& languages,
                Uint32 wake_event_type);
  /// Finishes keeping the summaries already handed over (they reach the outbox), and cuts a
  /// delivery in progress short within a fraction of a second: the outbox keeps it for the next start.
  ~KioskServices();
  KioskServices(const KioskServices&) = delete;
  KioskServices& operator=(const KioskServices&) = delete;

  /// The callbacks for KioskUi.
  ui::Services callbacks();

  struct Finished {
    bool kept = false;     ///< the summary is in the outbox (or already delivered)
    bool session = false;  ///< a patient's summary (else the staff test summary)
  };
  /// On the main thread, after a wake event: summaries whose keeping finished since the last call.
  std::vector<Finished> take_finished();

  /// Retention of the save folder and outbox: at start-up, then once an hour (call every loop turn).
  void housekeeping_if_due(SystemClock::time_point now);
  /// Seconds until housekeeping_if_due has work (for the loop's sleep).
  [[nodiscard]] double seconds_until_housekeeping(SystemClock::time_point now) const;

  /// Services::exit was called (the staff screen's exit).
  [[nodiscard]] bool exit_requested() const { return exit_requested_.load(); }

  /// The staff screen's text: printer state, last delivery, save folder, warnings.
  std::string staff_status();
  /// "" when summaries can be kept; else why not (the welcome screen's out-of-service notice).
  std::string out_of_service() const;
  /// What waits in the outbox, oldest first, with the last reason.
  std::vector<ui::PendingSummary> pending() const;

  /// Renders, keeps and delivers; public for tests.
  void deliver(Summary summary, bool session);

 private:
  void keep(const Summary& summary, bool session);
  /// On the delivery thread: one attempt at each outbox entry, `first` (a new summary, reported
  /// to staff after `label`) first.
  void delivery_round(const std::string& first, const std::string& label);
  void deliver_from_memory(std::vector<unsigned char> pdf);
  void set_last_result(const std::string& text);
  void wake();

  const KioskConfig& config_;
  const Questionnaire& questionnaire_;
  const UiStrings& languages_;
  Uint32 wake_event_type_;
  std::atomic<bool> exit_requested_{false};
  std::atomic<bool> stop_{false};  ///< cuts CUPS calls short at exit
  std::string warnings_;           ///< start-up findings for staff (CUPS keeps job files, ...)

  mutable std::mutex mutex_;
  std::vector<Finished> finished_;
  std::string last_result_ = "Last summary: none since start-up.";
  std::string printer_line_;
  std::chrono::steady_clock::time_point printer_checked_{};
  bool printer_check_queued_ = false;
  SystemClock::time_point next_housekeeping_{};
  bool housekeeping_started_ = false;

  // Destroyed in reverse order: the keeper drains first (it hands work to delivery).
  JobWorker delivery_{JobWorker::AtExit::Drop};
  JobWorker keeper_{JobWorker::AtExit::Drain};
};

}  // namespace rk::app
