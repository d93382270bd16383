"""tests/e2e/test_nettools.py - nc, wget, ifconfig and netstat, on the
Linux host and in the OS.

On Linux the programs (static Linux executables) run as ordinary
processes against servers this test runs on 127.0.0.1: a small HTTP
server (lengths, chunked, up to the end, redirects, errors), TCP echo
and "count then answer" servers, a UDP echo.  netstat and ifconfig read
the host's own /proc/net and are compared with net-tools' netstat and
ifconfig when those are installed (listings that change while they are
read are taken again, a few times, until both agree).

In the OS one boot per test starts httpd and echo_server from the shell
and then:
  - wget fetches from the test's HTTP server on the host, by the name
    "host" (/etc/hosts) and as 10.0.2.2; its errors and exit statuses;
  - nc talks to httpd and echo_server over 127.0.0.1, sends a file back
    to a sink on the host (sha256 compared), exchanges UDP datagrams
    with the host, and listens (nc -l) for the host through hostfwd;
  - ifconfig shows eth0 as 10.0.2.15 with QEMU's MAC and lo; netstat
    -tln the listeners, -tn a connection the host holds open, -rn the
    default route, -i and -s the counters.
"""

import hashlib
import http.server
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "utils"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import bad_option, ours, run  # noqa: E402
from qemu import Qemu, network_capture  # noqa: E402

PROMPT = r"(?:^|\n)\$ "
HELLO = b"hello, world\n"
INDEX = b"<html><body>index</body></html>\n"


def big_data(n):
    return random.Random(n).randbytes(n)


# --- servers on the host

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    big = b""

    def log_message(self, *args):
        pass

    def reply(self, status, body, ctype="text/plain", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path == "/hello.txt":
            self.reply(200, HELLO)
        elif path in ("/", "/dir/"):
            self.reply(200, INDEX, "text/html")
        elif path == "/big.bin":
            self.reply(200, self.big, "application/octet-stream")
        elif path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for piece in (b"chunk one\n", b"", b"x" * 5000, b"\nlast\n"):
                if piece:
                    self.wfile.write(b"%x;ext=1\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\nX-Trailer: t\r\n\r\n")
        elif path == "/eof":  # no length: the body ends with the connection
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"until the end\n" * 100)
            self.close_connection = True
        elif path == "/redirect":
            self.reply(302, b"", headers=[("Location", "/hello.txt")])
        elif path == "/a/b/rel":
            self.reply(301, b"", headers=[("Location", "../../hello.txt")])
        elif path == "/loop":
            self.reply(302, b"", headers=[("Location", "/loop")])
        elif path == "/fail":
            self.reply(500, b"broken\n")
        else:
            self.reply(404, b"no such thing\n")


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that resets its connection is no news


class HttpServer:
    """The HTTP server above on 127.0.0.1, in a thread."""

    def __init__(self, big=1 << 20):
        handler = type("H", (Handler,), {"big": big_data(big)})
        self.server = QuietServer(("127.0.0.1", 0), handler)
        self.port = self.server.server_address[1]
        self.big = handler.big
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        return False


class TcpServer:
    """A TCP server on 127.0.0.1 answering each connection with
    ANSWER(data it read up to the other side's half-close)."""

    def __init__(self, answer):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.answer = answer
        self.received = []
        threading.Thread(target=self.loop, daemon=True).start()

    def loop(self):
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self.serve, args=(c,), daemon=True).start()

    def serve(self, c):
        with c:
            data = b""
            while True:
                chunk = c.recv(65536)
                if not chunk:
                    break
                data += chunk
            self.received.append(data)
            try:
                c.sendall(self.answer(data))
            except OSError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.sock.close()
        return False


class UdpEcho:
    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self.loop, daemon=True).start()

    def loop(self):
        while True:
            try:
                data, peer = self.sock.recvfrom(65536)
                self.sock.sendto(b"echo:" + data, peer)
            except OSError:
                return

    def close(self):
        self.sock.close()


def closed_port():
    """A TCP port on 127.0.0.1 that nothing listens on (just now)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tool(name, args, stdin=b"", cwd=None, timeout=30):
    """Our NAME with ARGS (argv[0] NAME); a compare.Run."""
    return run(ours(name), args, stdin=stdin, cwd=cwd, timeout=timeout,
               env=dict(os.environ, LC_ALL="C"))


# --- nc on Linux

def test_nc_on_linux():
    with TcpServer(lambda d: d) as echo, \
            TcpServer(lambda d: b"got %d bytes\n" % len(d)) as counter:
        data = big_data(3 << 20)
        r = tool("nc", ["127.0.0.1", echo.port], stdin=data, timeout=60)
        assert r.status == 0 and r.stdout == data, r.describe()[:2000]
        # the end of input half-closes: the server's answer still comes back
        r = tool("nc", ["-v", "localhost", counter.port], stdin=b"x" * 1000)
        assert (r.status, r.stdout) == (0, b"got 1000 bytes\n"), r.describe()
        assert re.search(rb"Connection to localhost \d+ port \[tcp/[^]]+\] succeeded!",
                         r.stderr), r.describe()
        port = closed_port()
        r = tool("nc", ["127.0.0.1", port])
        assert r.status == 1 and r.stderr == (
            b"nc: connect to 127.0.0.1 port %d (tcp) failed: Connection refused\n"
            % port), r.describe()
        # -z: a range with one open port
        r = tool("nc", ["-zv", "127.0.0.1", f"{echo.port}-{echo.port + 1}"])
        assert r.status == 0 and b"] succeeded!" in r.stderr, r.describe()
        r = tool("nc", ["-z", "127.0.0.1", port])
        assert r.status == 1 and r.stdout == b"", r.describe()


def test_nc_idle_timeout_on_linux():
    """-w 1: a connection idle both ways ends after a second or so."""
    with TcpServer(lambda d: d) as echo:
        p = subprocess.Popen([str(ours("nc")), "-w", "1", "127.0.0.1", str(echo.port)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        start = time.monotonic()
        try:
            status = p.wait(15)
        finally:
            p.kill()
            p.stdin.close()
            p.stdout.close()
        assert status == 0 and time.monotonic() - start < 10, status


def start_listener(args, stdin):
    """Our nc -l ARGS -v in the background; (process, port it listens on)."""
    p = subprocess.Popen([str(ours("nc")), "-l", "-v", *map(str, args)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    p.stdin.write(stdin)
    p.stdin.close()
    p.stdin = None  # communicate() must not flush it
    line = p.stderr.readline().decode()
    m = re.match(r"(?:Listening|Bound) on [\d.]+ (\d+)$", line.strip())
    assert m, f"nc -l said {line!r}"
    return p, int(m.group(1))


def test_nc_listen_on_linux():
    p, port = start_listener(["-p", "0"], b"from nc\n")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"from the client\n")
        s.shutdown(socket.SHUT_WR)
        got = b""
        while chunk := s.recv(4096):
            got += chunk
    out, err = p.communicate(timeout=10)
    assert (p.returncode, out, got) == (0, b"from the client\n", b"from nc\n"), (out, err)
    assert re.search(rb"Connection received on 127\.0\.0\.1 \d+\n", err), err
    # UDP: the first datagram names the peer, the answer goes back to it
    p, port = start_listener(["-u", "-w", "2", "127.0.0.1", "0"], b"")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.sendto(b"one\n", ("127.0.0.1", port))
        s.sendto(b"two\n", ("127.0.0.1", port))
        out, err = p.communicate(timeout=10)
    assert (p.returncode, out) == (0, b"one\ntwo\n"), (out, err)
    # UDP client with an echo
    echo = UdpEcho()
    try:
        r = tool("nc", ["-u", "-w", "1", "127.0.0.1", echo.port], stdin=b"ping\n")
        assert (r.status, r.stdout) == (0, b"echo:ping\n"), r.describe()
    finally:
        echo.close()


def test_nc_usage():
    bad_option("nc")
    for args in ([], ["127.0.0.1"], ["-l"], ["-l", "-p", "99999"], ["127.0.0.1", "0"],
                 ["127.0.0.1", "1-5"], ["-zu", "127.0.0.1", "1"], ["-w", "x", "h", "1"]):
        r = tool("nc", args)
        assert r.status == 2 and b"usage: nc" in r.stderr, r.describe()


# --- wget on Linux

def wget(args, cwd, timeout=60):
    return tool("wget", args, cwd=cwd, timeout=timeout)


def test_wget_on_linux():
    with HttpServer() as srv, tempfile.TemporaryDirectory(prefix="wget-") as top:
        base = f"http://127.0.0.1:{srv.port}"
        d = Path(top)
        r = wget([base + "/hello.txt"], top)
        assert r.status == 0 and (d / "hello.txt").read_bytes() == HELLO, r.describe()
        for line in ("Connecting to 127.0.0.1 (127.0.0.1):%d... connected." % srv.port,
                     "HTTP request sent, awaiting response... 200 OK",
                     "Length: 13 [text/plain]", "'hello.txt' saved [13/13]"):
            assert line.encode() in r.stderr, r.describe()
        r = wget(["-q", base + "/hello.txt"], top)  # the name is taken: .1
        assert (r.status, r.stderr) == (0, b""), r.describe()
        assert (d / "hello.txt.1").read_bytes() == HELLO
        r = wget(["-q", base + "/"], top)
        assert r.status == 0 and (d / "index.html").read_bytes() == INDEX, r.describe()
        r = wget(["-q", "-O", "-", base + "/big.bin"], top)
        assert r.status == 0 and r.stdout == srv.big, (r.status, len(r.stdout))
        r = wget(["-q", "-O", "c.txt", base + "/chunked"], top)
        want = b"chunk one\n" + b"x" * 5000 + b"\nlast\n"
        assert r.status == 0 and (d / "c.txt").read_bytes() == want, r.describe()
        r = wget(["-q", "-O", "-", base + "/eof"], top)
        assert (r.status, r.stdout) == (0, b"until the end\n" * 100), r.describe()
        for path in ("/redirect", "/a/b/rel"):
            r = wget(["-O", "-", base + path], top)
            assert (r.status, r.stdout) == (0, HELLO), r.describe()
            assert b"[following]" in r.stderr, r.describe()
        r = wget(["-q", "-S", "-O", "/dev/null", base + "/hello.txt"], top)
        assert b"  HTTP/1.1 200 OK\n" in r.stderr and b"  Content-Length: 13\n" in r.stderr


def test_wget_errors_on_linux():
    with HttpServer() as srv, tempfile.TemporaryDirectory(prefix="wget-") as top:
        base = f"http://127.0.0.1:{srv.port}"
        port = closed_port()
        cases = [  # (URL, status, what stderr says)
            (base + "/missing", 8, f"wget: {base}/missing: ERROR 404: Not Found\n"),
            (base + "/fail", 8, f"wget: {base}/fail: ERROR 500: Internal Server Error\n"),
            (base + "/loop", 8, "redirections exceeded"),
            (f"http://127.0.0.1:{port}/", 4,
             f"wget: cannot connect to 127.0.0.1:{port}: Connection refused\n"),
            ("ftp://127.0.0.1/x", 1, "Unsupported scheme"),
            ("https://127.0.0.1/x", 1, "HTTPS is not supported"),
            ("http://127.0.0.1:99999/", 1, "Bad port number"),
        ]
        for url, status, message in cases:
            r = wget(["-q", url], top)
            assert r.status == status and message.encode() in r.stderr, r.describe()
            gnu = shutil.which("wget")
            if gnu and url.startswith("http:") and "99999" not in url:  # ground truth
                g = subprocess.run([gnu, "-q", "-t", "1", "-O", "/dev/null", url],
                                   capture_output=True, timeout=60)
                assert g.returncode == status, (url, "GNU wget", g.returncode)
        assert os.listdir(top) == [], "an error response saved a file"
        # several URLs: the lowest status above 1 wins
        r = wget(["-q", "-O", "/dev/null", base + "/missing", f"http://127.0.0.1:{port}/",
                  base + "/hello.txt"], top)
        assert r.status == 4, r.describe()
    bad_option("wget")
    r = tool("wget", [])
    assert r.status == 2 and r.stderr.startswith(b"wget: missing URL\nusage: "), r.describe()


# --- netstat and ifconfig on Linux

def agree(ours_args, theirs, tries=20):
    """Our netstat ARGS and THEIRS (argv) print the same, at some try
    (sockets come and go meanwhile); returns our last output."""
    for _ in range(tries):
        r = tool("netstat", ours_args)
        assert r.status == 0, r.describe()
        if theirs is None:
            return r.stdout.decode()
        t = subprocess.run(theirs, capture_output=True, timeout=30,
                           env=dict(os.environ, LC_ALL="C"))
        if t.stdout == r.stdout:
            return r.stdout.decode()
        time.sleep(0.3)
    raise AssertionError(f"netstat {' '.join(ours_args)} differs from {theirs}:\n"
                         f"ours:\n{r.stdout.decode()}\ntheirs:\n{t.stdout.decode()}")


def test_netstat_on_linux():
    net_tools = shutil.which("netstat")
    with socket.create_server(("127.0.0.1", 0)) as listener, \
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        port, uport = listener.getsockname()[1], udp.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)) as client:
            server, _ = listener.accept()
            cport = client.getsockname()[1]
            for args in (["-tln"], ["-uln"], ["-tn"], ["-tl"], ["-rn"], ["-r"]):
                # established connections come and go too fast to compare
                out = agree(args, [net_tools, *args] if net_tools and args != ["-tn"]
                            else None)
                if args == ["-tln"]:
                    assert re.search(rf"^tcp +0 +0 127\.0\.0\.1:{port} +0\.0\.0\.0:\* +LISTEN +$",
                                     out, re.M), out
                    assert out.startswith("Active Internet connections (only servers)\n")
                if args == ["-uln"]:
                    assert re.search(rf"^udp +0 +0 127\.0\.0\.1:{uport} +0\.0\.0\.0:\* +$",
                                     out, re.M), out
                if args == ["-tn"]:
                    assert re.search(rf"^tcp +0 +0 127\.0\.0\.1:{cport} +127\.0\.0\.1:{port} "
                                     r"+ESTABLISHED", out, re.M), out
            server.close()
    if net_tools:  # the counters change: compare the words
        shape = lambda text: re.sub(r"\d+", "N", text).split("UdpLite:")[0]  # noqa: E731
        for _ in range(8):
            a = tool("netstat", ["-s"]).stdout.decode()
            b = subprocess.run([net_tools, "-s"], capture_output=True, text=True).stdout
            if shape(a) == shape(b):
                break
        assert shape(a) == shape(b), f"ours:\n{a}\nnet-tools:\n{b}"
        a = tool("netstat", ["-i"]).stdout.decode()
        b = subprocess.run([net_tools, "-i"], capture_output=True, text=True).stdout
        words = lambda text: [re.sub(r"\d+", "N", ln).split()  # noqa: E731
                              for ln in text.splitlines()]
        assert words(a) == words(b), f"ours:\n{a}\ntheirs:\n{b}"
    bad_option("netstat")
    r = tool("netstat", ["-i", "-r"])
    assert r.status == 2 and b"usage: " in r.stderr, r.describe()


def ifconfig_fields(text):
    """{interface: [flags line, inet line or None, MAC]} of ifconfig's
    long output (net-tools' or ours)."""
    out = {}
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        name, _, rest = lines[0].partition(": ")
        inet = next((ln.split() for ln in lines if ln.split()[0] == "inet"), None)
        hw = next((ln.split()[1] if ln.split()[0] == "ether" else "loop" for ln in lines
                   if ln.split()[0] in ("ether", "loop")), None)
        if hw:  # not tunnels and the like ("unspec" hardware)
            out[name] = [rest, inet, hw]
    return out


def test_ifconfig_on_linux():
    r = tool("ifconfig", ["-a"])
    assert r.status == 0, r.describe()
    mine = ifconfig_fields(r.stdout.decode())
    assert mine["lo"][:2] == ["flags=73<UP,LOOPBACK,RUNNING>  mtu 65536",
                              ["inet", "127.0.0.1", "netmask", "255.0.0.0"]], mine["lo"]
    if shutil.which("ifconfig"):
        theirs = subprocess.run(["ifconfig", "-a"], capture_output=True, text=True).stdout
        assert mine == ifconfig_fields(theirs), f"ours:\n{r.stdout.decode()}\ntheirs:\n{theirs}"
    r = tool("ifconfig", ["lo"])
    assert r.status == 0 and r.stdout.startswith(b"lo: flags=73<"), r.describe()
    r = tool("ifconfig", ["nosuch0"])
    assert r.status == 1 and b"nosuch0: error fetching interface information: Device " \
        b"not found" in r.stderr, r.describe()
    r = tool("ifconfig", ["eth0", "10.1.1.1"])
    assert r.status == 1 and b"not supported" in r.stderr, r.describe()
    bad_option("ifconfig")


# --- in the OS

class Guest:
    """A booted OS: commands at its shell."""

    def __init__(self, q):
        self.q = q
        q.expect(PROMPT, 60)

    def shell(self, command, timeout=60):
        """Runs COMMAND; (its exit status, its output)."""
        start = len(self.q.log)
        self.q.send(f"{command}; echo @@status $?\n")
        m = self.q.expect(r"@@status (\d+)\n", timeout)
        self.q.expect(r"\$ ", 10)  # the next prompt, right after it
        out = self.q.log[start:m.start()].partition("\n")[2]
        return int(m.group(1)), out

    def ok(self, command, timeout=60):
        status, out = self.shell(command, timeout)
        assert status == 0, f"{command}: status {status}\n{out}"
        return out

    def background(self, command, ready):
        """Starts COMMAND in the background; waits for READY (a regex) in
        the output, then for the shell (its prompt may come before or
        after READY)."""
        self.q.send(command + " &\n")
        self.q.expect(ready, 30)
        self.shell("true")


def in_the_os(name, check, hostfwd=(), timeout=240):
    with network_capture(f"test_nettools.{name}") as pcap, \
            Qemu("init=/sbin/init quiet", hostfwd=hostfwd, pcap=pcap, pcap_maxlen=128,
                 timeout=timeout) as q:
        guest = Guest(q)
        deadline = time.monotonic() + 30
        while "10.0.2.15" not in guest.ok("cat /proc/net/if_inet"):  # DHCP
            assert time.monotonic() < deadline, "eth0 got no address"
            time.sleep(1)
        check(guest)
        q.send("poweroff\n")
        q.wait(60)


def check_wget_nc(guest):
    with HttpServer(big=256 << 10) as srv, \
            TcpServer(lambda d: b"%s %d\n" % (hashlib.sha256(d).hexdigest().encode(),
                                               len(d))) as sink:
        out = guest.ok(f"wget http://host:{srv.port}/hello.txt && cat hello.txt")
        assert "Connecting to host (10.0.2.2)" in out and out.endswith(HELLO.decode()), out
        guest.ok(f"wget -q http://10.0.2.2:{srv.port}/big.bin")
        out = guest.ok(f"nc 10.0.2.2 {sink.port} < big.bin", timeout=120)
        assert out == f"{hashlib.sha256(srv.big).hexdigest()} {len(srv.big)}\n", out
        out = guest.ok(f"wget -q -O - http://host:{srv.port}/chunked | wc -c")
        assert out.split() == ["5016"], out
        out = guest.ok(f"wget -q -O - http://host:{srv.port}/a/b/rel")
        assert out == HELLO.decode(), out
        status, out = guest.shell(f"wget -q http://host:{srv.port}/missing")
        assert status == 8 and "ERROR 404: Not Found" in out, out
        status, out = guest.shell("wget -q http://127.0.0.1:81/")
        assert status == 4 and "cannot connect to 127.0.0.1:81: Connection refused" in out, out
    echo = UdpEcho()
    try:
        out = guest.ok(f"echo ping | nc -u -w 2 10.0.2.2 {echo.port}")
        assert out == "echo:ping\n", out
    finally:
        echo.close()
    # the servers in the OS, over the loopback interface
    guest.background("httpd -p 80 -d /www", r"httpd: ready port=80")
    guest.background("echo_server -p 7", r"echo_server: ready port=7")
    out = guest.ok("printf 'GET /hello.txt HTTP/1.0\\r\\n\\r\\n' | nc 127.0.0.1 80")
    assert out.startswith("HTTP/1.1 200 OK\n") or out.startswith("HTTP/1.1 200 OK\r\n"), out
    out = guest.ok("echo over the loopback | nc localhost 7")
    assert out == "over the loopback\n", out
    out = guest.ok("nc -zv 127.0.0.1 79-80")
    assert "Connection to 127.0.0.1 80 port [tcp/http] succeeded!" in out, out
    # nc -l in the OS, reached from the host through hostfwd
    guest.background("echo from the guest | nc -l -p 5000 > got.txt",
                     r"\[\d+\] \d+")
    got = b""
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", guest.q.ports[5000]), timeout=10) as s:
                s.sendall(b"from the host\n")
                s.shutdown(socket.SHUT_WR)
                while chunk := s.recv(4096):
                    got += chunk
            if got:
                break
        except OSError:
            pass
        assert time.monotonic() < deadline, "nc -l in the OS never answered"
        time.sleep(0.5)
    assert got == b"from the guest\n", got
    time.sleep(1)
    assert guest.ok("cat got.txt") == "from the host\n"


def test_wget_and_nc_in_the_os():
    in_the_os("wget_nc", check_wget_nc, hostfwd=[5000])


def check_status(guest):
    out = guest.ok("ifconfig")
    fields = ifconfig_fields(out)
    assert fields["eth0"] == ["flags=67<UP,BROADCAST,RUNNING>  mtu 1500",
                              ["inet", "10.0.2.15", "netmask", "255.255.255.0",
                               "broadcast", "10.0.2.255"], "52:54:00:12:34:56"], out
    assert fields["lo"] == ["flags=73<UP,LOOPBACK,RUNNING>  mtu 65536",
                            ["inet", "127.0.0.1", "netmask", "255.0.0.0"], "loop"], out
    guest.background("httpd -p 80 -d /www", r"httpd: ready port=80")
    guest.background("echo_server -p 7", r"echo_server: ready port=7")
    out = guest.ok("netstat -tln")
    for port in (80, 7):
        assert re.search(rf"^tcp +0 +0 0\.0\.0\.0:{port} +0\.0\.0\.0:\* +LISTEN +$",
                         out, re.M), out
    out = guest.ok("netstat -tl")
    assert re.search(r"^tcp .* 0\.0\.0\.0:http +0\.0\.0\.0:\* +LISTEN", out, re.M), out
    # a connection the host holds open, as the guest sees it
    with socket.create_connection(("127.0.0.1", guest.q.ports[80]), timeout=30) as s:
        s.sendall(b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert s.recv(4096).startswith(b"HTTP/1.1 200 ")
        out = guest.ok("netstat -tn")
        assert re.search(r"^tcp +0 +0 10\.0\.2\.15:80 +10\.0\.2\.2:\d+ +ESTABLISHED", out,
                         re.M), out
        assert "LISTEN" not in out, out
    out = guest.ok("netstat -rn")
    assert re.search(r"^0\.0\.0\.0 +10\.0\.2\.2 +0\.0\.0\.0 +UG .* eth0$", out, re.M), out
    assert re.search(r"^10\.0\.2\.0 +0\.0\.0\.0 +255\.255\.255\.0 +U .* eth0$", out, re.M), out
    assert re.search(r"^default +host ", guest.ok("netstat -r"), re.M)
    out = guest.ok("netstat -i")
    m = re.search(r"^eth0 +1500 +(\d+) +0 +0 +0 +(\d+) +0 +0 +0 BRU$", out, re.M)
    assert m and int(m.group(1)) > 0 and int(m.group(2)) > 0, out
    assert re.search(r"^lo +65536 .* LRU$", out, re.M), out
    out = guest.ok("netstat -s")
    m = re.search(r"^Tcp:\n +(\d+) active connection openings\n +(\d+) passive", out, re.M)
    assert m and int(m.group(2)) >= 1, out
    out = guest.ok("netstat -au")
    assert out.startswith("Active Internet connections (servers and established)\n"), out


def test_ifconfig_and_netstat_in_the_os():
    in_the_os("status", check_status, hostfwd=[80])
