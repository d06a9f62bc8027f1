// Export: the Questionnaire's shape and extensions, and QuestionnaireResponses checked against
// their Questionnaire (what no validator checks), for the shipped file, the README example and
// the every-kind fixture, in en and es; and round trips export → import → load → export.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../core/fixtures.hpp"
#include "../support/shipped_languages.hpp"
#include "fhir_checks.hpp"
#include "fhir_export.hpp"
#include "fhir_import.hpp"
#include "fhir_json.hpp"
#include "questionnaire_languages.hpp"
#include "sample_patient.hpp"
#include "session.hpp"

namespace {

using rk::fhir::test::check_extensions;
using rk::fhir::test::check_response;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string readme_example() {
  const std::string readme = read_file(std::string(RK_SOURCE_DIR) + "/questionnaires/README.md");
  const auto begin = readme.find("```toml\n", readme.find("## A complete example"));
  const auto end = readme.find("```\n", begin + 8);
  return readme.substr(begin + 8, end - begin - 8);
}

rk::Questionnaire load(const std::string& toml, const std::string& name) {
  rk::LoadResult r = rk::load_questionnaire_text(toml, name);
  for (const auto& d : r.errors) MESSAGE(d.format());
  REQUIRE(r.ok());
  CHECK(rk::bind_languages(*r.questionnaire, rk::test::shipped_languages()).empty());  // yes/no labels
  return *r.questionnaire;
}

rk::Questionnaire shipped() {
  const std::string path = std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml";
  return load(read_file(path), path);
}

void require_clean(const std::vector<std::string>& problems) {
  for (const auto& p : problems) MESSAGE(p);
  CHECK(problems.empty());
}

/// export → import (TOML, judged by the loader) → load → export: the same bytes.
void check_round_trip(const rk::Questionnaire& q) {
  const std::string first = rk::fhir::write_json(rk::fhir::export_questionnaire(q));
  const rk::fhir::ImportResult imported = rk::fhir::import_questionnaire(first, "export.json", "out.toml");
  for (const auto& d : imported.diagnostics) MESSAGE(d.format());
  REQUIRE(imported.exit_status == 0);
  CHECK(imported.diagnostics.empty());  // a kiosk export maps exactly: no warning, no note
  const rk::Questionnaire again = load(imported.toml, "out.toml");
  const std::string second = rk::fhir::write_json(rk::fhir::export_questionnaire(again));
  if (first != second) {  // leave both for a diff
    std::ofstream(std::string(RK_BINARY_DIR) + "/fhir-round-trip-first.json") << first;
    std::ofstream(std::string(RK_BINARY_DIR) + "/fhir-round-trip-second.json") << second;
    std::ofstream(std::string(RK_BINARY_DIR) + "/fhir-round-trip.toml") << imported.toml;
  }
  CHECK(first == second);
}

}  // namespace

TEST_CASE("exported Questionnaires carry only known extensions, each with its value type") {
  for (const rk::Questionnaire& q : {shipped(), load(readme_example(), "README"), rk::fixtures::full()}) {
    CAPTURE(q.id);
    const Json::Value fhir = rk::fhir::export_questionnaire(q);
    require_clean(check_extensions(fhir));
    CHECK(fhir["resourceType"] == "Questionnaire");
    CHECK(fhir["status"] == "active");
    CHECK(fhir["url"].asString() == "http://readiness-kiosk.invalid/fhir/Questionnaire/" + q.id);
    CHECK(fhir["item"].size() == q.pages.size());
  }
}

TEST_CASE("the extension check itself fails on a wrong url, value type or code") {
  Json::Value q = rk::fhir::export_questionnaire(load(readme_example(), "README"));
  CHECK(check_extensions(q).empty());
  Json::Value bad = q;
  bad["extension"][0u]["valueInteger"] = "4";  // kiosk-minutes as a string
  CHECK_FALSE(check_extensions(bad).empty());
  bad = q;
  bad["item"][0u]["extension"][0u]["valueCodeableConcept"]["coding"][0u]["code"] = "sliderz";
  CHECK_FALSE(check_extensions(bad).empty());
  bad = q;
  bad["extension"][0u]["url"] = "http://readiness-kiosk.invalid/fhir/kiosk-minutez";
  CHECK_FALSE(check_extensions(bad).empty());
}

TEST_CASE("the README example maps as docs/fhir.md §8 says") {
  const rk::Questionnaire q = load(readme_example(), "README");
  const Json::Value f = rk::fhir::export_questionnaire(q, "https://fhir.example.org/base/");
  CHECK(f["id"] == "short-check-in");
  CHECK(f["name"] == "ShortCheckIn");
  CHECK(f["url"] == "https://fhir.example.org/base/Questionnaire/short-check-in");
  CHECK(f["language"] == "en");
  CHECK(f["_title"]["extension"][0u]["extension"][1u]["valueString"] == "Chequeo breve");
  const Json::Value& today = f["item"][1u];
  CHECK(today["type"] == "group");
  CHECK(today["linkId"] == "today");
  const Json::Value& focus = today["item"][0u];
  CHECK(focus["type"] == "choice");
  CHECK(focus["answerOption"][0u]["valueCoding"]["code"] == "focus.stress");
  CHECK(focus["answerOption"][0u]["valueCoding"]["system"] == "https://fhir.example.org/base/CodeSystem/short-check-in");
  CHECK(focus["answerOption"][0u]["valueCoding"]["_display"]["extension"][0u]["extension"][1u]["valueString"] ==
        "Estrés o preocupación");
  const Json::Value& talk = today["item"][1u];
  CHECK(talk["type"] == "boolean");
  const Json::Value& ruler = f["item"][2u]["item"][0u];
  CHECK(ruler["type"] == "integer");
  CHECK(ruler["item"][0u]["linkId"] == "importance.min");
  CHECK(ruler["item"][1u]["text"] == "Very important");
  const Json::Value& follow = f["item"][2u]["item"][1u];
  CHECK(follow["enableWhen"][0u]["question"] == "importance");
  CHECK(follow["enableWhen"][0u]["operator"] == ">=");
  CHECK(follow["enableWhen"][0u]["answerInteger"] == 1);
  CHECK(follow["maxLength"] == 300);
}

TEST_CASE("a lone one_of becomes several '=' with enableBehavior any, a page named like an item is page.<id>") {
  rk::Questionnaire q = rk::fixtures::full();
  q.pages[1].id = "focus";  // the same id as an item
  q.pages[1].items[1].show_if = {rk::fixtures::when("focus", rk::ConditionOp::OneOf, {"sleep", "work"})};
  q = load(rk::fhir::import_questionnaire(rk::fhir::write_json(rk::fhir::export_questionnaire(q)), "q.json", "q.toml").toml,
           "q.toml");
  const Json::Value f = rk::fhir::export_questionnaire(q);
  CHECK(f["item"][1u]["linkId"] == "page.focus");
  const Json::Value& item = f["item"][1u]["item"][1u];
  CHECK(item["enableWhen"].size() == 2);
  CHECK(item["enableBehavior"] == "any");
  check_round_trip(q);
}

TEST_CASE("round trip: export, import, load, export gives the same JSON") {
  SUBCASE("the shipped questionnaire") { check_round_trip(shipped()); }
  SUBCASE("the README example") { check_round_trip(load(readme_example(), "README")); }
  SUBCASE("the shipped questionnaire with its languages in an order no sort gives") {
    rk::Questionnaire q = shipped();
    const std::vector<std::string> order{"en", "zh", "es", "ar", "vi"};
    REQUIRE(std::is_permutation(order.begin(), order.end(), q.languages.begin(), q.languages.end()));
    q.languages = order;
    check_round_trip(q);
    const rk::fhir::ImportResult imported =
        rk::fhir::import_questionnaire(rk::fhir::write_json(rk::fhir::export_questionnaire(q)), "q.json", "q.toml");
    CHECK(load(imported.toml, "q.toml").languages == order);
  }
  SUBCASE("every kind, flags on options and ruler ranges, page conditions") {
    // The fixture is built in code, without the loader's defaults (max_length): one pass through the
    // importer and the loader gives the file a clinic would have.
    const std::string json = rk::fhir::write_json(rk::fhir::export_questionnaire(rk::fixtures::full()));
    check_round_trip(load(rk::fhir::import_questionnaire(json, "full.json", "full.toml").toml, "full.toml"));
  }
}

TEST_CASE("QuestionnaireResponses of the sample patient fit their Questionnaire, in en and es") {
  for (const rk::Questionnaire& q : {shipped(), load(readme_example(), "README"), rk::fixtures::full()}) {
    for (const std::string language : {"en", "es"}) {
      CAPTURE(q.id);
      CAPTURE(language);
      rk::Summary summary = rk::make_sample_summary(q, rk::test::shipped_languages(), language, std::chrono::system_clock::now());
      summary.kiosk_name = "Front room";
      const Json::Value response = rk::fhir::export_response(summary, q, "summary-x");
      require_clean(check_response(rk::fhir::export_questionnaire(q), response));
      require_clean(check_extensions(response));
      CHECK(response["language"] == language);
      CHECK(response["status"] == "completed");
      CHECK_FALSE(response.isMember("subject"));
      // Exactly what the summary holds: one QR item per reported answer.
      std::size_t answered = 0;
      for (const auto& group : response["item"]) answered += group["item"].size();
      CHECK(answered == summary.reported.size());
      CHECK_FALSE(summary.reported.empty());
    }
  }
}

TEST_CASE("a response holds no hidden, skipped or left-off answer") {
  const rk::Questionnaire q = rk::fixtures::full();
  rk::Session s(q);
  const auto t0 = std::chrono::system_clock::now();
  s.start("es", t0);
  REQUIRE(s.set_answer("focus", rk::Answer::pick("other")));
  REQUIRE(s.set_answer("focus_other", rk::Answer::free_text("Mi perro")));
  REQUIRE(s.set_answer("talk", rk::Answer::free_text("Hablar de mi hermana")));
  REQUIRE(s.set_answer("importance", rk::Answer::number(5)));
  REQUIRE(s.set_answer("confidence", rk::Answer::number(4)));
  REQUIRE(s.set_answer("talk_today", rk::Answer::pick("no")));
  REQUIRE(s.set_answer("hidden_note", rk::Answer::free_text("not for the summary")));
  s.set_left_off("talk", true);
  REQUIRE(s.set_answer("focus", rk::Answer::pick("sleep")));  // focus_other is now hidden
  const rk::Summary summary = s.finish(t0 + std::chrono::minutes(3));
  const Json::Value response = rk::fhir::export_response(summary, q, "summary-y");
  require_clean(check_response(rk::fhir::export_questionnaire(q), response));
  const std::string text = rk::fhir::write_json(response);
  CHECK(text.find("focus_other") == std::string::npos);  // hidden by its condition
  CHECK(text.find("Mi perro") == std::string::npos);
  CHECK(text.find("\"talk\"") == std::string::npos);       // left off by the patient
  CHECK(text.find("mi hermana") == std::string::npos);
  CHECK(text.find("hidden_note") == std::string::npos);    // summary = "none"
  CHECK(text.find("\"valueInteger\": 5") != std::string::npos);
  CHECK(text.find("\"valueBoolean\": false") != std::string::npos);
  CHECK(text.find("test-full.sleep") == std::string::npos);  // code is "<item>.<option>"
  CHECK(text.find("focus.sleep") != std::string::npos);
  CHECK(response["language"] == "es");
}

TEST_CASE("the response check itself finds a wrong linkId, type, code, bound and a false enableWhen") {
  const rk::Questionnaire q = load(readme_example(), "README");
  const Json::Value fq = rk::fhir::export_questionnaire(q);
  const rk::Summary summary = rk::make_sample_summary(q, rk::test::shipped_languages(), "en", std::chrono::system_clock::now());
  const Json::Value good = rk::fhir::export_response(summary, q, "s");
  REQUIRE(check_response(fq, good).empty());
  const auto find = [](Json::Value& r, const std::string& link) -> Json::Value& {
    for (auto& group : r["item"]) {
      for (auto& item : group["item"]) {
        if (item["linkId"] == link) return item;
      }
    }
    FAIL("no " << link);
    return r;
  };
  Json::Value bad = good;
  find(bad, "importance")["answer"][0u]["valueInteger"] = 11;
  CHECK_FALSE(check_response(fq, bad).empty());
  bad = good;
  find(bad, "focus")["answer"][0u]["valueCoding"]["code"] = "focus.nothing";
  CHECK_FALSE(check_response(fq, bad).empty());
  bad = good;
  find(bad, "talk_someone")["answer"][0u].removeMember("valueBoolean");
  find(bad, "talk_someone")["answer"][0u]["valueString"] = "yes";
  CHECK_FALSE(check_response(fq, bad).empty());
  bad = good;
  find(bad, "importance")["answer"][0u]["valueInteger"] = 0;  // importance_not_lower needs >= 1
  CHECK_FALSE(check_response(fq, bad).empty());
  bad = good;
  find(bad, "first_name")["linkId"] = "last_name";
  CHECK_FALSE(check_response(fq, bad).empty());
  bad = good;
  bad["item"][0u]["linkId"] = "importance_page";  // nesting
  CHECK_FALSE(check_response(fq, bad).empty());
}
