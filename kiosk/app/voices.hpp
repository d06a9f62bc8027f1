#pragma once
// Which espeak-ng voice speaks each kiosk language: one table of preferences (with the reason for
// each), then whatever voice espeak-ng has for the language. A language with no voice gets none:
// the kiosk then shows no Read aloud button rather than speak another language.

#include <string>
#include <vector>

namespace rk::app {

/// One voice espeak-ng has installed (espeak_ListVoices).
struct InstalledVoice {
  std::string identifier;              ///< "roa/es-419"; what espeak_SetVoiceByName takes
  std::vector<std::string> languages;  ///< "es-419", ... (lowercase)
};

/// The identifier of the voice for a kiosk language code ("en", "es", "pt-BR"), or "" when no
/// installed voice speaks it. MBROLA voices ("mb/...") are never chosen: they need data that
/// Debian's espeak-ng-data does not ship.
[[nodiscard]] std::string voice_for(const std::string& language,
                                    const std::vector<InstalledVoice>& installed);

}  // namespace rk::app
