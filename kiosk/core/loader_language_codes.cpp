#include "loader_language_codes.hpp"

#include <algorithm>
#include <array>

namespace rk {
namespace {
// ISO 639-1, sorted.
constexpr std::array<std::string_view, 184> kCodes = {
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv",
    "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd",
    "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig",
    "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko",
    "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh",
    "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr",
    "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru",
    "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su",
    "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug",
    "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu"};

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
}  // namespace

std::span<const std::string_view> iso639_1_codes() {
  return kCodes;
}

bool is_language_code(std::string_view code) {
  const std::string_view base = code.substr(0, 2);
  if (code.size() < 2 || !std::binary_search(kCodes.begin(), kCodes.end(), base)) return false;
  if (code.size() == 2) return true;
  const std::string_view region = code.substr(2);
  if (region.size() == 3) return region[0] == '-' && is_upper(region[1]) && is_upper(region[2]);
  if (region.size() == 4)
    return region[0] == '-' && is_digit(region[1]) && is_digit(region[2]) && is_digit(region[3]);
  return false;
}

}  // namespace rk
