// rk_bench_kiosk --kiosk BIN --probe LIB --mode startup|idle|session [--runs N] [--work DIR]
//                [--idle-seconds S] [--settle-seconds S] [--replay FILE] [--also-pid PID]
//                [-- KIOSK ARGS...]
// Measures the real kiosk binary from outside, under the X display in $DISPLAY (the caller starts
// Xvfb and sets LIBGL_ALWAYS_SOFTWARE=1). Each run starts a fresh kiosk with librk_frame_probe.so
// preloaded (it reports when each frame is presented and the CPU time it took):
//   startup  process start (just before fork) → first frame presented; then SIGTERM.
//   idle     waits for the first frame plus a settle time, then samples utime+stime of
//            /proc/PID/stat over S seconds on the welcome screen; counts the frames drawn.
//   session  runs the kiosk with --replay FILE --exit-after-replay (a whole patient session by
//            taps), sampling /proc/PID/smaps_rollup (PSS) and VmHWM every 20 ms; per-frame CPU
//            from the probe (main thread and whole process, between consecutive presents).
// Prints "ROW|..." lines (bench_stats.hpp) with the median, min and max over the runs, and a
// line per run on stderr. Exit status 0 when every run worked.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bench_stats.hpp"
#include "proc_stats.hpp"

namespace {

using rk::bench::monotonic_ns;

struct Options {
  std::string kiosk;
  std::string probe;
  std::string mode;
  std::string work = ".";
  std::string replay;
  int runs = 5;
  double idle_seconds = 30;
  double settle_seconds = 3;
  pid_t also_pid = 0;  ///< another process whose PSS is added (Xvfb)
  std::vector<std::string> kiosk_args;
};

struct Frame {
  long long monotonic_ns = 0;
  long long thread_cpu_ns = 0;
  long long process_cpu_ns = 0;
};

/// One kiosk process with the probe's pipe.
class Kiosk {
 public:
  Kiosk(const Options& options, const std::vector<std::string>& extra_args, const std::string& log_path) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return;
    read_fd_ = fds[0];
    start_ns_ = monotonic_ns();
    pid_ = fork();
    if (pid_ == 0) {
      // Child: the write end survives exec; output goes to the log. The kiosk gets SIGTERM if
      // the bench dies, so no kiosk is ever left running.
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      fcntl(fds[1], F_SETFD, 0);
      const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (log >= 0) {
        dup2(log, 1);
        dup2(log, 2);
      }
      setenv("RK_BENCH_PROBE_FD", std::to_string(fds[1]).c_str(), 1);
      setenv("LD_PRELOAD", options.probe.c_str(), 1);
      std::vector<std::string> args{options.kiosk};
      args.insert(args.end(), options.kiosk_args.begin(), options.kiosk_args.end());
      args.insert(args.end(), extra_args.begin(), extra_args.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      std::perror("rk_bench_kiosk: exec");
      _exit(127);
    }
    close(fds[1]);
  }
  ~Kiosk() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (read_fd_ >= 0) close(read_fd_);
  }
  Kiosk(const Kiosk&) = delete;
  Kiosk& operator=(const Kiosk&) = delete;

  [[nodiscard]] bool started() const { return pid_ > 0 && read_fd_ >= 0; }
  [[nodiscard]] pid_t pid() const { return pid_; }
  [[nodiscard]] long long start_ns() const { return start_ns_; }
  [[nodiscard]] long long first_frame_ns() const { return first_frame_ns_; }
  [[nodiscard]] const std::vector<Frame>& frames() const { return frames_; }
  /// Start-up marks from the probe ("loaded", "sdl_init", "window", "gl_context"): monotonic ns.
  [[nodiscard]] const std::map<std::string, long long>& marks() const { return marks_; }
  [[nodiscard]] bool report_complete() const { return ended_; }

  /// Reads what the probe sent, waiting up to `timeout_ms`. False once the pipe is closed.
  bool pump(int timeout_ms) {
    if (eof_) return false;
    pollfd p{read_fd_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return true;
    char buffer[65536];
    const ssize_t n = read(read_fd_, buffer, sizeof buffer);
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    pending_.append(buffer, static_cast<std::size_t>(n));
    std::size_t newline = 0;
    while ((newline = pending_.find('\n')) != std::string::npos) {
      parse(pending_.substr(0, newline));
      pending_.erase(0, newline + 1);
    }
    return true;
  }

  /// Pumps until `deadline_ns` (or the pipe closes), calling `sample` every `sample_ms`.
  template <typename Sample>
  void pump_until(long long deadline_ns, int sample_ms, Sample sample) {
    while (monotonic_ns() < deadline_ns) {
      sample();
      const long long left_ms = (deadline_ns - monotonic_ns()) / 1000000;
      if (!pump(static_cast<int>(std::min<long long>(sample_ms, std::max<long long>(0, left_ms))))) {
        // The kiosk closed the pipe (it exited): nothing more to wait for.
        return;
      }
    }
  }

  /// SIGTERM (the kiosk's clean exit), drains the probe's report, returns the exit status.
  int stop(int timeout_ms = 20000) {
    if (!reaped_) kill(pid_, SIGTERM);
    return wait_exit(timeout_ms);
  }

  /// Waits for the kiosk to exit by itself; -1 (after SIGKILL) when it does not in time.
  int wait_exit(int timeout_ms) {
    const long long deadline = monotonic_ns() + static_cast<long long>(timeout_ms) * 1000000;
    while (pump(50) && monotonic_ns() < deadline) {
    }
    return reap(deadline);
  }

 private:
  int reap(long long deadline) {
    if (reaped_) return status_;
    int status = 0;
    while (true) {
      const pid_t done = waitpid(pid_, &status, WNOHANG);
      if (done == pid_) break;
      if (monotonic_ns() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        reaped_ = true;
        status_ = -1;
        return status_;
      }
      usleep(10000);
    }
    reaped_ = true;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return status_;
  }

  void parse(const std::string& line) {
    std::istringstream in(line);
    std::string kind;
    in >> kind;
    if (kind == "first") {
      in >> first_frame_ns_;
    } else if (kind == "frame") {
      std::size_t index = 0;
      Frame f;
      in >> index >> f.monotonic_ns >> f.thread_cpu_ns >> f.process_cpu_ns;
      frames_.push_back(f);
    } else if (kind == "mark") {
      std::string name;
      long long ns = 0;
      in >> name >> ns;
      marks_[name] = ns;
    } else if (kind == "end") {
      ended_ = true;
    }
  }

  pid_t pid_ = -1;
  int read_fd_ = -1;
  long long start_ns_ = 0;
  long long first_frame_ns_ = 0;
  std::string pending_;
  std::vector<Frame> frames_;
  std::map<std::string, long long> marks_;
  bool eof_ = false;
  bool ended_ = false;
  bool reaped_ = false;
  int status_ = 0;
};

double mib(long long bytes) {
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

/// Waits for the first frame; false (after a message) when it does not come within 60 s.
bool wait_first_frame(Kiosk& kiosk, const std::string& log) {
  const long long deadline = monotonic_ns() + 60LL * 1000000000LL;
  while (kiosk.first_frame_ns() == 0 && monotonic_ns() < deadline) {
    if (!kiosk.pump(5)) break;
  }
  if (kiosk.first_frame_ns() == 0) {
    std::fprintf(stderr, "rk_bench_kiosk: no first frame (see %s)\n", log.c_str());
    return false;
  }
  return true;
}

std::string log_path(const Options& options, int run) {
  return options.work + "/kiosk-" + options.mode + "-" + std::to_string(run) + ".log";
}

int run_startup(const Options& options) {
  std::vector<double> first_frame_ms;
  std::vector<double> pss_mib;
  // Where the time goes: consecutive steps between start-up marks.
  const std::vector<std::pair<std::string, std::string>> steps = {{"", "loaded"},
                                                                  {"loaded", "sdl_init"},
                                                                  {"sdl_init", "window"},
                                                                  {"window", "gl_context"},
                                                                  {"gl_context", "first"}};
  const std::vector<std::string> step_names = {
      "  of which: fork, exec, dynamic linking", "  of which: to SDL_Init done (config, questionnaire, X)",
      "  of which: SDL_CreateWindow (loads Mesa)", "  of which: SDL_GL_CreateContext (llvmpipe)",
      "  of which: ImGui, fonts, first UI frame, present"};
  std::vector<std::vector<double>> step_ms(steps.size());
  // CPU time up to the first frame hardly depends on how busy the machine is; wall time does.
  std::vector<double> cpu_to_first_ms;
  for (int run = 1; run <= options.runs; ++run) {
    const std::string log = log_path(options, run);
    Kiosk kiosk(options, {}, log);
    if (!kiosk.started() || !wait_first_frame(kiosk, log)) return 1;
    const double ms = static_cast<double>(kiosk.first_frame_ns() - kiosk.start_ns()) / 1e6;
    const long long pss = rk::bench::pss_bytes(kiosk.pid());
    const int status = kiosk.stop();
    std::fprintf(stderr, "startup run %d: first frame %.1f ms, PSS %.1f MiB, exit %d\n", run, ms, mib(pss),
                 status);
    if (status != 0) return 1;
    first_frame_ms.push_back(ms);
    pss_mib.push_back(mib(pss));
    if (!kiosk.frames().empty()) {
      cpu_to_first_ms.push_back(static_cast<double>(kiosk.frames().front().process_cpu_ns) / 1e6);
    }
    auto marks = kiosk.marks();
    marks[""] = kiosk.start_ns();
    marks["first"] = kiosk.first_frame_ns();
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const auto from = marks.find(steps[i].first);
      const auto to = marks.find(steps[i].second);
      if (from != marks.end() && to != marks.end()) {
        step_ms[i].push_back(static_cast<double>(to->second - from->second) / 1e6);
      }
    }
  }
  rk::bench::print_row("cold start to first frame (ms)", first_frame_ms, "< 150", "~730 (first paint)");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (!step_ms[i].empty()) rk::bench::print_row(step_names[i] + " (ms)", step_ms[i], "-", "-");
  }
  rk::bench::print_row("  CPU time up to the first frame, all threads (ms)", cpu_to_first_ms, "-", "-");
  rk::bench::print_row("PSS on welcome after first frame (MiB)", pss_mib, "-", "-");
  return 0;
}

int run_idle(const Options& options) {
  std::vector<double> percent;
  std::vector<double> percent_schedstat;
  std::vector<double> frames_drawn;
  const double ticks = static_cast<double>(rk::bench::ticks_per_second());
  for (int run = 1; run <= options.runs; ++run) {
    const std::string log = log_path(options, run);
    Kiosk kiosk(options, {}, log);
    if (!kiosk.started() || !wait_first_frame(kiosk, log)) return 1;
    const auto nothing = [] {};
    kiosk.pump_until(monotonic_ns() + static_cast<long long>(options.settle_seconds * 1e9), 100, nothing);
    const long long ticks_before = rk::bench::cpu_ticks(kiosk.pid());
    const long long sched_before = rk::bench::schedstat_run_ns(kiosk.pid());
    const long long t_before = monotonic_ns();
    kiosk.pump_until(t_before + static_cast<long long>(options.idle_seconds * 1e9), 1000, nothing);
    const long long ticks_after = rk::bench::cpu_ticks(kiosk.pid());
    const long long sched_after = rk::bench::schedstat_run_ns(kiosk.pid());
    const long long t_after = monotonic_ns();
    const int status = kiosk.stop();
    if (status != 0 || ticks_before < 0 || ticks_after < 0) {
      std::fprintf(stderr, "rk_bench_kiosk: idle run %d failed (exit %d, see %s)\n", run, status,
                   log.c_str());
      return 1;
    }
    const double seconds = static_cast<double>(t_after - t_before) / 1e9;
    const double p = 100.0 * static_cast<double>(ticks_after - ticks_before) / ticks / seconds;
    const double ps = 100.0 * static_cast<double>(sched_after - sched_before) / 1e9 / seconds;
    int drawn = 0;
    for (const auto& f : kiosk.frames()) {
      if (f.monotonic_ns >= t_before && f.monotonic_ns <= t_after) ++drawn;
    }
    std::fprintf(stderr,
                 "idle run %d: %.1f s, %lld ticks = %.3f%% of a core (schedstat %.4f%%), %d frames drawn\n",
                 run, seconds, ticks_after - ticks_before, p, ps, drawn);
    percent.push_back(p);
    percent_schedstat.push_back(ps);
    frames_drawn.push_back(drawn);
  }
  const std::string span = std::to_string(static_cast<int>(options.idle_seconds)) + " s";
  rk::bench::print_row("CPU idle on welcome, " + span + " (% of a core, utime+stime)", percent, "< 0.1",
                       "~0.7", 3);
  rk::bench::print_row("  same, from task schedstat (ns resolution)", percent_schedstat, "< 0.1", "-", 4);
  rk::bench::print_row("  frames drawn while idle, " + span, frames_drawn, "-", "-", 0);
  return 0;
}

int run_session(const Options& options) {
  if (options.replay.empty()) {
    std::fprintf(stderr, "rk_bench_kiosk: --mode session needs --replay FILE\n");
    return 2;
  }
  std::vector<double> thread_median;
  std::vector<double> thread_p99;
  std::vector<double> process_median;
  std::vector<double> process_p99;
  std::vector<double> frame_counts;
  std::vector<double> peak_pss;
  std::vector<double> peak_pss_with_x;
  std::vector<double> hwm;
  std::vector<double> session_seconds;
  for (int run = 1; run <= options.runs; ++run) {
    const std::string log = log_path(options, run);
    Kiosk kiosk(options, {"--replay", options.replay, "--exit-after-replay"}, log);
    if (!kiosk.started()) return 1;
    long long pss_max = 0;
    long long pss_with_x_max = 0;
    long long hwm_last = 0;
    const auto sample = [&] {
      const long long pss = rk::bench::pss_bytes(kiosk.pid());
      if (pss < 0) return;
      pss_max = std::max(pss_max, pss);
      if (options.also_pid > 0) {
        const long long other = rk::bench::pss_bytes(options.also_pid);
        if (other > 0) pss_with_x_max = std::max(pss_with_x_max, pss + other);
      }
      const long long high = rk::bench::rss_high_water_bytes(kiosk.pid());
      if (high > 0) hwm_last = high;
    };
    kiosk.pump_until(monotonic_ns() + 300LL * 1000000000LL, 20, sample);
    const int status = kiosk.wait_exit(30000);
    if (status != 0 || !kiosk.report_complete() || kiosk.frames().size() < 3) {
      std::fprintf(stderr, "rk_bench_kiosk: session run %d failed (exit %d, %zu frames; see %s)\n", run,
                   status, kiosk.frames().size(), log.c_str());
      return 1;
    }
    // Per-frame CPU: between consecutive presents (the first frame holds the start-up work).
    std::vector<double> thread_ms;
    std::vector<double> process_ms;
    const auto& frames = kiosk.frames();
    for (std::size_t i = 1; i < frames.size(); ++i) {
      thread_ms.push_back(static_cast<double>(frames[i].thread_cpu_ns - frames[i - 1].thread_cpu_ns) / 1e6);
      process_ms.push_back(static_cast<double>(frames[i].process_cpu_ns - frames[i - 1].process_cpu_ns) /
                           1e6);
    }
    const double seconds =
        static_cast<double>(frames.back().monotonic_ns - frames.front().monotonic_ns) / 1e9;
    std::fprintf(
        stderr,
        "session run %d: %zu frames in %.1f s; main thread CPU/frame median %.2f p99 %.2f max %.2f ms; "
        "process CPU/frame median %.2f p99 %.2f ms; peak PSS %.1f MiB, VmHWM %.1f MiB\n",
        run, frames.size(), seconds, rk::bench::median(thread_ms), rk::bench::quantile(thread_ms, 0.99),
        rk::bench::max_of(thread_ms), rk::bench::median(process_ms), rk::bench::quantile(process_ms, 0.99),
        mib(pss_max), mib(hwm_last));
    thread_median.push_back(rk::bench::median(thread_ms));
    thread_p99.push_back(rk::bench::quantile(thread_ms, 0.99));
    process_median.push_back(rk::bench::median(process_ms));
    process_p99.push_back(rk::bench::quantile(process_ms, 0.99));
    frame_counts.push_back(static_cast<double>(frames.size()));
    session_seconds.push_back(seconds);
    peak_pss.push_back(mib(pss_max));
    if (options.also_pid > 0) peak_pss_with_x.push_back(mib(pss_with_x_max));
    hwm.push_back(mib(hwm_last));
  }
  rk::bench::print_row("frame CPU in a tapped session, main thread, median (ms)", thread_median, "-", "-", 2);
  rk::bench::print_row("frame CPU in a tapped session, main thread, p99 (ms)", thread_p99, "< 8", "-", 2);
  rk::bench::print_row("  same, whole process (llvmpipe, worker), median (ms)", process_median, "-", "-", 2);
  rk::bench::print_row("  same, whole process, p99 (ms)", process_p99, "-", "-", 2);
  rk::bench::print_row("  frames presented per session", frame_counts, "-", "-", 0);
  rk::bench::print_row("peak PSS over a whole session (MiB)", peak_pss, "< 80 MB (76.3 MiB)",
                       "~390 MiB (all processes)");
  if (!peak_pss_with_x.empty()) {
    rk::bench::print_row("  peak PSS, kiosk + Xvfb (MiB)", peak_pss_with_x, "-", "~390 MiB (all processes)");
  }
  rk::bench::print_row("peak RSS over a whole session, VmHWM (MiB)", hwm, "-", "-");
  return 0;
}

int usage() {
  std::fprintf(
      stderr,
      "usage: rk_bench_kiosk --kiosk BIN --probe LIB --mode startup|idle|session [--runs N] [--work DIR]\n"
      "       [--idle-seconds S] [--settle-seconds S] [--replay FILE] [--also-pid PID] [-- KIOSK ARGS...]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") {
      for (++i; i < argc; ++i) options.kiosk_args.emplace_back(argv[i]);
      break;
    }
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (arg == "--kiosk") {
      options.kiosk = value;
    } else if (arg == "--probe") {
      options.probe = value;
    } else if (arg == "--mode") {
      options.mode = value;
    } else if (arg == "--work") {
      options.work = value;
    } else if (arg == "--replay") {
      options.replay = value;
    } else if (arg == "--runs") {
      options.runs = std::atoi(value.c_str());
    } else if (arg == "--idle-seconds") {
      options.idle_seconds = std::atof(value.c_str());
    } else if (arg == "--settle-seconds") {
      options.settle_seconds = std::atof(value.c_str());
    } else if (arg == "--also-pid") {
      options.also_pid = static_cast<pid_t>(std::atoi(value.c_str()));
    } else {
      return usage();
    }
  }
  if (options.kiosk.empty() || options.probe.empty() || options.runs < 1) return usage();
  if (std::getenv("DISPLAY") == nullptr) {
    std::fprintf(stderr, "rk_bench_kiosk: DISPLAY is not set (start Xvfb first)\n");
    return 2;
  }
  if (options.mode == "startup") return run_startup(options);
  if (options.mode == "idle") return run_idle(options);
  if (options.mode == "session") return run_session(options);
  return usage();
}
