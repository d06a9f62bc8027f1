// Touch rules: no double submit, no skipped page, activation on release inside the same widget,
// drag-to-scroll, idle prompt and wipe.
#include <doctest/doctest.h>

#include <cfloat>

#include "walker.hpp"

using rk::ui::Screen;

namespace rk::test {

TEST_CASE("a double tap on Next across a change of page moves one page only") {
  Harness h(1080, 1920);
  REQUIRE(h.tap("welcome.start"));
  const int first = h.ui().session().page_index();
  h.wait(0.5);
  REQUIRE(h.tap_now("nav.next"));
  const int second = h.ui().session().page_index();
  CHECK(second > first);
  REQUIRE(h.tap_now("nav.next"));  // the second tap of a double tap, on the new page
  CHECK(h.ui().session().page_index() == second);
  REQUIRE(h.tap("nav.next"));  // a deliberate tap a moment later still works
  CHECK(h.ui().session().page_index() > second);
}

TEST_CASE("rapid taps right after Start do not skip the first page") {
  Harness h(1920, 1080);
  REQUIRE(h.tap("welcome.start"));
  const int first = h.ui().session().page_index();
  // Taps right after Start (each takes 4 frames here, about 0.13 s, like a quick finger): none may
  // act before the new page has settled.
  for (int i = 0; i < 2; ++i) {
    if (h.has("nav.next")) h.tap_now("nav.next");
  }
  CHECK(h.ui().session().page_index() == first);
}

TEST_CASE("a long press acts once, on release") {
  Harness h(1280, 800);
  REQUIRE(h.tap("welcome.start"));
  const int first = h.ui().session().page_index();
  h.wait(0.5);
  const auto* next = h.find("nav.next");
  REQUIRE(next);
  h.press_at(next->x + next->w / 2, next->y + next->h / 2);
  for (int i = 0; i < 40; ++i) h.frame(0.05);  // held two seconds
  CHECK(h.ui().session().page_index() == first);
  h.release();
  h.lift();
  h.frame();
  const int second = h.ui().session().page_index();
  CHECK(second > first);
  h.frame();
  CHECK(h.ui().session().page_index() == second);

  // A long press on a card toggles it once.
  while (h.ui().screen() == Screen::Question && h.ui().session().page().id != "strengths_page") {
    REQUIRE(h.tap("nav.next"));
  }
  REQUIRE(h.scroll_into_view("card.strengths.caring"));
  h.wait(0.5);
  const auto* card = h.find("card.strengths.caring");
  h.press_at(card->x + card->w / 2, card->y + card->h / 2);
  for (int i = 0; i < 40; ++i) h.frame(0.05);
  h.release();
  h.lift();
  h.frame();
  REQUIRE(h.ui().session().answer("strengths"));
  CHECK(h.ui().session().answer("strengths")->picks == std::vector<std::string>{"caring"});
}

TEST_CASE("a press that slides off its button onto another does nothing") {
  Harness h(1920, 1080);
  REQUIRE(h.tap("welcome.start"));
  while (h.ui().session().page().id != "support") REQUIRE(h.tap("nav.next"));
  h.wait(0.5);
  const auto* yes = h.find("item.talk_someone.option.yes");
  const auto* no = h.find("item.talk_someone.option.no");
  REQUIRE(yes);
  REQUIRE(no);
  h.press_at(yes->x + yes->w / 2, yes->y + yes->h / 2);
  h.move_to(no->x + no->w / 2, no->y + no->h / 2);
  h.release();
  h.lift();
  h.frame();
  CHECK(h.ui().session().answer("talk_someone") == nullptr);
}

TEST_CASE("dragging scrolls long content and does not tap what it started on") {
  Harness h(1024, 768);
  REQUIRE(h.tap("welcome.start"));
  while (h.ui().session().page().id != "values_page") REQUIRE(h.tap("nav.next"));
  h.wait(0.5);
  const auto* first = h.find("card.values.acceptance");
  REQUIRE(first);
  const float before = first->y;
  // Start the drag on a card: it must scroll, not pick the card.
  h.press_at(first->x + first->w / 2, first->y + first->h / 2);
  for (int i = 1; i <= 10; ++i)
    h.move_to(first->x + first->w / 2, first->y + first->h / 2 - 15.0f * static_cast<float>(i));
  h.release();
  h.lift();
  h.frame();
  CHECK(h.ui().session().answer("values") == nullptr);
  const auto* after = h.find("card.values.acceptance");
  if (after) CHECK(after->y < before - 100.0f);
  // The bottom bar did not move.
  CHECK(h.has("nav.next"));
  // And a drag back down returns to the top.
  h.drag(600.0f);
  REQUIRE(h.find("card.values.acceptance"));
  CHECK(h.find("card.values.acceptance")->y == doctest::Approx(before));
}

TEST_CASE("idle: the prompt counts down, any touch keeps the session, silence wipes it") {
  KioskConfig config;
  config.idle_timeout_seconds = 30;
  config.idle_countdown_seconds = 10;
  Harness h(1080, 1920, config);
  CHECK(h.ui().seconds_until_next_frame(h.now()) > 1000.0);  // welcome waits for a touch
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("nav.next"));
  REQUIRE(h.tap("item.focus.option.mood"));
  CHECK(h.ui().seconds_until_next_frame(h.now()) == doctest::Approx(30.0).epsilon(0.05));

  h.wait(31.0);
  REQUIRE(h.ui().idle_prompt_showing());
  REQUIRE(h.has("idle.continue"));
  CHECK_FALSE(h.has("nav.next"));
  CHECK(h.ui().seconds_until_next_frame(h.now()) <= 1.0);
  REQUIRE(h.tap_now("idle.continue"));
  CHECK_FALSE(h.ui().idle_prompt_showing());
  CHECK(h.ui().screen() == Screen::Question);
  CHECK(h.ui().session().answer("focus") != nullptr);

  h.wait(31.0);
  REQUIRE(h.ui().idle_prompt_showing());
  h.wait(5.0);
  CHECK(h.ui().idle_prompt_showing());
  h.wait(6.0);
  CHECK_FALSE(h.ui().idle_prompt_showing());
  CHECK(h.ui().screen() == Screen::Welcome);
  CHECK_FALSE(h.ui().session().has_answers());
  CHECK_FALSE(h.ui().session().in_progress());
  CHECK(h.delivered.empty());
}

TEST_CASE("idle: a tap anywhere on the prompt does not fall through to the screen below") {
  KioskConfig config;
  config.idle_timeout_seconds = 20;
  config.idle_countdown_seconds = 10;
  Harness h(1920, 1080, config);
  REQUIRE(h.tap("welcome.start"));
  const int page = h.ui().session().page_index();
  const auto* next = h.find("nav.next");
  REQUIRE(next);
  const float x = next->x + next->w / 2;
  const float y = next->y + next->h / 2;
  h.wait(21.0);
  REQUIRE(h.ui().idle_prompt_showing());
  h.press_at(x, y);  // where Next is under the prompt
  h.release();
  h.lift();
  h.frame();
  CHECK_FALSE(h.ui().idle_prompt_showing());
  CHECK(h.ui().session().page_index() == page);
}

TEST_CASE("thank-you returns to welcome after thank_you_seconds even if keeping never reports") {
  KioskConfig config;
  config.thank_you_seconds = 5;
  Harness h(1920, 1080, config);
  h.report_delivery = false;
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("nav.review"));
  REQUIRE(h.tap("review.finish"));
  CHECK(h.ui().screen() == Screen::Finishing);
  REQUIRE(h.delivered.size() == 1);
  h.wait(4.0);
  CHECK(h.ui().screen() == Screen::Finishing);  // waiting a little for the summary to be kept
  h.wait(17.0);
  CHECK(h.ui().screen() == Screen::ThankYou);  // (asking the patient to tell the front desk)
  h.wait(6.0);
  CHECK(h.ui().screen() == Screen::Welcome);
}

TEST_CASE("a required item holds Next until it is answered") {
  Questionnaire q;
  q.id = "required-test";
  q.version = "1";
  q.languages = {"en"};
  q.default_language = "en";
  for (const char* page_id : {"first", "second"}) {
    Page p;
    p.id = page_id;
    Item it;
    it.id = std::string(page_id) + "_yes_no";
    it.kind = ItemKind::YesNo;
    it.text = Text::plain("en", "Shall we go on?");
    it.required = std::string(page_id) == "first";
    for (const char* o : {"yes", "no"}) {
      Option opt;
      opt.id = o;
      opt.label = Text::plain("en", o);
      it.options.push_back(opt);
    }
    p.items.push_back(it);
    q.pages.push_back(p);
  }
  Harness h(1280, 800, {}, &q);
  REQUIRE(h.tap("welcome.start"));
  REQUIRE(h.tap("nav.next"));
  CHECK(h.ui().session().page().id == "first");
  REQUIRE(h.tap("item.first_yes_no.option.no"));
  REQUIRE(h.tap("nav.next"));
  CHECK(h.ui().session().page().id == "second");
  REQUIRE(h.tap("nav.next"));  // optional: goes on unanswered
  CHECK(h.ui().screen() == Screen::Review);
  CHECK(h.has("review.change.second_yes_no"));
  CHECK_FALSE(h.has("review.leaveoff.second_yes_no"));  // nothing to leave off
}

}  // namespace rk::test
