"""tests/e2e/hostterm.py - a program on a host pseudo-terminal: Linux's side
of the terminal tests.

The pseudo-terminal is the program's controlling terminal (a new session
that takes it, as a login does), 25 rows by 80 columns like the OS's VGA
console, so the same tests/os/tty program and the same typed input can run
on Linux, the ground truth, and in the OS over the serial line.

    with HostTerminal([path, "--helper", "canon"]) as t:
        t.expect("ready\\n"); t.send("abc\\n"); t.expect(r"got 4")

HostTerminal has the part of qemu.Qemu's interface the tests use (send,
expect, check_absent, log, wait), with carriage returns dropped as there.
"""

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time

ROWS, COLS = 25, 80


def open_terminal():
    """A new pseudo-terminal pair (master, slave) sized like the console."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return master, slave


def take_terminal():
    """preexec_fn for a child in a new session: fd 0 becomes its
    controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class HostTerminal:
    def __init__(self, argv, cwd=None, timeout=60):
        self.master, slave = open_terminal()
        self.proc = subprocess.Popen(argv, cwd=cwd, stdin=slave, stdout=slave,
                                     stderr=slave, start_new_session=True,
                                     preexec_fn=take_terminal)
        os.close(slave)
        self.deadline = time.monotonic() + timeout
        self.log = ""
        self._pos = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        os.close(self.master)

    def send(self, text):
        os.write(self.master, text.encode())

    def _read(self, timeout):
        """True if output came, None if none within TIMEOUT, False at the
        end (every slave descriptor closed)."""
        ready, _, _ = select.select([self.master], [], [], max(timeout, 0))
        if not ready:
            return None
        try:
            data = os.read(self.master, 4096)
        except OSError:  # EIO: the program and its children are gone
            return False
        self.log += data.decode(errors="replace").replace("\r", "")
        return bool(data)

    def expect(self, regex, timeout=30):
        end = min(time.monotonic() + timeout, self.deadline)
        pattern = re.compile(regex)
        while True:
            m = pattern.search(self.log, self._pos)
            if m:
                self._pos = m.end()
                return m
            left = end - time.monotonic()
            if left <= 0 or self._read(left) is False:
                raise AssertionError(f"no /{regex}/ within {timeout}s; output:\n{self.log}")

    def check_absent(self, regex):
        m = re.search(regex, self.log, re.M)
        if m:
            raise AssertionError(f"unexpected {m.group(0)!r} in the output:\n{self.log}")

    def wait(self, timeout=30):
        """Waits for the program to exit, reads what it left, and returns
        its exit status."""
        status = self.proc.wait(timeout)
        while self._read(0.1):
            pass
        return status
