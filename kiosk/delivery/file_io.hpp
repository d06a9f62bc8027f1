#pragma once
// Small POSIX file helpers shared by the atomic save and the outbox: errno → ErrorCode and a
// staff-readable reason, random name parts, private folders, full writes, folder fsync.

#include <cstddef>
#include <string>

#include "delivery_error.hpp"

namespace rk::delivery {

ErrorCode code_for_errno(int err);
/// "<what> <where>: <strerror>" plus "(the disk is full)" / "(the disk is read-only)" when so.
std::string errno_reason(int err, const std::string& what, const std::string& where);
/// `bytes` random bytes as lowercase hex (getrandom; time and pid when there is no entropy).
std::string random_hex(size_t bytes);
/// Creates `folder` and missing parents (new ones mode 0700); 0 or an errno.
int make_folder(const std::string& folder);
/// Writes all of `data`; 0 or an errno.
int write_all(int fd, const unsigned char* data, size_t size);
/// fsync of a folder (EINVAL from file systems that cannot is not an error); 0 or an errno.
int fsync_folder(const std::string& folder);

}  // namespace rk::delivery
