#include "font_chain.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <filesystem>

namespace rk::text {
namespace {

struct FaceSpec {
  const char* regular;
  const char* bold;  ///< nullptr: the regular face serves for bold too
  int index;
  bool arabic_only;
  bool screen;
  bool paper;
  const char* package;
};

// One table: every face the kiosk may use, most preferred first.
constexpr FaceSpec kFaces[] = {
    // Latin (with Vietnamese), Greek, Cyrillic; DejaVu also has Arabic presentation forms.
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 0, false, true, true, "fonts-dejavu-core"},
    {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
     "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", 0, false, true, true, "fonts-noto-core"},
    {"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf", 0, false, true, true,
     "fonts-liberation"},
    // Arabic, with the presentation forms FriBiDi's joining produces.
    {"/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
     "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf", 0, true, true, true, "fonts-noto-core"},
    // Chinese, Japanese, Korean: Droid Sans Fallback (TrueType, 4 MB) on screen and on paper, the
    // same glyphs in both places; the screen's font atlas reads each file whole, and Noto Sans
    // CJK (20 MB, CFF outlines libharu cannot load) comes only after it, for what Droid lacks.
    {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", nullptr, 0, false, true, true,
     "fonts-droid-fallback"},
    // Korean Hangul (Droid Sans Fallback has none).
    {"/usr/share/fonts/truetype/nanum/NanumGothic.ttf", "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",
     0, false, true, true, "fonts-nanum"},
    {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
     "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2, false, true, false, "fonts-noto-cjk"},
};

bool exists(const char* path) {
  std::error_code ec;
  return path && std::filesystem::exists(path, ec);
}

}  // namespace

bool is_arabic(char32_t cp) {
  return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF) ||
         (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE);
}

FontChain find_font_chain(Medium medium) {
  FontChain chain;
  for (const FaceSpec& f : kFaces) {
    if (!(medium == Medium::Screen ? f.screen : f.paper) || !exists(f.regular)) continue;
    chain.regular.push_back(FontFace{f.regular, f.index, f.arabic_only, f.package});
    chain.bold.push_back(FontFace{exists(f.bold) ? f.bold : f.regular, f.index, f.arabic_only, f.package});
  }
  return chain;
}

std::string font_packages() {
  std::string out;
  for (const FaceSpec& f : kFaces) {
    if (out.find(f.package) != std::string::npos) continue;
    out += (out.empty() ? "" : " ") + std::string(f.package);
  }
  return out;
}

struct Coverage::Impl {
  FT_Library library = nullptr;
  std::vector<FT_Face> faces;  ///< nullptr where FreeType could not open the face
};

Coverage::Coverage(std::vector<FontFace> faces) : faces_(std::move(faces)), impl_(std::make_unique<Impl>()) {
  if (FT_Init_FreeType(&impl_->library) != 0) impl_->library = nullptr;
  for (const FontFace& f : faces_) {
    FT_Face face = nullptr;
    if (!impl_->library || FT_New_Face(impl_->library, f.path.c_str(), f.index, &face) != 0) face = nullptr;
    impl_->faces.push_back(face);
  }
}

Coverage::~Coverage() {
  for (FT_Face f : impl_->faces) {
    if (f) FT_Done_Face(f);
  }
  if (impl_->library) FT_Done_FreeType(impl_->library);
}

float Coverage::line_height_em(std::size_t face) const {
  if (face >= impl_->faces.size() || !impl_->faces[face] || impl_->faces[face]->units_per_EM == 0)
    return 1.0f;
  const FT_Face f = impl_->faces[face];
  return static_cast<float>(f->ascender - f->descender) / static_cast<float>(f->units_per_EM);
}

int Coverage::face_for(char32_t cp) const {
  const auto has = [&](std::size_t i) {
    return impl_->faces[i] && FT_Get_Char_Index(impl_->faces[i], cp) != 0;
  };
  if (is_arabic(cp)) {
    for (std::size_t i = 0; i < faces_.size(); ++i) {
      if (faces_[i].arabic_only && has(i)) return static_cast<int>(i);
    }
  }
  for (std::size_t i = 0; i < faces_.size(); ++i) {
    if (!faces_[i].arabic_only && has(i)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace rk::text
