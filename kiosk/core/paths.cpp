#include "paths.hpp"

#include <cstdlib>
#include <filesystem>

namespace rk {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

}  // namespace

std::string data_dir() {
  if (auto v = env("READINESS_KIOSK_DATA_DIR"); !v.empty()) return v;
  std::error_code ec;
  if (std::filesystem::is_directory(RK_INSTALL_DATADIR "/questionnaires", ec)) return RK_INSTALL_DATADIR;
  return RK_SOURCE_DIR;
}

std::string data_dir_choice() {
  const std::string dir = data_dir();
  if (!env("READINESS_KIOSK_DATA_DIR").empty()) return dir + " (from READINESS_KIOSK_DATA_DIR)";
  if (dir == RK_INSTALL_DATADIR) {
    return dir + " (installed; set READINESS_KIOSK_DATA_DIR to use " RK_SOURCE_DIR " instead)";
  }
  return dir + " (the source tree; nothing installed in " RK_INSTALL_DATADIR ")";
}

std::string default_save_folder() {
  std::string base = env("XDG_DATA_HOME");
  if (base.empty()) {
    std::string home = env("HOME");
    base = (home.empty() ? std::string("/var/lib") : home + "/.local/share");
  }
  return base + "/readiness-kiosk/summaries";
}

}  // namespace rk
