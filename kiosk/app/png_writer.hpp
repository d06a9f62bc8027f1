#pragma once
// Writes an RGBA image as a PNG file (libpng), atomically (temp file, then rename).

#include <cstdint>
#include <string>
#include <vector>

namespace rk::app {

/// `rgba` holds width*height*4 bytes, top row first. Returns "" on success, else the reason.
std::string write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba);

}  // namespace rk::app
