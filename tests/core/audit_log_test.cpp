// The audit log: one line per event to stderr and to the optional file, with a UTC timestamp in
// the file, mode 0600, thread-safe, and never any answer text after a real session.
#include "audit_log.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "questionnaire.hpp"
#include "session.hpp"
#include "temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

/// A temporary folder that also turns the audit file off before it goes.
struct AuditDir : rk::test::TempDir {
  AuditDir() : TempDir("rk-audit") {}
  ~AuditDir() { rk::set_audit_file(""); }
  AuditDir(const AuditDir&) = delete;
  AuditDir& operator=(const AuditDir&) = delete;
};

/// Sends fd 2 to a file while alive, so the test can read what went to stderr.
class CaptureStderr {
 public:
  explicit CaptureStderr(const fs::path& file) : file_(file) {
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
  }
  ~CaptureStderr() { restore(); }
  std::string text() {
    restore();
    std::ostringstream buffer;
    buffer << std::ifstream(file_).rdbuf();
    return buffer.str();
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    saved_ = -1;
  }
  fs::path file_;
  int saved_ = -1;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string read(const fs::path& p) {
  std::ostringstream buffer;
  buffer << std::ifstream(p).rdbuf();
  return buffer.str();
}

rk::Text en(std::string s) {
  return rk::Text::plain("en", std::move(s));
}

/// A small questionnaire with every kind of answer a patient can give.
rk::Questionnaire questionnaire() {
  rk::Questionnaire q;
  q.id = "audit-test";
  q.title = en("Audit test");
  q.version = "1";
  q.languages = {"en"};
  q.default_language = "en";
  rk::Page p1;
  p1.id = "p1";
  rk::Item name;
  name.id = "name";
  name.kind = rk::ItemKind::ShortText;
  name.text = en("Your first name, if you like");
  name.summary = rk::SummarySection::Name;
  name.max_length = 40;
  rk::Item talk;
  talk.id = "talk";
  talk.kind = rk::ItemKind::LongText;
  talk.text = en("What would you like to talk about today?");
  talk.summary = rk::SummarySection::TalkAbout;
  talk.max_length = 500;
  p1.items = {name, talk};
  rk::Page p2;
  p2.id = "p2";
  rk::Item importance;
  importance.id = "importance";
  importance.kind = rk::ItemKind::Ruler;
  importance.text = en("How important is this change?");
  rk::Item focus;
  focus.id = "focus";
  focus.kind = rk::ItemKind::SingleChoice;
  focus.text = en("What would you like to focus on?");
  rk::Option sleep;
  sleep.id = "sleep";
  sleep.label = en("Sleeping better");
  focus.options = {sleep};
  p2.items = {importance, focus};
  q.pages = {p1, p2};
  return q;
}

}  // namespace

TEST_CASE("an event goes to stderr, and with a UTC timestamp to the audit file (mode 0600)") {
  AuditDir dir;
  const fs::path file = fs::path(dir.path()) / "audit.log";
  REQUIRE(rk::set_audit_file(file.string()));
  CaptureStderr err(fs::path(dir.path()) / "stderr.txt");
  rk::audit("session_end", {{"outcome", "saved"}, {"seconds", "183"}});
  rk::audit("kiosk_start");
  const std::string stderr_text = err.text();
  CHECK(stderr_text ==
        "readiness-kiosk: session_end outcome=saved seconds=183\nreadiness-kiosk: kiosk_start\n");

  const auto lines = lines_of(read(file));
  REQUIRE(lines.size() == 2);
  const std::regex stamped(
      R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z readiness-kiosk: session_end outcome=saved seconds=183$)");
  CHECK(std::regex_match(lines[0], stamped));
  CHECK(lines[1].substr(24) == " readiness-kiosk: kiosk_start");
  CHECK((fs::status(file).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("the audit file is appended to, never truncated") {
  AuditDir dir;
  const fs::path file = fs::path(dir.path()) / "audit.log";
  std::ofstream(file) << "earlier line\n";
  REQUIRE(rk::set_audit_file(file.string()));
  CaptureStderr err(fs::path(dir.path()) / "stderr.txt");
  rk::audit("print_result", {{"code", "ok"}});
  REQUIRE(rk::set_audit_file(file.string()));  // reopening (a restart) appends too
  rk::audit("print_result", {{"code", "printer_offline"}});
  const auto lines = lines_of(read(file));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "earlier line");
  CHECK(lines[2].find("print_result code=printer_offline") != std::string::npos);
}

TEST_CASE("a value can never break a line apart") {
  AuditDir dir;
  CaptureStderr err(fs::path(dir.path()) / "stderr.txt");
  rk::audit("error", {{"code", "x\ny"}, {"where", "two words"}, {"empty", ""}});
  CHECK(err.text() == "readiness-kiosk: error code=x\\x0ay where=\"two words\" empty=\"\"\n");
}

TEST_CASE("a file that cannot be opened is reported, stderr goes on") {
  AuditDir dir;
  CHECK_FALSE(rk::set_audit_file((fs::path(dir.path()) / "no-such-folder" / "audit.log").string()));
  CaptureStderr err(fs::path(dir.path()) / "stderr.txt");
  rk::audit("kiosk_start");
  CHECK(err.text() == "readiness-kiosk: kiosk_start\n");
}

TEST_CASE("events from many threads stay whole lines") {
  AuditDir dir;
  const fs::path file = fs::path(dir.path()) / "audit.log";
  REQUIRE(rk::set_audit_file(file.string()));
  CaptureStderr err(fs::path(dir.path()) / "stderr.txt");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t] {
      const std::string id = std::to_string(t);
      for (int i = 0; i < 200; ++i) rk::audit("thread_event", {{"thread", id}, {"count", std::to_string(i)}});
    });
  }
  for (auto& t : threads) t.join();
  const std::regex whole(R"(^\S+ readiness-kiosk: thread_event thread=[0-3] count=\d+$)");
  const auto lines = lines_of(read(file));
  CHECK(lines.size() == 800);
  int bad = 0;
  for (const auto& line : lines) bad += !std::regex_match(line, whole);
  CHECK(bad == 0);
  CHECK(lines_of(err.text()).size() == 800);
}

TEST_CASE("after a scripted session the audit log holds no answer text") {
  AuditDir dir;
  const fs::path file = fs::path(dir.path()) / "audit.log";
  REQUIRE(rk::set_audit_file(file.string()));
  CaptureStderr err(fs::path(dir.path()) / "stderr.txt");

  // Distinctive answers: any of them in the log would be a privacy leak.
  const std::string name = "Zephyrine";
  const std::string talk = "my brother Quillon and the night shifts at Marblewick";
  const rk::Questionnaire q = questionnaire();
  rk::Session session(q);
  const auto t0 = rk::Session::Clock::now();

  // The events the app logs around a session: codes, counts and durations only.
  rk::audit("kiosk-started", {{"questionnaire", q.id}, {"version", q.version}});
  session.start("en", t0);
  rk::audit("session-begun", {{"language", session.language()}});
  REQUIRE(session.set_answer("name", rk::Answer::free_text(name)));
  REQUIRE(session.set_answer("talk", rk::Answer::free_text(talk)));
  REQUIRE(session.next());
  REQUIRE(session.set_answer("importance", rk::Answer::number(7)));
  REQUIRE(session.set_answer("focus", rk::Answer::pick("sleep")));
  REQUIRE(session.next());
  REQUIRE(session.stage() == rk::Session::Stage::Review);
  [[maybe_unused]] const rk::Summary summary = session.finish(t0 + std::chrono::seconds(183));
  rk::audit("summary-saved", {{"mode", "requested"}});
  rk::audit(
      "session-outcome",
      {{"delivered", "yes"}, {"seconds", "183"}, {"flags", std::to_string(session.raised_flags().size())}});
  rk::audit("staff-access", {{"result", "wrong-pin"}, {"attempt", "1"}});
  session.wipe();
  rk::audit("session-ended", {{"from", "thank-you"}});

  const std::string file_text = read(file);
  const std::string stderr_text = err.text();
  CHECK(lines_of(file_text).size() == 6);
  // The session really held the answers (so the grep below means something)...
  CHECK_FALSE(session.has_answers());
  // ...and none of them, nor a piece of one, reached either log.
  for (const std::string& needle : {name, talk, std::string("Quillon"), std::string("Marblewick"),
                                    std::string("Sleeping better"), std::string("night shifts")}) {
    CHECK_MESSAGE(file_text.find(needle) == std::string::npos, "audit file holds: " << needle);
    CHECK_MESSAGE(stderr_text.find(needle) == std::string::npos, "stderr holds: " << needle);
  }
  // grep, as an administrator would check it.
  const std::string grep = "grep -q -e Zephyrine -e Quillon -e Marblewick '" + file.string() + "'";
  CHECK(std::system(grep.c_str()) != 0);
}
