// The loader never crashes, hangs or reads out of bounds, whatever the bytes: every truncation
// and thousands of deterministic byte mutations of the shipped questionnaire, plus hand-made
// nasty inputs. An invalid input always gets at least one diagnostic at a place inside the input.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "questionnaire.hpp"

namespace {

std::string shipped_questionnaire() {
  std::ifstream in(std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml",
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct Shape {
  int lines = 1;
  int longest_line = 0;
};

Shape shape_of(const std::string& text) {
  Shape s;
  int current = 0;
  for (char c : text) {
    if (c == '\n') {
      ++s.lines;
      current = 0;
    } else {
      ++current;
      s.longest_line = std::max(s.longest_line, current);
    }
  }
  return s;
}

/// Loads `text` and checks the result is coherent. Returns true when the input was accepted.
bool load_and_check(const std::string& text, const std::string& label) {
  const rk::LoadResult result = rk::load_questionnaire_text(text, "m.toml");
  const Shape shape = shape_of(text);
  if (result.ok()) {
    CHECK_MESSAGE(!result.questionnaire->pages.empty(), label);
    return true;
  }
  CHECK_MESSAGE(!result.errors.empty(), label);
  CHECK_MESSAGE(!result.questionnaire.has_value(), label);
  for (const auto& d : result.errors) {
    const bool sane = d.file == "m.toml" && d.where.line >= 1 && d.where.line <= shape.lines + 1 &&
                      d.where.column >= 1 && d.where.column <= shape.longest_line + 2 && !d.message.empty();
    if (!sane) {
      FAIL_CHECK(label << ": " << d.format());
      break;
    }
  }
  return false;
}

std::string random_bytes(std::mt19937& rng, std::size_t count) {
  // Mostly TOML's own punctuation, so mutations reach past the syntax checks.
  static const std::string kAlphabet = "[]{}=\"'.,#\n \\0123456789-+_aezAEZ\t\xc3\xa9\xff\x00";
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (rng() % 4 == 0) {
      out += static_cast<char>(rng() % 256);
    } else {
      out += kAlphabet[rng() % kAlphabet.size()];
    }
  }
  return out;
}

std::string mutate(std::string text, std::mt19937& rng) {
  const int edits = 1 + static_cast<int>(rng() % 3);
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = text.empty() ? 0 : rng() % text.size();
    const std::size_t span = 1 + rng() % 64;
    switch (rng() % 5) {
      case 0:  // flip one byte
        if (!text.empty()) text[at] = static_cast<char>(text[at] ^ static_cast<char>(1u << (rng() % 8)));
        break;
      case 1:  // insert bytes
        text.insert(at, random_bytes(rng, 1 + rng() % 8));
        break;
      case 2:  // delete a span
        text.erase(at, std::min(span, text.size() - at));
        break;
      case 3:  // duplicate a span (copies keys, tables, whole items)
        text.insert(at, text.substr(at, std::min(span * 4, text.size() - at)));
        break;
      default: {  // move a line somewhere else (later items before earlier ones, keys out of place)
        const std::size_t start = text.rfind('\n', at);
        const std::size_t begin = start == std::string::npos ? 0 : start + 1;
        const std::size_t end = text.find('\n', begin);
        if (end == std::string::npos) break;
        const std::string line = text.substr(begin, end - begin + 1);
        text.erase(begin, line.size());
        text.insert(text.empty() ? 0 : rng() % (text.size() + 1), line);
        break;
      }
    }
  }
  return text;
}

}  // namespace

TEST_CASE("the shipped questionnaire is valid, and so the baseline of the mutations") {
  const std::string shipped = shipped_questionnaire();
  REQUIRE(shipped.size() > 1000);
  CHECK(load_and_check(shipped, "shipped"));
}

TEST_CASE("every truncation of the shipped questionnaire loads without a crash") {
  const std::string shipped = shipped_questionnaire();
  REQUIRE(!shipped.empty());
  int accepted = 0;
  for (std::size_t length = 0; length < shipped.size(); ++length) {
    if (load_and_check(shipped.substr(0, length), "prefix of " + std::to_string(length) + " bytes"))
      ++accepted;
  }
  // Cutting the file short mostly breaks it; a cut between whole pages may leave a valid file.
  CHECK(accepted < static_cast<int>(shipped.size()) / 10);
}

TEST_CASE("thousands of byte mutations of the shipped questionnaire load without a crash") {
  const std::string shipped = shipped_questionnaire();
  std::mt19937 rng(20261125u);  // deterministic: a failure reproduces
  constexpr int kMutations = 4000;
  int rejected = 0;
  for (int i = 0; i < kMutations; ++i) {
    if (!load_and_check(mutate(shipped, rng), "mutation #" + std::to_string(i))) ++rejected;
  }
  MESSAGE(rejected << " of " << kMutations << " mutations were rejected with diagnostics");
  CHECK(rejected > kMutations / 2);
}

TEST_CASE("hand-made hostile inputs") {
  const std::string shipped = shipped_questionnaire();
  CHECK_FALSE(load_and_check(std::string(100000, '['), "deep arrays"));
  CHECK_FALSE(
      load_and_check("a = " + std::string(100000, '[') + std::string(100000, ']'), "deep array value"));
  CHECK_FALSE(load_and_check("a = " + std::string(5000, '{'), "deep inline tables"));
  CHECK_FALSE(load_and_check(std::string(200000, 'a'), "one long key"));
  CHECK_FALSE(load_and_check(std::string("id = \"a\0b\"\n", 11), "NUL byte"));
  CHECK_FALSE(load_and_check("\xff\xfe\xfd", "invalid UTF-8"));
  CHECK_FALSE(load_and_check("\xef\xbb\xbf", "only a byte order mark"));
  CHECK_FALSE(load_and_check("minutes = 99999999999999999999999\n", "integer overflow"));
  CHECK_FALSE(load_and_check("minutes = -9223372036854775808\n", "smallest integer"));
  CHECK_FALSE(load_and_check("minutes = 1e309\n", "float overflow"));
  CHECK_FALSE(load_and_check("minutes = nan\n", "nan"));
  CHECK_FALSE(load_and_check(std::string(100000, '\n'), "only newlines"));
  CHECK_FALSE(load_and_check("page = 1\n", "page is a number"));
  CHECK_FALSE(load_and_check("[page]\nid = 1\nitem = [1, 2]\n", "page is a table, items are numbers"));
  CHECK_FALSE(load_and_check("[[page]]\n[[page.item]]\noption = \"x\"\nshow_if = 3\n", "items of odd types"));
  CHECK_FALSE(load_and_check("[[page]]\n[[page.item]]\nkind = \"ruler\"\nflag_range = [{}, {}]\nmin = []\n",
                             "empty flag ranges"));
  CHECK_FALSE(load_and_check(
      "[[page]]\n[[page.item]]\nkind = \"yes_no\"\n[[page.item.option]]\n[[page.item.option]]\n",
      "options without ids"));
  CHECK_FALSE(
      load_and_check("[[page]]\nshow_if = [[], {}, 1, { item = 2, equals = [] }]\n", "odd conditions"));
  CHECK_FALSE(load_and_check("text = \"" + std::string(50000, '{') + "\"\n", "many open braces"));

  // Thousands of pages and items, every one piping the one before.
  std::string big = shipped;
  for (int i = 0; i < 2000; ++i) {
    big += "[[page]]\nid = \"extra" + std::to_string(i) + "\"\n[[page.item]]\nid = \"x" + std::to_string(i) +
           "\"\nkind = \"short_text\"\ntext = \"{" +
           (i == 0 ? std::string("focus") : "x" + std::to_string(i - 1)) + "}\"\n";
  }
  CHECK(load_and_check(big, "2000 extra pages"));
}

namespace {
std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}
}  // namespace

// toml++ 3.3's headers reach __builtin_unreachable() when some non-ASCII characters stand where
// whitespace may be (toml++ issues #190, #295). This runs every code point through each such place
// with the library the kiosk links, so a clinic's odd character can never take the kiosk down.
TEST_CASE("every Unicode code point where the TOML parser looks for whitespace") {
  int checked = 0;
  for (char32_t c = 0x80; c <= 0x10FFFF; c += (c < 0x10000 ? 1 : 0x3F)) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string ch = utf8(c);
    for (const std::string& doc :
         {ch + " = 1\n", "a = 1" + ch + "\n", "[" + ch + "]\n", "[\"" + ch + "\"]\n",
          "a = \"\"\"\\\n" + ch + "\"\"\"\n", "a = \"" + ch + "\"\n", "a = 1 #" + ch + "\n"}) {
      const rk::LoadResult result = rk::load_questionnaire_text(doc, "u.toml");
      if (result.ok() || result.errors.empty() || result.errors.front().where.line < 1) {
        FAIL_CHECK("code point " << static_cast<unsigned long>(c) << " in " << doc);
      }
      ++checked;
    }
  }
  CHECK(checked > 7 * 60000);
}
