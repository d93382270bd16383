#!/usr/bin/env python3
"""tools/bench_threads.py - what threads and mutexes cost, on this OS and
on the Linux reference (`make bench` runs it).

build/bench/threadbench (tools/bench/threadbench.c: static i386 on this
project's libc and its pthreads; `make bench` builds it) prints
thread_create_join in threads/s and mutex_uncontended,
mutex_contended_2 and mutex_contended_4 in ns per lock+unlock round.
It runs on this OS and on the Linux reference guest as bench_payload.py
describes; for each figure this OS's median over Linux's (for threads/s
above 1 is faster, for ns/round below 1 is).  Figures only, never
pass/fail.
"""

import sys

import bench_payload

if __name__ == "__main__":
    sys.exit(bench_payload.main("threads", bench_payload.ROOT / "build" / "bench" / "threadbench",
                                image_mib=16))
