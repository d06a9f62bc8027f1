#!/usr/bin/env python3
"""Stopping cage and the kiosk together, as `systemctl stop` does (SIGTERM to every process of
the unit), the moment a patient finishes a session: Debian's cage 0.1.4 often aborts on an
assertion in wl_display_terminate while it stops. This checks that it costs nothing: the kiosk
still exits cleanly at once (audit `kiosk-stopped status=0`) and the summary is kept.

Real parts: cage with wlroots' headless backend (pixman), the kiosk inside it as an unprivileged
user (cage refuses to run as root), a replay script that finishes a session.
Usage: cage_stop_test.py KIOSK_BIN SOURCE_DIR [RUNS]. Exit 77 (skipped) without root, cage or `nobody`."""
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time

kiosk_bin, source_dir = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
if os.geteuid() != 0 or not shutil.which("cage") or not shutil.which("runuser"):
    print("SKIP: needs root (to run cage as another user), cage and runuser", file=sys.stderr)
    sys.exit(77)
try:
    nobody = pwd.getpwnam("nobody")
except KeyError:
    print("SKIP: no user nobody", file=sys.stderr)
    sys.exit(77)

work = tempfile.mkdtemp(prefix="rk-cage-stop-")
os.chmod(work, 0o755)
failures = 0


def fail(text):
    global failures
    failures += 1
    print("FAIL: " + text)


def procs_of(session):
    found = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = open(f"/proc/{pid}/stat").read()
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[3]) == session:  # field 6 of stat: the session id
                found[int(pid)] = open(f"/proc/{pid}/comm").read().strip()
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
    return found


def gone(pid):
    try:
        return open(f"/proc/{pid}/stat").read().split(") ")[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


asserts = 0
kiosk_exit = []
for run in range(runs):
    d = os.path.join(work, f"run{run}")
    os.makedirs(os.path.join(d, "rt"), mode=0o700)
    with open(os.path.join(d, "kiosk.toml"), "w") as f:
        f.write(f'output = "save"\nsave_folder = "{d}/saved"\naudit_log_file = "{d}/audit.log"\n')
    with open(os.path.join(d, "script.txt"), "w") as f:
        f.write("wait-id welcome.start\ntap-id welcome.start\ntap-id nav.review\ntap-id review.finish\n")
    for root, dirs, files in os.walk(d):
        for name in dirs + files + ["."]:
            os.chown(os.path.join(root, name), nobody.pw_uid, nobody.pw_gid)
    env = dict(os.environ, XDG_RUNTIME_DIR=f"{d}/rt", WLR_BACKENDS="headless", WLR_LIBINPUT_NO_DEVICES="1",
               WLR_RENDERER="pixman", SDL_VIDEODRIVER="wayland", READINESS_KIOSK_DATA_DIR=source_dir, HOME=d)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    log = open(os.path.join(d, "cage.log"), "w")
    cage = subprocess.Popen(["runuser", "-u", "nobody", "--", "cage", "-d", "--", kiosk_bin, "--config",
                             f"{d}/kiosk.toml", "--replay", f"{d}/script.txt"],
                            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    audit_path = os.path.join(d, "audit.log")
    start = time.time()
    while time.time() - start < 90:
        if os.path.exists(audit_path) and "session-finished" in open(audit_path).read():
            break
        if cage.poll() is not None:
            break
        time.sleep(0.005)
    else:
        fail(f"run {run}: the session did not finish within 90 s")
    procs = procs_of(cage.pid)
    kiosk = [pid for pid, name in procs.items() if name.startswith("readiness-kio")]  # comm: 15 bytes
    targets = [pid for pid, name in procs.items() if name == "cage"] + kiosk
    if not kiosk:
        fail(f"run {run}: no kiosk under cage ({procs})")
    t0 = time.time()
    for pid in targets:  # systemd's stop: SIGTERM to the main process (cage) and the rest of the unit
        os.kill(pid, signal.SIGTERM)
    exited = None
    while time.time() - t0 < 15 and kiosk:
        if gone(kiosk[0]):
            exited = time.time() - t0
            break
        time.sleep(0.01)
    for pid in procs_of(cage.pid):  # what did not stop by itself (the check below fails then)
        os.kill(pid, signal.SIGKILL)
    cage.wait(timeout=30)
    log.close()
    text = open(os.path.join(d, "cage.log")).read()
    audit = open(audit_path).read() if os.path.exists(audit_path) else ""
    saved = os.path.join(d, "saved")
    pdfs = [f for f in os.listdir(saved) if f.endswith(".pdf")] if os.path.isdir(saved) else []
    outbox = os.listdir(os.path.join(saved, ".outbox")) if os.path.isdir(os.path.join(saved, ".outbox")) else []
    asserted = "wl_display_terminate: Assertion" in text
    asserts += asserted
    print(f"run {run}: cage exit {cage.returncode}{' (assertion in wl_display_terminate)' if asserted else ''}, "
          f"kiosk exited {exited if exited is None else round(exited, 3)} s after SIGTERM, "
          f"summary saved {len(pdfs)}, in the outbox {len(outbox)}")
    if exited is None or exited > 3:
        fail(f"run {run}: the kiosk did not exit within 3 s of SIGTERM")
    else:
        kiosk_exit.append(exited)
    if "kiosk-stopped status=0" not in audit:
        fail(f"run {run}: no clean `kiosk-stopped status=0` in the audit log")
    if "summary-kept" not in audit or len(pdfs) + len(outbox) != 1:
        fail(f"run {run}: the summary is not kept (saved {len(pdfs)}, outbox {len(outbox)})")

kiosk_exit.sort()
median = kiosk_exit[len(kiosk_exit) // 2] if kiosk_exit else float("nan")
print(f"cage stop test: cage asserted in {asserts} of {runs} stops; the kiosk exited a median "
      f"{median:.3f} s after SIGTERM; {failures} failure(s)")
if failures == 0:
    shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failures else 0)
