// skip() and the exit status that turns it into CTest's "Skipped" (see skip.hpp).
#include "skip.hpp"

#include <cstdio>

namespace rk::test {
namespace {
int g_skipped = 0;  // cases that called skip() in this process
}  // namespace

void skip(const std::string& why) {
  ++g_skipped;
  std::fprintf(stderr, "SKIPPED: %s\n", why.c_str());
}

int exit_status(int doctest_status) {
  if (doctest_status != 0) return doctest_status;
  return g_skipped > 0 ? 77 : 0;
}

}  // namespace rk::test
