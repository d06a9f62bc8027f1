#include "kiosk_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "audit_log.hpp"
#include "kiosk_services.hpp"
#include "kiosk_ui.hpp"
#include "paths.hpp"
#include "screen_audit.hpp"
#include "widget_list_file.hpp"

namespace rk::app {

int run_kiosk(const KioskOptions& options, const Questionnaire& questionnaire, const UiStrings& languages,
              const KioskConfig& config) {
  std::string error;
  auto window = KioskWindow::open(options.window, error);
  if (!window) {
    std::fprintf(stderr, "readiness-kiosk: %s\n", error.c_str());
    return 2;
  }
  // Declared after the window so it is destroyed first: the worker finishes a delivery in
  // progress while SDL can still take its wake event.
  KioskServices services(config, questionnaire, languages, wake_event_type());
  ui::KioskUi kiosk(questionnaire, languages, config, services.callbacks());
  kiosk.load_fonts(static_cast<float>(window->width()), static_cast<float>(window->height()));
  window->reload_font_texture();
  ScreenAudit screen_audit;
  audit("kiosk-started", {{"questionnaire", questionnaire.id}, {"version", questionnaire.version}});

  LoopHooks hooks;
  hooks.frame = [&](double now) {
    kiosk.frame(now);
    screen_audit.observe(kiosk.screen());
  };
  hooks.note_input = [&](double now) { kiosk.note_input(now); };
  hooks.seconds_until_next_frame = [&](double now) { return kiosk.seconds_until_next_frame(now); };
  hooks.widgets = [&]() -> const std::vector<ui::WidgetInfo>& { return kiosk.widgets(); };
  hooks.screen = [&] { return screen_name(kiosk.screen()); };
  hooks.after_frame = [&] {
    if (kiosk.needs_font_reload()) {
      kiosk.load_fonts(static_cast<float>(window->width()), static_cast<float>(window->height()));
      window->reload_font_texture();
    }
  };
  hooks.size_changed = [&](int width, int height) {
    kiosk.load_fonts(static_cast<float>(width), static_cast<float>(height));
    window->reload_font_texture();
  };
  hooks.woken = [&] {
    for (const auto& done : services.take_finished()) {
      if (done.session) kiosk.summary_kept(done.kept);
    }
  };
  hooks.exit_requested = [&] { return services.exit_requested(); };
  hooks.background_work = [&] {
    const auto now = std::chrono::system_clock::now();
    services.housekeeping_if_due(now);
    return services.seconds_until_housekeeping(now);
  };
  const int status = run_main_loop(*window, hooks, options.loop);
  audit("kiosk-stopped", {{"status", status == 0 ? "0" : "error"}});
  return status;
}

int run_error_screen(const KioskOptions& options, const std::vector<std::string>& lines) {
  for (const auto& line : lines) std::fprintf(stderr, "%s\n", line.c_str());
  std::fprintf(stderr, "readiness-kiosk: not starting; fix the file(s) above, then start the kiosk again.\n");
  std::string error;
  auto window = KioskWindow::open(options.window, error);
  if (!window) {
    std::fprintf(stderr, "readiness-kiosk: %s\n", error.c_str());
    return 2;
  }
  ImGuiIO& io = ImGui::GetIO();
  const std::string font_path = find_font("regular");
  const float em =
      std::clamp(static_cast<float>(std::min(window->width(), window->height())) / 40.0f, 16.0f, 40.0f);
  if (!font_path.empty()) io.Fonts->AddFontFromFileTTF(font_path.c_str(), em);
  window->reload_font_texture();
  audit("kiosk-refused-to-start", {{"problems", std::to_string(lines.size())}});

  LoopHooks hooks;
  hooks.frame = [&](double /*now*/) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("##startup-error", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.4f, 1.0f), "The kiosk cannot start.");
    ImGui::Spacing();
    ImGui::TextUnformatted(
        "Staff: a settings or questionnaire file has a problem. Fix it, then start the kiosk again.");
    ImGui::Spacing();
    ImGui::Separator();
    for (const auto& line : lines) ImGui::TextUnformatted(line.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
  };
  hooks.seconds_until_next_frame = [](double /*now*/) { return 1e9; };
  hooks.screen = [] { return std::string_view("Error"); };
  run_main_loop(*window, hooks, options.loop);
  return 1;
}

}  // namespace rk::app
