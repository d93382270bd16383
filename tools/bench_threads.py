#!/usr/bin/env python3
"""tools/bench_threads.py - what threads and mutexes cost, on this OS and
on the Linux reference (`make bench` runs it).

build/bench/threadbench (tools/bench/threadbench.c: static i386 on this
project's libc and its pthreads; `make bench` builds it) prints
thread_create_join in threads/s and mutex_uncontended,
mutex_contended_2 and mutex_contended_4 in ns per lock+unlock round.
On this OS it runs as init from a fresh ext2 image ("init=/threadbench
quiet"), as bench_exec.py runs execbench; on Linux as the payload of
the reference guest of ../shared/linux-ref (Debian's i386 kernel on the
same QEMU machine, TCG, one CPU), booted as bench_exec.py boots it, with
the guest's kernel from BENCH_CACHE (default build/linux-ref-cache) or
the reference's own .cache; without it the Linux side is skipped, said
so.  Each side runs RUNS times: median, min, max, and for each figure
this OS's median over Linux's (for threads/s above 1 is faster, for
ns/round below 1 is).  Figures only, never pass/fail.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "tools"))
import qemu  # noqa: E402
from bench_exec import (GUEST_KARGS, REF, build_qexit, figures, guest_cache,  # noqa: E402
                        setup_guest, table)

BINARY = ROOT / "build" / "bench" / "threadbench"


def run_os(args):
    with tempfile.TemporaryDirectory(prefix="os-threads-") as top:
        stage = Path(top) / "root"
        stage.mkdir()
        shutil.copy(BINARY, stage / "threadbench")
        (stage / "dev").mkdir()
        (stage / "proc").mkdir()
        image = Path(top) / "fresh.img"
        with open(image, "wb") as f:
            f.truncate(16 << 20)
        mke2fs = shutil.which("mke2fs") or "/sbin/mke2fs"
        subprocess.run([mke2fs, "-q", "-F", "-t", "ext2", "-d", str(stage), str(image)],
                       check=True)
        qemu.disk_workdir(top, image)
        cmdline = "init=/threadbench quiet" + (" -- " + " ".join(args) if args else "")
        with qemu.Qemu(cmdline, workdir=top, timeout=300) as q:
            q.expect(r"init exited with status \d+\n", 290)
            q.wait()
            return figures(q.log)


def run_linux(lg, qexit, args):
    with tempfile.TemporaryDirectory(prefix="linux-threads-") as tmp:
        config = Path(tmp) / "config"
        config.write_text("")  # no disk, not verbose
        cpio = Path(tmp) / "initramfs.cpio"
        subprocess.run([sys.executable, str(REF / "linux-guest" / "mkinitramfs.py"), "build",
                        "--out", str(cpio), "--busybox", str(lg / "busybox"),
                        "--init", str(REF / "linux-guest" / "init.sh"),
                        "--modules", str(lg / "modules"),
                        "--file", f"{qexit}:/bin/qexit", "--file", f"{config}:/bench/config",
                        "--payload", str(BINARY), "--", *args], check=True)
        cmd = ["qemu-system-i386", "-accel", "tcg", "-m", "128M",
               "-kernel", str(lg / "vmlinuz"), "-initrd", str(cpio), "-append", GUEST_KARGS,
               "-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0",
               "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
               "-serial", "stdio", "-display", "none", "-no-reboot"]
        proc = subprocess.run([sys.executable, str(REF / "tools" / "serialrun.py"),
                               "--timeout", "240", "--quiet", "--", *cmd],
                              capture_output=True, text=True, errors="replace")
        return figures(proc.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("-T", "--target-ms", type=int, help="threadbench's time per figure")
    ap.add_argument("--setup-linux", action="store_true",
                    help="fetch the Linux guest first if it is not there")
    ap.add_argument("--no-linux", action="store_true")
    args = ap.parse_args()
    if not BINARY.exists():
        print(f"bench_threads: {BINARY.relative_to(ROOT)} not built (make bench builds it)")
        return 1
    pargs = ["-T", str(args.target_ms)] if args.target_ms else []
    runs = [run_os(pargs) for _ in range(args.runs)]
    if not all(runs):
        print("bench_threads: threadbench printed no figures on this OS")
        return 1
    ours = table("threadbench on this OS", runs)
    if args.no_linux:
        return 0
    if not (REF / "linux-guest").is_dir():
        print("bench_threads: ../shared/linux-ref not found; no Linux figures")
        return 0
    if not guest_cache() and args.setup_linux:
        setup_guest()
    lg = guest_cache()
    if not lg:
        print("bench_threads: the Linux guest is not set up; no Linux figures "
              "(make bench BENCH_EXEC_ARGS=--setup-linux fetches it)")
        return 0
    qexit = build_qexit()
    runs = [run_linux(lg, qexit, pargs) for _ in range(args.runs)]
    if not all(runs):
        print("bench_threads: threadbench printed no figures on the Linux guest")
        return 0
    theirs = table("threadbench on the Linux reference guest", runs)
    print("  this OS / Linux: " + ", ".join(
        f"{n} {ours[n] / theirs[n]:.2f}" for n in ours if n in theirs and theirs[n]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
