#include "proc_stats.hpp"

#include <dirent.h>
#include <time.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace rk::bench {
namespace {

std::string proc_path(pid_t pid, const char* leaf) {
  return pid == 0 ? std::string("/proc/self/") + leaf : "/proc/" + std::to_string(pid) + "/" + leaf;
}

/// The value in kB of the first line starting with `key` (for example "Pss:"), in bytes.
long long kb_field(const std::string& path, const std::string& key) {
  std::ifstream in(path);
  if (!in) return -1;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) {
      std::istringstream fields(line.substr(key.size()));
      long long kb = -1;
      fields >> kb;
      return kb < 0 ? -1 : kb * 1024;
    }
  }
  return -1;
}

}  // namespace

long long rss_bytes(pid_t pid) {
  std::ifstream in(proc_path(pid, "statm"));
  long long size = 0;
  long long resident = 0;
  if (!(in >> size >> resident)) return -1;
  return resident * sysconf(_SC_PAGESIZE);
}

int open_fd_count(pid_t pid) {
  const std::string path = proc_path(pid, "fd");
  DIR* dir = opendir(path.c_str());
  if (dir == nullptr) return -1;
  int count = 0;
  while (const dirent* entry = readdir(dir)) {
    if (entry->d_name[0] != '.') ++count;
  }
  closedir(dir);
  // Our own listing holds one descriptor open while it counts.
  return pid == 0 ? count - 1 : count;
}

long long pss_bytes(pid_t pid) {
  return kb_field(proc_path(pid, "smaps_rollup"), "Pss:");
}

long long rss_high_water_bytes(pid_t pid) {
  return kb_field(proc_path(pid, "status"), "VmHWM:");
}

long long cpu_ticks(pid_t pid) {
  std::ifstream in(proc_path(pid, "stat"));
  std::string all;
  if (!std::getline(in, all)) return -1;
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const auto close = all.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream fields(all.substr(close + 2));
  std::string field;
  long long utime = -1;
  long long stime = -1;
  // Fields 3.. follow; utime is field 14 and stime field 15 (1-based, proc(5)).
  for (int index = 3; index <= 15 && fields >> field; ++index) {
    if (index == 14) utime = std::stoll(field);
    if (index == 15) stime = std::stoll(field);
  }
  return utime < 0 || stime < 0 ? -1 : utime + stime;
}

long ticks_per_second() {
  return sysconf(_SC_CLK_TCK);
}

long long schedstat_run_ns(pid_t pid) {
  const std::string tasks = proc_path(pid, "task");
  DIR* dir = opendir(tasks.c_str());
  if (dir == nullptr) return -1;
  long long total = 0;
  while (const dirent* entry = readdir(dir)) {
    if (entry->d_name[0] == '.') continue;
    std::ifstream in(tasks + "/" + entry->d_name + "/schedstat");
    long long run_ns = 0;
    if (in >> run_ns) total += run_ns;
  }
  closedir(dir);
  return total;
}

long long monotonic_ns() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

}  // namespace rk::bench
