#pragma once
// Drives a KioskUi headlessly: an ImGui context with a built font atlas and no renderer. Taps are
// scripted like a finger: press on a widget's centre, release the next frame, then lift the
// pointer away (MousePos = -FLT_MAX) so no hover sticks.

#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "config.hpp"
#include "kiosk_ui.hpp"
#include "questionnaire.hpp"

namespace rk::test {

/// The shipped default questionnaire (questionnaires/readiness-and-strengths.toml).
const Questionnaire& default_questionnaire();

class Harness {
 public:
  /// `speech` (read aloud; may be nullptr) must outlive the harness.
  explicit Harness(float width = 1080.0f, float height = 1920.0f, KioskConfig config = {},
                   const Questionnaire* questionnaire = nullptr, ui::Speech* speech = nullptr);
  ~Harness();
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  ui::KioskUi& ui() { return *ui_; }
  double now() const { return now_; }
  KioskConfig& config() { return config_; }

  /// One frame `dt` seconds after the last one, with the pointer as set.
  void frame(double dt = 1.0 / 30.0);
  /// Frames until `seconds` have passed (no input).
  void wait(double seconds, double step = 0.25);

  /// The widget drawn in the last frame, or nullptr.
  const ui::WidgetInfo* find(const std::string& id) const;
  bool has(const std::string& id) const { return find(id) != nullptr; }
  /// Waits past the settle time, then taps the widget's centre. False when it is not on screen
  /// (after trying to bring it into view by dragging).
  bool tap(const std::string& id);
  /// Taps without waiting first (to test double taps).
  bool tap_now(const std::string& id);
  /// Drags the content area by `dy` pixels (negative: content moves up, to see what is below).
  void drag(float dy);
  /// Drags until `id` is on screen; false if it never appears.
  bool scroll_into_view(const std::string& id);

  // Low-level pointer control.
  void press_at(float x, float y);
  void move_to(float x, float y);
  void release();
  void lift();

  std::vector<Summary> delivered;
  /// When true, deliver reports success at once (as a quick save would); else delivery "hangs".
  bool report_delivery = true;
  /// What Services::out_of_service answers, and how often it was asked.
  std::string out_of_service;
  int service_checks = 0;
  /// What Services::pending answers; how often Retry and "Save to folder instead" were pressed.
  std::vector<ui::PendingSummary> pending;
  int retries = 0;
  int saves_instead = 0;
  int exits = 0;
  int test_prints = 0;

 private:
  KioskConfig config_;
  ImGuiContext* context_ = nullptr;
  std::unique_ptr<ui::KioskUi> ui_;
  double now_ = 1000.0;
};

}  // namespace rk::test
