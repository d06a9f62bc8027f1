#pragma once
// Pixels read back from the X server for the end-to-end pixel suite: a screenshot of the root
// window (ImageMagick `import`, so what an X client would see, not the kiosk's own back buffer),
// reduced to a small greyscale image; blank detection; comparison with a committed reference.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rk::e2e {

/// 8-bit greyscale, row by row.
struct GreyImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
};

/// Every reference is the screen shrunk by this factor (1080x1920 -> 216x384): enough to show a
/// missing button, a line of text or a shifted layout, small enough to commit (~10 KB a PNG).
inline constexpr int kReferenceShrink = 5;

/// Saves the root window of `display` as a full-size PNG at `png` and returns it shrunk by
/// kReferenceShrink (box filter) in greyscale; nullopt if `import` or `convert` failed.
std::optional<GreyImage> grab_root_window(const std::string& display, const std::filesystem::path& png);

/// Reads a greyscale PNG (a reference); nullopt when missing or unreadable.
std::optional<GreyImage> read_grey_png(const std::filesystem::path& png);
/// Writes `image` as an 8-bit greyscale PNG; false on failure.
bool write_grey_png(const GreyImage& image, const std::filesystem::path& png);

/// Share of pixels that differ from the image's most common grey by more than a faint
/// anti-aliasing step. A black, white or single-colour screen gives 0; any real screen of the
/// kiosk (text on a background) gives several percent.
double busy_fraction(const GreyImage& image);

/// Paints a rectangle of the screen (x, y, w, h in screen pixels) black in `image` (shrunk by
/// kReferenceShrink), one pixel more on each side: a part that differs from run to run (a file
/// name with the time in it) is left out of the comparison this way, and shows so in the reference.
void mask_screen_rect(GreyImage& image, float x, float y, float w, float h);

/// Pixels whose grey differs by more than kDiffLevel count as changed.
inline constexpr int kDiffLevel = 48;

struct Difference {
  bool same_size = false;
  double changed_fraction = 0;  ///< share of pixels changed by more than kDiffLevel
  GreyImage diff;               ///< |a - b|, stretched so any change is visible
};
Difference compare(const GreyImage& actual, const GreyImage& expected);

}  // namespace rk::e2e
