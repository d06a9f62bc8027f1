#include "answer.hpp"

namespace rk {

Answer Answer::pick(std::string option_id) {
  Answer a;
  a.picks.push_back(std::move(option_id));
  return a;
}

Answer Answer::picks_of(std::vector<std::string> option_ids) {
  Answer a;
  a.picks = std::move(option_ids);
  return a;
}

Answer Answer::number(int v) {
  Answer a;
  a.value = v;
  return a;
}

Answer Answer::free_text(std::string t) {
  Answer a;
  a.text = std::move(t);
  return a;
}

}  // namespace rk
