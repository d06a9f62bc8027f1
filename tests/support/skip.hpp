#pragma once
// SKIPPED, not passed: a test case that cannot run here (a tool, font or privilege is missing)
// calls skip(); the suite's process then exits 77, which CTest reports as "Skipped" (the test is
// registered one CTest test per case with SKIP_RETURN_CODE 77 by rk_add_doctest, cmake/AddDoctest.cmake).
#include <string>

namespace rk::test {

/// This test case cannot run here: say why on stderr; the run ends with exit 77 unless something failed.
void skip(const std::string& why);
/// The process's exit status after doctest's run: its failure status; 1 when the filters matched no
/// case (a run that tests nothing must not pass); else 77 when a case skipped.
int exit_status(int doctest_status);

}  // namespace rk::test
