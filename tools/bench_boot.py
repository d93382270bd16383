#!/usr/bin/env python3
"""tools/bench_boot.py - boot-time figures (`make bench` runs it).

Boots the kernel RUNS times (default 5) with "init=kmon" on the contract
machine (tests/e2e/qemu.py) and measures, for each boot:
  wall    seconds from starting QEMU to the arrival of the serial line
          containing "kernel: ready" (QEMU start-up, firmware, loader and
          kernel together, as a user waits for them)
  kernel  the kernel's own timestamp on that line (time since the kernel
          started counting)
then types "poweroff" and prints median/min/max of both.  --iso does the
same through build/os.iso (GRUB).  Figures only: the exit status is 0
unless QEMU could not run.

Usage: tools/bench_boot.py [--runs N] [--iso]
"""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))
import qemu  # noqa: E402

READY = r"(?:^|(?<=\n))\[\s*(\d+\.\d{6})\] kernel: ready\n"
TIMEOUT = 120


def boot_once(iso):
    """(wall seconds, kernel seconds) of one boot to "kernel: ready"."""
    args = {"iso": qemu.ISO} if iso else {"cmdline": "init=kmon"}
    with qemu.Qemu(timeout=TIMEOUT, **args) as q:
        m = q.expect(READY, TIMEOUT)
        wall = q.arrival(m.end() - 1) - q.start_time
        q.prompt()
        q.send("poweroff\r")
        q.wait()
    return wall, float(m.group(1))


def row(label, values):
    return (f"  {label:<30} {statistics.median(values):9.3f} "
            f"{min(values):9.3f} {max(values):9.3f}")


def bench(title, runs, iso):
    walls, kernels = [], []
    for _ in range(runs):
        wall, kernel = boot_once(iso)
        walls.append(wall)
        kernels.append(kernel)
    print(f"{title}: {runs} boots")
    print(f"  {'seconds':<30} {'median':>9} {'min':>9} {'max':>9}")
    print(row("wall: QEMU start to ready", walls))
    print(row("kernel timestamp of ready", kernels))


def main():
    parser = argparse.ArgumentParser(description="Boot-time figures.")
    parser.add_argument("--runs", type=int, default=5, help="boots (default 5)")
    parser.add_argument("--iso", action="store_true",
                        help="also boot build/os.iso through GRUB")
    args = parser.parse_args()
    runs = max(1, args.runs)
    try:
        bench("-kernel build/kernel.elf -append init=kmon", runs, False)
        if args.iso:
            bench(f"-cdrom {qemu.ISO} (GRUB)", runs, True)
    except (qemu.QemuError, OSError) as e:
        print(f"bench_boot: QEMU could not run: {e}", file=sys.stderr)
        return 1
    finally:
        qemu.kill_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
