// Every ruler the format allows (up to 21 numbers, e.g. 0 to 20) on one row, whole numbers in
// whole buttons, on every supported screen shape and with larger text; the layout check clean.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "layout_check.hpp"
#include "ruler_layout.hpp"

namespace {

constexpr const char* kWideRuler = R"(id = "wide-ruler"
version = "1"
minutes = 1
languages = ["en"]
default_language = "en"
title.en = "A wide ruler"
intro.en = "One page."
[[page]]
id = "rate"
title.en = "Rate it"
[[page.item]]
id = "wide"
kind = "ruler"
text.en = "How much, from 0 to 20?"
min = 0
max = 20
min_label.en = "Not at all"
max_label.en = "Completely"
)";

}  // namespace

TEST_CASE("ruler_layout: 21 numbers fit one row on the supported screens, a too-narrow column does not") {
  // 1080 px wide with larger text (body 39 px, "20" about 50 px wide): narrower gaps, smaller numbers.
  const float em = 39.0f;
  const auto r = rk::ui::ruler_layout(21, rk::ui::widest_ruler_row_for(1080.0f, em), em, 50.0f, rk::ui::kMinTouchTarget);
  CHECK(r.fits);
  CHECK(r.button_w >= rk::ui::kMinTouchTarget);
  CHECK(r.button_w * 21.0f + r.gap * 20.0f <= rk::ui::widest_ruler_row_for(1080.0f, em) + 0.5f);
  CHECK(r.text_scale < 1.0f);
  CHECK(50.0f * r.text_scale + 2.0f * r.pad <= r.button_w + 0.5f);
  // Eleven numbers at normal size keep the roomy look.
  const auto eleven = rk::ui::ruler_layout(11, 1000.0f, 30.0f, 38.0f, rk::ui::kMinTouchTarget);
  CHECK(eleven.fits);
  CHECK(eleven.text_scale == 1.0f);
  CHECK(eleven.gap == doctest::Approx(9.0f));
  // 21 numbers in 600 px cannot be touch targets.
  CHECK_FALSE(rk::ui::ruler_layout(21, 600.0f, 30.0f, 38.0f, rk::ui::kMinTouchTarget).fits);
}

TEST_CASE("a 0 to 20 ruler is one row of whole numbers on every supported screen, with larger text too") {
  const auto loaded = rk::load_questionnaire_text(kWideRuler, "wide.toml");
  REQUIRE(loaded.ok());
  struct Size {
    float w, h;
  };
  for (const Size size : {Size{1080, 1920}, Size{1920, 1080}, Size{1280, 800}, Size{1024, 768}}) {
    for (const bool large : {false, true}) {
      INFO(size.w << "x" << size.h << (large ? " larger text" : ""));
      rk::KioskConfig config;
      config.large_text = large;
      rk::test::Harness h(size.w, size.h, config, &*loaded.questionnaire);
      REQUIRE(h.tap("welcome.start"));
      const auto* first = h.find("ruler.wide.0");
      const auto* last = h.find("ruler.wide.20");
      REQUIRE(first != nullptr);
      REQUIRE(last != nullptr);
      for (int n = 0; n <= 20; ++n) {
        const auto* b = h.find("ruler.wide." + std::to_string(n));
        REQUIRE(b != nullptr);
        CHECK(b->y == first->y);  // one row
        // 1024x768 with larger text is the one supported case too narrow for 21 finger-wide
        // buttons: --check warns about it (loader_check_cli_test), the row still fits the screen.
        if (!(size.w == 1024 && large)) CHECK(b->w >= rk::ui::kMinTouchTarget);
      }
      for (const std::string& fault : rk::ui::check_layout(h.ui().widgets(), size.w, size.h)) FAIL_CHECK(fault);
    }
  }
}
