#!/usr/bin/env python3
"""tools/bench_exec.py - execve per second, on this OS and on the Linux
reference (`make bench` runs it).

build/bench/execbench (tools/bench/execbench.c: static i386 on this
project's libc; `make bench` builds it) prints fork_execve_wait and
execve in execs/s.  It runs on this OS as init from a fresh 64 MiB ext2
image and on the Linux reference guest as its payload, as
bench_payload.py describes (the program's pages come from RAM there and
from the block cache here).  Figures only, never pass/fail.

Reading them: this OS copies each program into fresh frames, Linux maps
it from its page cache.  Under TCG a copy into frames that last held
code the guest ran seems to cost QEMU its translations of that code: a
chain link (which runs snprintf before its execve) makes the next load
about three times slower than a child that exits at once, which is why
this OS's execve chain is slower than its fork+execve+wait.
"""

import sys

import bench_payload

if __name__ == "__main__":
    sys.exit(bench_payload.main("exec", bench_payload.ROOT / "build" / "bench" / "execbench",
                                image_mib=64))
