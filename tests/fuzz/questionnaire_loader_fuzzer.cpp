// libFuzzer target: any bytes through the questionnaire loader. Built and run by
// run_loader_fuzzer.sh (CTest `fuzz_questionnaire_loader`) with clang++ -fsanitize=fuzzer,address,undefined.
// Besides crashes, leaks and undefined behaviour, it traps when the result breaks the loader's
// promise: an invalid input always has at least one diagnostic, at a place inside the input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "questionnaire.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const rk::LoadResult result = rk::load_questionnaire_text(text, "fuzz.toml");
  if (result.ok()) {
    if (result.questionnaire->pages.empty()) __builtin_trap();
    return 0;
  }
  if (result.errors.empty() || result.questionnaire.has_value()) __builtin_trap();
  const auto lines = static_cast<long>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const auto& d : result.errors) {
    if (d.where.line < 1 || d.where.line > lines + 1 || d.where.column < 1) __builtin_trap();
    if (d.message.empty() || d.file != "fuzz.toml") __builtin_trap();
  }
  return 0;
}
