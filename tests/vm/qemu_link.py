"""The test's three links to a running QEMU: QMP (taps, screendumps), the human monitor
(sendkey), and the QEMU guest agent in the test image (commands inside the guest).

Index: Qmp, Monitor, GuestAgent, Picture (a screendump and how two of them differ).
"""
import base64
import json
import socket
import time


def _connect(path, timeout):
    deadline = time.monotonic() + timeout
    while True:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(path)
            return s
        except OSError:
            s.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class Qmp:
    """QEMU's machine protocol: one JSON object per line, events interleaved with answers."""

    def __init__(self, path, timeout=30):
        self.sock = _connect(path, timeout)
        self.sock.settimeout(60)
        self.file = self.sock.makefile("rwb")
        self._read_answer()  # the greeting
        self.command("qmp_capabilities")

    def _read_answer(self):
        while True:
            line = self.file.readline()
            if not line:
                raise ConnectionError("QMP closed")
            msg = json.loads(line)
            if "event" in msg:
                continue
            return msg

    def command(self, name, **arguments):
        msg = {"execute": name}
        if arguments:
            msg["arguments"] = arguments
        self.file.write(json.dumps(msg).encode() + b"\n")
        self.file.flush()
        answer = self._read_answer()
        if "QMP" in answer:  # a late greeting
            answer = self._read_answer()
        if "error" in answer:
            raise RuntimeError(f"QMP {name}: {answer['error']}")
        return answer.get("return")

    def tap(self, x, y, width, height):
        """A finger down and up at screen pixel (x, y) on the usb-tablet (absolute 0..32767).
        evdev drops an absolute move to the spot it already has, so move one pixel off first."""
        def abs_events(px, py):
            return [{"type": "abs", "data": {"axis": "x", "value": int(px * 32767 / (width - 1))}},
                    {"type": "abs", "data": {"axis": "y", "value": int(py * 32767 / (height - 1))}}]
        self.command("input-send-event", events=abs_events(x + 1, y))
        time.sleep(0.1)
        self.command("input-send-event", events=abs_events(x, y))
        time.sleep(0.1)
        self.command("input-send-event", events=[{"type": "btn", "data": {"down": True, "button": "left"}}])
        time.sleep(0.15)
        self.command("input-send-event", events=[{"type": "btn", "data": {"down": False, "button": "left"}}])

    def screendump(self, path):
        self.command("screendump", filename=path)
        return Picture.load(path)


class Monitor:
    """The human monitor, for `sendkey` (keys held together, then released)."""

    def __init__(self, path, timeout=30):
        self.sock = _connect(path, timeout)
        self.sock.settimeout(30)
        self._until_prompt()

    def _until_prompt(self):
        data = b""
        while not data.endswith(b"(qemu) "):
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("monitor closed")
            data += chunk
        return data

    def run(self, line):
        self.sock.sendall(line.encode() + b"\n")
        return self._until_prompt()

    def sendkey(self, combo, hold_ms=150):
        self.run(f"sendkey {combo} {hold_ms}")


class GuestAgent:
    """qemu-guest-agent on a virtio serial port: runs shell commands in the guest as root."""

    def __init__(self, path):
        self.path = path
        self.sock = None
        self.file = None
        self.sync_id = int(time.time()) % 100000

    def _send(self, msg):
        self.file.write(json.dumps(msg).encode() + b"\n")
        self.file.flush()

    def sync(self, timeout):
        """Waits until the agent answers (it starts late in the boot); True when it does. Each
        try waits longer for the answer (a busy host can take seconds); the agent answers in
        order, so once the newest id comes back no stale answer is left to read."""
        deadline = time.monotonic() + timeout
        wait = 3.0
        while time.monotonic() < deadline:
            try:
                if self.sock is None:
                    self.sock = _connect(self.path, 5)
                    self.file = self.sock.makefile("rwb")
                self.sync_id += 1
                self._send({"execute": "guest-sync", "arguments": {"id": self.sync_id}})
                answer_by = time.monotonic() + wait
                while time.monotonic() < answer_by:
                    self.sock.settimeout(max(0.1, answer_by - time.monotonic()))
                    line = self.file.readline()
                    if not line:
                        raise ConnectionError("agent socket closed")
                    try:
                        msg = json.loads(line.strip(b"\xff"))
                    except ValueError:
                        continue
                    if msg.get("return") == self.sync_id:
                        self.sock.settimeout(120)
                        return True
            except socket.timeout:
                # The makefile reader is unusable after a timeout: a fresh one on the same socket.
                self.file = self.sock.makefile("rwb")
                wait = min(wait * 2, 30.0)
            except (OSError, ConnectionError):
                if self.sock is not None:
                    self.sock.close()
                self.sock = None
                time.sleep(1)
        return False

    def _call(self, name, **arguments):
        msg = {"execute": name}
        if arguments:
            msg["arguments"] = arguments
        self._send(msg)
        while True:
            line = self.file.readline()
            if not line:
                raise ConnectionError("agent socket closed")
            answer = json.loads(line)
            if "error" in answer:
                raise RuntimeError(f"guest agent {name}: {answer['error']}")
            if "return" in answer:
                return answer["return"]

    def sh(self, command, timeout=60):
        """Runs `sh -c COMMAND` in the guest; returns (exit code, stdout + stderr)."""
        pid = self._call("guest-exec", path="/bin/sh", arg=["-c", command], **{"capture-output": True})["pid"]
        deadline = time.monotonic() + timeout
        while True:
            status = self._call("guest-exec-status", pid=pid)
            if status.get("exited"):
                out = base64.b64decode(status.get("out-data", "")).decode(errors="replace")
                err = base64.b64decode(status.get("err-data", "")).decode(errors="replace")
                return status.get("exitcode", -1), out + err
            if time.monotonic() > deadline:
                raise TimeoutError(f"guest command still running after {timeout} s: {command}")
            time.sleep(0.2)

    def out(self, command, timeout=60):
        return self.sh(command, timeout)[1].strip()


class Picture:
    """A screendump (binary PPM) sampled on a grid, enough to tell screens apart quickly."""
    STEP = 4  # every 4th pixel in both directions

    def __init__(self, width, height, rgb):
        self.width, self.height, self.rgb = width, height, rgb

    @staticmethod
    def load(path):
        with open(path, "rb") as f:
            data = f.read()
        fields, pos = [], 0
        while len(fields) < 4:  # magic, width, height, maxval; '#' comments skipped
            while data[pos:pos + 1].isspace():
                pos += 1
            if data[pos:pos + 1] == b"#":
                pos = data.index(b"\n", pos) + 1
                continue
            end = pos
            while not data[end:end + 1].isspace():
                end += 1
            fields.append(data[pos:end])
            pos = end
        if fields[0] != b"P6":
            raise ValueError(f"{path}: not a binary PPM")
        return Picture(int(fields[1]), int(fields[2]), data[pos + 1:])

    def samples(self):
        w, rgb, step = self.width, self.rgb, self.STEP
        for y in range(0, self.height, step):
            row = y * w * 3
            for x in range(0, w, step):
                i = row + x * 3
                yield x, y, rgb[i], rgb[i + 1], rgb[i + 2]

    def dark_fraction(self):
        """Share of near-black pixels: a text console or a blank screen is mostly dark."""
        n = dark = 0
        for _, _, r, g, b in self.samples():
            n += 1
            dark += (r + g + b) < 60
        return dark / max(n, 1)

    def differs_from(self, other):
        """Share of sampled pixels that differ clearly (1.0 for a different size)."""
        if (self.width, self.height) != (other.width, other.height):
            return 1.0
        n = changed = 0
        a, b, step = self.rgb, other.rgb, self.STEP
        for y in range(0, self.height, step):
            row = y * self.width * 3
            for x in range(0, self.width, step):
                i = row + x * 3
                n += 1
                changed += abs(a[i] - b[i]) + abs(a[i + 1] - b[i + 1]) + abs(a[i + 2] - b[i + 2]) > 48
        return changed / max(n, 1)

    def largest_accent_box(self):
        """The bounding box (x0, y0, x1, y1) of the largest area in the picture's most common
        saturated colour: on the welcome screen, the big Start button."""
        counts = {}
        for _, _, r, g, b in self.samples():
            if max(r, g, b) - min(r, g, b) > 60:
                key = (r >> 3, g >> 3, b >> 3)
                counts[key] = counts.get(key, 0) + 1
        if not counts:
            return None
        accent = max(counts, key=counts.get)
        cells = {(x // self.STEP, y // self.STEP) for x, y, r, g, b in self.samples()
                 if (r >> 3, g >> 3, b >> 3) == accent}
        best = None
        while cells:  # connected areas, 4-neighbourhood, on the sample grid
            seed = cells.pop()
            stack, area = [seed], [seed]
            while stack:
                cx, cy = stack.pop()
                for nb in ((cx + 1, cy), (cx - 1, cy), (cx, cy + 1), (cx, cy - 1)):
                    if nb in cells:
                        cells.remove(nb)
                        stack.append(nb)
                        area.append(nb)
            if best is None or len(area) > len(best):
                best = area
        xs = [c[0] * self.STEP for c in best]
        ys = [c[1] * self.STEP for c in best]
        return min(xs), min(ys), max(xs), max(ys)
