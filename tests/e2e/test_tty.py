"""tests/e2e/test_tty.py - typing at the console: canonical editing, ^D,
^C to the foreground group, raw mode.

Each scenario drives one helper of tests/os/tty (see its header) twice:
in the OS, booted as init with the serial line as the keyboard, and on
the Linux host on a pseudo-terminal (tests/e2e/hostterm.py), which is
the ground truth: the same keys must give the same output on both.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostterm import HostTerminal  # noqa: E402
from qemu import Qemu, exit_status  # noqa: E402

HOST_TTY = Path(__file__).resolve().parents[2] / "build" / "tests-os" / "tty"


def canon(t):
    t.expect(r"ready\n")
    t.send("abc")
    t.send("\x7fd\n")  # DEL erases the c
    t.expect(r"abc\x08 \x08d\ngot 4 \[abd\\n\]\n")
    t.send("xx\x15yz\n")  # ^U kills the line
    t.expect(r"got 3 \[yz\\n\]\n")
    t.send("one two\x17three\n")  # ^W erases a word
    t.expect(r"got 10 \[one three\\n\]\n")
    t.send("ab\x04")  # ^D ends a line without a newline
    t.expect(r"got 2 \[ab\]\n")
    t.send("\x04")  # and on an empty line is the end of file
    t.expect(r"eof\n")


def sigint(t):
    t.expect(r"child reading\n")
    t.send("\x03")
    t.expect(r"\^Cchild killed by signal 2\nparent alive\n")
    t.check_absent(r"child read returned")


def raw(t):
    t.expect(r"raw ready\n")
    t.send("x")  # no Enter, no echo
    t.expect(r"got 1 \[x\]\n")
    assert re.search(r"raw ready\ngot 1", t.log), "the key was echoed"
    t.expect(r"timeout read 0\ncooked again\n")


def on_the_os(scenario, name):
    with Qemu(f"init=/tests/tty quiet -- --helper {name}", timeout=120) as q:
        scenario(q)
        assert q.wait(30) == exit_status(0), "tty helper failed"


def on_linux(scenario, name):
    assert HOST_TTY.exists(), f"{HOST_TTY} is not built (make user)"
    with HostTerminal([str(HOST_TTY), "--helper", name], timeout=30) as t:
        scenario(t)
        assert t.wait(10) == 0, f"tty helper failed:\n{t.log}"


def test_canonical_editing_in_the_os():
    on_the_os(canon, "canon")


def test_canonical_editing_on_linux():
    on_linux(canon, "canon")


def test_ctrl_c_kills_the_foreground_group_in_the_os():
    on_the_os(sigint, "sigint")


def test_ctrl_c_kills_the_foreground_group_on_linux():
    on_linux(sigint, "sigint")


def test_raw_mode_in_the_os():
    on_the_os(raw, "raw")


def test_raw_mode_on_linux():
    on_linux(raw, "raw")
