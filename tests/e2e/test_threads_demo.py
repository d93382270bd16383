"""tests/e2e/test_threads_demo.py - the threads demo (user/bin/threads.c:
a counter shared by threads, copied by fork) prints the same lines on the
Linux host and inside the OS.

Its first two parts are deterministic: THREADS x COUNT increments under a
mutex all land in the one counter, and a forked child's COUNT increments
never reach the parent.  The third (-r, no mutex) loses a varying number
of updates (usually many, but none is possible): only its shape is
checked, and that the count adds up.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "utils"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bootrun import boot_run  # noqa: E402
from compare import bad_option, ours, run  # noqa: E402

OUTPUT = """\
1. threads: one address space
   {t} threads each add 1 to the counter {n} times, holding a mutex
   main thread reads counter = {total} ({t} x {n}): every thread's increments are in its memory
   the threads' getpid() is the main thread's: yes, one process
2. fork: a copy of the address space
   child adds 1 to the counter {n} times and reads counter = {n} (same address as the parent's: yes)
   parent, after the child's exit, reads counter = 0: the child changed only its own copy
"""
RACE = re.compile(r"^3\. threads without the mutex: a race\n"
                  r"   (\d+) threads x (\d+) unprotected increments: counter = (\d+), "
                  r"(\d+) lost \(varies from run to run\)\n\Z", re.M)


def expected(t=4, n=100000):
    return OUTPUT.format(t=t, n=n, total=t * n)


def check_race(out, t, n):
    m = RACE.search(out)
    assert m, out
    threads, count, counter, lost = map(int, m.groups())
    assert (threads, count) == (t, n) and counter + lost == t * n and counter >= 1, out


def test_threads_demo_on_linux():
    r = run(ours("threads"), [], argv0="threads")
    assert r.status == 0 and r.stdout.decode() == expected() and not r.stderr, r.describe()
    r = run(ours("threads"), ["-t", "8", "-n", "5000", "-r"], argv0="threads")
    out = r.stdout.decode()
    assert r.status == 0 and out.startswith(expected(8, 5000)), r.describe()
    check_race(out, 8, 5000)


def test_threads_demo_usage():
    bad_option("threads")
    for args in (["-t", "0"], ["-t", "65"], ["-n", "x"], ["extra"]):
        r = run(ours("threads"), args, argv0="threads")
        assert r.status == 2 and b"usage: threads" in r.stderr, r.describe()


def test_threads_demo_in_the_os():
    out, rc = boot_run(["/bin/threads"])
    assert rc == 0 and out == expected(), out
    out, rc = boot_run(["/bin/threads", "-r", "-t", "3"], timeout=120)
    assert rc == 0 and out.startswith(expected(3)), out
    check_race(out, 3, 1000000)  # -r's own count without -n
