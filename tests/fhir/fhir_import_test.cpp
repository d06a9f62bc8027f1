// Import: one small hand-written fixture per rule of docs/fhir.md §1–§7, then real public
// Questionnaires from HL7's packages (tests/fhir/public/README.md). Every result that is written
// is also loaded here by the real loader.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <utility>
#include <vector>

#include "fhir_import.hpp"
#include "fhir_json.hpp"
#include "questionnaire.hpp"

namespace {

rk::fhir::ImportResult imp(const std::string& json) {
  return rk::fhir::import_questionnaire(json, "q.json", "out.toml");
}

/// A Questionnaire around `items` (JSON array text), in English.
std::string q(const std::string& items, const std::string& extra = "") {
  return R"({"resourceType":"Questionnaire","id":"t","version":"2","status":"active","language":"en","title":"T",)" +
         extra + R"("item":)" + items + "}";
}

std::string all(const rk::fhir::ImportResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += d.format() + "\n";
  return out;
}

rk::Questionnaire loaded(const rk::fhir::ImportResult& r) {
  INFO(all(r));
  REQUIRE(r.exit_status <= 1);
  const rk::LoadResult l = rk::load_questionnaire_text(r.toml, "out.toml");
  REQUIRE(l.ok());
  return *l.questionnaire;
}

bool says(const rk::fhir::ImportResult& r, const std::string& text) { return all(r).find(text) != std::string::npos; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

TEST_CASE("file level: not JSON, trailing comma, duplicate key, bad UTF-8, not a Questionnaire (§1)") {
  auto r = imp("{\n  \"resourceType\": \"Questionnaire\"\n  \"item\": []\n}");
  CHECK(r.exit_status == 2);
  CHECK(r.toml.empty());
  CHECK(says(r, "q.json:3:3: error:"));

  r = imp(q(R"([{"linkId":"a","type":"string","text":"Name?"},])"));
  CHECK(r.exit_status == 0);
  CHECK(says(r, "warning: not strict JSON"));

  r = imp(R"({"resourceType":"Questionnaire","status":"active","status":"draft","item":[]})");
  CHECK(r.exit_status == 2);
  CHECK(says(r, "Duplicate key"));

  r = imp(q(std::string(R"([{"linkId":"a","type":"string","text":"Caf)") + "\xE9" + R"(?"}])"));
  CHECK(r.exit_status == 2);
  CHECK(says(r, "not valid UTF-8"));

  r = imp(R"({"resourceType":"Bundle","entry":[]})");
  CHECK(r.exit_status == 2);
  CHECK(says(r, "q.json:1:17: error: /resourceType: resourceType is 'Bundle'"));

  r = imp(q(R"([{"linkId":"a","type":"string","text":"x"}])", R"("modifierExtension":[{"url":"http://x"}],)"));
  CHECK(r.exit_status == 2);

  r = imp(q(R"([{"linkId":"a","type":"date","text":"When?"}])"));
  CHECK(r.exit_status == 2);  // nothing left
  CHECK(says(r, "no item could be imported"));

  r = imp(std::string(9u << 20, ' '));
  CHECK(r.exit_status == 2);
  CHECK(says(r, "at most 8 MiB"));
}

TEST_CASE("root: id, version, language, title, minutes estimated (§2)") {
  const auto r = imp(R"({"resourceType":"Questionnaire","status":"active","name":"My Form",
    "url":"http://example.org/Questionnaire/my","item":[{"linkId":"a","type":"string","text":"Name?"}]})");
  CHECK(says(r, "/version: no version"));
  CHECK(says(r, "/language: no language"));
  CHECK(says(r, "minutes estimated as 1"));
  CHECK(r.toml.find("# source: http://example.org/Questionnaire/my") != std::string::npos);
  const auto m = loaded(r);
  CHECK(m.id == "My_Form");
  CHECK(m.version == "1.0");
  CHECK(m.title.in("en") == "My Form");
}

TEST_CASE("types: groups to pages, nested groups flattened, boolean, choice, numbers, text (§3)") {
  const auto r = imp(q(R"([
    {"linkId":"g1","type":"group","text":"First","item":[
      {"linkId":"b","type":"boolean","text":"Smoke?"},
      {"linkId":"c","type":"choice","text":"Pick","answerOption":[
        {"valueCoding":{"system":"http://s","code":"x","display":"Ex"}},{"valueCoding":{"system":"http://s","code":"y","display":"Why"}}]},
      {"linkId":"m","type":"choice","repeats":true,"text":"Several","answerOption":[{"valueString":"red"},{"valueString":"blue sky"}]},
      {"linkId":"k","type":"choice","text":"Boxes","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
        "valueCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/questionnaire-item-control","code":"check-box"}]}}],
        "answerOption":[{"valueInteger":1},{"valueInteger":2}]},
      {"linkId":"inner","type":"group","text":"More","enableWhen":[{"question":"b","operator":"=","answerBoolean":true}],"item":[
        {"linkId":"s","type":"string","text":"Short","maxLength":20},
        {"linkId":"t","type":"text","text":"Long"}]}]},
    {"linkId":"g2","type":"group","item":[
      {"linkId":"r","type":"integer","text":"Rate","extension":[
        {"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl","valueCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/questionnaire-item-control","code":"slider"}]}},
        {"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":1},
        {"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":5}],
        "item":[{"linkId":"r.lo","type":"display","text":"Low","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl","valueCodeableConcept":{"coding":[{"code":"lower"}]}}]},
                {"linkId":"r.hi","type":"display","text":"High","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl","valueCodeableConcept":{"coding":[{"code":"upper"}]}}]},
                {"linkId":"r.h","type":"display","text":"Tap one"}]},
      {"linkId":"big","type":"integer","text":"Age","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},
        {"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":120}]},
      {"linkId":"n","type":"decimal","text":"Weight"}]}])"));
  INFO(all(r));
  CHECK(r.exit_status == 1);
  CHECK(r.items_left_out == 2);
  const auto m = loaded(r);
  REQUIRE(m.pages.size() == 2);
  CHECK(m.pages[0].id == "g1");
  CHECK(m.pages[0].title.in("en") == "First");
  CHECK(m.find_item("b")->kind == rk::ItemKind::YesNo);
  CHECK(m.find_item("c")->kind == rk::ItemKind::SingleChoice);
  CHECK(m.find_item("c")->options[1].id == "y");
  CHECK(m.find_item("c")->options[1].label.in("en") == "Why");
  CHECK(m.find_item("m")->kind == rk::ItemKind::MultiChoice);
  CHECK(m.find_item("m")->options[1].id == "blue_sky");
  CHECK(m.find_item("k")->kind == rk::ItemKind::MultiChoice);
  CHECK(m.find_item("k")->max_picks == 1);
  CHECK(m.find_item("k")->options[0].id == "n1");
  const rk::Item* heading = m.find_item("inner");
  REQUIRE(heading != nullptr);  // the nested group's text, as an info item
  CHECK(heading->kind == rk::ItemKind::Info);
  CHECK(m.find_item("s")->kind == rk::ItemKind::ShortText);
  CHECK(m.find_item("s")->max_length == 20);
  REQUIRE(m.find_item("t")->show_if.size() == 1);  // the group's enableWhen, on each child
  CHECK(m.find_item("t")->show_if[0].item == "b");
  CHECK(m.find_item("t")->show_if[0].values == std::vector<std::string>{"yes"});
  CHECK(m.find_item("t")->kind == rk::ItemKind::LongText);
  const rk::Item* ruler = m.find_item("r");
  CHECK(ruler->kind == rk::ItemKind::Ruler);
  CHECK(ruler->min == 1);
  CHECK(ruler->max == 5);
  CHECK(ruler->min_label.in("en") == "Low");
  CHECK(ruler->max_label.in("en") == "High");
  CHECK(ruler->help.in("en") == "Tap one");
  CHECK(m.find_item("big") == nullptr);
  CHECK(says(r, "/item/1/item/1 'big': a number from 0 to 120"));
  CHECK(says(r, "/item/1/item/2 'n': a number without minValue/maxValue"));
  CHECK(r.toml.find("# linkId: g1\n") != std::string::npos);  // linkId comments
}

TEST_CASE("stepped slider → choice of numbers, date refused with its place and its dependants (§3, §5)") {
  const auto r = imp(q(R"([{"linkId":"g","type":"group","item":[
    {"linkId":"d","type":"date","text":"When?"},
    {"linkId":"after","type":"string","text":"Why?","enableWhen":[{"question":"d","operator":"exists","answerBoolean":true}]},
    {"linkId":"s","type":"integer","text":"Rate","extension":[
      {"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue","valueInteger":25},
      {"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},
      {"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":100}]}]}])"));
  CHECK(r.exit_status == 1);
  CHECK(r.items_left_out == 2);
  CHECK(says(r, "q.json:2:5: error: /item/0/item/0 'd': type 'date'"));
  CHECK(says(r, "/item/0/item/1/enableWhen/0 'after': shown only after 'd', which is not imported"));
  CHECK(says(r, "a slider in steps of 25 becomes a choice of its 5 numbers"));
  const auto m = loaded(r);
  CHECK(m.find_item("s")->kind == rk::ItemKind::SingleChoice);
  CHECK(m.find_item("s")->options.size() == 5);
}

TEST_CASE("enableWhen → show_if, exact or refused (§5)") {
  const std::string source = R"({"linkId":"c","type":"choice","text":"Pick","answerOption":[
      {"valueCoding":{"code":"a","display":"A"}},{"valueCoding":{"code":"b","display":"B"}},{"valueCoding":{"code":"z","display":"Z"}}]},
    {"linkId":"b","type":"boolean","text":"Yes?"},
    {"linkId":"r","type":"integer","text":"Rate","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},
      {"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":10}]},)";
  const auto with = [&](const std::string& when) {
    return imp(q("[{\"linkId\":\"g\",\"type\":\"group\",\"item\":[" + source +
                 R"({"linkId":"x","type":"string","text":"Then?",)" + when + "}]}]"));
  };
  auto r = with(R"("enableWhen":[{"question":"c","operator":"=","answerCoding":{"code":"b"}}])");
  auto m = loaded(r);
  CHECK(m.find_item("x")->show_if[0].op == rk::ConditionOp::Equals);
  CHECK(m.find_item("x")->show_if[0].values[0] == "b");

  r = with(R"("enableWhen":[{"question":"r","operator":">","answerDecimal":6.5}])");
  m = loaded(r);
  CHECK(m.find_item("x")->show_if[0].op == rk::ConditionOp::AtLeast);
  CHECK(m.find_item("x")->show_if[0].number == 7);

  r = with(R"("enableWhen":[{"question":"r","operator":"<","answerInteger":3}])");
  m = loaded(r);
  CHECK(m.find_item("x")->show_if[0].op == rk::ConditionOp::AtMost);
  CHECK(m.find_item("x")->show_if[0].number == 2);

  r = with(R"("enableWhen":[{"question":"c","operator":"=","answerCoding":{"code":"a"}},
                            {"question":"c","operator":"=","answerCoding":{"code":"z"}}],"enableBehavior":"any")");
  m = loaded(r);
  CHECK(m.find_item("x")->show_if[0].op == rk::ConditionOp::OneOf);
  CHECK(m.find_item("x")->show_if[0].values == std::vector<std::string>{"a", "z"});

  r = with(R"("enableWhen":[{"question":"b","operator":"!=","answerBoolean":true}])");
  m = loaded(r);
  CHECK(m.find_item("x")->show_if[0].values == std::vector<std::string>{"no"});
  CHECK(says(r, "warning: /item/0/item/3/enableWhen/0 'x': '!=' kept as 'any other answer'"));

  r = with(R"("enableWhen":[{"question":"b","operator":"exists","answerBoolean":true},
                            {"question":"r","operator":">=","answerInteger":4}],"enableBehavior":"all")");
  m = loaded(r);
  CHECK(m.find_item("x")->show_if.size() == 2);
  CHECK(m.find_item("x")->show_if[0].op == rk::ConditionOp::Answered);

  r = with(R"("enableWhen":[{"question":"b","operator":"=","answerBoolean":true},
                            {"question":"r","operator":">=","answerInteger":4}],"enableBehavior":"any")");
  CHECK(r.exit_status == 1);
  CHECK(says(r, "enableBehavior 'any' across different questions"));

  r = with(R"("enableWhen":[{"question":"b","operator":"exists","answerBoolean":false}])");
  CHECK(says(r, "'exists false'"));
  r = with(R"("enableWhen":[{"question":"c","operator":"=","answerCoding":{"code":"nope"}}])");
  CHECK(says(r, "can never hold"));
  r = with(R"("enableWhen":[{"question":"r","operator":">","answerInteger":10}])");
  CHECK(says(r, "can never hold on a ruler from 0 to 10"));
  r = with(R"("enableWhen":[{"question":"later","operator":"exists","answerBoolean":true}])");
  CHECK(says(r, "not in the file"));
  CHECK(r.items_left_out == 1);
}

TEST_CASE("translations: a language kept only when every text has it (§6)") {
  const auto one = [](const std::string& lang, const std::string& words) {
    return R"({"url":"http://hl7.org/fhir/StructureDefinition/translation","extension":[{"url":"lang","valueCode":")" +
           lang + R"("},{"url":"content","valueString":")" + words + R"("}]})";
  };
  const auto tr = [&](const std::string& lang, const std::string& words) {
    return "{\"extension\":[" + one(lang, words) + "]}";
  };
  const std::string file = R"({"resourceType":"Questionnaire","status":"active","language":"en","title":"Check","_title":)" +
                           tr("es", "Chequeo") + R"(,"item":[{"linkId":"g","type":"group","text":"Today","_text":)" + tr("es", "Hoy") +
                           R"(,"item":[{"linkId":"c","type":"choice","text":"Pick","_text":{"extension":[)" + one("es", "Elija") +
                           "," + one("de", "Wähle") +
                           R"(]},"answerOption":[{"valueCoding":{"code":"a","display":"One","_display":)" + tr("es", "Uno") +
                           R"(}},{"valueCoding":{"code":"b","display":"Two","_display":)" + tr("es", "Dos") + "}}]}]}]}";
  const auto r = imp(file);
  CHECK(says(r, "de: 1 of 5 texts translated; the language is dropped"));
  const auto m = loaded(r);
  CHECK(m.languages == std::vector<std::string>{"en", "es"});
  CHECK(m.find_item("c")->text.in("es") == "Elija");
  CHECK(m.find_item("c")->options[1].label.in("es") == "Dos");
  CHECK(m.pages[0].title.in("es") == "Hoy");
}

TEST_CASE("translations keep the file's language order: the base language first, then as first named (§6)") {
  const auto tr = [](const std::vector<std::pair<std::string, std::string>>& words) {
    std::string out = "{\"extension\":[";
    for (const auto& [lang, w] : words) {
      if (out.back() != '[') out += ",";
      out += R"({"url":"http://hl7.org/fhir/StructureDefinition/translation","extension":[{"url":"lang","valueCode":")" +
             lang + R"("},{"url":"content","valueString":")" + w + R"("}]})";
    }
    return out + "]}";
  };
  // Spanish base; the title names zh before en before vi, a later text names them otherwise.
  const std::string file = R"({"resourceType":"Questionnaire","status":"active","language":"es","title":"Hoy","_title":)" +
                           tr({{"zh", "今天"}, {"en", "Today"}, {"vi", "Hôm nay"}}) +
                           R"(,"item":[{"linkId":"g","type":"group","text":"Ahora","_text":)" +
                           tr({{"vi", "Bây giờ"}, {"en", "Now"}, {"zh", "现在"}}) +
                           R"(,"item":[{"linkId":"s","type":"string","text":"Algo","_text":)" +
                           tr({{"en", "Anything"}, {"zh", "什么"}, {"vi", "Gì"}}) + "}]}]}";
  const auto r = imp(file);
  const auto m = loaded(r);
  CHECK(m.languages == std::vector<std::string>{"es", "zh", "en", "vi"});
  CHECK(r.toml.find(R"(languages = ["es", "zh", "en", "vi"])") != std::string::npos);
  CHECK(m.find_item("s")->text.in("vi") == "Gì");
}

TEST_CASE("a language without built-in Yes/No words gets written labels and a warning") {
  const auto r = imp(R"({"resourceType":"Questionnaire","status":"active","language":"sw","title":"T",
    "item":[{"linkId":"b","type":"boolean","text":"Ndiyo?"}]})");
  CHECK(says(r, "no built-in Yes/No words in sw"));
  const auto m = loaded(r);
  CHECK(m.find_item("b")->options.size() == 2);
}

TEST_CASE("answer value sets: contained ones are used, others refused: nothing is fetched (§4)") {
  const auto r = imp(R"({"resourceType":"Questionnaire","status":"active","language":"en","title":"T",
    "contained":[{"resourceType":"ValueSet","id":"vs1","status":"active","compose":{"include":[{"system":"http://s","concept":[
        {"code":"l","display":"Low","designation":[{"language":"es","value":"Bajo"}]},{"code":"h","display":"High"}]}]}},
      {"resourceType":"ValueSet","id":"vs2","url":"http://example.org/vs2","status":"active","expansion":{"timestamp":"2020-01-01","contains":[
        {"system":"http://s","code":"p","display":"P"},{"abstract":true,"code":"grp","contains":[{"system":"http://s","code":"q","display":"Q"}]}]}}],
    "item":[{"linkId":"g","type":"group","item":[
      {"linkId":"a","type":"choice","text":"A","answerValueSet":"#vs1"},
      {"linkId":"b","type":"choice","text":"B","answerValueSet":"http://example.org/vs2"},
      {"linkId":"c","type":"choice","text":"C","answerValueSet":"http://loinc.org/vs/LL358-3"}]}]})");
  CHECK(says(r, "/item/0/item/2/answerValueSet 'c': answerValueSet 'http://loinc.org/vs/LL358-3' is not in this file; the importer never fetches anything"));
  CHECK(says(r, "es: 1 of"));  // one designation only: Spanish dropped
  const auto m = loaded(r);
  CHECK(m.find_item("a")->options.size() == 2);
  CHECK(m.find_item("b")->options.size() == 2);  // the abstract grouping code is skipped
  CHECK(m.find_item("b")->options[1].id == "q");
  CHECK(m.find_item("c") == nullptr);
}

TEST_CASE("linkId → id (§7), hidden items, FHIRPath refused, LOINC 44260-8 becomes a safety item") {
  const auto r = imp(q(R"([{"linkId":"1.1.0","type":"group","item":[
    {"linkId":"/44250-9","type":"string","text":"One"},
    {"linkId":"H1/T1/Q1","type":"string","text":"Two"},
    {"linkId":"02a7536f-0000-4000-8000-000000000000-with-a-very-long-tail-that-goes-on-and-on-and-on","type":"string","text":"Three"},
    {"linkId":"h","type":"string","text":"Secret","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-hidden","valueBoolean":true}]},
    {"linkId":"needs-h","type":"string","text":"After","enableWhen":[{"question":"h","operator":"exists","answerBoolean":true}]},
    {"linkId":"calc","type":"integer","text":"Total","extension":[{"url":"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
      "valueExpression":{"language":"text/fhirpath","expression":"1"}}]},
    {"linkId":"q9","type":"choice","text":"Thoughts","code":[{"system":"http://loinc.org","code":"44260-8"}],
      "answerOption":[{"valueCoding":{"code":"LA6568-5","display":"Not at all"}},{"valueCoding":{"code":"LA6569-3","display":"Several days"}}]}]}])"));
  INFO(all(r));
  const auto m = loaded(r);
  CHECK(m.pages[0].id == "p1_1_0");
  CHECK(m.find_item("q44250-9") != nullptr);
  CHECK(m.find_item("H1_T1_Q1") != nullptr);
  CHECK(r.toml.find("# linkId: /44250-9\n") != std::string::npos);
  bool long_id = false;
  for (const auto& it : m.pages[0].items) long_id |= it.id.size() == 64 && it.id.rfind("q02a7536f", 0) == 0;
  CHECK(long_id);
  CHECK(m.find_item("h") == nullptr);
  CHECK(m.find_item("needs-h") == nullptr);
  CHECK(says(r, "calculatedExpression is FHIRPath"));
  CHECK(m.find_item("q9")->summary == rk::SummarySection::Safety);
  CHECK(m.find_item("q9")->options[0].id == "LA6568-5");
  CHECK(says(r, "warning: /item/0/item/6 'q9': LOINC 44260-8"));
  CHECK(says(r, "About safety questions"));
}

// --- Real public questionnaires (tests/fhir/public/README.md) ----------------------------------

namespace {
rk::fhir::ImportResult public_file(const std::string& name) {
  const std::string path = std::string(RK_SOURCE_DIR) + "/tests/fhir/public/" + name;
  return rk::fhir::import_questionnaire(read_file(path), path, "out.toml");
}
}  // namespace

TEST_CASE("public: Zika exposure (HL7 R4 examples) — boolean enableWhen chains") {
  const auto r = public_file("Questionnaire-zika-virus-exposure-assessment.json");
  CHECK(r.exit_status == 1);
  CHECK(r.items_left_out == 2);  // two 'quantity' questions (how long ago)
  const auto m = loaded(r);
  const rk::Item* second = m.find_item("q2");
  REQUIRE(second != nullptr);
  REQUIRE(second->show_if.size() == 1);
  CHECK(second->show_if[0].item == "q1");
  CHECK(second->show_if[0].values == std::vector<std::string>{"no"});
  CHECK(m.find_item("q6")->show_if[0].item == "q4");
}

TEST_CASE("public: SDC render example — a slider, displays, hidden items, a date") {
  const auto r = public_file("Questionnaire-questionnaire-sdc-profile-example-render.json");
  CHECK(r.exit_status == 1);
  CHECK(says(r, "'2.3': a slider in steps of 10 becomes a choice of its 11 numbers"));
  CHECK(says(r, "'1.4.1': hidden item"));
  CHECK(says(r, "'3.5': type 'date'"));
  const auto m = loaded(r);
  CHECK(m.find_item("q2_3")->options.size() == 11);
}

TEST_CASE("public: SDC PHQ-9 — answer options, a copyright, a FHIRPath total refused") {
  const auto r = public_file("Questionnaire-questionnaire-sdc-profile-example-PHQ9.json");
  CHECK(r.exit_status == 1);
  CHECK(r.items_left_out == 1);
  CHECK(says(r, "'H1/TS': calculatedExpression is FHIRPath"));
  const auto m = loaded(r);
  CHECK(m.find_item("H1_T1_Q9")->options.size() == 4);
  CHECK(m.find_item("H1_T1_Q1")->attribution.in("en").find("Pfizer") != std::string::npos);
}

TEST_CASE("public: PHQ-9 (HL7 R4 examples) — LOINC answer lists not in the file are refused, nothing written") {
  const auto r = public_file("Questionnaire-phq-9-questionnaire.json");
  CHECK(r.exit_status == 2);
  CHECK(r.toml.empty());
  CHECK(says(r, "http://loinc.org/vs/LL358-3' is not in this file; the importer never fetches anything"));
}

TEST_CASE("public: f201 (HL7 R4 examples) — nested groups, a date refused") {
  const auto r = public_file("Questionnaire-f201.json");
  CHECK(r.exit_status == 1);
  const auto m = loaded(r);
  CHECK(m.pages.size() >= 2);
}

TEST_CASE("robustness: every value of a real file replaced by each JSON type never crashes or throws") {
  // jsoncpp throws when a value has an unexpected type; the importer must turn every such file into
  // diagnostics (exit 0, 1 or 2), never an internal error (3) and never a file the loader refuses.
  for (const char* file : {"Questionnaire-zika-virus-exposure-assessment.json", "Questionnaire-questionnaire-sdc-profile-example-PHQ9.json"}) {
  CAPTURE(file);
  const std::string path = std::string(RK_SOURCE_DIR) + "/tests/fhir/public/" + file;
  Json::Value root;
  Json::CharReaderBuilder builder;
  std::string errors;
  std::istringstream in(read_file(path));
  REQUIRE(Json::parseFromStream(builder, in, &root, &errors));
  // Every value's path (member names and array indexes), then one copy per path and replacement.
  using Step = std::pair<std::string, Json::ArrayIndex>;  // a name, or "" and an index
  std::vector<std::vector<Step>> paths;
  std::function<void(const Json::Value&, std::vector<Step>&)> collect = [&](const Json::Value& v, std::vector<Step>& at) {
    paths.push_back(at);
    if (v.isObject()) {
      for (const auto& name : v.getMemberNames()) {
        at.emplace_back(name, 0);
        collect(v[name], at);
        at.pop_back();
      }
    } else if (v.isArray()) {
      for (Json::ArrayIndex i = 0; i < v.size(); ++i) {
        at.emplace_back("", i);
        collect(v[i], at);
        at.pop_back();
      }
    }
  };
  std::vector<Step> start;
  collect(root, start);
  const std::vector<Json::Value> replacements = {Json::Value("true"), Json::Value(7), Json::Value(2.5),
                                                 Json::Value(Json::arrayValue), Json::Value(Json::objectValue),
                                                 Json::Value(Json::nullValue)};
  int runs = 0;
  for (const auto& steps : paths) {
    for (const auto& replacement : replacements) {
      Json::Value copy = root;
      Json::Value* node = &copy;
      for (const auto& [name, index] : steps) node = name.empty() ? &(*node)[index] : &(*node)[name];
      *node = replacement;
      const auto r = rk::fhir::import_questionnaire(Json::writeString(Json::StreamWriterBuilder(), copy), "m.json", "m.toml");
      INFO(all(r));
      CHECK(r.exit_status != 3);
      if (r.exit_status <= 1) CHECK(rk::load_questionnaire_text(r.toml, "m.toml").ok());
      ++runs;
    }
  }
  MESSAGE(runs << " mutated files imported");
  CHECK(runs > 500);
  }
}
