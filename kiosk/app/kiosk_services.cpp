#include "kiosk_services.hpp"

#include "audit_log.hpp"
#include "deliver.hpp"
#include "render_summary.hpp"
#include "sample_patient.hpp"

namespace rk::app {
namespace {
constexpr auto kHousekeepingEvery = std::chrono::hours(1);
constexpr auto kPrinterCheckEvery = std::chrono::seconds(5);
}  // namespace

KioskServices::KioskServices(const KioskConfig& config, const Questionnaire& questionnaire,
                             const UiStrings& languages, Uint32 wake_event_type)
    : config_(config),
      questionnaire_(questionnaire),
      languages_(languages),
      wake_event_type_(wake_event_type),
      worker_([this] { worker_loop(); }) {}

KioskServices::~KioskServices() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  jobs_changed_.notify_all();
  worker_.join();
}

ui::Services KioskServices::callbacks() {
  ui::Services services;
  services.deliver = [this](Summary summary) { deliver(std::move(summary), true); };
  services.staff_status = [this] { return staff_status(); };
  services.print_test_summary = [this] {
    audit("staff-test-summary");
    const std::string language =
        !config_.summary_language.empty() ? config_.summary_language : questionnaire_.default_language;
    deliver(make_sample_summary(questionnaire_, languages_, language, SystemClock::now()), false);
  };
  services.exit = [this] {
    audit("staff-exit");
    exit_requested_.store(true);
  };
  return services;
}

void KioskServices::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  jobs_changed_.notify_one();
}

void KioskServices::worker_loop() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      // Jobs still queued at exit run first: a finished patient's summary is never dropped.
      jobs_changed_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

void KioskServices::deliver(Summary summary, bool session) {
  summary.kiosk_name = config_.kiosk_name;
  post([this, summary = std::move(summary), session] {
    Finished result;
    result.session = session;
    const auto rendered = report::render_summary(summary, languages_, report::render_options_from(config_));
    if (!rendered.ok()) {
      audit("render-failed", {{"code", delivery::code_name(delivery::ErrorCode::RenderFailed)}});
      result.staff_message = "Could not make the summary PDF: " + rendered.error;
    } else {
      const auto outcome = delivery::deliver(rendered.pdf, config_, SystemClock::now());
      result.ok = outcome.delivered();
      result.staff_message = outcome.staff_message();
    }
    audit(session ? "session-outcome" : "test-summary-outcome", {{"delivered", result.ok ? "yes" : "no"}});
    finish(std::move(result));
  });
}

void KioskServices::finish(Finished result) {
  {
    std::lock_guard lock(mutex_);
    last_result_ = (result.session ? "Last summary: " : "Test summary: ") + result.staff_message;
    finished_.push_back(std::move(result));
  }
  SDL_Event wake{};
  wake.type = wake_event_type_;
  SDL_PushEvent(&wake);
}

std::vector<KioskServices::Finished> KioskServices::take_finished() {
  std::lock_guard lock(mutex_);
  std::vector<Finished> out;
  out.swap(finished_);
  return out;
}

std::string KioskServices::staff_status() {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  // Asking CUPS can take a while: the worker refreshes the line, the screen shows the last one.
  if (!printer_check_queued_ && (printer_line_.empty() || now - printer_checked_ > kPrinterCheckEvery)) {
    printer_check_queued_ = true;
    jobs_.push_back([this] {
      std::string line = config_.output == OutputMode::Save ? std::string("Printing is off (output = save).")
                                                            : "Printer: " + delivery::printer_status(config_);
      {
        std::lock_guard inner(mutex_);
        printer_line_ = std::move(line);
        printer_checked_ = std::chrono::steady_clock::now();
        printer_check_queued_ = false;
      }
      SDL_Event wake{};
      wake.type = wake_event_type_;
      SDL_PushEvent(&wake);
    });
    jobs_changed_.notify_one();
  }
  const std::string printer = printer_line_.empty() ? "Printer: checking..." : printer_line_;
  return printer + "\n" + last_result_ + "\nSave folder: " + delivery::effective_save_folder(config_);
}

void KioskServices::housekeeping_if_due(SystemClock::time_point now) {
  if (housekeeping_started_ && now < next_housekeeping_) return;
  delivery::housekeeping(config_, now, !housekeeping_started_);
  housekeeping_started_ = true;
  next_housekeeping_ = now + kHousekeepingEvery;
}

double KioskServices::seconds_until_housekeeping(SystemClock::time_point now) const {
  if (!housekeeping_started_) return 0.0;
  return std::max(0.0, std::chrono::duration<double>(next_housekeeping_ - now).count());
}

}  // namespace rk::app
