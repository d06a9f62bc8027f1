#pragma once
// Figures read from /proc for the benchmarks and the soak run (Linux only). Each returns -1 when
// the file cannot be read (the process is gone, or /proc is not mounted).

#include <sys/types.h>

#include <string>

namespace rk::bench {

/// Resident set size in bytes from /proc/<pid>/statm (pid 0: this process).
long long rss_bytes(pid_t pid = 0);
/// Open file descriptors: the entries of /proc/<pid>/fd (pid 0: this process, not counting the
/// descriptor used to list the folder).
int open_fd_count(pid_t pid = 0);
/// Proportional set size in bytes from /proc/<pid>/smaps_rollup ("Pss:").
long long pss_bytes(pid_t pid);
/// Peak resident set size (VmHWM) in bytes from /proc/<pid>/status.
long long rss_high_water_bytes(pid_t pid);
/// User plus system CPU time in clock ticks (utime + stime of /proc/<pid>/stat, every thread).
long long cpu_ticks(pid_t pid);
/// Clock ticks per second (sysconf(_SC_CLK_TCK), 100 on Debian).
long ticks_per_second();
/// Time on CPU in nanoseconds of every live thread of the process (sum of the first field of
/// /proc/<pid>/task/*/schedstat): finer than cpu_ticks, but threads that ended are not counted.
long long schedstat_run_ns(pid_t pid);
/// CLOCK_MONOTONIC in nanoseconds (the same clock the frame probe uses in the kiosk).
long long monotonic_ns();

}  // namespace rk::bench
