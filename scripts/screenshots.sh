#!/usr/bin/env bash
# Writes PNG screenshots of every kiosk screen at 1080x1920 (portrait) and 1920x1080 (landscape):
# welcome, every question page of the default questionnaire, the on-screen keyboard, Spanish,
# larger text, high contrast, the idle prompt, review, finishing, thank-you and the staff PIN pad.
#   scripts/screenshots.sh [OUT_DIR]          (default: screenshots/)
#   scripts/screenshots.sh --gallery [OUT_DIR] also refreshes docs/gallery/ (README's gallery):
#                                              a few screens at half size and a summary PDF page
# Fails when any PNG is blank (one colour, `identify -format %k`).
# Uses its own Xvfb (stopped by PID) and the kiosk's --replay / --test-items / --screenshot-dir
# test hooks, driving it by taps on widget ids. RK_KIOSK_BIN overrides the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
gallery=0
if [ "${1:-}" = "--gallery" ]; then gallery=1; shift; fi
out=$(realpath -m "${1:-screenshots}")
bin=${RK_KIOSK_BIN:-$root/build/kiosk/app/readiness-kiosk}
if [ ! -x "$bin" ]; then
  echo "screenshots: building the kiosk first" >&2
  scripts/setup.sh test build >/dev/null
fi
mkdir -p "$out"
work=$(mktemp -d)
kiosk_pid=""
cleanup() {
  [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null && wait "$kiosk_pid" 2>/dev/null || true
  exec 3>&- 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
. scripts/lib/xvfb.sh  # xvfb_start / xvfb_stop (stopped on exit too, after cleanup)

sent=0
items="$work/items.txt"
# Sends one replay command and waits until the kiosk has carried it out and drawn after it.
send() {
  printf '%s\n' "$1" >&3
  sent=$((sent + 1))
  local i
  for i in $(seq 1 3000); do
    if [ -s "$items" ]; then
      local done_count
      done_count=$(head -1 "$items" | sed -n 's/.*replayed=\([0-9]*\).*/\1/p')
      [ -n "$done_count" ] && [ "$done_count" -ge "$sent" ] && return 0
    fi
    if grep -q "replay: line" "$work/kiosk.log" 2>/dev/null; then
      echo "screenshots: $(grep "replay: line" "$work/kiosk.log")" >&2
      return 1
    fi
    kill -0 "$kiosk_pid" 2>/dev/null || { echo "screenshots: the kiosk exited" >&2; cat "$work/kiosk.log" >&2; return 1; }
    sleep 0.05
  done
  echo "screenshots: timed out on '$1'" >&2
  return 1
}
screen() { head -1 "$items" | sed -n 's/.*screen=\([A-Za-z]*\).*/\1/p'; }
first_id() { grep -m1 -o "^$1[^	]*" "$items" || true; }

shoot_size() {
  local w=$1 h=$2 tag=$3
  xvfb_start "${w}x${h}"

  cat >"$work/kiosk.toml" <<TOML
save_folder = "$work/saved"
output = "save"
idle_timeout_seconds = 10
idle_countdown_seconds = 30
thank_you_seconds = 600
support_lines = [ { en = "Crisis line: call or text 988 (24/7)", es = "Línea de crisis: llame o envíe un texto al 988" } ]
TOML
  rm -f "$work/replay.fifo" "$items"
  : >"$work/kiosk.log"
  mkfifo "$work/replay.fifo"
  exec 3<>"$work/replay.fifo"
  sent=0
  LIBGL_ALWAYS_SOFTWARE=1 READINESS_KIOSK_DATA_DIR="$root" \
    "$bin" --config "$work/kiosk.toml" --replay "$work/replay.fifo" --test-items "$items" \
    --screenshot-dir "$out" --exit-after-replay >>"$work/kiosk.log" 2>&1 &
  kiosk_pid=$!

  send "wait-id welcome.start"
  send "screenshot $tag-01-welcome"
  send "tap-id lang.es"
  send "screenshot $tag-02-welcome-es"
  send "tap-id lang.en"
  send "tap-id welcome.start"
  local page=1 keyboard_done=0 ruler_done=0
  while [ "$(screen)" = Question ] && [ $page -le 40 ]; do
    local p
    p=$(printf '%02d' $page)
    send "screenshot $tag-10-page-$p"
    # Answer a little so pages shown only after an answer (ruler follow-ups) appear too.
    local ruler
    ruler=$(first_id 'ruler\.[^	]*\.6')
    if [ -n "$ruler" ]; then
      send "tap-id $ruler"
      if [ $ruler_done = 0 ]; then send "screenshot $tag-11-page-$p-ruler-answered"; ruler_done=1; fi
    fi
    local text
    text=$(first_id 'text\.')
    if [ -n "$text" ] && [ $keyboard_done = 0 ]; then
      send "tap-id $text"
      send "type some words"
      send "screenshot $tag-20-keyboard-en"
      send "tap-id lang.es"
      send "tap-id kbd.shift"
      send "screenshot $tag-21-keyboard-es-shift"
      send "tap-id lang.en"
      send "tap-id kbd.done"
      send "screenshot $tag-22-page-$p-text-typed"
      keyboard_done=1
    fi
    local card
    card=$(first_id 'card\.')
    if [ -n "$card" ]; then send "tap-id $card"; send "screenshot $tag-12-page-$p-card-picked"; fi
    if [ $page = 2 ]; then
      send "tap-id opt.large_text"
      send "screenshot $tag-30-page-$p-large-text"
      send "tap-id opt.large_text"
      send "tap-id opt.high_contrast"
      send "screenshot $tag-31-page-$p-high-contrast"
      send "tap-id opt.high_contrast"
      send "tap-id lang.es"
      send "screenshot $tag-32-page-$p-spanish"
      send "tap-id lang.en"
    fi
    if [ $page = 3 ]; then
      send "wait-ms 10500"
      send "screenshot $tag-40-idle-prompt"
      send "tap-id idle.continue"
    fi
    send "tap-id nav.next"
    page=$((page + 1))
  done
  [ "$(screen)" = Review ] || { echo "screenshots: expected the review screen, got $(screen)" >&2; exit 1; }
  send "screenshot $tag-50-review"
  send "drag 0.5 0.8 0.5 0.2 12"
  send "screenshot $tag-51-review-scrolled"
  send "tap-id review.finish"
  send "screenshot $tag-60-finishing"
  send "wait-screen ThankYou 60000"
  send "wait-frames 2"
  send "screenshot $tag-61-thank-you"
  send "tap-id thanks.done"
  send "wait-screen Welcome"
  send "hold 0.01 0.01 3300"
  send "wait-screen StaffPin"
  send "screenshot $tag-70-staff-pin"
  printf 'end\n' >&3  # the kiosk exits at once (--exit-after-replay): nothing to wait for
  wait "$kiosk_pid" || true
  kiosk_pid=""
  exec 3>&-
  xvfb_stop
}

shoot_size 1080 1920 portrait
shoot_size 1920 1080 landscape

# A blank picture is a bug (a black screen after a font rebuild once went unnoticed this way).
blank=0
for f in "$out"/*.png; do
  colours=$(identify -format '%k' "$f")
  if [ "$colours" -le 2 ]; then echo "screenshots: $f is blank ($colours colour(s))" >&2; blank=1; fi
done
[ $blank = 0 ] || exit 1
echo "screenshots: $(ls "$out"/*.png | wc -l) PNG files in $out, none blank"

if [ $gallery = 1 ]; then
  g="$root/docs/gallery"
  mkdir -p "$g"
  half() { convert "$1" -resize 50% -strip "$g/$2.png"; }
  half "$out/portrait-01-welcome.png" welcome
  half "$(ls "$out"/landscape-11-page-*-ruler-answered.png | head -1)" ruler
  half "$(ls "$out"/portrait-12-page-*-card-picked.png | head -1)" cards
  half "$out/landscape-20-keyboard-en.png" keyboard
  half "$out/portrait-50-review.png" review
  "$bin" --sample-summary "$work/sample.pdf" >/dev/null
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/sample.pdf" "$work/summary"
  convert "$work/summary.png" -strip "$g/summary-pdf.png"
  for f in "$g"/*.png; do
    [ "$(identify -format '%k' "$f")" -gt 2 ] || { echo "screenshots: $f is blank" >&2; exit 1; }
  done
  echo "screenshots: gallery refreshed in $g"
fi
