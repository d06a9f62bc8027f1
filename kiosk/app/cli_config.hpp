#pragma once
// The --config FILE of a command-line mode: the defaults when no file is named, else the file,
// with each problem printed as FILE:LINE:COLUMN: error: ... on stderr.

#include <cstdio>
#include <string>

#include "config.hpp"

namespace rk::app {

/// False (problems printed) when the named file has errors.
inline bool load_cli_config(const std::string& path, KioskConfig& config) {
  if (path.empty()) return true;
  const ConfigResult loaded = load_config_file(path);
  for (const auto& problem : loaded.errors) std::fprintf(stderr, "%s\n", problem.format().c_str());
  if (!loaded.ok()) return false;
  config = loaded.config;
  return true;
}

}  // namespace rk::app
