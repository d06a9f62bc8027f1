#pragma once
// "Did you mean ...?" for misspelt keys, kinds and language codes in questionnaire and config files.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rk {

/// Edit distance (insert, delete, substitute, swap two neighbours; case-insensitive for ASCII). Words longer
/// than 64 bytes are never close to anything: the result is then the larger length.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, when it is close enough to be a likely typo
/// (at most 1 edit for short words, about a third of the word for longer ones), or a candidate that
/// contains the word (a shortened name, 4 characters or more).
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates);

/// " Did you mean 'x'?" or "" (ready to append to a message).
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace rk
