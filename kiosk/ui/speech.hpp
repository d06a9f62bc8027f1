#pragma once
// What the kiosk UI asks of a speech engine. kiosk/app implements it with espeak-ng and SDL audio;
// kiosk/ui sees only this, so the screens stay headless and free of SDL.

#include <string>
#include <vector>

namespace rk::ui {

class Speech {
 public:
  virtual ~Speech() = default;
  /// There is a voice for `language` and an audio output to speak with.
  [[nodiscard]] virtual bool can_speak(const std::string& language) const = 0;
  /// Stops whatever is being said, then says `phrases` in order. Returns at once: synthesis and
  /// playback run on other threads.
  virtual void speak(const std::string& language, std::vector<std::string> phrases) = 0;
  /// Stops at once: what is not yet played is dropped.
  virtual void stop() = 0;
  /// Something is still being said (true from speak() until its last sound has played).
  [[nodiscard]] virtual bool speaking() const = 0;
};

}  // namespace rk::ui
