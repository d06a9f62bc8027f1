#include "pdf_document.hpp"

#include <cstdio>

// libharu's internal object API (installed with libhpdf-dev), used only to replace one stream.
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "text_layout.hpp"
#include "utf8.hpp"

namespace rk::report {
namespace {

std::string describe_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no) {
  const char* what = "";
  switch (error_no) {
    case HPDF_FAILD_TO_ALLOC_MEM:
      what = " (out of memory)";
      break;
    case HPDF_FILE_IO_ERROR:
      what = " (file input/output error)";
      break;
    case HPDF_FILE_OPEN_ERROR:
      what = " (cannot open font file)";
      break;
    case HPDF_TTF_INVALID_CMAP:
      what = " (font has no usable character map)";
      break;
    case HPDF_TTF_INVALID_FOMAT:
      what = " (not a TrueType font)";
      break;
    case HPDF_TTF_MISSING_TABLE:
      what = " (font is missing a table)";
      break;
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
      what = " (font does not allow embedding)";
      break;
    case HPDF_INVALID_ENCODER:
      what = " (UTF-8 encoder unavailable)";
      break;
    default:
      break;
  }
  char buf[96];
  std::snprintf(buf, sizeof buf, "PDF library error 0x%04X detail %u%s", static_cast<unsigned>(error_no),
                static_cast<unsigned>(detail_no), what);
  return buf;
}

// libharu 2.3 gives UTF-8 fonts a /ToUnicode that is really an encoding CMap ("begincidrange"):
// poppler warns and guesses, Ghostscript (the usual CUPS path) gives up, so a printed-to-PDF
// summary lost its text. With the UTF-8 encoder every character code is the UTF-16 code unit
// itself, so the correct ToUnicode map is the identity over the BMP.
std::string identity_to_unicode_cmap() {
  std::string ranges;
  int count = 0;
  std::string body;
  const auto flush = [&] {
    if (count == 0) return;
    body += std::to_string(count) + " beginbfrange\n" + ranges + "endbfrange\n";
    ranges.clear();
    count = 0;
  };
  for (unsigned high = 0; high <= 0xFF; ++high) {
    if (high >= 0xD8 && high <= 0xDF) continue;  // surrogates are not characters
    char line[40];
    std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
    ranges += line;
    if (++count == 100) flush();  // at most 100 entries per block
  }
  flush();
  return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
         "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
         "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
         "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
         body + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace

// libharu 2.3 describes every one of the font's characters in each UTF-8 font: a /W width array
// (about 24 KB, uncompressed) and a 128 KB CIDToGIDMap. Only the characters actually drawn need
// them, which keeps the sample summary well under 150 KB.
bool PdfDocument::trim_to_used(HPDF_Font font, const std::vector<bool>& used) {
  if (!font || failed()) return false;
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (!attr || !attr->descendant_font || !attr->fontdef || !attr->map_stream) return false;
  HPDF_Dict cid_font = attr->descendant_font;

  HPDF_Array widths = HPDF_Array_New(font->mmgr);
  if (!widths) return false;
  size_t last_used = 0;
  for (size_t cp = 1; cp < used.size();) {
    if (!used[cp]) {
      ++cp;
      continue;
    }
    // One run of consecutive characters: [first [w1 w2 ...]].
    HPDF_Array run = HPDF_Array_New(font->mmgr);
    if (!run) return false;
    HPDF_Array_AddNumber(widths, static_cast<HPDF_INT32>(cp));
    for (; cp < used.size() && used[cp]; ++cp) {
      HPDF_Array_AddNumber(run, HPDF_TTFontDef_GetCharWidth(attr->fontdef, static_cast<HPDF_UINT16>(cp)));
      last_used = cp;
    }
    HPDF_Array_Add(widths, run);
  }
  if (HPDF_Dict_Add(cid_font, "W", widths) != HPDF_OK) return false;

  // CIDToGIDMap: two bytes per character code up to the last one drawn.
  std::vector<HPDF_BYTE> map((last_used + 1) * 2, 0);
  for (size_t cp = 1; cp <= last_used; ++cp) {
    if (!used[cp]) continue;
    const HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(attr->fontdef, static_cast<HPDF_UINT16>(cp));
    map[cp * 2] = static_cast<HPDF_BYTE>(gid >> 8);
    map[cp * 2 + 1] = static_cast<HPDF_BYTE>(gid & 0xFF);
  }
  HPDF_MemStream_FreeData(attr->map_stream->stream);
  return HPDF_Stream_Write(attr->map_stream->stream, map.data(), static_cast<HPDF_UINT>(map.size())) ==
         HPDF_OK;
}

bool PdfDocument::fix_to_unicode(HPDF_Font font) {
  if (!font || failed()) return false;
  HPDF_Dict cmap = HPDF_DictStream_New(doc_->mmgr, doc_->xref);
  if (!cmap) return false;
  cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  const std::string text = identity_to_unicode_cmap();
  if (HPDF_Stream_WriteStr(cmap->stream, text.c_str()) != HPDF_OK) return false;
  return HPDF_Dict_Add(font, "ToUnicode", cmap) == HPDF_OK;
}

void PdfDocument::on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  static_cast<PdfDocument*>(user_data)->fail(describe_hpdf_error(error_no, detail_no));
}

PdfDocument::PdfDocument() {
  doc_ = HPDF_New(&PdfDocument::on_error, this);
  if (!doc_) {
    fail("PDF library could not start (out of memory)");
    return;
  }
  HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc_);
  HPDF_SetCurrentEncoder(doc_, "UTF-8");
  HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "Readiness Kiosk");
  HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, "Readiness summary");
}

PdfDocument::~PdfDocument() {
  if (doc_) HPDF_Free(doc_);
}

bool PdfDocument::load_fonts(const std::string& regular_path, const std::string& bold_path) {
  if (failed()) return false;
  if (regular_path.empty()) {
    fail("no TrueType font found (install fonts-dejavu-core)");
    return false;
  }
  const char* regular_name = HPDF_LoadTTFontFromFile(doc_, regular_path.c_str(), HPDF_TRUE);
  if (!regular_name || failed()) {
    fail("cannot load font " + regular_path);
    return false;
  }
  regular_ = HPDF_GetFont(doc_, regular_name, "UTF-8");
  bold_ = regular_;
  if (!bold_path.empty() && bold_path != regular_path) {
    const char* bold_name = HPDF_LoadTTFontFromFile(doc_, bold_path.c_str(), HPDF_TRUE);
    if (!bold_name || failed()) {
      fail("cannot load font " + bold_path);
      return false;
    }
    bold_ = HPDF_GetFont(doc_, bold_name, "UTF-8");
  }
  if (!regular_ || !bold_) {
    fail("cannot use the fonts with UTF-8");
    return false;
  }
  fix_to_unicode(regular_);
  if (bold_ != regular_) fix_to_unicode(bold_);
  return !failed();
}

float PdfDocument::advance(bool bold, char32_t cp) {
  auto& cache = bold ? bold_advances_ : regular_advances_;
  if (auto it = cache.find(cp); it != cache.end()) return it->second;
  std::string utf8;
  append_utf8(utf8, cp);
  float w = 0;
  if (HPDF_Font font = bold ? bold_ : regular_; font && !failed()) {
    const HPDF_TextWidth tw = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(utf8.data()),
                                                  static_cast<HPDF_UINT>(utf8.size()));
    w = static_cast<float>(tw.width) / 1000.0f;
  }
  cache.emplace(cp, w);
  return w;
}

FontMetrics PdfDocument::metrics() {
  return FontMetrics{[this](char32_t cp) { return advance(false, cp); },
                     [this](char32_t cp) { return advance(true, cp); }};
}

void PdfDocument::draw(const std::vector<LaidOutPage>& pages, float width, float height) {
  for (const LaidOutPage& laid_out : pages) {
    if (failed()) return;
    HPDF_Page page = HPDF_AddPage(doc_);
    if (!page) return;
    HPDF_Page_SetWidth(page, width);
    HPDF_Page_SetHeight(page, height);

    bool in_text = false;
    HPDF_Font current_font = nullptr;
    float current_size = 0;
    const auto end_text = [&] {
      if (in_text) HPDF_Page_EndText(page);
      in_text = false;
    };
    for (const DrawOp& op : laid_out.ops) {
      if (const auto* t = std::get_if<TextOp>(&op)) {
        if (!in_text) {
          HPDF_Page_BeginText(page);
          in_text = true;
          current_font = nullptr;
        }
        HPDF_Font font = t->style.bold ? bold_ : regular_;
        if (font != current_font || t->style.size != current_size) {
          HPDF_Page_SetFontAndSize(page, font, t->style.size);
          current_font = font;
          current_size = t->style.size;
        }
        HPDF_Page_SetGrayFill(page, t->style.gray);
        HPDF_Page_TextOut(page, t->x, height - t->baseline, t->text.c_str());
        auto& used = t->style.bold && bold_ != regular_ ? used_bold_ : used_regular_;
        for (char32_t cp : decode_utf8(t->text)) {
          if (cp < used.size()) used[cp] = true;
        }
      } else if (const auto* l = std::get_if<LineOp>(&op)) {
        end_text();
        HPDF_Page_SetLineWidth(page, l->width);
        HPDF_Page_SetGrayStroke(page, l->gray);
        HPDF_Page_MoveTo(page, l->x1, height - l->y1);
        HPDF_Page_LineTo(page, l->x2, height - l->y2);
        HPDF_Page_Stroke(page);
      } else if (const auto* r = std::get_if<RectOp>(&op)) {
        end_text();
        // Colours and widths are graphics state: set before the path starts.
        if (r->fill_gray >= 0) HPDF_Page_SetGrayFill(page, r->fill_gray);
        if (r->line_width > 0) {
          HPDF_Page_SetLineWidth(page, r->line_width);
          HPDF_Page_SetGrayStroke(page, 0);
        }
        HPDF_Page_Rectangle(page, r->x, height - r->y - r->h, r->w, r->h);
        if (r->fill_gray >= 0 && r->line_width > 0) {
          HPDF_Page_FillStroke(page);
        } else if (r->fill_gray >= 0) {
          HPDF_Page_Fill(page);
        } else {
          HPDF_Page_Stroke(page);
        }
      } else if (const auto* c = std::get_if<CircleOp>(&op)) {
        end_text();
        if (c->fill) {
          HPDF_Page_SetGrayFill(page, c->gray);
        } else {
          HPDF_Page_SetLineWidth(page, c->line_width);
          HPDF_Page_SetGrayStroke(page, c->gray);
        }
        HPDF_Page_Circle(page, c->cx, height - c->cy, c->r);
        if (c->fill) {
          HPDF_Page_Fill(page);
        } else {
          HPDF_Page_Stroke(page);
        }
      }
    }
    end_text();
  }
}

std::vector<unsigned char> PdfDocument::save() {
  std::vector<unsigned char> bytes;
  if (failed()) return bytes;
  trim_to_used(regular_, used_regular_);
  if (bold_ != regular_) trim_to_used(bold_, used_bold_);
  if (HPDF_SaveToStream(doc_) != HPDF_OK || failed()) {
    fail("cannot write the PDF");
    return bytes;
  }
  bytes.resize(HPDF_GetStreamSize(doc_));
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ResetStream(doc_);
  if (HPDF_ReadFromStream(doc_, bytes.data(), &size) != HPDF_OK && size != bytes.size()) {
    // HPDF_ReadFromStream returns HPDF_STREAM_EOF when it read everything; anything short is an error.
    fail("cannot read the PDF back from memory");
    bytes.clear();
    return bytes;
  }
  bytes.resize(size);
  return bytes;
}

}  // namespace rk::report
