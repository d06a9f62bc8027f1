#include "harness.hpp"

#include <doctest/doctest.h>

#include <cfloat>

#include "../support/shipped_languages.hpp"
#include "questionnaire_languages.hpp"
#include "touch.hpp"

namespace rk::test {

const Questionnaire& default_questionnaire() {
  static const LoadResult loaded =
      load_questionnaire_file(std::string(RK_SOURCE_DIR) + "/questionnaires/readiness-and-strengths.toml",
                              shipped_languages());
  REQUIRE(loaded.ok());
  return *loaded.questionnaire;
}

Harness::Harness(float width, float height, KioskConfig config, const Questionnaire* questionnaire,
                 ui::Speech* speech)
    : config_(std::move(config)) {
  IMGUI_CHECKVERSION();
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(width, height);
  ui::Services services;
  services.deliver = [this](Summary s) {
    delivered.push_back(std::move(s));
    if (report_delivery) ui_->summary_kept(true);
  };
  services.staff_status = [] { return std::string("Printer: test queue ready"); };
  services.print_test_summary = [this] { ++test_prints; };
  services.exit = [this] { ++exits; };
  services.speech = speech;
  services.out_of_service = [this] {
    ++service_checks;
    return out_of_service;
  };
  services.pending = [this] { return pending; };
  services.retry_pending = [this] { ++retries; };
  services.save_pending_instead = [this] { ++saves_instead; };
  ui_ = std::make_unique<ui::KioskUi>(questionnaire ? *questionnaire : default_questionnaire(),
                                      shipped_languages(), config_, std::move(services));
  ui_->load_fonts(width, height);
  unsigned char* pixels = nullptr;
  int w = 0;
  int h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  REQUIRE(pixels != nullptr);
  lift();
  frame();
}

Harness::~Harness() {
  ui_.reset();
  ImGui::DestroyContext(context_);
}

void Harness::frame(double dt) {
  now_ += dt;
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = static_cast<float>(dt);
  if (ui_->needs_font_reload()) {
    ui_->load_fonts(io.DisplaySize.x, io.DisplaySize.y);
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ImGui::NewFrame();
  ui_->frame(now_);
  ImGui::Render();
}

void Harness::wait(double seconds, double step) {
  for (double waited = 0.0; waited < seconds; waited += step) frame(step);
}

const ui::WidgetInfo* Harness::find(const std::string& id) const {
  for (const auto& w : ui_->widgets()) {
    if (w.id == id) return &w;
  }
  return nullptr;
}

void Harness::press_at(float x, float y) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(x, y);
  io.MouseDown[0] = true;
  ui_->note_input(now_);
  frame();
}

void Harness::move_to(float x, float y) {
  ImGui::GetIO().MousePos = ImVec2(x, y);
  ui_->note_input(now_);
  frame();
}

void Harness::release() {
  ImGui::GetIO().MouseDown[0] = false;
  ui_->note_input(now_);
  frame();
}

void Harness::lift() {
  ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ImGui::GetIO().MouseDown[0] = false;
}

bool Harness::tap_now(const std::string& id) {
  const ui::WidgetInfo* w = find(id);
  if (!w) return false;
  const float x = w->x + w->w * 0.5f;
  const float y = w->y + w->h * 0.5f;
  press_at(x, y);
  release();
  lift();
  frame();
  return true;
}

bool Harness::tap(const std::string& id) {
  wait(0.5, 0.1);
  if (!scroll_into_view(id)) return false;
  wait(0.5, 0.1);
  return tap_now(id);
}

void Harness::drag(float dy) {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const float x = size.x * 0.5f;
  const float y0 = size.y * (dy < 0 ? 0.7f : 0.3f);
  press_at(x, y0);
  const int steps = 8;
  for (int i = 1; i <= steps; ++i) move_to(x, y0 + dy * static_cast<float>(i) / static_cast<float>(steps));
  release();
  lift();
  frame();
}

bool Harness::scroll_into_view(const std::string& id) {
  const float step = ImGui::GetIO().DisplaySize.y * 0.25f;
  for (int tries = 0; tries < 40; ++tries) {
    // A widget clipped at the edge is recorded by its visible part: enough of it to tap?
    if (const ui::WidgetInfo* w = find(id); w && w->h >= ui::Em()) return true;
    drag(tries < 20 ? -step : step);
  }
  if (find(id) != nullptr) return true;
  for (const auto& w : ui_->widgets())
    MESSAGE("not found: " << id << "; on screen: " << w.id << " " << w.x << "," << w.y << " " << w.w << "x"
                          << w.h);
  return false;
}

}  // namespace rk::test
