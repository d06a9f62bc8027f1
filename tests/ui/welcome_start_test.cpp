// Start is in sight the moment the welcome screen shows, with no scrolling, on every supported
// screen size, in every shipped language (Arabic mirrored) and with larger text: whole, a big
// target, and in the very place Next takes on the question pages.
#include <doctest/doctest.h>

#include "../support/shipped_languages.hpp"
#include "harness.hpp"
#include "layout_check.hpp"
#include "ruler_layout.hpp"
#include "touch.hpp"

namespace rk::test {

TEST_CASE(
    "welcome: Start is whole on screen without scrolling, where Next will be, at every size, language, text "
    "size") {
  int checked = 0;
  for (const ui::ScreenSize size : ui::kSupportedScreens) {
    const auto w = static_cast<float>(size.width);
    const auto h = static_cast<float>(size.height);
    for (const bool large : {false, true}) {
      for (const std::string& language : default_questionnaire().languages) {
        const std::string where = std::to_string(size.width) + "x" + std::to_string(size.height) +
                                  (large ? ", larger text" : "") + ", language " + language;
        INFO(where);
        KioskConfig config;
        config.large_text = large;
        Harness kiosk(w, h, config);
        REQUIRE(kiosk.tap("lang." + language));  // a top-bar button: never scrolls
        kiosk.frame();
        const ui::WidgetInfo* start = kiosk.find("welcome.start");
        if (start == nullptr) {
          FAIL_CHECK("Start is not on screen: a patient would have to scroll to find it");
          continue;
        }
        // Whole: nothing of it clipped by the page's scroll area or the screen's edges.
        CHECK_FALSE(start->scrolls);
        CHECK(start->w == doctest::Approx(start->full_w));
        CHECK(start->h == doctest::Approx(start->full_h));
        CHECK(start->x >= 0.0f);
        CHECK(start->y >= 0.0f);
        CHECK(start->x + start->w <= w);
        CHECK(start->y + start->h <= h);
        // A big target, one tap.
        CHECK(start->w >= 4.0f * ui::Em());
        CHECK(start->h >= 2.4f * ui::Em());
        for (const std::string& fault : ui::check_layout(kiosk.ui().widgets(), w, h)) FAIL_CHECK(fault);
        // Where reading ends: the right, or the left for a right-to-left language.
        const bool on_left = start->x + 0.5f * start->w < 0.5f * w;
        CHECK(on_left == shipped_languages().rtl(language));

        const ui::WidgetInfo was = *start;
        REQUIRE(kiosk.tap("welcome.start"));
        REQUIRE(kiosk.ui().screen() == ui::Screen::Question);
        const ui::WidgetInfo* next = kiosk.find("nav.next");
        REQUIRE(next != nullptr);
        CHECK(next->x == was.x);
        CHECK(next->y == was.y);
        CHECK(next->w == was.w);
        CHECK(next->h == was.h);
        ++checked;
      }
    }
  }
  CHECK(checked == 2 * static_cast<int>(std::size(ui::kSupportedScreens)) *
                       static_cast<int>(default_questionnaire().languages.size()));
}

}  // namespace rk::test
