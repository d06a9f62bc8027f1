#include "kiosk_window.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <epoxy/gl.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "lockdown.hpp"

namespace rk::app {
namespace {

std::string describe_env(const char* name) {
  const char* value = SDL_getenv(name);
  return value == nullptr || *value == '\0' ? std::string("not set") : "'" + std::string(value) + "'";
}

}  // namespace

std::unique_ptr<KioskWindow> KioskWindow::open(const WindowOptions& options, std::string& error) {
  set_kiosk_hints();
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    error = std::string("cannot start SDL video: ") + SDL_GetError();
    return nullptr;
  }
  // SDL falls back to its offscreen (or dummy) driver when it finds no display: a kiosk nobody
  // can see, running silently. Those drivers are for tests, and only when asked for by name.
  const std::string driver = SDL_GetCurrentVideoDriver() != nullptr ? SDL_GetCurrentVideoDriver() : "";
  const char* asked = SDL_getenv("SDL_VIDEODRIVER");
  if ((driver == "offscreen" || driver == "dummy") && (asked == nullptr || driver != asked)) {
    SDL_Quit();
    error = "no display to show the kiosk on: looked for X (DISPLAY is " + describe_env("DISPLAY") +
            "), Wayland (WAYLAND_DISPLAY is " + describe_env("WAYLAND_DISPLAY") +
            ") and a KMS/DRM console (/dev/dri/card*), and found none (SDL offered only its invisible '" + driver +
            "' driver).\n  Run it in a desktop session (add --window 1280x800 for a window), or on a kiosk "
            "terminal under the cage compositor as packaging/README.md shows (cage -- readiness-kiosk).";
    return nullptr;
  }
  std::unique_ptr<KioskWindow> w(new KioskWindow());
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

  const bool fullscreen = options.width <= 0 || options.height <= 0;
  int width = options.width;
  int height = options.height;
  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
  if (fullscreen) {
    SDL_DisplayMode mode{};
    if (SDL_GetDesktopDisplayMode(0, &mode) != 0) {
      error = std::string("cannot read the primary display: ") + SDL_GetError();
      return nullptr;
    }
    width = mode.w;
    height = mode.h;
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
  }
  w->window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED_DISPLAY(0),
                                SDL_WINDOWPOS_CENTERED_DISPLAY(0), width, height, flags);
  if (w->window_ == nullptr) {
    error = std::string("cannot open the window: ") + SDL_GetError();
    return nullptr;
  }
  w->gl_ = SDL_GL_CreateContext(w->window_);
  if (w->gl_ == nullptr) {
    error = std::string("cannot create an OpenGL 3.3 core context: ") + SDL_GetError();
    return nullptr;
  }
  SDL_GL_MakeCurrent(w->window_, w->gl_);
  SDL_GL_SetSwapInterval(1);
  if (fullscreen) {
    // Keyboard grab (with SDL_HINT_GRAB_KEYBOARD) keeps Alt+Tab and friends inside the kiosk.
    SDL_SetWindowGrab(w->window_, SDL_TRUE);
  }
  SDL_ShowCursor(SDL_ENABLE);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  w->imgui_ready_ = true;
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing written to disk
  io.LogFilename = nullptr;
  io.BackendPlatformName = "rk_app_sdl";
  if (!ImGui_ImplOpenGL3_Init("#version 330")) {
    error = "cannot start the ImGui OpenGL 3 renderer";
    return nullptr;
  }
  w->gl_backend_ready_ = true;
  w->update_size();
  return w;
}

KioskWindow::~KioskWindow() {
  if (gl_backend_ready_) ImGui_ImplOpenGL3_Shutdown();
  if (imgui_ready_) ImGui::DestroyContext();
  if (gl_ != nullptr) SDL_GL_DeleteContext(gl_);
  if (window_ != nullptr) SDL_DestroyWindow(window_);
  SDL_Quit();
}

void KioskWindow::update_size() {
  SDL_GetWindowSize(window_, &width_, &height_);
  SDL_GL_GetDrawableSize(window_, &drawable_w_, &drawable_h_);
}

void KioskWindow::begin_frame(double now) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
  if (width_ > 0 && height_ > 0) {
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(drawable_w_) / static_cast<float>(width_),
                                        static_cast<float>(drawable_h_) / static_cast<float>(height_));
  }
  // After a long sleep the real gap would make ImGui think a press was held for seconds.
  const double dt = last_frame_ < 0 ? 1.0 / 60.0 : std::clamp(now - last_frame_, 1.0 / 240.0, 0.1);
  io.DeltaTime = static_cast<float>(dt);
  last_frame_ = now;
  ImGui_ImplOpenGL3_NewFrame();
}

void KioskWindow::render() {
  ImGui::Render();
  glViewport(0, 0, drawable_w_, drawable_h_);
  glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  // A GL error means a frame may be missing from the screen; say so once rather than stay silent.
  if (const GLenum gl_error = glGetError(); gl_error != GL_NO_ERROR && !gl_error_reported_) {
    gl_error_reported_ = true;
    std::fprintf(stderr, "readiness-kiosk: OpenGL error 0x%x while drawing a frame\n", gl_error);
  }
}

std::vector<std::uint8_t> KioskWindow::read_pixels(int& width, int& height) const {
  width = drawable_w_;
  height = drawable_h_;
  const auto w = static_cast<std::size_t>(width);
  const auto h = static_cast<std::size_t>(height);
  std::vector<std::uint8_t> bottom_up(w * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  std::vector<std::uint8_t> top_down(bottom_up.size());
  for (std::size_t y = 0; y < h; ++y) {
    std::copy_n(bottom_up.begin() + static_cast<std::ptrdiff_t>((h - 1 - y) * w * 4), w * 4,
                top_down.begin() + static_cast<std::ptrdiff_t>(y * w * 4));
  }
  for (std::size_t i = 3; i < top_down.size(); i += 4) top_down[i] = 255;  // opaque
  return top_down;
}

void KioskWindow::present() {
  SDL_GL_SwapWindow(window_);
}

void KioskWindow::reload_font_texture() {
  // Only the font texture is remade after the first time. Recreating every device object here
  // blacked out the screen: Debian's ImGui 1.86 backend keeps VertexBufferSize/IndexBufferSize
  // across DestroyDeviceObjects(), so the new, empty buffers were never given storage and every
  // glBufferSubData of a frame no bigger than the largest so far failed (GL_INVALID_VALUE):
  // nothing was drawn until a bigger frame came along.
  if (!device_objects_ready_) {
    ImGui_ImplOpenGL3_CreateDeviceObjects();  // the first time: shaders, buffers and font texture
    device_objects_ready_ = true;             // (and the backend's NewFrame will not upload again)
  } else {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  // Once the texture is in GL, ImGui's CPU copies of the atlas pixels are dead weight (several MiB
  // at kiosk font sizes); a later rebuild makes them again from the fonts just added.
  ImGui::GetIO().Fonts->ClearTexData();
}

}  // namespace rk::app
