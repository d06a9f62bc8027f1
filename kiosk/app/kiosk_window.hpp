#pragma once
// The SDL2 window with its OpenGL 3.3 core context and the Dear ImGui context drawn into it
// (ImGui_ImplOpenGL3 renders; our own InputGlue feeds input, not imgui_impl_sdl).

#include <SDL.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rk::app {

struct WindowOptions {
  /// 0×0: desktop fullscreen on the primary display (the kiosk). Otherwise a window this size.
  int width = 0;
  int height = 0;
  std::string title = "Readiness Kiosk";
};

class KioskWindow {
 public:
  /// Initialises SDL video, the window, GL and ImGui. nullptr and `error` on failure.
  static std::unique_ptr<KioskWindow> open(const WindowOptions& options, std::string& error);
  ~KioskWindow();
  KioskWindow(const KioskWindow&) = delete;
  KioskWindow& operator=(const KioskWindow&) = delete;

  [[nodiscard]] SDL_Window* sdl_window() const { return window_; }
  [[nodiscard]] Uint32 window_id() const { return SDL_GetWindowID(window_); }
  /// Window size in ImGui units (window coordinates).
  [[nodiscard]] int width() const { return width_; }
  [[nodiscard]] int height() const { return height_; }
  /// Re-reads the window and drawable sizes (after SDL_WINDOWEVENT_SIZE_CHANGED).
  void update_size();

  /// Sets io.DisplaySize, scale and DeltaTime; call before ImGui::NewFrame().
  void begin_frame(double now);
  /// ImGui::Render() and draws it into the back buffer (not yet shown).
  void render();
  /// The back buffer as RGBA, top row first (call after render(), before present()).
  [[nodiscard]] std::vector<std::uint8_t> read_pixels(int& width, int& height) const;
  void present();
  /// After fonts were added to the atlas: rebuild and upload its texture (the first call also makes
  /// ImGui's GL shaders and buffers); then frees the atlas's CPU pixels.
  void reload_font_texture();

 private:
  KioskWindow() = default;
  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  bool imgui_ready_ = false;
  bool gl_backend_ready_ = false;
  bool device_objects_ready_ = false;  ///< ImGui's GL shaders and buffers exist
  bool gl_error_reported_ = false;
  int width_ = 0;
  int height_ = 0;
  int drawable_w_ = 0;
  int drawable_h_ = 0;
  double last_frame_ = -1;
};

}  // namespace rk::app
