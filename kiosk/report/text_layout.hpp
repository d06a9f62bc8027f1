#pragma once
// Patient and questionnaire text made safe to draw. Line breaking, joining and bidi live in the
// shared text room (kiosk/text/layout.hpp).

#include <string>
#include <string_view>

namespace rk::report {

/// Valid UTF-8 ready to draw: invalid bytes become U+FFFD, "\r\n" and "\r" become "\n", tabs and
/// other control characters become spaces. Nothing printable is dropped.
std::string sanitize_utf8(std::string_view text);

/// libharu 2.3's UTF-8 encoder drops characters beyond the Basic Multilingual Plane (emoji)
/// without a trace; this replaces each with U+FFFD, so the page shows that something was there.
/// (`--check` refuses them in questionnaires; the kiosk's keyboards cannot type them.)
std::string replace_beyond_bmp(std::string_view valid_utf8);

}  // namespace rk::report
