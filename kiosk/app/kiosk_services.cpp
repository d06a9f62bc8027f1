#include "kiosk_services.hpp"

#include <algorithm>

#include "audit_log.hpp"
#include "cups_spool.hpp"
#include "deliver.hpp"
#include "fhir_export.hpp"
#include "fhir_json.hpp"
#include "render_summary.hpp"
#include "sample_patient.hpp"

namespace rk::app {
namespace {
constexpr auto kHousekeepingEvery = std::chrono::hours(1);
constexpr auto kPrinterCheckEvery = std::chrono::seconds(5);
}  // namespace

KioskServices::KioskServices(const KioskConfig& config, const Questionnaire& questionnaire,
                             const UiStrings& languages, Uint32 wake_event_type)
    : config_(config), questionnaire_(questionnaire), languages_(languages), wake_event_type_(wake_event_type) {
  if (config_.output != OutputMode::Save) warnings_ = delivery::cups_spool_warning();
  // What an earlier run could not deliver (a kill, a power cut, a printer that was down) goes first.
  delivery_.post([this] { delivery_round("", ""); });
}

KioskServices::~KioskServices() {
  stop_.store(true);
  keeper_.stop();
  delivery_.stop();
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
  services.out_of_service = [this] { return out_of_service(); };
  services.pending = [this] { return pending(); };
  services.retry_pending = [this] {
    audit("staff-outbox-retry");
    delivery_.post([this] { delivery_round("", ""); });
  };
  services.save_pending_instead = [this] {
    audit("staff-outbox-save-instead");
    delivery_.post([this] {
      for (delivery::OutboxEntry& entry : delivery::list_outbox(delivery::effective_outbox(config_))) {
        delivery::mark(entry, ".save-instead");
      }
      delivery_round("", "");
    });
  };
  return services;
}

void KioskServices::deliver(Summary summary, bool session) {
  summary.kiosk_name = config_.kiosk_name;
  keeper_.post([this, summary = std::move(summary), session] { keep(summary, session); });
}

void KioskServices::keep(const Summary& summary, bool session) {
  const std::string label = session ? "Last summary: " : "Test summary: ";
  Finished result;
  result.session = session;
  const auto rendered = report::render_summary(summary, languages_, report::render_options_from(config_));
  if (!rendered.ok()) {
    audit("render-failed", {{"code", delivery::code_name(delivery::ErrorCode::RenderFailed)}});
    set_last_result(label + "could not make the summary PDF: " + rendered.error + ". It was not kept.");
  } else {
    const std::string id = delivery::new_summary_id(SystemClock::now());
    std::vector<delivery::OutboxFile> files = {{id + ".pdf", rendered.pdf}};
    if (session && config_.fhir_export) {  // its FHIR twin, kept and saved alike (docs/fhir.md §9)
      const std::string json = fhir::write_json(fhir::export_response(summary, questionnaire_, id, config_.fhir_base_url));
      files.push_back({id + ".fhir.json", std::vector<unsigned char>(json.begin(), json.end())});
    }
    const auto kept = delivery::keep_summary(config_, id, files);
    result.kept = kept.ok();
    if (kept.ok()) {
      delivery_.post([this, id, label] { delivery_round(id, label); });
    } else {
      set_last_result(label + "could not be kept (" + kept.reason + "); trying to deliver it directly.");
      delivery_.post([this, pdf = rendered.pdf] { deliver_from_memory(pdf); });
    }
  }
  audit(session ? "session-outcome" : "test-summary-outcome", {{"kept", result.kept ? "yes" : "no"}});
  {
    std::lock_guard lock(mutex_);
    finished_.push_back(result);
  }
  wake();
}

void KioskServices::delivery_round(const std::string& first, const std::string& label) {
  std::vector<delivery::OutboxEntry> entries = delivery::list_outbox(delivery::effective_outbox(config_));
  std::stable_partition(entries.begin(), entries.end(),
                        [&first](const delivery::OutboxEntry& e) { return e.id == first; });
  delivery::RoundState round;
  int delivered = 0;
  int waiting = 0;
  for (delivery::OutboxEntry& entry : entries) {
    if (stop_.load()) return;
    const delivery::EntryOutcome outcome = delivery::deliver_entry(entry, config_, round, &stop_);
    (outcome.done ? delivered : waiting) += 1;
    if (entry.id == first) set_last_result(label + outcome.staff_message());
  }
  if (first.empty() && !entries.empty()) {
    set_last_result("Outbox: " + std::to_string(delivered) + " delivered, " + std::to_string(waiting) +
                    " still waiting.");
  }
  wake();
}

void KioskServices::deliver_from_memory(std::vector<unsigned char> pdf) {
  if (stop_.load()) return;
  const auto outcome = delivery::deliver(pdf, config_, SystemClock::now());
  set_last_result("Last summary (not kept in the outbox): " + outcome.staff_message());
  wake();
}

void KioskServices::set_last_result(const std::string& text) {
  std::lock_guard lock(mutex_);
  last_result_ = text;
}

void KioskServices::wake() {
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
  // Asking CUPS can take a while: the delivery thread refreshes the line, the screen shows the last one.
  if (!printer_check_queued_ && (printer_line_.empty() || now - printer_checked_ > kPrinterCheckEvery)) {
    printer_check_queued_ = true;
    delivery_.post([this] {
      std::string line = config_.output == OutputMode::Save
                             ? std::string("Printing is off (output = save).")
                             : "Printer: " + delivery::printer_status(config_, &stop_);
      {
        std::lock_guard inner(mutex_);
        printer_line_ = std::move(line);
        printer_checked_ = std::chrono::steady_clock::now();
        printer_check_queued_ = false;
      }
      wake();
    });
  }
  const std::string printer = printer_line_.empty() ? "Printer: checking..." : printer_line_;
  std::string text =
      printer + "\n" + last_result_ + "\nSave folder: " + delivery::effective_save_folder(config_);
  if (!warnings_.empty()) text += "\n" + warnings_;
  return text;
}

std::string KioskServices::out_of_service() const {
  return delivery::keep_summaries_problem(delivery::probe_folders(delivery::effective_save_folder(config_)));
}

std::vector<ui::PendingSummary> KioskServices::pending() const {
  std::vector<ui::PendingSummary> out;
  for (const auto& entry : delivery::list_outbox(delivery::effective_outbox(config_))) {
    std::string reason = entry.last_error.empty() ? "Not delivered yet." : entry.last_error;
    if (entry.printed) reason += " (Printed already.)";
    if (entry.saved) reason += " (A copy is in the save folder.)";
    out.push_back({entry.id, reason});
  }
  return out;
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
