// rk_bench_soak [--sessions N] [--every K] [--warmup W] [--seed S] [--rss-tolerance-kb T]
//               [--questionnaire FILE]
// N scripted patient sessions in one process through the real pipeline: rk::Session on the
// default questionnaire (random answers from a fixed seed, long texts up to max_length with
// accents, ñ, ¿ and ¡, languages alternating English / Spanish, a language switch, a trip back,
// an edit from review and left-off answers now and then) → Session::finish → report::render_summary
// → delivery::save_summary into a temp folder, then the file is deleted so the disk does not fill.
//
// Every K sessions it prints resident memory (/proc/self/statm), open file descriptors
// (/proc/self/fd) and glibc's heap in use (mallinfo2). After the run, a verdict: did RSS or the fd
// count grow after warm-up (the first W sessions)? RSS may wobble by allocator noise, so growth
// means "more than T KiB above the warm-up checkpoint at the end".
//
// Exit status: 0 all sessions delivered and nothing grew; 1 a session failed (render, save,
// refused answer) or fds grew; 4 only RSS grew; 2 bad command line.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "paths.hpp"
#include "proc_stats.hpp"
#include "questionnaire.hpp"
#include "questionnaire_languages.hpp"
#include "render_summary.hpp"
#include "save.hpp"
#include "session.hpp"
#include "ui_strings.hpp"
#include "utf8.hpp"

namespace {

struct Options {
  int sessions = 1000;
  int every = 100;
  int warmup = -1;  ///< -1: same as `every`
  unsigned long long seed = 20261125;
  long long rss_tolerance_kb = 1024;
  std::string questionnaire_path;
};

// Words with the letters patients type on the kiosk's keyboards.
const std::vector<std::string> kEnglishWords = {
    "I",     "want",    "to",     "sleep", "better", "and",    "feel",  "calmer", "at",     "work", "my",
    "kids",  "notice",  "when",   "rest",  "walk",   "café",   "naïve", "résumé", "week",   "hope", "step",
    "today", "talking", "helps.", "maybe", "often",  "rarely", "2026",  "10/10",  "(soon)", "it's"};
const std::vector<std::string> kSpanishWords = {
    "¿Qué",    "puedo",  "hacer?",  "¡Sí!",    "mañana",   "año",    "niños", "corazón",
    "dormir",  "mejor",  "también", "señora",  "pingüino", "acción", "más",   "tranquila",
    "trabajo", "música", "Ángel",   "Ñandú",   "él",       "está",   "aquí",  "útil",
    "después", "¿Cómo",  "estás?",  "¡Ánimo!", "caminé",   "búho"};

std::size_t code_points(const std::string& text) {
  return rk::utf8_length(text).value_or(text.size());  // the soak writes only valid UTF-8
}

class Patient {
 public:
  explicit Patient(unsigned long long seed) : random_(seed) {}

  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(random_); }

  /// Free text of at most `max_length` code points; about a third reach the limit exactly.
  /// Short texts are one line: `newlines` is false for them (the session refuses a line break).
  std::string text(int max_length, const std::string& language, bool newlines) {
    const auto& words = language == "es" ? kSpanishWords : kEnglishWords;
    const bool long_text = chance(0.35);
    const auto limit =
        static_cast<std::size_t>(long_text ? max_length : between(1, std::max(1, max_length / 4)));
    std::string out;
    while (true) {
      std::string next = words[static_cast<std::size_t>(between(0, static_cast<int>(words.size()) - 1))];
      const std::string separator = out.empty() ? "" : (newlines && chance(0.05) ? "\n" : " ");
      if (code_points(out) + code_points(separator) + code_points(next) > limit) {
        // Fill to the limit exactly with accented letters, so max_length itself is exercised.
        if (long_text) {
          while (code_points(out) < limit) out += chance(0.5) ? "ñ" : "é";
        }
        break;
      }
      out += separator + next;
    }
    if (out.empty()) out = "ñ";  // a first word longer than a short limit
    return out;
  }

  rk::Answer answer(const rk::Item& item, const std::string& language) {
    switch (rk::describe(item.kind).answer) {
      case rk::AnswerShape::Picks: {
        if (rk::describe(item.kind).single_pick) {
          return rk::Answer::pick(
              item.options[static_cast<std::size_t>(between(0, static_cast<int>(item.options.size()) - 1))]
                  .id);
        }
        std::vector<std::string> ids;
        for (const auto& option : item.options) ids.push_back(option.id);
        std::shuffle(ids.begin(), ids.end(), random_);
        const int count = between(std::max(1, item.min_picks), std::max(1, item.effective_max_picks()));
        ids.resize(static_cast<std::size_t>(std::min<int>(count, static_cast<int>(ids.size()))));
        return rk::Answer::picks_of(ids);
      }
      case rk::AnswerShape::Number:
        return rk::Answer::number(between(item.min, item.max));
      case rk::AnswerShape::Text:
        return rk::Answer::free_text(
            text(item.max_length > 0 ? item.max_length : 200, language, !rk::describe(item.kind).one_line));
      case rk::AnswerShape::None:
        break;
    }
    return {};
  }

  std::mt19937_64& engine() { return random_; }

 private:
  std::mt19937_64 random_;
};

struct Counters {
  int refused_answers = 0;
  int render_failures = 0;
  int save_failures = 0;
  int delete_failures = 0;
  int pages_rendered = 0;
  long long pdf_bytes = 0;
};

/// Answers what is on the current page (skipping some items), as a patient tapping through.
void answer_page(rk::Session& session, Patient& patient, Counters& counters) {
  for (const rk::Item* item : session.visible_items()) {
    if (item->kind == rk::ItemKind::Info) continue;
    if (!item->required && patient.chance(0.12)) continue;  // every item may be skipped
    if (!session.set_answer(item->id, patient.answer(*item, session.language()))) {
      ++counters.refused_answers;
      std::fprintf(stderr, "soak: the session refused an answer to '%s'\n", item->id.c_str());
    }
  }
}

/// One patient from Welcome to Done; returns the summary.
rk::Summary run_session(const rk::Questionnaire& questionnaire, int index, Patient& patient,
                        Counters& counters) {
  rk::Session session(questionnaire);
  const std::string language = index % 2 == 0 ? "en" : "es";
  const auto started = std::chrono::system_clock::now() - std::chrono::minutes(patient.between(2, 20));
  session.start(language, started);
  int guard = 0;
  while (session.stage() == rk::Session::Stage::Page && ++guard < 1000) {
    answer_page(session, patient, counters);
    if (patient.chance(0.05)) session.set_language(session.language() == "en" ? "es" : "en");
    if (patient.chance(0.05) && session.back() && session.stage() == rk::Session::Stage::Page) {
      answer_page(session, patient, counters);  // changed their mind on the page before
    }
    if (session.stage() == rk::Session::Stage::Welcome) session.start(session.language(), started);
    if (!session.next()) answer_page(session, patient, counters);  // should not happen: nothing is required
  }
  if (session.stage() == rk::Session::Stage::Review) {
    for (const auto& page : questionnaire.pages) {
      for (const auto& item : page.items) {
        if (session.answer(item.id) != nullptr && patient.chance(0.04)) session.set_left_off(item.id, true);
      }
    }
    const auto& items = questionnaire.pages.back().items;
    if (!items.empty() && patient.chance(0.1) && session.edit(items.front().id)) {
      answer_page(session, patient, counters);
      session.next();  // back to review
    }
  }
  if (session.stage() != rk::Session::Stage::Review) session.review();
  auto summary = session.finish(std::chrono::system_clock::now());
  summary.kiosk_name = "Soak bench";
  session.wipe();
  return summary;
}

struct Checkpoint {
  int session = 0;
  long long rss = 0;
  int fds = 0;
  long long heap = 0;
};

Checkpoint checkpoint(int session) {
  const struct mallinfo2 heap = mallinfo2();
  return {session, rk::bench::rss_bytes(), rk::bench::open_fd_count(), static_cast<long long>(heap.uordblks)};
}

double mib(long long bytes) {
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}
double kib(long long bytes) {
  return static_cast<double>(bytes) / 1024.0;
}

int usage() {
  std::fprintf(
      stderr,
      "usage: rk_bench_soak [--sessions N] [--every K] [--warmup W] [--seed S] [--rss-tolerance-kb T] "
      "[--questionnaire FILE]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  options.questionnaire_path = rk::data_dir() + "/questionnaires/readiness-and-strengths.toml";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (arg == "--sessions") {
      options.sessions = std::atoi(value.c_str());
    } else if (arg == "--every") {
      options.every = std::atoi(value.c_str());
    } else if (arg == "--warmup") {
      options.warmup = std::atoi(value.c_str());
    } else if (arg == "--seed") {
      options.seed = std::strtoull(value.c_str(), nullptr, 10);
    } else if (arg == "--rss-tolerance-kb") {
      options.rss_tolerance_kb = std::atoll(value.c_str());
    } else if (arg == "--questionnaire") {
      options.questionnaire_path = value;
    } else {
      return usage();
    }
  }
  if (options.warmup < 0) options.warmup = options.every;
  if (options.sessions < 1 || options.every < 1 || options.warmup < 1 || options.warmup >= options.sessions) {
    std::fprintf(stderr, "rk_bench_soak: need sessions >= 1, every >= 1 and 1 <= warmup < sessions\n");
    return usage();
  }

  const rk::UiStringsResult languages = rk::load_shipped_languages();
  for (const auto& e : languages.errors) std::fprintf(stderr, "%s\n", e.format().c_str());
  if (!languages.ok()) return 1;
  const auto loaded = rk::load_questionnaire_file(options.questionnaire_path, languages.strings);
  if (!loaded.ok()) {
    for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.format().c_str());
    return 1;
  }
  std::string folder_template = (std::filesystem::temp_directory_path() / "rk-soak-XXXXXX").string();
  if (mkdtemp(folder_template.data()) == nullptr) {
    std::perror("rk_bench_soak: mkdtemp");
    return 1;
  }
  const std::string folder = folder_template;

  Patient patient(options.seed);
  Counters counters;
  std::vector<Checkpoint> checkpoints;
  const auto wall_start = std::chrono::steady_clock::now();
  std::printf("soak: %d sessions, seed %llu, saving to %s (each file deleted after the save)\n",
              options.sessions, options.seed, folder.c_str());
  std::printf("soak: %8s %10s %5s %12s %10s\n", "session", "RSS MiB", "fds", "heap KiB", "ms/session");
  const auto start_point = checkpoint(0);
  std::printf("soak: %8d %10.2f %5d %12.1f %10s\n", 0, mib(start_point.rss), start_point.fds,
              kib(start_point.heap), "-");
  auto last_mark = wall_start;
  for (int index = 1; index <= options.sessions; ++index) {
    const rk::Summary summary = run_session(*loaded.questionnaire, index, patient, counters);
    const auto rendered = rk::report::render_summary(summary, languages.strings);
    if (!rendered.ok()) {
      ++counters.render_failures;
      std::fprintf(stderr, "soak: session %d: render failed: %s\n", index, rendered.error.c_str());
    } else {
      counters.pages_rendered += rendered.pages;
      counters.pdf_bytes += static_cast<long long>(rendered.pdf.size());
      const auto saved = rk::delivery::save_summary(rendered.pdf, folder, std::chrono::system_clock::now());
      if (!saved.ok()) {
        ++counters.save_failures;
        std::fprintf(stderr, "soak: session %d: save failed: %s\n", index, saved.reason.c_str());
      } else {
        std::error_code error;
        if (!std::filesystem::remove(saved.path, error)) ++counters.delete_failures;
      }
    }
    if (index % options.every == 0 || index == options.warmup || index == options.sessions) {
      const auto now = std::chrono::steady_clock::now();
      const auto point = checkpoint(index);
      const int since = checkpoints.empty() ? index : index - checkpoints.back().session;
      checkpoints.push_back(point);
      std::printf("soak: %8d %10.2f %5d %12.1f %10.1f\n", index, mib(point.rss), point.fds, kib(point.heap),
                  std::chrono::duration<double, std::milli>(now - last_mark).count() / std::max(1, since));
      std::fflush(stdout);
      last_mark = now;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  std::error_code ignored;
  std::filesystem::remove_all(folder, ignored);

  // Verdict: compare every checkpoint after warm-up with the warm-up checkpoint.
  Checkpoint base{};
  for (const auto& point : checkpoints) {
    if (point.session == options.warmup) base = point;
  }
  const Checkpoint& last = checkpoints.back();
  int fd_max = base.fds;
  long long rss_max = base.rss;
  for (const auto& point : checkpoints) {
    if (point.session < options.warmup) continue;
    fd_max = std::max(fd_max, point.fds);
    rss_max = std::max(rss_max, point.rss);
  }
  const bool fds_grew = fd_max > base.fds;
  const bool rss_grew = last.rss - base.rss > options.rss_tolerance_kb * 1024;
  const int failures =
      counters.refused_answers + counters.render_failures + counters.save_failures + counters.delete_failures;

  std::printf("soak: %d sessions in %.1f s (%.1f ms each), %d pages rendered, mean PDF %.1f KB\n",
              options.sessions, seconds, 1000.0 * seconds / options.sessions, counters.pages_rendered,
              static_cast<double>(counters.pdf_bytes) / 1024.0 /
                  std::max(1, options.sessions - counters.render_failures));
  std::printf("soak: failures: %d refused answers, %d renders, %d saves, %d deletes\n",
              counters.refused_answers, counters.render_failures, counters.save_failures,
              counters.delete_failures);
  std::printf(
      "soak: after warm-up (session %d): RSS %.2f -> %.2f MiB at the end (max %.2f, %+lld KiB; tolerance "
      "%lld KiB): %s\n",
      options.warmup, mib(base.rss), mib(last.rss), mib(rss_max), (last.rss - base.rss) / 1024,
      options.rss_tolerance_kb, rss_grew ? "GREW" : "no growth");
  std::printf("soak: after warm-up: open fds %d -> %d (max %d): %s\n", base.fds, last.fds, fd_max,
              fds_grew ? "GREW" : "no growth");
  std::printf("soak: heap in use (glibc mallinfo2; meaningless under ASan) %.1f -> %.1f KiB\n",
              kib(base.heap), kib(last.heap));
  const bool ok = failures == 0 && !fds_grew && !rss_grew;
  std::printf("soak: verdict: %s\n", ok ? "PASS (no failures, no growth after warm-up)"
                                        : (failures > 0 || fds_grew ? "FAIL" : "RSS GREW"));
  if (failures > 0 || fds_grew) return 1;
  return rss_grew ? 4 : 0;
}
