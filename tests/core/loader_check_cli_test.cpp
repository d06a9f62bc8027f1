// `readiness-kiosk --check` run as a real process on good and broken copies of the shipped
// questionnaire: exit status 0 or 1, never killed by a signal, FILE:LINE:COLUMN: error: lines.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kind_lists.hpp"

namespace {

namespace fs = std::filesystem;

struct Run {
  bool exited = false;  ///< false: killed by a signal
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// Runs the kiosk binary with `args`, stdout and stderr to files (no pipes to deadlock on).
Run run_kiosk(const std::vector<std::string>& args, const fs::path& scratch) {
  const fs::path out = scratch / "stdout.txt";
  const fs::path err = scratch / "stderr.txt";
  // Unflushed output would be copied into the child and written twice.
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::FILE* o = std::freopen(out.c_str(), "w", stdout);
    std::FILE* e = std::freopen(err.c_str(), "w", stderr);
    if (o == nullptr || e == nullptr) _exit(127);
    std::vector<char*> argv;
    std::string bin = RK_KIOSK_BIN;
    argv.push_back(bin.data());
    std::vector<std::string> copies = args;
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  int wstatus = 0;
  REQUIRE(waitpid(pid, &wstatus, 0) == pid);
  Run run;
  run.exited = WIFEXITED(wstatus);
  run.status = run.exited ? WEXITSTATUS(wstatus) : -WTERMSIG(wstatus);
  run.out = slurp(out);
  run.err = slurp(err);
  return run;
}

struct Scratch {
  fs::path dir;
  Scratch() {
    dir = fs::temp_directory_path() / ("rk-check-test-" + std::to_string(getpid()));
    fs::create_directories(dir);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
  }
};

const std::string kShipped = std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

TEST_CASE("--check on the shipped questionnaires exits 0 with a one-line summary each") {
  Scratch scratch;
  std::vector<std::string> args = {"--check"};
  for (const auto& entry : fs::directory_iterator(std::string(RK_SOURCE_DIR) + "/questionnaires")) {
    if (entry.path().extension() == ".toml") args.push_back(entry.path().string());
  }
  REQUIRE(args.size() >= 2);
  const Run run = run_kiosk(args, scratch.dir);
  CHECK(run.exited);
  CHECK(run.status == 0);
  CHECK(run.err.empty());
  CHECK(run.out.find(kShipped +
                     ": ok: 'readiness-and-strengths' v1.0, 11 pages, 20 items, languages en es zh vi ar\n") !=
        std::string::npos);
  CHECK(std::count(run.out.begin(), run.out.end(), '\n') == static_cast<std::ptrdiff_t>(args.size() - 1));
}

TEST_CASE("--check warns, at the ruler's line, when a 0 to 20 ruler cannot be finger-wide on a supported screen") {
  Scratch scratch;
  const std::string wide =
      replaced(slurp(kShipped), "min = 0\nmax = 10\nmin_label.en = \"Not important\"",
               "min = 0\nmax = 20\nmin_label.en = \"Not important\"");
  const fs::path file = scratch.write("wide.toml", wide);
  const Run run = run_kiosk({"--check", file.string()}, scratch.dir);
  CHECK(run.exited);
  CHECK(run.status == 0);  // allowed by the format: a warning, not an error
  CHECK(run.err.find(file.string() + ":") == 0);
  CHECK(run.err.find(": warning: the ruler 'importance' has 21 numbers") != std::string::npos);
  CHECK(run.err.find("1024x768 with larger text") != std::string::npos);
  CHECK(run.err.find("1080x1920") == std::string::npos);  // fits the kiosk's usual screens
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

TEST_CASE("--check on broken copies reports every problem and exits 1") {
  Scratch scratch;
  const std::string shipped = slurp(kShipped);
  std::string broken = replaced(shipped, "id = \"focus\"", "id = \"focus\"\ncolour = \"blue\"");
  broken = replaced(broken, "follow_up_of = \"confidence\"", "follow_up_of = \"confidense\"");
  broken = replaced(broken, "max_picks = 3", "max_picks = 30");
  broken = replaced(broken, "label.es = \"Aceptación\"\n", "");
  const fs::path file = scratch.write("broken.toml", broken);
  const Run run = run_kiosk({"--check", file.string(), kShipped}, scratch.dir);
  CHECK(run.exited);
  CHECK(run.status == 1);
  const std::string f = file.string();
  const std::string expected =
      f + ":" + std::to_string(line_of(broken, "colour")) +
      ":1: error: unknown key 'colour' in an item ([[page.item]]). Remove it; the keys allowed here are: " +
      rk::test::listed_item_keys() + ".\n" +
      f + ":" + std::to_string(line_of(broken, "\"confidense\"")) +
      ":16: error: follow_up_of names 'confidense', but no item has that id. Did you mean 'confidence'? Use "
      "the id of "
      "an earlier item.\n" +
      f + ":" + std::to_string(line_of(broken, "max_picks = 30")) +
      ":13: error: max_picks is 30, but the item offers only 12 options. Lower max_picks or add options.\n" +
      f + ":" + std::to_string(line_of(broken, "label.en = \"Acceptance\"")) +
      ":1: error: 'label' has no 'es' translation. Add es = \"...\" to it (every language in 'languages' "
      "needs one).\n";
  CHECK(run.err == expected);
  // The good file named after the broken one is still checked and summarised.
  CHECK(run.out == kShipped + ": ok: 'readiness-and-strengths' v1.0, 11 pages, 20 items, languages en es zh vi ar\n");
}

TEST_CASE("--check reports a questionnaire language the kiosk has no language file for") {
  Scratch scratch;
  const std::string text =
      "id = \"de-test\"\nversion = \"1\"\nminutes = 2\n"
      "languages = [\"en\", \"de\"]\n"
      "default_language = \"en\"\ntitle.en = \"Test\"\ntitle.de = \"Test\"\n"
      "[[page]]\nid = \"p\"\n[[page.item]]\nid = \"talk\"\nkind = \"yes_no\"\n"
      "text.en = \"Talk today?\"\ntext.de = \"Heute reden?\"\n";
  const fs::path file = scratch.write("de.toml", text);
  const Run run = run_kiosk({"--check", file.string()}, scratch.dir);
  CHECK(run.exited);
  CHECK(run.status == 1);
  // Line 4, column 20: the "de" in languages. Nothing falls back to English without a word.
  CHECK(run.err == file.string() +
                       ":4:20: error: the kiosk has no words for language \"de\" (no assets/i18n/de.toml): its "
                       "buttons, keyboard and summary would have nothing to say. Add that file (copy en.toml and "
                       "translate every line), or remove \"de\" from 'languages'.\n");
  CHECK(run.out.empty());
}

TEST_CASE("--check: syntax errors, missing files, truncated and garbled copies never end by a signal") {
  Scratch scratch;
  const std::string shipped = slurp(kShipped);
  const fs::path cut = scratch.write("cut.toml", shipped.substr(0, shipped.size() / 2));
  const fs::path garbled = scratch.write("garbled.toml", std::string("\xff\x00[[[[ = \"", 9) + shipped);
  const fs::path empty = scratch.write("empty.toml", "");
  for (const auto& path : {cut, garbled, empty, scratch.dir / "missing.toml", scratch.dir}) {
    const Run run = run_kiosk({"--check", path.string()}, scratch.dir);
    CAPTURE(path);
    CHECK(run.exited);
    CHECK(run.status == 1);
    CHECK(run.out.empty());
    CHECK(run.err.rfind(path.string() + ":", 0) == 0);
    CHECK(run.err.find(": error: ") != std::string::npos);
  }
  const Run missing = run_kiosk({"--check", (scratch.dir / "missing.toml").string()}, scratch.dir);
  CHECK(missing.err == (scratch.dir / "missing.toml").string() +
                           ":1:1: error: no such file. Check the name and the folder.\n");
  const Run nothing = run_kiosk({"--check"}, scratch.dir);
  CHECK(nothing.exited);
  CHECK(nothing.status == 2);
}
