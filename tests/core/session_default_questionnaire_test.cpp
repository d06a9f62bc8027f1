// The shipped questionnaire, loaded from questionnaires/readiness-and-strengths.toml and walked page
// by page to a Summary, in English and in Spanish, as a patient would: answer what shows, tap Next.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "../support/shipped_languages.hpp"
#include "questionnaire.hpp"
#include "questionnaire_languages.hpp"
#include "sample_patient.hpp"
#include "session.hpp"

using rk::Answer;
using rk::Session;
using rk::Summary;

namespace {
const Session::Clock::time_point kStart = Session::Clock::time_point{} + std::chrono::hours(500000);
const Session::Clock::time_point kEnd = kStart + std::chrono::minutes(3) + std::chrono::seconds(30);

rk::Questionnaire load_default() {
  const rk::LoadResult loaded = rk::load_questionnaire_file(
      std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml", rk::test::shipped_languages());
  for (const auto& error : loaded.errors) MESSAGE(error.format());
  REQUIRE(loaded.ok());
  return *loaded.questionnaire;
}

struct PatientWords {
  std::string talk, importance_why, importance_up, confidence_why, confidence_up, readiness_why;
  std::string readiness_up_hidden, went_well, small_step, anything_else, name;
};

const PatientWords kEnglish{"Cutting down on drinking before my daughter's wedding.",
                            "I want to be there for her, clear-headed.",
                            "Knowing what to say when friends offer me a drink.",
                            "I stopped for two weeks last spring.",
                            "A plan for Friday nights.",
                            "The wedding is in June.",
                            "HIDDEN-WHEN-READY-NOW",
                            "I walked to work every day this week.",
                            "Tell my sister about my plan.",
                            "I sleep badly on Sundays.",
                            "Rosa"};

const PatientWords kSpanish{"Beber menos antes de la boda de mi hija. ¡Quiero estar bien!",
                            "Quiero estar presente para ella, con la cabeza clara.",
                            "Saber qué decir cuando mis amigos me ofrecen una copa.",
                            "Dejé de beber dos semanas la primavera pasada.",
                            "Un plan para los viernes por la noche.",
                            "La boda es en junio.",
                            "OCULTO-SI-LISTA-AHORA",
                            "Caminé al trabajo todos los días esta semana.",
                            "Contarle mi plan a mi hermana.",
                            "Los domingos duermo mal. ¿Será el café?",
                            "Begoña"};

std::map<std::string, Answer> answers_for(const PatientWords& w) {
  return {
      {"focus", Answer::pick("substances")},
      {"talk_today", Answer::free_text(w.talk)},
      {"talk_someone", Answer::pick("yes")},
      {"importance", Answer::number(7)},
      {"importance_not_lower", Answer::free_text(w.importance_why)},
      {"importance_up_one", Answer::free_text(w.importance_up)},
      {"confidence", Answer::number(4)},
      {"confidence_not_lower", Answer::free_text(w.confidence_why)},
      {"confidence_up_one", Answer::free_text(w.confidence_up)},
      {"readiness", Answer::number(8)},  // changed to 10 below, which hides readiness_up_one
      {"readiness_not_lower", Answer::free_text(w.readiness_why)},
      {"readiness_up_one", Answer::free_text(w.readiness_up_hidden)},
      {"strengths", Answer::picks_of({"determined", "funny", "loyal"})},
      {"values", Answer::picks_of({"family", "health", "honesty"})},
      {"went_well", Answer::free_text(w.went_well)},
      {"small_step", Answer::free_text(w.small_step)},
      {"anything_else", Answer::free_text(w.anything_else)},
      {"first_name", Answer::free_text(w.name)},
  };
}

/// Answers every visible item on every page and taps Next; returns the pages seen, in order.
std::vector<std::string> walk(Session& s, const std::map<std::string, Answer>& answers) {
  std::vector<std::string> seen;
  for (int step = 0; step < 50 && s.stage() == Session::Stage::Page; ++step) {
    seen.push_back(s.page().id);
    // Answering a ruler shows its follow-ups on the same page: go over the page again.
    for (bool answered_any = true; answered_any;) {
      answered_any = false;
      for (const rk::Item* item : s.visible_items()) {
        if (item->kind == rk::ItemKind::Info || s.answer(item->id) != nullptr) continue;
        const auto given = answers.find(item->id);
        REQUIRE_MESSAGE(given != answers.end(), "no answer planned for " << item->id);
        REQUIRE_MESSAGE(s.set_answer(item->id, given->second), "refused: " << item->id);
        answered_any = true;
      }
    }
    if (s.page().id == "readiness_page") {
      REQUIRE(s.set_answer("readiness", Answer::number(10)));  // "ready now": up-one no longer asked
      CHECK(s.visible_items().size() == 2);
    }
    if (s.page().id == "strengths_page") {
      CHECK_FALSE(s.toggle_pick("strengths", "calm"));  // a fourth card is refused
    }
    REQUIRE(s.next());
  }
  return seen;
}

std::vector<std::string> ids_of(const std::vector<Summary::Entry>& entries) {
  std::vector<std::string> ids;
  for (const auto& e : entries) ids.push_back(e.item_id);
  return ids;
}

bool summary_mentions(const Summary& s, const std::string& needle) {
  const auto has = [&](const std::string& text) { return text.find(needle) != std::string::npos; };
  for (const auto* list : {&s.safety, &s.talk_about, &s.hope, &s.notes}) {
    for (const auto& e : *list) {
      if (has(e.prompt) || has(e.answer)) return true;
    }
  }
  for (const auto& r : s.rulers) {
    for (const auto& e : r.follow_ups) {
      if (has(e.prompt) || has(e.answer)) return true;
    }
  }
  return std::any_of(s.skipped.begin(), s.skipped.end(), has) || has(s.patient_name);
}

Summary walk_to_summary(const rk::Questionnaire& q, const std::string& language, const PatientWords& words) {
  Session s(q);
  s.start(language, kStart);
  const auto pages = walk(s, answers_for(words));
  CHECK(pages == std::vector<std::string>{"welcome", "today", "support", "importance_page", "confidence_page",
                                          "readiness_page", "strengths_page", "values_page", "hope_page",
                                          "notes_page", "name_page"});
  REQUIRE(s.stage() == Session::Stage::Review);
  CHECK(s.progress().current == 11);
  CHECK(s.progress().total == 11);
  REQUIRE(s.raised_flags().size() == 1);
  CHECK(s.raised_flags()[0].severity == rk::Severity::Urgent);
  return s.finish(kEnd);
}

void check_common(const Summary& s, const PatientWords& w) {
  CHECK(s.questionnaire_id == "readiness-and-strengths");
  CHECK(s.questionnaire_version == "1.0");
  CHECK(s.patient_name == w.name);
  CHECK(s.time_taken() == std::chrono::seconds(210));
  REQUIRE(s.flags.size() == 1);
  CHECK(s.flags[0].severity == rk::Severity::Urgent);
  REQUIRE(s.safety.size() == 1);
  CHECK(s.safety[0].item_id == "talk_someone");
  REQUIRE(ids_of(s.talk_about) == std::vector<std::string>{"focus", "talk_today"});
  CHECK(s.talk_about[1].answer == w.talk);  // verbatim
  REQUIRE(s.rulers.size() == 3);
  CHECK(s.rulers[0].item_id == "importance");
  CHECK(s.rulers[0].value == 7);
  REQUIRE(ids_of(s.rulers[0].follow_ups) ==
          std::vector<std::string>{"importance_not_lower", "importance_up_one"});
  CHECK(s.rulers[0].follow_ups[0].answer == w.importance_why);
  CHECK(s.rulers[1].item_id == "confidence");
  CHECK(s.rulers[1].value == 4);
  REQUIRE(s.rulers[1].follow_ups.size() == 2);
  CHECK(s.rulers[1].follow_ups[1].answer == w.confidence_up);
  CHECK(s.rulers[2].item_id == "readiness");
  CHECK(s.rulers[2].value == 10);
  CHECK(ids_of(s.rulers[2].follow_ups) == std::vector<std::string>{"readiness_not_lower"});
  for (const auto& r : s.rulers) {
    CHECK(r.min == 0);
    CHECK(r.max == 10);
  }
  REQUIRE(s.strengths.size() == 1);
  CHECK(s.strengths[0].labels.size() == 3);
  REQUIRE(s.values.size() == 1);
  CHECK(s.values[0].labels.size() == 3);
  REQUIRE(ids_of(s.hope) == std::vector<std::string>{"went_well", "small_step"});
  CHECK(s.hope[1].answer == w.small_step);
  REQUIRE(ids_of(s.notes) == std::vector<std::string>{"anything_else"});
  CHECK(s.notes[0].answer == w.anything_else);
  CHECK(s.skipped.empty());
  REQUIRE(s.attributions.size() == 1);
  CHECK(s.attributions[0].find("Personal Values Card Sort") != std::string::npos);
  CHECK_FALSE(summary_mentions(s, w.readiness_up_hidden));  // hidden at finish: never on the summary
}
}  // namespace

TEST_CASE("the default questionnaire, walked in English, gives the expected summary") {
  const auto q = load_default();
  const Summary s = walk_to_summary(q, "en", kEnglish);
  check_common(s, kEnglish);
  CHECK(s.language == "en");
  CHECK(s.questionnaire_title == "Before your session: what matters today");
  CHECK(s.flags[0].text == "Asked to talk to someone at the clinic today.");
  CHECK(s.flags[0].prompt == "Would like to talk to someone today");
  CHECK(s.flags[0].answer == "Yes");
  CHECK(s.safety[0].answer == "Yes");
  CHECK(s.talk_about[0].prompt == "Focus for today");
  CHECK(s.talk_about[0].answer == "Alcohol, smoking or other drugs");
  CHECK(s.rulers[0].prompt == "Importance of a change");
  CHECK(s.rulers[0].min_label == "Not important");
  CHECK(s.rulers[0].max_label == "Very important");
  CHECK(s.rulers[0].follow_ups[0].prompt == "Why not lower");
  CHECK(s.strengths[0].labels == std::vector<std::string>{"Determined", "Good sense of humor", "Loyal"});
  CHECK(s.values[0].labels == std::vector<std::string>{"Family", "Health", "Honesty"});
  CHECK(s.hope[0].prompt == "Something that went well lately");
}

TEST_CASE("the default questionnaire, walked in Spanish, gives the summary in Spanish") {
  const auto q = load_default();
  const Summary s = walk_to_summary(q, "es", kSpanish);
  check_common(s, kSpanish);
  CHECK(s.language == "es");
  CHECK(s.questionnaire_title == "Antes de su sesión: lo que importa hoy");
  CHECK(s.flags[0].text == "Pidió hablar hoy con alguien de la clínica.");
  CHECK(s.flags[0].answer == "Sí");
  CHECK(s.talk_about[0].prompt == "Enfoque de hoy");
  CHECK(s.talk_about[0].answer == "Alcohol, tabaco u otras drogas");
  CHECK(s.rulers[0].prompt == "Importancia de un cambio");
  CHECK(s.rulers[0].min_label == "Nada importante");
  CHECK(s.rulers[1].follow_ups[0].prompt == "Por qué no más bajo");
  CHECK(s.strengths[0].labels ==
        std::vector<std::string>{"Decidido o decidida", "Buen sentido del humor", "Leal"});
  CHECK(s.values[0].labels == std::vector<std::string>{"Familia", "Salud", "Honestidad"});
  CHECK(s.patient_name == "Begoña");
}

TEST_CASE("the default questionnaire: pipes on screen follow the session language") {
  const auto q = load_default();
  Session s(q);
  s.start("es", kStart);
  REQUIRE(s.set_answer("focus", Answer::pick("mood")));
  REQUIRE(s.set_answer("importance", Answer::number(6)));
  CHECK(s.resolve(q.find_item("focus_reminder")->text) ==
        "Usted eligió enfocarse en: Ánimo y energía. Las siguientes preguntas son sobre eso.");
  CHECK(s.resolve(q.find_item("importance_not_lower")->text) ==
        "Eligió 6. ¿Qué hace que sea un 6 y no un número más bajo?");
  s.set_language("en");
  CHECK(s.resolve(q.find_item("focus_reminder")->text) ==
        "You chose to focus on: Mood and energy. The next questions are about that.");
  // importance 0: "what makes it a 0 and not lower" is not asked
  REQUIRE(s.set_answer("importance", Answer::number(0)));
  CHECK_FALSE(s.item_visible(*q.find_item("importance_not_lower")));
  CHECK(s.item_visible(*q.find_item("importance_up_one")));
}

TEST_CASE("an untouched walk through the default questionnaire lists every question as skipped") {
  const auto q = load_default();
  Session s(q);
  s.start("en", kStart);
  while (s.stage() == Session::Stage::Page) REQUIRE(s.next());
  const Summary summary = s.finish(kEnd);
  CHECK(summary.flags.empty());
  CHECK(summary.rulers.empty());
  CHECK(summary.patient_name.empty());
  // follow-ups depend on their rulers, so only the 12 unconditional questions are listed, by
  // their summary labels, in file order
  REQUIRE(summary.skipped.size() == 12);
  CHECK(summary.skipped.front() == "Focus for today");
  CHECK(summary.skipped[3] == "Importance of a change");
  CHECK(summary.skipped.back() == "Name or initials");
  CHECK(summary.attributions.size() == 1);
}

TEST_CASE("the sample patient fills the default questionnaire in English and Spanish") {
  const auto q = load_default();
  for (const std::string language : {"en", "es"}) {
    CAPTURE(language);
    const Summary s = rk::make_sample_summary(q, rk::test::shipped_languages(), language, kEnd);
    CHECK(s.language == language);
    CHECK(s.patient_name == (language == "en" ? "Sample" : "Ejemplo"));
    CHECK(s.skipped.empty());
    REQUIRE(s.flags.size() == 1);
    CHECK(s.flags[0].severity == rk::Severity::Urgent);
    REQUIRE(s.rulers.size() == 3);
    CHECK(s.rulers[0].value == 7);  // mid-high, and not all the same
    CHECK(s.rulers[1].value == 6);
    CHECK(s.rulers[2].value == 8);
    std::vector<std::string> follow_up_answers;
    for (const auto& r : s.rulers) {
      REQUIRE(r.follow_ups.size() == 2);
      for (const auto& f : r.follow_ups) follow_up_answers.push_back(f.answer);
    }
    std::sort(follow_up_answers.begin(), follow_up_answers.end());
    CHECK(std::unique(follow_up_answers.begin(), follow_up_answers.end()) == follow_up_answers.end());
    CHECK(std::find(follow_up_answers.begin(), follow_up_answers.end(), "") == follow_up_answers.end());
    REQUIRE(s.talk_about.size() == 2);
    CHECK(s.strengths.at(0).labels.size() == 3);
    CHECK(s.values.at(0).labels.size() == 3);
    REQUIRE(s.hope.size() == 2);
    CHECK(s.hope[0].answer != s.hope[1].answer);
    CHECK(s.notes.size() == 1);
    CHECK(s.time_taken() == std::chrono::minutes(4));
  }
  const Summary es = rk::make_sample_summary(q, rk::test::shipped_languages(), "es", kEnd);
  CHECK(es.talk_about[1].answer.find("tensa") != std::string::npos);
  CHECK(es.rulers[0].follow_ups[0].answer.find("más") != std::string::npos);
}

TEST_CASE("default questionnaire: typed words are marked as the patient's own, picks are not, flags name their item") {
  const rk::Questionnaire q = load_default();
  Session s(q);
  s.start("en", kStart);
  REQUIRE(s.set_answer("focus", Answer::pick("stress")));
  REQUIRE(s.set_answer("talk_today", Answer::free_text("Sleeping better.")));
  REQUIRE(s.set_answer("talk_someone", Answer::pick("yes")));
  s.review();
  const Summary summary = s.finish(kEnd);

  REQUIRE(summary.talk_about.size() == 2);
  for (const auto& e : summary.talk_about) {
    CHECK(e.own_words == (e.item_id == "talk_today"));
  }
  REQUIRE(summary.flags.size() == 1);
  CHECK(summary.flags[0].item_id == "talk_someone");
  REQUIRE(summary.safety.size() == 1);
  CHECK(summary.safety[0].item_id == "talk_someone");
}
