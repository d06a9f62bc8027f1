#pragma once
// A libharu document with our settings: compression on, UTF-8 text, and a chain of embedded
// TrueType fonts (text/font_chain.hpp): each character is drawn with the first face that has it,
// each face loaded only when a character needs it. An error handler records the first libharu
// error instead of crashing.

#include <hpdf.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "config.hpp"
#include "font_chain.hpp"
#include "page_layout.hpp"

namespace rk::report {

class PdfDocument {
 public:
  PdfDocument();
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  /// Takes the faces to draw with, most preferred first, and loads the first (regular and bold)
  /// at once so that a broken font shows now. Fails when the chain is empty.
  bool use_fonts(const text::FontChain& chain);

  /// Advance of one code point at size 1 (points per point of font size).
  [[nodiscard]] float advance(bool bold, char32_t cp);
  [[nodiscard]] FontMetrics metrics();

  /// Draws every laid-out page on paper of the given size.
  void draw(const std::vector<LaidOutPage>& pages, float width, float height);

  /// The whole file; empty when anything failed.
  std::vector<unsigned char> save();

  [[nodiscard]] bool failed() const { return !error_.empty(); }
  [[nodiscard]] const std::string& error() const { return error_; }
  void fail(std::string reason) {
    if (error_.empty()) error_ = std::move(reason);
  }

 private:
  /// One face of the chain in one weight, as libharu loaded it (lazily).
  struct Face {
    text::FontFace file;
    HPDF_Font font = nullptr;
    bool tried = false;
    std::vector<bool> used = std::vector<bool>(0x10000, false);  ///< BMP characters drawn with it
  };

  [[nodiscard]] std::size_t face_index(char32_t cp);
  HPDF_Font font(bool bold, std::size_t face);
  void draw_text(HPDF_Page page, const TextOp& t, float height, HPDF_Font& current_font, float& current_size);
  bool fix_to_unicode(HPDF_Font font);
  bool trim_to_used(HPDF_Font font, const std::vector<bool>& used);
  bool keep_composite_parts(const Face& face);
  static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data);

  HPDF_Doc doc_ = nullptr;
  std::vector<Face> regular_;
  std::vector<Face> bold_;
  std::unique_ptr<text::Coverage> coverage_;
  std::unordered_map<char32_t, std::size_t> face_of_;
  std::unordered_map<char32_t, float> regular_advances_;
  std::unordered_map<char32_t, float> bold_advances_;
  std::string error_;
};

}  // namespace rk::report
