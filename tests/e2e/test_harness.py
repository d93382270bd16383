"""tests/e2e/test_harness.py - tests of tests/e2e/qemu.py itself.

A kernel that never powers off must be caught by the overall timeout:
QEMU killed by its PID, the error naming the timeout and carrying the
serial log.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import Qemu, QemuError, QemuTimeout  # noqa: E402


def test_hung_kernel_is_killed_by_the_overall_timeout():
    start = time.monotonic()
    with Qemu("init=kmon", timeout=4) as q:
        q.prompt()
        try:
            q.wait(60)  # the monitor never exits by itself
        except QemuTimeout as e:
            error = str(e)
        else:
            raise AssertionError("wait() returned for a machine that never stops")
        assert q.proc.poll() is not None, "QEMU still runs after the timeout"
    elapsed = time.monotonic() - start
    assert elapsed < 15, f"took {elapsed:.1f}s to give up on a 4s timeout"
    assert "overall timeout of 4s expired" in error, error
    assert "kernel: ready" in error and "--- serial log ---" in error, \
        "the error does not carry the serial log"


def test_expect_timeout_shows_the_log():
    with Qemu("init=kmon") as q:
        q.prompt()
        try:
            q.expect(r"this never appears", timeout=1)
        except QemuTimeout:
            raise AssertionError("the overall timeout fired instead")
        except QemuError as e:
            error = str(e)
        else:
            raise AssertionError("expect() matched text that is not there")
        assert error.startswith("no /this never appears/ within 1s"), error
        assert "kmon> " in error, "the error does not carry the serial log"


def test_exit_before_match_is_reported():
    with Qemu("init=kmon") as q:
        q.prompt()
        q.send("poweroff 2\r")
        try:
            q.expect(r"kmon> ", timeout=30)
        except QemuError as e:
            assert "QEMU exited (status 5)" in str(e), str(e)
        else:
            raise AssertionError("expect() matched after QEMU exited")
