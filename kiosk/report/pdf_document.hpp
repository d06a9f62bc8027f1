#pragma once
// A libharu document with our settings: compression on, UTF-8 text, embedded TrueType fonts,
// and an error handler that records the first libharu error instead of crashing.

#include <hpdf.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "config.hpp"
#include "page_layout.hpp"

namespace rk::report {

class PdfDocument {
 public:
  PdfDocument();
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  /// Loads and embeds the fonts; bold falls back to regular when `bold_path` is empty.
  bool load_fonts(const std::string& regular_path, const std::string& bold_path);

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
  bool fix_to_unicode(HPDF_Font font);
  bool trim_to_used(HPDF_Font font, const std::vector<bool>& used);
  static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data);

  HPDF_Doc doc_ = nullptr;
  HPDF_Font regular_ = nullptr;
  HPDF_Font bold_ = nullptr;
  std::unordered_map<char32_t, float> regular_advances_;
  std::unordered_map<char32_t, float> bold_advances_;
  std::vector<bool> used_regular_ = std::vector<bool>(0x10000, false);  ///< BMP characters drawn
  std::vector<bool> used_bold_ = std::vector<bool>(0x10000, false);
  std::string error_;
};

}  // namespace rk::report
