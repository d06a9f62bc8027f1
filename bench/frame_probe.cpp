// librk_frame_probe.so: loaded into the unmodified kiosk with LD_PRELOAD by rk_bench_kiosk. It
// wraps SDL_GL_SwapWindow (the end of every frame the kiosk presents) and records, per frame,
// CLOCK_MONOTONIC and the CPU time of the presenting (main) thread and of the whole process.
// It reports through the pipe whose write end is in $RK_BENCH_PROBE_FD:
//   "first <monotonic ns>\n"  as soon as the first frame is presented (time to first frame),
//   "frame <i> <monotonic ns> <thread cpu ns> <process cpu ns>\n" for every frame, at exit,
//   "mark <name> <monotonic ns>\n" for start-up steps: "loaded" (this library's constructor, before
//   main), and the return of SDL_Init, SDL_CreateWindow and SDL_GL_CreateContext,
//   "end\n".
// Without $RK_BENCH_PROBE_FD it only forwards the call. The app offers no frame-timing hook of its
// own; this keeps the measured binary exactly the one that ships.
#include <dlfcn.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

struct FrameSample {
  long long monotonic_ns;
  long long thread_cpu_ns;
  long long process_cpu_ns;
};

constexpr std::size_t kMaxFrames = 1U << 17;
// Static storage, touched only as frames come (a few KiB for a session).
std::array<FrameSample, kMaxFrames> g_frames;
std::size_t g_count = 0;
int g_fd = -2;  // -2: not looked up yet, -1: off

long long clock_ns(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

int report_fd() {
  if (g_fd == -2) {
    const char* value = std::getenv("RK_BENCH_PROBE_FD");
    g_fd = value != nullptr && *value != '\0' ? std::atoi(value) : -1;
  }
  return g_fd;
}

void write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = write(fd, data, size);
    if (n <= 0) return;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

/// The next definition of `name` (the real SDL function), as a function pointer of type F.
template <typename F>
F next_symbol(const char* name) {
  void* symbol = dlsym(RTLD_NEXT, name);
  F f = nullptr;
  std::memcpy(&f, &symbol, sizeof f);
  return f;
}

void mark(const char* name) {
  const long long now = clock_ns(CLOCK_MONOTONIC);
  const int fd = report_fd();
  if (fd < 0) return;
  char line[96];
  const int n = std::snprintf(line, sizeof line, "mark %s %lld\n", name, now);
  write_all(fd, line, static_cast<std::size_t>(n));
}

__attribute__((constructor)) void report_loaded() {
  mark("loaded");
}

__attribute__((destructor)) void report_frames() {
  const int fd = report_fd();
  if (fd < 0) return;
  char line[128];
  const std::size_t recorded = g_count < kMaxFrames ? g_count : kMaxFrames;
  for (std::size_t i = 0; i < recorded; ++i) {
    const int n = std::snprintf(line, sizeof line, "frame %zu %lld %lld %lld\n", i, g_frames[i].monotonic_ns,
                                g_frames[i].thread_cpu_ns, g_frames[i].process_cpu_ns);
    write_all(fd, line, static_cast<std::size_t>(n));
  }
  write_all(fd, "end\n", 4);
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int SDL_Init(unsigned int flags) {
  static const auto real = next_symbol<int (*)(unsigned int)>("SDL_Init");
  const int result = real(flags);
  mark("sdl_init");
  return result;
}

extern "C" __attribute__((visibility("default"))) void* SDL_CreateWindow(const char* title, int x, int y,
                                                                         int w, int h, unsigned int flags) {
  static const auto real =
      next_symbol<void* (*)(const char*, int, int, int, int, unsigned int)>("SDL_CreateWindow");
  void* result = real(title, x, y, w, h, flags);
  mark("window");
  return result;
}

extern "C" __attribute__((visibility("default"))) void* SDL_GL_CreateContext(void* window) {
  static const auto real = next_symbol<void* (*)(void*)>("SDL_GL_CreateContext");
  void* result = real(window);
  mark("gl_context");
  return result;
}

extern "C" __attribute__((visibility("default"))) void SDL_GL_SwapWindow(void* window) {
  static const auto real = next_symbol<void (*)(void*)>("SDL_GL_SwapWindow");
  real(window);
  const long long now = clock_ns(CLOCK_MONOTONIC);
  const int fd = report_fd();
  if (fd < 0) return;
  if (g_count < kMaxFrames) {
    g_frames[g_count] = {now, clock_ns(CLOCK_THREAD_CPUTIME_ID), clock_ns(CLOCK_PROCESS_CPUTIME_ID)};
  }
  if (g_count == 0) {
    char line[64];
    const int n = std::snprintf(line, sizeof line, "first %lld\n", now);
    write_all(fd, line, static_cast<std::size_t>(n));
  }
  ++g_count;
}
