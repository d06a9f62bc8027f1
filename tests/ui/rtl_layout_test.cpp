// A right-to-left language mirrors the layout (reading_order.hpp): Back and Next swap, the ruler
// runs from 0 at the right with its end labels flush with the row's ends, Yes sits at the right,
// cards fill rows from the right. Left-to-right
// languages keep the usual sides. Headless: positions from the kiosk's own widget list.
#include <doctest/doctest.h>

#include <algorithm>

#include "harness.hpp"

namespace rk::test {
namespace {

constexpr const char* kToml = R"(
id = "rtl"
version = "1"
minutes = 2
languages = ["en", "ar"]
default_language = "en"
title.en = "Test"
title.ar = "اختبار"

[[page]]
id = "one"
[[page.item]]
id = "scale"
kind = "ruler"
text.en = "How important?"
text.ar = "ما مدى الأهمية؟"
min_label.en = "Not important"
min_label.ar = "غير مهم"
max_label.en = "Very important"
max_label.ar = "مهم جداً"
[[page.item]]
id = "talk"
kind = "yes_no"
text.en = "Talk today?"
text.ar = "هل تريد التحدث اليوم؟"
[[page.item.option]]
id = "yes"
label.en = "Yes"
label.ar = "نعم"
[[page.item.option]]
id = "no"
label.en = "No"
label.ar = "لا"

[[page]]
id = "two"
[[page.item]]
id = "cards"
kind = "card_pick"
text.en = "Pick"
text.ar = "اختر"
max_picks = 2
)";

std::string cards_toml() {
  std::string out = kToml;
  for (const char* id : {"a", "b", "c", "d", "e"}) {
    out += std::string("[[page.item.option]]\nid = \"") + id + "\"\nlabel.en = \"" + id +
           "\"\nlabel.ar = \"ب" + id + "\"\n";
  }
  return out;
}

float centre_x(const Harness& h, const std::string& id) {
  const ui::WidgetInfo* w = h.find(id);
  REQUIRE_MESSAGE(w != nullptr, id);
  return w->x + 0.5f * w->w;
}

}  // namespace

TEST_CASE("an Arabic session mirrors the question screens, English does not") {
  const LoadResult loaded = load_questionnaire_text(cards_toml(), "rtl.toml");
  for (const auto& e : loaded.errors) MESSAGE(e.format());
  REQUIRE(loaded.ok());
  for (const bool arabic : {false, true}) {
    CAPTURE(arabic);
    Harness h(1080.0f, 1920.0f, {}, &*loaded.questionnaire);
    if (arabic) REQUIRE(h.tap("lang.ar"));
    REQUIRE(h.tap("welcome.start"));
    const bool back_right_of_next = centre_x(h, "nav.back") > centre_x(h, "nav.next");
    CHECK(back_right_of_next == arabic);
    const bool zero_right_of_ten = centre_x(h, "ruler.scale.0") > centre_x(h, "ruler.scale.10");
    CHECK(zero_right_of_ten == arabic);
    CHECK((centre_x(h, "ruler.scale.4") > centre_x(h, "ruler.scale.5")) == arabic);
    // The end labels sit under their numbers, each flush with its end of the row, as in English.
    const ui::WidgetInfo* zero = h.find("ruler.scale.0");
    const ui::WidgetInfo* ten = h.find("ruler.scale.10");
    const ui::WidgetInfo* min_label = h.find("ruler_label.scale.min");
    const ui::WidgetInfo* max_label = h.find("ruler_label.scale.max");
    REQUIRE(zero);
    REQUIRE(ten);
    REQUIRE(min_label);
    REQUIRE(max_label);
    CHECK((centre_x(h, "ruler_label.scale.min") > centre_x(h, "ruler_label.scale.max")) == arabic);
    const ui::WidgetInfo* left_label = arabic ? max_label : min_label;
    const ui::WidgetInfo* right_label = arabic ? min_label : max_label;
    const float row_left = std::min(zero->x, ten->x);
    const float row_right = std::max(zero->x + zero->w, ten->x + ten->w);
    CHECK(left_label->x == doctest::Approx(row_left));
    CHECK(right_label->x + right_label->w == doctest::Approx(row_right));
    CHECK(left_label->x + left_label->w < right_label->x);  // each in its half
    const bool yes_right_of_no = centre_x(h, "item.talk.option.yes") > centre_x(h, "item.talk.option.no");
    CHECK(yes_right_of_no == arabic);
    // Next still goes forward, wherever it sits.
    REQUIRE(h.tap("nav.next"));
    REQUIRE(h.has("card.cards.a"));
    const bool a_right_of_b = centre_x(h, "card.cards.a") > centre_x(h, "card.cards.b");
    CHECK(a_right_of_b == arabic);
  }
}

}  // namespace rk::test
