#pragma once
// Tables with one row per value of an enum, in the enum's order: a lookup is an index, and
// static_assert(in_enum_order(table)) makes a missing or misplaced row fail to build. The most
// common row is a name (EnumName); any row with a `value` member works.

#include <array>
#include <cstddef>
#include <string_view>

namespace rk {

template <typename E>
struct EnumName {
  E value;
  std::string_view name;
};

/// The names of an enum whose last value is `Last`.
template <auto Last>
using EnumNames = std::array<EnumName<decltype(Last)>, static_cast<std::size_t>(Last) + 1>;

/// True when row i is about the value i.
template <typename Row, std::size_t N>
constexpr bool in_enum_order(const std::array<Row, N>& rows) {
  for (std::size_t i = 0; i < N; ++i) {
    if (rows[i].value != static_cast<decltype(Row::value)>(i)) return false;
  }
  return true;
}

/// The name of `value`; "unknown" for a value the table does not reach (a cast from a number).
template <typename E, std::size_t N>
constexpr std::string_view name_in(const std::array<EnumName<E>, N>& names, E value) {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? names[i].name : "unknown";
}

}  // namespace rk
