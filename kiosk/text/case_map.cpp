#include "case_map.hpp"

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include <optional>
#include <string>

#include "utf8.hpp"

namespace rk::text {
namespace {

// ICU's locale id for a BCP 47 code ("zh-Hant" → "zh_Hant"); the root locale when it cannot parse it.
std::string icu_locale(std::string_view lang) {
  if (lang.empty()) return {};
  const std::string tag(lang);
  char id[ULOC_FULLNAME_CAPACITY] = {};
  UErrorCode status = U_ZERO_ERROR;
  int32_t parsed = 0;
  uloc_forLanguageTag(tag.c_str(), id, ULOC_FULLNAME_CAPACITY, &parsed, &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return {};
  return id;
}

// Runs an ICU function that fills a UTF-16 buffer: again with the size it asks for when the
// first guess was too small, as ICU's preflighting works. nullopt when ICU fails.
template <typename Fill>
std::optional<std::u16string> filled(size_t guess, Fill fill) {
  std::u16string out(guess, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = fill(out.data(), static_cast<int32_t>(out.size()), status);
  if (status == U_BUFFER_OVERFLOW_ERROR && length > 0) {
    out.assign(static_cast<size_t>(length), u'\0');
    status = U_ZERO_ERROR;
    length = fill(out.data(), length, status);
  }
  if (U_FAILURE(status) || length < 0) return std::nullopt;
  out.resize(static_cast<size_t>(length));
  return out;
}

}  // namespace

std::string to_upper(std::string_view utf8, std::string_view lang) {
  // Our own decoder first, so invalid bytes turn into U+FFFD exactly as they do when drawn.
  const std::u32string cps = decode(utf8);
  if (cps.empty()) return {};
  const auto source = filled(cps.size() * 2, [&](char16_t* d, int32_t n, UErrorCode& s) {
    int32_t length = 0;
    u_strFromUTF32WithSub(d, n, &length, reinterpret_cast<const UChar32*>(cps.data()),
                          static_cast<int32_t>(cps.size()), kReplacement, nullptr, &s);
    return length;
  });
  if (!source) return encode(cps);  // never lose the text over a failed conversion
  const std::string locale = icu_locale(lang);
  const auto upper = filled(source->size() + 16, [&](char16_t* d, int32_t n, UErrorCode& s) {
    return u_strToUpper(d, n, source->data(), static_cast<int32_t>(source->size()), locale.c_str(), &s);
  });
  if (!upper) return encode(cps);
  std::u32string out(upper->size(), U'\0');  // UTF-16 never has fewer units than code points
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strToUTF32WithSub(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), &length,
                      upper->data(), static_cast<int32_t>(upper->size()), kReplacement, nullptr, &status);
  if (U_FAILURE(status)) return encode(cps);
  out.resize(static_cast<size_t>(length));
  return encode(out);
}

}  // namespace rk::text
