// A valid file with every kind of item, condition and flag loads into the model as written,
// with the documented defaults filled in.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "../support/shipped_languages.hpp"
#include "questionnaire_languages.hpp"
#include "pipes.hpp"
#include "did_you_mean.hpp"
#include "questionnaire.hpp"

namespace {

const char* const kEveryKind = R"TOML(
id = "every-kind"
version = "2.1"
minutes = 3
languages = ["en", "es"]
default_language = "es"
title = { en = "Every kind", es = "Cada tipo" }

[[page]]
id = "one"
title = "One"

[[page.item]]
id = "hello"
kind = "info"
text = { en = "Hello", es = "Hola" }

[[page.item]]
id = "pick"
kind = "single_choice"
text.en = "Pick"
text.es = "Elija"
required = true
[[page.item.option]]
id = "a"
label = { en = "A", es = "A" }
flag = { severity = "notice", summary = "Chose A" }
[[page.item.option]]
id = "b"
label = "B"
description = { en = "Bee", es = "Be" }

[[page.item]]
id = "many"
kind = "multi_choice"
text = "Many"
min_picks = 1
max_picks = 2
[[page.item.option]]
id = "x"
label = "X"
[[page.item.option]]
id = "y"
label = "Y"
[[page.item.option]]
id = "z"
label = "Z"

[[page.item]]
id = "scale"
kind = "ruler"
text = "How much, {pick}?"
min = 1
max = 7
min_label = "Low"
max_label = "High"
[[page.item.flag_range]]
min = 1
max = 2
severity = "urgent"
summary = "Very low"
message = { en = "Tell the desk", es = "Avise en recepción" }

[[page]]
id = "two"
show_if = [ { item = "pick", equals = "a" }, { item = "scale", at_least = 3 } ]

[[page.item]]
id = "why"
kind = "long_text"
text = "You chose {scale}. Why not lower?"
summary = "follow_up"
follow_up_of = "scale"
show_if = { item = "scale", at_most = 6 }

[[page.item]]
id = "short"
kind = "short_text"
text = "Name"
summary = "name"
show_if = { item = "many", one_of = ["x", "z"] }

[[page.item]]
id = "cards"
kind = "card_pick"
text = "Cards"
summary = "values"
max_picks = 1
attribution = "Public domain cards"
show_if = { item = "why", answered = true }
[[page.item.option]]
id = "c1"
label = "C1"

[[page.item]]
id = "ok"
kind = "yes_no"
text = "OK?"
[[page.item.option]]
id = "no"
flag = { summary = "Said no" }
)TOML";

}  // namespace

TEST_CASE("loader: every kind of item loads with its fields and defaults") {
  const rk::LoadResult result = rk::load_questionnaire_text(kEveryKind, "every.toml");
  for (const auto& d : result.errors) MESSAGE(d.format());
  REQUIRE(result.ok());
  const rk::Questionnaire& q = *result.questionnaire;
  CHECK(q.id == "every-kind");
  CHECK(q.version == "2.1");
  CHECK(q.minutes == 3);
  CHECK(q.languages == std::vector<std::string>{"en", "es"});
  CHECK(q.default_language == "es");
  CHECK(q.title.in("es") == "Cada tipo");
  CHECK(q.source_path == "every.toml");
  REQUIRE(q.pages.size() == 2);
  CHECK(q.pages[0].title.in("es") == "One");  // a plain string is the same in every language
  CHECK(q.pages[0].where.line == 9);

  const rk::Item& hello = *q.find_item("hello");
  CHECK(hello.kind == rk::ItemKind::Info);
  CHECK(hello.effective_summary() == rk::SummarySection::None);
  CHECK_FALSE(hello.required);

  const rk::Item& pick = *q.find_item("pick");
  CHECK(pick.kind == rk::ItemKind::SingleChoice);
  CHECK(pick.required);
  CHECK(pick.text.in("es") == "Elija");
  REQUIRE(pick.options.size() == 2);
  REQUIRE(pick.options[0].flag.has_value());
  CHECK(pick.options[0].flag->severity == rk::Severity::Notice);
  CHECK(pick.options[0].flag->summary.in("en") == "Chose A");
  CHECK(pick.options[0].flag->patient_message.empty());
  CHECK(pick.options[1].description.in("es") == "Be");
  CHECK(pick.find_option("b") == &pick.options[1]);
  CHECK(pick.find_option("c") == nullptr);
  CHECK(pick.effective_max_picks() == 1);
  CHECK(pick.effective_summary() == rk::SummarySection::Notes);

  const rk::Item& many = *q.find_item("many");
  CHECK(many.min_picks == 1);
  CHECK(many.max_picks == 2);
  CHECK(many.effective_max_picks() == 2);

  const rk::Item& scale = *q.find_item("scale");
  CHECK(scale.min == 1);
  CHECK(scale.max == 7);
  CHECK(scale.max_label.in("en") == "High");
  CHECK(scale.effective_summary() == rk::SummarySection::Ruler);
  REQUIRE(scale.ruler_flags.size() == 1);
  CHECK(scale.ruler_flags[0].min == 1);
  CHECK(scale.ruler_flags[0].max == 2);
  CHECK(scale.ruler_flags[0].flag.severity == rk::Severity::Urgent);
  CHECK(scale.ruler_flags[0].flag.patient_message.in("es") == "Avise en recepción");

  const rk::Page& two = q.pages[1];
  REQUIRE(two.show_if.size() == 2);
  CHECK(two.show_if[0].item == "pick");
  CHECK(two.show_if[0].op == rk::ConditionOp::Equals);
  CHECK(two.show_if[0].values == std::vector<std::string>{"a"});
  CHECK(two.show_if[1].op == rk::ConditionOp::AtLeast);
  CHECK(two.show_if[1].number == 3);

  const rk::Item& why = *q.find_item("why");
  CHECK(why.max_length == 1000);  // long text default
  CHECK(why.effective_summary() == rk::SummarySection::FollowUp);
  CHECK(why.follow_up_of == "scale");
  REQUIRE(why.show_if.size() == 1);
  CHECK(why.show_if[0].op == rk::ConditionOp::AtMost);
  CHECK(why.show_if[0].number == 6);

  const rk::Item& name = *q.find_item("short");
  CHECK(name.max_length == 80);  // short text default
  CHECK(name.summary == rk::SummarySection::Name);
  CHECK(name.show_if[0].op == rk::ConditionOp::OneOf);
  CHECK(name.show_if[0].values == std::vector<std::string>{"x", "z"});

  const rk::Item& cards = *q.find_item("cards");
  CHECK(cards.kind == rk::ItemKind::CardPick);
  CHECK(cards.attribution.in("en") == "Public domain cards");
  CHECK(cards.show_if[0].op == rk::ConditionOp::Answered);

  // A yes/no item always has its two options; labels the file does not write come from the
  // language files (bind_languages), never from the loader.
  CHECK(q.find_item("ok")->options[0].label.empty());
  rk::Questionnaire bound = q;
  CHECK(rk::bind_languages(bound, rk::test::shipped_languages()).empty());
  const rk::Item& ok = *bound.find_item("ok");
  REQUIRE(ok.options.size() == 2);
  CHECK(ok.options[0].id == "yes");
  CHECK(ok.options[0].label.in("en") == "Yes");
  CHECK(ok.options[0].label.in("es") == "Sí");
  CHECK_FALSE(ok.options[0].flag.has_value());
  CHECK(ok.options[1].id == "no");
  CHECK(ok.options[1].label.in("es") == "No");
  REQUIRE(ok.options[1].flag.has_value());
  CHECK(ok.options[1].flag->severity == rk::Severity::Soon);  // the default severity

  CHECK(q.page_of("ok") == 1);
  CHECK(q.page_of("hello") == 0);
  CHECK(q.page_of("nothing") == -1);
  CHECK(q.find_item("nothing") == nullptr);
  CHECK(q.has_language("es"));
  CHECK_FALSE(q.has_language("fr"));
}

TEST_CASE("loader: yes_no labels may be overridden per option") {
  const std::string toml = R"TOML(
id = "q"
version = "1"
minutes = 1
languages = ["en"]
default_language = "en"
title = "Q"
[[page]]
id = "p"
[[page.item]]
id = "y"
kind = "yes_no"
text = "OK?"
[[page.item.option]]
id = "yes"
label = "Yes, please"
)TOML";
  auto result = rk::load_questionnaire_text(toml, "q.toml");
  REQUIRE(result.ok());
  CHECK(rk::bind_languages(*result.questionnaire, rk::test::shipped_languages()).empty());
  const rk::Item& y = *result.questionnaire->find_item("y");
  CHECK(y.options[0].label.in("en") == "Yes, please");  // the file's own label stays
  CHECK(y.options[1].label.in("en") == "No");           // en.toml's `no`
}

TEST_CASE("pipes and ids") {
  const auto pipes = rk::find_pipes("You chose {importance}. {not an id} {x}{y} {{z}} {");
  REQUIRE(pipes.size() == 4);
  CHECK(pipes[0].item_id == "importance");
  CHECK(pipes[0].offset == 10);
  CHECK(pipes[0].length == 12);
  CHECK(pipes[1].item_id == "x");
  CHECK(pipes[2].item_id == "y");
  CHECK(pipes[3].item_id == "z");
  CHECK(rk::find_pipes("").empty());
  CHECK(rk::find_pipes("{9lives}").empty());
  CHECK(rk::is_valid_id("talk_today"));
  CHECK(rk::is_valid_id("a-1"));
  CHECK_FALSE(rk::is_valid_id(""));
  CHECK_FALSE(rk::is_valid_id("1a"));
  CHECK_FALSE(rk::is_valid_id("a b"));
  CHECK_FALSE(rk::is_valid_id("é"));
  CHECK_FALSE(rk::is_valid_id(std::string(65, 'a')));
}

TEST_CASE("did you mean") {
  CHECK(rk::edit_distance("titel", "title") == 1);
  CHECK(rk::edit_distance("kitten", "sitting") == 3);
  CHECK(rk::edit_distance("", "abc") == 3);
  CHECK(rk::edit_distance("Kind", "kind") == 0);
  const std::vector<std::string_view> keys = {"title", "text", "kind"};
  CHECK(rk::closest_match("titel", keys) == std::optional<std::string>("title"));
  CHECK(rk::closest_match("txet", keys) == std::optional<std::string>("text"));
  CHECK_FALSE(rk::closest_match("zzzzzz", keys).has_value());
  CHECK(rk::did_you_mean("kidn", keys) == " Did you mean 'kind'?");
  CHECK(rk::did_you_mean(std::string(10000, 'a'), keys).empty());
}

TEST_CASE("the complete example in questionnaires/README.md is valid") {
  std::ifstream in(std::string(RK_SOURCE_DIR) + "/questionnaires/README.md", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string readme = bytes.str();
  const auto section = readme.find("## A complete example");
  REQUIRE(section != std::string::npos);
  const std::string fence = "```toml\n";
  const auto begin = readme.find(fence, section);
  REQUIRE(begin != std::string::npos);
  const auto end = readme.find("```\n", begin + fence.size());
  REQUIRE(end != std::string::npos);
  const std::string example = readme.substr(begin + fence.size(), end - begin - fence.size());
  const rk::LoadResult result = rk::load_questionnaire_text(example, "README example");
  for (const auto& d : result.errors) MESSAGE(d.format());
  REQUIRE(result.ok());
  CHECK(result.questionnaire->id == "short-check-in");
  CHECK(result.questionnaire->pages.size() == 4);
  CHECK(result.questionnaire->find_item("talk_someone")->options.size() == 2);
  CHECK(result.questionnaire->find_item("first_name")->effective_summary() == rk::SummarySection::Name);
}

TEST_CASE("loader: Windows line endings and a byte order mark are fine (files edited in Notepad)") {
  std::ifstream in(std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml",
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string crlf;
  for (char c : bytes.str()) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  CHECK(rk::load_questionnaire_text(crlf, "crlf.toml").ok());
  CHECK(rk::load_questionnaire_text("\xef\xbb\xbf" + bytes.str(), "bom.toml").ok());
  // Line numbers stay right with CRLF.
  const auto broken = rk::load_questionnaire_text("id = 1\r\nversion = 2\r\n", "x.toml");
  std::vector<std::string> type_errors;
  for (const auto& d : broken.errors) {
    if (d.message.find("must be text") != std::string::npos) type_errors.push_back(d.format().substr(0, 12));
  }
  CHECK(type_errors == std::vector<std::string>{"x.toml:1:6: ", "x.toml:2:11:"});
}
