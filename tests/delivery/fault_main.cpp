// main() of the fault suites: enters a private mount namespace first (before any thread), runs
// doctest, and turns "could not make the fault here" into exit 77, which CTest reports as SKIPPED.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include "fault_env.hpp"

namespace rk::test {
namespace {
bool g_private_mounts = false;
}  // namespace

bool private_mounts() {
  return g_private_mounts;
}

bool mount_tmpfs(const std::string& dir, const std::string& size) {
  if (!g_private_mounts) return false;
  const std::string options = "size=" + size + ",mode=0700";
  return mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) == 0;
}

}  // namespace rk::test

int main(int argc, char** argv) {
  rk::test::g_private_mounts = geteuid() == 0 && unshare(CLONE_NEWNS) == 0 &&
                               mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
  doctest::Context context(argc, argv);
  const int status = context.run();
  if (context.shouldExit()) return status;
  return rk::test::exit_status(status);
}
