#pragma once
// A test case that cannot run here says so and is reported SKIPPED, never passed: the suites' main
// (cmake/AddDoctest.cmake) exits 77 when a case was skipped and none failed, and CTest, which runs
// each case on its own, counts that case as skipped (SKIP_RETURN_CODE 77).

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

namespace rk::test {

inline int& cases_skipped() {
  static int skipped = 0;
  return skipped;
}

/// Marks the running case skipped, with the reason; return from the case after calling it.
inline void skip_case(const std::string& why) {
  ++cases_skipped();
  std::fprintf(stderr, "SKIPPED: %s\n", why.c_str());
}

}  // namespace rk::test
