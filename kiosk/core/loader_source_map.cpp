#include "loader_source_map.hpp"

#include <algorithm>
#include <climits>

#include "utf8.hpp"

namespace rk {

// Precomputes the column of every byte, so both look-ups are binary searches: a pipe-heavy file
// on one long line must not make each look-up walk the line.
SourceMap::SourceMap(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  columns_.reserve(text.size() + 1);
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    columns_.push_back(column);
    if (text[i] == '\n') {
      line_starts_.push_back(i + 1);
      column = 1;
    } else if (i + 1 >= text.size() || !is_utf8_continuation(text[i + 1])) {
      ++column;
    }
  }
  columns_.push_back(column);
}

std::size_t SourceMap::offset_of(SourceLocation where) const {
  if (where.line < 1) return 0;
  const auto line = static_cast<std::size_t>(where.line - 1);
  if (line >= line_starts_.size()) return text_.size();
  const std::size_t start = line_starts_[line];
  const std::size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] - 1 : text_.size();
  const auto first = columns_.begin() + static_cast<std::ptrdiff_t>(start);
  const auto last = columns_.begin() + static_cast<std::ptrdiff_t>(end);
  const auto wanted = static_cast<std::uint32_t>(std::max(where.column, 1));
  return static_cast<std::size_t>(std::lower_bound(first, last, wanted) - columns_.begin());
}

SourceLocation SourceMap::location_of(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(next - line_starts_.begin());  // 1-based
  const auto clamp = [](std::size_t v) { return static_cast<int>(std::min<std::size_t>(v, INT_MAX)); };
  return SourceLocation{clamp(line), clamp(columns_[offset])};
}

}  // namespace rk
