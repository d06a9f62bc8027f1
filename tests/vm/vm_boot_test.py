#!/usr/bin/env python3
"""Boots the disk from make_image.sh in QEMU and checks the kiosk the way a patient and a
prankster would meet it (issue 15).

  vm_boot_test.py IMAGE_DIR WORK_DIR

Index: boot() starts QEMU; wait_for_welcome() compares screendumps; the checks run in main() in
order: boot to the welcome screen and the unit's state, lock-down settings, no blanking, escape
keys, a tap on Start, kill -9, SIGSTOP (the watchdog), a failed start, stop leaves nothing, and
the controls (with SysRq allowed the same key press reaches the kernel; a VT switch made in the
guest fails the escape check, so that check can fail).
Prints the figures as `vm: ...` lines; exits 1 on the first failed check.
"""
import atexit
import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu_link import GuestAgent, Monitor, Qmp  # noqa: E402

UNIT = "readiness-kiosk"
SAME = 0.02      # pictures differing in fewer than 2 % of their samples are the same screen
CHANGED = 0.05   # a screen change touches at least 5 %
# From welcome to the first page (text on the same background, Start and Next in the same place):
# about 3 % of the sampled pixels change (measured 3.2 % at 1280x800); the welcome screen left
# alone changes 0 %.
PAGE_CHANGED = 0.015

image_dir, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
t_launch = time.monotonic()
figures = []


def now():
    return time.monotonic() - t_launch


def log(msg):
    print(f"[{now():6.1f} s] {msg}", flush=True)


def figure(msg):
    figures.append(msg)
    print(f"vm: {msg}", flush=True)


def fail(msg):
    print(f"FAIL: {msg}", flush=True)
    if qemu.poll() is None:
        dump_diagnostics()
    sys.exit(1)


def check(ok, msg):
    if not ok:
        fail(msg)
    log(f"ok: {msg}")


def boot():
    sock = {name: os.path.join(work, f"{name}.sock") for name in ("qmp", "monitor", "qga")}
    for path in sock.values():
        if os.path.exists(path):
            os.unlink(path)
    cmd = [
        "qemu-system-x86_64", "-accel", "tcg", "-cpu", "max", "-smp", "2", "-m", "2048",
        "-kernel", os.path.join(image_dir, "vmlinuz"), "-initrd", os.path.join(image_dir, "initrd.img"),
        # consoleblank=10: the kernel would blank the console after 10 s idle; the kiosk's screen
        # must stay lit all the same (checked below). no_timer_check: on a busy host the
        # emulated timer can miss the kernel's IO-APIC check ("IO-APIC + timer doesn't work").
        "-append", "root=/dev/vda rw console=ttyS0 consoleblank=10 no_timer_check",
        "-drive", f"file={os.path.join(image_dir, 'disk.raw')},format=raw,if=virtio,cache=unsafe",
        "-device", "virtio-vga", "-device", "qemu-xhci", "-device", "usb-tablet",
        "-display", "none", "-nic", "none",
        "-serial", f"file:{os.path.join(work, 'serial.log')}",
        "-monitor", f"unix:{sock['monitor']},server=on,wait=off",
        "-qmp", f"unix:{sock['qmp']},server=on,wait=off",
        "-chardev", f"socket,path={sock['qga']},server=on,wait=off,id=qga0",
        "-device", "virtio-serial", "-device", "virtserialport,chardev=qga0,name=org.qemu.guest_agent.0",
    ]
    log("boot: " + " ".join(cmd))
    proc = subprocess.Popen(cmd, stdout=open(os.path.join(work, "qemu.log"), "w"), stderr=subprocess.STDOUT)
    return proc, sock


qemu, sockets = boot()


@atexit.register
def stop_qemu():
    if qemu.poll() is None:
        qemu.kill()
        qemu.wait()


signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # CTest's timeout: still stop QEMU


time.sleep(1)
if qemu.poll() is not None:
    print(open(os.path.join(work, "qemu.log")).read())
    fail(f"QEMU exited at once (status {qemu.returncode})")
qmp = Qmp(sockets["qmp"])
monitor = Monitor(sockets["monitor"])
agent = GuestAgent(sockets["qga"])
shot_no = 0


def shot(name=None):
    global shot_no
    shot_no += 1
    path = os.path.join(work, f"{name or 'shot-%03d' % shot_no}.ppm")
    return qmp.screendump(path)


def dump_diagnostics():
    try:
        shot("failure")
        if agent.sock is None:
            raise ConnectionError("the guest agent never answered")
        print(agent.out(f"systemctl status --no-pager {UNIT}; journalctl -b --no-pager -n 80 -u {UNIT} -u seatd",
                        timeout=30))
    except Exception as e:  # noqa: BLE001 - diagnostics only
        print(f"(no diagnostics from the guest: {e})")
    print(f"serial console log: {work}/serial.log; screendumps: {work}/*.ppm")


def unit_state():
    text = agent.out(f"systemctl show {UNIT} -p ActiveState,SubState,MainPID,NRestarts,Result,"
                     "ActiveEnterTimestampMonotonic,ExecMainStartTimestampMonotonic,"
                     "ExecMainExitTimestampMonotonic,WatchdogUSec")
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def guest_uptime():
    return float(agent.out("cut -d' ' -f1 /proc/uptime"))


def active_vt():
    return agent.out("cat /sys/class/tty/tty0/active")


def wait_for_welcome(timeout, reference=None, after=None):
    """Seconds (since launch) of the first of two alike screendumps one second apart that are
    not a dark console, or that match REFERENCE. AFTER: a condition checked once it holds."""
    deadline = now() + timeout
    prev, prev_t = None, None
    while now() < deadline:
        t = now()
        if qemu.poll() is not None or "Kernel panic" in serial_log():
            fail("the guest died (serial console log below)\n" + serial_log()[-3000:])
        pic = shot()
        if reference is not None:
            if pic.differs_from(reference) < SAME and (after is None or after()):
                return t, pic
        elif prev is not None and pic.dark_fraction() < 0.5 and pic.differs_from(prev) < 0.005:
            if after is None or after():
                return prev_t, pic
        prev, prev_t = pic, t
        time.sleep(max(0.0, 1.0 - (now() - t)))
    fail(f"no welcome screen within {timeout} s")


def serial_log():
    with open(os.path.join(work, "serial.log"), errors="replace") as f:
        return f.read()


def journal(pattern):
    """How many of this boot's lines of the unit's journal hold PATTERN (as a string)."""
    return agent.out(f"journalctl -b -u {UNIT} -o cat --no-pager | grep -c -- '{pattern}' || true")


# --- 1. Power-on to the welcome screen -------------------------------------------------------
t_welcome, welcome = wait_for_welcome(300)
figure(f"welcome screen {t_welcome:.1f} s after power-on ({welcome.width}x{welcome.height})")
os.replace(os.path.join(work, f"shot-{shot_no:03d}.ppm"), os.path.join(work, "welcome.ppm"))
check(agent.sync(180), "the guest agent answers")
offset = now() - guest_uptime()  # host seconds since launch = guest uptime + offset
state = unit_state()
check(state["ActiveState"] == "active" and state["SubState"] == "running",
      f"{UNIT} is {state['ActiveState']} ({state['SubState']})")
t_active = int(state["ActiveEnterTimestampMonotonic"]) / 1e6 + offset
figure(f"unit active (READY=1) {t_active:.1f} s after power-on, {t_welcome - t_active:+.1f} s before "
       "the welcome screen was first seen (screendumps 1 s apart)")
check(abs(t_welcome - t_active) < 5, "the unit became active within seconds of the welcome screen")
check(journal("kiosk-started") != "0", f"journalctl -u {UNIT} shows the kiosk's kiosk-started event")

main_pid = state["MainPID"]
KIOSK_PROCS = "for name in cage readiness-kiosk Xwayland; do pgrep -a -x $name; done"
procs = [line.split()[0] for line in agent.out(KIOSK_PROCS).splitlines()]
in_unit = agent.out(f"cat /sys/fs/cgroup/system.slice/{UNIT}.service/cgroup.procs | sort").split()
check(len(procs) >= 2 and set(procs) <= set(in_unit),
      f"cage and the kiosk ({' '.join(procs)}) are in the unit's own cgroup ({' '.join(in_unit)})")
sessions = agent.out("loginctl list-sessions --no-legend 2>&1")
check("readiness-kiosk" not in sessions, f"no logind session for the kiosk user ({sessions or 'no sessions'})")
watchdog_s = int(state["WatchdogUSec"].rstrip("s") or 0) if state["WatchdogUSec"].isdigit() else None
if watchdog_s is None:  # systemd prints e.g. "30s"
    watchdog_s = float(re.sub(r"[^0-9.]", "", state["WatchdogUSec"]) or 0)
else:
    watchdog_s /= 1e6
check(watchdog_s > 0, f"the watchdog is armed (WatchdogSec={watchdog_s:g})")

# --- 2. The package's lock-down, in force after boot -----------------------------------------
check(agent.out("cat /proc/sys/kernel/sysrq") == "0", "kernel.sysrq = 0")
check(agent.out("systemctl is-enabled ctrl-alt-del.target || true") == "masked", "ctrl-alt-del.target is masked")
check(agent.out("systemctl show -p CtrlAltDelBurstAction --value") == "none", "CtrlAltDelBurstAction=none")
login = agent.out("busctl get-property org.freedesktop.login1 /org/freedesktop/login1 "
                  "org.freedesktop.login1.Manager NAutoVTs")
check(login == "u 0", f"logind runs with NAutoVTs=0 ({login})")
gettys = agent.out("systemctl list-units --no-legend --plain --state=active 'getty@*' 'autovt@*'")
check(gettys == "", f"no login prompt on any VT, tty6 included (ReserveVT=0): {gettys or 'none'}")
check(active_vt() == "tty1", "the kiosk is on tty1")

# --- 3. No blanking: the kernel would blank the console after 10 s (consoleblank=10) ----------
time.sleep(max(0.0, t_welcome + 16 - now()))
still = shot("after-16s-idle")
check(still.differs_from(welcome) < SAME and still.dark_fraction() < 0.5,
      f"the welcome screen is still lit {now() - t_welcome:.0f} s later with no input (consoleblank=10)")
dpms = agent.out("cat /sys/class/drm/card*-*/dpms | sort -u | tr '\\n' ' '").strip()
check(dpms == "On", f"DPMS is On ({dpms})")

# --- 4. Escape keys: the screen, the VT and the kiosk process stay as they are ---------------
ESCAPES = ["alt-sysrq-r", "ctrl-alt-f2", "alt-f4", "ctrl-alt-delete", "ctrl-alt-backspace", "alt-tab",
           "esc", "ctrl-q", "ctrl-w", "ctrl-alt-f3", "alt-f2", "alt-sysrq-e", "alt-sysrq-b"]


def escape_holds(combo):
    """Sends COMBO; True when the screen, the VT and the kiosk process are as before. (With
    kernel.sysrq = 0 the kernel ignores SysRq silently; the control at the end shows that the
    same keys do reach it when allowed.)"""
    monitor.sendkey(combo)
    time.sleep(1.5)
    pic = shot()
    vt = active_vt()
    st = unit_state()
    ok = pic.differs_from(welcome) < SAME and vt == "tty1" and st["MainPID"] == main_pid \
        and st["ActiveState"] == "active"
    return ok, f"screen differs {pic.differs_from(welcome):.1%}, VT {vt}, MainPID {st['MainPID']}"


for combo in ESCAPES:
    ok, detail = escape_holds(combo)
    check(ok, f"{combo} changes nothing ({detail})")
for _ in range(8):  # Ctrl+Alt+Del burst: 7 within 2 s would force a reboot by default
    monitor.sendkey("ctrl-alt-delete", 50)
ok, detail = escape_holds("esc")
check(ok, f"8 x ctrl-alt-delete in a burst changes nothing ({detail})")
figure("escapes tried, none changed the screen, the VT (tty1) or the kiosk process: "
       + ", ".join(ESCAPES) + ", 8 x ctrl-alt-delete in 2 s")

# --- 4b. systemctl reload reaches the kiosk (ExecReload) and restarts nothing -------------------
rc, out = agent.sh(f"systemctl reload {UNIT}")
time.sleep(2)
st = unit_state()
check(rc == 0 and st["MainPID"] == main_pid and st["SubState"] == "running",
      f"systemctl reload succeeds and keeps the same kiosk (exit {rc}, MainPID {st['MainPID']}) {out}")

# --- 5. A tap on Start ------------------------------------------------------------------------
box = welcome.largest_accent_box()
check(box is not None, f"found the Start button on the welcome screen at {box}")
x, y = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
qmp.tap(x, y, welcome.width, welcome.height)
deadline = now() + 20
while now() < deadline and shot().differs_from(welcome) < PAGE_CHANGED:
    time.sleep(1)
check(shot("after-start").differs_from(welcome) >= PAGE_CHANGED, f"a tap at ({x}, {y}) left the welcome screen")
check(journal("session-begun") != "0", "the kiosk logged session-begun")


def wait_restarted(restarts_before, timeout):
    deadline = now() + timeout
    while now() < deadline:
        st = unit_state()
        if int(st["NRestarts"]) > restarts_before:
            return now(), st
        time.sleep(0.5)
    fail(f"{UNIT} was not restarted within {timeout} s")


def back_to_welcome(t0, what):
    t_seen, _ = wait_for_welcome(120, reference=welcome,
                                 after=lambda: unit_state()["SubState"] == "running")
    st = unit_state()
    check(st["MainPID"] != main_pid, f"a fresh kiosk after {what}")
    t_act = int(st["ActiveEnterTimestampMonotonic"]) / 1e6 + offset
    return t_seen - t0, t_act - t0, st


# --- 6. kill -9 mid-session -------------------------------------------------------------------
n0 = int(unit_state()["NRestarts"])
old = agent.out("pgrep -x readiness-kiosk")
t0 = now()
agent.sh("pkill -9 -x readiness-kiosk")
wait_restarted(n0, 60)
welcome_after, active_after, state = back_to_welcome(t0, "kill -9")
main_pid = state["MainPID"]
figure(f"kill -9 of the kiosk: welcome screen back after {welcome_after:.1f} s, unit active after "
       f"{active_after:.1f} s")
check(agent.sh(f"test -d /proc/{old}")[0] != 0, "the killed kiosk is gone")

# --- 7. SIGSTOP: the watchdog -----------------------------------------------------------------
n0 = int(unit_state()["NRestarts"])
stopped = agent.out("pgrep -x readiness-kiosk")
t0 = now()
agent.sh("pkill -STOP -x readiness-kiosk")
t_restart, _ = wait_restarted(n0, watchdog_s + 60)
welcome_after, active_after, state = back_to_welcome(t0, "SIGSTOP")
main_pid = state["MainPID"]
figure(f"SIGSTOP of the kiosk (WatchdogSec={watchdog_s:g}): restarted by the watchdog after "
       f"{t_restart - t0:.1f} s, welcome screen back after {welcome_after:.1f} s")
check(t_restart - t0 <= watchdog_s + 10, f"the watchdog acted within WatchdogSec + 10 s")
check(journal("Watchdog timeout") != "0", f"journalctl -u {UNIT} shows the watchdog timeout")
check(agent.sh(f"test -d /proc/{stopped}")[0] != 0, f"the stopped kiosk (PID {stopped}) did not outlive its unit")

# --- 8. A failed start fails fast: no seatd --------------------------------------------------
agent.sh("systemctl mask --runtime seatd.service; systemctl stop seatd.service")
since = agent.out("date +%s.%N")
agent.sh(f"systemctl restart --no-block {UNIT}")
time.sleep(15)
lines = agent.out(f"journalctl -u {UNIT} --since @{since} -o short-unix --no-pager").splitlines()
starts = [float(l.split()[0]) for l in lines if "systemd[1]: Starting " in l]
failed = [float(l.split()[0]) for l in lines if "Failed with result" in l or "Main process exited" in l]
attempts = [min(f for f in failed if f >= st) - st for st in starts if any(f >= st for f in failed)]
why = sorted({l.split(": ", 1)[-1] for l in lines if "[ERROR]" in l or "Could not" in l})
log("cage says: " + " | ".join(why))
check(attempts and max(attempts) < 10,
      f"without seatd each start fails within 10 s ({len(attempts)} failed starts in 15 s, "
      f"the longest {max(attempts, default=0):.1f} s)")
figure(f"failed start (seatd stopped): each start fails after {max(attempts):.1f} s at most, "
       f"{len(attempts)} tries in 15 s")
t0 = now()
agent.sh("systemctl unmask --runtime seatd.service; systemctl start seatd.service")
welcome_after, _, state = back_to_welcome(t0, "seatd came back")
main_pid = state["MainPID"]
figure(f"seatd back: welcome screen after {welcome_after:.1f} s")

# --- 9. Stop: no process outlives the unit ------------------------------------------------------
agent.sh(f"systemctl stop {UNIT}")
left = agent.out(KIOSK_PROCS)
check(left == "", f"systemctl stop leaves no cage or kiosk process ({left or 'none'})")

# --- 10. Controls: the key presses reach the kernel, and the checks can see an escape -----------
agent.sh(f"systemctl start --no-block {UNIT}")
wait_for_welcome(120, reference=welcome, after=lambda: unit_state()["SubState"] == "running")
main_pid = unit_state()["MainPID"]
ok, detail = escape_holds("shift")
check(ok, f"control: Shift alone changes nothing ({detail})")
agent.sh("echo 1 > /proc/sys/kernel/sysrq")
monitor.sendkey("alt-sysrq-r")
time.sleep(1)
check(agent.out("dmesg | grep -c 'sysrq: Keyboard mode set to system default' || true") != "0",
      "control: with kernel.sysrq=1 the same Alt+SysRq+R reaches the kernel (so with 0 it was refused)")
monitor.sendkey("ctrl-alt-f2")
time.sleep(2)
figure(f"with SysRq allowed again, Alt+SysRq+R then Ctrl+Alt+F2 leaves the console on {active_vt()}")
# A VT switch made from inside the guest (VT_ACTIVATE, as a key press would ask for it) must show.
agent.sh("perl -e 'open(my $t, \"+<\", \"/dev/tty0\") or die; ioctl($t, 0x5606, 2) or die'")
time.sleep(2)
ok, detail = escape_holds("shift")
escaped = shot("control").differs_from(welcome)
check(not ok and active_vt() == "tty2" and escaped >= CHANGED,
      f"control: a switch to tty2 is seen by the escape check ({detail})")

qmp.command("quit")
qemu.wait(timeout=30)
with open(os.path.join(work, "figures.txt"), "w") as f:
    f.write("\n".join(figures) + "\n")
print(f"vm boot test: passed in {now():.0f} s")
