#include "widget_list_file.hpp"

#include <cstdio>

#include "layout_check.hpp"

namespace rk::app {

std::string format_widget_list(const std::vector<ui::WidgetInfo>& widgets, long frame,
                               std::string_view screen, long replayed) {
  std::string out = "# frame=" + std::to_string(frame) + " screen=" + std::string(screen);
  if (replayed >= 0) out += " replayed=" + std::to_string(replayed);
  out += '\n';
  char numbers[128];
  for (const auto& w : widgets) {
    for (char c : w.id) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    out += '\t';
    for (char c : w.label) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    std::snprintf(numbers, sizeof numbers, "\t%.1f\t%.1f\t%.1f\t%.1f\n", static_cast<double>(w.x),
                  static_cast<double>(w.y), static_cast<double>(w.w), static_cast<double>(w.h));
    out += numbers;
  }
  return out;
}

std::string format_layout_faults(const std::vector<ui::WidgetInfo>& widgets, float screen_w, float screen_h) {
  std::string out;
  for (const std::string& fault : ui::check_layout(widgets, screen_w, screen_h)) {
    out += "# layout: ";
    for (char c : fault) out += (c == '\n' || c == '\r') ? ' ' : c;
    out += '\n';
  }
  return out;
}

bool write_file_atomically(const std::string& path, const std::string& text) {
  const std::string temp = path + ".tmp";
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr) return false;
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace rk::app
