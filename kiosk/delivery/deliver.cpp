#include "deliver.hpp"

#include "audit_log.hpp"
#include "paths.hpp"
#include "print.hpp"
#include "retention.hpp"
#include "save.hpp"

namespace rk::delivery {

bool Outcome::fully_ok() const {
  if (print_requested && !printed) return false;
  return save_error == ErrorCode::None && !saved_as_fallback;
}

std::string Outcome::staff_message() const {
  std::string text;
  if (print_requested) {
    text =
        printed ? "Printed (job " + std::to_string(job_id) + ")." : "Printing failed: " + print_reason + ".";
  }
  const auto add = [&text](const std::string& part) { text += (text.empty() ? "" : " ") + part; };
  if (saved) {
    add((saved_as_fallback ? "The summary was kept in " : "Saved to ") + saved_path + ".");
  } else if (save_error != ErrorCode::None) {
    add("Could not save: " + save_reason + ".");
  }
  if (!delivered()) add("The summary was not delivered.");
  return text;
}

std::string effective_save_folder(const KioskConfig& config) {
  return config.save_folder.empty() ? default_save_folder() : config.save_folder;
}

Outcome deliver(const std::vector<unsigned char>& pdf, const KioskConfig& config,
                std::chrono::system_clock::time_point now) {
  Outcome out;
  out.print_requested = config.output == OutputMode::Print || config.output == OutputMode::Both;
  const bool save_requested = config.output == OutputMode::Save || config.output == OutputMode::Both;

  if (out.print_requested) {
    const PrintResult printed =
        print_pdf(pdf, config.printer, std::chrono::seconds(config.print_timeout_seconds));
    out.printed = printed.ok();
    out.job_id = printed.job_id;
    out.print_error = printed.code;
    out.print_reason = printed.reason;
    if (printed.ok()) {
      const std::string job = std::to_string(printed.job_id);
      audit("summary-printed", {{"queue", printed.queue}, {"job", job}});
    } else {
      audit("print-failed", {{"code", code_name(printed.code)}});
    }
  }

  // Save when asked to, and always when printing failed: nothing is lost silently.
  if (save_requested || (out.print_requested && !out.printed)) {
    const SaveResult saved = save_summary(pdf, effective_save_folder(config), now);
    out.saved = saved.ok();
    out.saved_as_fallback = saved.ok() && !save_requested;
    out.saved_path = saved.path;
    out.save_error = saved.code;
    out.save_reason = saved.reason;
    if (saved.ok()) {
      audit("summary-saved", {{"mode", out.saved_as_fallback ? "fallback" : "requested"}});
    } else {
      audit("save-failed", {{"code", code_name(saved.code)}});
    }
  }
  if (!out.delivered())
    audit("summary-lost", {{"print", code_name(out.print_error)}, {"save", code_name(out.save_error)}});
  return out;
}

void housekeeping(const KioskConfig& config, std::chrono::system_clock::time_point now, bool at_startup) {
  const std::string folder = effective_save_folder(config);
  if (at_startup) {
    const CleanupResult temps = remove_stale_temp_files(folder);
    if (temps.removed > 0 || temps.failed > 0) {
      const std::string removed = std::to_string(temps.removed), failed = std::to_string(temps.failed);
      audit("stale-temp-files-removed", {{"removed", removed}, {"failed", failed}});
    }
  }
  const CleanupResult expired = remove_expired_summaries(folder, config.retention_days, now);
  if (expired.removed > 0 || expired.failed > 0 || !expired.reason.empty()) {
    const std::string removed = std::to_string(expired.removed), failed = std::to_string(expired.failed);
    audit("retention",
          {{"removed", removed}, {"failed", failed}, {"ok", expired.reason.empty() ? "yes" : "no"}});
  }
}

std::string printer_status(const KioskConfig& config) {
  return printer_status(config.printer);
}

}  // namespace rk::delivery
