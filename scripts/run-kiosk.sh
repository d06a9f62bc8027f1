#!/usr/bin/env bash
# Sets everything up and starts the kiosk on the default questionnaire.
# Extra arguments go to the kiosk, for example: scripts/run-kiosk.sh --window 1280x800
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run build -DCMAKE_BUILD_TYPE=Release -DRK_BUILD_TESTS=OFF
exec build/kiosk/app/readiness-kiosk "$@"
