// Text made safe to draw: bad bytes and control characters repaired, nothing printable dropped.
// (Line breaking is tested with the text room: tests/text/line_break_test.cpp.)
#include "text_layout.hpp"

#include <doctest/doctest.h>

#include <string>

using rk::report::sanitize_utf8;

TEST_CASE("sanitize_utf8 repairs bad bytes and control characters without dropping text") {
  CHECK(sanitize_utf8("a\tb") == "a b");
  CHECK(sanitize_utf8("a\r\nb\rc") == "a\nb\nc");
  CHECK(sanitize_utf8(std::string("ok\xff\xfe!", 5)) == "ok\xEF\xBF\xBD\xEF\xBF\xBD!");
  CHECK(sanitize_utf8("\xC3\xA1") == "á");                                         // valid two-byte stays
  CHECK(sanitize_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/' is rejected
  CHECK(sanitize_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(sanitize_utf8(std::string("x\0y", 3)) == "x y");
}

TEST_CASE("characters beyond the BMP (emoji) become a visible U+FFFD instead of vanishing") {
  CHECK(rk::report::replace_beyond_bmp("ok \xF0\x9F\x98\x80 ñ") == "ok \xEF\xBF\xBD ñ");
}
