#pragma once
// The FHIR QuestionnaireResponse saved beside a summary PDF when the config says fhir_export = true
// ("summary-….fhir.json": same stem, same folder, same atomic 0600 save, same retention).

#include <chrono>
#include <string>

#include "config.hpp"
#include "deliver.hpp"
#include "save.hpp"

namespace rk::delivery {

/// Where the twin goes: beside the saved PDF ("x.pdf" → "x.fhir.json"), or, when the PDF was only
/// printed, into the save folder under a fresh summary name. Stem without the folder in `stem`.
std::string fhir_twin_path(const Outcome& outcome, const KioskConfig& config,
                           std::chrono::system_clock::time_point now, std::string* stem = nullptr);

/// Saves the JSON atomically (mode 0600) at `path`, creating the folder (0700) when missing.
/// Audited as codes only. Never throws.
SaveResult save_fhir_twin(const std::string& json, const std::string& path);

}  // namespace rk::delivery
