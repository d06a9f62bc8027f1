#pragma once
// The fault suites' environment (fault_main.cpp): private mounts for a real full or read-only
// tmpfs (root only), and SKIPPED (exit 77) when a fault cannot be made here.
#include <string>

#include "skip.hpp"  // skip(): this fault cannot be made here

namespace rk::test {

/// The suite runs in its own mount namespace: a tmpfs mounted now vanishes with the process and
/// is seen by the children it starts (the kiosk).
bool private_mounts();
/// Mounts a tmpfs of `size` ("64k", "3m") on `dir`; false when it cannot (then call skip()).
bool mount_tmpfs(const std::string& dir, const std::string& size);

}  // namespace rk::test
