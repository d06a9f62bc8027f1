// The default questionnaire says what product.md asks for, in English and Spanish.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "../support/shipped_languages.hpp"
#include "questionnaire.hpp"
#include "questionnaire_languages.hpp"

namespace {

const rk::Questionnaire& shipped() {
  static const rk::LoadResult result = rk::load_questionnaire_file(
      std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml", rk::test::shipped_languages());
  for (const auto& d : result.errors) MESSAGE(d.format());
  REQUIRE(result.ok());
  return *result.questionnaire;
}

const rk::Item& item(const char* id) {
  const rk::Item* found = shipped().find_item(id);
  REQUIRE_MESSAGE(found != nullptr, id);
  return *found;
}

template <typename F>
void for_each_text(const rk::Questionnaire& q, F f) {
  f(q.title);
  f(q.intro);
  for (const auto& page : q.pages) {
    f(page.title);
    for (const auto& it : page.items) {
      for (const rk::Text* t :
           {&it.text, &it.help, &it.summary_label, &it.min_label, &it.max_label, &it.attribution}) {
        f(*t);
      }
      for (const auto& o : it.options) {
        f(o.label);
        f(o.description);
        if (o.flag) {
          f(o.flag->summary);
          f(o.flag->patient_message);
        }
      }
    }
  }
}

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  return s;
}

}  // namespace

TEST_CASE("default questionnaire: header, languages, every item optional") {
  const auto& q = shipped();
  CHECK(q.id == "readiness-and-strengths");
  CHECK(q.languages == std::vector<std::string>{"en", "es", "zh", "vi", "ar"});
  CHECK(q.default_language == "en");
  CHECK(q.minutes >= 3);
  CHECK(q.minutes <= 5);
  for (const auto& page : q.pages) {
    CHECK(page.show_if.empty());  // no page can vanish: every page is reachable
    for (const auto& it : page.items) CHECK_MESSAGE(!it.required, it.id);
  }
  // Every patient-facing string that exists is in every language (yes/no labels from assets/i18n).
  for_each_text(q, [](const rk::Text& t) {
    if (t.empty()) return;
    CHECK(t.by_language.size() == 5);
    for (const char* language : {"en", "es", "vi", "zh", "ar"}) CHECK(!t.in(language).empty());
  });
}

TEST_CASE("default questionnaire: no suicide item, no labels, Spanish accents present") {
  const auto& q = shipped();
  bool spanish_marks = false;
  for_each_text(q, [&](const rk::Text& t) {
    for (const auto& [language, s] : t.by_language) {
      const std::string l = lowered(s);
      for (const char* word :
           {"suicid", "kill", "self-harm", "addict", "alcoholic", "problem", "disorder", "adicto"}) {
        CHECK_MESSAGE(l.find(word) == std::string::npos, s);
      }
      if (language == "es" && (s.find("¿") != std::string::npos || s.find("ñ") != std::string::npos))
        spanish_marks = true;
    }
  });
  CHECK(spanish_marks);
  CHECK(item("focus").text.in("es") == "¿En qué le gustaría enfocarse hoy?");
}

TEST_CASE("default questionnaire: welcome promise, focus, talk about, one safety flag") {
  const auto& welcome = item("welcome_note");
  CHECK(welcome.kind == rk::ItemKind::Info);
  CHECK(shipped().page_of("welcome_note") == 0);
  CHECK(welcome.text.in("en").find("only to your therapist") != std::string::npos);
  CHECK(welcome.text.in("en").find("optional") != std::string::npos);
  CHECK(welcome.text.in("en").find("go back") != std::string::npos);

  const auto& focus = item("focus");
  CHECK(focus.kind == rk::ItemKind::SingleChoice);
  CHECK(focus.options.size() >= 5);
  CHECK(focus.find_option("something_else") != nullptr);

  const auto& talk = item("talk_today");
  CHECK(talk.effective_summary() == rk::SummarySection::TalkAbout);
  CHECK(rk::ItemKind::LongText == talk.kind);

  int flags = 0;
  for (const auto& page : shipped().pages) {
    for (const auto& it : page.items) {
      for (const auto& o : it.options) flags += o.flag ? 1 : 0;
      flags += static_cast<int>(it.ruler_flags.size());
    }
  }
  CHECK(flags == 1);
  const auto& someone = item("talk_someone");
  CHECK(someone.kind == rk::ItemKind::YesNo);
  CHECK(someone.effective_summary() == rk::SummarySection::Safety);
  const rk::Option* yes = someone.find_option("yes");
  REQUIRE(yes != nullptr);
  REQUIRE(yes->flag.has_value());
  CHECK(yes->flag->severity == rk::Severity::Urgent);
  CHECK(yes->flag->patient_message.in("en").find("front desk") != std::string::npos);
  CHECK(yes->label.in("es") == "Sí");
}

TEST_CASE("default questionnaire: three rulers, each with a not-lower and an up-one follow-up") {
  for (const char* ruler_id : {"importance", "confidence", "readiness"}) {
    CAPTURE(ruler_id);
    const auto& ruler = item(ruler_id);
    CHECK(ruler.kind == rk::ItemKind::Ruler);
    CHECK(ruler.min == 0);
    CHECK(ruler.max == 10);
    CHECK(!ruler.min_label.empty());
    CHECK(!ruler.max_label.empty());
    const auto& not_lower = item((std::string(ruler_id) + "_not_lower").c_str());
    CHECK(not_lower.follow_up_of == ruler_id);
    CHECK(not_lower.effective_summary() == rk::SummarySection::FollowUp);
    REQUIRE(not_lower.show_if.size() == 1);
    CHECK(not_lower.show_if[0].op == rk::ConditionOp::AtLeast);
    CHECK(not_lower.show_if[0].number == 1);
    CHECK(not_lower.text.in("en").find("{" + std::string(ruler_id) + "}") != std::string::npos);
    CHECK(not_lower.text.in("en").find("not a lower") != std::string::npos);
    const auto& up_one = item((std::string(ruler_id) + "_up_one").c_str());
    CHECK(up_one.follow_up_of == ruler_id);
    REQUIRE(up_one.show_if.size() == 1);
    CHECK(up_one.show_if[0].op == rk::ConditionOp::AtMost);
    CHECK(up_one.show_if[0].number == 9);
    CHECK(up_one.text.in("en").find("go up one") != std::string::npos);
  }
  // The focus is piped in where it reads naturally, only once it has an answer.
  const auto& reminder = item("focus_reminder");
  CHECK(reminder.text.in("en").find("{focus}") != std::string::npos);
  CHECK(reminder.show_if.at(0).op == rk::ConditionOp::Answered);
}

TEST_CASE("default questionnaire: strengths, values with attribution, hope, notes, name") {
  const auto& strengths = item("strengths");
  CHECK(strengths.kind == rk::ItemKind::CardPick);
  CHECK(strengths.effective_summary() == rk::SummarySection::Strengths);
  CHECK(strengths.options.size() == 12);
  CHECK(strengths.effective_max_picks() == 3);

  const auto& values = item("values");
  CHECK(values.kind == rk::ItemKind::CardPick);
  CHECK(values.effective_summary() == rk::SummarySection::Values);
  CHECK(values.options.size() >= 20);
  CHECK(values.options.size() <= 30);
  CHECK(values.effective_max_picks() == 3);
  CHECK(values.attribution.in("en").find("Personal Values Card Sort") != std::string::npos);
  CHECK(values.attribution.in("en").find("2001") != std::string::npos);
  CHECK(values.attribution.in("es").find("dominio público") != std::string::npos);

  CHECK(item("went_well").effective_summary() == rk::SummarySection::Hope);
  CHECK(item("small_step").effective_summary() == rk::SummarySection::Hope);
  CHECK(item("small_step").text.in("en").find("If you like") != std::string::npos);
  CHECK(item("anything_else").effective_summary() == rk::SummarySection::Notes);

  const auto& name = item("first_name");
  CHECK(name.kind == rk::ItemKind::ShortText);
  CHECK(name.effective_summary() == rk::SummarySection::Name);
  CHECK(name.max_length <= 30);
}
