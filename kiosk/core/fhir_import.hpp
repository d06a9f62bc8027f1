#pragma once
// FHIR R4 Questionnaire → our TOML questionnaire (docs/fhir.md §1–§7). Never fetches anything.
// The TOML is checked by the real loader before it is handed back, so --check passes on it.

#include <string>
#include <string_view>

#include "diagnostics.hpp"

namespace rk::fhir {

struct ImportResult {
  std::string toml;          ///< the questionnaire file to write; empty when nothing may be written
  Diagnostics diagnostics;   ///< errors (left out / refused), warnings (mapped with a loss), notes
  int items_left_out = 0;
  /// 0 written, nothing left out; 1 written, items left out; 2 nothing written; 3 internal error.
  int exit_status = 2;
};

/// `json_path` names the input in messages; `output_path` names the TOML in the loader's messages
/// and gives the id when the file has neither id nor name.
ImportResult import_questionnaire(std::string_view json_text, const std::string& json_path,
                                  const std::string& output_path);

}  // namespace rk::fhir
