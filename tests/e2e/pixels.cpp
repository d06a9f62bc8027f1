#include "pixels.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>

#include "e2e_support.hpp"

namespace rk::e2e {
namespace {

std::string quoted(const std::filesystem::path& p) {
  return "'" + p.string() + "'";
}

/// Width and height of a PNG as `identify` reports them.
std::optional<std::pair<int, int>> png_size(const std::filesystem::path& png) {
  const std::string out = run_capture("identify -format '%w %h' " + quoted(png) + " 2>/dev/null");
  int w = 0;
  int h = 0;
  if (std::sscanf(out.c_str(), "%d %d", &w, &h) != 2 || w <= 0 || h <= 0) return std::nullopt;
  return std::make_pair(w, h);
}

std::optional<GreyImage> raw_grey(const std::filesystem::path& png, int width, int height,
                                  const std::string& operations) {
  const std::string bytes =
      run_capture("convert " + quoted(png) + " " + operations + " -colorspace Gray -depth 8 gray:- 2>/dev/null");
  if (bytes.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height)) return std::nullopt;
  GreyImage image{width, height, std::vector<std::uint8_t>(bytes.begin(), bytes.end())};
  return image;
}

}  // namespace

std::optional<GreyImage> grab_root_window(const std::string& display, const std::filesystem::path& png) {
  std::filesystem::remove(png);
  run_capture("import -display " + display + " -window root " + quoted(png) + " 2>/dev/null");
  const auto size = png_size(png);
  if (!size) return std::nullopt;
  const int w = size->first / kReferenceShrink;
  const int h = size->second / kReferenceShrink;
  return raw_grey(png, w, h, "-filter Box -resize " + std::to_string(w) + "x" + std::to_string(h) + "!");
}

std::optional<GreyImage> read_grey_png(const std::filesystem::path& png) {
  if (!std::filesystem::exists(png)) return std::nullopt;
  const auto size = png_size(png);
  if (!size) return std::nullopt;
  return raw_grey(png, size->first, size->second, "");
}

bool write_grey_png(const GreyImage& image, const std::filesystem::path& png) {
  const auto raw = std::filesystem::path(png.string() + ".gray");
  {
    std::ofstream out(raw, std::ios::binary);
    out.write(reinterpret_cast<const char*>(image.pixels.data()), static_cast<std::streamsize>(image.pixels.size()));
    if (!out) return false;
  }
  // -strip: no timestamps in the file, so regenerating unchanged references changes no bytes.
  const std::string ok = run_capture("convert -size " + std::to_string(image.width) + "x" +
                                     std::to_string(image.height) + " -depth 8 gray:" + quoted(raw) +
                                     " -strip -define png:color-type=0 " + quoted(png) + " && echo ok");
  std::filesystem::remove(raw);
  return ok == "ok\n";
}

double busy_fraction(const GreyImage& image) {
  if (image.pixels.empty()) return 0;
  std::array<std::size_t, 256> histogram{};
  for (const std::uint8_t p : image.pixels) ++histogram[p];
  const auto common = static_cast<int>(std::max_element(histogram.begin(), histogram.end()) - histogram.begin());
  std::size_t busy = 0;
  for (const std::uint8_t p : image.pixels) busy += std::abs(p - common) > 24 ? 1 : 0;
  return static_cast<double>(busy) / static_cast<double>(image.pixels.size());
}

void mask_screen_rect(GreyImage& image, float x, float y, float w, float h) {
  const auto shrunk = [](float v) { return static_cast<int>(v) / kReferenceShrink; };
  const int x0 = std::max(0, shrunk(x) - 1);
  const int y0 = std::max(0, shrunk(y) - 1);
  const int x1 = std::min(image.width, shrunk(x + w) + 2);
  const int y1 = std::min(image.height, shrunk(y + h) + 2);
  for (int row = y0; row < y1; ++row)
    for (int col = x0; col < x1; ++col)
      image.pixels[static_cast<std::size_t>(row) * static_cast<std::size_t>(image.width) +
                   static_cast<std::size_t>(col)] = 0;
}

Difference compare(const GreyImage& actual, const GreyImage& expected) {
  Difference d;
  d.same_size = actual.width == expected.width && actual.height == expected.height;
  if (!d.same_size) {
    d.changed_fraction = 1.0;
    return d;
  }
  d.diff = GreyImage{actual.width, actual.height, std::vector<std::uint8_t>(actual.pixels.size())};
  std::size_t changed = 0;
  for (std::size_t i = 0; i < actual.pixels.size(); ++i) {
    const int delta = std::abs(actual.pixels[i] - expected.pixels[i]);
    changed += delta > kDiffLevel ? 1 : 0;
    d.diff.pixels[i] = static_cast<std::uint8_t>(std::min(255, delta * 4));
  }
  d.changed_fraction = static_cast<double>(changed) / static_cast<double>(actual.pixels.size());
  return d;
}

}  // namespace rk::e2e
