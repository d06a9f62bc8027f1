// Read aloud for real: espeak-ng speaking through SDL's "disk" audio driver (it writes what a
// sound card would play to a file, in real time), driven by the headless kiosk UI. The file is
// read back and measured: speech is where sound rises above 1 % of full scale.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "audit_log.hpp"
#include "harness.hpp"
#include "speech_engine.hpp"
#include "voices.hpp"
#include "walker.hpp"

namespace rk::test {
namespace {

namespace fs = std::filesystem;
using rk::app::SpeechEngine;
using rk::app::SpeechSettings;
using rk::ui::Screen;

constexpr double kRate = 22050.0;  // espeak-ng's sample rate, which the engine opens SDL with
constexpr int kLoud = 328;         // 1 % of full scale

/// SDL's disk audio driver writing into a fresh file of a temporary folder.
struct DiskAudio {
  fs::path dir = fs::temp_directory_path() / ("rk-read-aloud-" + std::to_string(::getpid()));
  fs::path file = dir / "out.raw";
  DiskAudio() {
    fs::create_directories(dir);
    fs::remove(file);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
  }
  ~DiskAudio() {
    std::error_code ec;
    fs::remove_all(dir, ec);
    unsetenv("SDL_AUDIODRIVER");
    unsetenv("SDL_DISKAUDIOFILE");
  }
  DiskAudio(const DiskAudio&) = delete;
  DiskAudio& operator=(const DiskAudio&) = delete;

  /// The samples written so far (16-bit mono).
  [[nodiscard]] std::vector<std::int16_t> samples() const {
    std::ostringstream buffer;
    buffer << std::ifstream(file, std::ios::binary).rdbuf();
    const std::string bytes = buffer.str();
    std::vector<std::int16_t> out(bytes.size() / 2);
    std::memcpy(out.data(), bytes.data(), out.size() * 2);
    return out;
  }
};

struct Loudness {
  double first = -1.0;  ///< seconds into the file of the first loud sample (-1: none)
  double last = -1.0;   ///< ... of the last one
  long loud = 0;        ///< loud samples
  [[nodiscard]] double span() const { return first < 0 ? 0.0 : last - first; }
};

Loudness measure(const std::vector<std::int16_t>& samples) {
  Loudness l;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    if (std::abs(static_cast<int>(samples[i])) < kLoud) continue;
    if (l.first < 0) l.first = static_cast<double>(i) / kRate;
    l.last = static_cast<double>(i) / kRate;
    ++l.loud;
  }
  return l;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

/// Polls `done` for up to `seconds` of real time.
template <class F>
bool wait_for(F done, double seconds) {
  const auto start = std::chrono::steady_clock::now();
  while (!done()) {
    if (seconds_since(start) > seconds) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

std::size_t words_in(const std::vector<std::string>& phrases) {
  std::size_t n = 0;
  for (const auto& p : phrases) n += static_cast<std::size_t>(std::count(p.begin(), p.end(), ' ')) + 1;
  return n;
}

const std::vector<std::string> kShort = {"There are no right or wrong answers.",
                                         "Every question is optional."};
const std::vector<std::string> kLong = {
    "There are no right or wrong answers.",
    "Tap an answer to choose it, then tap Next.",
    "Every question is optional, and your answers go only to your therapist.",
    "You can go back and change an answer at any time.",
    "About four minutes. Take your time.",
};

}  // namespace

TEST_CASE("reading produces real speech whose length fits the text") {
  DiskAudio audio;
  Loudness heard;
  {
    SpeechEngine engine(SpeechSettings{}, 0);
    REQUIRE_MESSAGE(engine.unavailable_reason().empty(), engine.unavailable_reason());
    REQUIRE(engine.can_speak("en"));
    engine.speak("en", kShort);
    CHECK(engine.speaking());
    REQUIRE(wait_for([&] { return !engine.speaking(); }, 20.0));
    REQUIRE(engine.seconds_to_first_sound().has_value());
    CHECK(engine.voice_in_use() == "gmw/en-US");
  }  // closes the device: the file is complete
  heard = measure(audio.samples());
  // 11 words at 150 words a minute: about 4.4 s, give or take espeak-ng's own pacing and pauses.
  const double nominal = static_cast<double>(words_in(kShort)) / 150.0 * 60.0;
  MESSAGE("heard " << heard.span() << " s of speech for a nominal " << nominal << " s");
  CHECK(heard.loud > static_cast<long>(0.2 * kRate));  // at least 0.2 s of sound above 1 %
  CHECK(heard.span() > 0.5 * nominal);
  CHECK(heard.span() < 1.5 * nominal);
}

TEST_CASE("a longer text takes longer, and stopping cuts it short at once") {
  DiskAudio audio;
  double stopped_at = 0.0;
  {
    SpeechEngine engine(SpeechSettings{}, 0);
    REQUIRE(engine.unavailable_reason().empty());
    const auto asked = std::chrono::steady_clock::now();
    engine.speak("en", kLong);
    REQUIRE(wait_for([&] { return engine.seconds_to_first_sound().has_value(); }, 5.0));
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    engine.stop();
    stopped_at = seconds_since(asked);
    CHECK_FALSE(engine.speaking());
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  const Loudness heard = measure(audio.samples());
  const double nominal = static_cast<double>(words_in(kLong)) / 150.0 * 60.0;  // about 16 s
  MESSAGE("stopped " << stopped_at << " s after asking; sound ended " << heard.last << " s into the file");
  CHECK(heard.loud > 0);
  // The file starts when the device opens, after the request: sound ends within two buffers
  // (about 50 ms) of the stop.
  CHECK(heard.last < stopped_at + 0.05);
  CHECK(heard.last < 0.25 * nominal);
}

TEST_CASE("voices: which languages espeak-ng speaks, and the voice chosen for each") {
  DiskAudio audio;
  SpeechEngine engine(SpeechSettings{}, 0);
  REQUIRE(engine.unavailable_reason().empty());
  CHECK(engine.voice("en") == "gmw/en-US");
  CHECK(engine.voice("es") == "roa/es-419");
  CHECK(engine.voice("pt") == "roa/pt-BR");
  CHECK(engine.voice("zh") == "sit/cmn-Latn-pinyin");  // not "cmn": it says tone numbers in English
  CHECK(engine.voice("en-GB") == "gmw/en");
  for (const char* speaks : {"en", "es", "fr", "pt", "vi", "zh", "ko", "ar", "pt-BR"}) {
    CHECK_MESSAGE(engine.can_speak(speaks), speaks);
  }
  CHECK_FALSE(engine.can_speak("tl"));  // espeak-ng 1.51 has no Tagalog / Filipino voice
  CHECK_FALSE(engine.can_speak("fil"));
  // MBROLA voices are listed by espeak-ng but never chosen (their data is not installed).
  const std::vector<rk::app::InstalledVoice> only_mbrola = {{"mb/mb-es3", {"es", "es-es"}}};
  CHECK(rk::app::voice_for("es", only_mbrola).empty());
}

TEST_CASE("the kiosk: Read aloud reads the page, switching to Spanish changes the voice") {
  DiskAudio audio;
  SpeechEngine engine(SpeechSettings{}, 0);
  {
    Harness h(1080, 1920, {}, nullptr, &engine);
    REQUIRE(h.has("read.page"));
    REQUIRE(h.has("opt.read_aloud"));
    REQUIRE(h.tap("read.page"));
    CHECK(engine.speaking());
    CHECK(engine.last_phrases().front() == "Welcome");
    REQUIRE(wait_for([&] { return engine.voice_in_use() == "gmw/en-US"; }, 5.0));
    h.frame();
    CHECK(h.find("read.page")->label == "Stop reading");

    REQUIRE(h.tap("lang.es"));
    CHECK_FALSE(engine.speaking());  // a change of language stops the English at once
    CHECK(h.find("read.page")->label == "Leer en voz alta");
    REQUIRE(h.tap("read.page"));
    CHECK(engine.last_phrases().front() == "Le damos la bienvenida");
    REQUIRE(wait_for([&] { return engine.voice_in_use() == "roa/es-419"; }, 5.0));
    REQUIRE(wait_for([&] { return engine.seconds_to_first_sound().has_value(); }, 5.0));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    REQUIRE(h.tap("read.page"));  // tapped again: stops
    CHECK_FALSE(engine.speaking());
  }
}

TEST_CASE("the kiosk: Read aloud reads each question's answers (options, Yes and No, a ruler's ends), "
          "never the patient's typed words") {
  DiskAudio audio;
  SpeechEngine engine(SpeechSettings{}, 0);
  Harness h(1080, 1920, {}, nullptr, &engine);
  REQUIRE(h.tap("welcome.start"));
  const auto heard = [&](const std::string& start) {
    const auto& phrases = engine.last_phrases();
    return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) { return p.rfind(start, 0) == 0; });
  };
  const auto end_of_ruler = [](int n, const Text& label) {
    return label.in("en").empty() ? std::to_string(n) : std::to_string(n) + ", " + label.in("en");
  };
  int options = 0, yes_no = 0, rulers = 0, typed = 0;
  for (int pages = 0; h.ui().screen() == Screen::Question && pages < 40; ++pages) {
    for (const Item* item : h.ui().session().visible_items()) {
      if (describe(item->kind).answer != AnswerShape::Text || !h.tap("text." + item->id)) continue;
      for (const char* key : {"q", "z", "x"}) REQUIRE(h.tap(std::string("kbd.") + key));
      REQUIRE(h.tap("kbd.done"));
      ++typed;
    }
    REQUIRE(h.tap("read.page"));
    for (const auto& p : engine.last_phrases()) CHECK(p.find("qzx") == std::string::npos);
    for (const Item* item : h.ui().session().visible_items()) {
      CAPTURE(item->id);
      const ItemKindInfo& kind = describe(item->kind);
      if (!kind.fixed_options.empty()) {
        CHECK(heard("Yes"));
        CHECK(heard("No"));
        ++yes_no;
      } else if (kind.answer == AnswerShape::Picks) {
        for (const Option& o : item->options) CHECK(heard(o.label.in("en")));
        ++options;
      } else if (kind.answer == AnswerShape::Number) {
        CHECK(heard(end_of_ruler(item->min, item->min_label)));
        CHECK(heard(end_of_ruler(item->max, item->max_label)));
        ++rulers;
      }
    }
    REQUIRE(h.tap("read.page"));  // stops
    REQUIRE(h.tap("nav.next"));
  }
  CHECK(options > 0);
  CHECK(yes_no + rulers > 0);
  CHECK(typed > 0);
}

TEST_CASE("the kiosk: a page change stops the speech in the same frame") {
  DiskAudio audio;
  double stopped_at = 0.0;
  {
    SpeechEngine engine(SpeechSettings{}, 0);
    Harness h(1080, 1920, {}, nullptr, &engine);
    REQUIRE(h.tap("welcome.start"));
    REQUIRE(h.ui().screen() == Screen::Question);
    const auto asked = std::chrono::steady_clock::now();
    REQUIRE(h.tap("read.page"));
    REQUIRE(wait_for([&] { return engine.seconds_to_first_sound().has_value(); }, 5.0));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    REQUIRE(engine.speaking());

    const int page = h.ui().session().page_index();
    const ui::WidgetInfo* next = h.find("nav.next");
    REQUIRE(next != nullptr);
    h.wait(0.5, 0.1);
    h.press_at(next->x + next->w / 2, next->y + next->h / 2);
    CHECK(engine.speaking());
    h.release();  // the one frame in which Next is accepted
    stopped_at = seconds_since(asked);
    CHECK(h.ui().session().page_index() != page);
    CHECK_FALSE(engine.speaking());
    h.lift();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  const Loudness heard = measure(audio.samples());
  CHECK(heard.loud > 0);
  CHECK(heard.last < stopped_at + 0.05);
}

TEST_CASE("the kiosk: \"Are you still there?\" and the idle wipe stop the speech") {
  DiskAudio audio;
  SpeechEngine engine(SpeechSettings{}, 0);
  Harness h(1080, 1920, {}, nullptr, &engine);
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("read.page"));
  REQUIRE(engine.speaking());
  h.wait(h.config().idle_timeout_seconds + 1.0);  // kiosk time: the prompt shows
  REQUIRE(h.ui().idle_prompt_showing());
  CHECK_FALSE(engine.speaking());
  REQUIRE(h.tap("idle.continue"));
  REQUIRE(h.tap("read.page"));
  REQUIRE(engine.speaking());
  h.wait(h.config().idle_timeout_seconds + h.config().idle_countdown_seconds + 2.0);
  CHECK(h.ui().screen() == Screen::Welcome);  // wiped
  CHECK_FALSE(engine.speaking());
}

TEST_CASE("the kiosk: no audio device, no Read aloud, and the log says why") {
  setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
  const fs::path log = fs::temp_directory_path() / ("rk-read-aloud-log-" + std::to_string(::getpid()));
  fs::remove(log);
  REQUIRE(rk::set_audit_file(log.string()));
  {
    SpeechEngine engine(SpeechSettings{}, 0);
    CHECK(engine.unavailable_reason().find("no audio driver") != std::string::npos);
    CHECK_FALSE(engine.can_speak("en"));
    Harness h(1080, 1920, {}, nullptr, &engine);
    CHECK_FALSE(h.has("read.page"));
    CHECK_FALSE(h.has("opt.read_aloud"));
    REQUIRE(h.tap("welcome.start"));
    CHECK_FALSE(h.has("read.page"));
  }
  rk::set_audit_file("");
  unsetenv("SDL_AUDIODRIVER");
  std::ostringstream buffer;
  buffer << std::ifstream(log).rdbuf();
  const std::string text = buffer.str();
  CHECK(text.find("read-aloud-off reason=\"no audio driver") != std::string::npos);
  fs::remove(log);
}

TEST_CASE("the kiosk: a language espeak-ng cannot speak shows no button, the clinic can turn it off") {
  const LoadResult loaded = load_questionnaire_text(R"(
id = "tl-check"
version = "1"
minutes = 1
languages = ["en", "tl"]
default_language = "en"
title = { en = "Check-in", tl = "Pag-check-in" }
[[page]]
id = "p"
[[page.item]]
id = "q"
kind = "single_choice"
text = { en = "Do you feel ready?", tl = "Handa ka na ba?" }
[[page.item.option]]
id = "a"
label = { en = "Ready", tl = "Handa" }
)",
                                                    "tl-check.toml");
  for (const auto& e : loaded.errors) MESSAGE(e.format());
  REQUIRE(loaded.ok());
  DiskAudio audio;
  SpeechEngine engine(SpeechSettings{}, 0);
  {
    Harness h(1080, 1920, {}, &*loaded.questionnaire, &engine);
    CHECK(h.has("read.page"));
    REQUIRE(h.tap("lang.tl"));
    CHECK_FALSE(h.has("read.page"));
    CHECK_FALSE(h.has("opt.read_aloud"));
  }
  KioskConfig off;
  off.read_aloud = ReadAloud::Off;
  Harness h(1080, 1920, off, nullptr, &engine);
  CHECK_FALSE(h.has("read.page"));
  CHECK_FALSE(h.has("opt.read_aloud"));
}

TEST_CASE("the kiosk: read-what-I-tap says an option as it is chosen") {
  DiskAudio audio;
  SpeechEngine engine(SpeechSettings{}, 0);
  KioskConfig always;
  always.read_aloud = ReadAloud::Always;
  Harness h(1080, 1920, always, nullptr, &engine);
  REQUIRE(h.tap("welcome.start"));
  while (h.ui().screen() == Screen::Question && h.ui().session().page().id != "today")
    REQUIRE(h.tap("nav.next"));
  REQUIRE(h.ui().screen() == Screen::Question);
  const Item* item = h.ui().session().visible_items().front();
  REQUIRE(item->kind == ItemKind::SingleChoice);
  const std::string id = "item." + item->id + ".option." + item->options[1].id;
  REQUIRE(h.tap(id));
  CHECK(engine.last_phrases() == std::vector<std::string>{h.find(id)->label});
  CHECK(engine.speaking());
  REQUIRE(h.ui().session().answer(item->id) != nullptr);  // and it is chosen
  REQUIRE(h.tap("opt.read_aloud"));                       // the patient turns it off
  REQUIRE(h.tap("item." + item->id + ".option." + item->options[0].id));
  CHECK(engine.last_phrases() == std::vector<std::string>{h.find(id)->label});  // nothing new said
}

// Done when: every question and option of the default questionnaire can be heard, in English and
// Spanish, exactly as the screen shows it, and nothing the patient typed is ever said.
TEST_CASE("every question and option of the default questionnaire is read, in English and Spanish") {
  DiskAudio audio;
  SpeechEngine engine(SpeechSettings{}, 0);
  for (const bool spanish : {false, true}) {
    CAPTURE(spanish);
    Harness h(1080, 1920, {}, nullptr, &engine);
    if (spanish) REQUIRE(h.tap("lang.es"));
    REQUIRE(h.tap("welcome.start"));
    const std::string typed = spanish ? "año día" : "hi there";
    int pages = 0;
    while (h.ui().screen() == Screen::Question) {
      const Session& session = h.ui().session();
      CAPTURE(session.page().id);
      REQUIRE(h.tap("read.page"));
      const std::vector<std::string> said = engine.last_phrases();
      const auto says = [&](const std::string& text) {
        return std::find(said.begin(), said.end(), text) != said.end();
      };
      if (!session.page().title.empty()) CHECK(says(session.resolve(session.page().title)));
      for (const Item* item : session.visible_items()) {
        CHECK_MESSAGE(says(session.resolve_spoken(item->text)), item->id);
        if (!item->help.empty()) CHECK(says(session.resolve_spoken(item->help)));
        if (item->kind == ItemKind::Ruler) {
          CHECK(std::any_of(said.begin(), said.end(),
                            [&](const std::string& p) { return p.rfind("0, ", 0) == 0; }));
          CHECK(std::any_of(said.begin(), said.end(),
                            [&](const std::string& p) { return p.rfind("10, ", 0) == 0; }));
        }
      }
      // Every option button on screen, by the label it shows.
      for (const ui::WidgetInfo& w : h.ui().widgets()) {
        if (w.id.rfind("item.", 0) != 0 && w.id.rfind("card.", 0) != 0) continue;
        CHECK_MESSAGE(std::any_of(said.begin(), said.end(),
                                  [&](const std::string& p) { return p.rfind(w.label, 0) == 0; }),
                      w.id << " \"" << w.label << "\"");
      }
      for (const std::string& p : said) CHECK_MESSAGE(p.find(typed) == std::string::npos, p);
      answer_page_by_taps(h, spanish);
      REQUIRE(h.tap("nav.next"));
      REQUIRE(++pages < 50);
    }
    CHECK(h.ui().screen() == Screen::Review);
    CHECK(pages >= 8);
  }
}

}  // namespace rk::test
