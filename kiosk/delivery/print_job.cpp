// The ".job" record of an outbox entry (format, parse) and what a restart does with a recorded job.
#include "print_job.hpp"

#include <charconv>

#include "enum_names.hpp"

namespace rk::delivery {

constexpr EnumNames<Resume::AskLater> kResumeNames = {{{Resume::Printed, "printed"},
                                                       {Resume::Follow, "follow"},
                                                       {Resume::CancelAndPrint, "cancel-and-print"},
                                                       {Resume::PrintAgain, "print-again"},
                                                       {Resume::AskLater, "ask-later"}}};
static_assert(in_enum_order(kResumeNames), "kResumeNames names each Resume once, in the enum's order");

std::string format_ticket(const JobTicket& ticket) {
  return "job=" + std::to_string(ticket.job_id) + "\nuuid=" + ticket.uuid + "\nqueue=" + ticket.queue +
         "\nserver=" + ticket.server + "\n";
}

std::optional<JobTicket> parse_ticket(std::string_view text) {
  JobTicket t;
  bool has_job = false;
  while (!text.empty()) {
    const auto end = text.find('\n');
    if (end == std::string_view::npos) return std::nullopt;  // torn: the last line has no newline
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string_view key = line.substr(0, eq);
    const std::string_view value = line.substr(eq + 1);
    if (key == "job") {
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), t.job_id);
      has_job = ec == std::errc() && ptr == value.data() + value.size() && t.job_id > 0;
    } else if (key == "uuid") {
      t.uuid = value;
    } else if (key == "queue") {
      t.queue = value;
    } else if (key == "server") {
      t.server = value;
    }  // an unknown key (a later version's) is left alone
  }
  if (!has_job || t.queue.empty() || t.server.empty()) return std::nullopt;
  return t;
}

Resume resume_decision(const JobFacts& facts) {
  if (!facts.same_server) return Resume::PrintAgain;
  if (!facts.answered) return Resume::AskLater;
  if (!facts.found || !facts.same_job) return Resume::PrintAgain;
  switch (facts.state) {
    case JobState::Completed:
      return Resume::Printed;
    case JobState::Canceled:
    case JobState::Aborted:
      return Resume::PrintAgain;
    case JobState::Pending:
    case JobState::Held:
    case JobState::Processing:
    case JobState::Stopped:
      break;
  }
  return facts.documents > 0 ? Resume::Follow : Resume::CancelAndPrint;
}

std::string_view resume_name(Resume resume) {
  return name_in(kResumeNames, resume);
}

}  // namespace rk::delivery
