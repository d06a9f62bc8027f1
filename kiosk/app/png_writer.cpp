#include "png_writer.hpp"

#include <png.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace rk::app {
namespace {

// libpng reports fatal errors with longjmp; keep everything that has a destructor out of that
// function.
bool write_rows(std::FILE* file, int width, int height, const std::vector<std::uint8_t>& rgba) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (png == nullptr) return false;
  png_infop info = png_create_info_struct(png);
  if (info == nullptr || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_init_io(png, file);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  const auto stride = static_cast<std::size_t>(width) * 4;
  for (int y = 0; y < height; ++y) {
    png_write_row(png, rgba.data() + static_cast<std::size_t>(y) * stride);
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace

std::string write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba) {
  if (width <= 0 || height <= 0 ||
      rgba.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
    return "bad image size";
  }
  const std::string temp = path + ".tmp";
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr) return "cannot write " + temp + ": " + std::strerror(errno);
  const bool ok = write_rows(file, width, height, rgba);
  const bool closed = std::fclose(file) == 0;
  if (!ok || !closed) {
    std::remove(temp.c_str());
    return "cannot write PNG " + path;
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return "cannot rename to " + path + ": " + std::strerror(errno);
  }
  return "";
}

}  // namespace rk::app
