#include "pipes.hpp"

namespace rk {
namespace {
constexpr std::size_t kLongestId = 64;

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_id_char(char c) {
  return is_letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > kLongestId || !is_letter(id.front())) return false;
  for (char c : id) {
    if (!is_id_char(c)) return false;
  }
  return true;
}

std::vector<Pipe> find_pipes(std::string_view text) {
  std::vector<Pipe> pipes;
  std::size_t at = 0;
  // Linear: after each '{' scan the run of id characters once, then carry on after it.
  while ((at = text.find('{', at)) != std::string_view::npos) {
    std::size_t end = at + 1;
    while (end < text.size() && is_id_char(text[end])) ++end;
    const std::string_view inside = text.substr(at + 1, end - at - 1);
    if (end < text.size() && text[end] == '}' && is_valid_id(inside)) {
      pipes.push_back(Pipe{std::string(inside), at, end - at + 1});
      at = end + 1;
    } else {
      at = end;
    }
  }
  return pipes;
}

}  // namespace rk
