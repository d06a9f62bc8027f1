#include "fhir_twin.hpp"

#include <sys/stat.h>

#include <vector>

#include "audit_log.hpp"

namespace rk::delivery {

std::string fhir_twin_path(const Outcome& outcome, const KioskConfig& config,
                           std::chrono::system_clock::time_point now, std::string* stem) {
  std::string pdf = outcome.saved ? outcome.saved_path : effective_save_folder(config) + "/" + summary_file_name(now);
  const std::size_t slash = pdf.rfind('/');
  std::string name = pdf.substr(slash == std::string::npos ? 0 : slash + 1);
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".pdf") == 0) name.resize(name.size() - 4);
  if (stem != nullptr) *stem = name;
  return pdf.substr(0, slash == std::string::npos ? 0 : slash + 1) + name + ".fhir.json";
}

SaveResult save_fhir_twin(const std::string& json, const std::string& path) {
  if (const std::size_t slash = path.rfind('/'); slash != std::string::npos && slash > 0) {
    ::mkdir(path.substr(0, slash).c_str(), 0700);  // exists already when the PDF was saved there
  }
  SaveResult saved = save_file_atomically(std::vector<unsigned char>(json.begin(), json.end()), path);
  if (saved.ok()) {
    audit("fhir-response-saved");
  } else {
    audit("fhir-response-failed", {{"code", code_name(saved.code)}});
  }
  return saved;
}

}  // namespace rk::delivery
