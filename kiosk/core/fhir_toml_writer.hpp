#pragma once
// A Questionnaire model as our TOML file format (questionnaires/README.md), with comments:
// the importer writes what it built this way and runs the real loader on the text.

#include <map>
#include <string>
#include <vector>

#include "questionnaire.hpp"

namespace rk::fhir {

struct TomlComments {
  std::vector<std::string> header;              ///< lines at the top of the file
  std::map<std::string, std::string> pages;     ///< page id → comment line ("linkId: /g1")
  std::map<std::string, std::string> items;     ///< item id → comment line
};

std::string write_toml(const Questionnaire& q, const TomlComments& comments);

/// A TOML basic string, quoted and escaped.
std::string toml_string(const std::string& s);

}  // namespace rk::fhir
