#pragma once
// Questionnaires built in code for the session tests, so they need no loader and no files.

#include <string>
#include <utility>
#include <vector>

#include "questionnaire.hpp"

namespace rk::fixtures {

/// English and Spanish.
inline Text tr(std::string en, std::string es) {
  Text t;
  t.by_language = {{"en", std::move(en)}, {"es", std::move(es)}};
  return t;
}

inline Option option(std::string id, std::string en, std::string es) {
  Option o;
  o.id = std::move(id);
  o.label = tr(std::move(en), std::move(es));
  return o;
}

inline Option flagged(Option o, Severity severity, std::string summary_en, std::string summary_es) {
  o.flag = Flag{severity, tr(std::move(summary_en), std::move(summary_es)),
                tr("Please tell the front desk.", "Avísele a recepción, por favor.")};
  return o;
}

inline Item item(std::string id, ItemKind kind, Text text) {
  Item i;
  i.id = std::move(id);
  i.kind = kind;
  i.text = std::move(text);
  return i;
}

inline Condition when(std::string item_id, ConditionOp op, std::vector<std::string> values = {},
                      int number = 0) {
  Condition c;
  c.item = std::move(item_id);
  c.op = op;
  c.values = std::move(values);
  c.number = number;
  return c;
}

inline Page page(std::string id, std::vector<Item> items, std::vector<Condition> show_if = {}) {
  Page p;
  p.id = std::move(id);
  p.items = std::move(items);
  p.show_if = std::move(show_if);
  return p;
}

/// A questionnaire with every kind of item, conditions on pages and items, pipes, flags on options
/// and on a ruler range, and every summary section. Pages, in order:
///   0 welcome   info
///   1 focus     focus (single: sleep, work, other); focus_other (short, when focus = other); talk (long,
///   talk_about) 2 rulers    importance (ruler 0-10, flag 0..1 Notice); importance_why (follow-up, when
///   importance answered);
///               confidence (ruler 1-5, when importance >= 3)
///   3 low       (page shown when importance <= 2) low_reason (long)
///   4 cards     strengths (card pick, max 3, strengths); values (card pick, max_picks 0 → all, values,
///   attributed) 5 support   talk_today (yes/no, "yes" flags Urgent); topics (multi, max 2; "housing" flags
///   Soon) 6 safety    (page shown when talk_today = yes) talk_detail (short, safety) 7 hope      went_well
///   (long, hope); name (short, max 10, name); hidden_note (long, summary none)
inline Questionnaire full() {
  Questionnaire q;
  q.id = "test-full";
  q.title = tr("Test questionnaire", "Cuestionario de prueba");
  q.version = "1.2";
  q.minutes = 4;
  q.languages = {"en", "es"};
  q.default_language = "en";

  Item intro =
      item("intro", ItemKind::Info,
           tr("Welcome. Every question is optional.", "Bienvenida. Todas las preguntas son opcionales."));
  q.pages.push_back(page("welcome", {intro}));

  Item focus = item("focus", ItemKind::SingleChoice,
                    tr("What would you like to focus on?", "¿En qué le gustaría enfocarse?"));
  focus.options = {option("sleep", "Sleep", "Dormir"), option("work", "Work", "Trabajo"),
                   option("other", "Something else", "Otra cosa")};
  focus.summary_label = tr("Focus", "Enfoque");
  Item focus_other = item("focus_other", ItemKind::ShortText, tr("What else?", "¿Qué más?"));
  focus_other.show_if = {when("focus", ConditionOp::Equals, {"other"})};
  focus_other.max_length = 20;
  Item talk = item("talk", ItemKind::LongText,
                   tr("What would you like to talk about today?", "¿De qué le gustaría hablar hoy?"));
  talk.summary = SummarySection::TalkAbout;
  talk.max_length = 200;
  q.pages.push_back(page("focus", {focus, focus_other, talk}));

  Item importance =
      item("importance", ItemKind::Ruler,
           tr("How important is {focus} to you?", "¿Qué tan importante es {focus} para usted?"));
  importance.summary_label = tr("Importance of {focus}", "Importancia de {focus}");
  importance.min_label = tr("Not at all", "Nada");
  importance.max_label = tr("Very", "Mucho");
  importance.ruler_flags = {
      RulerFlag{0, 1, Flag{Severity::Notice, tr("Very low importance", "Importancia muy baja"), {}}, {}}};
  Item why = item("importance_why", ItemKind::LongText,
                  tr("You chose {importance}. Why not lower?", "Eligió {importance}. ¿Por qué no menos?"));
  why.summary = SummarySection::FollowUp;
  why.follow_up_of = "importance";
  why.show_if = {when("importance", ConditionOp::Answered)};
  Item confidence =
      item("confidence", ItemKind::Ruler, tr("How confident are you?", "¿Qué tan seguro se siente?"));
  confidence.min = 1;
  confidence.max = 5;
  confidence.show_if = {when("importance", ConditionOp::AtLeast, {}, 3)};
  q.pages.push_back(page("rulers", {importance, why, confidence}));

  Item low = item("low_reason", ItemKind::LongText,
                  tr("What would make it matter more?", "¿Qué haría que importe más?"));
  q.pages.push_back(page("low", {low}, {when("importance", ConditionOp::AtMost, {}, 2)}));

  Item strengths = item("strengths", ItemKind::CardPick,
                        tr("Pick up to three strengths.", "Elija hasta tres fortalezas."));
  strengths.summary = SummarySection::Strengths;
  strengths.max_picks = 3;
  strengths.options = {option("kind", "Kind", "Amable"), option("brave", "Brave", "Valiente"),
                       option("funny", "Funny", "Divertido"), option("patient", "Patient", "Paciente")};
  Item values = item("values", ItemKind::CardPick, tr("What matters to you?", "¿Qué le importa?"));
  values.summary = SummarySection::Values;
  values.options = {option("family", "Family", "Familia"), option("health", "Health", "Salud"),
                    option("honesty", "Honesty", "Honestidad")};
  values.attribution = tr("Personal Values Card Sort (Miller et al., 2001), public domain.",
                          "Personal Values Card Sort (Miller et al., 2001), dominio público.");
  q.pages.push_back(page("cards", {strengths, values}));

  Item talk_today =
      item("talk_today", ItemKind::YesNo,
           tr("Would you like to talk to someone today?", "¿Le gustaría hablar con alguien hoy?"));
  talk_today.options = {flagged(option("yes", "Yes", "Sí"), Severity::Urgent,
                                "Wants to talk to someone today", "Quiere hablar con alguien hoy"),
                        option("no", "No", "No")};
  Item topics = item("topics", ItemKind::MultiChoice, tr("Anything else going on?", "¿Algo más?"));
  topics.max_picks = 2;
  topics.options = {option("money", "Money", "Dinero"),
                    flagged(option("housing", "Housing", "Vivienda"), Severity::Soon, "Asked about housing",
                            "Preguntó por vivienda"),
                    option("family", "Family", "Familia")};
  topics.attribution = values.attribution;  // the same credit twice: printed once
  q.pages.push_back(page("support", {talk_today, topics}));

  Item detail = item("talk_detail", ItemKind::ShortText, tr("Who would you like to talk to?", "¿Con quién?"));
  detail.summary = SummarySection::Safety;
  q.pages.push_back(page("safety", {detail}, {when("talk_today", ConditionOp::Equals, {"yes"})}));

  Item went_well = item("went_well", ItemKind::LongText, tr("What went well lately?", "¿Qué salió bien?"));
  went_well.summary = SummarySection::Hope;
  Item name = item("name", ItemKind::ShortText, tr("First name or initials", "Nombre o iniciales"));
  name.summary = SummarySection::Name;
  name.max_length = 10;
  Item hidden_note = item("hidden_note", ItemKind::LongText, tr("A private scratch note", "Nota privada"));
  hidden_note.summary = SummarySection::None;
  hidden_note.attribution = tr("Only when shown", "Solo si se muestra");
  hidden_note.show_if = {when("focus", ConditionOp::OneOf, {"work", "other"})};
  q.pages.push_back(page("hope", {went_well, name, hidden_note}));
  return q;
}

}  // namespace rk::fixtures
