# shellcheck shell=bash
# An Xvfb of our own for the developer scripts (screenshots.sh, bench.sh, bench-idle.sh): the one
# place that starts it on a free display, waits until it takes connections, exports DISPLAY, and
# stops it by PID. Source it, then:
#   xvfb_start WIDTHxHEIGHT   starts the server, exports DISPLAY and sets XVFB_PID; exits the
#                             script with a message when none comes up
#   xvfb_stop                 stops it (by PID; does nothing when none runs)
# The first xvfb_start adds xvfb_stop to the script's EXIT trap, after whatever the trap already
# does (so a script stops its kiosk first), and turns INT and TERM into exits so that the EXIT trap
# also runs on Ctrl-C or kill. A script that sets its EXIT trap later must set it before xvfb_start.
#
# Race-free: a display is ours only when /tmp/.X<n>-lock names our Xvfb's PID (the rule
# tests/e2e/e2e_support.cpp follows). Xvfb claims a display by linking that lock file into place,
# so of two servers started on one number at once only one holds it; the other exits, or would
# otherwise be found waiting on a display that is not its own, and the next number is tried.
# (Not -displayfd: Debian's Xvfb then writes no lock file, and starts at :0.)

XVFB_PID=""
_xvfb_trap_set=0
_xvfb_dir=""

xvfb_stop() {
  if [ -n "$XVFB_PID" ]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  XVFB_PID=""
  [ -z "$_xvfb_dir" ] || rm -rf "$_xvfb_dir"
  _xvfb_dir=""
}

xvfb_start() {
  local size=$1 display="" lock_pid="" _
  [[ $size =~ ^[0-9]+x[0-9]+$ ]] || { echo "xvfb_start: size must be WIDTHxHEIGHT, not '$size'" >&2; exit 2; }
  command -v Xvfb >/dev/null || { echo "xvfb_start: Xvfb is not installed (scripts/setup.sh test)" >&2; exit 1; }
  xvfb_stop
  if [ $_xvfb_trap_set = 0 ]; then
    # `trap -p EXIT` prints: trap -- 'COMMAND' EXIT; eval splits it back into words.
    local previous=""
    if [ -n "$(trap -p EXIT)" ]; then eval "set -- $(trap -p EXIT)" && previous=$3; fi
    # shellcheck disable=SC2064  # the previous command is meant to be expanded now
    trap "${previous:+$previous; }xvfb_stop" EXIT
    [ -n "$(trap -p INT)" ] || trap 'exit 130' INT
    [ -n "$(trap -p TERM)" ] || trap 'exit 143' TERM
    _xvfb_trap_set=1
  fi
  _xvfb_dir=$(mktemp -d /tmp/rk-xvfb.XXXXXX)
  local n
  for n in $(seq 90 189); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
    Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp >"$_xvfb_dir/log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 1 200); do
      lock_pid=$(tr -d ' \n' 2>/dev/null <"/tmp/.X$n-lock" || true)
      if [ "$lock_pid" = "$XVFB_PID" ] && [ -S "/tmp/.X11-unix/X$n" ]; then display=$n; break 2; fi
      kill -0 "$XVFB_PID" 2>/dev/null || break  # lost the race for this number
      [ -n "$lock_pid" ] && [ "$lock_pid" != "$XVFB_PID" ] && kill -0 "$lock_pid" 2>/dev/null && break  # not ours
      sleep 0.1
    done
    kill "$XVFB_PID" 2>/dev/null && { wait "$XVFB_PID" 2>/dev/null || true; }
    XVFB_PID=""
  done
  if [ -z "$display" ]; then
    echo "xvfb_start: no Xvfb ${size} came up on a free display in :90-:189; the last one said:" >&2
    cat "$_xvfb_dir/log" >&2
    xvfb_stop
    exit 1
  fi
  export DISPLAY=":$display"
}
