#pragma once
// Language codes a questionnaire may declare: ISO 639-1 ("en", "es"), optionally with a region
// ("es-MX", "pt-BR").

#include <span>
#include <string_view>

namespace rk {

/// Every ISO 639-1 two-letter code, lower case.
std::span<const std::string_view> iso639_1_codes();

/// "en", "es", "es-MX", "pt-BR" and the like; "eng", "EN", "spanish" are not.
bool is_language_code(std::string_view code);

}  // namespace rk
