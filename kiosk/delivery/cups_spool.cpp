#include "cups_spool.hpp"

#include <cups/cups.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace rk::delivery {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return out;
}

bool local_server(std::string_view server) {
  return server.empty() || server.front() == '/' || server.rfind("localhost", 0) == 0 ||
         server.rfind("127.0.0.1", 0) == 0 || server.rfind("[::1]", 0) == 0 || server.rfind("::1", 0) == 0;
}

}  // namespace

bool preserves_job_files(std::string_view cupsd_conf) {
  bool preserves = true;  // the default: a day
  std::istringstream in{std::string(cupsd_conf)};
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string directive;
    std::string value;
    words >> directive >> value;
    if (lower(directive) != "preservejobfiles") continue;
    const std::string v = lower(value);
    preserves = !(v == "no" || v == "off" || v == "false" || v == "0");  // the last one wins
  }
  return preserves;
}

std::string cups_spool_warning(const std::string& cupsd_conf_path) {
  const char* server = cupsServer();
  if (!local_server(server ? server : "")) return "";
  std::ifstream in(cupsd_conf_path);
  if (!in) return "";
  std::ostringstream text;
  text << in.rdbuf();
  if (!preserves_job_files(text.str())) return "";
  return "Warning: CUPS keeps a copy of each printed summary in its spool (" + cupsd_conf_path +
         " has no `PreserveJobFiles No`). See packaging/README.md.";
}

}  // namespace rk::delivery
