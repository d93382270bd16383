#!/usr/bin/env python3
"""tools/bench_fs.py - file-system figures (`make bench` runs it).

Makes a fresh 192 MiB ext2 image (4 KiB blocks), boots the kernel on it
with init=kmon and runs the monitor's "fsbench / MIB": sequential write
of MIB MiB in 64 KiB writes plus fsync, the same read back with a cold
block cache, 16 MiB of it read warm, and small-file creation.  Repeats
RUNS times on fresh images and prints median/min/max.  Figures only.

Usage: tools/bench_fs.py [--runs N] [--mib M]
"""

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))
import qemu  # noqa: E402

FIGURE = re.compile(r"^fsbench (\w+) ([\d.]+) (\S+)$", re.M)


def mke2fs():
    return shutil.which("mke2fs") or "/sbin/mke2fs"


def run_once(mib):
    """{name: (value, unit)} from one fsbench run on a fresh image."""
    with tempfile.TemporaryDirectory(prefix="os-bench-") as top:
        image = Path(top) / "fresh.img"
        with open(image, "wb") as f:  # sized first: mke2fs then stays quiet
            f.truncate(192 << 20)
        subprocess.run([mke2fs(), "-q", "-F", "-t", "ext2", "-b", "4096",
                        str(image)], check=True)
        qemu.disk_workdir(top, image)
        with qemu.boot_to_prompt("init=kmon quiet", workdir=top, timeout=600) as q:
            out = q.command(f"fsbench / {mib}", timeout=580)
            q.send("poweroff\r")
            q.wait()
    return {m.group(1): (float(m.group(2)), m.group(3)) for m in FIGURE.finditer(out)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--mib", type=int, default=64)
    args = ap.parse_args()
    runs = [run_once(args.mib) for _ in range(args.runs)]
    names = [n for n in runs[0]] if runs and runs[0] else []
    print(f"fsbench / {args.mib} on a 192 MiB ext2 image (4 KiB blocks): {args.runs} runs")
    print(f"  {'figure':<16} {'median':>10} {'min':>10} {'max':>10}")
    for name in names:
        vals = [r[name][0] for r in runs if name in r]
        unit = runs[0][name][1]
        print(f"  {name:<16} {statistics.median(vals):>10.2f} {min(vals):>10.2f} "
              f"{max(vals):>10.2f} {unit}")
    if not names:
        print("  no figures: fsbench printed nothing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
