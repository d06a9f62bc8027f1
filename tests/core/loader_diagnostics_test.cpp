// Exact diagnostics (file:line:column and message) for each check of the questionnaire validator.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kind_lists.hpp"
#include "questionnaire.hpp"

namespace {

std::vector<std::string> problems(const std::string& toml) {
  std::vector<std::string> out;
  const rk::LoadResult result = rk::load_questionnaire_text(toml, "t.toml");
  for (const auto& d : result.errors) out.push_back(d.format());
  CHECK(result.ok() == out.empty());
  CHECK(result.questionnaire.has_value() == out.empty());
  return out;
}

}  // namespace

TEST_CASE("validator: a TOML syntax error points at the place it was found") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
intro = "unterminated
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:7:22: error: TOML syntax error: Error while parsing string: unescaped control characters other "
      "than TAB (U+0009) are explicitly prohibited. Fix the file at this place.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: an unknown key gets a did-you-mean suggestion") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
titel = "x"
[[page.item]]
id = "a"
kind = "info"
text = "Hi"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:9:1: error: unknown key 'titel' in a page ([[page]]). Did you mean 'title'?",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: an unknown key with no close match lists the allowed keys") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "a"
kind = "info"
text = "Hi"
zzzqqq = 1
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:13:1: error: unknown key 'zzzqqq' in an item ([[page.item]]). Remove it; the keys allowed here "
      "are: " + rk::test::listed_item_keys() + ".",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: missing required keys are reported at their table") {
  const std::string toml = R"TOML(title = "T"
[[page]]
id = "p"
[[page.item]]
kind = "info"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:1:1: error: the file has no 'id'. Add it, for example: id = \"readiness-and-strengths\"",
      "t.toml:1:1: error: the file has no 'version'. Add it, for example: version = \"1.0\"",
      "t.toml:1:1: error: the file has no 'minutes'. Add it, for example: minutes = 4",
      "t.toml:1:1: error: the file has no 'languages'. Add it, for example: languages = [\"en\", \"es\"] at "
      "the top",
      "t.toml:1:1: error: the file has no 'default_language'. Add it, for example: default_language = \"en\"",
      "t.toml:4:1: error: this item has no 'id'. Add it, for example: id = \"talk_today\"",
      "t.toml:4:1: error: this item has no 'text'. Add it, for example: text = { en = \"...\", es = \"...\" "
      "}",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: wrong types say what the value must be") {
  const std::string toml = R"TOML(id = "t"
version = 1
minutes = "two"
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "a"
kind = "short_text"
text = "Hi"
required = "yes"
max_length = 2.5
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:2:11: error: 'version' must be text in quotes, not a whole number. For example: version = "
      "\"1.0\"",
      "t.toml:3:11: error: 'minutes' must be a whole number, not text. For example: minutes = 4",
      "t.toml:13:12: error: 'required' must be true or false (without quotes), not text. For example: "
      "required = true",
      "t.toml:14:14: error: 'max_length' must be a whole number, not a decimal number. For example: "
      "max_length = 80",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: duplicate page, item and option ids") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "a"
kind = "info"
text = "Hi"
[[page.item]]
id = "a"
kind = "info"
text = "Again"
[[page]]
id = "p"
[[page.item]]
id = "b"
kind = "single_choice"
text = "Q"
[[page.item.option]]
id = "x"
label = "X"
[[page.item.option]]
id = "x"
label = "Y"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:14:6: error: item id 'a' is already used by the item at line 10. Give each item its own id.",
      "t.toml:18:6: error: page id 'p' is already used by the page at line 8. Give each page its own id.",
      "t.toml:27:6: error: option id 'x' is used twice in item 'b'. Give each option its own id.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: a condition naming an unknown item suggests the closest id") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "focus"
kind = "yes_no"
text = "Q"
[[page.item]]
id = "b"
kind = "info"
text = "I"
show_if = { item = "focsu", equals = "yes" }
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:17:20: error: show_if names 'focsu', but no item has that id. Did you mean 'focus'? Use the id "
      "of an earlier item.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: a condition naming a later item") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "a"
kind = "short_text"
text = "Q"
show_if = { item = "b", answered = true }
[[page.item]]
id = "b"
kind = "short_text"
text = "Q"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:13:20: error: show_if names 'b', which comes later (line 15). Name an item that comes before, "
      "or move this one after it.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: a condition naming its own item") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "a"
kind = "short_text"
text = "Q"
show_if = { item = "a", answered = true }
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:13:20: error: show_if names 'a', this same item. Name an earlier item: an answer cannot depend "
      "on itself.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: a page condition naming an item on the same page") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
show_if = { item = "a", answered = true }
[[page.item]]
id = "a"
kind = "short_text"
text = "Q"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:9:20: error: show_if names 'a', which is on this same page. A page can only depend on items of "
      "earlier pages.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: pipes naming a later item, the same item or no item") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "a"
kind = "short_text"
text = "You said {b}"
[[page.item]]
id = "b"
kind = "short_text"
text = "Q {b}"
[[page.item]]
id = "c"
kind = "info"
text = "{nope} {a}"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:12:18: error: the answer {b} in 'text' names 'b', which comes later (line 14). Name an item "
      "that comes before, or move this one after it.",
      "t.toml:16:11: error: the answer {b} in 'text' names 'b', this same item. Name an earlier item: an "
      "answer cannot depend on itself.",
      "t.toml:20:9: error: the answer {nope} in 'text' names 'nope', but no item has that id. Use the id of "
      "an earlier item.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: a ruler whose min is not below its max") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "r"
kind = "ruler"
text = "Q"
min = 5
max = 5
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:14:7: error: the ruler's min (5) must be below its max (5). For example min = 0 and max = 10.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: a choice with no options") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "c"
kind = "single_choice"
text = "Q"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:9:1: error: this single_choice item has no options. Add at least one [[page.item.option]] with "
      "an id and a label.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: a card pick asking for more cards than it offers") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "c"
kind = "card_pick"
text = "Q"
max_picks = 3
[[page.item.option]]
id = "x"
label = "X"
[[page.item.option]]
id = "y"
label = "Y"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:13:13: error: max_picks is 3, but the item offers only 2 options. Lower max_picks or add "
      "options.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: min_picks above max_picks") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "c"
kind = "card_pick"
text = "Q"
min_picks = 2
max_picks = 1
[[page.item.option]]
id = "x"
label = "X"
[[page.item.option]]
id = "y"
label = "Y"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:13:13: error: min_picks (2) is more than max_picks (1). Lower min_picks.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: a missing translation") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "a"
kind = "info"
text = { en = "Hi" }
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:12:8: error: 'text' has no 'es' translation. Add es = \"...\" to it (every language in "
      "'languages' needs one).",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: empty text") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "a"
kind = "info"
text = { en = "Hi", es = "  " }
help = ""
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:12:26: error: 'text' is empty. Write the text, or remove the key.",
      "t.toml:13:8: error: 'help' is empty. Write the text, or remove the key.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: unknown language codes, default_language not declared, undeclared translation") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "esp"]
default_language = "fr"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "a"
kind = "info"
text = { en = "Hi", de = "Hallo" }
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:4:20: error: unknown language code 'esp'. Did you mean 'es'? Use a two-letter ISO 639-1 code "
      "such as \"en\" or \"es\" (optionally with a region, \"es-MX\").",
      "t.toml:5:20: error: default_language 'fr' is not in 'languages' (en). Use one of them.",
      "t.toml:12:21: error: translation 'de' is not one of the file's languages (en). Add it to 'languages' "
      "or remove this translation.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE(
    "validator: condition operators that do not fit the item's kind, unknown options, impossible numbers") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "r"
kind = "ruler"
text = "Q"
[[page.item]]
id = "c"
kind = "yes_no"
text = "Q"
[[page.item]]
id = "t"
kind = "short_text"
text = "Q"
show_if = [ { item = "r", equals = "x" }, { item = "c", at_least = 1 }, { item = "c", equals = "maybe" }, { item = "r", at_least = 11 } ]
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:21:36: error: equals and one_of test the options of a choice, but 'r' is a ruler item. Use "
      "at_least or at_most.",
      "t.toml:21:68: error: at_least and at_most test a ruler's number, but 'c' is a yes_no item. Use equals "
      "or one_of.",
      "t.toml:21:96: error: 'c' has no option 'maybe'. Its options are: yes, no.",
      "t.toml:21:132: error: this condition can never hold: 'r' goes from 0 to 10. Use a number in that "
      "range.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: follow_up_of naming a non-ruler, follow_up without follow_up_of") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "t"
kind = "short_text"
text = "Q"
[[page.item]]
id = "f"
kind = "long_text"
text = "Why?"
summary = "follow_up"
follow_up_of = "t"
[[page.item]]
id = "g"
kind = "long_text"
text = "Why?"
summary = "follow_up"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:18:16: error: follow_up_of names 't', a short_text item; it must name a ruler.",
      "t.toml:23:11: error: summary = \"follow_up\" needs follow_up_of naming the ruler it follows, for "
      "example follow_up_of = \"importance\".",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: flag ranges outside the ruler or upside down, misspelt severity") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "r"
kind = "ruler"
text = "Q"
[[page.item.flag_range]]
min = 8
max = 12
summary = "High"
[[page.item.flag_range]]
min = 3
max = 1
summary = "Odd"
severity = "urgnet"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:13:1: error: this flag_range (8 to 12) goes outside the ruler (0 to 10). Keep it within the "
      "ruler.",
      "t.toml:19:7: error: this flag_range's min (3) is above its max (1). Swap them.",
      "t.toml:21:12: error: unknown severity 'urgnet'. Did you mean 'urgent'? Use one of: notice, soon, "
      "urgent.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: summary = name on a non-text item") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "r"
kind = "ruler"
text = "Q"
summary = "name"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:13:11: error: summary = \"name\" needs a short_text item (a first name or initials), not a "
      "ruler item.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: keys of another kind, misspelt kind") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "a"
kind = "single_choice"
text = "Q"
max = 3
[[page.item.option]]
id = "x"
label = "X"
[[page.item]]
id = "b"
kind = "ruller"
text = "Q"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:13:1: error: 'max' does not apply to a single_choice item (only to " +
          rk::test::listed_kinds_allowing("max") + "). Remove it, or change the kind.",
      "t.toml:19:8: error: unknown kind 'ruller'. Did you mean 'ruler'? Use one of: " +
          rk::test::listed_kind_names() + ".",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: huge numbers are refused, not narrowed") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 9223372036854775807
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "r"
kind = "ruler"
text = "Q"
min = -9223372036854775808
max = 4294967296
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:3:11: error: 'minutes' is 9223372036854775807; it must be between 1 and 120.",
      "t.toml:13:7: error: 'min' is -9223372036854775808; it must be between -1000 and 1000.",
      "t.toml:14:7: error: 'max' is 4294967296; it must be between -1000 and 1000.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: yes_no options other than yes and no") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "ja"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "y"
kind = "yes_no"
text = "Q"
[[page.item.option]]
id = "maybe"
label = "Maybe"
)TOML";
  // (Labels for "ja" are no longer the loader's business: bind_languages wants assets/i18n/ja.toml.)
  const std::vector<std::string> expected = {
      "t.toml:14:6: error: a yes_no item has only the options 'yes' and 'no'; 'maybe' is not one. Use "
      "single_choice for other options.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: a file without pages") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
)TOML";
  const std::vector<std::string> expected = {
      "t.toml:1:1: error: the file has no pages. Add at least one [[page]] with an id and items.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: an empty file") {
  const std::string toml = R"TOML()TOML";
  const std::vector<std::string> expected = {
      "t.toml:1:1: error: the file has no 'id'. Add it, for example: id = \"readiness-and-strengths\"",
      "t.toml:1:1: error: the file has no 'version'. Add it, for example: version = \"1.0\"",
      "t.toml:1:1: error: the file has no 'minutes'. Add it, for example: minutes = 4",
      "t.toml:1:1: error: the file has no 'languages'. Add it, for example: languages = [\"en\", \"es\"] at "
      "the top",
      "t.toml:1:1: error: the file has no 'default_language'. Add it, for example: default_language = \"en\"",
      "t.toml:1:1: error: the file has no 'title'. Add it, for example: title = { en = \"...\", es = \"...\" "
      "}",
      "t.toml:1:1: error: the file has no pages. Add at least one [[page]] with an id and items.",
  };
  CHECK(problems(toml) == expected);
}

TEST_CASE("validator: a pipe's column counts characters, not bytes, escaped braces point at the string") {
  const std::string toml = R"TOML(id = "t"
version = "1"
minutes = 2
languages = ["en", "es"]
default_language = "en"
title = "T"
[[page]]
id = "p"
[[page.item]]
id = "a"
kind = "short_text"
text = { en = "{later} and {later}", es = "¿Eligió {later}?" }
help = """
First line,
then {later}."""
summary_label = "\u007Blater}"
[[page.item]]
id = "later"
kind = "short_text"
text = "Q"
)TOML";
  const std::string later =
      "names 'later', which comes later (line 18). Name an item that comes before, or move this one after "
      "it.";
  const std::vector<std::string> expected = {
      "t.toml:12:16: error: the answer {later} in 'text' " + later,
      "t.toml:12:28: error: the answer {later} in 'text' " + later,
      "t.toml:12:52: error: the answer {later} in 'text' " + later,
      "t.toml:15:6: error: the answer {later} in 'help' " + later,
      "t.toml:16:17: error: the answer {later} in 'summary_label' " + later,
  };
  CHECK(problems(toml) == expected);
}
