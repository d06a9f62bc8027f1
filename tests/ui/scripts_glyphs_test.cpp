// Every character of a Vietnamese, Chinese, Arabic and Spanish questionnaire is in the screen's
// font atlas with pixels of its own, in every size: nothing is drawn as ImGui's "?" fallback or as
// an empty box. Arabic is checked in the joined forms it is drawn in.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "harness.hpp"
#include "layout.hpp"
#include "questionnaire.hpp"

using namespace rk;

namespace {

// Alpha of the glyph's rectangle in the atlas, summed.
long ink_of(const ImFontGlyph& g) {
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  long ink = 0;
  const int x0 = static_cast<int>(g.U0 * static_cast<float>(w)),
            x1 = static_cast<int>(g.U1 * static_cast<float>(w));
  const int y0 = static_cast<int>(g.V0 * static_cast<float>(h)),
            y1 = static_cast<int>(g.V1 * static_cast<float>(h));
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) ink += pixels[(y * w + x) * 4 + 3];
  return ink;
}

}  // namespace

TEST_CASE("the atlas holds every glyph of vi, zh, ar and es text, with ink, in every font size") {
  const LoadResult loaded =
      load_questionnaire_file(std::string(RK_SOURCE_DIR) + "/tests/text/questionnaires/scripts.toml");
  REQUIRE(loaded.ok());
  test::Harness h(1080, 1920, {}, &*loaded.questionnaire);
  h.frame();
  const std::vector<std::string> samples{
      loaded.questionnaire->title.in("vi"),
      loaded.questionnaire->title.in("zh"),
      loaded.questionnaire->title.in("ar"),
      loaded.questionnaire->title.in("es"),
      loaded.questionnaire->pages.at(0).items.at(0).options.at(1).label.in("vi"),
      loaded.questionnaire->pages.at(0).items.at(0).options.at(1).label.in("ar"),
  };
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  REQUIRE(atlas.Fonts.Size >= 4);  // body, bold, heading, title
  int checked = 0;
  for (const std::string& sample : samples) {
    for (char32_t c : text::drawn_code_points(sample)) {
      if (c == U' ' || c == 0xA0 || text::is_invisible(c)) continue;
      for (const ImFont* font : atlas.Fonts) {
        const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(c));
        CAPTURE(static_cast<unsigned>(c));
        REQUIRE(g != nullptr);
        CHECK(g->Visible);
        CHECK(ink_of(*g) > 0);
        ++checked;
      }
    }
  }
  CHECK(checked > 400);
}
