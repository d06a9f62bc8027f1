#!/usr/bin/env bash
# Installs the Debian 12 packages the kiosk needs, then configures and builds it.
#   scripts/setup.sh [run|test] [BUILD_DIR] [extra cmake args...]
# "run" installs what building and running need; "test" adds the tools the tests drive
# (Xvfb, CUPS with a PDF printer, qpdf, poppler, lintian...). Idempotent and non-interactive.
set -euo pipefail
purpose=${1:-run}
build_dir=${2:-build}
shift $(( $# > 2 ? 2 : $# ))
cd "$(dirname "$0")/.."

run_pkgs=(
  build-essential cmake ninja-build pkg-config git
  libimgui-dev libsdl2-dev libfreetype-dev libhpdf-dev libcups2-dev doctest-dev
  libtomlplusplus-dev libepoxy-dev libsodium-dev libpng-dev libsystemd-dev
  libjsoncpp-dev  # FHIR import/export
  libespeak-ng-dev espeak-ng-data  # read aloud
  fonts-dejavu-core
  libfribidi-dev libunibreak-dev libharfbuzz-dev libicu-dev  # text: bidi and Arabic joining, UAX #14, glyph closure, case
  fonts-noto-core fonts-droid-fallback fonts-nanum fonts-noto-cjk  # Arabic; CJK; Hangul; rarer CJK on screen
)
test_pkgs=(
  xvfb xauth xdotool imagemagick qpdf poppler-utils
  cups cups-client cups-bsd cups-ipp-utils printer-driver-cups-pdf
  lintian dpkg-dev fakeroot systemd file
  cage xwayland seatd libegl-mesa0 libgl1-mesa-dri  # the .deb's run-time Depends, for the offline install test
  qemu-system-x86 mmdebstrap python3  # tests/vm: boot a Debian 12 image with the .deb in QEMU
  clang libclang-rt-14-dev clang-tidy  # the loader fuzzer; the lint test
  tesseract-ocr tesseract-ocr-vie tesseract-ocr-chi-sim tesseract-ocr-ara tesseract-ocr-spa  # OCR of summary pages
)
pkgs=("${run_pkgs[@]}")
[ "$purpose" = test ] && pkgs+=("${test_pkgs[@]}")

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Offline FHIR validators from the npm registry, pinned (tests only).
[ "$purpose" = test ] && bash scripts/setup-fhir-validators.sh

cmake -S . -B "$build_dir" -G Ninja "$@"
cmake --build "$build_dir"
