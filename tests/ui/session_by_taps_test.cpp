// A whole session of the default questionnaire by taps, in English and in Spanish, asserting on
// the session model and on the summary handed to delivery.
#include <doctest/doctest.h>

#include "walker.hpp"

using rk::ui::Screen;

namespace rk::test {
namespace {

void whole_session(Harness& h, bool spanish) {
  CHECK(h.ui().screen() == Screen::Welcome);
  CHECK_FALSE(h.ui().session().in_progress());
  if (spanish) {
    REQUIRE(h.tap("lang.es"));
    CHECK(h.ui().language() == "es");
  }
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.ui().screen() == Screen::Question);
  CHECK(h.ui().session().language() == (spanish ? "es" : "en"));

  int pages = 0;
  int answered = 0;
  while (h.ui().screen() == Screen::Question) {
    const int page = h.ui().session().page_index();
    answered += answer_page_by_taps(h, spanish);
    REQUIRE(h.tap("nav.next"));
    ++pages;
    REQUIRE(pages < 50);
    if (h.ui().screen() == Screen::Question) CHECK(h.ui().session().page_index() > page);
  }
  REQUIRE(h.ui().screen() == Screen::Review);
  CHECK(answered >= 10);

  // Every answered item is listed with Change and Leave-off.
  const Answer* importance = h.ui().session().answer("importance");
  REQUIRE(importance != nullptr);
  CHECK(*importance->value == 6);
  REQUIRE(h.scroll_into_view("review.change.importance"));
  CHECK(h.has("review.leaveoff.importance"));

  REQUIRE(h.tap("review.finish"));
  CHECK(h.ui().screen() == Screen::Finishing);
  CHECK_FALSE(h.ui().session().has_answers());  // wiped as soon as the summary left
  REQUIRE(h.delivered.size() == 1);
  const Summary& s = h.delivered.front();
  CHECK(s.language == (spanish ? "es" : "en"));
  REQUIRE(s.rulers.size() == 3);
  CHECK(s.rulers[0].value == 6);
  REQUIRE_FALSE(s.talk_about.empty());
  bool typed_found = false;
  for (const auto& e : s.talk_about) typed_found |= e.answer == (spanish ? "año día" : "hi there");
  CHECK(typed_found);
  REQUIRE_FALSE(s.strengths.empty());
  CHECK(s.strengths.front().labels.size() == 3);

  h.wait(3.0);
  CHECK(h.ui().screen() == Screen::ThankYou);
  h.wait(h.config().thank_you_seconds + 1.0);
  CHECK(h.ui().screen() == Screen::Welcome);
  CHECK(h.ui().language() == "en");
  CHECK(h.delivered.size() == 1);
}

}  // namespace

TEST_CASE("a whole session in English by taps, portrait") {
  Harness h(1080, 1920);
  whole_session(h, false);
}

TEST_CASE("a whole session in Spanish by taps, landscape") {
  Harness h(1920, 1080);
  whole_session(h, true);
}

TEST_CASE("a whole session at 1024x768 with larger text") {
  KioskConfig config;
  config.large_text = true;
  Harness h(1024, 768, config);
  CHECK(h.ui().large_text());
  whole_session(h, false);
}

TEST_CASE("switching language mid-session keeps every answer") {
  Harness h(1280, 800);
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("nav.next"));  // past the welcome note
  REQUIRE(h.tap("item.focus.option.stress"));
  const std::string en_label = h.find("item.focus.option.stress")->label;
  REQUIRE(h.tap("lang.es"));
  CHECK(h.ui().language() == "es");
  CHECK(h.ui().session().language() == "es");
  CHECK(h.ui().screen() == Screen::Question);
  REQUIRE(h.ui().session().answer("focus") != nullptr);
  CHECK(h.ui().session().answer("focus")->picks == std::vector<std::string>{"stress"});
  CHECK(h.find("item.focus.option.stress")->label != en_label);
  CHECK(h.find("nav.next")->label == "Siguiente");
  REQUIRE(h.tap("lang.en"));
  CHECK(h.find("nav.next")->label == "Next");
  CHECK(h.ui().session().answer("focus")->picks == std::vector<std::string>{"stress"});
}

TEST_CASE("review: change an answer and leave one off the summary") {
  Harness h(1920, 1080);
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("nav.next"));
  REQUIRE(h.tap("item.focus.option.mood"));
  REQUIRE(h.tap("nav.review"));
  REQUIRE(h.ui().screen() == Screen::Review);
  REQUIRE(h.tap("review.leaveoff.focus"));
  CHECK(h.ui().session().left_off("focus"));
  REQUIRE(h.tap("review.leaveoff.focus"));
  CHECK_FALSE(h.ui().session().left_off("focus"));
  REQUIRE(h.tap("review.leaveoff.focus"));
  REQUIRE(h.tap("review.change.focus"));
  REQUIRE(h.ui().screen() == Screen::Question);
  REQUIRE(h.tap("item.focus.option.stress"));
  REQUIRE(h.tap("nav.next"));
  CHECK(h.ui().screen() == Screen::Review);  // back to review after a change
  CHECK(h.ui().session().answer("focus")->picks == std::vector<std::string>{"stress"});
  REQUIRE(h.tap("review.finish"));
  REQUIRE(h.delivered.size() == 1);
  for (const auto& e : h.delivered.front().talk_about) CHECK(e.item_id != "focus");
}

TEST_CASE("back from the first page returns to welcome with answers kept") {
  Harness h(1080, 1920);
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("nav.next"));
  REQUIRE(h.tap("item.focus.option.mood"));
  REQUIRE(h.tap("nav.back"));
  REQUIRE(h.tap("nav.back"));
  CHECK(h.ui().screen() == Screen::Welcome);
  CHECK(h.ui().session().has_answers());
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("nav.next"));
  CHECK(h.ui().session().answer("focus")->picks == std::vector<std::string>{"mood"});
}

}  // namespace rk::test
