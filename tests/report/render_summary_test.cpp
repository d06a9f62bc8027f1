// The summary PDF checked with the real tools: qpdf --check, pdftotext, pdfinfo.
#include "render_summary.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "pdf_tools.hpp"
#include "report_strings.hpp"
#include "summary_fixtures.hpp"

using namespace rk;
using rk::test::contains_text;

namespace {

struct Rendered {
  report::RenderResult result;
  std::string path;
  std::string text;
};

Rendered render_to_file(const Summary& s, const test::TempDir& dir, const std::string& name,
                        report::RenderOptions options = {}) {
  Rendered r;
  r.result = report::render_summary(s, test::shipped_languages(), options);
  r.path = dir / name;
  test::write_file(r.path, r.result.pdf);
  r.text = test::pdf_text(r.path);
  return r;
}

// The whole text with each page's footer taken out, so a paragraph that flows over a page break
// reads as one piece again (pdftotext puts the footer between its halves).
std::string without_footers(const std::string& text, const Summary& s, const report::ReportStrings& str,
                            int pages) {
  std::string all = test::squeeze(text);
  std::vector<std::string> footer{std::string(str.disclaimer)};
  for (int p = 1; p <= pages; ++p) footer.push_back(report::format_page_of(str, p, pages));
  footer.insert(footer.end(), s.attributions.begin(), s.attributions.end());
  for (const std::string& f : footer) {
    const std::string needle = test::squeeze(f);
    for (auto at = all.find(needle); at != std::string::npos; at = all.find(needle, at))
      all.erase(at, needle.size());
  }
  return all;
}

std::string long_answer(size_t chars) {
  std::string text;
  int n = 0;
  while (text.size() < chars)
    text += "Frase número " + std::to_string(++n) + ": me cuesta dormir y quiero cambiarlo. ";
  return text.substr(0, chars);
}

}  // namespace

TEST_CASE("every answer appears in the PDF, accents included, in English and Spanish") {
  test::TempDir dir("rk-report");
  for (const std::string language : {"en", "es"}) {
    CAPTURE(language);
    const Summary s = test::hand_made_summary(language);
    const Rendered r = render_to_file(s, dir, "summary-" + language + ".pdf");
    REQUIRE(r.result.ok());
    CHECK(test::qpdf_check(r.path) == 0);
    CHECK(r.result.pages >= 1);
    for (const std::string& t : test::all_texts(s)) {
      CAPTURE(t);
      CHECK(contains_text(r.text, t));
    }
    const report::ReportStrings str = *report::report_strings(test::shipped_languages(), language);
    for (std::string_view heading : {str.title, str.talk_about, str.rulers, str.strengths_values, str.hope,
                                     str.skipped, str.disclaimer, str.flags, str.safety}) {
      CAPTURE(heading);
      CHECK(contains_text(r.text, std::string(heading)));
    }
    CHECK(contains_text(r.text, report::format_page_of(str, 1, r.result.pages)));
    CHECK(contains_text(r.text, "8 / 10"));  // each ruler's value, in words a skim finds
    CHECK(contains_text(r.text, "3 / 10"));
    CHECK(contains_text(r.text, "0 / 10"));
  }
}

TEST_CASE("Spanish headings are Spanish, and the talk-about answer is quoted verbatim") {
  test::TempDir dir("rk-report");
  const Summary s = test::hand_made_summary("es");
  const Rendered r = render_to_file(s, dir, "es.pdf");
  REQUIRE(r.result.ok());
  CHECK(contains_text(r.text, "De qué me gustaría hablar hoy"));
  CHECK(contains_text(r.text, "Una ayuda para la conversación, no una puntuación diagnóstica."));
  CHECK(contains_text(r.text, "Preguntas omitidas"));
  CHECK(contains_text(r.text, "«" + s.talk_about[0].answer + "»"));
  CHECK_FALSE(contains_text(r.text, "What I'd like to talk about today"));
}

TEST_CASE("the heading language can follow the clinic's config instead of the patient's") {
  test::TempDir dir("rk-report");
  report::RenderOptions options;
  options.language = "en";
  const Rendered r = render_to_file(test::hand_made_summary("es"), dir, "mixed.pdf", options);
  REQUIRE(r.result.ok());
  CHECK(contains_text(r.text, "What I'd like to talk about today"));
  CHECK(contains_text(r.text, "Duermo poco desde que cambié de turno"));
}

TEST_CASE("the flag box comes first, before the patient's words") {
  test::TempDir dir("rk-report");
  const Summary s = test::hand_made_summary("en");
  const Rendered r = render_to_file(s, dir, "order.pdf");
  const std::string text = test::squeeze(r.text);
  const auto flag = text.find(test::squeeze(s.flags[0].text));
  const auto safety = text.find(test::squeeze(s.safety[0].answer));
  const auto talk = text.find(test::squeeze(s.talk_about[0].answer));
  const auto ruler = text.find(test::squeeze(s.rulers[0].prompt));
  const auto strengths = text.find(test::squeeze(s.strengths[0].labels[0]));
  const auto hope = text.find(test::squeeze(s.hope[0].answer));
  const auto skipped = text.find(test::squeeze(s.skipped[0]));
  REQUIRE(flag != std::string::npos);
  CHECK(flag < safety);
  CHECK(safety < talk);
  CHECK(talk < ruler);
  CHECK(ruler < strengths);
  CHECK(strengths < hope);
  CHECK(hope < skipped);
}

TEST_CASE("a 2,000-character answer and a 300-character word are printed in full") {
  test::TempDir dir("rk-report");
  Summary s = test::hand_made_summary("es");
  const std::string answer = long_answer(2000);
  std::string word;
  for (int i = 0; i < 300; ++i) word += static_cast<char>('a' + i % 26);
  word.replace(10, 1, "ñ");
  s.talk_about[0].answer = answer;
  s.notes[0].answer = word;
  s.rulers[0].follow_ups[0].answer = word;  // also in the narrower, indented column
  const Rendered r = render_to_file(s, dir, "long.pdf");
  REQUIRE(r.result.ok());
  CHECK(test::qpdf_check(r.path) == 0);
  CHECK(contains_text(r.text, answer));
  CHECK(contains_text(r.text, word));
  CHECK(test::squeeze(r.text).find(test::squeeze(word)) != test::squeeze(r.text).rfind(test::squeeze(word)));
}

TEST_CASE("long summaries flow onto further pages, each with page X of Y") {
  test::TempDir dir("rk-report");
  Summary s = test::hand_made_summary("en");
  for (int i = 0; i < 12; ++i) {
    s.notes.push_back({"note" + std::to_string(i), "Note question " + std::to_string(i),
                       "Answer " + std::to_string(i) + ": " + long_answer(700)});
  }
  s.flags.push_back({Severity::Soon, long_answer(1500), "A long flag question", "A long flag answer"});
  const Rendered r = render_to_file(s, dir, "multi.pdf");
  REQUIRE(r.result.ok());
  CHECK(test::qpdf_check(r.path) == 0);
  REQUIRE(r.result.pages >= 3);
  CHECK(test::pdf_pages(r.path) == r.result.pages);
  for (int page = 1; page <= r.result.pages; ++page) {
    CAPTURE(page);
    const std::string page_text = test::pdf_text(r.path, page);
    CHECK(contains_text(page_text, "Page " + std::to_string(page) + " of " + std::to_string(r.result.pages)));
    CHECK(contains_text(page_text, "A conversation aid, not a diagnostic score."));
  }
  const std::string body = without_footers(r.text, s, *report::report_strings(test::shipped_languages(), "en"), r.result.pages);
  for (const std::string& t : test::all_texts(s)) {
    CAPTURE(t.substr(0, 60));
    const bool in_footer = std::find(s.attributions.begin(), s.attributions.end(), t) != s.attributions.end();
    CHECK(contains_text(in_footer ? r.text : body, t));
  }
}

TEST_CASE("paper size follows the config: Letter or A4 media box") {
  test::TempDir dir("rk-report");
  KioskConfig config;
  config.paper = PaperSize::Letter;
  const Rendered letter =
      render_to_file(test::hand_made_summary("en"), dir, "letter.pdf", report::render_options_from(config));
  config.paper = PaperSize::A4;
  const Rendered a4 =
      render_to_file(test::hand_made_summary("en"), dir, "a4.pdf", report::render_options_from(config));
  REQUIRE(letter.result.ok());
  REQUIRE(a4.result.ok());
  CHECK(test::pdf_page_size(letter.path).rfind("612 x 792 pts", 0) == 0);
  CHECK(test::pdf_page_size(a4.path).rfind("595.276 x 841.89 pts", 0) == 0);
}

TEST_CASE("the PDF is compressed and embeds its fonts") {
  test::TempDir dir("rk-report");
  const Rendered r = render_to_file(test::hand_made_summary("en"), dir, "fonts.pdf");
  REQUIRE(r.result.ok());
  const std::string fonts = test::run("pdffonts " + test::quote(r.path) + " 2>/dev/null").out;
  CHECK(fonts.find("DejaVuSans") != std::string::npos);
  CHECK(fonts.find(" no ") == std::string::npos);  // every font embedded ("emb" column yes)
  const std::string raw(r.result.pdf.begin(), r.result.pdf.end());
  CHECK(raw.find("/FlateDecode") != std::string::npos);
  CHECK(raw.find("begincidrange") == std::string::npos);  // our ToUnicode map replaced libharu's
  CHECK(r.result.pdf.size() < 150u * 1024u);
}

TEST_CASE("an empty summary, odd bytes and odd rulers still render") {
  test::TempDir dir("rk-report");
  Summary empty;
  empty.language = "es";
  const Rendered e = render_to_file(empty, dir, "empty.pdf");
  REQUIRE(e.result.ok());
  CHECK(contains_text(e.text, "No se dio ninguna respuesta."));

  Summary odd = test::hand_made_summary("en");
  odd.notes[0].answer = std::string("bad \xff bytes\tand\r\nlines \xE2\x82", 26);
  odd.notes.push_back({"emoji", "Emoji", "before \U0001F600 after"});
  odd.notes.push_back({"scripts", "Greek and Cyrillic", "Ωμέγα Привет"});
  odd.rulers[0].min = 1;
  odd.rulers[0].max = 5;
  odd.rulers[0].value = 4;
  odd.rulers[1].min = 0;
  odd.rulers[1].max = 100;  // a 0–100 scale labels every few numbers
  odd.rulers[1].value = 37;
  odd.rulers[2].min = 5;
  odd.rulers[2].max = 5;  // degenerate: no scale, the value is still printed
  odd.rulers[2].value = 5;
  odd.language = "xx";  // a language without a file: an error that says what to add, never English
  const auto unknown = report::render_summary(odd, test::shipped_languages());
  CHECK_FALSE(unknown.ok());
  CHECK(unknown.error.find("assets/i18n/xx.toml") != std::string::npos);
  odd.language = "en";
  const Rendered o = render_to_file(odd, dir, "odd.pdf");
  REQUIRE(o.result.ok());
  CHECK(test::qpdf_check(o.path) == 0);
  CHECK(contains_text(o.text, "bad"));
  CHECK(contains_text(o.text, "Ωμέγα Привет"));
  CHECK(contains_text(o.text, "before \uFFFD after"));  // an emoji leaves a visible mark
  CHECK(contains_text(o.text, "4 / 5"));
  CHECK(contains_text(o.text, "37 / 100"));
  CHECK(contains_text(o.text, "What I'd like to talk about today"));
}

TEST_CASE("font problems come back as a clear error, never a crash") {
  report::RenderOptions missing;
  missing.regular_font_path = "/nonexistent/font.ttf";
  const auto a = report::render_summary(test::hand_made_summary("en"), test::shipped_languages(), missing);
  CHECK_FALSE(a.ok());
  CHECK(a.pdf.empty());
  CHECK(a.error.find("font") != std::string::npos);

  test::TempDir dir("rk-report");
  test::write_file(dir / "not-a-font.ttf", std::vector<unsigned char>(5000, 'x'));
  report::RenderOptions garbage;
  garbage.regular_font_path = dir / "not-a-font.ttf";
  const auto b = report::render_summary(test::hand_made_summary("en"), test::shipped_languages(), garbage);
  CHECK_FALSE(b.ok());
  CHECK_FALSE(b.error.empty());
}

TEST_CASE("no patient data in the PDF's metadata") {
  const Summary s = test::hand_made_summary("en");
  const auto r = report::render_summary(s, test::shipped_languages());
  REQUIRE(r.ok());
  test::TempDir dir("rk-report");
  test::write_file(dir / "meta.pdf", r.pdf);
  const std::string info = test::run("pdfinfo " + test::quote(dir / "meta.pdf") + " 2>/dev/null").out;
  CHECK(info.find("Readiness summary") != std::string::npos);
  CHECK(info.find(s.patient_name) == std::string::npos);
}

TEST_CASE("a picked option is not quoted as the patient's words, and a flagged safety answer shows once") {
  test::TempDir dir("rk-report");
  Summary s = test::hand_made_summary("en");
  Summary::Entry picked{"focus", "Focus for today", "Stress or worry"};
  picked.own_words = false;
  s.talk_about.push_back(picked);
  s.flags[0].item_id = "talk_now";
  s.safety.push_back({"talk_now", "Would like to talk to someone today", "Flagged safety answer"});
  const Rendered r = render_to_file(s, dir, "once.pdf");
  REQUIRE(r.result.ok());

  CHECK(contains_text(r.text, "Stress or worry"));
  CHECK_FALSE(contains_text(r.text, "\u201CStress or worry\u201D"));
  CHECK(contains_text(r.text, "\u201C" + s.talk_about[0].answer + "\u201D"));  // typed words stay quoted
  // The flag box already gives the question and answer that raised the flag.
  CHECK_FALSE(contains_text(r.text, "Flagged safety answer"));
  CHECK(contains_text(r.text, s.safety[0].answer));  // a safety answer with no flag is still printed
}
