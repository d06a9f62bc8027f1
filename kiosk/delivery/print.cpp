// Printing through CUPS. In this file: the deadline guard and connection; queue, printer and job
// queries; follow_job (wait on a submitted job); print_pdf (submit and follow); resume_print (a job
// an earlier run submitted); printer_status (the staff screen's line).
#include "print.hpp"

#include <cups/cups.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <span>
#include <thread>
#include <utility>

namespace rk::delivery {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr const char* kJobTitle = "Readiness summary";
constexpr auto kPollInterval = std::chrono::milliseconds(250);
constexpr auto kStopPoll = std::chrono::milliseconds(20);
constexpr int kConnectMsec = 5000;
constexpr size_t kWriteChunk = 64 * 1024;
/// How often a waiting libcups call asks the guard whether to go on.
constexpr double kSilencePoll = 0.25;
/// Time given to cancel a job that outlived its deadline (the guard's deadline moves by this).
constexpr auto kCancelGrace = std::chrono::seconds(1);
/// The staff screen's printer line asks CUPS for at most this long.
constexpr auto kStatusDeadline = std::chrono::seconds(3);

// Every libcups call runs under this guard: httpSetTimeout() calls it after each quiet
// kSilencePoll, and it says "give up" (0) once the deadline has passed or the kiosk is stopping.
// Without it a scheduler that accepts connections but never answers (SIGSTOP) blocks a call for
// minutes (pitfalls.md).
struct Guard {
  SteadyClock::time_point deadline;
  const std::atomic<bool>* stop = nullptr;
  bool gave_up = false;  ///< a call was abandoned because CUPS did not answer in time
  [[nodiscard]] bool stopping() const { return stop && stop->load(); }
  [[nodiscard]] bool expired() const { return stopping() || SteadyClock::now() >= deadline; }
};

int keep_waiting(http_t* /*http*/, void* data) {
  auto* guard = static_cast<Guard*>(data);
  if (!guard->expired()) return 1;
  guard->gave_up = true;
  return 0;
}

// An owned connection to the CUPS scheduler (CUPS_SERVER / client.conf / the local socket).
struct Connection {
  http_t* http = nullptr;
  explicit Connection(Guard& guard) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(guard.deadline - SteadyClock::now());
    const int msec = static_cast<int>(std::clamp<long long>(left.count(), 100, kConnectMsec));
    http = httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1, msec, nullptr);
    if (http) httpSetTimeout(http, kSilencePoll, keep_waiting, &guard);
  }
  ~Connection() {
    if (http) httpClose(http);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
};

std::string server_name() {
  const char* s = cupsServer();
  return s ? s : "(default)";
}

// A Get-...-Attributes request for the object at `uri` (named by `uri_name`), asking for `attrs`.
ipp_t* attributes_request(ipp_op_t op, const char* uri_name, const std::string& uri,
                          std::span<const char* const> attrs) {
  ipp_t* request = ippNewRequest(op);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, uri_name, nullptr, uri.c_str());
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
  ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                static_cast<int>(attrs.size()), nullptr, attrs.data());
  return request;
}

// The keywords of attribute `name`, comma-separated, without "none".
std::string keywords(ipp_t* response, const char* name) {
  std::string out;
  ipp_attribute_t* a = ippFindAttribute(response, name, IPP_TAG_KEYWORD);
  for (int i = 0; a && i < ippGetCount(a); ++i) {
    const char* r = ippGetString(a, i, nullptr);
    if (!r || std::string_view(r) == "none") continue;
    if (!out.empty()) out += ", ";
    out += r;
  }
  return out;
}

struct PrinterState {
  bool found = false;
  ipp_pstate_t state = IPP_PSTATE_IDLE;
  bool accepting = true;
  std::string message;  ///< printer-state-message from CUPS or the driver
  std::string reasons;  ///< printer-state-reasons, comma-separated keywords
};

std::string printer_uri(const std::string& queue) {
  char uri[HTTP_MAX_URI];
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(),
                   "/printers/%s", queue.c_str());
  return uri;
}

PrinterState query_printer(http_t* http, const std::string& queue) {
  static const char* const kAttrs[] = {"printer-state", "printer-state-message", "printer-state-reasons",
                                       "printer-is-accepting-jobs"};
  ipp_t* response = cupsDoRequest(
      http, attributes_request(IPP_OP_GET_PRINTER_ATTRIBUTES, "printer-uri", printer_uri(queue), kAttrs), "/");
  PrinterState ps;
  if (response && cupsLastError() <= IPP_STATUS_OK_CONFLICTING) {
    ps.found = true;
    if (ipp_attribute_t* a = ippFindAttribute(response, "printer-state", IPP_TAG_ENUM)) {
      ps.state = static_cast<ipp_pstate_t>(ippGetInteger(a, 0));
    }
    if (ipp_attribute_t* a = ippFindAttribute(response, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN)) {
      ps.accepting = ippGetBoolean(a, 0) != 0;
    }
    if (ipp_attribute_t* a = ippFindAttribute(response, "printer-state-message", IPP_TAG_TEXT)) {
      if (const char* m = ippGetString(a, 0, nullptr)) ps.message = m;
    }
    ps.reasons = keywords(response, "printer-state-reasons");
  }
  ippDelete(response);
  return ps;
}

struct JobReport {
  bool answered = false;  ///< CUPS sent a response (perhaps an error such as not-found)
  bool known = false;     ///< ... with the job's state
  ipp_jstate_t state = IPP_JSTATE_PENDING;
  std::string reasons;
  std::string message;
  std::string uuid;
  int documents = 0;
};

JobReport query_job(http_t* http, int job_id) {
  static const char* const kAttrs[] = {"job-state",         "job-state-reasons", "job-printer-state-message",
                                       "job-state-message", "job-uuid",          "number-of-documents"};
  char uri[HTTP_MAX_URI];
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(), "/jobs/%d",
                   job_id);
  ipp_t* response =
      cupsDoRequest(http, attributes_request(IPP_OP_GET_JOB_ATTRIBUTES, "job-uri", uri, kAttrs), "/");
  JobReport js;
  js.answered = response != nullptr;
  if (response && cupsLastError() <= IPP_STATUS_OK_CONFLICTING) {
    if (ipp_attribute_t* a = ippFindAttribute(response, "job-state", IPP_TAG_ENUM)) {
      js.known = true;
      js.state = static_cast<ipp_jstate_t>(ippGetInteger(a, 0));
    }
    js.reasons = keywords(response, "job-state-reasons");
    if (ipp_attribute_t* a = ippFindAttribute(response, "job-uuid", IPP_TAG_URI)) {
      if (const char* u = ippGetString(a, 0, nullptr)) js.uuid = u;
    }
    if (ipp_attribute_t* a = ippFindAttribute(response, "number-of-documents", IPP_TAG_INTEGER)) {
      js.documents = ippGetInteger(a, 0);
    }
    for (const char* name : {"job-printer-state-message", "job-state-message"}) {
      if (ipp_attribute_t* a = ippFindAttribute(response, name, IPP_TAG_TEXT); a && js.message.empty()) {
        if (const char* m = ippGetString(a, 0, nullptr)) js.message = m;
      }
    }
  }
  ippDelete(response);
  return js;
}

PrintResult fail(PrintResult r, ErrorCode code, std::string reason) {
  r.code = code;
  r.reason = std::move(reason);
  return r;
}

std::string with_detail(std::string text, const std::string& detail) {
  if (!detail.empty()) text += " (" + detail + ")";
  return text;
}

std::string stopped_reason(const std::string& queue, const PrinterState& ps) {
  std::string detail = ps.message;
  if (!ps.reasons.empty()) detail += (detail.empty() ? "" : "; ") + ps.reasons;
  return with_detail("Printer '" + queue + "' is stopped", detail);
}

// Which queue: the named one, or the CUPS default destination. Asked over `http` only, so under
// its guard: cupsGetNamedDest opens a connection of its own (for cupsGetDefault2) that no deadline
// reaches, and waited 60 s per call on a hung scheduler.
bool resolve_queue(http_t* http, const std::string& requested, std::string& queue, std::string& reason,
                   ErrorCode& code) {
  std::string name = requested;
  bool found = false;
  if (name.empty()) {
    static const char* const kAttrs[] = {"printer-name"};
    ipp_t* request = ippNewRequest(IPP_OP_CUPS_GET_DEFAULT);
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 1, nullptr, kAttrs);
    ipp_t* response = cupsDoRequest(http, request, "/");
    if (response && cupsLastError() <= IPP_STATUS_OK_CONFLICTING) {
      if (ipp_attribute_t* a = ippFindAttribute(response, "printer-name", IPP_TAG_NAME)) {
        if (const char* n = ippGetString(a, 0, nullptr)) name = n;
      }
    }
    ippDelete(response);
    found = !name.empty();
  } else {
    found = query_printer(http, name).found;
  }
  if (!found) {
    const ipp_status_t status = cupsLastError();
    if (status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || status == IPP_STATUS_ERROR_INTERNAL) {
      code = ErrorCode::PrinterUnreachable;
      reason = with_detail("CUPS is not reachable at " + server_name(), cupsLastErrorString());
    } else {
      code = ErrorCode::NoPrinter;
      reason = requested.empty() ? std::string("No default printer is set up in CUPS")
                                 : "No printer queue named '" + requested + "' in CUPS";
    }
    return false;
  }
  queue = name;
  return true;
}

// Once a call was abandoned, what libcups says next is about the abandoned call, not the truth.
PrintResult not_answering(const PrintResult& result, const Guard& guard) {
  if (guard.stopping()) {
    return fail(result, ErrorCode::PrintFailed, "Printing was interrupted: the kiosk is stopping");
  }
  return fail(result, ErrorCode::PrinterUnreachable,
              "The print service (CUPS at " + server_name() + ") is not answering");
}

// The server a job goes to, as the outbox records it: "host:port" (libcups keeps the port apart).
std::string server_identity() {
  return server_name() + ":" + std::to_string(ippPort());
}

// CUPS's job states and the kiosk's, side by side.
constexpr std::pair<ipp_jstate_t, JobState> kJobStates[] = {
    {IPP_JSTATE_PENDING, JobState::Pending},
    {IPP_JSTATE_HELD, JobState::Held},
    {IPP_JSTATE_PROCESSING, JobState::Processing},
    {IPP_JSTATE_STOPPED, JobState::Stopped},
    {IPP_JSTATE_CANCELED, JobState::Canceled},
    {IPP_JSTATE_ABORTED, JobState::Aborted},
    {IPP_JSTATE_COMPLETED, JobState::Completed},
};

JobState job_state(ipp_jstate_t state) {
  for (const auto& [cups, ours] : kJobStates) {
    if (cups == state) return ours;
  }
  return JobState::Pending;
}

// Follows a submitted job (result.job_id on result.queue) until it completes or fails, or the
// guard's deadline passes (then the job is canceled: it must not print later as a duplicate).
PrintResult follow_job(http_t* http, Guard& guard, PrintResult result, std::chrono::seconds timeout) {
  for (;;) {
    const JobReport js = query_job(http, result.job_id);
    if (guard.gave_up) return not_answering(result, guard);
    if (js.known) {
      switch (js.state) {
        case IPP_JSTATE_COMPLETED:
          return result;
        case IPP_JSTATE_ABORTED:
          return fail(
              result, ErrorCode::JobAborted,
              with_detail("CUPS aborted job " + std::to_string(result.job_id) + " on '" + result.queue + "'",
                          js.message.empty() ? js.reasons : js.message));
        case IPP_JSTATE_CANCELED:
          return fail(
              result, ErrorCode::JobCanceled,
              with_detail("Job " + std::to_string(result.job_id) + " on '" + result.queue + "' was canceled",
                          js.reasons));
        default:
          break;
      }
    } else if (httpGetFd(http) < 0 || cupsLastError() == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE) {
      return fail(result, ErrorCode::PrinterUnreachable,
                  with_detail("Lost contact with CUPS while printing", cupsLastErrorString()));
    }
    // A queue stopped while our job waits (cupsdisable, or a backend error with the stop-printer
    // policy) would hold it indefinitely: cancel it, so it cannot print later as a duplicate.
    const PrinterState ps = query_printer(http, result.queue);
    if (guard.gave_up) return not_answering(result, guard);
    if (ps.found && ps.state == IPP_PSTATE_STOPPED) {
      cupsCancelJob2(http, result.queue.c_str(), result.job_id, 0);
      return fail(result, ErrorCode::PrinterStopped, stopped_reason(result.queue, ps));
    }
    if (guard.stopping()) return not_answering(result, guard);
    if (guard.expired()) {
      guard.deadline = SteadyClock::now() + kCancelGrace;  // a short while to take the job back
      cupsCancelJob2(http, result.queue.c_str(), result.job_id, 0);
      return fail(result, ErrorCode::PrintTimeout,
                  with_detail("Job " + std::to_string(result.job_id) + " on '" + result.queue +
                                  "' did not finish within " + std::to_string(timeout.count()) +
                                  " s and was canceled",
                              js.message.empty() ? js.reasons : js.message));
    }
    const auto wake = std::min(SteadyClock::now() + kPollInterval, guard.deadline);
    while (SteadyClock::now() < wake && !guard.stopping()) std::this_thread::sleep_for(kStopPoll);
  }
}

}  // namespace

PrintResult print_pdf(const std::vector<unsigned char>& pdf, const std::string& queue,
                      std::chrono::seconds timeout, const std::atomic<bool>* stop,
                      const OnSubmitted& on_submitted) {
  PrintResult result;
  result.queue = queue;
  Guard guard{SteadyClock::now() + std::max(timeout, std::chrono::seconds(1)), stop};

  Connection conn(guard);
  if (!conn.http) {
    if (guard.expired()) return not_answering(result, guard);
    return fail(result, ErrorCode::PrinterUnreachable, "CUPS is not reachable at " + server_name());
  }
  ErrorCode code = ErrorCode::None;
  std::string reason;
  const bool resolved = resolve_queue(conn.http, queue, result.queue, reason, code);
  if (guard.gave_up) return not_answering(result, guard);
  if (!resolved) return fail(result, code, reason);

  // A stopped queue would hold the job until someone restarts it: report it now instead.
  const PrinterState before = query_printer(conn.http, result.queue);
  if (guard.gave_up) return not_answering(result, guard);
  if (before.found && before.state == IPP_PSTATE_STOPPED) {
    return fail(result, ErrorCode::PrinterStopped, stopped_reason(result.queue, before));
  }
  if (before.found && !before.accepting) {
    return fail(result, ErrorCode::PrinterStopped,
                with_detail("Printer '" + result.queue + "' is not accepting jobs", before.message));
  }

  result.job_id = cupsCreateJob(conn.http, result.queue.c_str(), kJobTitle, 0, nullptr);
  if (guard.gave_up) return not_answering(result, guard);
  if (result.job_id <= 0) {
    result.job_id = 0;
    const ipp_status_t status = cupsLastError();
    const ErrorCode c = status == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS    ? ErrorCode::PrinterStopped
                        : status == IPP_STATUS_ERROR_NOT_FOUND           ? ErrorCode::NoPrinter
                        : status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE ? ErrorCode::PrinterUnreachable
                                                                         : ErrorCode::PrintFailed;
    return fail(result, c,
                with_detail("CUPS refused the job for '" + result.queue + "'", cupsLastErrorString()));
  }
  // The job exists but has no document yet: it cannot print. Recorded now, a restart that finds
  // it with its document follows it instead of printing again (print_job.hpp).
  if (on_submitted) {
    const JobReport created = query_job(conn.http, result.job_id);
    if (guard.gave_up) return not_answering(result, guard);
    on_submitted(JobTicket{result.job_id, created.uuid, result.queue, server_identity()});
  }

  bool sent = cupsStartDocument(conn.http, result.queue.c_str(), result.job_id, "summary.pdf",
                                CUPS_FORMAT_PDF, 1) == HTTP_STATUS_CONTINUE;
  for (size_t at = 0; sent && at < pdf.size(); at += kWriteChunk) {
    const size_t n = std::min(kWriteChunk, pdf.size() - at);
    sent = cupsWriteRequestData(conn.http, reinterpret_cast<const char*>(pdf.data() + at), n) ==
           HTTP_STATUS_CONTINUE;
  }
  const ipp_status_t finish = cupsFinishDocument(conn.http, result.queue.c_str());
  if (guard.gave_up) return not_answering(result, guard);
  if (!sent || finish > IPP_STATUS_OK_CONFLICTING) {
    const std::string detail = cupsLastErrorString();
    cupsCancelJob2(conn.http, result.queue.c_str(), result.job_id, 0);
    return fail(result, ErrorCode::PrintFailed, with_detail("Could not send the summary to CUPS", detail));
  }
  return follow_job(conn.http, guard, result, timeout);
}

ResumeResult resume_print(const JobTicket& ticket, std::chrono::seconds timeout,
                          const std::atomic<bool>* stop) {
  ResumeResult out;
  out.print.job_id = ticket.job_id;
  out.print.queue = ticket.queue;
  JobFacts facts;
  facts.same_server = ticket.server == server_identity();
  if (!facts.same_server) {
    out.decision = resume_decision(facts);
    return out;
  }
  Guard guard{SteadyClock::now() + std::max(timeout, std::chrono::seconds(1)), stop};
  Connection conn(guard);
  JobReport js;
  if (conn.http) {
    js = query_job(conn.http, ticket.job_id);
    facts.answered = !guard.gave_up && js.answered;
  }
  facts.found = js.known;
  facts.same_job = js.uuid == ticket.uuid;
  facts.state = job_state(js.state);
  facts.documents = js.documents;
  out.decision = resume_decision(facts);
  switch (out.decision) {
    case Resume::Printed:
      break;
    case Resume::Follow:
      out.print = follow_job(conn.http, guard, out.print, timeout);
      break;
    case Resume::CancelAndPrint:  // an empty job cannot print; taken back so it does not linger
      cupsCancelJob2(conn.http, ticket.queue.c_str(), ticket.job_id, 0);
      break;
    case Resume::PrintAgain:
      break;
    case Resume::AskLater:
      out.print = guard.expired() || conn.http ? not_answering(out.print, guard)
                                               : fail(out.print, ErrorCode::PrinterUnreachable,
                                                      "CUPS is not reachable at " + server_name());
      break;
  }
  return out;
}

std::string printer_status(const std::string& queue, const std::atomic<bool>* stop) {
  Guard guard{SteadyClock::now() + kStatusDeadline, stop};
  Connection conn(guard);
  const std::string silent = "the print service (CUPS at " + server_name() + ") is not answering";
  if (!conn.http) return guard.expired() ? silent : "CUPS is not reachable at " + server_name();
  std::string name;
  std::string reason;
  ErrorCode code = ErrorCode::None;
  const bool resolved = resolve_queue(conn.http, queue, name, reason, code);
  if (guard.gave_up) return silent;
  if (!resolved) return reason;
  const PrinterState ps = query_printer(conn.http, name);
  if (guard.gave_up) return silent;
  if (!ps.found) return with_detail("Printer '" + name + "': state unknown", cupsLastErrorString());
  std::string text = name + ": ";
  switch (ps.state) {
    case IPP_PSTATE_IDLE:
      text += "idle";
      break;
    case IPP_PSTATE_PROCESSING:
      text += "printing";
      break;
    case IPP_PSTATE_STOPPED:
      text += "stopped";
      break;
  }
  text += ps.accepting ? ", accepting jobs" : ", not accepting jobs";
  std::string detail = ps.message;
  if (!ps.reasons.empty()) detail += (detail.empty() ? "" : "; ") + ps.reasons;
  return with_detail(text, detail);
}

}  // namespace rk::delivery
