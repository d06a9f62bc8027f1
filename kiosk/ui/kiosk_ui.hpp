#pragma once
// The kiosk's screens, drawn with Dear ImGui only (no SDL, no OpenGL), so they run headless in
// tests. The app owns the window, the GL context and the SDL → ImGui input glue; it calls
// KioskUi::frame() between ImGui::NewFrame() and ImGui::Render().

#include <functional>
#include <string>
#include <vector>

#include "config.hpp"
#include "questionnaire.hpp"
#include "session.hpp"
#include "summary.hpp"

namespace rk::ui {

/// One interactive widget drawn in the last frame: the kiosk's accessibility tree. The app's test
/// mode writes these to a file so a test can tap a button by id. Coordinates in pixels.
struct WidgetInfo {
  std::string id;     ///< stable id, e.g. "nav.next", "welcome.start", "ruler.importance.6"
  std::string label;  ///< visible text
  float x = 0, y = 0, w = 0, h = 0;
};

/// What the kiosk asks of the app. Any may be empty (tests).
struct Services {
  /// A finished session's summary, to render and deliver (print / save). Called once per session.
  std::function<void(Summary)> deliver;
  /// One or more lines for the staff screen: printer state, last delivery result, save folder.
  std::function<std::string()> staff_status;
  /// Staff screen: print (or save) a test summary for a fictional patient.
  std::function<void()> print_test_summary;
  /// Staff screen: close the kiosk.
  std::function<void()> exit;
};

enum class Screen { Welcome, Question, Review, Finishing, ThankYou, StaffPin, Staff };

class KioskUi {
 public:
  /// `questionnaire` and `config` must outlive the UI.
  KioskUi(const Questionnaire& questionnaire, const KioskConfig& config, Services services);

  /// Adds fonts sized for this display to ImGui's atlas (FreeType) and scales the style. Call
  /// before the first frame; call again when needs_font_reload() says so (larger-text option,
  /// new display size), then the app re-uploads the atlas texture.
  void load_fonts(float display_width, float display_height);
  [[nodiscard]] bool needs_font_reload() const;

  /// Draws one frame. `now` is steady-clock seconds.
  void frame(double now);
  /// Input arrived at `now`: resets the idle timer.
  void note_input(double now);
  /// Seconds from `now` until the UI must draw again without input (countdowns, timeouts,
  /// animations); a large number when nothing is pending.
  [[nodiscard]] double seconds_until_next_frame(double now) const;

  /// The app reports how the last delivery went (main thread).
  void delivery_finished(bool ok, const std::string& staff_message);

  [[nodiscard]] Screen screen() const;
  [[nodiscard]] const Session& session() const;
  [[nodiscard]] const std::vector<WidgetInfo>& widgets() const;
};

}  // namespace rk::ui
