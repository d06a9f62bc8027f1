// rk_bench_render [--iterations N] [--questionnaire FILE]
// Renders the sample patient's summary (rk::make_sample_summary on the default questionnaire) to
// PDF bytes N times per language, the same path as --sample-summary and the staff test page, and
// prints the render time (wall clock per render_summary call) and the PDF size as table rows.
// Each call loads and embeds the fonts again, as the kiosk does for every patient.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_stats.hpp"
#include "paths.hpp"
#include "questionnaire.hpp"
#include "questionnaire_languages.hpp"
#include "render_summary.hpp"
#include "sample_patient.hpp"
#include "ui_strings.hpp"

namespace {

constexpr int kWarmUpRenders = 2;

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

int usage() {
  std::fprintf(stderr, "usage: rk_bench_render [--iterations N] [--questionnaire FILE]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int iterations = 50;
  std::string questionnaire_path = rk::data_dir() + "/questionnaires/readiness-and-strengths.toml";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--iterations" && i + 1 < argc) {
      iterations = std::atoi(argv[++i]);
    } else if (arg == "--questionnaire" && i + 1 < argc) {
      questionnaire_path = argv[++i];
    } else {
      return usage();
    }
  }
  if (iterations < 1) return usage();

  const rk::UiStringsResult languages = rk::load_shipped_languages();
  for (const auto& e : languages.errors) std::fprintf(stderr, "%s\n", e.format().c_str());
  if (!languages.ok()) return 1;
  const auto loaded = rk::load_questionnaire_file(questionnaire_path, languages.strings);
  if (!loaded.ok()) {
    for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.format().c_str());
    return 1;
  }
  const rk::Questionnaire& questionnaire = *loaded.questionnaire;

  for (const std::string language : {"en", "es"}) {
    const auto summary = rk::make_sample_summary(questionnaire, languages.strings, language, std::chrono::system_clock::now());
    std::vector<double> render_ms;
    std::vector<double> render_cpu_ms;
    std::vector<double> size_kb;
    int pages = 0;
    for (int i = -kWarmUpRenders; i < iterations; ++i) {
      const double cpu_start = thread_cpu_ms();
      const auto start = std::chrono::steady_clock::now();
      const auto result = rk::report::render_summary(summary, languages.strings);
      const auto stop = std::chrono::steady_clock::now();
      const double cpu_stop = thread_cpu_ms();
      if (!result.ok()) {
        std::fprintf(stderr, "rk_bench_render: render failed: %s\n", result.error.c_str());
        return 1;
      }
      if (i < 0) continue;  // warm-up: page cache, allocator
      render_ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
      render_cpu_ms.push_back(cpu_stop - cpu_start);
      size_kb.push_back(static_cast<double>(result.pdf.size()) / 1024.0);
      pages = result.pages;
    }
    rk::bench::print_row("summary render, sample patient, " + language + ", wall (ms)", render_ms, "< 50",
                         "-", 1);
    rk::bench::print_row("  same, CPU time of the rendering thread (ms)", render_cpu_ms, "< 50", "-", 1);
    rk::bench::print_row("summary PDF size, " + language + " (KB, " + std::to_string(pages) + " page" +
                             (pages == 1 ? "" : "s") + ")",
                         size_kb, "-", "-", 1);
  }
  return 0;
}
