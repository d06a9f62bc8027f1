#include "pdf_document.hpp"

#include <hb-subset.h>

#include <cstdio>

// libharu's internal object API (installed with libhpdf-dev), used only to replace one stream.
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "bidi.hpp"
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

bool is_presentation_form(unsigned code) {
  return (code >= 0xFB50 && code <= 0xFDFF) || (code >= 0xFE70 && code <= 0xFEFE);
}

std::string hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v);
  return buf;
}

// libharu 2.3 gives UTF-8 fonts a /ToUnicode that is really an encoding CMap ("begincidrange"):
// poppler warns and guesses, Ghostscript (the usual CUPS path) gives up, so a printed-to-PDF
// summary lost its text. With the UTF-8 encoder every character code is the UTF-16 code unit
// itself, so the correct map is the identity over the BMP, except for the Arabic presentation
// forms the shaper drew: each maps to the letters it stands for, so extracted text is the text
// that was written.
std::string to_unicode_cmap() {
  std::string body;
  const auto blocks = [&body](const std::vector<std::string>& entries, const char* kind) {
    for (std::size_t at = 0; at < entries.size(); at += 100) {  // at most 100 entries per block
      const std::size_t n = std::min<std::size_t>(100, entries.size() - at);
      body += std::to_string(n) + " begin" + kind + "\n";
      for (std::size_t k = at; k < at + n; ++k) body += entries[k];
      body += std::string("end") + kind + "\n";
    }
  };
  std::vector<std::string> ranges;
  std::vector<std::string> chars;
  for (unsigned code = 0; code <= 0xFFFF; ++code) {
    if (code >= 0xD800 && code <= 0xDFFF) continue;  // surrogates are not characters
    if (is_presentation_form(code)) {
      // A lam-alef ligature stands for two letters. Text extractors (poppler, pdf.js) read a
      // right-to-left line in visual order and reverse it, the ligature's letters with it, so
      // they are given in visual order too.
      const std::u32string letters = text::logical_of(static_cast<char32_t>(code));
      std::string dst;
      for (auto it = letters.rbegin(); it != letters.rend(); ++it) dst += hex4(static_cast<unsigned>(*it));
      chars.push_back("<" + hex4(code) + "> <" + dst + ">\n");
      continue;
    }
    // A run of identity codes within one high byte: one bfrange.
    unsigned last = code;
    while ((last & 0xFF) != 0xFF && !is_presentation_form(last + 1)) ++last;
    ranges.push_back("<" + hex4(code) + "> <" + hex4(last) + "> <" + hex4(code) + ">\n");
    code = last;
  }
  blocks(ranges, "bfrange");
  blocks(chars, "bfchar");
  return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
         "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
         "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
         "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
         body + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

HPDF_TTFontDefAttr ttf_attr(HPDF_Font font) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (!attr || !attr->fontdef || attr->fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE) return nullptr;
  return static_cast<HPDF_TTFontDefAttr>(attr->fontdef->attr);
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
  static const std::string text = to_unicode_cmap();
  if (HPDF_Stream_WriteStr(cmap->stream, text.c_str()) != HPDF_OK) return false;
  return HPDF_Dict_Add(font, "ToUnicode", cmap) == HPDF_OK;
}

// Debian's libharu 2.3 embeds a glyph only when it is flagged as used, and flags the parts of a
// composite glyph one level deep: a Vietnamese "ế" (e + circumflex-acute, itself a composite)
// lost its upper mark, "Tiếng" printed as "Tieng". HarfBuzz's subsetter computes the full
// composite closure of the glyphs we used; flagging all of them makes libharu embed every part.
bool PdfDocument::keep_composite_parts(const Face& face) {
  HPDF_TTFontDefAttr attr = face.font ? ttf_attr(face.font) : nullptr;
  if (!attr || !attr->glyph_tbl.flgs) return false;
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(face.file.path.c_str());
  if (!blob) return false;
  hb_face_t* hb_face = hb_face_create(blob, static_cast<unsigned>(face.file.index));
  hb_blob_destroy(blob);
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  bool ok = false;
  if (input) {
    hb_set_t* glyphs = hb_subset_input_glyph_set(input);
    for (unsigned gid = 0; gid < attr->num_glyphs; ++gid) {
      if (attr->glyph_tbl.flgs[gid]) hb_set_add(glyphs, gid);
    }
    hb_set_clear(hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));  // outlines only
    if (hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(hb_face, input)) {
      const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan);
      const unsigned count = hb_map_get_population(new_to_old);
      for (unsigned gid = 0; gid < count; ++gid) {
        const hb_codepoint_t old_gid = hb_map_get(new_to_old, gid);
        if (old_gid < attr->num_glyphs) attr->glyph_tbl.flgs[old_gid] = 1;
      }
      hb_subset_plan_destroy(plan);
      ok = true;
    }
    hb_subset_input_destroy(input);
  }
  hb_face_destroy(hb_face);
  return ok;
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

bool PdfDocument::use_fonts(const text::FontChain& chain) {
  if (failed()) return false;
  if (chain.regular.empty()) {
    fail("no TrueType font found (install fonts-dejavu-core)");
    return false;
  }
  for (const text::FontFace& f : chain.regular) regular_.push_back(Face{f});
  for (const text::FontFace& f : chain.bold) bold_.push_back(Face{f});
  coverage_ = std::make_unique<text::Coverage>(chain.regular);
  return font(false, 0) && font(true, 0) && !failed();
}

HPDF_Font PdfDocument::font(bool bold, std::size_t index) {
  std::vector<Face>& faces = bold ? bold_ : regular_;
  if (index >= faces.size()) return nullptr;
  // A face without a bold of its own (Droid Sans Fallback) serves both weights: load it once.
  if (bold && faces[index].file.path == regular_[index].file.path) return font(false, index);
  Face& face = faces[index];
  if (face.tried) return face.font;
  face.tried = true;
  if (failed()) return nullptr;
  const char* name = face.file.index == 0
                         ? HPDF_LoadTTFontFromFile(doc_, face.file.path.c_str(), HPDF_TRUE)
                         : HPDF_LoadTTFontFromFile2(doc_, face.file.path.c_str(),
                                                    static_cast<HPDF_UINT>(face.file.index), HPDF_TRUE);
  if (!name || failed()) {
    fail("cannot load font " + face.file.path);
    return nullptr;
  }
  face.font = HPDF_GetFont(doc_, name, "UTF-8");
  if (!face.font) {
    fail("cannot use the font " + face.file.path + " with UTF-8");
    return nullptr;
  }
  fix_to_unicode(face.font);
  return face.font;
}

std::size_t PdfDocument::face_index(char32_t cp) {
  if (auto it = face_of_.find(cp); it != face_of_.end()) return it->second;
  const int found = coverage_ ? coverage_->face_for(cp) : -1;
  // No face has it: the first face draws its "missing" box, visibly (--check reports it first).
  const std::size_t index = found < 0 ? 0 : static_cast<std::size_t>(found);
  face_of_.emplace(cp, index);
  return index;
}

float PdfDocument::advance(bool bold, char32_t cp) {
  auto& cache = bold ? bold_advances_ : regular_advances_;
  if (auto it = cache.find(cp); it != cache.end()) return it->second;
  std::string utf8;
  text::append(utf8, cp);
  float w = 0;
  if (HPDF_Font f = font(bold, face_index(cp)); f && !failed()) {
    const HPDF_TextWidth tw = HPDF_Font_TextWidth(f, reinterpret_cast<const HPDF_BYTE*>(utf8.data()),
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

// One line, in runs of characters that share a face: each run is drawn where the previous ended.
void PdfDocument::draw_text(HPDF_Page page, const TextOp& t, float height, HPDF_Font& current_font,
                            float& current_size) {
  HPDF_Page_SetGrayFill(page, t.style.gray);
  const std::u32string cps = text::decode(t.text);
  float x = t.x;
  std::size_t begin = 0;
  while (begin < cps.size()) {
    const std::size_t face = face_index(cps[begin]);
    std::size_t end = begin + 1;
    while (end < cps.size() && face_index(cps[end]) == face) ++end;
    HPDF_Font f = font(t.style.bold, face);
    if (!f) return;
    if (f != current_font || t.style.size != current_size) {
      HPDF_Page_SetFontAndSize(page, f, t.style.size);
      current_font = f;
      current_size = t.style.size;
    }
    const std::string run = text::encode(std::u32string_view(cps).substr(begin, end - begin));
    // The weight that was loaded records what it drew (a face without bold draws both).
    const bool bold_face = t.style.bold && bold_[face].file.path != regular_[face].file.path;
    // Bold asked of a face without bold (Droid Sans Fallback): outlined as well as filled.
    const bool embolden = t.style.bold && !bold_face;
    if (embolden) {
      HPDF_Page_SetTextRenderingMode(page, HPDF_FILL_THEN_STROKE);
      HPDF_Page_SetLineWidth(page, t.style.size * 0.035f);
      HPDF_Page_SetGrayStroke(page, t.style.gray);
    }
    HPDF_Page_TextOut(page, x, height - t.baseline, run.c_str());
    if (embolden) HPDF_Page_SetTextRenderingMode(page, HPDF_FILL);
    auto& used = (bold_face ? bold_ : regular_)[face].used;
    for (std::size_t k = begin; k < end; ++k) {
      if (cps[k] < used.size()) used[cps[k]] = true;
      x += advance(t.style.bold, cps[k]) * t.style.size;
    }
    begin = end;
  }
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
        draw_text(page, *t, height, current_font, current_size);
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
  for (auto* faces : {&regular_, &bold_}) {
    for (const Face& face : *faces) {
      if (!face.font) continue;
      trim_to_used(face.font, face.used);  // measures, so libharu flags what it drew ...
      keep_composite_parts(face);          // ... then every part of those glyphs is flagged too
    }
  }
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
