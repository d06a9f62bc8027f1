#include "replay.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <type_traits>

#include "utf8.hpp"
#include "widget_list_file.hpp"

namespace rk::app {
namespace {

constexpr double kDefaultWaitSeconds = 10.0;
/// Frames after pushing a tap before the next command looks at the screen: the press, the
/// release (the click lands), and the new screen drawn with its widgets.
constexpr long kSettleFrames = 4;
constexpr SDL_TouchID kReplayTouchDevice = 1;
/// Longer than the kiosk's settle time after a change of screen (kSettleSeconds in kiosk/ui).
constexpr double kStillSeconds = 0.5;

std::string signature_of(const Replay::View& view) {
  std::string s(view.screen);
  for (const auto& w : view.widgets) s += "|" + w.id;
  return s;
}

std::vector<std::string> split_words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

/// The text after the first `skip` words, leading spaces dropped.
std::string rest_of_line(const std::string& line, int skip) {
  std::size_t pos = 0;
  for (int i = 0; i < skip; ++i) {
    pos = line.find_first_not_of(" \t", pos);
    if (pos == std::string::npos) return "";
    pos = line.find_first_of(" \t", pos);
    if (pos == std::string::npos) return "";
  }
  pos = line.find_first_not_of(" \t", pos);
  return pos == std::string::npos ? "" : line.substr(pos);
}

/// A whole word as a number (float or long), false when it is not one.
template <typename T>
bool parse_number(const std::string& s, T& out) {
  try {
    std::size_t used = 0;
    if constexpr (std::is_same_v<T, float>)
      out = std::stof(s, &used);
    else
      out = std::stol(s, &used);
    return used == s.size();
  } catch (...) {
    return false;
  }
}

void push(SDL_Event event) {
  SDL_PushEvent(&event);
}

SDL_Event finger(Uint32 type, Uint32 window_id, SDL_FingerID id, float x, float y) {
  SDL_Event e{};
  e.type = type;
  e.tfinger.touchId = kReplayTouchDevice;
  e.tfinger.fingerId = id;
  e.tfinger.x = x;
  e.tfinger.y = y;
  e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
  e.tfinger.windowID = window_id;
  return e;
}

void push_mouse_click(Uint32 window_id, int x, int y) {
  SDL_Event motion{};
  motion.type = SDL_MOUSEMOTION;
  motion.motion.windowID = window_id;
  motion.motion.which = 0;
  motion.motion.x = x;
  motion.motion.y = y;
  push(motion);
  for (Uint32 type : {Uint32{SDL_MOUSEBUTTONDOWN}, Uint32{SDL_MOUSEBUTTONUP}}) {
    SDL_Event e{};
    e.type = type;
    e.button.windowID = window_id;
    e.button.which = 0;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    push(e);
  }
}

SDL_Event key_event(Uint32 type, Uint32 window_id, SDL_Keycode sym, Uint16 mod) {
  SDL_Event e{};
  e.type = type;
  e.key.windowID = window_id;
  e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
  e.key.keysym.sym = sym;
  e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
  e.key.keysym.mod = mod;
  return e;
}

/// Presses the modifier (if any), the key, and releases both, as a keyboard would.
bool push_key_combo(const std::string& combo, Uint32 window_id) {
  SDL_Keycode modifier = SDLK_UNKNOWN;
  Uint16 mod = KMOD_NONE;
  std::string key = combo;
  if (combo.rfind("alt+", 0) == 0) {
    modifier = SDLK_LALT;
    mod = KMOD_LALT;
    key = combo.substr(4);
  } else if (combo.rfind("ctrl+", 0) == 0) {
    modifier = SDLK_LCTRL;
    mod = KMOD_LCTRL;
    key = combo.substr(5);
  }
  const SDL_Keycode sym = SDL_GetKeyFromName(key.c_str());
  if (sym == SDLK_UNKNOWN) return false;
  if (modifier != SDLK_UNKNOWN) push(key_event(SDL_KEYDOWN, window_id, modifier, mod));
  push(key_event(SDL_KEYDOWN, window_id, sym, mod));
  push(key_event(SDL_KEYUP, window_id, sym, mod));
  if (modifier != SDLK_UNKNOWN) push(key_event(SDL_KEYUP, window_id, modifier, KMOD_NONE));
  return true;
}

const ui::WidgetInfo* find_widget(const std::vector<ui::WidgetInfo>& widgets, const std::string& key,
                                  bool by_label) {
  for (const auto& w : widgets) {
    if (by_label ? w.label == key : w.id == key) return &w;
  }
  return nullptr;
}

/// Splits UTF-8 text into characters (each a string of 1–4 bytes).
std::vector<std::string> utf8_characters(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = std::max<std::size_t>(1, rk::utf8_at(text, i).length);  // an invalid byte alone
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::optional<Replay> Replay::open(const std::string& path, std::string& error) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    error = path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  Replay replay;
  if (S_ISFIFO(info.st_mode)) {
    // Read-write so the FIFO always has a writer (us): reads never see end-of-file while the
    // test is still deciding its next step; the script ends with "end".
    replay.fd_.value = ::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (replay.fd_.value < 0) {
      error = path + ": " + std::strerror(errno);
      return std::nullopt;
    }
    return replay;
  }
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot read";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return from_text(text.str());
}

Replay Replay::from_text(const std::string& text) {
  Replay replay;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) replay.lines_.push_back(line);
  return replay;
}

Replay::Fd::~Fd() {
  if (value >= 0) ::close(value);
}

bool Replay::read_more_lines() {
  if (fd_.value < 0) return false;
  char buffer[4096];
  bool got = false;
  for (;;) {
    const ssize_t n = ::read(fd_.value, buffer, sizeof buffer);
    if (n <= 0) break;
    partial_.append(buffer, static_cast<std::size_t>(n));
    got = true;
  }
  for (std::size_t nl; (nl = partial_.find('\n')) != std::string::npos;) {
    lines_.push_back(partial_.substr(0, nl));
    partial_.erase(0, nl + 1);
  }
  return got;
}

void Replay::fail(const std::string& message) {
  error_ = "replay: line " + std::to_string(line_number_) + ": " + message;
}

std::string Replay::take_screenshot_request() {
  std::string name;
  name.swap(pending_screenshot_);
  return name;
}

double Replay::seconds_until_due(double now) const {
  if (finished_ || failed()) return 1e9;
  if (current_.empty() && lines_.empty() && expanded_.empty() && fd_.value >= 0) return 0.05;  // poll the FIFO
  const auto words = split_words(current_);
  if (current_started_ && !words.empty() && (words[0] == "wait-ms" || words[0] == "hold")) {
    return std::max(0.0, wait_until_time_ - now);
  }
  if (gate_until_ > now) return gate_until_ - now;
  return 0.0;
}

bool Replay::ready_for_tap(const View& view, bool keyboard_key) {
  double until = view_changed_at_ + kStillSeconds;
  if (!(keyboard_key && last_tap_was_key_)) until = std::max(until, last_tap_at_ + kStillSeconds);
  if (view.now < until) {
    gate_until_ = until;
    return false;
  }
  gate_until_ = 0;
  last_tap_at_ = view.now;
  last_tap_was_key_ = keyboard_key;
  return true;
}

void Replay::advance(const View& view) {
  if (auto signature = signature_of(view); signature != view_signature_) {
    view_signature_ = std::move(signature);
    view_changed_at_ = view.now;
  }
  while (!finished_ && !failed()) {
    if (current_.empty()) {
      if (!expanded_.empty()) {
        current_ = expanded_.front();
        expanded_.pop_front();
      } else {
        if (lines_.empty()) read_more_lines();
        if (lines_.empty()) {
          if (fd_.value < 0) finished_ = true;
          return;
        }
        current_ = lines_.front();
        lines_.pop_front();
        ++line_number_;
      }
      current_started_ = false;
    }
    if (!run_line(current_, view)) return;
    current_.clear();
    if (expanded_.empty()) lines_done_ = line_number_;
  }
}

bool Replay::run_line(const std::string& line_in, const View& view) {
  // A copy: line_in may be current_, which run_line may replace.
  const std::string line = line_in;  // NOLINT(performance-unnecessary-copy-initialization)
  const auto words = split_words(line);
  if (words.empty() || words[0][0] == '#') return true;
  const std::string& cmd = words[0];
  const auto start_once = [&](double seconds) {
    if (!current_started_) {
      current_started_ = true;
      deadline_ = view.now + seconds;
    }
  };
  const auto settle = [&] {
    current_ = "wait-frames " + std::to_string(kSettleFrames);
    current_started_ = false;
    return run_line(current_, view);
  };
  const auto floats = [&](std::size_t first, std::size_t count, float* out) {
    if (words.size() < first + count) return false;
    for (std::size_t i = 0; i < count; ++i) {
      if (!parse_number(words[first + i], out[i])) return false;
    }
    return true;
  };
  const auto wait_seconds = [&](std::size_t index) {
    long ms = 0;
    return words.size() > index && parse_number(words[index], ms) ? static_cast<double>(ms) / 1000.0
                                                                : kDefaultWaitSeconds;
  };
  const float ww = static_cast<float>(view.window_w);
  const float wh = static_cast<float>(view.window_h);
  const auto tap_at = [&](float nx, float ny) {
    push(finger(SDL_FINGERDOWN, view.window_id, 1, nx, ny));
    push(finger(SDL_FINGERUP, view.window_id, 1, nx, ny));
  };

  if (cmd == "end") {
    finished_ = true;
    return true;
  }
  if (cmd == "wait-frames" || cmd == "wait-ms") {
    const bool frames = cmd == "wait-frames";
    long n = 0;
    if (words.size() < 2 || !parse_number(words[1], n)) {
      fail(cmd + " needs a number");
      return true;
    }
    if (!current_started_) {
      current_started_ = true;
      if (frames)
        wait_until_frame_ = view.frame + n;
      else
        wait_until_time_ = view.now + static_cast<double>(n) / 1000.0;
    }
    return frames ? view.frame >= wait_until_frame_ : view.now >= wait_until_time_;
  }
  if (cmd == "tap" || cmd == "click") {
    float xy[2];
    if (!floats(1, 2, xy)) {
      fail(cmd + " needs X Y");
      return true;
    }
    if (!ready_for_tap(view, false)) return false;
    if (cmd == "tap") {
      tap_at(xy[0], xy[1]);
    } else {
      push_mouse_click(view.window_id, static_cast<int>(xy[0]), static_cast<int>(xy[1]));
    }
    return settle();
  }
  if (cmd == "tap-id" || cmd == "click-id" || cmd == "tap-label" || cmd == "wait-id") {
    const bool by_label = cmd == "tap-label";
    const std::string key = by_label ? rest_of_line(line, 1) : (words.size() > 1 ? words[1] : "");
    if (key.empty()) {
      fail(cmd + " needs a widget");
      return true;
    }
    start_once(cmd == "wait-id" ? wait_seconds(2) : kDefaultWaitSeconds);
    const ui::WidgetInfo* w = find_widget(view.widgets, key, by_label);
    if (w == nullptr) {
      if (view.now > deadline_) {
        fail("no widget '" + key + "' on screen " + std::string(view.screen));
        return true;
      }
      return false;
    }
    if (cmd == "wait-id") return true;
    const bool keyboard_key = w->id.rfind("kbd.", 0) == 0 && w->id != "kbd.done";
    if (!ready_for_tap(view, keyboard_key)) return false;
    const float cx = w->x + w->w / 2;
    const float cy = w->y + w->h / 2;
    if (cmd == "click-id") {
      push_mouse_click(view.window_id, static_cast<int>(cx), static_cast<int>(cy));
    } else {
      tap_at(cx / ww, cy / wh);
    }
    return settle();
  }
  if (cmd == "type") {
    const std::string text = rest_of_line(line, 1);
    for (const auto& ch : utf8_characters(text)) {
      expanded_.push_back(ch == " " ? "tap-id kbd.space" : "tap-id kbd." + ch);
    }
    return true;
  }
  if (cmd == "finger-down" || cmd == "finger-move" || cmd == "finger-up") {
    long id = 0;
    float xy[2];
    if (words.size() < 4 || !parse_number(words[1], id) || !floats(2, 2, xy)) {
      fail(cmd + " needs N X Y");
      return true;
    }
    const Uint32 type = cmd == "finger-down"   ? SDL_FINGERDOWN
                        : cmd == "finger-move" ? SDL_FINGERMOTION
                                               : SDL_FINGERUP;
    push(finger(type, view.window_id, id, xy[0], xy[1]));
    return true;
  }
  if (cmd == "drag") {
    // One finger movement per frame, as a real finger gives them, so the kiosk sees the drag.
    float v[4];
    if (!floats(1, 4, v)) {
      fail("drag needs X1 Y1 X2 Y2 [STEPS]");
      return true;
    }
    long steps = 10;
    if (words.size() > 5) parse_number(words[5], steps);
    steps = std::max(1L, steps);
    if (!current_started_) {
      if (!ready_for_tap(view, false)) return false;
      current_started_ = true;
      drag_step_ = 0;
      wait_until_frame_ = view.frame;
      push(finger(SDL_FINGERDOWN, view.window_id, 1, v[0], v[1]));
      return false;
    }
    if (view.frame <= wait_until_frame_) return false;  // one step a frame
    wait_until_frame_ = view.frame;
    if (drag_step_ < steps) {
      ++drag_step_;
      const float t = static_cast<float>(drag_step_) / static_cast<float>(steps);
      push(finger(SDL_FINGERMOTION, view.window_id, 1, v[0] + (v[2] - v[0]) * t, v[1] + (v[3] - v[1]) * t));
      return false;
    }
    push(finger(SDL_FINGERUP, view.window_id, 1, v[2], v[3]));
    return settle();
  }
  if (cmd == "taps") {
    long n = 0;
    float xy[2];
    if (words.size() < 4 || !parse_number(words[1], n) || !floats(2, 2, xy)) {
      fail("taps needs N X Y");
      return true;
    }
    if (!ready_for_tap(view, false)) return false;
    for (long i = 0; i < n; ++i) tap_at(xy[0], xy[1]);
    return settle();
  }
  if (cmd == "hold") {
    float xy[2];
    long ms = 0;
    if (!floats(1, 2, xy) || words.size() < 4 || !parse_number(words[3], ms)) {
      fail("hold needs X Y MS");
      return true;
    }
    if (!current_started_) {
      if (!ready_for_tap(view, false)) return false;
      current_started_ = true;
      wait_until_time_ = view.now + static_cast<double>(ms) / 1000.0;
      push(finger(SDL_FINGERDOWN, view.window_id, 1, xy[0], xy[1]));
      return false;
    }
    if (view.now < wait_until_time_) return false;
    push(finger(SDL_FINGERUP, view.window_id, 1, xy[0], xy[1]));
    return settle();
  }
  if (cmd == "key") {
    if (words.size() < 2 || !push_key_combo(words[1], view.window_id)) {
      fail("unknown key '" + (words.size() > 1 ? words[1] : "") + "'");
      return true;
    }
    return settle();
  }
  if (cmd == "window-close") {
    SDL_Event close{};
    close.type = SDL_WINDOWEVENT;
    close.window.event = SDL_WINDOWEVENT_CLOSE;
    close.window.windowID = view.window_id;
    push(close);
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    push(quit);
    return settle();
  }
  if (cmd == "wait-screen" || cmd == "expect-screen") {
    if (words.size() < 2) {
      fail(cmd + " needs a screen name");
      return true;
    }
    if (view.screen == words[1]) return true;
    if (cmd == "expect-screen") {
      fail("expected screen " + words[1] + ", on " + std::string(view.screen));
      return true;
    }
    start_once(wait_seconds(2));
    if (view.now > deadline_) {
      fail("screen " + words[1] + " did not come; on " + std::string(view.screen));
      return true;
    }
    return false;
  }
  if (cmd == "screenshot") {
    if (words.size() < 2) {
      fail("screenshot needs a name");
      return true;
    }
    if (!current_started_) {
      current_started_ = true;
      pending_screenshot_ = words[1];
      wait_until_frame_ = view.frame + 1;
      return false;
    }
    return pending_screenshot_.empty() && view.frame >= wait_until_frame_;
  }
  fail("unknown command '" + cmd + "'");
  return true;
}

}  // namespace rk::app
