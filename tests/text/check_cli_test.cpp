// `readiness-kiosk --check` refuses characters the kiosk cannot draw, each with FILE:LINE:COLUMN,
// and passes the multi-script fixture.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace {

struct Result {
  int status = -1;
  std::string output;  ///< stdout and stderr
};

Result check(const std::string& file) {
  Result r;
  const std::string command = std::string(RK_KIOSK_BIN) + " --check '" + file + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace

TEST_CASE("--check passes a questionnaire in Vietnamese, Chinese, Arabic and Spanish") {
  const Result r = check(std::string(RK_SOURCE_DIR) + "/tests/text/questionnaires/scripts.toml");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find(": ok: 'scripts-fixture'") != std::string::npos);
}

TEST_CASE("--check reports each emoji option with its line and column, and fails") {
  std::ifstream in(std::string(RK_SOURCE_DIR) + "/tests/text/questionnaires/scripts.toml");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string text = bytes.str();
  const std::string from = "label.es = \"Estrés o preocupación\"";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), "label.es = \"Estrés 🙁\"");
  // Its line: count the newlines before it.
  const long line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  const std::string path = std::string(RK_BINARY_DIR) + "/check-emoji.toml";
  std::ofstream(path) << text;
  const Result r = check(path);
  INFO(r.output);
  CHECK(r.status == 1);
  CHECK(r.output.find(path + ":" + std::to_string(line) + ":20: error: '🙁' (U+1F641) cannot be drawn") !=
        std::string::npos);
  CHECK(r.output.find(": ok:") == std::string::npos);
  std::remove(path.c_str());
}
