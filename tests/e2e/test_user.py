"""tests/e2e/test_user.py - user programs as processes, end to end.

The kernel runs init= from the ext2 root as pid 1 in ring 3: a static
hello world built by the ordinary `gcc -m32 -static` (glibc) prints its
line unchanged, init's exit status becomes QEMU's, and a program that
does not exist leaves the kernel monitor in charge.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import Qemu, exit_status  # noqa: E402


def test_glibc_static_hello_runs_unchanged():
    with Qemu("init=/tests/hello_glibc quiet") as q:
        q.expect(r"^hello from glibc\n", 30)
        q.expect(r"init exited with status 0\n", 30)
        rc = q.wait()
        assert rc == exit_status(0), f"QEMU exit status {rc}"


def test_init_runs_its_arguments_and_passes_on_the_status():
    # /sbin/init runs argv[1..] as a child and exits with its status.
    with Qemu("init=/sbin/init quiet -- /tests/hello_glibc") as q:
        q.expect(r"init: started \(pid 1\)\n", 30)
        q.expect(r"hello from glibc\n", 30)
        q.expect(r"init exited with status 0\n", 30)
        rc = q.wait()
        assert rc == exit_status(0), f"QEMU exit status {rc}"
