#pragma once
// SDL on its "dummy" video driver plus a bare ImGui context (default font): enough to push real
// SDL events through the queue and watch what ImGui makes of them, with no display or GPU.

#include <SDL.h>
#include <imgui.h>

#include <cstdlib>
#include <vector>

#include "lockdown.hpp"

namespace rk::app::test {

struct SdlImGui {
  SdlImGui() {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    set_kiosk_hints();
    SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1080, 1920);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
  }
  ~SdlImGui() {
    ImGui::DestroyContext();
    SDL_Quit();
  }
  SdlImGui(const SdlImGui&) = delete;
  SdlImGui& operator=(const SdlImGui&) = delete;

  /// Everything in SDL's queue right now.
  static std::vector<SDL_Event> drain() {
    std::vector<SDL_Event> out;
    SDL_Event e;
    while (SDL_PollEvent(&e) != 0) out.push_back(e);
    return out;
  }
};

}  // namespace rk::app::test
