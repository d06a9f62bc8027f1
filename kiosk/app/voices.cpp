#include "voices.hpp"

#include <algorithm>
#include <cctype>

namespace rk::app {
namespace {

/// Preferred voices where espeak-ng's own first choice is not the best for a clinic's patients.
struct Preference {
  const char* language;
  const char* voice_language;
  const char* why;
};
constexpr Preference kPreferences[] = {
    {"en", "en-us", "American English: the kiosk's English words are American"},
    {"es", "es-419", "Latin American Spanish, the Spanish most patients of US clinics speak"},
    {"pt", "pt-br", "Brazilian Portuguese, the Portuguese most patients of US clinics speak"},
    // espeak-ng 1.51 (Debian 12) "cmn" reads every Hanzi's tone number aloud in English
    // ("hao three"); cmn-latn-pinyin reads Hanzi as Mandarin.
    {"zh", "cmn-latn-pinyin", "espeak-ng 1.51's cmn voice speaks tone numbers in English"},
};

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// The first usable voice that lists `language` exactly.
std::string speaking(const std::string& language, const std::vector<InstalledVoice>& installed) {
  for (const InstalledVoice& v : installed) {
    if (v.identifier.rfind("mb/", 0) == 0) continue;
    if (std::find(v.languages.begin(), v.languages.end(), language) != v.languages.end()) return v.identifier;
  }
  return {};
}

}  // namespace

std::string voice_for(const std::string& language, const std::vector<InstalledVoice>& installed) {
  const std::string code = lowercase(language);
  const std::string primary = code.substr(0, code.find('-'));
  if (primary.empty()) return {};
  // A regional code espeak-ng speaks exactly ("en-GB", "pt-BR") keeps its region.
  if (code != primary) {
    if (std::string v = speaking(code, installed); !v.empty()) return v;
  }
  for (const Preference& p : kPreferences) {
    if (primary == p.language) {
      if (std::string v = speaking(p.voice_language, installed); !v.empty()) return v;
    }
  }
  return speaking(primary, installed);
}

}  // namespace rk::app
