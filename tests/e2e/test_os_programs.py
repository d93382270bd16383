"""tests/e2e/test_os_programs.py - the tests/os programs inside the OS.

Each program in /tests is booted as init ("init=/tests/NAME"); it runs its
table of cases (each in a child process) and prints TAP-like lines and
"P passed, F failed"; its exit status, F, becomes QEMU's.  The same
programs pass on the Linux host (the os-host suite), which is the ground
truth for what they assert.  One test here per program; a failure shows
the program's failed cases.

fuzz (100,000 random system calls, then checks that processes and files
still work) runs on a real copy of the disk rather than a snapshot, so
that after its clean power-off the host can check the image with
e2fsck -fn: whatever the calls did, the filesystem must be consistent.
"""

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import Qemu, disk_workdir, exit_status  # noqa: E402
from test_fs import e2fsck  # noqa: E402

PROGRAMS = ["files", "fds", "proc", "mem", "pipes", "poll", "signals", "time",
            "misc", "robust", "tty", "multioom", "fuzz", "procfs"]
PROGRAMS += ["libc_malloc", "libc_getopt", "libc_stdlib", "libc_string", "libc_misc", "libc_time"]  # the libc's own tests
PROGRAMS += ["libc_stdio", "libc_stdio_buf"]  # the libc's streams
PROGRAMS += ["sockets", "sockets_api", "sockets_udp"]  # sockets on lwIP
PROGRAMS += ["libc_net", "libc_net_sock", "libc_net_dns"]  # the libc's network part
PROGRAMS += ["clone"]  # threads in the kernel: clone, futex, thread groups
PROGRAMS += ["pthread", "pthread_mutex", "pthread_cond", "pthread_stdio", "pthread_stress"]  # the libc's threads
PROGRAMS += ["vfork", "spawn_glibc"]  # vfork, clone(CLONE_VM); glibc's system, popen, posix_spawn
PROGRAMS += ["fifo"]  # named pipes: mknod, open's waits, data through the kernel pipe
PROGRAMS += ["mmap_file", "static_pie"]  # file mappings; a glibc static-pie program
# fuzz takes 5-12 s alone under TCG; fuzz.c gives its case 240 s
TIMEOUTS = {"fuzz": 600}
CHECK_DISK = {"fuzz", "fifo"}  # e2fsck -fn the disk after the clean power-off
SUMMARY = r"(?:^|(?<=\n))(\d+) passed, (\d+) failed\n"


def run_program(name):
    timeout = TIMEOUTS.get(name, 300)
    if name not in CHECK_DISK:
        boot(name, timeout)
        return
    with tempfile.TemporaryDirectory(prefix=f"os-{name}-") as top:
        image = disk_workdir(top)
        boot(name, timeout, workdir=top)
        rc, report = e2fsck(image)
        assert rc == 0, f"e2fsck -fn after {name} found problems:\n{report}"


def boot(name, timeout, workdir=None):
    """Boots /tests/NAME as init; its cases must pass and it must power
    off with status 0."""
    with Qemu(f"init=/tests/{name} quiet", timeout=timeout,
              workdir=workdir) as q:
        m = q.expect(SUMMARY, timeout - 10)
        passed, failed = int(m.group(1)), int(m.group(2))
        rc = q.wait(60)
        bad = re.findall(r"^not ok .*$", q.log, re.M)
        # the failed cases on the first line: it is what the summary shows
        assert failed == 0 and passed > 0, f"{passed} passed, {failed} failed: " + \
            " | ".join(bad)
        assert rc == exit_status(0), f"QEMU exit status {rc}"


def _make(name):
    def test():
        run_program(name)
    test.__name__ = f"test_{name}"
    return test


for _name in PROGRAMS:
    globals()[f"test_{_name}"] = _make(_name)
