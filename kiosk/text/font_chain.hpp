#pragma once
// The fonts the kiosk draws with, found at run time among Debian's font packages, in order of
// preference (one table in font_chain.cpp). A character is drawn by the first face that has it;
// an Arabic letter by an Arabic face first. The screen may use CFF fonts through FreeType (Noto
// Sans CJK, as a last resort); the paper may not: libharu loads TrueType outlines only.

#include <memory>
#include <string>
#include <vector>

namespace rk::text {

enum class Medium { Screen, Paper };

struct FontFace {
  std::string path;
  int index = 0;             ///< face in a collection (.ttc)
  bool arabic_only = false;  ///< drawn only for Arabic script (its Latin is not our Latin)
  std::string package;       ///< the Debian package that ships it
};

struct FontChain {
  std::vector<FontFace> regular;
  std::vector<FontFace> bold;  ///< same length as `regular`; a face without bold repeats regular
};

/// The faces installed on this machine for `medium`, most preferred first. Empty when none is.
FontChain find_font_chain(Medium medium);

/// The Debian packages the full chains come from (for messages saying what to install).
std::string font_packages();

/// Which face of a chain draws a code point (FreeType's character maps; no rasterising).
class Coverage {
 public:
  explicit Coverage(std::vector<FontFace> faces);
  ~Coverage();
  Coverage(const Coverage&) = delete;
  Coverage& operator=(const Coverage&) = delete;

  /// Index into the faces of the one that draws `cp`, or -1 when none can.
  [[nodiscard]] int face_for(char32_t cp) const;
  [[nodiscard]] const std::vector<FontFace>& faces() const { return faces_; }
  /// Line height (ascender to descender) of a face in em. Renderers that size a font by its line
  /// height (ImGui's FreeType builder) draw a face with tall marks, like Noto Sans Arabic, small
  /// unless its size is scaled by this ratio to the first face's.
  [[nodiscard]] float line_height_em(std::size_t face) const;

 private:
  struct Impl;
  std::vector<FontFace> faces_;
  std::unique_ptr<Impl> impl_;
};

/// True for the Arabic blocks, where an Arabic face is preferred over the general ones.
bool is_arabic(char32_t cp);

}  // namespace rk::text
