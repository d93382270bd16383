"""tests/e2e/test_boot.py - booting with -kernel and powering off.

Each test_* function boots QEMU (tests/e2e/qemu.py) and checks one thing
end to end; tests/run.py runs them.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import Qemu, exit_status  # noqa: E402

TIMESTAMP = r"^\[\s*(\d+)\.(\d{6})\] "


def test_boot_to_prompt_and_poweroff():
    # A program that does not exist: the kernel says so and falls back
    # to the monitor.
    with Qemu("init=/no/such/init") as q:
        q.expect(r"Teaching OS \S+ \(i386\), booted by qemu\n")
        q.expect(r"init: /no/such/init, 0 arguments\n")
        q.expect(r"\] kernel: ready\n")
        q.expect(r"init: cannot run /no/such/init \(error 2\); starting the kernel monitor")
        q.prompt()
        q.send("poweroff 7\r")
        q.expect(r"\] power: off \(status 7\)\n")
        assert q.wait() == 15 == exit_status(7), f"exit status {q.proc.returncode}"


def test_poweroff_without_status_exits_1():
    with Qemu("init=kmon") as q:
        q.prompt()
        q.send("poweroff\r")
        q.expect(r"power: off \(status 0\)")
        rc = q.wait()
        assert rc == 1, f"QEMU exit status {rc}, expected 1"


def test_log_timestamps_never_go_back():
    with Qemu("init=kmon") as q:
        q.prompt()
        log = q.log
        q.send("poweroff\r")
        q.wait()
    stamps = [int(s) * 1000000 + int(us)
              for s, us in re.findall(TIMESTAMP, log, re.M)]
    assert len(stamps) >= 5, f"only {len(stamps)} time-stamped lines"
    assert stamps == sorted(stamps), f"timestamps go back: {stamps}"
    m = re.search(r"time: TSC (\d+)\.\d{3} MHz, timer 1000 Hz", log)
    assert m and int(m.group(1)) > 0, "no 'time: TSC ... MHz, timer 1000 Hz'"


def test_memory_map_and_frames_at_boot():
    with Qemu("init=kmon") as q:
        ranges = []
        while True:
            m = q.expect(r"mem: \[0x([0-9a-f]{8})-0x([0-9a-f]{8})\] (\w+)\n|"
                         r"pmm: (\d+) KiB free in (\d+) frames\n")
            if m.group(4):
                break
            ranges.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3)))
        kib, frames = int(m.group(4)), int(m.group(5))
        q.prompt()
    usable = sum(hi - lo + 1 for lo, hi, kind in ranges if kind == "usable")
    assert 120 * 1024 * 1024 < usable <= 128 * 1024 * 1024, \
        f"usable RAM {usable} bytes with -m 128M: {ranges}"
    assert kib == frames * 4 and 0 < kib * 1024 < usable, \
        f"pmm: {kib} KiB in {frames} frames of {usable} usable bytes"
