#include "speech_engine.hpp"

#include <espeak-ng/speak_lib.h>

#include <chrono>
#include <cstring>

#include "audit_log.hpp"

namespace rk::app {
namespace {

/// Samples per SDL audio buffer: about 23 ms at espeak-ng's 22,050 Hz.
constexpr Uint16 kBufferSamples = 512;
/// How often the worker looks whether the queued audio has played.
constexpr auto kDrainPoll = std::chrono::milliseconds(15);

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct SynthContext {
  SpeechEngine* engine;
  unsigned generation;
};

int on_espeak_samples(short* wav, int count, espeak_EVENT* events) {
  const auto* context = static_cast<const SynthContext*>(events ? events->user_data : nullptr);
  if (!context) return 0;
  return context->engine->queue_samples(context->generation, wav, count) ? 0 : 1;
}

/// espeak-ng's sample rate, or <= 0 when it cannot start. espeak-ng is started once per process and
/// never terminated: espeak_Terminate hangs in 1.51 after a second espeak_Initialize.
int start_espeak() {
  static const int rate =
      espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, nullptr, espeakINITIALIZE_DONT_EXIT);
  return rate;
}

std::vector<InstalledVoice> installed_voices() {
  std::vector<InstalledVoice> out;
  const espeak_VOICE** voices = espeak_ListVoices(nullptr);
  for (int i = 0; voices && voices[i]; ++i) {
    InstalledVoice v;
    v.identifier = voices[i]->identifier ? voices[i]->identifier : "";
    // languages: a priority byte, a name, a NUL, repeated; an empty name ends the list.
    for (const char* p = voices[i]->languages; p && *p; p += std::strlen(p + 1) + 2)
      v.languages.emplace_back(p + 1);
    if (!v.identifier.empty()) out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

SpeechEngine::SpeechEngine(SpeechSettings settings, Uint32 wake_event_type)
    : settings_(std::move(settings)), wake_event_type_(wake_event_type) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    unavailable_ = std::string("no audio driver (SDL: ") + SDL_GetError() + ")";
  } else {
    audio_subsystem_ = true;
    sample_rate_ = start_espeak();
    if (sample_rate_ <= 0) {
      unavailable_ = "espeak-ng could not start (is espeak-ng-data installed?)";
    } else {
      espeak_SetSynthCallback(on_espeak_samples);
      installed_ = installed_voices();
      // Opening the device once tells whether there is one; it is opened again to speak.
      std::lock_guard lock(mutex_);
      if (open_device_locked()) {
        close_device_locked();
      } else {
        unavailable_ = std::string("no audio output device (SDL: ") + SDL_GetError() + ")";
      }
    }
  }
  if (unavailable_.empty()) {
    const char* driver = SDL_GetCurrentAudioDriver();
    audit("read-aloud-ready", {{"audio", driver ? driver : "?"},
                               {"device", settings_.device.empty() ? "default" : settings_.device}});
  } else {
    audit("read-aloud-off", {{"reason", unavailable_}});
  }
  worker_ = std::thread([this] { worker_loop(); });
}

SpeechEngine::~SpeechEngine() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
    ++generation_;
    job_.reset();
  }
  changed_.notify_all();
  worker_.join();
  {
    std::lock_guard lock(mutex_);
    close_device_locked();
  }
  if (audio_subsystem_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

std::string SpeechEngine::voice(const std::string& language) const {
  auto it = voice_cache_.find(language);
  if (it == voice_cache_.end()) it = voice_cache_.emplace(language, voice_for(language, installed_)).first;
  return it->second;
}

bool SpeechEngine::can_speak(const std::string& language) const {
  return unavailable_.empty() && !voice(language).empty();
}

void SpeechEngine::speak(const std::string& language, std::vector<std::string> phrases) {
  const std::string chosen = can_speak(language) ? voice(language) : std::string();
  {
    std::lock_guard lock(mutex_);
    ++generation_;
    if (device_ != 0) SDL_ClearQueuedAudio(device_);
    job_.reset();
    last_phrases_ = phrases;
    if (!chosen.empty() && !phrases.empty()) job_ = Job{generation_, chosen, std::move(phrases)};
    speaking_ = job_.has_value();
    speak_called_at_ = steady_seconds();
    first_sound_.reset();
  }
  changed_.notify_all();
}

void SpeechEngine::stop() {
  {
    std::lock_guard lock(mutex_);
    ++generation_;
    job_.reset();
    if (device_ != 0) SDL_ClearQueuedAudio(device_);
    speaking_ = false;
  }
  changed_.notify_all();
}

bool SpeechEngine::speaking() const {
  return speaking_.load();
}

std::string SpeechEngine::voice_in_use() const {
  std::lock_guard lock(mutex_);
  return voice_in_use_;
}

std::optional<double> SpeechEngine::seconds_to_first_sound() const {
  std::lock_guard lock(mutex_);
  return first_sound_;
}

std::vector<std::string> SpeechEngine::last_phrases() const {
  std::lock_guard lock(mutex_);
  return last_phrases_;
}

bool SpeechEngine::device_open() const {
  std::lock_guard lock(mutex_);
  return device_ != 0;
}

bool SpeechEngine::queue_samples(unsigned generation, const short* wav, int count) {
  std::lock_guard lock(mutex_);
  if (generation != generation_ || device_ == 0) return false;
  if (wav && count > 0) {
    if (!first_sound_) first_sound_ = steady_seconds() - speak_called_at_;
    SDL_QueueAudio(device_, wav, static_cast<Uint32>(count) * sizeof(short));
  }
  return true;
}

bool SpeechEngine::open_device_locked() {
  SDL_AudioSpec want{};
  SDL_AudioSpec have{};
  want.freq = sample_rate_;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = kBufferSamples;
  device_ =
      SDL_OpenAudioDevice(settings_.device.empty() ? nullptr : settings_.device.c_str(), 0, &want, &have, 0);
  if (device_ == 0) return false;
  SDL_PauseAudioDevice(device_, 0);
  return true;
}

void SpeechEngine::close_device_locked() {
  if (device_ == 0) return;
  SDL_CloseAudioDevice(device_);
  device_ = 0;
}

void SpeechEngine::synthesise(const Job& job) {
  espeak_SetVoiceByName(job.voice.c_str());
  espeak_SetParameter(espeakRATE, settings_.rate, 0);
  espeak_SetParameter(espeakVOLUME, settings_.volume, 0);
  {
    std::lock_guard lock(mutex_);
    voice_in_use_ = job.voice;
  }
  SynthContext context{this, job.generation};
  for (const std::string& phrase : job.phrases) {
    {
      std::lock_guard lock(mutex_);
      if (job.generation != generation_) return;
    }
    espeak_Synth(phrase.c_str(), phrase.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakENDPAUSE,
                 nullptr, &context);
  }
}

void SpeechEngine::worker_loop() {
  std::unique_lock lock(mutex_);
  while (!quit_) {
    if (job_) {
      Job job = std::move(*job_);
      job_.reset();
      if (device_ == 0 && !open_device_locked()) {
        audit("read-aloud-failed",
              {{"reason", std::string("cannot open the audio device (SDL: ") + SDL_GetError() + ")"}});
        if (job.generation == generation_) speaking_ = false;
        continue;
      }
      lock.unlock();
      synthesise(job);
      lock.lock();
      quiet_since_ = 0.0;
      continue;
    }
    if (device_ == 0) {
      changed_.wait(lock, [&] { return quit_ || job_.has_value(); });
      continue;
    }
    // Speech was synthesised (or stopped): wait for the queue to play out, then for quiet.
    if (speaking_ && SDL_GetQueuedAudioSize(device_) > 0) {
      changed_.wait_for(lock, kDrainPoll);
      continue;
    }
    if (speaking_) {
      speaking_ = false;
      if (wake_event_type_ != 0) {
        SDL_Event event{};
        event.type = wake_event_type_;
        SDL_PushEvent(&event);
      }
    }
    const double now = steady_seconds();
    if (quiet_since_ == 0.0) quiet_since_ = now;
    if (now - quiet_since_ >= kCloseAfterSeconds) {
      close_device_locked();
      quiet_since_ = 0.0;
      continue;
    }
    changed_.wait_for(lock, std::chrono::duration<double>(kCloseAfterSeconds - (now - quiet_since_)));
  }
}

}  // namespace rk::app
