// skip() and the exit status that turns it into CTest's "Skipped" (see skip.hpp), and the guard
// against a run that matched no test case.
#include "skip.hpp"

#include <doctest/doctest.h>

#include <cstdio>

namespace rk::test {
namespace {
int g_skipped = 0;       // cases that called skip() in this process
unsigned g_matched = 0;  // cases the run's filters let through

// CTest runs each case on its own with --test-case=NAME (doctest_discover_tests). A filter that
// matches nothing would run nothing and pass: a ';' in a case name, for one, splits the name in
// CMake's list. This listener counts what the filters let through, so exit_status() can fail then.
struct MatchCounter : doctest::IReporter {
  explicit MatchCounter(const doctest::ContextOptions& /*options*/) {}
  void report_query(const doctest::QueryData& /*query*/) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& stats) override { g_matched = stats.numTestCasesPassingFilters; }
  void test_case_start(const doctest::TestCaseData& /*data*/) override {}
  void test_case_reenter(const doctest::TestCaseData& /*data*/) override {}
  void test_case_end(const doctest::CurrentTestCaseStats& /*stats*/) override {}
  void test_case_exception(const doctest::TestCaseException& /*exception*/) override {}
  void subcase_start(const doctest::SubcaseSignature& /*subcase*/) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData& /*assert*/) override {}
  void log_message(const doctest::MessageData& /*message*/) override {}
  void test_case_skipped(const doctest::TestCaseData& /*data*/) override {}
};
REGISTER_LISTENER("rk_match_counter", 1, MatchCounter);
}  // namespace

void skip(const std::string& why) {
  ++g_skipped;
  std::fprintf(stderr, "SKIPPED: %s\n", why.c_str());
}

int exit_status(int doctest_status) {
  if (doctest_status != 0) return doctest_status;
  if (g_matched == 0) {
    std::fprintf(stderr, "FAILED: no test case matches this run's filters (is there a ';' in a case name?)\n");
    return 1;
  }
  return g_skipped > 0 ? 77 : 0;
}

}  // namespace rk::test
