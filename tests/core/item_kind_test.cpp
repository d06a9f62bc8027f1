// The table of item kinds (item_kind.hpp): every kind has one row, a file can use every kind by its
// name, and the loader and the session engine act on what the row says.
#include "item_kind.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "questionnaire.hpp"
#include "session.hpp"

namespace {

/// A one-item questionnaire of this kind, with the least a file must write for it.
std::string file_with(const rk::ItemKindInfo& kind) {
  std::string toml = R"(id = "k"
version = "1"
minutes = 1
languages = ["en"]
default_language = "en"
title = "Kinds"
[[page]]
id = "p"
[[page.item]]
id = "it"
text = "Question"
)";
  toml += "kind = \"" + std::string(kind.name) + "\"\n";
  if (kind.allows("option") && kind.fixed_options.empty()) {
    toml +=
        "[[page.item.option]]\nid = \"a\"\nlabel = \"A\"\n[[page.item.option]]\nid = \"b\"\nlabel = \"B\"\n";
  }
  return toml;
}

}  // namespace

TEST_CASE("item kinds: one row per kind, in the order of ItemKind, each with its own name") {
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < rk::item_kinds().size(); ++i) {
    const auto& row = rk::item_kinds()[i];
    CHECK(static_cast<std::size_t>(row.kind) == i);
    CHECK(&rk::describe(row.kind) == &row);
    CHECK(names.insert(row.name).second);
    CHECK(rk::item_kind_named(row.name) == row.kind);
    CHECK(rk::item_kind_names()[i] == row.name);
  }
  CHECK_FALSE(rk::item_kind_named("slider").has_value());
  CHECK(rk::item_kinds().size() == 8);
}

TEST_CASE("item kinds: what the rows say of today's kinds") {
  using rk::AnswerShape;
  using rk::ItemKind;
  CHECK(rk::describe(ItemKind::Info).answer == AnswerShape::None);
  CHECK(rk::describe(ItemKind::Ruler).answer == AnswerShape::Number);
  CHECK(rk::describe(ItemKind::Ruler).default_summary == rk::SummarySection::Ruler);
  CHECK(rk::describe(ItemKind::Info).default_summary == rk::SummarySection::None);
  for (const auto& row : rk::item_kinds()) {
    CAPTURE(row.name);
    // Only typed answers are the patient's own words: a picked option is the clinic's.
    CHECK(row.own_words == (row.answer == AnswerShape::Text));
    CHECK((row.default_max_length > 0) == (row.answer == AnswerShape::Text));
    CHECK((row.answer == AnswerShape::Picks) == row.allows("option"));
    CHECK_FALSE(row.fhir_type.empty());  // every kind has a FHIR form (fhir_export_questionnaire.cpp)
  }
  CHECK(rk::describe(ItemKind::ShortText).one_line);
  CHECK_FALSE(rk::describe(ItemKind::LongText).one_line);
  CHECK(rk::describe(ItemKind::YesNo).single_pick);
  CHECK(rk::describe(ItemKind::YesNo).fixed_options.size() == 2);
  CHECK(rk::describe(ItemKind::MultiChoice).allows("max_picks"));
  CHECK_FALSE(rk::describe(ItemKind::SingleChoice).allows("max_picks"));
}

TEST_CASE("item kinds: a file can use every kind by its name, and the session takes its answer shape") {
  for (const auto& row : rk::item_kinds()) {
    CAPTURE(row.name);
    const rk::LoadResult loaded = rk::load_questionnaire_text(file_with(row), "kind.toml");
    for (const auto& e : loaded.errors) INFO(e.format());
    REQUIRE(loaded.ok());
    const rk::Item& item = loaded.questionnaire->pages.front().items.front();
    CHECK(item.kind == row.kind);
    CHECK(item.effective_summary() == row.default_summary);
    CHECK(item.max_length == row.default_max_length);

    rk::Session session(*loaded.questionnaire);
    session.start("en", rk::Session::Clock::now());
    const bool picks =
        session.set_answer("it", rk::Answer::pick(item.options.empty() ? "x" : item.options[0].id));
    const bool number = session.set_answer("it", rk::Answer::number(item.min));
    const bool text = session.set_answer("it", rk::Answer::free_text("words"));
    CHECK(picks == (row.answer == rk::AnswerShape::Picks));
    CHECK(number == (row.answer == rk::AnswerShape::Number));
    CHECK(text == (row.answer == rk::AnswerShape::Text));
    if (text) {
      const rk::Summary summary = session.finish(rk::Session::Clock::now());
      REQUIRE(summary.notes.size() == 1);
      CHECK(summary.notes.front().own_words == row.own_words);
    }
  }
}
