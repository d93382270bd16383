"""tests/e2e/test_httpd.py - httpd against a real HTTP client (curl) and
hostile ones, on the Linux host and in the OS.

The document root is rootfs/www (in the image: /www) plus, made at test
time, a 10 MiB file of random bytes (big.bin), a symbolic link "escape"
pointing at /etc, and a file secret.txt just above the root: the image
may have too little room for a 10 MiB file, so in the OS the test grows a
copy of the disk (resize2fs) and writes them into it with debugfs.  On Linux
the same tree is made in a scratch directory and the same httpd binary
serves it natively: the ground truth for the checks.

  - every file of rootfs/www fetched by one curl (keep-alive): its bytes,
    Content-Type by extension and Content-Length; / is index.html, /docs
    redirects to /docs/, which is a listing;
  - big.bin's sha256 matches; HEAD gives the headers and no body;
  - 404, 405 (with Allow), HEAD of an error;
  - keep-alive: curl reuses one connection for several URLs; pipelined
    requests on one socket get their answers in order; "Connection:
    close" and HTTP/1.0 close after the response;
  - 50 curl processes at once, every byte checked;
  - garbage requests, a 10 KB URI, huge headers and path escapes ("..",
    %2e%2e, %2f, the symlink, absolute-form targets, %00) get 4xx and
    nothing from outside the root, and the server serves on.
"""

import functools
import hashlib
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "utils"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import bad_option, ours, run  # noqa: E402
from qemu import ROOT, Qemu, disk_workdir, network_capture  # noqa: E402

WWW = ROOT / "rootfs" / "www"
BIG = 10 << 20
SECRET = "the secret above the root\n"
READY = re.compile(r"httpd: ready port=(\d+)")
PROMPT = r"(?:^|\n)\$ "
TYPES = {".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8",
         ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png",
         ".json": "application/json", ".bin": "application/octet-stream"}


def curl(*args, timeout=120):
    """curl ARGS; its CompletedProcess (bytes)."""
    return subprocess.run(["curl", "-sS", "--max-time", "100", *map(str, args)],
                          capture_output=True, timeout=timeout)


@functools.lru_cache(maxsize=None)
def big_data():
    """big.bin's bytes: random, but the same every time."""
    return random.Random(6).randbytes(BIG)


def www_files():
    """{url path: bytes} of rootfs/www."""
    return {"/" + str(p.relative_to(WWW)): p.read_bytes()
            for p in sorted(WWW.rglob("*")) if p.is_file()}


# --- raw HTTP over a socket

def exchange(port, request, timeout=30):
    """Sends REQUEST (bytes) and reads until the server closes; the reply."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(request)
        except OSError:
            pass  # it may answer and close before taking all of it
        reply = b""
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            reply += chunk
    return reply


def status_of(reply):
    m = re.match(rb"HTTP/1\.1 (\d{3}) ", reply)
    assert m, f"no status line in {reply[:200]!r}"
    return int(m.group(1))


def responses(data):
    """Splits DATA into [(status, headers dict, body)] using
    Content-Length."""
    out = []
    while data:
        head, sep, rest = data.partition(b"\r\n\r\n")
        assert sep, f"incomplete response: {data[:200]!r}"
        lines = head.decode("latin-1").split("\r\n")
        fields = {k.lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
        length = int(fields["content-length"])
        out.append((int(lines[0].split()[1]), fields, rest[:length]))
        data = rest[length:]
    return out


# --- the server: on this host, or in the OS

class LinuxServer:
    """httpd on this host serving a scratch copy of the tree."""

    def __enter__(self):
        self.top = Path(tempfile.mkdtemp(prefix="httpd-"))
        root = self.top / "www"
        shutil.copytree(WWW, root, symlinks=True)
        (root / "big.bin").write_bytes(big_data())
        (root / "escape").symlink_to("/etc")
        (self.top / "secret.txt").write_text(SECRET)
        self.proc = subprocess.Popen([str(ours("httpd")), "-p", "0", "-d", str(root)],
                                     stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                     text=True, start_new_session=True)
        m = READY.match(self.proc.stdout.readline())
        if not m:
            self.__exit__()
            raise AssertionError("httpd: no ready line")
        self.port = int(m.group(1))
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, 15)  # the server and its children
        self.proc.wait(10)
        self.proc.stdout.close()
        shutil.rmtree(self.top, ignore_errors=True)
        return False

    def check(self):
        assert self.proc.poll() is None, f"httpd exited with status {self.proc.returncode}"


def prepare_disk(top):
    """A copy of the disk in TOP (build/disk.img) grown by 16 MiB (room for
    big.bin whatever the image holds), with big.bin, the escape link and
    secret.txt written into it."""
    image = disk_workdir(top)
    with open(image, "r+b") as f:
        f.truncate(image.stat().st_size + (16 << 20))
    subprocess.run(["resize2fs", "-f", str(image)], check=True, capture_output=True)
    big = Path(top) / "big.bin"
    big.write_bytes(big_data())
    secret = Path(top) / "secret.txt"
    secret.write_text(SECRET)
    cmds = Path(top) / "debugfs.cmds"
    cmds.write_text(f"cd /www\nwrite {big} big.bin\nsymlink escape /etc\n"
                    f"cd /\nwrite {secret} secret.txt\n")
    p = subprocess.run(["debugfs", "-w", "-f", str(cmds), str(image)],
                       capture_output=True, text=True)
    assert p.returncode == 0 and "File not found" not in p.stderr, p.stderr
    return image


class OsServer:
    """httpd started from the shell of a booted OS, port 80 forwarded."""

    def __init__(self, q):
        self.q = q
        q.expect(PROMPT, 60)
        q.send("httpd -p 80 -d /www &\n")
        line = q.expect(r"httpd: .*\n", 60).group(0)  # ready, or why not
        assert line.startswith("httpd: ready port=80"), line.strip()
        self.port = q.ports[80]
        deadline = time.monotonic() + 60
        while True:  # the address may still be coming (DHCP)
            try:
                if status_of(exchange(self.port, b"GET / HTTP/1.0\r\n\r\n", 10)) == 200:
                    break
            except (OSError, AssertionError) as e:
                assert time.monotonic() < deadline, f"httpd does not answer: {e}"
            time.sleep(0.5)

    def shell(self, command, timeout=60):
        """Runs COMMAND at the shell prompt; its output."""
        start = len(self.q.log)
        self.q.send(f"{command}; echo @@status $?\n")
        m = self.q.expect(r"@@status (\d+)\n", timeout)
        return self.q.log[start:m.start()].partition("\n")[2]

    def check(self):
        """No complaint from httpd, and its children all reaped."""
        self.q.check_absent(r"httpd: (?!ready)")
        deadline = time.monotonic() + 15  # the last ones may still be closing
        while True:
            ps = self.shell("ps")
            zombies = [ln for ln in ps.splitlines()[1:] if ln.split()[2].startswith("Z")]
            if not zombies:
                return
            assert time.monotonic() < deadline, f"zombies:\n{ps}"
            time.sleep(1)


def on_linux(check):
    with LinuxServer() as server:
        check(server)
        server.check()


def in_the_os(name, check, timeout=180):
    with tempfile.TemporaryDirectory(prefix="httpd-os-") as top, \
            network_capture(f"test_httpd.{name}") as pcap:
        prepare_disk(top)
        with Qemu("init=/sbin/init quiet", workdir=top, hostfwd=[80], pcap=pcap,
                  pcap_maxlen=128, timeout=timeout) as q:
            server = OsServer(q)
            check(server)
            server.check()
            q.send("poweroff\n")
            q.wait(60)


# --- the checks

def check_files(server):
    base = f"http://127.0.0.1:{server.port}"
    files = www_files()
    with tempfile.TemporaryDirectory(prefix="httpd-get-") as out:
        args = []
        for i, path in enumerate(files):
            args += [base + path, "-o", f"{out}/{i}"]
        p = curl("-w", r"%{http_code} %{content_type} %{size_download}\n", *args)
        assert p.returncode == 0, p.stderr
        lines = p.stdout.decode().splitlines()
        for i, (path, data) in enumerate(files.items()):
            want = f"200 {TYPES[Path(path).suffix]} {len(data)}"
            assert lines[i] == want, f"{path}: {lines[i]}, want {want}"
            assert Path(f"{out}/{i}").read_bytes() == data, f"{path}: the bytes differ"
    index = curl(base + "/")
    assert index.stdout == files["/index.html"], "/ is not index.html"
    p = curl("-i", base + "/docs")
    assert re.match(rb"HTTP/1\.1 301 .*\r\nLocation: /docs/\r\n", p.stdout, re.S), p.stdout
    listing = curl(base + "/docs/").stdout.decode()
    for name in ("README.txt", "data.json"):
        assert f'<a href="{name}">{name}</a>' in listing, listing
    assert '<a href="../">' in listing, listing


def check_big_file(server):
    url = f"http://127.0.0.1:{server.port}/big.bin"
    p = curl(url)
    assert p.returncode == 0, p.stderr
    assert hashlib.sha256(p.stdout).hexdigest() == hashlib.sha256(big_data()).hexdigest(), \
        f"sha256 differs ({len(p.stdout)} bytes)"
    head = curl("-I", url)
    assert head.returncode == 0, head.stderr
    assert re.search(rb"\r\nContent-Length: %d\r\n" % BIG, head.stdout), head.stdout
    assert head.stdout.endswith(b"\r\n\r\n"), head.stdout


def check_errors(server):
    base = f"http://127.0.0.1:{server.port}"
    p = curl("-w", "%{http_code}", "-o", "/dev/null", base + "/missing.html")
    assert p.stdout == b"404", p.stdout
    for method in ("POST", "PUT", "DELETE", "OPTIONS"):
        p = curl("-i", "-X", method, base + "/index.html")
        assert p.stdout.startswith(b"HTTP/1.1 405 "), (method, p.stdout[:100])
        assert b"\r\nAllow: GET, HEAD\r\n" in p.stdout, p.stdout
    p = curl("-I", base + "/missing.html")
    assert p.stdout.startswith(b"HTTP/1.1 404 ") and p.stdout.endswith(b"\r\n\r\n"), p.stdout


def check_keep_alive(server):
    base = f"http://127.0.0.1:{server.port}"
    p = curl("-v", base + "/hello.txt", base + "/style.css", base + "/index.html",
             base + "/missing", "-o", "/dev/null", "-o", "/dev/null", "-o", "/dev/null",
             "-o", "/dev/null")
    err = p.stderr.decode()
    assert err.count("Re-using existing connection") == 3, err
    # pipelined: three requests in one write, three answers in order
    files = www_files()
    request = b"".join(b"GET %s HTTP/1.1\r\nHost: x\r\n\r\n" % path.encode()
                       for path in ("/hello.txt", "/style.css"))
    request += b"GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    got = responses(exchange(server.port, request))
    assert [(s, b) for s, _, b in got] == [(200, files["/hello.txt"]), (200, files["/style.css"]),
                                           (200, files["/index.html"])], got
    assert got[0][1]["connection"] == "keep-alive" and got[2][1]["connection"] == "close"
    # HTTP/1.0: closed after the response, unless it asks for keep-alive
    got = responses(exchange(server.port, b"GET /hello.txt HTTP/1.0\r\n\r\n"))
    assert len(got) == 1 and got[0][1]["connection"] == "close", got
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        for _ in range(3):
            s.sendall(b"HEAD / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            reply = s.recv(4096)
            assert reply.startswith(b"HTTP/1.1 200 ") and b"keep-alive" in reply, reply


def check_concurrent(server):
    base = f"http://127.0.0.1:{server.port}"
    files = www_files()
    paths = ["/index.html", "/hello.txt", "/images/dot.png", "/docs/data.json"]
    with tempfile.TemporaryDirectory(prefix="httpd-many-") as out:
        procs = []
        for c in range(50):
            args = []
            for i, path in enumerate(paths):
                args += [base + path, "-o", f"{out}/{c}.{i}"]
            procs.append(subprocess.Popen(["curl", "-sS", "--max-time", "120", *args],
                                          stderr=subprocess.PIPE))
        for c, p in enumerate(procs):
            _, err = p.communicate(timeout=180)
            assert p.returncode == 0, f"client {c}: {err.decode()}"
        for c in range(50):
            for i, path in enumerate(paths):
                assert Path(f"{out}/{c}.{i}").read_bytes() == files[path], (c, path)


HOSTILE = [
    (b"\x00\x01\x02garbage\r\n\r\n", 400),
    (b"GET\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\n\r\n", 400),  # HTTP/1.1 without Host
    (b"GET / HTTP/1.1\r\nHost x\r\n\r\n", 400),
    (b"GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET / FOO/1.1\r\nHost: x\r\n\r\n", 400),
    (b"G\xffT / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400),
    (b"GET /" + b"a" * 10000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 20000 + b"\r\n\r\n", 400),
]

ESCAPES = ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
           "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/docs/../../etc/passwd",
           "/docs/%2e%2e/%2e%2e/secret.txt", "/../secret.txt", "/images/../../secret.txt",
           "/..", "/escape/passwd", "/escape/", "http://x/../../etc/passwd",
           "http://x/%2e%2e/secret.txt", "/%00", "/hello.txt%00.html", "/%zz",
           "/.%2e/secret.txt", "//etc/passwd", "/..\\..\\etc\\passwd", "/%c0%ae%c0%ae/secret.txt",
           "*", "etc/passwd"]


def check_hostile(server):
    for request, want in HOSTILE:
        reply = exchange(server.port, request)
        assert status_of(reply) == want, (request[:60], reply[:100])
    for target in ESCAPES:
        reply = exchange(server.port, b"GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                         % target.encode())
        assert 400 <= status_of(reply) < 500, (target, reply[:200])
        assert b"root:" not in reply and SECRET.encode() not in reply, (target, reply)
    # half a request held open does not stop the others (a process each)
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHost:")
        reply = exchange(server.port, b"GET /hello.txt HTTP/1.0\r\n\r\n")
        assert status_of(reply) == 200, reply[:100]


# --- the tests

def test_files_on_linux():
    on_linux(check_files)


def test_big_file_on_linux():
    on_linux(check_big_file)


def test_errors_on_linux():
    on_linux(check_errors)


def test_keep_alive_on_linux():
    on_linux(check_keep_alive)


def test_concurrent_on_linux():
    on_linux(check_concurrent)


def test_hostile_on_linux():
    on_linux(check_hostile)


def test_files_and_errors_in_the_os():
    def check(server):
        check_files(server)
        check_errors(server)
        check_keep_alive(server)
    in_the_os("files", check)


def test_big_file_in_the_os():
    in_the_os("big_file", check_big_file)


def test_concurrent_in_the_os():
    in_the_os("concurrent", check_concurrent)


def test_hostile_in_the_os():
    in_the_os("hostile", check_hostile)


def test_usage_and_startup_errors():
    bad_option("httpd")
    r = run(ours("httpd"), ["-p", "70000"], argv0="httpd")
    assert r.status == 2 and b"usage: " in r.stderr, r.describe()
    r = run(ours("httpd"), ["-d", "/no/such/dir", "-p", "0"], argv0="httpd")
    assert (r.status, r.stderr) == (1, b"httpd: /no/such/dir: No such file or directory\n"), \
        r.describe()
