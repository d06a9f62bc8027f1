// Layout on every supported screen size, with and without larger text: every widget on screen,
// none overlapping, touch targets of at least 44 px, body text of at least 24 px on 1080p, Back and
// Next in the same place on every page. Visits every screen of the default questionnaire.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "layout_check.hpp"
#include "staff_pin.hpp"
#include "touch.hpp"
#include "walker.hpp"

using rk::ui::Screen;

namespace rk::test {
namespace {

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

/// Widgets that are never clipped by scrolling: their full size must be a good touch target.
bool fixed_widget(const std::string& id) {
  for (const char* p : {"nav.", "lang.", "opt.", "kbd.", "review.finish", "idle.", "staff.pin.", "thanks."})
    if (starts_with(id, p)) return true;
  return false;
}

void check_layout(Harness& h, const std::string& where) {
  INFO("screen: " << where);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const auto& ws = h.ui().widgets();
  CHECK_FALSE(ws.empty());
  if (std::getenv("RK_UI_DUMP")) {
    for (const auto& w : ws)
      MESSAGE(where << " " << w.id << " " << w.x << "," << w.y << " " << w.w << "x" << w.h);
  }
  // The shared layout check (layout_check.hpp): outside the screen, overlapping tappables, labels
  // wider or taller than their buttons, the "More below" cue covering something.
  for (const std::string& fault : rk::ui::check_layout(ws, display.x, display.y)) FAIL_CHECK(fault);
  for (const auto& w : ws) {
    INFO("widget " << w.id);
    CHECK_FALSE(w.label.empty());
    if (fixed_widget(w.id)) {
      CHECK(w.w >= 44.0f);
      CHECK(w.h >= 44.0f);
    }
  }
  // Widget ids are unique in a frame.
  for (std::size_t i = 0; i < ws.size(); ++i)
    for (std::size_t j = i + 1; j < ws.size(); ++j) CHECK(ws[i].id != ws[j].id);
}

void visit_every_screen_in(float width, float height, bool large, const std::string& language) {
  KioskConfig config;
  config.large_text = large;
  config.idle_timeout_seconds = 60;
  config.staff_pin_hash = hash_pin("1234");
  config.support_lines.push_back(Text::plain("en", "Crisis line: call or text 988, any time."));
  Harness h(width, height, config);
  INFO("display " << width << "x" << height << (large ? " larger text" : "") << ", language " << language);
  if (std::min(width, height) >= 1080.0f) CHECK(rk::ui::Em() >= 24.0f);
  CHECK(rk::ui::Em() >= 16.0f);
  REQUIRE(h.tap("lang." + language));
  check_layout(h, "welcome");
  REQUIRE(h.tap("welcome.start"));

  const auto* next0 = h.find("nav.next");
  REQUIRE(next0);
  const rk::ui::WidgetInfo next = *next0;
  const rk::ui::WidgetInfo back = *h.find("nav.back");
  bool keyboard_checked = false;
  while (h.ui().screen() == Screen::Question) {
    const std::string page = h.ui().session().page().id;
    check_layout(h, page);
    answer_page_by_taps(h, language == "es");
    check_layout(h, page + " answered");
    h.drag(-height);  // the end of the page
    check_layout(h, page + " scrolled");
    if (!keyboard_checked && h.ui().session().page().id == "today") {
      REQUIRE(h.tap("text.talk_today"));
      check_layout(h, "keyboard");
      // Every key of every row is on screen, whole.
      for (const char* id : {"kbd.shift", "kbd.space", "kbd.enter", "kbd.backspace", "kbd.done"}) {
        INFO(id);
        REQUIRE(h.has(id));
      }
      int keys = 0;
      for (const rk::ui::WidgetInfo& w : h.ui().widgets()) {
        if (w.id.rfind("kbd.", 0) != 0) continue;
        INFO(w.id);
        ++keys;
        CHECK(w.h >= 44.0f);
        CHECK(w.w >= 0.9f * w.full_w);  // whole, not cut off by the screen's edge
      }
      CHECK(keys >= 30);  // three rows of letters and the command row
      REQUIRE(h.tap("kbd.shift"));
      check_layout(h, "keyboard with shift");
      REQUIRE(h.tap("kbd.done"));
      keyboard_checked = true;
    }
    const auto* n = h.find("nav.next");
    const auto* b = h.find("nav.back");
    REQUIRE(n);
    REQUIRE(b);
    CHECK(n->x == next.x);
    CHECK(n->y == next.y);
    CHECK(b->x == back.x);
    CHECK(b->y == back.y);
    REQUIRE(h.tap("nav.next"));
  }
  CHECK(keyboard_checked);
  REQUIRE(h.ui().screen() == Screen::Review);
  check_layout(h, "review");
  CHECK(h.find("review.finish")->x == next.x);
  h.drag(-height);
  check_layout(h, "review scrolled");

  h.wait(61.0);
  REQUIRE(h.ui().idle_prompt_showing());
  check_layout(h, "idle prompt");
  REQUIRE(h.tap_now("idle.continue"));

  REQUIRE(h.tap("review.finish"));
  check_layout(h, "finishing");
  h.wait(3.0);
  REQUIRE(h.ui().screen() == Screen::ThankYou);
  check_layout(h, "thank you");
  REQUIRE(h.tap("thanks.done"));
  REQUIRE(h.ui().screen() == Screen::Welcome);

  h.press_at(rk::ui::Em() * 0.5f, rk::ui::Em() * 0.5f);
  for (int i = 0; i < 33; ++i) h.frame(0.1);
  h.release();
  h.lift();
  h.frame();
  REQUIRE(h.ui().screen() == Screen::StaffPin);
  check_layout(h, "staff pin");
  for (const char* key : {"staff.pin.1", "staff.pin.2", "staff.pin.3", "staff.pin.4", "staff.pin.ok"})
    REQUIRE(h.tap(key));
  REQUIRE(h.ui().screen() == Screen::Staff);
  check_layout(h, "staff");
}

/// Every screen in every language the default questionnaire ships (read from the file).
void visit_every_screen(float width, float height, bool large) {
  for (const std::string& language : default_questionnaire().languages)
    visit_every_screen_in(width, height, large, language);
}

}  // namespace

TEST_CASE("layout: portrait 1080x1920") {
  visit_every_screen(1080, 1920, false);
}
TEST_CASE("layout: portrait 1080x1920, larger text") {
  visit_every_screen(1080, 1920, true);
}
TEST_CASE("layout: landscape 1920x1080") {
  visit_every_screen(1920, 1080, false);
}
TEST_CASE("layout: landscape 1920x1080, larger text") {
  visit_every_screen(1920, 1080, true);
}
TEST_CASE("layout: 1280x800") {
  visit_every_screen(1280, 800, false);
}
TEST_CASE("layout: 1280x800, larger text") {
  visit_every_screen(1280, 800, true);
}
TEST_CASE("layout: 1024x768") {
  visit_every_screen(1024, 768, false);
}
TEST_CASE("layout: 1024x768, larger text") {
  visit_every_screen(1024, 768, true);
}

TEST_CASE("the larger-text and high-contrast options toggle, and fonts are reloaded for larger text") {
  Harness h(1920, 1080);
  const float em = rk::ui::Em();
  REQUIRE(h.tap("opt.large_text"));
  CHECK(h.ui().large_text());
  CHECK(rk::ui::Em() > em * 1.2f);  // the harness reloads fonts when asked, as the app does
  REQUIRE(h.tap("opt.high_contrast"));
  CHECK(h.ui().high_contrast());
  CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.05f);  // black background
  REQUIRE(h.tap("opt.high_contrast"));
  CHECK_FALSE(h.ui().high_contrast());
  CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x > 0.9f);
}

}  // namespace rk::test

TEST_CASE("the font atlas has every glyph the offered languages and our punctuation need") {
  rk::test::Harness h(1280, 800);
  ImFont* font = ImGui::GetIO().FontDefault;
  REQUIRE(font != nullptr);
  // Spanish letters and marks, Latin Extended-A, typographic quotes, dashes, ellipsis, check, dot.
  for (unsigned c : std::initializer_list<unsigned>{0x00F1, 0x00D1, 0x00E1, 0x00E9, 0x00ED, 0x00F3, 0x00FA,
                                                    0x00FC, 0x00BF, 0x00A1, 0x0100, 0x0153, 0x017E, 0x201C,
                                                    0x201D, 0x2019, 0x2026, 0x2014, 0x2013, 0x2713, 0x25CF}) {
    INFO("U+" << std::hex << c);
    CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
  }
}
