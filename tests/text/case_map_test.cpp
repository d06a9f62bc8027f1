// Upper case by language (ICU): letters with stacked marks, one letter that becomes two, the
// languages whose rules differ, scripts without case, and the severity words of every shipped
// language as the summary's flag box prints them.
#include "case_map.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "../support/shipped_languages.hpp"

using rk::text::to_upper;

TEST_CASE("Vietnamese: every vowel with its marks, precomposed or not, keeps them in upper case") {
  CHECK(to_upper("Khẩn cấp", "vi") == "KHẨN CẤP");
  CHECK(to_upper("Lưu ý", "vi") == "LƯU Ý");
  CHECK(to_upper("đ ă â ê ô ơ ư", "vi") == "Đ Ă Â Ê Ô Ơ Ư");
  CHECK(to_upper("àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ", "vi") == "ÀÁẢÃẠ ẰẮẲẴẶ ẦẤẨẪẬ ÈÉẺẼẸ ỀẾỂỄỆ");
  CHECK(to_upper("ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ", "vi") ==
        "ÌÍỈĨỊ ÒÓỎÕỌ ỒỐỔỖỘ ỜỚỞỠỢ ÙÚỦŨỤ ỪỨỬỮỰ ỲÝỶỸỴ");
  // Decomposed input (a + circumflex + hook above) keeps its combining marks in their order.
  CHECK(to_upper("a\u0302\u0309", "vi") == "A\u0302\u0309");
}

TEST_CASE("German: ß becomes SS, so the text grows, ẞ stays") {
  CHECK(to_upper("Straße", "de") == "STRASSE");
  CHECK(to_upper("ß", "") == "SS");
  CHECK(to_upper("ẞ", "de") == "ẞ");
  CHECK(to_upper("Äußerst dringend", "de") == "ÄUSSERST DRINGEND");
}

TEST_CASE("Latin languages without Turkish rules map i to I, Turkish and Azeri to dotted İ") {
  for (const char* lang : {"", "en", "es", "fr", "pt", "tl", "vi", "de"}) {
    CAPTURE(lang);
    CHECK(to_upper("i ı", lang) == "I I");
  }
  CHECK(to_upper("Acil iş", "tr") == "ACİL İŞ");
  CHECK(to_upper("i", "az") == "İ");
  CHECK(to_upper("Atención, señal, ¿pingüino?", "es") == "ATENCIÓN, SEÑAL, ¿PINGÜINO?");
  CHECK(to_upper("À noter, bientôt, œuvre, ÿ", "fr") == "À NOTER, BIENTÔT, ŒUVRE, Ÿ");
  CHECK(to_upper("Atenção", "pt-BR") == "ATENÇÃO");
}

TEST_CASE("Greek drops its accents in upper case, other languages keep them") {
  CHECK(to_upper("Επείγον", "el") == "ΕΠΕΙΓΟΝ");
  CHECK(to_upper("Σημείωση", "el") == "ΣΗΜΕΙΩΣΗ");
  CHECK(to_upper("Επείγον", "en") == "ΕΠΕΊΓΟΝ");  // not Greek text by its language: accents stay
}

TEST_CASE("scripts without case come back unchanged, invalid bytes become U+FFFD") {
  CHECK(to_upper("عاجل", "ar") == "عاجل");
  CHECK(to_upper("紧急 ok", "zh") == "紧急 OK");
  CHECK(to_upper("긴급", "ko") == "긴급");
  CHECK(to_upper("", "vi").empty());
  CHECK(to_upper("a\xFF" "b", "en") == "A\uFFFD" "B");
  CHECK(to_upper("x", "not a language tag!") == "X");
}

// The words the flag box prints in upper case, for every language the kiosk ships. A new
// language file fails here until its upper-case words are written down (and looked at).
TEST_CASE("every shipped language's severity words in upper case") {
  const std::map<std::string, std::vector<std::string>> expected{
      {"ar", {"عاجل", "قريباً", "ملاحظة"}},
      {"en", {"URGENT", "SOON", "NOTE"}},
      {"es", {"URGENTE", "PRONTO", "AVISO"}},
      {"fr", {"URGENT", "BIENTÔT", "À NOTER"}},
      {"ko", {"긴급", "곧", "참고"}},
      {"pt", {"URGENTE", "EM BREVE", "AVISO"}},
      {"tl", {"MADALIAN", "SA LALONG MADALING PANAHON", "PAALALA"}},
      {"vi", {"KHẨN CẤP", "SỚM", "LƯU Ý"}},
      {"zh", {"紧急", "尽快", "注意"}},
  };
  const rk::UiStrings& shipped = rk::test::shipped_languages();
  CHECK(shipped.languages().size() == expected.size());
  for (const std::string& code : shipped.languages()) {
    CAPTURE(code);
    const auto want = expected.find(code);
    REQUIRE_MESSAGE(want != expected.end(), "write down the upper-case severity words of " << code);
    const std::vector<std::string> got{to_upper(shipped.get(code, "report.urgent"), code),
                                       to_upper(shipped.get(code, "report.soon"), code),
                                       to_upper(shipped.get(code, "report.notice"), code)};
    CHECK(got == want->second);
  }
}
