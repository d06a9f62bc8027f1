#!/usr/bin/env bash
# Benchmarks and the soak run (issue #6): separate from the tests, nothing here is a pass/fail
# timing check. Builds a Release tree (build-bench), starts its own Xvfb (Mesa llvmpipe) and
# prints one table: each figure as the median with min and max over repeated runs, beside the
# target and the browser-kiosk reference. Then the soak run (N sessions in one process), and the
# same soak under AddressSanitizer/LeakSanitizer (build-bench-asan). See BENCHMARKS.md.
#
#   scripts/bench.sh [--soak N] [--runs N] [--session-runs N] [--asan-soak N | --no-asan]
#                    [--idle-seconds S] [--render-iterations N]
#                    [--only startup,idle,session,render,soak,asan]
#
#   --soak N              sessions in the soak run (default 1000)
#   --runs N              kiosk runs per figure: start-up, idle, session (default 5)
#   --session-runs N      replayed sessions only (default: same as --runs; each takes 1-2 min)
#   --asan-soak N         sessions in the ASan/LSan soak (default: same as --soak)
#   --no-asan             skip the sanitizer build and soak
#   --idle-seconds S      length of each idle measurement (default 30)
#   --render-iterations N renders of the sample summary per language (default 50)
#   --only LIST           run only these parts (comma-separated)
#
# Output is also kept in build-bench/bench-last.txt, kiosk logs in build-bench/bench-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SOAK=1000
RUNS=5
ASAN_SOAK=""
SESSION_RUNS=""
ASAN=1
IDLE_SECONDS=30
RENDER_ITERATIONS=50
ONLY="startup,idle,session,render,soak,asan"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --soak) SOAK=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --session-runs) SESSION_RUNS=$2; shift 2 ;;
    --asan-soak) ASAN_SOAK=$2; shift 2 ;;
    --no-asan) ASAN=0; shift ;;
    --idle-seconds) IDLE_SECONDS=$2; shift 2 ;;
    --render-iterations) RENDER_ITERATIONS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ -n "$ASAN_SOAK" ]] || ASAN_SOAK=$SOAK
[[ -n "$SESSION_RUNS" ]] || SESSION_RUNS=$RUNS
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

BUILD=$ROOT/build-bench
ASAN_BUILD=$ROOT/build-bench-asan
mkdir -p "$BUILD"
OUT=$BUILD/bench-last.txt
exec > >(tee "$OUT") 2>&1

WORK=$(mktemp -d /tmp/rk-bench.XXXXXX)
ROWS=$WORK/rows
: > "$ROWS"
FAILED=""
# Runs one measurement; its ROW lines go to the table, a failure is named at the end.
part() {
  local name=$1
  shift
  if ! "$@" >> "$ROWS"; then
    echo "bench.sh: $name FAILED (logs in $BUILD/bench-logs/)"
    FAILED="$FAILED $name"
  fi
}
cleanup() {
  mkdir -p "$BUILD/bench-logs"
  cp "$WORK"/*.log "$BUILD/bench-logs/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM  # so the EXIT trap stops Xvfb on Ctrl-C or kill too
. scripts/lib/xvfb.sh  # xvfb_start / xvfb_stop (stopped on exit too, after cleanup)

echo "== Readiness Kiosk benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "Mesa: $(dpkg-query -W -f='${Version}' libgl1-mesa-dri 2>/dev/null || echo '?') (llvmpipe, LIBGL_ALWAYS_SOFTWARE=1); SDL2 $(dpkg-query -W -f='${Version}' libsdl2-2.0-0 2>/dev/null || echo '?')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other builds share this machine)"
echo "command: scripts/bench.sh --soak $SOAK --runs $RUNS --session-runs $SESSION_RUNS --asan-soak $ASAN_SOAK$([[ $ASAN == 1 ]] || echo ' --no-asan') --idle-seconds $IDLE_SECONDS --only $ONLY"
echo

echo "== Building Release in $BUILD"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRK_BUILD_TESTS=OFF \
  -DRK_BUILD_BENCHMARKS=ON -DRK_WARNINGS_AS_ERRORS=OFF > "$WORK/cmake-release.log" || { cat "$WORK/cmake-release.log"; exit 1; }
cmake --build "$BUILD" --target readiness-kiosk rk_bench_kiosk rk_frame_probe rk_bench_render rk_bench_soak \
  > "$WORK/build-release.log" 2>&1 || { tail -60 "$WORK/build-release.log"; exit 1; }
echo "built ($(grep -c 'warning:' "$WORK/build-release.log" || true) compiler warnings; log in $BUILD/bench-logs/build-release.log)"

export READINESS_KIOSK_DATA_DIR=$ROOT
export LIBGL_ALWAYS_SOFTWARE=1
KIOSK=$BUILD/kiosk/app/readiness-kiosk
PROBE=$BUILD/bench/librk_frame_probe.so

if wants startup || wants idle || wants session; then
  echo "== Starting Xvfb (1920x1080x24)"
  xvfb_start 1920x1080
  echo "Xvfb pid $XVFB_PID on $DISPLAY"

  # A clinic config for the bench: save (no printer) into the work folder, a short thank-you.
  mkdir -p "$WORK/summaries" "$WORK/xdg"
  cat > "$WORK/kiosk.toml" <<EOF
output = "save"
save_folder = "$WORK/summaries"
thank_you_seconds = 5
kiosk_name = "Bench kiosk"
EOF
  export XDG_DATA_HOME=$WORK/xdg
  KIOSK_RUN=("$BUILD/bench/rk_bench_kiosk" --kiosk "$KIOSK" --probe "$PROBE" --work "$WORK" --runs "$RUNS")
  KIOSK_ARGS=(-- --config "$WORK/kiosk.toml")
  # Warm the page cache once so every run starts equally (the figure is a process cold start,
  # not a cold disk cache).
  "${KIOSK_RUN[@]}" --mode startup --runs 1 "${KIOSK_ARGS[@]}" > /dev/null 2>&1 || true
  if wants startup; then
    echo "== Cold start to first frame ($RUNS runs)"
    part startup "${KIOSK_RUN[@]}" --mode startup "${KIOSK_ARGS[@]}"
  fi
  if wants idle; then
    echo "== Idle on welcome, ${IDLE_SECONDS} s each ($RUNS runs)"
    part idle "${KIOSK_RUN[@]}" --mode idle --idle-seconds "$IDLE_SECONDS" "${KIOSK_ARGS[@]}"
  fi
  if wants session; then
    echo "== A whole session by replayed taps ($SESSION_RUNS runs)"
    part session "${KIOSK_RUN[@]}" --runs "$SESSION_RUNS" --mode session --replay "$ROOT/bench/session.replay" --also-pid "$XVFB_PID" \
      "${KIOSK_ARGS[@]}"
    saved=$(find "$WORK/summaries" -name 'summary-*.pdf' | wc -l)
    echo "summaries saved by the replayed sessions: $saved (expected $SESSION_RUNS)"
  fi
  xvfb_stop
fi

if wants render; then
  echo "== Summary render ($RENDER_ITERATIONS renders per language)"
  part render "$BUILD/bench/rk_bench_render" --iterations "$RENDER_ITERATIONS"
fi

print_table() {
  grep -q '^ROW|' "$ROWS" || return 0
  echo
  echo "== Results (median, min, max over n runs; targets and the browser kiosk for comparison)"
  printf '%-58s %9s %9s %9s %4s  %-19s %s\n' "figure" "median" "min" "max" "n" "target" "browser kiosk"
  printf '%s\n' "$(printf '%.0s-' $(seq 136))"
  while IFS='|' read -r _ figure med lo hi n target ref; do
    printf '%-58s %9s %9s %9s %4s  %-19s %s\n' "$figure" "$med" "$lo" "$hi" "$n" "$target" "$ref"
  done < <(grep '^ROW|' "$ROWS")
}
print_table

SOAK_STATUS=0
if wants soak; then
  echo
  echo "== Soak: $SOAK sessions in one process (Release)"
  "$BUILD/bench/rk_bench_soak" --sessions "$SOAK" || SOAK_STATUS=$?
  echo "soak exit status: $SOAK_STATUS"
fi

ASAN_STATUS=0
if wants asan && [[ $ASAN == 1 ]]; then
  echo
  echo "== Soak under AddressSanitizer + LeakSanitizer: $ASAN_SOAK sessions ($ASAN_BUILD)"
  cmake -S "$ROOT" -B "$ASAN_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRK_ENABLE_SANITIZERS=ON \
    -DRK_BUILD_TESTS=OFF -DRK_BUILD_BENCHMARKS=ON -DRK_WARNINGS_AS_ERRORS=OFF > "$WORK/cmake-asan.log" || { cat "$WORK/cmake-asan.log"; exit 1; }
  cmake --build "$ASAN_BUILD" --target rk_bench_soak > "$WORK/build-asan.log" 2>&1 || { tail -60 "$WORK/build-asan.log"; exit 1; }
  # RSS under ASan includes its quarantine and shadow memory, so only LSan's verdict counts here.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
    "$ASAN_BUILD/bench/rk_bench_soak" --sessions "$ASAN_SOAK" --rss-tolerance-kb 1048576 \
    > "$WORK/asan-soak.log" 2>&1 || ASAN_STATUS=$?
  grep -E '^soak: (verdict|failures|[0-9]+ sessions in)' "$WORK/asan-soak.log" || true
  if grep -q 'LeakSanitizer' "$WORK/asan-soak.log"; then
    echo "LeakSanitizer: LEAKS FOUND (exit $ASAN_STATUS):"
    grep -A12 -E 'ERROR: (LeakSanitizer|AddressSanitizer)' "$WORK/asan-soak.log" | head -60
  elif grep -q 'ERROR: AddressSanitizer\|runtime error:' "$WORK/asan-soak.log"; then
    echo "AddressSanitizer/UBSan: ERRORS (exit $ASAN_STATUS):"
    grep -A12 -E 'ERROR: AddressSanitizer|runtime error:' "$WORK/asan-soak.log" | head -60
  elif [[ $ASAN_STATUS == 0 ]]; then
    echo "LeakSanitizer: no leaks; AddressSanitizer/UBSan: no errors ($ASAN_SOAK sessions, ASAN_OPTIONS=detect_leaks=1, exit 0)"
  else
    echo "ASan soak exit status $ASAN_STATUS:"; tail -20 "$WORK/asan-soak.log"
  fi
fi

echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(output kept in $OUT)"
[[ -z "$FAILED" ]] || echo "failed parts:$FAILED"
[[ -z "$FAILED" && $SOAK_STATUS == 0 && $ASAN_STATUS == 0 ]]
