#pragma once
// Ids and pipes in questionnaire text, found the one way both users need: a pipe is "{item_id}"
// inside patient-facing text; the loader checks the id names an earlier item, and the session
// engine (Session::resolve_text) puts the patient's earlier answer there.

#include <string>
#include <string_view>
#include <vector>

namespace rk {

/// An id a file may use for pages, items and options: starts with a letter, then letters,
/// digits, '_' or '-' (ASCII), at most 64 characters. Pipes rely on this shape.
bool is_valid_id(std::string_view id);

struct Pipe {
  std::string item_id;
  std::size_t offset = 0;  ///< byte offset of '{' in the text
  std::size_t length = 0;  ///< bytes from '{' to '}' inclusive
};

/// Every "{id}" in the text, in order. Braces around anything that is not an id are plain text.
std::vector<Pipe> find_pipes(std::string_view text);

}  // namespace rk
