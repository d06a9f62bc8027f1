// The summary, section by section: header, flags, safety, talk about, rulers with follow-ups,
// strengths, values, hope, notes, skipped, attributions; hidden and left-off answers never in it.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "session.hpp"

using rk::Answer;
using rk::Session;
using rk::Severity;
using rk::Summary;

namespace {
const Session::Clock::time_point kStart = Session::Clock::time_point{} + std::chrono::hours(500000);
const Session::Clock::time_point kEnd = kStart + std::chrono::minutes(4) + std::chrono::seconds(5);

/// Every string the summary holds, to prove what is *not* in it.
std::vector<std::string> all_strings(const Summary& s) {
  std::vector<std::string> out{s.questionnaire_id, s.questionnaire_title, s.questionnaire_version,
                               s.language,         s.kiosk_name,          s.patient_name};
  for (const auto& f : s.flags) out.insert(out.end(), {f.text, f.prompt, f.answer});
  for (const auto* list : {&s.safety, &s.talk_about, &s.hope, &s.notes}) {
    for (const auto& e : *list) out.insert(out.end(), {e.item_id, e.prompt, e.answer});
  }
  for (const auto& r : s.rulers) {
    out.insert(out.end(), {r.item_id, r.prompt, r.min_label, r.max_label, std::to_string(r.value)});
    for (const auto& e : r.follow_ups) out.insert(out.end(), {e.item_id, e.prompt, e.answer});
  }
  for (const auto* list : {&s.strengths, &s.values}) {
    for (const auto& p : *list) {
      out.insert(out.end(), {p.item_id, p.prompt});
      out.insert(out.end(), p.labels.begin(), p.labels.end());
    }
  }
  out.insert(out.end(), s.skipped.begin(), s.skipped.end());
  out.insert(out.end(), s.attributions.begin(), s.attributions.end());
  return out;
}

bool mentions(const Summary& s, const std::string& needle) {
  const auto strings = all_strings(s);
  return std::any_of(strings.begin(), strings.end(),
                     [&](const std::string& text) { return text.find(needle) != std::string::npos; });
}

/// Answers every item of the full fixture; low_reason is answered and then hidden again.
void answer_everything(Session& s) {
  REQUIRE(s.set_answer("focus", Answer::pick("other")));
  REQUIRE(s.set_answer("focus_other", Answer::free_text("Mi perro Ñoño")));
  REQUIRE(s.set_answer("talk", Answer::free_text("Sleep, and my sister's \"big day\" — soon.")));
  REQUIRE(s.set_answer("importance", Answer::number(1)));
  REQUIRE(s.set_answer("low_reason", Answer::free_text("SECRET-HIDDEN-LOW")));
  REQUIRE(s.set_answer("importance", Answer::number(6)));  // hides the "low" page again
  REQUIRE(s.set_answer("importance_why", Answer::free_text("I miss running.")));
  REQUIRE(s.set_answer("confidence", Answer::number(4)));
  REQUIRE(s.set_answer("strengths", Answer::picks_of({"kind", "brave"})));
  REQUIRE(s.set_answer("values", Answer::picks_of({"family", "honesty"})));
  REQUIRE(s.set_answer("talk_today", Answer::pick("yes")));
  REQUIRE(s.set_answer("topics", Answer::picks_of({"housing"})));
  REQUIRE(s.set_answer("talk_detail", Answer::free_text("A nurse")));
  REQUIRE(s.set_answer("went_well", Answer::free_text("I slept seven hours.")));
  REQUIRE(s.set_answer("name", Answer::free_text("Ana")));
  REQUIRE(s.set_answer("hidden_note", Answer::free_text("SECRET-NONE-SECTION")));
}

Summary full_summary(const rk::Questionnaire& q, const std::string& language,
                     const std::string& summary_language) {
  Session s(q);
  s.start(language, kStart);
  answer_everything(s);
  s.review();
  Summary summary = s.finish(kEnd, summary_language);
  CHECK(s.stage() == Session::Stage::Done);
  return summary;
}
}  // namespace

TEST_CASE("summary header: questionnaire, language, name, times") {
  const auto q = rk::fixtures::full();
  const Summary s = full_summary(q, "en", "");
  CHECK(s.questionnaire_id == "test-full");
  CHECK(s.questionnaire_title == "Test questionnaire");
  CHECK(s.questionnaire_version == "1.2");
  CHECK(s.language == "en");
  CHECK(s.patient_name == "Ana");
  CHECK(s.kiosk_name.empty());  // the app fills it in
  CHECK(s.started_at == kStart);
  CHECK(s.finished_at == kEnd);
  CHECK(s.time_taken() == std::chrono::seconds(245));
}

TEST_CASE("summary flags: prompt and answer that raised them, most urgent first") {
  const auto q = rk::fixtures::full();
  const Summary s = full_summary(q, "en", "");
  REQUIRE(s.flags.size() == 2);
  CHECK(s.flags[0].severity == Severity::Urgent);
  CHECK(s.flags[0].text == "Wants to talk to someone today");
  CHECK(s.flags[0].prompt == "Would you like to talk to someone today?");
  CHECK(s.flags[0].answer == "Yes");
  CHECK(s.flags[1].severity == Severity::Soon);
  CHECK(s.flags[1].text == "Asked about housing");
  CHECK(s.flags[1].prompt == "Anything else going on?");
  CHECK(s.flags[1].answer == "Housing");
}

TEST_CASE("summary sections hold the right entries, in file order") {
  const auto q = rk::fixtures::full();
  const Summary s = full_summary(q, "en", "");

  REQUIRE(s.safety.size() == 1);
  CHECK(s.safety[0].item_id == "talk_detail");
  CHECK(s.safety[0].prompt == "Who would you like to talk to?");
  CHECK(s.safety[0].answer == "A nurse");

  REQUIRE(s.talk_about.size() == 1);
  CHECK(s.talk_about[0].answer == "Sleep, and my sister's \"big day\" — soon.");  // verbatim

  REQUIRE(s.rulers.size() == 2);
  CHECK(s.rulers[0].item_id == "importance");
  CHECK(s.rulers[0].prompt == "Importance of Something else");  // summary_label, piped
  CHECK(s.rulers[0].value == 6);
  CHECK(s.rulers[0].min == 0);
  CHECK(s.rulers[0].max == 10);
  CHECK(s.rulers[0].min_label == "Not at all");
  CHECK(s.rulers[0].max_label == "Very");
  REQUIRE(s.rulers[0].follow_ups.size() == 1);
  CHECK(s.rulers[0].follow_ups[0].item_id == "importance_why");
  CHECK(s.rulers[0].follow_ups[0].prompt == "You chose 6. Why not lower?");
  CHECK(s.rulers[0].follow_ups[0].answer == "I miss running.");
  CHECK(s.rulers[1].item_id == "confidence");
  CHECK(s.rulers[1].min == 1);
  CHECK(s.rulers[1].max == 5);
  CHECK(s.rulers[1].value == 4);
  CHECK(s.rulers[1].follow_ups.empty());

  REQUIRE(s.strengths.size() == 1);
  CHECK(s.strengths[0].prompt == "Pick up to three strengths.");
  CHECK(s.strengths[0].labels == std::vector<std::string>{"Kind", "Brave"});
  REQUIRE(s.values.size() == 1);
  CHECK(s.values[0].labels == std::vector<std::string>{"Family", "Honesty"});

  REQUIRE(s.hope.size() == 1);
  CHECK(s.hope[0].answer == "I slept seven hours.");

  REQUIRE(s.notes.size() == 4);
  CHECK(s.notes[0].item_id == "focus");
  CHECK(s.notes[0].prompt == "Focus");
  CHECK(s.notes[0].answer == "Something else");
  CHECK(s.notes[1].item_id == "focus_other");
  CHECK(s.notes[1].answer == "Mi perro Ñoño");
  CHECK(s.notes[2].item_id == "talk_today");
  CHECK(s.notes[2].answer == "Yes");
  CHECK(s.notes[3].item_id == "topics");

  CHECK(s.skipped.empty());
  // the Values Card Sort credit appears once although two items carry it
  CHECK(s.attributions ==
        std::vector<std::string>{"Personal Values Card Sort (Miller et al., 2001), public domain.",
                                 "Only when shown"});
}

TEST_CASE("hidden answers and summary = none never reach the summary") {
  const auto q = rk::fixtures::full();
  const Summary s = full_summary(q, "en", "");
  CHECK_FALSE(mentions(s, "SECRET-HIDDEN-LOW"));
  CHECK_FALSE(mentions(s, "SECRET-NONE-SECTION"));
  CHECK_FALSE(mentions(s, "What would make it matter more?"));  // a hidden item is not "skipped" either
  CHECK_FALSE(mentions(s, "A private scratch note"));           // nor is a summary = none item

  // focus changed after the safety page was answered: nothing from it, no attribution of a hidden item
  auto q2 = rk::fixtures::full();
  Session t(q2);
  t.start("en", kStart);
  answer_everything(t);
  REQUIRE(t.set_answer("talk_today", Answer::pick("no")));  // hides the safety page
  REQUIRE(t.set_answer("focus", Answer::pick("sleep")));    // hides focus_other and hidden_note
  t.review();
  const Summary u = t.finish(kEnd);
  CHECK(u.safety.empty());
  CHECK(u.flags.size() == 1);  // housing only
  CHECK_FALSE(mentions(u, "A nurse"));
  CHECK_FALSE(mentions(u, "Ñoño"));
  CHECK(u.attributions.size() == 1);
  CHECK(u.rulers[0].prompt == "Importance of Sleep");
}

TEST_CASE("the summary in Spanish: prompts and labels translated, the patient's words verbatim") {
  const auto q = rk::fixtures::full();
  const Summary s = full_summary(q, "en", "es");
  CHECK(s.language == "en");  // the patient's language
  CHECK(s.questionnaire_title == "Cuestionario de prueba");
  CHECK(s.flags[0].text == "Quiere hablar con alguien hoy");
  CHECK(s.flags[0].answer == "Sí");
  CHECK(s.rulers[0].prompt == "Importancia de Otra cosa");
  CHECK(s.rulers[0].min_label == "Nada");
  CHECK(s.rulers[0].follow_ups[0].prompt == "Eligió 6. ¿Por qué no menos?");
  CHECK(s.rulers[0].follow_ups[0].answer == "I miss running.");
  CHECK(s.strengths[0].labels == std::vector<std::string>{"Amable", "Valiente"});
  CHECK(s.notes[0].answer == "Otra cosa");
  CHECK(s.talk_about[0].answer == "Sleep, and my sister's \"big day\" — soon.");
  // an undeclared summary language falls back to the session's
  const Summary t = full_summary(q, "es", "fr");
  CHECK(t.language == "es");
  CHECK(t.questionnaire_title == "Cuestionario de prueba");
}

TEST_CASE("switching language mid-way keeps answers and changes the summary language") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  s.next();
  REQUIRE(s.set_answer("focus", Answer::pick("work")));
  REQUIRE(s.set_answer("talk", Answer::free_text("Mi trabajo")));
  s.set_language("es");
  s.next();
  REQUIRE(s.set_answer("importance", Answer::number(8)));
  s.review();
  const Summary summary = s.finish(kEnd);
  CHECK(summary.language == "es");
  CHECK(summary.notes[0].answer == "Trabajo");
  CHECK(summary.rulers[0].prompt == "Importancia de Trabajo");
  CHECK(summary.talk_about[0].answer == "Mi trabajo");
}

TEST_CASE("skipped lists visible unanswered questions by their summary prompt") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  REQUIRE(s.set_answer("focus", Answer::pick("work")));
  s.review();
  const Summary summary = s.finish(kEnd);
  // focus answered; hidden_note (summary none), intro (info), confidence and low (hidden),
  // focus_other (hidden), the safety page (hidden) are not listed.
  CHECK(summary.skipped ==
        std::vector<std::string>{"What would you like to talk about today?", "Importance of Work",
                                 "Pick up to three strengths.", "What matters to you?",
                                 "Would you like to talk to someone today?", "Anything else going on?",
                                 "What went well lately?", "First name or initials"});
  CHECK(summary.rulers.empty());
  CHECK(summary.patient_name.empty());
  CHECK(summary.flags.empty());
}

TEST_CASE("left-off answers appear only under skipped, raise no flag and are not piped") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("en", kStart);
  answer_everything(s);
  REQUIRE(s.set_answer("importance", Answer::number(1)));  // Notice flag; the "low" page shows again
  REQUIRE(s.set_answer("importance_why", Answer::free_text("Still matters a bit.")));
  s.set_left_off("importance", true);
  s.set_left_off("talk_today", true);
  s.set_left_off("talk", true);
  s.set_left_off("name", true);
  s.review();
  const Summary summary = s.finish(kEnd);

  CHECK(summary.patient_name.empty());
  CHECK(summary.talk_about.empty());
  CHECK_FALSE(mentions(summary, "big day"));
  // only the housing flag: the left-off "yes" and the left-off ruler raise nothing
  REQUIRE(summary.flags.size() == 1);
  CHECK(summary.flags[0].text == "Asked about housing");
  // the left-off ruler is gone; its follow-up, not left off, becomes a note without the number
  REQUIRE(summary.rulers.size() == 0);  // confidence is hidden at importance 1
  const auto follow_up = std::find_if(summary.notes.begin(), summary.notes.end(),
                                      [](const Summary::Entry& e) { return e.item_id == "importance_why"; });
  REQUIRE(follow_up != summary.notes.end());
  CHECK(follow_up->prompt == "You chose \u2014. Why not lower?");
  CHECK(follow_up->answer == "Still matters a bit.");
  // the low page shows again (importance 1), so its earlier answer is reported
  CHECK(mentions(summary, "SECRET-HIDDEN-LOW"));
  for (const char* prompt : {"Importance of Something else", "Would you like to talk to someone today?",
                             "What would you like to talk about today?", "First name or initials"}) {
    CHECK(std::find(summary.skipped.begin(), summary.skipped.end(), prompt) != summary.skipped.end());
  }
  CHECK(summary.skipped.size() == 4);
  CHECK_FALSE(mentions(summary, "Ana"));
}

TEST_CASE("a follow-up whose ruler was not answered becomes a note") {
  auto q = rk::fixtures::full();
  q.pages[2].items[1].show_if.clear();  // ask the follow-up even without the ruler
  Session s(q);
  s.start("en", kStart);
  REQUIRE(s.set_answer("importance_why", Answer::free_text("Not sure yet.")));
  s.review();
  const Summary summary = s.finish(kEnd);
  CHECK(summary.rulers.empty());
  REQUIRE(summary.notes.size() == 1);
  CHECK(summary.notes[0].item_id == "importance_why");
  CHECK(summary.notes[0].prompt == "You chose \u2014. Why not lower?");
}

TEST_CASE("a ruler flag on the summary names the ruler and the number") {
  const auto q = rk::fixtures::full();
  Session s(q);
  s.start("es", kStart);
  REQUIRE(s.set_answer("focus", Answer::pick("sleep")));
  REQUIRE(s.set_answer("importance", Answer::number(0)));
  s.review();
  const Summary summary = s.finish(kEnd);
  REQUIRE(summary.flags.size() == 1);
  CHECK(summary.flags[0].severity == Severity::Notice);
  CHECK(summary.flags[0].text == "Importancia muy baja");
  CHECK(summary.flags[0].prompt == "Importancia de Dormir");
  CHECK(summary.flags[0].answer == "0");
}

TEST_CASE("Summary::time_taken never goes negative") {
  Summary s;
  s.started_at = kEnd;
  s.finished_at = kStart;
  CHECK(s.time_taken() == std::chrono::seconds(0));
  s.started_at = kStart;
  s.finished_at = kStart + std::chrono::milliseconds(61900);
  CHECK(s.time_taken() == std::chrono::seconds(61));
}
