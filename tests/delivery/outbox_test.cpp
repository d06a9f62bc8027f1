// The outbox (issue 10): the pure decisions, and the entries on a real disk: written whole and
// private, delivered from the copy, kept until every requested output succeeded, expired.
#include "outbox.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>

#include "cups_spool.hpp"
#include "deliver.hpp"
#include "pdf_tools.hpp"

using namespace rk;
using namespace rk::delivery;
using Clock = std::chrono::system_clock;

namespace {

const std::vector<unsigned char> kPdf = {'%',  'P', 'D', 'F', '-', '1', '.', '4',
                                         '\n', '%', '%', 'E', 'O', 'F', '\n'};
const std::vector<unsigned char> kJson = {'{', '}', '\n'};

int mode_of(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 ? static_cast<int>(st.st_mode & 0777) : -1;
}

// libcups keeps its state per thread: deliver on a fresh worker, as the app does.
EntryOutcome deliver_on_worker(OutboxEntry& entry, const KioskConfig& config, RoundState& round) {
  return std::async(std::launch::async, [&] { return deliver_entry(entry, config, round); }).get();
}

}  // namespace

TEST_CASE("decisions: an entry is done only when every requested output has succeeded") {
  const Requested print{true, false}, save{false, true}, both{true, true};
  CHECK(entry_done(save, false, true));
  CHECK_FALSE(entry_done(save, true, false));
  CHECK(entry_done(print, true, false));
  CHECK_FALSE(entry_done(print, false, true));  // saved as a fallback, the print is still owed
  CHECK_FALSE(entry_done(both, true, false));
  CHECK_FALSE(entry_done(both, false, true));
  CHECK(entry_done(both, true, true));
  // Staff's "Save to folder instead" drops the print.
  const Requested instead = requested_for(true, false, true);
  CHECK_FALSE(instead.print);
  CHECK(instead.save);
  CHECK(entry_done(instead, false, true));
  CHECK(requested_for(true, true, false).print);
}

TEST_CASE("decisions: what a round tries, and a failure tried once per round") {
  const Requested print{true, false}, save{false, true};
  RoundState fresh;
  CHECK(should_print(print, false, fresh));
  CHECK_FALSE(should_print(print, true, fresh));  // printed before a restart: never twice
  CHECK_FALSE(should_print(save, false, fresh));
  // A print that has not happened is saved as the fallback; a save already made is not redone.
  CHECK(should_save(print, false, false, fresh));
  CHECK_FALSE(should_save(print, true, false, fresh));
  CHECK_FALSE(should_save(print, false, true, fresh));
  CHECK(should_save(save, false, false, fresh));
  RoundState failed{true, true};
  CHECK_FALSE(should_print(print, false, failed));
  CHECK_FALSE(should_save(save, false, false, failed));
}

TEST_CASE("decisions: when the kiosk cannot keep summaries, and why") {
  FolderProbe ok{"/srv/s", "", true, false, 50ull * 1024 * 1024};
  CHECK(keep_summaries_problem(ok).empty());
  FolderProbe full = ok;
  full.free_bytes = 60 * 1024;
  CHECK(keep_summaries_problem(full).find("is full: 60 KiB free") != std::string::npos);
  FolderProbe ro = ok;
  ro.read_only = true;
  CHECK(keep_summaries_problem(ro).find("read-only") != std::string::npos);
  FolderProbe denied = ok;
  denied.writable = false;
  CHECK(keep_summaries_problem(denied).find("may not write") != std::string::npos);
  FolderProbe missing = ok;
  missing.problem = "Cannot use the save folder /srv/s: Not a directory.";
  CHECK(keep_summaries_problem(missing) == missing.problem);
}

TEST_CASE("decisions: CUPS keeps job files unless cupsd.conf says PreserveJobFiles No") {
  CHECK(preserves_job_files(""));  // CUPS's default is a day
  CHECK(preserves_job_files("LogLevel warn\n#PreserveJobFiles No\n"));
  CHECK(preserves_job_files("PreserveJobFiles Yes\n"));
  CHECK(preserves_job_files("PreserveJobFiles 86400\n"));
  CHECK_FALSE(preserves_job_files("LogLevel warn\nPreserveJobFiles No\n"));
  CHECK_FALSE(preserves_job_files("  preservejobfiles off\n"));
  CHECK(preserves_job_files("PreserveJobFiles No\nPreserveJobFiles Yes\n"));  // the last one wins
}

TEST_CASE("an entry is written whole and private, with every file of the summary") {
  test::TempDir dir("rk-outbox");
  const std::string outbox = outbox_folder(dir / "summaries");
  const std::string id = new_summary_id(Clock::now());
  const PutResult put = put_in_outbox(outbox, id, {{id + ".pdf", kPdf}, {id + ".fhir.json", kJson}});
  REQUIRE(put.ok());
  CHECK(mode_of(outbox) == 0700);
  CHECK(mode_of(put.entry.folder) == 0700);
  CHECK(mode_of(put.entry.folder + "/" + id + ".pdf") == 0600);
  CHECK(mode_of(put.entry.folder + "/" + id + ".fhir.json") == 0600);
  CHECK(put.entry.pdf_path() == put.entry.folder + "/" + id + ".pdf");
  const auto listed = list_outbox(outbox);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].id == id);
  CHECK(listed[0].files == std::vector<std::string>{id + ".fhir.json", id + ".pdf"});
  CHECK(test::read_file(listed[0].pdf_path()) == kPdf);
  // A name that could leave the entry is refused, and nothing half-made stays.
  CHECK_FALSE(put_in_outbox(outbox, new_summary_id(Clock::now()), {{"../escape.pdf", kPdf}}).ok());
  CHECK(list_outbox(outbox).size() == 1);
  CHECK(remove_unfinished_entries(outbox) == 0);
}

TEST_CASE("a half-built entry left by a crash is never listed, and start-up removes it") {
  test::TempDir dir("rk-outbox");
  const std::string outbox = outbox_folder(dir / "summaries");
  std::filesystem::create_directories(outbox + "/.tmp-summary-20261129-101500-deadbeef");
  test::write_file(outbox + "/.tmp-summary-20261129-101500-deadbeef/summary-20261129-101500-deadbeef.pdf",
                   {'%', 'P'});
  CHECK(list_outbox(outbox).empty());
  CHECK(remove_unfinished_entries(outbox) == 1);
  CHECK_FALSE(std::filesystem::exists(outbox + "/.tmp-summary-20261129-101500-deadbeef"));
}

TEST_CASE("output = save: delivered from the outbox copy, every file saved 0600, and the entry leaves") {
  test::TempDir dir("rk-outbox");
  KioskConfig config;
  config.output = OutputMode::Save;
  config.save_folder = dir / "summaries";
  const std::string id = new_summary_id(Clock::now());
  PutResult put = keep_summary(config, id, {{id + ".pdf", kPdf}, {id + ".fhir.json", kJson}});
  REQUIRE(put.ok());
  RoundState round;
  const EntryOutcome out = deliver_on_worker(put.entry, config, round);
  CHECK(out.done);
  CHECK(out.outcome.saved);
  CHECK(out.outcome.saved_path == config.save_folder + "/" + id + ".pdf");
  CHECK(test::read_file(config.save_folder + "/" + id + ".pdf") == kPdf);
  CHECK(test::read_file(config.save_folder + "/" + id + ".fhir.json") == kJson);
  CHECK(mode_of(config.save_folder + "/" + id + ".fhir.json") == 0600);
  CHECK(list_outbox(effective_outbox(config)).empty());
}

TEST_CASE("output = print with CUPS unreachable: saved as the fallback, and the print still owed") {
  test::TempDir dir("rk-outbox");
  setenv("CUPS_SERVER", "127.0.0.1:1", 1);  // nothing listens on port 1
  KioskConfig config;
  config.output = OutputMode::Print;
  config.printer = "KioskPDF";
  config.print_timeout_seconds = 5;
  config.save_folder = dir / "summaries";
  const std::string id = new_summary_id(Clock::now());
  PutResult put = keep_summary(config, id, {{id + ".pdf", kPdf}});
  REQUIRE(put.ok());
  RoundState round;
  const EntryOutcome first = deliver_on_worker(put.entry, config, round);
  CHECK_FALSE(first.done);
  CHECK(first.outcome.saved);
  CHECK(first.outcome.saved_as_fallback);
  CHECK(round.print_failed);
  auto pending = list_outbox(effective_outbox(config));
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].saved);
  CHECK_FALSE(pending[0].printed);
  CHECK(pending[0].last_error.find("Printing failed") != std::string::npos);
  // Staff: "Save to folder instead". The copy is there already: the entry leaves, no second copy.
  REQUIRE(mark(pending[0], ".save-instead"));
  RoundState again;
  const EntryOutcome second = deliver_on_worker(pending[0], config, again);
  CHECK(second.done);
  CHECK_FALSE(again.print_failed);  // no print was tried
  CHECK(list_outbox(effective_outbox(config)).empty());
  int pdfs = 0;
  for (const auto& f : std::filesystem::directory_iterator(config.save_folder))
    pdfs += f.path().extension() == ".pdf";
  CHECK(pdfs == 1);
  unsetenv("CUPS_SERVER");
}

TEST_CASE("retention covers the outbox: an entry older than retention_days goes") {
  test::TempDir dir("rk-outbox");
  const std::string outbox = outbox_folder(dir / "summaries");
  const std::string old_id = "summary-20260101-101500-0000aaaa";
  const std::string new_id = new_summary_id(Clock::now());
  REQUIRE(put_in_outbox(outbox, old_id, {{old_id + ".pdf", kPdf}}).ok());
  REQUIRE(put_in_outbox(outbox, new_id, {{new_id + ".pdf", kPdf}}).ok());
  const auto ten_days_ago = std::filesystem::file_time_type::clock::now() - std::chrono::hours(240);
  std::filesystem::last_write_time(outbox + "/" + old_id + "/" + old_id + ".pdf", ten_days_ago);
  const auto removed = remove_expired_entries(outbox, 7, Clock::now());
  CHECK(removed == std::vector<std::string>{old_id});
  const auto left = list_outbox(outbox);
  REQUIRE(left.size() == 1);
  CHECK(left[0].id == new_id);
  CHECK(remove_expired_entries(outbox, 0, Clock::now()).empty());  // 0 keeps everything
}

TEST_CASE("probe: a save folder that is a file, or where the kiosk may not write, is out of service") {
  test::TempDir dir("rk-outbox");
  test::write_file(dir / "a-file", kPdf);
  CHECK_FALSE(keep_summaries_problem(probe_folders(dir / "a-file")).empty());
  CHECK(keep_summaries_problem(probe_folders(dir / "fine")).empty());
  CHECK(mode_of(outbox_folder(dir / "fine")) == 0700);
  if (geteuid() != 0) {  // permission bits bind only non-root users
    REQUIRE(mkdir((dir / "locked").c_str(), 0500) == 0);
    CHECK(keep_summaries_problem(probe_folders(dir / "locked")).find("Cannot use the outbox") !=
          std::string::npos);
  }
}
