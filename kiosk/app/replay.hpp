#pragma once
// --replay SCRIPT: input events pushed through SDL's own event queue, one command a line, so the
// real input path (SDL queue → input glue → ImGui → KioskUi) is what a test exercises.
//
//   tap X Y                  finger tap, X and Y normalised 0–1
//   tap-id ID                finger tap on the centre of the widget with this id (waits up to
//                            10 s for it to appear)
//   tap-label TEXT           finger tap on the first widget whose label is TEXT
//   type TEXT                taps kbd.<character> for each character of TEXT (the on-screen
//                            keyboard); a space taps kbd.space
//   click X Y / click-id ID  mouse click (X, Y in pixels for click)
//   finger-down N X Y / finger-move N X Y / finger-up N X Y   raw finger N (for multi-touch)
//   drag X1 Y1 X2 Y2 [STEPS] finger drag, normalised, one movement a frame (default 10 steps)
//   taps N X Y               N taps pushed at once (rapid repeated taps)
//   hold X Y MS              finger down, wait MS milliseconds, finger up (long press)
//   key escape|alt+f4|ctrl+q|ctrl+w|alt+tab|f11
//   window-close             what a window manager sends on close (WINDOWEVENT_CLOSE + QUIT)
//   wait-frames N / wait-ms N
//   wait-screen NAME [MS]    waits until the screen is NAME (Welcome, Question, Review,
//                            Finishing, ThankYou, StaffPin, Staff, Error); fails after MS (10000)
//   expect-screen NAME       the screen is NAME now (after the last input settled)
//   wait-id ID [MS]          waits until a widget with this id is on screen
//   screenshot NAME          saves the next frame as DIR/NAME.png (--screenshot-dir)
//   end                      the script is over (needed when SCRIPT is a FIFO)
//   # comment
// Taps (not raw finger-* events or keys) wait until the screen has not changed for 0.5 s and
// 0.5 s have passed since the last tap (consecutive on-screen keyboard keys excepted): the kiosk
// ignores presses right after a change of screen.
// A regular file is read whole; a FIFO is read as it is written, so a test can decide its next
// tap from the --test-items file.

#include <SDL.h>

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk_ui.hpp"

namespace rk::app {

class Replay {
 public:
  struct View {
    const std::vector<ui::WidgetInfo>& widgets;
    std::string_view screen;  ///< screen_name() of the screen on show
    int window_w = 0;
    int window_h = 0;
    Uint32 window_id = 0;
    long frame = 0;  ///< frames rendered so far
    double now = 0;  ///< steady seconds
  };

  /// Opens the script; nullopt and `error` when it cannot be read.
  static std::optional<Replay> open(const std::string& path, std::string& error);
  /// A script given as text (tests).
  static Replay from_text(const std::string& text);

  Replay(Replay&&) noexcept = default;
  Replay& operator=(Replay&&) noexcept = default;
  Replay(const Replay&) = delete;
  Replay& operator=(const Replay&) = delete;
  ~Replay() = default;

  /// Runs commands until one has to wait for frames, time or a screen. Call once per loop turn,
  /// after the frame (if any) was drawn.
  void advance(const View& view);

  [[nodiscard]] bool finished() const { return finished_; }
  /// Script lines carried out so far (a test writing a FIFO waits for its line to count).
  [[nodiscard]] long lines_done() const { return lines_done_; }
  [[nodiscard]] bool failed() const { return !error_.empty(); }
  [[nodiscard]] const std::string& error() const { return error_; }
  /// Seconds the loop may sleep before advance() has something to do (0 = draw frames now).
  [[nodiscard]] double seconds_until_due(double now) const;
  /// A screenshot the next rendered frame should be saved as ("" for none); taken once.
  std::string take_screenshot_request();

 private:
  Replay() = default;
  bool read_more_lines();
  bool run_line(const std::string& line, const View& view);  // false: the line waits
  void fail(const std::string& message);

  /// A file descriptor closed with its owner; a move hands it over.
  struct Fd {
    int value = -1;
    Fd() = default;
    Fd(Fd&& other) noexcept : value(std::exchange(other.value, -1)) {}
    Fd& operator=(Fd&& other) noexcept {
      std::swap(value, other.value);  // the one we held closes with `other`
      return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd();
  };

  Fd fd_;  ///< FIFO being read, else -1
  std::string partial_;
  std::deque<std::string> lines_;
  int line_number_ = 0;
  long lines_done_ = 0;
  bool finished_ = false;
  std::string error_;

  // The command in progress.
  std::string current_;
  bool current_started_ = false;
  long wait_until_frame_ = 0;
  double wait_until_time_ = 0;
  double deadline_ = 0;
  std::string pending_screenshot_;
  std::deque<std::string> expanded_;  ///< commands a `type` line expanded into

  // Taps wait until the screen has been still for a moment: the kiosk ignores presses that begin
  // right after a change of screen (its guard against double taps skipping a page).
  bool ready_for_tap(const View& view, bool keyboard_key);
  std::string view_signature_;
  double view_changed_at_ = -1e9;
  double last_tap_at_ = -1e9;
  bool last_tap_was_key_ = false;
  double gate_until_ = 0;  ///< when the tap in progress may go (for seconds_until_due)
  long drag_step_ = 0;     ///< finger movements a `drag` has pushed so far
};

}  // namespace rk::app
