#!/usr/bin/env python3
"""tools/bench_net.py - network figures through QEMU's hostfwd, on this OS
and on the Linux reference guest (`make bench` runs it).

The servers are our own binaries, the same on both sides: echo_server in
its fork (v3), poll, thread-per-connection and thread-pool designs (ports
7 to 10; the pool with its default 16 workers, so the 16-connection load
is served all at once) and httpd serving rootfs/www (port 80).  On this
OS they are started from the shell of a normal boot; on Linux they run
in the reference guest of ../shared/linux-ref (Debian's i386 kernel on
the same QEMU machine, TCG; booted as bench_exec.py boots it, with the
programs and /www in its initramfs and our sh as the payload that starts
them).  The host drives them through 127.0.0.1:

  echo 1x2000x64B       echo_client -c 1 -n 2000 -s 64: round trips/s,
                        latency p50 and p99 (one connection)
  echo 16x500x64B       the same with 16 connections at once (opened 2 ms
                        apart: QEMU's hostfwd accepts with a backlog of 1)
  echo stream 8MiB      echo_client --stream 8M --chunk 16K: MB/s
  http keep-alive x1    GET /hello.txt, one connection: requests/s, p50, p99
  http keep-alive x8    eight connections at once
  http close x8         a new connection per request, eight at a time

(the echo loads are ../shared/linux-ref's, so its README's Linux figures
compare too).  Each side boots RUNS times; the table gives median [min-
max] and this OS's median over Linux's.  The Linux guest's kernel comes
from BENCH_CACHE (default build/linux-ref-cache) or the reference's own
.cache, as for bench_exec.py (make bench BENCH_EXEC_ARGS=--setup-linux
fetches it); without it the Linux column is skipped, said so.  Figures
only: timing never fails; a wrong echo or a server that does not start
does (exit status 1).
"""

import argparse
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
import qemu  # noqa: E402
from bench_payload import GUEST_KARGS, REF, build_qexit, guest_cache  # noqa: E402

BIN = ROOT / "build" / "user" / "bin"
WWW = ROOT / "rootfs" / "www"
DESIGNS = {"fork": 7, "poll": 8, "thread": 9, "pool": 10}
HTTP_PORT = 80
ECHO_LOADS = [("echo 1x2000x64B", ["-c", "1", "-n", "2000", "-s", "64"]),
              ("echo 16x500x64B", ["-c", "16", "-n", "500", "-s", "64", "-w", "2"]),
              ("echo stream 8MiB", ["--stream", "8M", "--chunk", "16K"])]
HTTP_LOADS = [("http keep-alive x1", 1, True, 1000),
              ("http keep-alive x8", 8, True, 250),
              ("http close x8", 8, False, 100)]
FIGURE = re.compile(r"^(\w+) ([\d.]+) (\S+)$", re.M)
SHOWN = {"echo_req_per_s": "req/s", "echo_MB_per_s": "MB/s", "echo_lat_p50": "us",
         "echo_lat_p99": "us", "http_req_per_s": "req/s", "http_lat_p50": "us",
         "http_lat_p99": "us"}


class BenchError(Exception):
    pass


# --- the loads, from the host

def echo_load(port, args):
    p = subprocess.run([str(BIN / "echo_client"), *args, "-T", "120", "127.0.0.1", str(port)],
                       capture_output=True, text=True, timeout=180)
    if p.returncode:
        raise BenchError(f"echo_client {' '.join(args)}: status {p.returncode}: "
                         f"{p.stderr.strip()}")
    return {m.group(1): float(m.group(2)) for m in FIGURE.finditer(p.stdout)}


REQUEST = b"GET /hello.txt HTTP/1.1\r\nHost: bench\r\n\r\n"


def read_response(s, pending):
    """Reads one response (head and Content-Length body) from S; what was
    read beyond it stays in PENDING (a bytearray)."""
    while b"\r\n\r\n" not in pending:
        chunk = s.recv(65536)
        if not chunk:
            raise BenchError("httpd closed the connection")
        pending += chunk
    head, _, _ = pending.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.1 200 "):
        raise BenchError(f"httpd answered {head[:40]!r}")
    length = int(re.search(rb"\r\nContent-Length: (\d+)", head).group(1))
    end = len(head) + 4 + length
    while len(pending) < end:
        chunk = s.recv(65536)
        if not chunk:
            raise BenchError("httpd closed the connection in a body")
        pending += chunk
    del pending[:end]


def http_worker(port, keep_alive, count, latencies, errors):
    try:
        s = None
        pending = bytearray()
        for _ in range(count):
            t0 = time.perf_counter()
            if s is None:
                s = socket.create_connection(("127.0.0.1", port), timeout=30)
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            s.sendall(REQUEST if keep_alive else
                      REQUEST.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
            read_response(s, pending)
            if not keep_alive:
                s.close()
                s, pending = None, bytearray()
            latencies.append((time.perf_counter() - t0) * 1e6)
        if s:
            s.close()
    except (OSError, BenchError) as e:
        errors.append(str(e))


def http_load(port, conns, keep_alive, count):
    latencies, errors = [], []
    threads = [threading.Thread(target=http_worker,
                                args=(port, keep_alive, count, latencies, errors))
               for _ in range(conns)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise BenchError(f"http load: {errors[0]}")
    latencies.sort()
    rank = lambda p: latencies[max(0, -(-len(latencies) * p // 100) - 1)]  # noqa: E731
    return {"http_req_per_s": len(latencies) / elapsed, "http_lat_p50": rank(50),
            "http_lat_p99": rank(99)}


def run_loads(ports):
    """Every load against the servers behind PORTS (name -> host port);
    {(load, figure): value}."""
    out = {}
    for design, guest in DESIGNS.items():
        for name, args in ECHO_LOADS:
            for k, v in echo_load(ports[guest], args).items():
                out[(f"{name} {design}", k)] = v
    for name, conns, keep, count in HTTP_LOADS:
        for k, v in http_load(ports[HTTP_PORT], conns, keep, count).items():
            out[(name, k)] = v
    return out


def wait_echo(port, seconds=60):
    """Until the echo server behind PORT answers (the guest's address may
    still be coming)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                s.sendall(b"x")
                if s.recv(1) == b"x":
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise BenchError(f"no echo on port {port}")
        time.sleep(0.5)


# --- this OS

def run_os():
    forwards = [*DESIGNS.values(), HTTP_PORT]
    with qemu.Qemu("init=/sbin/init quiet", hostfwd=forwards, timeout=600) as q:
        q.expect(r"(?:^|\n)\$ ", 60)
        q.send(" ".join(f"echo_server -d {d} -p {p} &" for d, p in DESIGNS.items())
               + f" httpd -p {HTTP_PORT} -d /www &\n")
        for _ in range(len(DESIGNS) + 1):
            line = q.expect(r"(?:echo_server|httpd): .*\n", 60).group(0)
            if " ready " not in line:
                raise BenchError(f"in the OS: {line.strip()}")
        for p in DESIGNS.values():
            wait_echo(q.ports[p])
        figures = run_loads(q.ports)
        q.send("poweroff\n")
        q.wait(60)
        return figures


# --- the Linux reference guest

def linux_initramfs(lg, qexit, cpio):
    """The reference guest's initramfs with our programs, /www, and our sh
    as the payload starting the servers."""
    files = [f"{qexit}:/bin/qexit"]
    for name in ("echo_server", "httpd"):
        files.append(f"{BIN / name}:/bench/{name}")
    for path in sorted(WWW.rglob("*")):
        if path.is_file():
            files.append(f"{path}:/www/{path.relative_to(WWW)}")
    script = " ".join(f"/bench/echo_server -d {d} -p {p} &" for d, p in DESIGNS.items())
    script += f" exec /bench/httpd -p {HTTP_PORT} -d /www"
    config = cpio.parent / "config"
    config.write_text("")
    args = [sys.executable, str(REF / "linux-guest" / "mkinitramfs.py"), "build",
            "--out", str(cpio), "--busybox", str(lg / "busybox"),
            "--init", str(REF / "linux-guest" / "init.sh"), "--modules", str(lg / "modules"),
            "--file", f"{config}:/bench/config"]
    for f in files:
        args += ["--file", f]
    args += ["--payload", str(BIN / "sh"), "--", "-c", script]
    subprocess.run(args, check=True)


def run_linux(lg, qexit):
    with tempfile.TemporaryDirectory(prefix="linux-net-") as tmp:
        cpio = Path(tmp) / "initramfs.cpio"
        linux_initramfs(lg, qexit, cpio)
        ports = dict(zip([*DESIGNS.values(), HTTP_PORT],
                         qemu.free_ports(len(DESIGNS) + 1)))
        netdev = "user,id=n0" + "".join(f",hostfwd=tcp:127.0.0.1:{h}-:{g}"
                                        for g, h in ports.items())
        cmd = ["qemu-system-i386", "-accel", "tcg", "-m", "128M",
               "-kernel", str(lg / "vmlinuz"), "-initrd", str(cpio), "-append", GUEST_KARGS,
               "-netdev", netdev, "-device", "virtio-net-pci,netdev=n0",
               "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
               "-serial", "stdio", "-display", "none", "-no-reboot"]
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        try:
            ready = 0
            deadline = time.monotonic() + 120
            for line in proc.stdout:  # the console, until the servers are up
                if b": ready " in line:
                    ready += 1
                    if ready == len(DESIGNS) + 1:
                        break
                if time.monotonic() > deadline:
                    break
            if ready < len(DESIGNS) + 1:
                raise BenchError("the Linux guest's servers did not start")
            threading.Thread(target=proc.stdout.read, daemon=True).start()  # drain
            for g in DESIGNS.values():
                wait_echo(ports[g])
            return run_loads(ports)
        finally:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


# --- the table

def spread(values):
    med = statistics.median(values)
    digits = 1 if med < 1000 else 0
    return med, f"{med:.{digits}f} [{min(values):.{digits}f}-{max(values):.{digits}f}]"


def table(ours, theirs):
    keys = list(ours[0]) if ours else list(theirs[0])
    print(f"  {'load':<24} {'figure':<9} {'this OS':>26} {'Linux guest':>26} {'OS/Linux':>9}")
    for key in keys:
        load, fig = key
        # a stream's figure is MB/s, a round trip's its rate and latency
        if fig not in SHOWN or (fig == "echo_MB_per_s") != ("stream" in load):
            continue
        a = spread([r[key] for r in ours if key in r]) if ours else (None, "-")
        b = spread([r[key] for r in theirs if key in r]) if theirs else (None, "-")
        ratio = f"{a[0] / b[0]:.2f}" if a[0] and b[0] else "-"
        name = fig.replace("echo_", "").replace("http_", "").replace("_per_s", "/s")
        unit = SHOWN[fig]
        print(f"  {load:<24} {name:<9} {a[1]:>20} {unit:<5} {b[1]:>20} {unit:<5} {ratio:>9}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-linux", action="store_true")
    ap.add_argument("--no-os", action="store_true")
    args = ap.parse_args()
    for name in ("echo_server", "echo_client", "httpd", "sh"):
        if not (BIN / name).exists():
            print(f"bench_net: build/user/bin/{name} not built (make)")
            return 1
    status = 0
    ours, theirs = [], []
    if not args.no_os:
        try:
            ours = [run_os() for _ in range(args.runs)]
        except (BenchError, qemu.QemuError) as e:
            print(f"bench_net: this OS: {str(e).splitlines()[0]}")
            status = 1
    lg = guest_cache()
    if args.no_linux:
        pass
    elif not (REF / "linux-guest").is_dir():
        print("bench_net: ../shared/linux-ref not found; no Linux figures")
    elif not lg:
        print("bench_net: the Linux guest is not set up; no Linux figures "
              "(make bench BENCH_EXEC_ARGS=--setup-linux fetches it)")
    else:
        try:
            qexit = build_qexit()
            theirs = [run_linux(lg, qexit) for _ in range(args.runs)]
        except BenchError as e:
            print(f"bench_net: the Linux guest: {e}")
            status = 1
    if ours or theirs:
        print(f"bench_net: echo_server and httpd through hostfwd, {args.runs} boots each "
              "(median [min-max]; latencies in microseconds)")
        table(ours, theirs)
    return status


if __name__ == "__main__":
    sys.exit(main())
