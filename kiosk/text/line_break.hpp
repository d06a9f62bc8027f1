#pragma once
// Where a line may end, by Unicode UAX #14 (libunibreak): between CJK characters, after spaces
// and hyphens, never at a no-break space or before "?" / "!" / ")" (French "aujourd'hui ?").

#include <string>
#include <string_view>
#include <vector>

namespace rk::text {

enum class Break : unsigned char {
  Must,   ///< a line ends here (newline, end of text)
  Allow,  ///< a line may end after this character
  No,     ///< keep with the next character
};

/// One entry per code point: may a line end after it? `lang` is a BCP 47 code or empty.
std::vector<Break> line_breaks(std::u32string_view text, std::string_view lang = {});

/// True for characters drawn on top of the one before (combining marks): an emergency break
/// inside a word never separates them from their base.
bool is_mark(char32_t cp);

}  // namespace rk::text
