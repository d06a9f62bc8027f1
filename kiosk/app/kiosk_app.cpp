#include "kiosk_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include "audit_log.hpp"
#include "font_chain.hpp"
#include "kiosk_services.hpp"
#include "kiosk_ui.hpp"
#include "lockdown.hpp"
#include "screen_audit.hpp"
#include "speech_engine.hpp"
#include "widget_list_file.hpp"

namespace rk::app {

bool reload_due(bool requested, bool on_welcome, bool session_in_progress) {
  return requested && on_welcome && !session_in_progress;
}

namespace {

/// The parts that hang on the files: rebuilt whole on a reload (the outbox carries what the old
/// services had not delivered; the new ones deliver it at once).
struct Running {
  std::unique_ptr<KioskFiles> files;
  std::unique_ptr<KioskServices> services;
  std::optional<SpeechEngine> speech;
  std::unique_ptr<ui::KioskUi> kiosk;
  /// Read aloud starts after the first frame: SDL audio and espeak-ng take 5-35 ms to start here.
  bool speech_pending = false;

  void start(std::unique_ptr<KioskFiles> loaded, KioskWindow& window) {
    kiosk.reset();
    speech.reset();
    services.reset();  // the services refer to the old files: gone before them
    files = std::move(loaded);
    const KioskConfig& config = files->config;
    services = std::make_unique<KioskServices>(config, files->questionnaire, files->languages, wake_event_type());
    kiosk = std::make_unique<ui::KioskUi>(files->questionnaire, files->languages, config, services->callbacks());
    kiosk->load_fonts(static_cast<float>(window.width()), static_cast<float>(window.height()));
    window.reload_font_texture();
    speech_pending = config.read_aloud != ReadAloud::Off;
  }

  void start_speech_if_wanted() {
    if (!speech_pending) return;
    speech_pending = false;
    const KioskConfig& config = files->config;
    speech.emplace(SpeechSettings{config.read_aloud_device, config.read_aloud_volume, config.read_aloud_rate},
                   wake_event_type());
    for (const std::string& language : files->questionnaire.languages) {
      if (speech->unavailable_reason().empty() && !speech->can_speak(language))
        audit("read-aloud-no-voice", {{"language", language}});
    }
    kiosk->set_speech(&*speech);
  }
};

}  // namespace

int run_kiosk(const KioskOptions& options, KioskFiles first_files) {
  std::string error;
  auto window = KioskWindow::open(options.window, error);
  if (!window) {
    std::fprintf(stderr, "readiness-kiosk: %s\n", error.c_str());
    return 2;
  }
  // Declared after the window so it is destroyed first: the services finish keeping summaries
  // while SDL can still take their wake events.
  Running run;
  run.start(std::make_unique<KioskFiles>(std::move(first_files)), *window);
  ScreenAudit screen_audit;
  audit("kiosk-started",
        {{"questionnaire", run.files->questionnaire.id}, {"version", run.files->questionnaire.version}});
  bool reload_requested = false;

  LoopHooks hooks;
  hooks.frame = [&](double now) {
    run.kiosk->frame(now);
    screen_audit.observe(run.kiosk->screen());
  };
  hooks.note_input = [&](double now) { run.kiosk->note_input(now); };
  hooks.seconds_until_next_frame = [&](double now) { return run.kiosk->seconds_until_next_frame(now); };
  hooks.widgets = [&]() -> const std::vector<ui::WidgetInfo>& { return run.kiosk->widgets(); };
  hooks.screen = [&] { return ui::screen_name(run.kiosk->screen()); };
  hooks.after_frame = [&] {
    run.start_speech_if_wanted();
    if (run.kiosk->needs_font_reload()) {
      run.kiosk->load_fonts(static_cast<float>(window->width()), static_cast<float>(window->height()));
      window->reload_font_texture();
    }
  };
  hooks.size_changed = [&](int width, int height) {
    run.kiosk->load_fonts(static_cast<float>(width), static_cast<float>(height));
    window->reload_font_texture();
  };
  hooks.woken = [&] {
    for (const auto& done : run.services->take_finished()) {
      if (done.session) run.kiosk->summary_kept(done.kept);
    }
  };
  hooks.exit_requested = [&] { return run.services->exit_requested(); };
  hooks.background_work = [&] {
    if (take_reload_request()) reload_requested = true;
    const bool on_welcome = run.kiosk->screen() == ui::Screen::Welcome;
    if (reload_due(reload_requested, on_welcome, run.kiosk->session().in_progress())) {
      reload_requested = false;
      std::vector<std::string> problems;
      auto loaded = options.reload ? options.reload(problems) : std::nullopt;
      if (loaded) {
        run.start(std::make_unique<KioskFiles>(std::move(*loaded)), *window);
        run.start_speech_if_wanted();
        audit("config-reloaded", {{"questionnaire", run.files->questionnaire.id},
                                  {"version", run.files->questionnaire.version}});
      } else {
        for (const auto& line : problems) std::fprintf(stderr, "%s\n", line.c_str());
        std::fprintf(stderr, "readiness-kiosk: reload refused; the kiosk goes on with the files it had\n");
        audit("config-reload-refused", {{"problems", std::to_string(problems.size())}});
      }
    }
    const auto now = std::chrono::system_clock::now();
    run.services->housekeeping_if_due(now);
    return reload_requested ? 0.25 : run.services->seconds_until_housekeeping(now);
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
  const text::FontChain fonts = text::find_font_chain(text::Medium::Screen);
  const std::string font_path = fonts.regular.empty() ? std::string() : fonts.regular.front().path;
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
