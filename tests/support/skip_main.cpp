// main() of every doctest suite (cmake/AddDoctest.cmake): doctest's run, then exit 77 when a case
// called rk::test::skip() and nothing failed.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "skip.hpp"

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int status = context.run();
  if (context.shouldExit()) return status;
  return rk::test::exit_status(status);
}
