#include "utc_time.hpp"

#include <ctime>

namespace rk {
namespace {

std::tm utc_fields(std::chrono::system_clock::time_point when) {
  const std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}

}  // namespace

std::string utc_file_stamp(std::chrono::system_clock::time_point when) {
  const std::tm tm = utc_fields(when);
  char text[32];
  return std::string(text, std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &tm));
}

std::string utc_iso8601(std::chrono::system_clock::time_point when) {
  const std::tm tm = utc_fields(when);
  char text[32];
  return std::string(text, std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm));
}

}  // namespace rk
