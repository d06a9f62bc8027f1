// A summary is printed once (issue 16): the ".job" record of an outbox entry and what a restart
// does with it. The decision and the record on their own, then each answer a real private cupsd
// can give about a recorded job: completed, canceled, empty (the document never arrived), another
// job under the same id, another server, not answering (SIGSTOP).
#include <cups/cups.h>
#include <doctest/doctest.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>

#include "deliver.hpp"
#include "outbox.hpp"
#include "pdf_tools.hpp"
#include "print.hpp"
#include "print_job.hpp"
#include "private_cupsd.hpp"
#include "render_summary.hpp"
#include "summary_fixtures.hpp"

using namespace rk;
using namespace rk::delivery;

TEST_CASE("a job record: written, read back, torn or foreign text is no record") {
  const JobTicket t{42, "urn:uuid:0b19465e-d9f8-31a5-5ab2-0c33da326678", "Front_Desk", "localhost:631"};
  const auto back = parse_ticket(format_ticket(t));
  REQUIRE(back);
  CHECK(back->job_id == 42);
  CHECK(back->uuid == t.uuid);
  CHECK(back->queue == "Front_Desk");
  CHECK(back->server == "localhost:631");
  const std::string text = format_ticket(t);
  CHECK_FALSE(parse_ticket(text.substr(0, text.size() - 1)));  // the last line torn
  CHECK_FALSE(parse_ticket(""));
  CHECK_FALSE(parse_ticket("job=0\nqueue=QA\nserver=s:1\n"));
  CHECK_FALSE(parse_ticket("job=12x\nqueue=QA\nserver=s:1\n"));
  CHECK_FALSE(parse_ticket("job=12\nserver=s:1\n"));
  CHECK_FALSE(parse_ticket("%PDF-1.4\n"));
  CHECK(parse_ticket("job=7\nqueue=QA\nserver=s:1\nlater=key\n"));  // a later version's key is left alone
}

TEST_CASE("what a restart does with a recorded job") {
  JobFacts f;
  f.answered = true;
  f.found = true;
  f.same_job = true;
  f.documents = 1;
  f.state = JobState::Completed;
  CHECK(resume_decision(f) == Resume::Printed);
  for (const JobState s : {JobState::Pending, JobState::Held, JobState::Processing, JobState::Stopped}) {
    f.state = s;
    CHECK(resume_decision(f) == Resume::Follow);
    f.documents = 0;  // the kiosk died sending the document: the job can never print
    CHECK(resume_decision(f) == Resume::CancelAndPrint);
    f.documents = 1;
  }
  for (const JobState s : {JobState::Canceled, JobState::Aborted}) {
    f.state = s;
    CHECK(resume_decision(f) == Resume::PrintAgain);
  }
  f.state = JobState::Completed;
  JobFacts other = f;
  other.same_job = false;  // the id is another job's now (a new spool)
  CHECK(resume_decision(other) == Resume::PrintAgain);
  JobFacts unknown = f;
  unknown.found = false;  // history lost (PreserveJobHistory No, a purge): a duplicate, not a loss
  CHECK(resume_decision(unknown) == Resume::PrintAgain);
  JobFacts silent = f;
  silent.answered = false;
  CHECK(resume_decision(silent) == Resume::AskLater);
  JobFacts moved = silent;
  moved.same_server = false;  // the kiosk now prints elsewhere: nobody to ask
  CHECK(resume_decision(moved) == Resume::PrintAgain);
  CHECK(resume_name(Resume::CancelAndPrint) == "cancel-and-print");
}

namespace {

using Clock = std::chrono::system_clock;

std::size_t pdf_count(const std::string& folder) {
  std::size_t n = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(folder, ec)) n += e.path().extension() == ".pdf";
  return n;
}

// Waits until CUPS has no job left to do, then counts cups-pdf's files (what came out of the printer).
std::size_t printed(const test::PrivateCupsd& cupsd) {
  for (int i = 0; i < 600 && !cupsd.jobs("not-completed").empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  return pdf_count(cupsd.output_folder());
}

// A job created the way print_pdf creates one, whose document is never sent: what CUPS holds when
// the kiosk dies between Create-Job and the end of Send-Document. Its ticket, as print_pdf records it.
JobTicket create_empty_job(const std::string& queue) {
  http_t* http =
      httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1, 5000, nullptr);
  REQUIRE(http);
  JobTicket t{cupsCreateJob(http, queue.c_str(), "Readiness summary", 0, nullptr), "", queue,
              std::string(cupsServer()) + ":" + std::to_string(ippPort())};
  REQUIRE(t.job_id > 0);
  ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr,
               ("ipp://localhost/printers/" + queue).c_str());
  ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", t.job_id);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
  ipp_t* response = cupsDoRequest(http, request, "/");
  if (ipp_attribute_t* a = ippFindAttribute(response, "job-uuid", IPP_TAG_URI))
    t.uuid = ippGetString(a, 0, nullptr);
  ippDelete(response);
  httpClose(http);
  REQUIRE(!t.uuid.empty());
  return t;
}

struct Bench {
  test::PrivateCupsd cupsd;
  test::TempDir save{"rk-print-once"};
  KioskConfig config;
  std::vector<unsigned char> pdf;
  OutboxEntry entry;

  Bench() {
    REQUIRE_MESSAGE(cupsd.ready(), "cupsd did not start:\n" << cupsd.log());
    REQUIRE(cupsd.add_pdf_queue("Now"));
    REQUIRE(cupsd.add_pdf_queue("Held", "-o job-hold-until-default=indefinite"));
    const auto rendered = report::render_summary(test::hand_made_summary("en"), test::shipped_languages());
    REQUIRE(rendered.ok());
    pdf = rendered.pdf;
    config.output = OutputMode::Print;
    config.printer = "Now";
    config.print_timeout_seconds = 60;
    config.save_folder = save.path();
    const std::string id = new_summary_id(Clock::now());
    const PutResult kept = put_in_outbox(outbox_folder(save.path()), id, {{id + ".pdf", pdf}});
    REQUIRE(kept.ok());
    entry = kept.entry;
  }
  // Prints `pdf` to `queue` and hands back the job's record, as the kiosk wrote it.
  JobTicket print(const std::string& queue, int timeout_seconds) {
    return test::on_worker(cupsd.server(), [&] {
      JobTicket t;
      print_pdf(pdf, queue, std::chrono::seconds(timeout_seconds), nullptr,
                [&t](const JobTicket& s) { t = s; });
      return t;
    });
  }
  EntryOutcome deliver() {
    std::vector<OutboxEntry> listed = list_outbox(outbox_folder(save.path()));
    REQUIRE(listed.size() == 1);  // read back from disk, as a restart does
    entry = listed.front();
    RoundState round;
    return test::on_worker(cupsd.server(), [&] { return deliver_entry(entry, config, round); });
  }
};

}  // namespace

TEST_CASE("a recorded job, asked about on the next start, through a real cupsd") {
  Bench b;

  SUBCASE("completed while the kiosk was away: marked printed, not printed again") {
    const JobTicket t = b.print("Now", 60);
    REQUIRE(t.job_id > 0);
    CHECK(t.uuid.rfind("urn:uuid:", 0) == 0);
    REQUIRE(printed(b.cupsd) == 1);
    REQUIRE(record_job(b.entry, t));
    const EntryOutcome out = b.deliver();
    CHECK(out.done);
    CHECK(out.outcome.printed);
    CHECK(out.outcome.job_id == t.job_id);
    CHECK(printed(b.cupsd) == 1);
    CHECK(b.cupsd.jobs("completed").size() == 1);
  }

  SUBCASE(
      "its document never arrived (killed mid-send): the empty job is canceled, the summary printed once") {
    const JobTicket t = test::on_worker(b.cupsd.server(), [] { return create_empty_job("Now"); });
    REQUIRE(record_job(b.entry, t));
    const EntryOutcome out = b.deliver();
    CAPTURE(out.outcome.print_reason);
    CHECK(out.done);
    CHECK(out.outcome.job_id != t.job_id);
    CHECK(printed(b.cupsd) == 1);
    CHECK(b.cupsd.jobs("not-completed").empty());  // the empty job does not linger
  }

  SUBCASE("canceled while the kiosk was away: printed again") {
    const JobTicket t = b.print("Held", 1);  // held past its deadline: print_pdf cancels it
    REQUIRE(t.job_id > 0);
    REQUIRE(record_job(b.entry, t));
    const EntryOutcome out = b.deliver();
    CHECK(out.done);
    CHECK(printed(b.cupsd) == 1);
  }

  SUBCASE("the id names another job now (a new spool): printed again") {
    JobTicket t = b.print("Now", 60);  // someone else's job, already out
    REQUIRE(printed(b.cupsd) == 1);
    t.uuid = "urn:uuid:00000000-0000-3000-8000-000000000000";
    REQUIRE(record_job(b.entry, t));
    const EntryOutcome out = b.deliver();
    CHECK(out.done);
    CHECK(out.outcome.job_id != t.job_id);
    CHECK(printed(b.cupsd) == 2);
  }

  SUBCASE("CUPS does not know the job (its history lost, PreserveJobHistory No): printed again") {
    const std::string server = test::on_worker(
        b.cupsd.server(), [] { return std::string(cupsServer()) + ":" + std::to_string(ippPort()); });
    REQUIRE(
        record_job(b.entry, JobTicket{4242, "urn:uuid:00000000-0000-3000-8000-000000004242", "Now", server}));
    const EntryOutcome out = b.deliver();
    CAPTURE(out.outcome.print_reason);
    CHECK(out.done);
    CHECK(out.outcome.job_id != 4242);
    CHECK(printed(b.cupsd) == 1);
  }

  SUBCASE("the kiosk prints through another server now: printed again, nobody asked") {
    JobTicket t{1, "urn:uuid:00000000-0000-3000-8000-000000000000", "Now", "print-server.example:631"};
    REQUIRE(record_job(b.entry, t));
    const EntryOutcome out = b.deliver();
    CHECK(out.done);
    CHECK(printed(b.cupsd) == 1);
  }

  SUBCASE("CUPS does not answer: nothing new is sent, the record is kept; once it answers, printed once") {
    std::atomic<bool> stop{false};
    JobTicket t;
    auto first = std::async(std::launch::async, [&] {
      setenv("CUPS_SERVER", b.cupsd.server().c_str(), 1);
      return print_pdf(b.pdf, "Held", std::chrono::seconds(60), &stop, [&t](const JobTicket& s) { t = s; });
    });
    for (int i = 0; i < 100 && b.cupsd.jobs("not-completed").empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    stop.store(true);  // SIGTERM while the held job waits: it stays with CUPS
    CHECK(first.get().code == ErrorCode::PrintFailed);
    REQUIRE(t.job_id > 0);
    REQUIRE(record_job(b.entry, t));

    b.config.print_timeout_seconds = 2;
    b.cupsd.signal(SIGSTOP);
    const EntryOutcome silent = b.deliver();
    b.cupsd.signal(SIGCONT);
    CHECK_FALSE(silent.done);
    CHECK(silent.outcome.print_error == ErrorCode::PrinterUnreachable);
    const auto listed = list_outbox(outbox_folder(b.save.path()));
    REQUIRE(listed.size() == 1);
    REQUIRE(listed.front().job);
    CHECK(listed.front().job->job_id == t.job_id);
    CHECK(b.cupsd.jobs("not-completed").size() == 1);

    b.config.print_timeout_seconds = 60;
    auto again = std::async(std::launch::async, [&] { return b.deliver(); });
    std::this_thread::sleep_for(std::chrono::seconds(1));
    CHECK(b.cupsd.release_held_jobs() == 1);
    const EntryOutcome out = again.get();
    CHECK(out.done);
    CHECK(out.outcome.job_id == t.job_id);
    CHECK(printed(b.cupsd) == 1);
  }
}
