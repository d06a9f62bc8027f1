// What the patient sees, read from the X server: the real kiosk under its own Xvfb, portrait
// 1080x1920 and landscape 1920x1080, walked through every screen of the default questionnaire in
// every language the file ships, with normal text, larger text and high contrast (the first
// language in full; Arabic and Chinese through the first ruler, then review), each display option
// toggled on and off twice on the screens that show it, finishing, thank-you, the staff PIN pad
// and the staff screen. After each step the root window is grabbed (`import`), and the test fails
// when it is blank or nearly so, or when it differs from the reviewed reference in
// tests/e2e/references/ beyond the tolerance below.
//
//   Regenerate the references after an intended change:  scripts/update-references.sh
//   (then look at tests/e2e/references/*.png and commit them).
// On a failure, <name>-actual.png (full size), -expected.png and -diff.png are written to
// build/Testing/Temporary/pixels/, next to CTest's LastTest.log.
//
// Index: tolerance · Camera (grab, blank check, compare / update) · walking the kiosk · the tests
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <set>

#include "e2e_support.hpp"
#include "pixels.hpp"
#include "questionnaire.hpp"

namespace {

using rk::e2e::GreyImage;
using rk::e2e::Items;
using rk::e2e::KioskDriver;
using rk::e2e::require_sent;
using rk::e2e::tap;
using rk::e2e::TempDir;
using rk::e2e::Xvfb;

// --- tolerance ---------------------------------------------------------------------------------
// Mesa's llvmpipe draws the same frame the same way each run, so two runs of an unchanged kiosk
// differ only where time shows: the idle countdown's digits, a press highlight fading. On the
// 1/5-size greyscale image a changed word moves a few hundred pixels by more than kDiffLevel;
// the countdown digits move fewer than 60 (0.07 % of 216x384). 0.25 % lets the clock tick and
// still fails on one missing or rewrapped label (a 10-letter label is ~0.3 %), a moved button,
// a changed colour scheme or text size.
constexpr double kMaxChangedFraction = 0.0025;
// A real screen has text on a background: the emptiest (the thank-you page) has ~3 % busy pixels.
// Under 0.5 % is a blank or nearly blank screen (black after a failed font upload, one colour).
constexpr double kMinBusyFraction = 0.005;

const std::filesystem::path kReferences = std::filesystem::path(RK_SOURCE_DIR) / "tests/e2e/references";
const std::filesystem::path kFailures = std::filesystem::path(RK_BINARY_DIR) / "Testing/Temporary/pixels";

bool updating_references() {
  const char* v = std::getenv("RK_UPDATE_REFERENCES");
  return v != nullptr && std::string(v) == "1";
}

// --- Camera ------------------------------------------------------------------------------------
/// Grabs the X server's root window after each step and checks it. Shots with the same name share
/// one reference: a screen after an option went on and off again must look as it did before.
class Camera {
 public:
  Camera(std::string shape, std::string display, std::filesystem::path work)
      : shape_(std::move(shape)), display_(std::move(display)), work_(std::move(work)) {}

  struct Options {
    /// Widgets (drawn-only text that names files and times) painted black in the picture and its
    /// reference alike: left out of the comparison.
    std::vector<std::string> unstable;
    /// The name of a screen that shows only briefly (Finishing, 2 s): the kiosk is stopped (SIGSTOP)
    /// while it is on show, read from the X server, then continued, however slow the machine.
    std::string brief;
  };

  /// Checks the screen on show: its layout (the kiosk's own check in the item file), then pixels.
  void shot(KioskDriver& kiosk, const std::string& name, const Options& options = {}) {
    const std::string full_name = shape_ + "-" + name;
    std::optional<Items> items;
    if (!options.brief.empty()) {
      kiosk.process().signal(SIGSTOP);
      items = kiosk.items();  // the last frame drawn: what the X server shows
    } else {
      // Let the step settle (the frames after a tap, a strip that comes with the new content), then
      // one more frame: the picture no longer depends on when the grab happens.
      REQUIRE(kiosk.send("wait-ms 250"));
      items = kiosk.send("wait-frames 1");
    }
    struct Continue {  // the kiosk runs on, whatever happens below
      KioskDriver& kiosk;
      bool stopped;
      ~Continue() {
        if (stopped) kiosk.process().signal(SIGCONT);
      }
    } const resume{kiosk, !options.brief.empty()};
    REQUIRE_MESSAGE(items.has_value(), kiosk.error());
    if (!options.brief.empty())
      REQUIRE_MESSAGE(items->screen == options.brief, full_name << ": went by unseen");
    for (const std::string& fault : items->layout_faults) FAIL_CHECK(full_name << ": " << fault);
    const auto grabbed = work_ / (full_name + ".png");
    auto image = rk::e2e::grab_root_window(display_, grabbed);
    INFO("screen " << full_name);
    REQUIRE_MESSAGE(image.has_value(), "cannot read the root window of " << display_ << " (import/convert)");
    ++shots_;
    for (const std::string& id : options.unstable) {
      const rk::e2e::Widget* w = items->find(id);
      REQUIRE_MESSAGE(w != nullptr,
                      full_name << ": no '" << id << "' on screen to leave out of the comparison");
      rk::e2e::mask_screen_rect(*image, w->x, w->y, w->w, w->h);
    }
    const double busy = rk::e2e::busy_fraction(*image);
    if (busy < kMinBusyFraction) keep_failure(full_name, grabbed, *image, nullptr);
    CHECK_MESSAGE(busy >= kMinBusyFraction, full_name << " is blank or nearly blank (" << busy * 100
                                                       << " % of pixels differ from the background)");
    const auto reference = kReferences / (full_name + ".png");
    if (updating_references() && !written_.contains(full_name)) {
      REQUIRE(rk::e2e::write_grey_png(*image, reference));
      written_.insert(full_name);
      return;
    }
    const auto expected = rk::e2e::read_grey_png(reference);
    if (!expected) {
      keep_failure(full_name, grabbed, *image, nullptr);
      FAIL_CHECK("no reference image " << reference.string()
                                       << ": run scripts/update-references.sh, look at the new images "
                                          "and commit them");
      return;
    }
    const auto d = rk::e2e::compare(*image, *expected);
    if (d.changed_fraction > largest_change_) {
      largest_change_ = d.changed_fraction;
      largest_change_name_ = full_name;
    }
    if (d.changed_fraction > kMaxChangedFraction) keep_failure(full_name, grabbed, *image, &d);
    CHECK_MESSAGE(d.changed_fraction <= kMaxChangedFraction,
                  full_name << " differs from its reference in " << d.changed_fraction * 100 << " % of pixels (limit "
                            << kMaxChangedFraction * 100 << " %); see " << (kFailures / full_name).string()
                            << "-{actual,expected,diff}.png, or if the change is intended run "
                               "scripts/update-references.sh");
  }
  [[nodiscard]] int shots() const { return shots_; }
  [[nodiscard]] double largest_change() const { return largest_change_; }
  [[nodiscard]] const std::string& largest_change_name() const { return largest_change_name_; }

 private:
  void keep_failure(const std::string& name, const std::filesystem::path& grabbed, const GreyImage& small,
                    const rk::e2e::Difference* d) {
    std::filesystem::create_directories(kFailures);
    std::filesystem::copy_file(grabbed, kFailures / (name + "-actual.png"),
                               std::filesystem::copy_options::overwrite_existing);
    rk::e2e::write_grey_png(small, kFailures / (name + "-actual-small.png"));
    if (d != nullptr && d->same_size) {
      rk::e2e::write_grey_png(d->diff, kFailures / (name + "-diff.png"));
      std::filesystem::copy_file(kReferences / (name + ".png"), kFailures / (name + "-expected.png"),
                                 std::filesystem::copy_options::overwrite_existing);
    }
  }

  std::string shape_;
  std::string display_;
  std::filesystem::path work_;
  std::set<std::string> written_;
  int shots_ = 0;
  double largest_change_ = 0;
  std::string largest_change_name_;
};

// --- walking the kiosk -------------------------------------------------------------------------
const rk::e2e::Widget* first_with_prefix(const Items& items, const std::string& prefix) {
  const auto all = items.with_prefix(prefix);
  return all.empty() ? nullptr : all.front();
}

/// The display options the top bar shows, toggled on and off twice on this screen: each "on"
/// picture is checked against `<name>-<option>`, each "off" picture against `<name>` again.
/// Languages count as an option: each other language on, then back to `language`.
void toggle_options(KioskDriver& kiosk, Camera& camera, const std::string& name, const std::string& language,
                    const std::vector<std::string>& languages) {
  std::vector<std::pair<std::string, std::string>> options;  // widget to tap on, widget to tap off
  for (const char* option : {"opt.large_text", "opt.high_contrast"}) options.emplace_back(option, option);
  for (const auto& other : languages)
    if (other != language) options.emplace_back("lang." + other, "lang." + language);
  for (const auto& [on, off] : options) {
    const Items now = require_sent(kiosk, "wait-frames 1");
    if (now.find(on) == nullptr) continue;  // this screen has no top bar
    const std::string suffix = on.substr(on.find('.') + 1);
    for (int round = 0; round < 2; ++round) {
      tap(kiosk, on);
      camera.shot(kiosk, name + "-" + suffix);
      tap(kiosk, off);
      camera.shot(kiosk, name);
    }
  }
}

struct Walk {
  std::string language;
  std::string variant;  ///< "normal", "large" or "contrast"
  bool toggles = false;  ///< toggle every option on the main screens (done once per shape)
  bool idle = false;     ///< wait for the idle prompt on the third page
  bool to_first_ruler = false;  ///< only the pages up to the first ruler, then Review (a shorter walk)
};

/// From Welcome, one whole session: every question page (answering a ruler and a card so the
/// follow-up pages show), the keyboard, review, finishing, thank-you; back on Welcome at the end.
void walk_session(KioskDriver& kiosk, Camera& camera, const Walk& walk, const std::vector<std::string>& languages,
                  int idle_seconds) {
  const std::string tag = walk.language + "-" + walk.variant + "-";
  const auto toggles = [&](const std::string& name) {
    if (walk.toggles) toggle_options(kiosk, camera, tag + name, walk.language, languages);
  };
  // Each session starts in the clinic's defaults (the kiosk resets the options for the next patient).
  Items items = tap(kiosk, "lang." + walk.language);
  if (walk.variant == "large") items = tap(kiosk, "opt.large_text");
  if (walk.variant == "contrast") items = tap(kiosk, "opt.high_contrast");
  camera.shot(kiosk, tag + "welcome");
  toggles("welcome");
  // Start is in the fixed bottom bar: in sight without scrolling, whatever the language and text size.
  items = require_sent(kiosk, "wait-frames 1");
  REQUIRE_MESSAGE(items.find("welcome.start") != nullptr, tag << "welcome: Start is not on screen");
  items = tap(kiosk, "welcome.start");
  bool keyboard_shown = false;
  bool ruler_toggled = false;
  for (int page = 1; items.screen == "Question"; ++page) {
    REQUIRE(page <= 60);
    const std::string p = (page < 10 ? "page-0" : "page-") + std::to_string(page);
    // The shorter walks keep the pictures that text size and colours change most: welcome, the
    // keyboard, the answered ruler, review, finishing, thank-you.
    if (!walk.to_first_ruler) camera.shot(kiosk, tag + p);
    if (const auto* ruler = first_with_prefix(items, "ruler.")) {
      const std::string id = ruler->id.substr(0, ruler->id.rfind('.')) + ".6";
      items = tap(kiosk, items.find(id) != nullptr ? id : ruler->id);
      if (!ruler_toggled) {
        camera.shot(kiosk, tag + p + "-ruler-answered");
        toggles(p + "-ruler-answered");
        ruler_toggled = true;
      }
      if (walk.to_first_ruler) {
        items = tap(kiosk, "nav.review");
        break;
      }
    }
    if (const auto* card = first_with_prefix(items, "card.")) items = tap(kiosk, card->id);
    // The shorter walks end at the first ruler: scroll down to the first text field for the keyboard.
    for (int i = 0; walk.to_first_ruler && !keyboard_shown && i < 6 &&
                    first_with_prefix(items, "text.") == nullptr && items.find("cue.more_below") != nullptr;
         ++i)
      items = require_sent(kiosk, "drag 0.5 0.75 0.5 0.35");
    if (const auto* text = first_with_prefix(items, "text."); text != nullptr && !keyboard_shown) {
      items = tap(kiosk, text->id);
      for (int key = 0; key < 3; ++key) {
        const auto keys = items.with_prefix("kbd.");
        REQUIRE(!keys.empty());
        items = tap(kiosk, keys[static_cast<std::size_t>(key) % keys.size()]->id);
      }
      camera.shot(kiosk, tag + "keyboard");
      toggles("keyboard");
      items = tap(kiosk, "kbd.done");
      keyboard_shown = true;
    }
    if (walk.idle && page == 3) {
      require_sent(kiosk, "wait-ms " + std::to_string(idle_seconds * 1000 + 600));
      camera.shot(kiosk, tag + "idle-prompt");  // no toggles here: any tap, the top bar's too, means "still here"
      items = tap(kiosk, "idle.continue");
    }
    items = tap(kiosk, "nav.next");
  }
  REQUIRE(items.screen == "Review");
  camera.shot(kiosk, tag + "review");
  toggles("review");
  tap(kiosk, "review.finish");
  require_sent(kiosk, "wait-screen Finishing");
  camera.shot(kiosk, tag + "finishing", {.unstable = {}, .brief = "Finishing"});
  require_sent(kiosk, "wait-screen ThankYou 60000");
  require_sent(kiosk, "wait-frames 2");
  camera.shot(kiosk, tag + "thank-you");
  tap(kiosk, "thanks.done");
  require_sent(kiosk, "wait-screen Welcome");
}

/// The staff PIN pad (hold the top-left corner), then the staff screen behind the right PIN, before
/// any session: its status lines (printer, last summary, save folder) then always take three lines.
/// They name a temporary folder, so they are left out of the comparison.
void staff_screens(KioskDriver& kiosk, Camera& camera, const std::vector<std::string>& languages) {
  require_sent(kiosk, "hold 0.005 0.01 3400");
  require_sent(kiosk, "wait-screen StaffPin");
  camera.shot(kiosk, "staff-pin");
  toggle_options(kiosk, camera, "staff-pin", languages.front(), languages);
  for (const char digit : std::string("2468")) tap(kiosk, std::string("staff.pin.") + digit);
  tap(kiosk, "staff.pin.ok");
  require_sent(kiosk, "wait-screen Staff");
  camera.shot(kiosk, "staff", {.unstable = {"staff.status"}, .brief = {}});
  tap(kiosk, "staff.back");
  require_sent(kiosk, "wait-screen Welcome");
}

/// Every screen at one screen size: the staff screens, then the walks above.
void walk_every_screen(int width, int height, const std::string& shape) {
  const auto loaded =
      rk::load_questionnaire_file(std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml");
  REQUIRE(loaded.ok());
  const std::vector<std::string> languages = loaded.questionnaire->languages;
  REQUIRE(!languages.empty());

  TempDir dir;
  constexpr int kIdleSeconds = 10;  // the shortest the config allows
  const auto config = dir.path / "kiosk.toml";
  {
    std::ofstream out(config);
    out << "save_folder = \"" << (dir.path / "saved").string() << "\"\noutput = \"save\"\n"
        << "idle_timeout_seconds = " << kIdleSeconds << "\nidle_countdown_seconds = 60\nthank_you_seconds = 600\n";
  }
  // A staff PIN, so the PIN pad shows as staff use it (set through the kiosk's own --set-pin).
  const std::string set_pin = "echo 2468 | '" + std::string(RK_KIOSK_BIN) + "' --set-pin --config '" +
                              config.string() + "' >/dev/null 2>&1 && echo ok";
  REQUIRE(rk::e2e::run_capture(set_pin) == "ok\n");
  Xvfb xvfb(width, height);
  REQUIRE(xvfb.running());
  KioskDriver kiosk(dir.path, xvfb.display(), {"--config", config.string()});
  require_sent(kiosk, "wait-id welcome.start");
  Camera camera(shape, xvfb.display(), dir.path);

  const auto staff_begun = std::chrono::steady_clock::now();
  staff_screens(kiosk, camera, languages);
  const std::chrono::duration<double> staff_took = std::chrono::steady_clock::now() - staff_begun;
  MESSAGE(shape << " staff screens: " << staff_took.count() << " s");
  // Each language in normal text; the first also with every option toggled and the idle prompt,
  // then a whole walk with larger text and one with high contrast; the same two, shorter, in a
  // right-to-left language and in Chinese (each only when the questionnaire ships it).
  const auto timed = [&](const Walk& walk) {
    const auto begun = std::chrono::steady_clock::now();
    walk_session(kiosk, camera, walk, languages, kIdleSeconds);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - begun;
    MESSAGE(shape << " " << walk.language << "-" << walk.variant << ": " << took.count() << " s");
  };
  for (std::size_t i = 0; i < languages.size(); ++i) timed({languages[i], "normal", i == 0, i == 0});
  timed({languages.front(), "large", false, true});
  timed({languages.front(), "contrast", false, true});
  for (const char* language : {"ar", "zh"}) {
    if (std::find(languages.begin(), languages.end(), language) == languages.end()) continue;
    timed({language, "large", false, false, true});
    timed({language, "contrast", false, false, true});
  }

  MESSAGE(shape << ": " << camera.shots() << " screens read from the X server; largest difference from a "
                << "reference " << camera.largest_change() * 100 << " % of pixels (" << camera.largest_change_name() << ")");
}

}  // namespace

// --- the tests ---------------------------------------------------------------------------------
TEST_CASE("pixels: every screen in portrait 1080x1920") {
  walk_every_screen(1080, 1920, "portrait");
}

TEST_CASE("pixels: every screen in landscape 1920x1080") {
  walk_every_screen(1920, 1080, "landscape");
}
