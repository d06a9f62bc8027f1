#include "deliver.hpp"

#include "audit_log.hpp"
#include "file_io.hpp"
#include "paths.hpp"
#include "print.hpp"
#include "retention.hpp"
#include "save.hpp"

namespace rk::delivery {
namespace {

bool print_wanted(const KioskConfig& config) {
  return config.output == OutputMode::Print || config.output == OutputMode::Both;
}
bool save_wanted(const KioskConfig& config) {
  return config.output == OutputMode::Save || config.output == OutputMode::Both;
}

// The audit value of a print: one that was never asked for says so ("none"), not "ok".
std::string_view print_code(bool requested, ErrorCode code) {
  return requested ? code_name(code) : std::string_view("none");
}

// Prints an outbox entry at most once: a job an earlier attempt left with CUPS (a kill, a SIGTERM,
// a power cut while it waited) is asked about and waited on before a new one is submitted, and a
// new job is recorded in the entry before its document is sent (print_job.hpp).
PrintResult print_entry(OutboxEntry& entry, const KioskConfig& config, const std::atomic<bool>* stop) {
  const auto timeout = std::chrono::seconds(config.print_timeout_seconds);
  if (entry.job) {
    const ResumeResult resumed = resume_print(*entry.job, timeout, stop);
    audit("print-job-found",
          {{"job", std::to_string(entry.job->job_id)}, {"then", resume_name(resumed.decision)}});
    if (resumed.decision != Resume::PrintAgain && resumed.decision != Resume::CancelAndPrint)
      return resumed.print;
    forget_job(entry);
  }
  PrintResult printed;
  std::vector<unsigned char> pdf;
  const std::string pdf_path = entry.pdf_path();
  if (pdf_path.empty() || !read_entry_file(entry, pdf_path.substr(entry.folder.size() + 1), pdf)) {
    printed.code = ErrorCode::WriteFailed;
    printed.reason = "Cannot read the summary in the outbox " + entry.folder;
    return printed;
  }
  return print_pdf(pdf, config.printer, timeout, stop, [&entry](const JobTicket& ticket) {
    // Not recorded (a full disk): the print goes ahead, a restart in the meantime may print it twice.
    if (!record_job(entry, ticket)) audit("print-job-not-recorded", {{"job", std::to_string(ticket.job_id)}});
  });
}

}  // namespace

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
  out.print_requested = print_wanted(config);
  const bool save_requested = save_wanted(config);

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
    audit("summary-lost",
          {{"print", print_code(out.print_requested, out.print_error)}, {"save", code_name(out.save_error)}});
  return out;
}

std::string effective_outbox(const KioskConfig& config) {
  return outbox_folder(effective_save_folder(config));
}

PutResult keep_summary(const KioskConfig& config, const std::string& id,
                       const std::vector<OutboxFile>& files) {
  PutResult kept = put_in_outbox(effective_outbox(config), id, files);
  if (kept.ok()) {
    audit("summary-kept", {{"files", std::to_string(files.size())}});
  } else {
    audit("outbox-failed", {{"code", code_name(kept.code)}});
  }
  return kept;
}

std::string EntryOutcome::staff_message() const {
  std::string text = outcome.staff_message();
  if (!done) text += (text.empty() ? "" : " ") + std::string("It waits in the outbox.");
  return text;
}

EntryOutcome deliver_entry(OutboxEntry& entry, const KioskConfig& config, RoundState& round,
                           const std::atomic<bool>* stop) {
  EntryOutcome result;
  Outcome& out = result.outcome;
  const Requested requested = requested_for(print_wanted(config), save_wanted(config), entry.save_instead);
  out.print_requested = requested.print;
  std::string problem;

  if (should_print(requested, entry.printed, round)) {
    const PrintResult printed = print_entry(entry, config, stop);
    out.job_id = printed.job_id;
    out.print_error = printed.code;
    out.print_reason = printed.reason;
    if (printed.ok()) {
      mark(entry, ".printed");
      audit("summary-printed", {{"queue", printed.queue}, {"job", std::to_string(printed.job_id)}});
    } else {
      round.print_failed = true;
      problem = "Printing failed: " + printed.reason + ".";
      audit("print-failed", {{"code", code_name(printed.code)}});
    }
  } else if (requested.print && !entry.printed) {
    out.print_error = ErrorCode::PrintFailed;
    out.print_reason = "not tried again in this round (the printer failed a moment ago)";
  }
  out.printed = requested.print && entry.printed;

  if (should_save(requested, entry.printed, entry.saved, round)) {
    const std::string folder = effective_save_folder(config);
    SaveResult saved;
    if (const int err = make_folder(folder)) {
      saved.code = code_for_errno(err);
      saved.reason = errno_reason(err, "Cannot use the save folder", folder);
    }
    for (const std::string& name : entry.files) {
      if (!saved.ok()) break;
      std::vector<unsigned char> bytes;
      if (!read_entry_file(entry, name, bytes)) {
        saved.code = ErrorCode::WriteFailed;
        saved.reason = "Cannot read the summary in the outbox " + entry.folder;
        break;
      }
      saved = save_file_atomically(bytes, folder + "/" + name);
      if (saved.ok() && name.ends_with(".pdf")) out.saved_path = saved.path;
    }
    out.save_error = saved.code;
    out.save_reason = saved.reason;
    const bool fallback = !requested.save;
    if (saved.ok()) {
      mark(entry, ".saved");
      out.saved_as_fallback = fallback;
      audit("summary-saved", {{"mode", fallback ? "fallback" : "requested"}});
    } else {
      round.save_failed = true;
      problem += (problem.empty() ? "" : " ") + ("Could not save: " + saved.reason + ".");
      audit("save-failed", {{"code", code_name(saved.code)}});
    }
  }
  out.saved = entry.saved;
  if (out.saved && out.saved_path.empty()) {
    const std::string pdf = entry.pdf_path();
    if (!pdf.empty()) out.saved_path = effective_save_folder(config) + pdf.substr(entry.folder.size());
  }

  result.done = entry_done(requested, entry.printed, entry.saved) && remove_entry(entry);
  if (result.done) {
    audit("summary-delivered",
          {{"printed", entry.printed ? "yes" : "no"}, {"saved", entry.saved ? "yes" : "no"}});
  } else {
    if (!problem.empty()) record_error(entry, problem);
    audit("summary-pending",
          {{"print", print_code(requested.print, out.print_error)}, {"save", code_name(out.save_error)}});
  }
  return result;
}

void housekeeping(const KioskConfig& config, std::chrono::system_clock::time_point now, bool at_startup) {
  const std::string folder = effective_save_folder(config);
  const std::string outbox = outbox_folder(folder);
  if (at_startup) {
    if (const int unfinished = remove_unfinished_entries(outbox); unfinished > 0) {
      audit("unfinished-outbox-entries-removed", {{"removed", std::to_string(unfinished)}});
    }
    const CleanupResult temps = remove_stale_temp_files(folder);
    if (temps.removed > 0 || temps.failed > 0) {
      const std::string removed = std::to_string(temps.removed), failed = std::to_string(temps.failed);
      audit("stale-temp-files-removed", {{"removed", removed}, {"failed", failed}});
    }
  }
  // Retention covers the outbox too: an entry nobody could deliver in retention_days goes as well.
  const auto expired_entries = remove_expired_entries(outbox, config.retention_days, now);
  if (!expired_entries.empty()) {
    audit("outbox-expired", {{"removed", std::to_string(expired_entries.size())}});
  }
  const CleanupResult expired = remove_expired_summaries(folder, config.retention_days, now);
  if (expired.removed > 0 || expired.failed > 0 || !expired.reason.empty()) {
    const std::string removed = std::to_string(expired.removed), failed = std::to_string(expired.failed);
    audit("retention",
          {{"removed", removed}, {"failed", failed}, {"ok", expired.reason.empty() ? "yes" : "no"}});
  }
}

std::string printer_status(const KioskConfig& config, const std::atomic<bool>* stop) {
  return printer_status(config.printer, stop);
}

}  // namespace rk::delivery
