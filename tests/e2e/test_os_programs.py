"""tests/e2e/test_os_programs.py - the tests/os programs inside the OS.

Each program in /tests is booted as init ("init=/tests/NAME"); it runs its
table of cases (each in a child process) and prints TAP-like lines and
"P passed, F failed"; its exit status, F, becomes QEMU's.  The same
programs pass on the Linux host (the os-host suite), which is the ground
truth for what they assert.  One test here per program; a failure shows
the program's failed cases.

fuzz is left out for now: it survives its 100,000 calls, but afterwards a
new file cannot get a block (ENOSPC) although the disk has room; see the
note on issue 4.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import Qemu, exit_status  # noqa: E402

PROGRAMS = ["files", "fds", "proc", "mem", "pipes", "poll", "signals", "time",
            "misc", "robust", "tty", "multioom"]
PROGRAMS += ["libc_malloc", "libc_getopt", "libc_stdlib"]  # the libc's own tests
SUMMARY = r"(?:^|(?<=\n))(\d+) passed, (\d+) failed\n"


def run_program(name):
    with Qemu(f"init=/tests/{name} quiet", timeout=300) as q:
        m = q.expect(SUMMARY, 290)
        passed, failed = int(m.group(1)), int(m.group(2))
        rc = q.wait(60)
        bad = re.findall(r"^not ok .*$", q.log, re.M)
        assert failed == 0 and passed > 0, f"{passed} passed, {failed} failed:\n" + \
            "\n".join(bad)
        assert rc == exit_status(0), f"QEMU exit status {rc}"


def _make(name):
    def test():
        run_program(name)
    test.__name__ = f"test_{name}"
    return test


for _name in PROGRAMS:
    globals()[f"test_{_name}"] = _make(_name)
