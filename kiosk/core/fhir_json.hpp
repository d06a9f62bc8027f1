#pragma once
// JSON in and out for the FHIR import and export (jsoncpp: the one JSON library in Debian 12 that
// keeps a byte position on every parsed value, so a semantic problem gets FILE:LINE:COLUMN).

#include <json/json.h>

#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"

namespace rk::fhir {

/// Exported JSON: two-space indent, UTF-8 as is, "resourceType" first and the other keys sorted
/// (jsoncpp keeps objects in a std::map), arrays of scalars on one line, a final newline.
/// Deterministic, so the round trip compares bytes.
std::string write_json(const Json::Value& value);

/// A string in double quotes with \" \\ \n \r \t and \uXXXX for other control characters, UTF-8 as
/// is: a valid JSON string and a valid TOML basic string alike.
std::string quoted(std::string_view s);

/// Line starts of a text, to turn jsoncpp byte offsets into 1-based line and column (in characters).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  [[nodiscard]] SourceLocation at(std::ptrdiff_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

struct ParsedJson {
  Json::Value root;
  Diagnostics problems;  ///< errors (nothing usable) or warnings (trailing comma, comment: excused)
  [[nodiscard]] bool ok() const;
};

/// Strict parse (no comments, no trailing commas, duplicate keys refused, UTF-8 checked, at most
/// 8 MiB, nesting at most 1000). When only the lenient form parses (trailing commas, comments),
/// the result is used with a warning at the first such place. Never throws.
ParsedJson parse_json(std::string_view text, const std::string& path_for_messages);

}  // namespace rk::fhir
