#!/usr/bin/env python3
"""tools/bench_micro.py - the reference microbenchmark on this OS
(`make bench` runs it).

Builds ../shared/linux-ref/progs/microbench.c (static i386, raw int 0x80,
the same binary the Linux reference figures come from), puts it on a
fresh 64 MiB ext2 image, boots it as init ("init=/microbench -- -d /"),
and prints its lines: getpid ns/call, pipe ping-pong round trips/s,
fork+exit+wait per second, 16 MiB file write+fsync and read MB/s,
open+close ns.  Repeats RUNS times and prints median/min/max.  Figures
only; without ../shared/linux-ref it says so and exits 0.
"""

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
import qemu  # noqa: E402

PROGS = ROOT.parent / "shared" / "linux-ref" / "progs"
LINE = re.compile(r"^(\S+) ([\d.]+) (\S+)$", re.M)


def build(out):
    subprocess.run(["make", "-s", "-C", str(PROGS), f"OUT={out}", f"{out}/microbench"],
                   check=True, stdout=subprocess.DEVNULL)
    return out / "microbench"


def run_once(binary):
    with tempfile.TemporaryDirectory(prefix="os-micro-") as top:
        stage = Path(top) / "root"
        stage.mkdir()
        shutil.copy(binary, stage / "microbench")
        (stage / "dev").mkdir()
        (stage / "proc").mkdir()
        image = Path(top) / "fresh.img"
        with open(image, "wb") as f:
            f.truncate(64 << 20)
        mke2fs = shutil.which("mke2fs") or "/sbin/mke2fs"
        subprocess.run([mke2fs, "-q", "-F", "-t", "ext2", "-d", str(stage), str(image)],
                       check=True)
        qemu.disk_workdir(top, image)
        with qemu.Qemu("init=/microbench quiet -- -d /", workdir=top, timeout=300) as q:
            q.expect(r"init exited with status \d+\n", 290)
            q.wait()
            return {m.group(1): (float(m.group(2)), m.group(3))
                    for m in LINE.finditer(q.log)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not (PROGS / "microbench.c").exists():
        print("bench_micro: ../shared/linux-ref/progs not found; skipped")
        return 0
    binary = build(ROOT / "build" / "linuxref")
    runs = [run_once(binary) for _ in range(args.runs)]
    print(f"linux-ref microbench on this OS: {args.runs} runs")
    print(f"  {'figure':<16} {'median':>12} {'min':>12} {'max':>12}")
    for name in runs[0]:
        vals = [r[name][0] for r in runs if name in r]
        print(f"  {name:<16} {statistics.median(vals):>12.1f} {min(vals):>12.1f} "
              f"{max(vals):>12.1f} {runs[0][name][1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
