// The kiosk config: defaults, every field read, and errors as FILE:LINE:COLUMN with what to do.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "config.hpp"
#include "paths.hpp"

namespace {

rk::ConfigResult load(const std::string& text) {
  return rk::load_config_text(text, "/etc/readiness-kiosk/kiosk.toml");
}

/// The only error of a config, formatted; fails the test when there is not exactly one.
std::string only_error(const std::string& text) {
  const auto r = load(text);
  REQUIRE_MESSAGE(r.errors.size() == 1, "expected one error for:\n" << text);
  return r.errors.front().format();
}

}  // namespace

TEST_CASE("an empty config gives every default of config.hpp") {
  const auto r = load("");
  REQUIRE(r.ok());
  const rk::KioskConfig& c = r.config;
  const rk::KioskConfig d;
  CHECK(c.idle_timeout_seconds == 90);
  CHECK(c.idle_countdown_seconds == 20);
  CHECK(c.thank_you_seconds == 20);
  CHECK(c.output == rk::OutputMode::Save);
  CHECK(c.printer.empty());
  CHECK(c.print_timeout_seconds == 60);
  CHECK(c.save_folder.empty());
  CHECK(c.retention_days == 7);
  CHECK(c.paper == rk::PaperSize::Letter);
  CHECK(c.summary_language.empty());
  CHECK(c.kiosk_name == d.kiosk_name);
  CHECK(c.support_lines.empty());
  CHECK(c.staff_pin_hash.empty());
  CHECK(c.staff_max_attempts == 5);
  CHECK(c.staff_lockout_seconds == 300);
  CHECK(c.audit_log_file.empty());
  CHECK_FALSE(c.large_text);
  CHECK_FALSE(c.high_contrast);
  CHECK(c.languages.empty());
  CHECK(c.source_path == "/etc/readiness-kiosk/kiosk.toml");
  // The shipped questionnaire, found through the data dir.
  REQUIRE(c.questionnaires.size() == 1);
  CHECK(c.questionnaires[0] == rk::data_dir() + "/questionnaires/readiness-and-strengths.toml");
}

TEST_CASE("every field is read") {
  const auto dir = std::filesystem::temp_directory_path() / "rk-config-test";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml",
                             dir / "clinic.toml", std::filesystem::copy_options::overwrite_existing);
  const std::string text = R"(
questionnaires = ["clinic.toml"]
default_questionnaire = "readiness-and-strengths"
languages = ["es", "en"]
idle_timeout_seconds = 120
idle_countdown_seconds = 30
thank_you_seconds = 15
output = "both"
printer = "Front_Desk"
print_timeout_seconds = 90
save_folder = "/srv/summaries"
retention_days = 0
paper = "a4"
summary_language = "en"
kiosk_name = "Waiting room 2"
support_lines = ["Crisis line: 988", { en = "Ask at the desk", es = "Pregunte en recepción" }]
staff_pin_hash = "$argon2id$v=19$m=65536,t=2,p=1$abc$def"
staff_max_attempts = 3
staff_lockout_seconds = 600
audit_log_file = "/var/log/readiness-kiosk/audit.log"
large_text = true
high_contrast = true
)";
  const auto r = rk::load_config_text(text, (dir / "kiosk.toml").string());
  for (const auto& e : r.errors) MESSAGE(e.format());
  REQUIRE(r.ok());
  const auto& c = r.config;
  CHECK(c.questionnaires == std::vector<std::string>{(dir / "clinic.toml").string()});
  CHECK(c.default_questionnaire == "readiness-and-strengths");
  CHECK(c.languages == std::vector<std::string>{"es", "en"});
  CHECK(c.idle_timeout_seconds == 120);
  CHECK(c.idle_countdown_seconds == 30);
  CHECK(c.thank_you_seconds == 15);
  CHECK(c.output == rk::OutputMode::Both);
  CHECK(c.printer == "Front_Desk");
  CHECK(c.print_timeout_seconds == 90);
  CHECK(c.save_folder == "/srv/summaries");
  CHECK(c.retention_days == 0);
  CHECK(c.paper == rk::PaperSize::A4);
  CHECK(c.summary_language == "en");
  CHECK(c.kiosk_name == "Waiting room 2");
  REQUIRE(c.support_lines.size() == 2);
  CHECK(c.support_lines[0].in("es") == "Crisis line: 988");  // a plain line is the same in every language
  CHECK(c.support_lines[0].in("en") == "Crisis line: 988");
  CHECK(c.support_lines[1].in("es") == "Pregunte en recepción");
  CHECK(c.support_lines[1].in("en") == "Ask at the desk");
  CHECK(c.staff_pin_hash == "$argon2id$v=19$m=65536,t=2,p=1$abc$def");
  CHECK(c.staff_max_attempts == 3);
  CHECK(c.staff_lockout_seconds == 600);
  CHECK(c.audit_log_file == "/var/log/readiness-kiosk/audit.log");
  CHECK(c.large_text);
  CHECK(c.high_contrast);
  std::filesystem::remove_all(dir);
}

TEST_CASE("support lines may be an array of tables") {
  const auto r = load("[[support_lines]]\nen = \"Call 988\"\nes = \"Llame al 988\"\n");
  REQUIRE(r.ok());
  REQUIRE(r.config.support_lines.size() == 1);
  CHECK(r.config.support_lines[0].in("es") == "Llame al 988");
}

TEST_CASE("the example config documents every default and loads clean") {
  const std::string path = std::string(RK_SOURCE_DIR) + "/packaging/kiosk.example.toml";
  const auto r = rk::load_config_file(path);
  for (const auto& e : r.errors) MESSAGE(e.format());
  REQUIRE(r.ok());
  std::ostringstream buffer;
  buffer << std::ifstream(path).rdbuf();
  const std::string text = buffer.str();
  // Every field appears, commented out with its default (so the code's defaults apply).
  for (const char* line : {"# idle_timeout_seconds = 90",
                           "# idle_countdown_seconds = 20",
                           "# thank_you_seconds = 20",
                           "# output = \"save\"",
                           "# printer = \"\"",
                           "# print_timeout_seconds = 60",
                           "# save_folder = \"\"",
                           "# retention_days = 7",
                           "# paper = \"letter\"",
                           "# summary_language = \"\"",
                           "# kiosk_name = \"Readiness Kiosk\"",
                           "# support_lines = []",
                           "# staff_pin_hash = \"\"",
                           "# staff_max_attempts = 5",
                           "# staff_lockout_seconds = 300",
                           "# audit_log_file = \"\"",
                           "# large_text = false",
                           "# high_contrast = false",
                           "# languages = []",
                           "# default_questionnaire = \"\"",
                           "# questionnaires = ["}) {
    CHECK_MESSAGE(text.find(line) != std::string::npos, "kiosk.example.toml lacks: " << line);
  }
}

TEST_CASE("unknown keys name the place and the likely key") {
  CHECK(only_error("kiosk_name = \"A\"\nidle_timeout = 60\n") ==
        "/etc/readiness-kiosk/kiosk.toml:2:1: error: unknown key 'idle_timeout'; did you mean "
        "'idle_timeout_seconds'?");
  CHECK(only_error("  retension_days = 3\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:3: error: unknown key 'retension_days'; did you mean "
        "'retention_days'?");
  CHECK(only_error("wallpaper_colour = \"blue\"\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:1: error: unknown key 'wallpaper_colour'; the config has only "
        "top-level "
        "keys, all listed in kiosk.example.toml");
  CHECK(only_error("[printing]\nprinter = \"x\"\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:2: error: unknown table [printing]; the config has no tables: "
        "write its "
        "keys at the top of the file, before any [[support_lines]]");
}

TEST_CASE("wrong types say what is expected") {
  CHECK(only_error("idle_timeout_seconds = \"90\"\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:24: error: idle_timeout_seconds must be a whole number of "
        "seconds, not "
        "text; write it without quotes (for example idle_timeout_seconds = 10)");
  CHECK(only_error("retention_days = 1.5\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:18: error: retention_days must be a whole number of days, not a "
        "decimal "
        "number (for example retention_days = 0)");
  CHECK(only_error("large_text = \"yes\"\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:14: error: large_text must be true or false (without quotes), not "
        "text");
  CHECK(only_error("kiosk_name = 7\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:14: error: kiosk_name must be text in double quotes, not a "
        "whole number");
  CHECK(
      only_error("languages = \"en\"\n") ==
      "/etc/readiness-kiosk/kiosk.toml:1:13: error: languages must be a list, like languages = "
      "[\"en\", \"es\"], not text");
  CHECK(only_error("languages = [\"en\", 3]\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:20: error: languages[1] must be text in double quotes, not a "
        "whole number");
}

TEST_CASE("numbers out of range give the allowed range") {
  CHECK(only_error("idle_timeout_seconds = -5\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:24: error: idle_timeout_seconds is -5 seconds; use a number from "
        "10 to 3600");
  CHECK(
      only_error("\nretention_days = -1\n") ==
      "/etc/readiness-kiosk/kiosk.toml:2:18: error: retention_days is -1 days; use a number from 0 to 3650");
  CHECK(only_error("staff_lockout_seconds = 0\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:25: error: staff_lockout_seconds is 0 seconds; use a number from "
        "10 to 86400");
  CHECK(only_error("thank_you_seconds = 99999999999\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:21: error: thank_you_seconds is 99999999999 seconds; use a number "
        "from 3 to 600");
  CHECK_FALSE(load("idle_countdown_seconds = 0\n").ok());
  CHECK_FALSE(load("print_timeout_seconds = -60\n").ok());
  CHECK_FALSE(load("staff_max_attempts = 0\n").ok());
}

TEST_CASE("unknown output mode and paper size") {
  CHECK(only_error("output = \"fax\"\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:10: error: unknown output mode \"fax\"; use \"save\", \"print\" "
        "or \"both\"");
  CHECK(only_error("paper = \"A5\"\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:9: error: unknown paper size \"A5\"; use \"letter\" or \"a4\" "
        "(lowercase)");
}

TEST_CASE("bad language codes") {
  CHECK(
      only_error("languages = [\"en\", \"ES\"]\n") ==
      "/etc/readiness-kiosk/kiosk.toml:1:20: error: languages[1] \"ES\" is not a language code; write it in "
      "lowercase: \"es\"");
  CHECK(only_error("summary_language = \"english\"\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:20: error: summary_language \"english\" is not a language code; "
        "use a "
        "two-letter ISO 639-1 code such as \"en\" or \"es\" (a region may follow, as in \"pt-BR\")");
  CHECK(
      only_error("languages = [\"en\", \"en\"]\n") ==
      "/etc/readiness-kiosk/kiosk.toml:1:20: error: language \"en\" is listed twice in languages; keep one");
  CHECK(load("languages = [\"pt-BR\", \"es-419\"]\n").ok());
}

TEST_CASE("support lines: strings or tables of languages") {
  CHECK(only_error("support_lines = [\"ok\", 5]\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:24: error: support_lines[1] must be text or a table of "
        "languages like "
        "{ en = \"...\", es = \"...\" }, not a whole number");
  CHECK(only_error("support_lines = [{ en = \"ok\", Spanish = \"sí\" }]\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:31: error: support_lines[0] has key \"Spanish\", which is not a "
        "language "
        "code; use a two-letter ISO 639-1 code such as \"en\" or \"es\" (a region may follow, as in "
        "\"pt-BR\")");
  CHECK(only_error("support_lines = [{ en = 1 }]\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:25: error: support_lines[0].en must be text in double quotes, "
        "not a whole number");
  CHECK(only_error("support_lines = \"Call 988\"\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:17: error: support_lines must be a list of lines, like "
        "support_lines = "
        "[\"Crisis line: 988\"] or [{ en = \"Crisis line: 988\", es = \"Línea de crisis: 988\" }], not "
        "text");
  // A plain line follows the languages list even when that list comes later in the file.
  const auto r = load("support_lines = [\"Call 988\"]\nlanguages = [\"es\"]\n");
  REQUIRE(r.ok());
  CHECK(r.config.support_lines.at(0).by_language.count("es") == 1);
}

TEST_CASE("paths, printer names and the PIN hash are checked") {
  CHECK(
      only_error("save_folder = \"summaries\"\n") ==
      "/etc/readiness-kiosk/kiosk.toml:1:15: error: save_folder \"summaries\" must be an absolute path, like "
      "\"/var/lib/readiness-kiosk/summaries\"");
  CHECK(only_error("printer = \"Front Desk\"\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:11: error: printer \"Front Desk\" is not a CUPS queue name (no "
        "spaces, '/', "
        "'\\' or '#', at most 127 characters); `lpstat -p` lists the queues on this machine");
  CHECK(
      only_error("staff_pin_hash = \"1234\"\n") ==
      "/etc/readiness-kiosk/kiosk.toml:1:18: error: staff_pin_hash is not a hash written by readiness-kiosk "
      "--set-pin; run `readiness-kiosk --set-pin` to set the PIN (never write the PIN itself here)");
  CHECK(only_error("questionnaires = [\"/nonexistent/q.toml\"]\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:19: error: questionnaire file \"/nonexistent/q.toml\" does not "
        "exist; check "
        "the path (a relative path is read from the config file's folder)");
  CHECK(only_error("kiosk_name = \"\"\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:14: error: kiosk_name must have 1 to 80 characters (it is printed "
        "in the "
        "summary header)");
}

TEST_CASE("invalid TOML is one error at its place") {
  const std::string e = only_error("kiosk_name = \"A\"\nidle_timeout_seconds = = 3\n");
  CHECK(e.rfind("/etc/readiness-kiosk/kiosk.toml:2:", 0) == 0);
  CHECK(e.find("this is not valid TOML") != std::string::npos);
  const std::string dup = only_error("paper = \"a4\"\npaper = \"letter\"\n");
  CHECK(dup.rfind("/etc/readiness-kiosk/kiosk.toml:2:", 0) == 0);
}

TEST_CASE("several errors come in file order") {
  const auto r = load("paper = \"A5\"\nidle_timeout = 1\noutput = \"fax\"\n");
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].where.line == 1);
  CHECK(r.errors[1].where.line == 2);
  CHECK(r.errors[2].where.line == 3);
}

TEST_CASE("a missing config file is an error that says what to do") {
  const auto r = rk::load_config_file("/nonexistent/kiosk.toml");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].format() ==
        "/nonexistent/kiosk.toml:1:1: error: cannot read the config file (No such file or directory); check "
        "the path "
        "and its permissions, or copy /usr/share/doc/readiness-kiosk/kiosk.example.toml there");
}

TEST_CASE("with_staff_pin_hash replaces or inserts one top-level line and keeps the rest") {
  const std::string hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  SUBCASE("replaces an existing line in place") {
    const std::string before =
        "# clinic\nkiosk_name = \"A\"\nstaff_pin_hash = \"$argon2id$old\"\npaper = \"a4\"\n";
    CHECK(rk::with_staff_pin_hash(before, hash) ==
          "# clinic\nkiosk_name = \"A\"\nstaff_pin_hash = \"" + hash + "\"\npaper = \"a4\"\n");
  }
  SUBCASE("inserts after the opening comments, above any table") {
    const std::string before = "# clinic\n\n[[support_lines]]\nen = \"Call 988\"\n";
    const std::string after = rk::with_staff_pin_hash(before, hash);
    const auto r = load(after);
    REQUIRE(r.ok());
    CHECK(r.config.staff_pin_hash == hash);
    CHECK(r.config.support_lines.size() == 1);
    CHECK(after.find("en = \"Call 988\"\n") != std::string::npos);
  }
  SUBCASE("a commented-out example line stays a comment") {
    const std::string after = rk::with_staff_pin_hash("# staff_pin_hash = \"\"\n", hash);
    CHECK(after.find("# staff_pin_hash = \"\"\n") != std::string::npos);
    CHECK(load(after).config.staff_pin_hash == hash);
  }
  SUBCASE("an empty file gets just the line") {
    CHECK(load(rk::with_staff_pin_hash("", hash)).config.staff_pin_hash == hash);
  }
}

TEST_CASE("read aloud settings: defaults, values, mistakes, and the example documents them") {
  const rk::KioskConfig d;
  CHECK(d.read_aloud == rk::ReadAloud::Button);
  CHECK(d.read_aloud_volume == 100);
  CHECK(d.read_aloud_rate == 150);
  CHECK(d.read_aloud_device.empty());
  const auto r = rk::load_config_text(
      "read_aloud = \"always\"\nread_aloud_volume = 60\nread_aloud_rate = 120\nread_aloud_device = \"USB "
      "Headset\"\n",
      "/etc/readiness-kiosk/kiosk.toml");
  REQUIRE(r.ok());
  CHECK(r.config.read_aloud == rk::ReadAloud::Always);
  CHECK(r.config.read_aloud_volume == 60);
  CHECK(r.config.read_aloud_rate == 120);
  CHECK(r.config.read_aloud_device == "USB Headset");
  CHECK(rk::load_config_text("read_aloud = \"off\"\n", "k.toml").config.read_aloud == rk::ReadAloud::Off);
  CHECK(only_error("read_aloud = \"yes\"\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:14: error: unknown read_aloud setting \"yes\"; use \"off\", "
        "\"button\" or \"always\"");
  CHECK(only_error("read_aloud_rate = 500\n") ==
        "/etc/readiness-kiosk/kiosk.toml:1:19: error: read_aloud_rate is 500 words per minute; use a number "
        "from 80 to 300");
  std::ostringstream buffer;
  buffer << std::ifstream(std::string(RK_SOURCE_DIR) + "/packaging/kiosk.example.toml").rdbuf();
  for (const char* line : {"# read_aloud = \"button\"", "# read_aloud_volume = 100",
                           "# read_aloud_rate = 150", "# read_aloud_device = \"\""}) {
    CHECK_MESSAGE(buffer.str().find(line) != std::string::npos, "kiosk.example.toml lacks: " << line);
  }
}

// Issue 10: settings that were accepted and hurt.
TEST_CASE("save_folder: a system folder or a file is refused at its place") {
  for (const char* bad : {"/", "/dev/null", "/proc", "/dev", "/sys/kernel", "/proc/../proc/self"}) {
    const std::string e = only_error(std::string("save_folder = \"") + bad + "\"\n");
    INFO(e);
    CHECK(e.rfind("/etc/readiness-kiosk/kiosk.toml:1:15: error: save_folder \"", 0) == 0);
    CHECK((e.find("is a system folder") != std::string::npos || e.find("is a file") != std::string::npos));
  }
  const auto dir = std::filesystem::temp_directory_path() / "rk-config-save";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "plain-file") << "x";
  CHECK(only_error("save_folder = \"" + (dir / "plain-file").string() + "\"\n")
            .find("is a file, not a folder") != std::string::npos);
  CHECK(load("save_folder = \"" + (dir / "new-folder").string() + "\"\n").ok());  // made when needed
  CHECK(load("save_folder = \"/developers/summaries\"\n").ok());  // only /dev itself is refused
  std::filesystem::remove_all(dir);
}

TEST_CASE("default_questionnaire picks the questionnaire a session starts with, or says it names none") {
  const auto dir = std::filesystem::temp_directory_path() / "rk-config-default";
  std::filesystem::create_directories(dir);
  const std::string shipped = std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml";
  std::ifstream in(shipped);
  std::stringstream text;
  text << in.rdbuf();
  std::string other = text.str();
  const auto at = other.find("id = \"readiness-and-strengths\"");
  REQUIRE(at != std::string::npos);
  other.replace(at, std::string("id = \"readiness-and-strengths\"").size(), "id = \"clinic-intake\"");
  std::ofstream(dir / "a.toml") << text.str();
  std::ofstream(dir / "b.toml") << other;
  const std::string path = (dir / "kiosk.toml").string();
  const auto r = rk::load_config_text(
      "questionnaires = [\"a.toml\", \"b.toml\"]\ndefault_questionnaire = \"clinic-intake\"\n", path);
  for (const auto& e : r.errors) MESSAGE(e.format());
  REQUIRE(r.ok());
  CHECK(r.config.questionnaires.front() == (dir / "b.toml").string());  // it goes first
  const auto wrong = rk::load_config_text(
      "questionnaires = [\"a.toml\", \"b.toml\"]\ndefault_questionnaire = \"clinic-intak\"\n", path);
  REQUIRE(wrong.errors.size() == 1);
  CHECK(wrong.errors[0].format() ==
        path +
            ":2:25: error: default_questionnaire \"clinic-intak\" is not the id of any "
            "questionnaire in questionnaires; did you mean \"clinic-intake\"?");
  const auto none = rk::load_config_text("default_questionnaire = \"xyzzy\"\n", path);
  REQUIRE(none.errors.size() == 1);
  CHECK(none.errors[0].where.line == 1);
  CHECK(none.errors[0].message.find("\"readiness-and-strengths\"") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("--config: a folder, a huge file and a missing file are errors at line 1") {
  const auto dir = std::filesystem::temp_directory_path() / "rk-config-dir";
  std::filesystem::create_directories(dir);
  const auto folder = rk::load_config_file(dir.string());
  REQUIRE(folder.errors.size() == 1);
  CHECK(folder.errors[0].format().rfind(dir.string() + ":1:1: error: this is a folder, not a config file",
                                        0) == 0);
  std::ofstream(dir / "kiosk.toml") << "";
  CHECK(rk::load_config_file(dir.string())
            .errors[0]
            .message.find("--config " + (dir / "kiosk.toml").string()) != std::string::npos);
  {
    std::ofstream big(dir / "big.toml");
    big << "support_lines = [";
    for (int i = 0; i < 100000; ++i) big << "\"x\",";
    big << "]\n";
  }
  const auto huge = rk::load_config_file((dir / "big.toml").string());
  REQUIRE(huge.errors.size() == 1);
  CHECK(huge.errors[0].format().find("big.toml:1:1: error: the config file has") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("sizes and lengths have caps") {
  std::string lines = "support_lines = [";
  for (int i = 0; i < 21; ++i) lines += "\"Line\",";
  lines += "]\n";
  CHECK(only_error(lines).find("support_lines has 21 lines; the thank-you screen shows at most 20") !=
        std::string::npos);
  CHECK(only_error("support_lines = [\"" + std::string(301, 'a') + "\"]\n").find("longer than 300") !=
        std::string::npos);
  CHECK(only_error("printer = \"" + std::string(5000, 'p') + "\"\n").find("at most 4096") !=
        std::string::npos);
  std::string langs = "languages = [";
  for (int i = 0; i < 51; ++i) langs += "\"en\",";
  langs += "]\n";
  CHECK(only_error(langs).find("at most 50") != std::string::npos);
}

TEST_CASE("the binary refuses such settings with FILE:LINE:COLUMN and exit 1") {
  const auto dir = std::filesystem::temp_directory_path() / "rk-config-cli";
  std::filesystem::create_directories(dir);
  const std::string config = (dir / "kiosk.toml").string();
  const std::string err = (dir / "stderr.txt").string();
  const auto run = [&](const std::string& config_arg) {
    const std::string command = std::string(RK_KIOSK_BIN) + " --sample-summary " +
                                (dir / "out.pdf").string() + " --config " + config_arg + " 2>" + err;
    const int status = std::system(command.c_str());
    std::ifstream in(err);
    std::stringstream text;
    text << in.rdbuf();
    return std::pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str());
  };
  for (const char* bad : {"/", "/dev/null", "/proc", "/dev"}) {
    std::ofstream(config) << "# clinic\nsave_folder = \"" << bad << "\"\n";
    const auto [status, text] = run(config);
    CHECK(status == 1);
    CHECK(text.find(config + ":2:15: error: save_folder") != std::string::npos);
  }
  const auto [status, text] = run(dir.string());
  CHECK(status == 1);
  CHECK(text.find(dir.string() + ":1:1: error: this is a folder") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("FHIR export: a base URL, and a save folder to put the responses in") {
  const auto ok = load("fhir_export = true\noutput = \"both\"\nfhir_base_url = \"https://fhir.example.org/r4\"\n");
  CHECK(ok.ok());
  CHECK(ok.config.fhir_export);
  CHECK(ok.config.fhir_base_url == "https://fhir.example.org/r4");
  CHECK(only_error("fhir_base_url = \"fhir.example.org\"\n").find(
            "kiosk.toml:1:17: error: fhir_base_url \"fhir.example.org\" is not a base URL") != std::string::npos);
  CHECK(only_error("output = \"print\"\nfhir_export = true\n") ==
        "/etc/readiness-kiosk/kiosk.toml:2:15: error: fhir_export = true saves each response beside the saved "
        "PDF, but output = \"print\" saves none; set output = \"both\" (print and save) or \"save\"");
}
