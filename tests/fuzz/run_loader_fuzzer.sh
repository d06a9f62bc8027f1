#!/bin/sh
# Builds the questionnaire loader's libFuzzer target with clang++ and runs it for a bounded number
# of runs over a seed corpus (the shipped questionnaires and tests/fuzz/corpus).
# Usage: run_loader_fuzzer.sh SOURCE_DIR WORK_DIR RUNS MAX_SECONDS LOADER_SOURCE...
# (CMake passes the loader's sources: kiosk/core/CMakeLists.txt lists them once.)
# Exit 77 (CTest SKIP_RETURN_CODE) when clang++ or libFuzzer is missing: the main build uses gcc.
set -eu
src="$1"
work="$2"
runs="$3"
max_seconds="$4"
shift 4

cxx="${RK_FUZZ_CXX:-}"
if [ -z "$cxx" ]; then
  for candidate in clang++ clang++-16 clang++-15 clang++-14; do
    if command -v "$candidate" >/dev/null 2>&1; then cxx="$candidate"; break; fi
  done
fi
if [ -z "$cxx" ]; then
  echo "SKIP: clang++ not found; the loader fuzzer needs clang (apt-get install clang libclang-rt-dev)"
  exit 77
fi

mkdir -p "$work"
probe="$work/probe.cpp"
printf '#include <cstddef>\n#include <cstdint>\nextern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }\n' > "$probe"
if ! "$cxx" -fsanitize=fuzzer "$probe" -o "$work/probe" >"$work/probe.log" 2>&1; then
  echo "SKIP: $cxx cannot link libFuzzer (-fsanitize=fuzzer); see $work/probe.log"
  exit 77
fi

core="$src/kiosk/core"
sources="$src/tests/fuzz/questionnaire_loader_fuzzer.cpp $*"
fuzzer="$work/questionnaire_loader_fuzzer"

# Rebuild only when a source is newer than the fuzzer.
rebuild=no
if [ ! -x "$fuzzer" ]; then rebuild=yes; fi
for f in $sources "$core"/*.hpp "$src/tests/fuzz/run_loader_fuzzer.sh"; do
  if [ "$rebuild" = no ] && [ "$f" -nt "$fuzzer" ]; then rebuild=yes; fi
done
if [ "$rebuild" = yes ]; then
  echo "building $fuzzer with $cxx"
  # Linked against Debian's toml++ library, the parser the kiosk ships with, rather than the
  # header-only parser: the 3.3 headers reach __builtin_unreachable() in
  # is_non_ascii_horizontal_whitespace() for some non-ASCII characters (toml++ issues #190 and #295,
  # fixed upstream after 3.3), which UBSan reports in every instrumented build. The released library
  # reports those inputs as syntax errors; loader_robustness_test checks that for every code point.
  # shellcheck disable=SC2086
  "$cxx" -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -fno-omit-frame-pointer -DTOML_HEADER_ONLY=0 -DTOML_SHARED_LIB=1 \
    -I"$core" $sources -ltomlplusplus -o "$fuzzer.tmp"
  mv "$fuzzer.tmp" "$fuzzer"
fi

corpus="$work/corpus"
rm -rf "$corpus"
mkdir -p "$corpus"
cp "$src"/questionnaires/*.toml "$corpus"/
cp "$src"/tests/fuzz/corpus/* "$corpus"/ 2>/dev/null || true

# A fixed seed: a failure reproduces. New inputs found go to $corpus, crashes to $work.
# libFuzzer's own failure status is 77, CTest's "skipped": make it 1.
"$fuzzer" "$corpus" -error_exitcode=1 -seed=20261125 -runs="$runs" -max_total_time="$max_seconds" -timeout=10 \
  -rss_limit_mb=2048 -max_len=65536 -dict="$src/tests/fuzz/questionnaire.dict" \
  -artifact_prefix="$work/" -print_final_stats=1
