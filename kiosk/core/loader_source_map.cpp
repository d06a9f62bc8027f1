#include "loader_source_map.hpp"

#include <algorithm>
#include <climits>

namespace rk {
namespace {
bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}
}  // namespace

SourceMap::SourceMap(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::size_t SourceMap::offset_of(SourceLocation where) const {
  if (where.line < 1) return 0;
  const auto line = static_cast<std::size_t>(where.line - 1);
  if (line >= line_starts_.size()) return text_.size();
  std::size_t at = line_starts_[line];
  for (int column = 1; column < where.column && at < text_.size() && text_[at] != '\n'; ++column) {
    ++at;
    while (at < text_.size() && is_continuation_byte(text_[at])) ++at;
  }
  return at;
}

SourceLocation SourceMap::location_of(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(next - line_starts_.begin());  // 1-based
  const std::size_t start = line_starts_[line - 1];
  std::size_t column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    if (!is_continuation_byte(text_[i])) ++column;
  }
  const auto clamp = [](std::size_t v) { return static_cast<int>(std::min<std::size_t>(v, INT_MAX)); };
  return SourceLocation{clamp(line), clamp(column)};
}

}  // namespace rk
