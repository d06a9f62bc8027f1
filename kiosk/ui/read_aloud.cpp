#include "read_aloud.hpp"

#include <algorithm>

#include "screens.hpp"
#include "speech.hpp"
#include "widgets.hpp"

namespace rk::ui {
namespace {

/// The screen and language speech belongs to.
std::string speech_view(const UiState& s) {
  return view_of(s) + "|" + s.language;
}

void say(UiState& s, std::vector<std::string> phrases, bool whole_screen) {
  if (phrases.empty()) return;
  s.services.speech->speak(s.language, std::move(phrases));
  s.read_aloud.view = speech_view(s);
  s.read_aloud.whole_screen = whole_screen;
}

bool speaking(const UiState& s) {
  return !s.read_aloud.view.empty() && s.services.speech && s.services.speech->speaking();
}

}  // namespace

bool read_aloud_offered(ReadAloud setting, bool can_speak) {
  return setting != ReadAloud::Off && can_speak;
}

bool read_aloud_offered(const UiState& s) {
  return read_aloud_offered(s.config->read_aloud,
                            s.services.speech != nullptr && s.services.speech->can_speak(s.language));
}

void draw_read_aloud_button(UiState& s, std::vector<std::string> (*phrases)(const UiState&)) {
  if (!read_aloud_offered(s)) return;
  const bool stopping = speaking(s) && s.read_aloud.whole_screen;
  const std::string& label = s.word(stopping ? "read_aloud_stop" : "read_aloud");
  // As wide as the longer label (it does not jump when it changes), with room for the symbol.
  const float symbol = 1.3f * Em();
  const float width = std::min(
      s.column_width, std::max(fit_width(s.word("read_aloud")), fit_width(s.word("read_aloud_stop"))) +
                          2.0f * (symbol + 0.4f * Em()));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + s.column_width - width);
  const bool tapped = big_button(s, "read.page", label, ImVec2(width, target_height()));
  const ImVec2 min = ImGui::GetItemRectMin();
  const float h = ImGui::GetItemRectSize().y;
  draw_speaker_symbol(ImGui::GetWindowDrawList(), ImVec2(min.x + 0.5f * Em(), min.y + 0.5f * (h - symbol)),
                      symbol, s.palette.button_text);
  if (!tapped) return;
  if (speaking(s)) {
    stop_speech(s);
  } else {
    say(s, phrases(s), true);
  }
}

void read_tapped(UiState& s, const std::string& phrase) {
  if (s.read_aloud.tap_mode && read_aloud_offered(s)) say(s, {phrase}, false);
}

void draw_read_aloud_note(UiState& s) {
  if (!read_aloud_offered(s)) return;
  const float symbol = 1.6f * Em();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  draw_speaker_symbol(ImGui::GetWindowDrawList(), pos, symbol, s.palette.text);
  const float indent = symbol + 0.6f * Em();
  const float column = s.column_width;
  ImGui::SetCursorScreenPos(ImVec2(pos.x + indent, pos.y + 0.15f * Em()));
  s.column_width = column - indent;
  column_text(s, s.word("welcome_read_aloud"));
  s.column_width = column;
  ImGui::SetCursorScreenPos(ImVec2(pos.x, std::max(ImGui::GetCursorScreenPos().y, pos.y + symbol)));
}

void stop_speech(UiState& s) {
  if (!s.read_aloud.view.empty() && s.services.speech) s.services.speech->stop();
  s.read_aloud.view.clear();
  s.read_aloud.whole_screen = false;
}

void stop_speech_from_other_views(UiState& s) {
  if (!s.read_aloud.view.empty() && s.read_aloud.view != speech_view(s)) stop_speech(s);
}

void draw_speaker_symbol(ImDrawList* dl, ImVec2 min, float size, ImU32 color) {
  const float cy = min.y + 0.5f * size;
  const float x = min.x + 0.08f * size;
  // The box and the cone of a loudspeaker, then two sound waves.
  dl->AddRectFilled(ImVec2(x, cy - 0.15f * size), ImVec2(x + 0.2f * size, cy + 0.15f * size), color);
  dl->AddQuadFilled(ImVec2(x + 0.2f * size, cy - 0.15f * size), ImVec2(x + 0.45f * size, cy - 0.38f * size),
                    ImVec2(x + 0.45f * size, cy + 0.38f * size), ImVec2(x + 0.2f * size, cy + 0.15f * size),
                    color);
  const float thickness = std::max(1.0f, 0.07f * size);
  for (const float r : {0.2f * size, 0.36f * size}) {
    dl->PathArcTo(ImVec2(x + 0.45f * size, cy), r, -0.9f, 0.9f, 12);
    dl->PathStroke(color, 0, thickness);
  }
}

}  // namespace rk::ui
