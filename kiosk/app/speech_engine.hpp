#pragma once
// Read aloud for the kiosk (ui::Speech): espeak-ng synthesises on a worker thread, SDL2's audio
// subsystem plays. The audio device is opened when speech starts and closed when it has been
// quiet a while, so an idle kiosk runs no audio thread. With no audio driver or device, or no
// espeak-ng data, can_speak() is false for every language and the log says why, once.
//
// espeak-ng keeps global state: one SpeechEngine per process.

#include <SDL.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "speech.hpp"
#include "voices.hpp"

namespace rk::app {

struct SpeechSettings {
  std::string device;  ///< SDL output device name; "" = the default
  int volume = 100;    ///< percent (espeak-ng amplitude)
  int rate = 150;      ///< words per minute
};

class SpeechEngine final : public ui::Speech {
 public:
  /// `wake_event_type`: an SDL user event pushed when speech ends by itself (the UI redraws its
  /// button); 0 for none. Call on the main thread after SDL_Init.
  SpeechEngine(SpeechSettings settings, Uint32 wake_event_type);
  ~SpeechEngine() override;
  SpeechEngine(const SpeechEngine&) = delete;
  SpeechEngine& operator=(const SpeechEngine&) = delete;

  [[nodiscard]] bool can_speak(const std::string& language) const override;
  void speak(const std::string& language, std::vector<std::string> phrases) override;
  void stop() override;
  [[nodiscard]] bool speaking() const override;

  /// Why read aloud is unavailable ("" when it works).
  [[nodiscard]] const std::string& unavailable_reason() const { return unavailable_; }
  /// The espeak-ng voice identifier for a language ("" = none).
  [[nodiscard]] std::string voice(const std::string& language) const;
  /// The voice the last speech used, once it has begun ("" before).
  [[nodiscard]] std::string voice_in_use() const;
  /// Seconds from the last speak() to its first samples handed to SDL (nullopt until then).
  [[nodiscard]] std::optional<double> seconds_to_first_sound() const;
  /// The phrases the last speak() was given (tests and the benchmark check what is said).
  [[nodiscard]] std::vector<std::string> last_phrases() const;
  /// The audio device is open (it closes after kCloseAfterSeconds of quiet).
  [[nodiscard]] bool device_open() const;

  static constexpr double kCloseAfterSeconds = 2.0;

  /// For espeak-ng's callback (worker thread): hands samples of speech `generation` to SDL; false
  /// when that speech was stopped or replaced (espeak-ng then abandons it).
  bool queue_samples(unsigned generation, const short* wav, int count);

 private:
  struct Job {
    unsigned generation = 0;
    std::string voice;
    std::vector<std::string> phrases;
  };
  void worker_loop();
  void synthesise(const Job& job);
  bool open_device_locked();
  void close_device_locked();

  SpeechSettings settings_;
  Uint32 wake_event_type_;
  std::string unavailable_;
  int sample_rate_ = 0;
  bool audio_subsystem_ = false;
  std::vector<InstalledVoice> installed_;
  mutable std::map<std::string, std::string> voice_cache_;  // main thread only

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<Job> job_;
  unsigned generation_ = 0;
  bool quit_ = false;
  SDL_AudioDeviceID device_ = 0;
  double quiet_since_ = 0.0;
  std::string voice_in_use_;
  std::vector<std::string> last_phrases_;
  double speak_called_at_ = 0.0;
  std::optional<double> first_sound_;
  std::atomic<bool> speaking_{false};
  std::thread worker_;  ///< last: starts when everything above is ready
};

}  // namespace rk::app
