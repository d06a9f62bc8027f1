// readiness-kiosk --sample-summary: the fictional patient's summary, end to end through the binary.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <string>

#include "paths.hpp"
#include "pdf_tools.hpp"
#include "questionnaire.hpp"
#include "questionnaire_languages.hpp"
#include "sample_patient.hpp"
#include "summary_fixtures.hpp"

using namespace rk;
using rk::test::contains_text;
using rk::test::quote;
using rk::test::run;

namespace {

const std::string kBin = RK_KIOSK_BIN;
const std::string kQuestionnaire =
    std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml";

}  // namespace

TEST_CASE("--sample-summary writes a checked PDF holding every sample answer, in en and es") {
  test::TempDir dir("rk-sample");
  const LoadResult loaded = load_questionnaire_file(kQuestionnaire, test::shipped_languages());
  REQUIRE(loaded.ok());
  for (const std::string language : {"en", "es"}) {
    CAPTURE(language);
    const std::string out = dir / ("sample-" + language + ".pdf");
    const auto r = run(quote(kBin) + " --sample-summary " + quote(out) + " --lang " + language +
                       " --questionnaire " + quote(kQuestionnaire) + " 2>&1");
    CAPTURE(r.out);
    REQUIRE(r.status == 0);
    CHECK(test::qpdf_check(out) == 0);
    struct stat st {};
    REQUIRE(stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    // The same fictional patient in-process: everything it answered must be on the page.
    Summary expected = make_sample_summary(*loaded.questionnaire, test::shipped_languages(), language, std::chrono::system_clock::now());
    expected.kiosk_name = "Readiness Kiosk";
    const std::string text = test::pdf_text(out);
    for (const std::string& t : test::all_texts(expected)) {
      CAPTURE(t);
      CHECK(contains_text(text, t));
    }
    CHECK_FALSE(expected.talk_about.empty());
    CHECK_FALSE(expected.rulers.empty());
  }
}

TEST_CASE("--sample-summary uses the default questionnaire, and the config's paper and kiosk name") {
  test::TempDir dir("rk-sample");
  const std::string config = dir / "kiosk.toml";
  test::write_file(config, [] {
    const std::string s = "kiosk_name = \"Clínica Norte\"\npaper = \"a4\"\n";
    return std::vector<unsigned char>(s.begin(), s.end());
  }());
  const std::string out = dir / "a4.pdf";
  const auto r =
      run(quote(kBin) + " --sample-summary " + quote(out) + " --config " + quote(config) + " 2>&1");
  CAPTURE(r.out);
  REQUIRE(r.status == 0);
  CHECK(test::pdf_page_size(out).rfind("595.276 x 841.89 pts", 0) == 0);
  CHECK(contains_text(test::pdf_text(out), "Clínica Norte"));
}

TEST_CASE("--sample-summary reports bad arguments and unwritable places clearly") {
  test::TempDir dir("rk-sample");
  CHECK(run(quote(kBin) + " --sample-summary 2>/dev/null").status == 2);
  CHECK(run(quote(kBin) + " --sample-summary " + quote(dir / "x.pdf") + " --lang 2>/dev/null").status == 2);
  CHECK(run(quote(kBin) + " --sample-summary " + quote(dir / "x.pdf") + " --bogus 2>/dev/null").status == 2);
  const auto two = run(quote(kBin) + " --sample-summary " + quote(dir / "x.pdf") + " " + quote(dir / "y.pdf") + " 2>&1");
  CHECK(two.status == 2);
  CHECK(two.out.find("one output file only") != std::string::npos);
  CHECK(run(quote(kBin) + " --sample-summary " + quote(dir / "x.pdf") + " --lang zz 2>/dev/null").status ==
        2);
  CHECK(run(quote(kBin) + " --sample-summary " + quote(dir / "x.pdf") + " --questionnaire " +
            quote(dir / "missing.toml") + " 2>/dev/null")
            .status == 1);
  const auto r = run(quote(kBin) + " --sample-summary " + quote(dir / "no/such/folder/x.pdf") + " 2>&1");
  CHECK(r.status == 1);
  CHECK(r.out.find("no/such/folder") != std::string::npos);
  // Nothing half-written anywhere.
  CHECK(run("ls -A " + quote(dir.path())).out.empty());
}
