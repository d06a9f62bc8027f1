// The fictional patient of the test page: answers everything, raises a flag, speaks the language.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "../support/shipped_languages.hpp"
#include "sample_patient.hpp"

namespace {
const rk::Summary::Clock::time_point kNow = rk::Summary::Clock::time_point{} + std::chrono::hours(500000);
}

TEST_CASE("the sample patient answers every visible item in English, with a flag") {
  const auto q = rk::fixtures::full();
  const rk::Summary s = rk::make_sample_summary(q, rk::test::shipped_languages(), "en", kNow);
  CHECK(s.language == "en");
  CHECK(s.patient_name == "Sample");
  CHECK(s.finished_at == kNow);
  CHECK(s.time_taken() == std::chrono::minutes(4));  // the questionnaire's estimate
  CHECK(s.skipped.empty());
  REQUIRE_FALSE(s.flags.empty());
  CHECK(s.flags[0].text == "Wants to talk to someone today");
  REQUIRE(s.talk_about.size() == 1);
  CHECK(s.talk_about[0].answer.find("Sleeping better") != std::string::npos);
  REQUIRE(s.rulers.size() == 2);
  CHECK(s.rulers[0].value == 7);  // 70% of 0-10
  CHECK(s.rulers[1].value == 3);  // 60% of 1-5, rounded
  REQUIRE(s.rulers[0].follow_ups.size() == 1);
  CHECK_FALSE(s.rulers[0].follow_ups[0].answer.empty());
  CHECK(s.rulers[0].follow_ups[0].prompt == "You chose 7. Why not lower?");
  REQUIRE(s.strengths.size() == 1);
  CHECK(s.strengths[0].labels == std::vector<std::string>{"Kind", "Brave", "Funny"});  // up to max (3)
  REQUIRE(s.values.size() == 1);
  CHECK(s.values[0].labels.size() == 3);
  REQUIRE(s.hope.size() == 1);
  CHECK_FALSE(s.hope[0].answer.empty());
  REQUIRE(s.safety.size() == 1);  // the flag opened the safety page, and it was answered too
  CHECK_FALSE(s.safety[0].answer.empty());
}

TEST_CASE("the sample patient speaks Spanish, accents and all") {
  const auto q = rk::fixtures::full();
  const rk::Summary s = rk::make_sample_summary(q, rk::test::shipped_languages(), "es", kNow);
  CHECK(s.language == "es");
  CHECK(s.patient_name == "Ejemplo");
  CHECK(s.questionnaire_title == "Cuestionario de prueba");
  REQUIRE(s.rulers.size() == 2);
  REQUIRE(s.rulers[0].follow_ups.size() == 1);
  CHECK(s.rulers[0].follow_ups[0].answer.find("más") != std::string::npos);
  CHECK(s.hope[0].answer.find("Salí") != std::string::npos);
  CHECK(s.flags[0].text == "Quiere hablar con alguien hoy");
  CHECK(s.strengths[0].labels.front() == "Amable");
}

TEST_CASE("the sample patient fits short limits and other languages") {
  auto q = rk::fixtures::full();
  q.languages.push_back("fr");
  for (auto& page : q.pages)
    for (auto& item : page.items) item.text.by_language["fr"] = item.text.in("en");
  for (auto& page : q.pages) {
    for (auto& item : page.items) {
      if (item.kind == rk::ItemKind::LongText || item.kind == rk::ItemKind::ShortText) item.max_length = 5;
    }
  }
  const rk::Summary s = rk::make_sample_summary(q, rk::test::shipped_languages(), "fr", kNow);
  CHECK(s.language == "fr");
  CHECK(s.patient_name == "Exemp");  // fr.toml's "Exemple", cut to max_length, never refused
  CHECK(s.skipped.empty());
  REQUIRE(s.hope.size() == 1);
  CHECK(s.hope[0].answer.size() == 5);
}

TEST_CASE("without option flags the sample patient raises a ruler flag") {
  auto q = rk::fixtures::full();
  for (auto& page : q.pages) {
    for (auto& item : page.items) {
      for (auto& option : item.options) option.flag.reset();
    }
  }
  const rk::Summary s = rk::make_sample_summary(q, rk::test::shipped_languages(), "en", kNow);
  REQUIRE(s.flags.size() == 1);
  CHECK(s.flags[0].text == "Very low importance");
  CHECK(s.flags[0].answer == "0");
}

TEST_CASE("the sample patient passes required items and an unknown language falls back") {
  auto q = rk::fixtures::full();
  for (auto& page : q.pages) {
    for (auto& item : page.items) item.required = item.kind != rk::ItemKind::Info;
  }
  const rk::Summary s = rk::make_sample_summary(q, rk::test::shipped_languages(), "xx", kNow);
  CHECK(s.language == "en");
  CHECK(s.patient_name == "Sample");
  CHECK(s.skipped.empty());
}
