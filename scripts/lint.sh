#!/bin/bash
# clang-tidy (checks in .clang-tidy) over every kiosk source in BUILD_DIR's compile_commands.json.
# Run by CTest as the test `lint`; exit 77 (skipped) when clang-tidy is not installed.
# Usage: scripts/lint.sh BUILD_DIR
set -euo pipefail
build="$(cd "${1:?usage: lint.sh BUILD_DIR}" && pwd)"
src="$(cd "$(dirname "$0")/.." && pwd)"
tidy="$(command -v clang-tidy || true)"
if [ -z "$tidy" ]; then
  echo "SKIPPED: clang-tidy not installed (apt-get install clang-tidy)"
  exit 77
fi
cd "$src"
# GCC-only warning flags in the compile commands mean nothing to clang.
find kiosk -name "*.cpp" | sort | xargs -P 2 -n 4 "$tidy" -p "$build" --quiet --extra-arg=-Wno-unknown-warning-option 2>/dev/null
