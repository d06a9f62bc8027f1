#include "text.hpp"

namespace rk {

const std::string& Text::in(const std::string& language, const std::string& fallback) const {
  static const std::string kEmpty;
  if (auto it = by_language.find(language); it != by_language.end()) return it->second;
  if (auto it = by_language.find(fallback); it != by_language.end()) return it->second;
  if (!by_language.empty()) return by_language.begin()->second;
  return kEmpty;
}

Text Text::plain(std::string language, std::string value) {
  Text t;
  t.by_language.emplace(std::move(language), std::move(value));
  return t;
}

}  // namespace rk
