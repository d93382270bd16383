"""tests/e2e/test_monitor.py - typing at the kernel monitor over serial.

Input goes through the whole serial path (UART interrupt, the driver's
two halves, line editing) before a command runs, so these tests cover
serial input as well as the commands.
"""

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import boot_to_prompt  # noqa: E402

COMMANDS = ["help", "mem", "ticks", "log", "poweroff", "panic", "fault"]


def monitor():
    """A QEMU booted to the monitor prompt (use it with `with`)."""
    return boot_to_prompt("init=kmon")


def power_off(q, status=0):
    q.send(f"poweroff {status}\r")
    rc = q.wait()
    assert rc == 2 * status + 1, f"QEMU exit status {rc}, expected {2 * status + 1}"


def listed_commands(out):
    return re.findall(r"^  (\w+) ", out, re.M)


def test_help_lists_the_commands():
    with monitor() as q:
        out = q.command("help")
        power_off(q)
    missing = set(COMMANDS) - set(listed_commands(out))
    assert not missing, f"help does not list {sorted(missing)}: {out!r}"


def test_mem_reports_free_frames():
    with monitor() as q:
        out = q.command("mem")
        power_off(q)
    m = re.search(r"^frames: (\d+) free of (\d+) \((\d+) KiB free\)$", out, re.M)
    assert m, f"no frames line in {out!r}"
    free, total, kib = map(int, m.groups())
    assert 0 < free <= total and kib == free * 4, m.group(0)
    assert re.search(r"^heap: ", out, re.M), f"no heap line in {out!r}"
    assert re.search(r"^  0x[0-9a-f]+-0x[0-9a-f]+ ", out, re.M), \
        f"no memory map line in {out!r}"


def read_ticks(q):
    out = q.command("ticks")
    m = re.search(r"^ticks: (\d+) \(1000 Hz\)$", out, re.M)
    assert m, f"no ticks line in {out!r}"
    assert re.search(r"^uptime: \d+\.\d{6} s \(TSC \d+ kHz\)$", out, re.M), out
    irq0 = re.search(r"^irq 0: (\d+)$", out, re.M)  # absent while 0
    return int(m.group(1)), int(irq0.group(1)) if irq0 else 0


def test_ticks_increase():
    with monitor() as q:
        ticks1, irq1 = read_ticks(q)
        time.sleep(0.3)
        ticks2, irq2 = read_ticks(q)
        power_off(q)
    assert ticks2 > ticks1 and irq2 > irq1, \
        f"ticks {ticks1} -> {ticks2}, irq 0 {irq1} -> {irq2}"


def test_unknown_command():
    with monitor() as q:
        out = q.command("frobnicate now")
        assert out == "frobnicate: unknown command (try help)\n", repr(out)
        assert q.command("") == "", "an empty line printed something"
        power_off(q)


def test_bad_poweroff_status_is_refused():
    with monitor() as q:
        for bad in ["256", "abc", "-1", "99999999999", "7x"]:
            out = q.command(f"poweroff {bad}")
            assert out == "poweroff: status must be a number 0-255\n", \
                f"poweroff {bad}: {out!r}"
        power_off(q, 4)


def test_backspace_edits_the_line():
    # Typed: "hxlp", three DELs -> "h", then "elp" -> "help".  Unedited,
    # the line would be an unknown command.
    with monitor() as q:
        out = q.command("hxlp\x7f\x7f\x7felp")
        assert listed_commands(out)[:3] == COMMANDS[:3], f"got {out!r}"
        # ^H works as well: "mex" + BS + "m" -> "mem".
        out = q.command("mex\bm")
        assert "frames:" in out, f"got {out!r}"
        power_off(q)


def test_ctrl_u_kills_the_line():
    with monitor() as q:
        out = q.command("panic now\x15ticks")
        assert out.startswith("ticks: "), f"got {out!r}"
        power_off(q)
