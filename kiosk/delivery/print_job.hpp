#pragma once
// A print job the kiosk handed to CUPS, as its outbox entry remembers it (the ".job" file, written
// before the document is sent), so that the next start after a kill -9, a SIGTERM or a power cut
// asks CUPS about that job instead of printing the summary a second time. What to do with CUPS's
// answer is a pure decision (resume_decision), tested on its own. No patient data in any of it.

#include <optional>
#include <string>
#include <string_view>

namespace rk::delivery {

struct JobTicket {
  int job_id = 0;
  std::string uuid;   ///< CUPS's job-uuid: tells our job from another with the same id (a new spool)
  std::string queue;  ///< the queue it went to
  std::string
      server;  ///< the CUPS server it went to, "host:port" ("localhost:631", "/run/cups/cups.sock:631")
};

/// "job=12\nuuid=urn:uuid:...\nqueue=QA\nserver=localhost:631\n".
std::string format_ticket(const JobTicket& ticket);
/// The ticket in `text`; nullopt when it is not one (a torn or foreign file: the summary is printed again).
std::optional<JobTicket> parse_ticket(std::string_view text);

/// IPP job-state, in our words (so the decision needs no CUPS header).
enum class JobState { Pending, Held, Processing, Stopped, Canceled, Aborted, Completed };

/// What the kiosk learned about a recorded job.
struct JobFacts {
  bool same_server = true;  ///< the kiosk still prints through the server the job went to
  bool answered = false;    ///< that server answered in time
  bool found = false;       ///< it knows the job id
  bool same_job = false;    ///< ... and its job-uuid is the recorded one
  JobState state = JobState::Pending;
  int documents = 0;  ///< number-of-documents: 0 while (or because) the document never arrived
};

enum class Resume {
  Printed,         ///< completed while the kiosk was away: mark it printed, print nothing
  Follow,          ///< pending, held or printing with its document: wait on it like a new job
  CancelAndPrint,  ///< the document never arrived (the kiosk died sending it): take the empty job back, print
                   ///< anew
  PrintAgain,      ///< canceled, aborted, or unknown to CUPS (history lost, a new spool, another server)
  AskLater,        ///< CUPS is not answering: keep the record, ask again in the next round
};

/// Prefers a rare duplicate to a loss: a job nobody can vouch for is printed again.
Resume resume_decision(const JobFacts& facts);

/// "printed", "follow", "cancel-and-print", "print-again", "ask-later" (for the audit log).
std::string_view resume_name(Resume resume);

}  // namespace rk::delivery
