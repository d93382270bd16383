"""tests/e2e/bootrun.py - run one program inside the OS through
/sbin/init's test mode ("init=/sbin/init quiet -- PROGRAM ARGS").

    out, status = boot_run(["/bin/ps"])

boots a fresh QEMU (the shared read-only disk, see qemu.py), waits for
init's "init: started (pid 1)" and the kernel's "init exited with status
N", and returns what came in between (the program's output, and what was
echoed of anything typed) and N.  boot_session() gives the running Qemu
instead, for tests that type at the program (use it with `with`).
"""

import re

from qemu import Qemu

STARTED = "init: started (pid 1)\n"
EXITED = r"^(\[ *\d+\.\d+\] )?init exited with status (\d+)\n"


def boot_session(argv, timeout=60, **kwargs):
    """A Qemu running ARGV under init, past init's first line."""
    q = Qemu("init=/sbin/init quiet -- " + " ".join(argv), timeout=timeout, **kwargs)
    try:
        q.expect(re.escape(STARTED), timeout - 5)
    except BaseException:
        q.close()
        raise
    return q


def finish(q, timeout=50):
    """Waits for init to exit; returns (the output since init's first
    line, init's status)."""
    m = q.expect(EXITED, timeout, re.M)
    q.wait(30)
    log = q.log
    start = log.index(STARTED) + len(STARTED)
    end = log.rfind("\n", 0, log.rfind("init exited with status")) + 1
    return log[start:end], int(m.group(2))


def boot_run(argv, timeout=60):
    """Boots with init running ARGV; returns (its output, its status)."""
    with boot_session(argv, timeout) as q:
        return finish(q, timeout - 5)
