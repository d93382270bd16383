"""tools/bench_payload.py - runs one static benchmark program on this OS
and on the Linux reference guest, and prints both sides' figures.

The program prints lines "NAME VALUE UNIT".  On this OS it runs as init
from a fresh ext2 image ("init=/PROGRAM quiet -- ARGS").  On Linux it
runs as the payload of the reference guest of ../shared/linux-ref
(Debian's i386 kernel on the same QEMU machine, TCG; the program sits in
the initramfs), booted the way linux-guest/run.sh boots it but with
every file it writes under build/.  The guest's kernel comes from
BENCH_CACHE (default build/linux-ref-cache) or the reference's own
.cache; --setup-linux fetches it there first (linux-guest/setup.sh:
apt-get download, ~55 MB).  Without it the Linux side is skipped, said
so.  Each side runs RUNS times: median, min, max, and this OS's median
over Linux's.  Figures only, never pass/fail.

bench_exec.py and bench_threads.py are this with their program's name;
bench_net.py uses the guest helpers.
"""

import argparse
import os
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

REF = ROOT.parent / "shared" / "linux-ref"
GUEST_CACHES = [Path(os.environ["BENCH_CACHE"])] if os.environ.get("BENCH_CACHE") else \
    [ROOT / "build" / "linux-ref-cache", REF / ".cache"]
# linux-guest/run.sh's kernel arguments (see its README for why)
GUEST_KARGS = "console=ttyS0 panic=-1 quiet cryptomgr.notests ipv6.disable=1"
LINE = re.compile(r"^(\S+) ([\d.]+) (\S+)$", re.M)


def figures(text):
    return {m.group(1): (float(m.group(2)), m.group(3)) for m in LINE.finditer(text)}


def run_os(binary, args, image_mib):
    """Boots this OS with BINARY as init on a fresh IMAGE_MIB ext2 disk;
    returns its figures."""
    name = binary.name
    with tempfile.TemporaryDirectory(prefix=f"os-{name}-") as top:
        stage = Path(top) / "root"
        stage.mkdir()
        shutil.copy(binary, stage / name)
        (stage / "dev").mkdir()
        (stage / "proc").mkdir()
        image = Path(top) / "fresh.img"
        with open(image, "wb") as f:
            f.truncate(image_mib << 20)
        mke2fs = shutil.which("mke2fs") or "/sbin/mke2fs"
        subprocess.run([mke2fs, "-q", "-F", "-t", "ext2", "-d", str(stage), str(image)],
                       check=True)
        qemu.disk_workdir(top, image)
        cmdline = f"init=/{name} quiet" + (" -- " + " ".join(args) if args else "")
        with qemu.Qemu(cmdline, workdir=top, timeout=300) as q:
            q.expect(r"init exited with status \d+\n", 290)
            q.wait()
            return figures(q.log)


def guest_cache():
    for c in GUEST_CACHES:
        if (c / "linux" / "vmlinuz").exists() and (c / "linux" / "modules").is_dir():
            return c / "linux"
    return None


def setup_guest():
    env = dict(os.environ, BENCH_CACHE=str(GUEST_CACHES[0]))
    subprocess.run([str(REF / "linux-guest" / "setup.sh")], env=env, check=True,
                   stdout=sys.stderr)


def build_qexit():
    out = ROOT / "build" / "linuxref"
    subprocess.run(["make", "-s", "-C", str(REF / "progs"), f"OUT={out}", f"{out}/qexit"],
                   check=True, stdout=subprocess.DEVNULL)
    return out / "qexit"


def run_linux(lg, qexit, binary, args):
    """Boots the Linux guest (kernel and busybox in LG) with BINARY as
    its payload; returns its figures."""
    with tempfile.TemporaryDirectory(prefix=f"linux-{binary.name}-") as tmp:
        config = Path(tmp) / "config"
        config.write_text("")  # no disk, not verbose
        cpio = Path(tmp) / "initramfs.cpio"
        subprocess.run([sys.executable, str(REF / "linux-guest" / "mkinitramfs.py"), "build",
                        "--out", str(cpio), "--busybox", str(lg / "busybox"),
                        "--init", str(REF / "linux-guest" / "init.sh"),
                        "--modules", str(lg / "modules"),
                        "--file", f"{qexit}:/bin/qexit", "--file", f"{config}:/bench/config",
                        "--payload", str(binary), "--", *args], check=True)
        cmd = ["qemu-system-i386", "-accel", "tcg", "-m", "128M",
               "-kernel", str(lg / "vmlinuz"), "-initrd", str(cpio), "-append", GUEST_KARGS,
               "-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0",
               "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
               "-serial", "stdio", "-display", "none", "-no-reboot"]
        proc = subprocess.run([sys.executable, str(REF / "tools" / "serialrun.py"),
                               "--timeout", "240", "--quiet", "--", *cmd],
                              capture_output=True, text=True, errors="replace")
        return figures(proc.stdout)


def table(title, runs):
    print(f"{title}: {len(runs)} runs")
    print(f"  {'figure':<18} {'median':>12} {'min':>12} {'max':>12}")
    medians = {}
    for name in runs[0]:
        vals = [r[name][0] for r in runs if name in r]
        medians[name] = statistics.median(vals)
        print(f"  {name:<18} {medians[name]:>12.1f} {min(vals):>12.1f} "
              f"{max(vals):>12.1f} {runs[0][name][1]}")
    return medians


def main(tool, binary, image_mib):
    """The command line of bench_TOOL.py, for BINARY (under build/bench)."""
    program = binary.name
    ap = argparse.ArgumentParser(prog=f"bench_{tool}.py")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("-T", "--target-ms", type=int, help=f"{program}'s time per figure")
    ap.add_argument("--setup-linux", action="store_true",
                    help="fetch the Linux guest first if it is not there")
    ap.add_argument("--no-linux", action="store_true")
    args = ap.parse_args()
    say = f"bench_{tool}:"
    if not binary.exists():
        print(f"{say} {binary.relative_to(ROOT)} not built (make bench builds it)")
        return 1
    pargs = ["-T", str(args.target_ms)] if args.target_ms else []
    runs = [run_os(binary, pargs, image_mib) for _ in range(args.runs)]
    if not all(runs):
        print(f"{say} {program} printed no figures on this OS")
        return 1
    ours = table(f"{program} on this OS", runs)
    if args.no_linux:
        return 0
    if not (REF / "linux-guest").is_dir():
        print(f"{say} ../shared/linux-ref not found; no Linux figures")
        return 0
    if not guest_cache() and args.setup_linux:
        setup_guest()
    lg = guest_cache()
    if not lg:
        print(f"{say} the Linux guest is not set up; no Linux figures "
              "(make bench BENCH_EXEC_ARGS=--setup-linux fetches it)")
        return 0
    qexit = build_qexit()
    runs = [run_linux(lg, qexit, binary, pargs) for _ in range(args.runs)]
    if not all(runs):
        print(f"{say} {program} printed no figures on the Linux guest")
        return 0
    theirs = table(f"{program} on the Linux reference guest", runs)
    print("  this OS / Linux: " + ", ".join(
        f"{n} {ours[n] / theirs[n]:.2f}" for n in ours if n in theirs and theirs[n]))
    return 0
