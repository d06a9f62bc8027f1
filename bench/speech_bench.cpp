// Read aloud: tap to first sound, CPU and memory while speaking (issue 14). Speaks through SDL's
// "disk" audio driver into /dev/null unless SDL_AUDIODRIVER is set (the disk driver plays in real
// time, like a sound card). Prints ROW lines (median, min, max) like the other benchmarks.
//
//   rk_bench_speech [--rounds N]
#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "bench_stats.hpp"
#include "proc_stats.hpp"
#include "speech_engine.hpp"

namespace {

using rk::app::SpeechEngine;

// The first page of the default questionnaire, as Read aloud says it (about 13 s in English).
const std::vector<std::string> kEnglish = {
    "How this works",
    "There are no right or wrong answers. Tap an answer to choose it, then tap Next. Every question is "
    "optional, and your answers go only to your therapist. You can go back and change an answer at any time.",
    "About 4 minutes. Take your time.",
};
const std::vector<std::string> kSpanish = {
    "Cómo funciona",
    "No hay respuestas correctas ni incorrectas. Toque una respuesta para elegirla y luego toque Siguiente. "
    "Todas las preguntas son opcionales.",
};

template <class F>
bool wait_for(F done, double seconds) {
  const auto start = std::chrono::steady_clock::now();
  while (!done()) {
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > seconds)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

double mib(long long bytes) {
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: rk_bench_speech [--rounds N]\n");
      return 2;
    }
  }
  if (!std::getenv("SDL_AUDIODRIVER")) {
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
  }
  const long long rss_before = rk::bench::rss_bytes();
  const long long pss_before = rk::bench::pss_bytes(getpid());
  SpeechEngine engine(rk::app::SpeechSettings{}, 0);
  if (!engine.unavailable_reason().empty()) {
    std::fprintf(stderr, "speech: unavailable: %s\n", engine.unavailable_reason().c_str());
    return 77;
  }
  const long long rss_ready = rk::bench::rss_bytes();

  std::vector<double> cold_ms, warm_ms, cpu_percent, rss_speaking, pss_speaking, spoken_s;
  for (int round = 0; round < rounds; ++round) {
    for (const bool cold : {true, false}) {
      // Cold: the audio device is closed (the kiosk has been quiet); warm: it is still open.
      if (cold && !wait_for([&] { return !engine.device_open(); }, 10.0)) return 1;
      const bool spanish = round % 2 == 1 && !cold;
      const long long cpu0 = rk::bench::schedstat_run_ns(getpid());
      const long long t0 = rk::bench::monotonic_ns();
      engine.speak(spanish ? "es" : "en", spanish ? kSpanish : kEnglish);
      if (!wait_for([&] { return engine.seconds_to_first_sound().has_value(); }, 10.0)) return 1;
      (cold ? cold_ms : warm_ms).push_back(*engine.seconds_to_first_sound() * 1000.0);
      if (cold) {
        // Let it speak 3 s, measuring the process while it does, then stop (as a tap would).
        std::this_thread::sleep_for(std::chrono::seconds(3));
        const long long cpu1 = rk::bench::schedstat_run_ns(getpid());
        const long long t1 = rk::bench::monotonic_ns();
        cpu_percent.push_back(100.0 * static_cast<double>(cpu1 - cpu0) / static_cast<double>(t1 - t0));
        rss_speaking.push_back(mib(rk::bench::rss_bytes()));
        pss_speaking.push_back(mib(rk::bench::pss_bytes(getpid())));
        engine.stop();
      } else {
        if (!wait_for([&] { return !engine.speaking(); }, 60.0)) return 1;
        spoken_s.push_back(static_cast<double>(rk::bench::monotonic_ns() - t0) / 1e9);
      }
    }
  }
  std::printf(
      "speech: %d rounds; RSS %.1f MiB before espeak-ng, %.1f MiB with it loaded; PSS before %.1f MiB\n",
      rounds, mib(rss_before), mib(rss_ready), mib(pss_before));
  rk::bench::print_row("read aloud: tap to first sound, device closed (ms)", cold_ms, "-", "-", 1);
  rk::bench::print_row("read aloud: tap to first sound, device open (ms)", warm_ms, "-", "-", 1);
  rk::bench::print_row("read aloud: CPU while speaking (% of a core)", cpu_percent, "-", "-", 2);
  rk::bench::print_row("read aloud: RSS while speaking (MiB)", rss_speaking, "-", "-", 1);
  rk::bench::print_row("read aloud: PSS while speaking (MiB)", pss_speaking, "-", "-", 1);
  rk::bench::print_row("read aloud: a whole page, spoken (s)", spoken_s, "-", "-", 1);
  return 0;
}
