#include "summary.hpp"

namespace rk {

std::chrono::seconds Summary::time_taken() const {
  if (finished_at <= started_at) return std::chrono::seconds{0};
  return std::chrono::duration_cast<std::chrono::seconds>(finished_at - started_at);
}

}  // namespace rk
