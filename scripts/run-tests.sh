#!/usr/bin/env bash
# Sets everything up and runs every test (unit, headless UI, PDF, CUPS, Xvfb end-to-end, packaging).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test build-tests -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRK_WARNINGS_AS_ERRORS=ON
cd build-tests
ctest --output-on-failure --timeout 900 -j2
