#!/usr/bin/env bash
# Regenerates the pixel suite's reference images (tests/e2e/references/*.png) after an intended
# change of what the kiosk shows: runs the real kiosk under its own Xvfb in portrait and landscape
# (side by side), grabs every screen from the X server and writes each as a 1/5-size greyscale PNG.
#   scripts/update-references.sh            then look at the PNGs (git diff --stat shows which
#                                           changed) and commit them with the change.
# Uses the build in build/ (configured and built here when missing). Old references are removed
# first, so a screen that no longer exists leaves no stale image behind.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
nice cmake --build build --target readiness-kiosk e2e_pixel_tests >/dev/null
rm -f tests/e2e/references/*.png
mkdir -p tests/e2e/references
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
pids=()
for shape in portrait landscape; do
  RK_UPDATE_REFERENCES=1 build/tests/e2e/e2e_pixel_tests "--test-case=*$shape*" >"$logs/$shape.log" 2>&1 &
  pids+=($!)
done
status=0
for i in 0 1; do
  if ! wait "${pids[$i]}"; then status=1; fi
done
for shape in portrait landscape; do
  if grep -q "Status: SUCCESS" "$logs/$shape.log"; then
    grep "screens read" "$logs/$shape.log" | sed 's/.*MESSAGE: /update-references: /'
  else
    echo "update-references: the $shape run failed (a blank screen, or a screen that changed between two" >&2
    echo "shots that must look the same):" >&2
    cat "$logs/$shape.log" >&2
  fi
done
echo "update-references: $(ls tests/e2e/references/*.png | wc -l) images in $root/tests/e2e/references ($(du -sh tests/e2e/references | cut -f1)); look at them, then commit"
exit $status
