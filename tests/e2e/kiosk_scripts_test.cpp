// Vietnamese, Chinese and Arabic drawn on the real screen: the kiosk under its own Xvfb with the
// multi-script fixture questionnaire; the X server's pixels (`import -window root`) are read back
// by OCR (tesseract), so a "?" or a box, a lost mark or an unjoined, backwards Arabic word fails.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "e2e_support.hpp"
#include "skip.hpp"

namespace {

using rk::e2e::KioskDriver;
using rk::e2e::TempDir;
using rk::e2e::Xvfb;

struct Script {
  std::string lang;
  std::string tesseract;
  std::vector<std::string> welcome;   ///< read by OCR on the welcome screen
  std::vector<std::string> question;  ///< read by OCR on the question page
};

std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f') out += c;
  }
  return out;
}

bool have_tools(const std::vector<Script>& scripts) {
  const std::string langs = rk::e2e::run_capture("tesseract --list-langs 2>/dev/null");
  if (rk::e2e::run_capture("command -v import").empty() || rk::e2e::run_capture("command -v Xvfb").empty()) {
    return false;
  }
  for (const Script& s : scripts) {
    if (langs.find("\n" + s.tesseract + "\n") == std::string::npos) return false;
  }
  return true;
}

std::string ocr_screen(const Xvfb& xvfb, const TempDir& dir, const std::string& name,
                       const std::string& lang) {
  const std::string png = (dir.path / (name + ".png")).string();
  rk::e2e::run_capture("import -display " + xvfb.display() + " -window root '" + png + "' 2>/dev/null");
  return rk::e2e::run_capture("tesseract '" + png + "' - -l " + lang + " 2>/dev/null");
}

}  // namespace

TEST_CASE("vi, zh and ar are drawn on screen: OCR of the X server's pixels reads them back" *
          doctest::test_suite("ocr")) {
  const std::vector<Script> scripts{
      {"vi",
       "vie",
       {"Tiếng Việt: thế mạnh và chất lượng cuộc sống"},
       {"Hôm nay bạn muốn nói về điều gì nhất?", "Căng thẳng hoặc lo lắng"}},
      {"zh", "chi_sim", {"今天对您来说什么最重要"}, {"您今天最想谈些什么", "压力或担心"}},
      {"ar", "ara", {"أنا هنا اليوم لأتحدث عن أهدافي"}, {"ما الذي تود أن تتحدث عنه اليوم", "الضغط أو القلق"}},
  };
  if (!have_tools(scripts))
    return rk::test::skip("needs Xvfb, ImageMagick's import and tesseract with vie, chi_sim and ara");
  TempDir dir;
  Xvfb xvfb(1080, 1920);
  REQUIRE(xvfb.running());
  std::ofstream(dir.path / "kiosk.toml")
      << "save_folder = \"" << (dir.path / "saved").string() << "\"\noutput = \"save\"\n";
  KioskDriver kiosk(dir.path, xvfb.display(),
                    {"--config", (dir.path / "kiosk.toml").string(), "--questionnaire",
                     std::string(RK_SOURCE_DIR) + "/tests/text/questionnaires/scripts.toml"});
  const auto send = [&](const std::string& command) {
    return rk::e2e::require_sent(kiosk, command);
  };
  send("wait-id welcome.start");
  for (const Script& s : scripts) {
    CAPTURE(s.lang);
    tap(kiosk, "lang." + s.lang);
    send("wait-frames 2");
    const std::string welcome = ocr_screen(xvfb, dir, s.lang + "-welcome", s.tesseract);
    for (const std::string& want : s.welcome) {
      INFO("OCR: " << welcome);
      CHECK(squeeze(welcome).find(squeeze(want)) != std::string::npos);
    }
    tap(kiosk, "welcome.start");
    send("wait-screen Question");
    send("wait-frames 2");
    const std::string question = ocr_screen(xvfb, dir, s.lang + "-question", s.tesseract);
    for (const std::string& want : s.question) {
      INFO("OCR: " << question);
      CHECK(squeeze(question).find(squeeze(want)) != std::string::npos);
    }
    tap(kiosk, "nav.back");
    send("wait-screen Welcome");
  }
}
