#pragma once
// Between byte offsets in a questionnaire file and the 1-based line:column its diagnostics show
// (columns count Unicode code points, as toml++ does).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"

namespace rk {

class SourceMap {
 public:
  /// `text` must outlive the map.
  explicit SourceMap(std::string_view text);

  /// Byte offset of a line:column; clamped to the text (its size when past the end).
  [[nodiscard]] std::size_t offset_of(SourceLocation where) const;
  /// Line:column of a byte offset.
  [[nodiscard]] SourceLocation location_of(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  std::vector<std::uint32_t> columns_;  ///< 1-based column of every byte (and of the end)
};

}  // namespace rk
