// Every script drawn right on paper. Summaries in Vietnamese, Chinese, Arabic and Spanish (the
// fixture tests/text/questionnaires/scripts.toml, answered by the sample patient) are checked
// three ways: pdftotext returns the text in logical order; every glyph embedded in the PDF has
// the same outline as in the font file it came from (a composite glyph that lost a part, like
// Vietnamese "ế" printed as "e", has fewer points); and OCR of the rendered page (tesseract)
// reads the words back, marks and all.
#include <doctest/doctest.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "../support/shipped_languages.hpp"
#include "font_chain.hpp"
#include "pdf_tools.hpp"
#include "questionnaire.hpp"
#include "questionnaire_languages.hpp"
#include "render_summary.hpp"
#include "sample_patient.hpp"
#include "skip.hpp"
#include "utf8.hpp"

using namespace rk;

namespace {

const std::string kFixture = std::string(RK_SOURCE_DIR) + "/tests/text/questionnaires/scripts.toml";
// The shipped questionnaire: its sample patient raises an urgent flag.
const std::string kDefault = std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml";

struct Script {
  const char* lang;
  const char* tesseract;           ///< tesseract's language pack
  std::vector<std::string> text;   ///< what pdftotext must return, in logical order
  std::vector<std::string> ocr;    ///< what OCR of the page must read
  std::vector<std::string> drawn;  ///< characters whose glyphs must be embedded whole
};

const std::vector<Script>& scripts() {
  static const std::vector<Script> all{
      {"vi",
       "vie",
       {"Tiếng Việt: thế mạnh và chất lượng cuộc sống", "Điều muốn nói hôm nay", "Căng thẳng hoặc lo lắng",
        "Mức quan trọng", "Không quan trọng"},
       {"Tiếng Việt: thế mạnh và chất lượng cuộc sống", "Căng thẳng hoặc lo lắng", "Mức quan trọng"},
       {"ếệạấượộốĐềđăẳặắứọ"}},
      {"zh",
       "chi_sim",
       {"今天对您来说什么最重要", "今天想谈的事", "压力或担心", "重要程度", "不重要", "非常重要"},
       {"今天想谈的事", "压力或担心", "重要程度", "非常重要"},
       {"今天对您来说什么最重要想谈的事压力或担心程度非常不"}},
      {"ar",
       "ara",
       {"أنا هنا اليوم لأتحدث عن أهدافي", "ما أود الحديث عنه اليوم", "الضغط أو القلق", "أهمية التغيير"},
       {"أنا هنا اليوم لأتحدث عن أهدافي", "ما أود الحديث عنه اليوم", "الضغط أو القلق"},
       {}},  // drawn as presentation forms: checked through every embedded glyph
      {"es",
       "spa",
       {"¿Qué le importa hoy? Aujourd'hui", "De qué quiere hablar hoy", "Estrés o preocupación"},
       {"¿Qué le importa hoy?", "Estrés o preocupación"},
       {"¿éóñ"}},
  };
  return all;
}

std::string render(const std::string& lang, const test::TempDir& dir, const std::string& questionnaire = kFixture) {
  const LoadResult loaded = load_questionnaire_file(questionnaire, test::shipped_languages());
  REQUIRE(loaded.ok());
  const Summary summary =
      make_sample_summary(*loaded.questionnaire, test::shipped_languages(), lang, std::chrono::system_clock::now());
  const report::RenderResult r = report::render_summary(summary, test::shipped_languages());
  REQUIRE(r.ok());
  const std::string path = dir / ("summary-" + lang + ".pdf");
  test::write_file(path, r.pdf);
  return path;
}

// pdftotext wraps right-to-left runs in embedding controls; the text itself is what counts.
std::string without_bidi_controls(const std::string& s) {
  std::string out;
  for (char32_t c : text::decode(s)) {
    if (c == 0x202A || c == 0x202B || c == 0x202C || c == 0x200E || c == 0x200F) continue;
    text::append(out, c);
  }
  return out;
}

struct Outline {
  int points = -1;  ///< -1: the glyph could not be loaded
  int contours = 0;
};

Outline outline_of(FT_Face face, FT_UInt gid) {
  if (FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0) return {};
  return {face->glyph->outline.n_points, face->glyph->outline.n_contours};
}

// Compares every non-empty glyph of every font embedded in `pdf` with the same glyph id in the
// original file (libharu keeps glyph ids), and checks that each of `drawn` is embedded whole.
struct GlyphCheck {
  int fonts = 0;
  int glyphs = 0;
  std::vector<std::string> broken;
};

GlyphCheck check_embedded_glyphs(const std::string& pdf, const test::TempDir& dir,
                                 const std::u32string& drawn) {
  GlyphCheck check;
  const std::string prefix = dir / "stream";
  REQUIRE(test::run("qpdf --json --json-stream-data=file --json-stream-prefix=" + test::quote(prefix) +
                    " --decode-level=generalized " + test::quote(pdf) + " " +
                    test::quote(dir / "objects.json") + " 2>&1")
              .status == 0);
  FT_Library ft = nullptr;
  REQUIRE(FT_Init_FreeType(&ft) == 0);
  const text::FontChain chain = text::find_font_chain(text::Medium::Paper);
  std::vector<text::FontFace> originals = chain.regular;
  originals.insert(originals.end(), chain.bold.begin(), chain.bold.end());
  std::vector<bool> drawn_found(drawn.size(), false);

  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    if (entry.path().filename().string().rfind("stream-", 0) != 0) continue;
    FT_Face embedded = nullptr;
    if (FT_New_Face(ft, entry.path().c_str(), 0, &embedded) != 0) continue;  // not a font stream
    ++check.fonts;
    std::string family = embedded->family_name ? embedded->family_name : "";
    if (const auto plus = family.find('+'); plus != std::string::npos)
      family.erase(0, plus + 1);  // subset tag
    FT_Face original = nullptr;
    for (const text::FontFace& f : originals) {
      FT_Face candidate = nullptr;
      if (FT_New_Face(ft, f.path.c_str(), f.index, &candidate) != 0) continue;
      if (candidate->num_glyphs == embedded->num_glyphs && std::string(candidate->family_name) == family &&
          std::string(candidate->style_name) == embedded->style_name) {
        original = candidate;
        break;
      }
      FT_Done_Face(candidate);
    }
    const std::string name = family + " " + embedded->style_name;
    if (!original) {
      check.broken.push_back(name + ": no installed font matches it");
      FT_Done_Face(embedded);
      continue;
    }
    for (FT_UInt gid = 1; gid < static_cast<FT_UInt>(embedded->num_glyphs); ++gid) {
      const Outline got = outline_of(embedded, gid);
      if (got.points <= 0) continue;  // not embedded (unused) or blank (a space)
      ++check.glyphs;
      const Outline want = outline_of(original, gid);
      if (got.points != want.points || got.contours != want.contours) {
        check.broken.push_back(name + " glyph " + std::to_string(gid) + ": " + std::to_string(got.points) +
                               " points embedded, " + std::to_string(want.points) + " in the font");
      }
    }
    for (std::size_t k = 0; k < drawn.size(); ++k) {
      const FT_UInt gid = FT_Get_Char_Index(original, drawn[k]);
      if (gid == 0) continue;
      const Outline want = outline_of(original, gid);
      const Outline got = outline_of(embedded, gid);
      if (want.points > 0 && got.points == want.points) drawn_found[k] = true;
    }
    FT_Done_Face(original);
    FT_Done_Face(embedded);
  }
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    if (drawn_found[k]) continue;
    std::string c;
    text::append(c, drawn[k]);
    check.broken.push_back("'" + c + "' is not embedded whole in any font");
  }
  FT_Done_FreeType(ft);
  return check;
}

bool have_tesseract(const std::string& pack) {
  const test::CommandResult r = test::run("tesseract --list-langs 2>/dev/null");
  return r.status == 0 && r.out.find("\n" + pack + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("pdftotext returns each script's text in logical order") {
  for (const Script& s : scripts()) {
    const std::string lang = s.lang;
    CAPTURE(lang);
    test::TempDir dir("rk-scripts");
    const std::string pdf = render(s.lang, dir);
    CHECK(test::qpdf_check(pdf) == 0);
    const std::string got = without_bidi_controls(test::pdf_text(pdf));
    for (const std::string& want : s.text) {
      CAPTURE(want);
      CHECK(test::contains_text(got, want));
    }
  }
}

TEST_CASE("every embedded glyph keeps all its parts, in regular and bold") {
  for (const Script& s : scripts()) {
    const std::string lang = s.lang;
    CAPTURE(lang);
    test::TempDir dir("rk-glyphs");
    const std::string pdf = render(s.lang, dir);
    std::u32string drawn;
    for (const std::string& d : s.drawn) drawn += text::decode(d);
    const GlyphCheck check = check_embedded_glyphs(pdf, dir, drawn);
    CHECK(check.fonts >= 2);    // regular and bold at least
    CHECK(check.glyphs >= 20);  // the check looked at real glyphs
    for (const std::string& b : check.broken) MESSAGE(b);
    CHECK(check.broken.empty());
  }
}

TEST_CASE("OCR of the rendered page reads every script back" * doctest::test_suite("ocr")) {
  for (const Script& s : scripts()) {
    const std::string lang = s.lang;
    CAPTURE(lang);
    if (!have_tesseract(s.tesseract)) {
      test::skip(std::string("tesseract with the '") + s.tesseract + "' pack is not installed: OCR of " +
                 s.lang + " not checked");
      continue;
    }
    test::TempDir dir("rk-ocr");
    const std::string pdf = render(s.lang, dir);
    REQUIRE(test::run("pdftoppm -r 300 -png -f 1 -l 1 " + test::quote(pdf) + " " + test::quote(dir / "page"))
                .status == 0);
    const std::string ocr =
        // --psm 4 (one column of text of varying sizes): the default page segmentation skips the
        // small ruler labels of a summary whose headings are all Chinese.
        test::run("tesseract " + test::quote(dir / "page-1.png") + " - -l " + s.tesseract + " --psm 4 2>/dev/null")
            .out;
    for (const std::string& want : s.ocr) {
      CAPTURE(want);
      CHECK(test::contains_text(ocr, want));
    }
  }
}

// The flag box sets the severity apart in upper case, by the rules of the summary's language:
// Vietnamese keeps every mark ("KHẨN CẤP", once printed as "KHẩN CấP" by an ASCII-only mapping),
// and scripts without case print the word as written.
TEST_CASE("the flag box's severity word is upper case in the summary's language") {
  const std::vector<std::pair<std::string, std::string>> expected{
      {"vi", "KHẨN CẤP: Muốn nói chuyện với ai đó ở phòng khám hôm nay."},
      {"es", "URGENTE: Pidió hablar hoy con alguien de la clínica."},
      {"en", "URGENT: Asked to talk to someone at the clinic today."},
      {"zh", "紧急: 要求今天和诊所里的人谈一谈。"},
      {"ar", "عاجل: طلب التحدث مع شخص في العيادة اليوم."},
  };
  for (const auto& [lang, line] : expected) {
    CAPTURE(lang);
    test::TempDir dir("rk-flag-case");
    const std::string pdf = render(lang, dir, kDefault);
    CHECK(test::qpdf_check(pdf) == 0);
    const std::string text = without_bidi_controls(test::pdf_text(pdf));
    CAPTURE(text.substr(0, 600));
    CHECK(test::contains_text(text, line));
    if (lang == "vi") {
      CHECK_FALSE(test::contains_text(text, "KHẩN"));
      const GlyphCheck check = check_embedded_glyphs(pdf, dir, text::decode("ẨẤ"));
      for (const std::string& b : check.broken) MESSAGE(b);
      CHECK(check.broken.empty());
    }
  }
}

// Arabic marks (harakat) are drawn before their letter in the visual string, so they sit on it and
// pdftotext reads each after its letter, as written: "مُهتم", never "ُمهتم".
TEST_CASE("Arabic harakat come out after their letter, in the sample summary's text") {
  test::TempDir dir("rk-harakat");
  const std::string text = without_bidi_controls(test::pdf_text(render("ar", dir, kDefault)));
  for (const char* word : {"مُهتم بالآخرين", "مستعداً", "قليلاً"}) {
    CAPTURE(word);
    CHECK(test::contains_text(text, word));
  }
}

TEST_CASE("OCR reads the Vietnamese flag word with all its marks" * doctest::test_suite("ocr")) {
  if (!have_tesseract("vie")) {
    test::skip("tesseract with the 'vie' pack is not installed: the flag word's marks not checked by OCR");
    return;
  }
  test::TempDir dir("rk-flag-ocr");
  const std::string pdf = render("vi", dir, kDefault);
  REQUIRE(test::run("pdftoppm -r 300 -png -f 1 -l 1 " + test::quote(pdf) + " " + test::quote(dir / "page"))
              .status == 0);
  const std::string ocr =
      test::run("tesseract " + test::quote(dir / "page-1.png") + " - -l vie --psm 4 2>/dev/null").out;
  CAPTURE(ocr.substr(0, 400));
  CHECK(test::contains_text(ocr, "KHẨN CẤP:"));
}
