#pragma once
// What the questionnaire loader and the config loader say of TOML alike: where a node stands, and
// what to call a value's type in a message for clinic staff ("text", "a list", not "string", "array").

#include <toml++/toml.h>

#include <string>

#include "diagnostics.hpp"

namespace rk {

/// 1-based line:column of a place in a TOML file (1:1 when toml++ does not know it).
SourceLocation toml_location(const toml::source_position& position);
SourceLocation toml_location(const toml::source_region& region);

/// "text", "a whole number", "a decimal number", "true/false", "a table", "a list", "a date or time".
std::string toml_type_name(const toml::node& node);

}  // namespace rk
