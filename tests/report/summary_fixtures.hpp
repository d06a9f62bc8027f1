#pragma once
// Hand-built summaries for the report tests, in English and Spanish, accents and all.
#include <string>

#include "../support/shipped_languages.hpp"
#include "summary.hpp"

namespace rk::test {

inline Summary hand_made_summary(const std::string& language) {
  const bool es = language == "es";
  Summary s;
  s.questionnaire_id = "readiness-and-strengths";
  s.questionnaire_title = es ? "Disposición y fortalezas" : "Readiness and strengths";
  s.questionnaire_version = "1.2";
  s.language = language;
  s.kiosk_name = es ? "Recepción planta baja" : "Front desk, ground floor";
  s.patient_name = es ? "Begoña" : "Zoë";
  s.finished_at = Summary::Clock::time_point{std::chrono::seconds(1795000000)};
  s.started_at = s.finished_at - std::chrono::seconds(9 * 60 + 41);

  s.flags.push_back(
      {Severity::Urgent, es ? "Quiere hablar con alguien hoy mismo" : "Would like to talk to someone today",
       es ? "¿Le gustaría hablar con alguien hoy?" : "Would you like to talk with someone today?",
       es ? "Sí, hoy por favor" : "Yes, today please"});
  s.safety.push_back({"safe_home", es ? "¿Se siente segura en casa?" : "Do you feel safe at home?",
                      es ? "Casi siempre" : "Most of the time"});
  s.talk_about.push_back(
      {"talk", es ? "¿De qué le gustaría hablar hoy?" : "What would you like to talk about today?",
       es ? "Duermo poco desde que cambié de turno; quisiera beber menos café y pasar más "
            "tiempo con mi hija. ¿Es normal sentirse así?"
          : "Since I changed shifts I barely sleep; I'd like to drink less coffee and spend "
            "more time with my daughter. Is it normal to feel like this?"});
  Summary::Ruler imp;
  imp.item_id = "importance";
  imp.prompt =
      es ? "¿Qué tan importante es para usted dormir mejor?" : "How important is it for you to sleep better?";
  imp.value = 8;
  imp.min_label = es ? "Nada importante" : "Not important";
  imp.max_label = es ? "Muy importante" : "Very important";
  imp.follow_ups.push_back({"importance_why",
                            es ? "Eligió 8. ¿Por qué un 8 y no un 5?" : "You chose 8. Why an 8 and not a 5?",
                            es ? "Mi hija me necesita descansada." : "My daughter needs me rested."});
  imp.follow_ups.push_back({"importance_up",
                            es ? "¿Qué le ayudaría a subir un punto?" : "What might help it go up one?",
                            es ? "Un horario fijo." : "A fixed schedule."});
  s.rulers.push_back(imp);
  Summary::Ruler conf = imp;
  conf.item_id = "confidence";
  conf.prompt =
      es ? "¿Qué tan segura se siente de poder hacerlo?" : "How confident are you that you could do it?";
  conf.value = 3;
  conf.follow_ups = {{"confidence_why",
                      es ? "Eligió 3. ¿Por qué un 3 y no un 0?" : "You chose 3. Why a 3 and not a 0?",
                      es ? "Ya lo logré una vez, en verano." : "I managed it once before, last summer."}};
  s.rulers.push_back(conf);
  Summary::Ruler ready = imp;
  ready.item_id = "readiness";
  ready.prompt = es ? "¿Qué tan lista se siente para empezar?" : "How ready are you to start?";
  ready.value = 0;
  ready.follow_ups.clear();
  s.rulers.push_back(ready);

  s.strengths.push_back({"strengths", es ? "Fortalezas que ve en usted" : "Strengths you see in yourself",
                         es ? std::vector<std::string>{"Constancia", "Compasión", "Buen humor"}
                            : std::vector<std::string>{"Persistence", "Compassion", "Good humour"}});
  s.values.push_back({"values", es ? "Lo que más le importa" : "What matters most to you",
                      es ? std::vector<std::string>{"Familia", "Salud", "Honestidad"}
                         : std::vector<std::string>{"Family", "Health", "Honesty"}});
  s.hope.push_back(
      {"went_well", es ? "¿Qué le salió bien últimamente?" : "What went well lately?",
       es ? "Caminé cada mañana con mi vecina Inés." : "I walked every morning with my neighbour Inés."});
  s.hope.push_back({"small_step", es ? "Un pequeño paso que podría dar" : "A small step you could take",
                    es ? "Apagar el móvil a las diez." : "Switch off my phone at ten."});
  s.notes.push_back({"anything_else", es ? "¿Algo más?" : "Anything else?",
                     es ? "Prefiero citas por la tarde." : "I prefer afternoon appointments."});
  s.skipped = {es ? "¿Cuántas horas duerme?" : "How many hours do you sleep?",
               es ? "¿Quién le apoya?" : "Who supports you?"};
  s.attributions = {
      "Personal Values Card Sort: W. R. Miller, J. C'de Baca, D. B. Matthews & P. L. Wilbourne (2001), "
      "University of New Mexico. Public domain."};
  return s;
}

/// Every piece of patient-facing text in a summary: questions, answers, picks, skipped items.
inline std::vector<std::string> all_texts(const Summary& s) {
  std::vector<std::string> t;
  for (const auto& f : s.flags) t.insert(t.end(), {f.text, f.prompt, f.answer});
  for (const auto* list : {&s.safety, &s.talk_about, &s.hope, &s.notes})
    for (const auto& e : *list) t.insert(t.end(), {e.prompt, e.answer});
  for (const auto& r : s.rulers) {
    t.insert(t.end(), {r.prompt, r.min_label, r.max_label});
    for (const auto& f : r.follow_ups) t.insert(t.end(), {f.prompt, f.answer});
  }
  for (const auto* list : {&s.strengths, &s.values})
    for (const auto& p : *list) {
      t.push_back(p.prompt);
      t.insert(t.end(), p.labels.begin(), p.labels.end());
    }
  t.insert(t.end(), s.skipped.begin(), s.skipped.end());
  t.insert(t.end(), s.attributions.begin(), s.attributions.end());
  t.insert(t.end(), {s.questionnaire_title, s.questionnaire_version, s.kiosk_name, s.patient_name});
  std::erase_if(t, [](const std::string& x) { return x.empty(); });
  return t;
}

}  // namespace rk::test
