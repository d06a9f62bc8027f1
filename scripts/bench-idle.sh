#!/usr/bin/env bash
# Benchmark (not a test): CPU the kiosk uses while it waits on the welcome screen with no input.
#   scripts/bench-idle.sh [SECONDS] [WxH]      (defaults: 30, 1080x1920)
# Starts its own Xvfb (stopped by PID) and the kiosk with Mesa llvmpipe, lets start-up settle,
# then reads utime+stime from /proc/PID/stat (all threads) before and after the quiet spell and
# prints the share of one core. Target: below 0.1 %.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
size=${2:-1080x1920}
bin=${RK_KIOSK_BIN:-$PWD/build/kiosk/app/readiness-kiosk}
[ -x "$bin" ] || { echo "bench-idle: build the kiosk first (scripts/setup.sh run build), or set RK_KIOSK_BIN" >&2; exit 1; }

work=$(mktemp -d)
kiosk_pid=""
cleanup() {
  [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null && wait "$kiosk_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
. scripts/lib/xvfb.sh
xvfb_start "$size"  # stopped on exit, after cleanup

printf 'save_folder = "%s/saved"\n' "$work" >"$work/kiosk.toml"
LIBGL_ALWAYS_SOFTWARE=1 READINESS_KIOSK_DATA_DIR="$PWD" \
  "$bin" --config "$work/kiosk.toml" --test-items "$work/items.txt" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
for _ in $(seq 1 200); do [ -s "$work/items.txt" ] && break; sleep 0.05; done
[ -s "$work/items.txt" ] || { echo "bench-idle: the kiosk did not draw" >&2; cat "$work/kiosk.log" >&2; exit 1; }
sleep 3  # start-up settles (fonts, first frames)

ticks() { awk '{ print $14 + $15 }' "/proc/$kiosk_pid/stat"; }
frames() { head -1 "$work/items.txt" | sed -n 's/.*frame=\([0-9]*\).*/\1/p'; }
hz=$(getconf CLK_TCK)
t0=$(ticks); f0=$(frames); s0=$(date +%s.%N)
sleep "$seconds"
t1=$(ticks); f1=$(frames); s1=$(date +%s.%N)
kill -0 "$kiosk_pid" 2>/dev/null || { echo "bench-idle: the kiosk died" >&2; exit 1; }

awk -v t0="$t0" -v t1="$t1" -v hz="$hz" -v s0="$s0" -v s1="$s1" -v f0="$f0" -v f1="$f1" -v size="$size" 'BEGIN {
  cpu = (t1 - t0) / hz; wall = s1 - s0;
  printf "bench-idle: %s welcome, %.1f s quiet: CPU %.3f s = %.3f%% of one core, %d frames drawn\n",
         size, wall, cpu, 100 * cpu / wall, f1 - f0;
}'
rss=$(awk '/VmRSS/ { print $2 }' "/proc/$kiosk_pid/status")
echo "bench-idle: resident memory ${rss} kB"
