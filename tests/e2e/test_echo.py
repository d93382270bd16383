"""tests/e2e/test_echo.py - echo_server in each design and echo_client, on
the Linux host and in the OS, driven from the host.

The six designs (iterative v1, fork-wait v2, fork v3, poll, a thread per
connection, a thread pool) run at once, each on its own port, with a
seventh server: a pool of 4 workers with a queue of 4 slots.  On Linux
they are ordinary processes on this host (the programs are Linux
executables: the ground truth for what they do); in the OS one boot
starts them from the shell on the console (as a user would after `make
run`), and the host reaches them through QEMU's hostfwd on 127.0.0.1.  Every check runs against every design, one design
after the other:

  - round trips: 1 connection x 10,000 round trips of 64 bytes, and the
    lecture's interactive client (lines in, echoes out); in the OS also
    echo_client inside the OS, over the loopback interface;
  - concurrency: 256 connections at once x 100 round trips of 1-4096
    bytes (a size per round), every byte checked (through hostfwd the
    connections are opened 2 ms apart: QEMU accepts them with a backlog
    of one);
  - a stream: 64 MiB through one connection, echoed while it is sent,
    CRC-32 of both directions compared (and every byte checked);
  - clients that misbehave: connect and leave, send and close without
    reading, reset mid-stream, read a little and close while the echo
    is flowing, half-close and read the rest; then a normal load must
    still be served;
  - churn: 2,000 sequential connect, echo, close cycles; then no zombie
    processes, and in the OS lwIP's pools in /proc/net back to the
    counts they had before;
  - the small pool (4 workers, 4 queue slots): 4 idle connections hold
    its workers, 8 more wait (4 in its queue, the others with the master
    waiting for a free slot or in listen()'s backlog) and get no echo
    until the first 4 close, then every one is served; then 64 clients
    at once are all served, every byte checked.

The host side is echo_client (one process, every connection in one poll
loop) or Python sockets.  In the OS the network traffic is recorded
(headers only) and kept in build/test-output/NAME/ when a test fails.
"""

import os
import re
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "utils"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import bad_option, ours, run  # noqa: E402
from qemu import Qemu, network_capture  # noqa: E402

DESIGNS = ["iterative", "fork-wait", "fork", "poll", "thread", "pool"]
# every server: its name, its design and the flags after -d DESIGN
SMALL_POOL = "pool-4"
SERVERS = {**{d: (d, []) for d in DESIGNS},
           SMALL_POOL: ("pool", ["-w", 4, "-q", 4])}
GUEST_PORTS = {name: 7001 + i for i, name in enumerate(SERVERS)}
READY = re.compile(r"echo_server: ready port=(\d+) design=(\S+)")
FIGURE = re.compile(r"^(\w+) ([\d.]+) \S+$", re.M)
PROMPT = r"(?:^|\n)\$ "
CHURN = 2000


# --- the client side

def echo_client(port, *args, timeout=280):
    """Runs echo_client ARGS against 127.0.0.1:PORT; it must succeed.
    Returns its figures ({"echo_req_per_s": ...})."""
    argv = [str(ours("echo_client")), *map(str, args), "127.0.0.1", str(port)]
    p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    figures = {m.group(1): float(m.group(2)) for m in FIGURE.finditer(p.stdout)}
    if p.returncode or figures.get("echo_errors") or figures.get("echo_mismatches"):
        first = (p.stderr.strip().splitlines() or ["no message"])[0]
        raise AssertionError(f"echo_client {' '.join(map(str, args))} (port {port}): "
                             f"status {p.returncode}: {first}\n{p.stdout}{p.stderr}")
    return figures


def recv_exactly(s, n):
    data = bytearray()
    while len(data) < n:
        chunk = s.recv(min(65536, n - len(data)))
        if not chunk:
            raise AssertionError(f"connection closed after {len(data)} of {n} bytes")
        data += chunk
    return bytes(data)


def probe(port, seconds):
    """Waits until the server behind PORT echoes a line back."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                s.sendall(b"probe\n")
                if recv_exactly(s, 6) == b"probe\n":
                    return
        except (OSError, AssertionError) as e:
            error = e
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing echoes on port {port} after {seconds} s: {error}")
        time.sleep(0.5)


def pump(s, data, until):
    """Sends DATA on S while reading its echo, until UNTIL bytes have come
    back (or all of DATA was sent and echoed); returns what came back.
    One thread, select(): the echo must be read while the sending goes
    on, or both directions fill up and stall."""
    got = bytearray()
    sent = 0
    s.setblocking(False)
    deadline = time.monotonic() + 60
    while len(got) < until:
        assert time.monotonic() < deadline, f"stalled: {sent} sent, {len(got)} back"
        writers = [s] if sent < len(data) else []
        readable, writable, _ = select.select([s], writers, [], 1)
        if writable:
            try:
                sent += s.send(data[sent:sent + 65536])
            except BlockingIOError:
                pass
        if readable:
            chunk = s.recv(65536)
            assert chunk, f"closed by the server after {len(got)} bytes"
            got += chunk
    s.setblocking(True)
    return bytes(got)


# --- the servers: on this host, or in the OS

def server_argv(name):
    design, flags = SERVERS[name]
    return ["-d", design, *map(str, flags)]


class LinuxServers:
    """The servers as processes on this host, each on a port the kernel
    chose (-p 0), each in its own process group."""

    pacing = ()  # echo_client opens its connections all at once

    def __enter__(self):
        self.procs, self.ports = {}, {}
        self.errors = tempfile.TemporaryFile()
        try:
            for name in SERVERS:
                argv = server_argv(name)
                p = subprocess.Popen([str(ours("echo_server")), *argv, "-p", "0"],
                                     stdout=subprocess.PIPE, stderr=self.errors,
                                     stdin=subprocess.DEVNULL, text=True,
                                     start_new_session=True)
                self.procs[name] = p
                m = READY.match(p.stdout.readline())
                assert m and m.group(2) == SERVERS[name][0], \
                    f"echo_server {' '.join(argv)}: no ready line"
                self.ports[name] = int(m.group(1))
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        for p in self.procs.values():
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)  # the server and its children
            p.wait(10)
            p.stdout.close()
        self.errors.close()
        return False

    def check(self):
        """Every server still runs and has complained about nothing."""
        for d, p in self.procs.items():
            assert p.poll() is None, f"echo_server -d {d} exited with status {p.returncode}"
        self.errors.seek(0)
        err = self.errors.read().decode(errors="replace")
        assert not err, f"echo_server said: {err}"

    def zombies(self):
        """Zombie children of the servers: their pids."""
        parents = {p.pid for p in self.procs.values()}
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if fields[0] == "Z" and int(fields[1]) in parents:
                found.append(pid)
        return found

    def pools(self):
        return None  # lwIP's pools exist only in the OS


class OsServers:
    """One boot of the OS with the servers started from the shell on the
    console, each on GUEST_PORTS[name], forwarded from the host."""

    # QEMU listens for a forwarded port with a backlog of 1: a burst of
    # connects overflows it (see echo_client -w), so they are paced
    pacing = ("-w", 2)

    def __init__(self, q):
        self.q = q
        q.expect(PROMPT, 60)
        q.send(" ".join(f"echo_server {' '.join(server_argv(name))} -p {port} &"
                        for name, port in GUEST_PORTS.items()) + "\n")
        deadline = time.monotonic() + 60
        while len(set(READY.findall(q.log))) < len(SERVERS):
            q.check_absent(r"echo_server: (?!ready)")  # a server failed
            assert time.monotonic() < deadline, "the servers did not all start"
            time.sleep(0.2)
        self.ports = {name: q.ports[port] for name, port in GUEST_PORTS.items()}
        for port in self.ports.values():
            probe(port, 60)

    def shell(self, command, timeout=60):
        """Runs COMMAND at the shell prompt; its output."""
        start = len(self.q.log)
        self.q.send(f"{command}; echo @@status $?\n")
        m = self.q.expect(r"@@status (\d+)\n", timeout)
        out = self.q.log[start:m.start()]
        out = out.split("\n", 1)[1] if "\n" in out else ""  # the echoed command
        assert m.group(1) == "0", f"{command}: status {m.group(1)}\n{out}"
        return out

    def check(self):
        self.q.check_absent(r"echo_server: (?!ready)")

    def zombies(self):
        ps = self.shell("ps")
        return [line for line in ps.splitlines()[1:] if line.split()[2].startswith("Z")]

    def pools(self):
        """lwIP's memory pools: {name: (blocks used, failed allocations)}."""
        return parse_pools(self.shell("cat /proc/net/lwip"))


def parse_pools(text):
    """{pool: (used, err)} from /proc/net/lwip's "pool NAME avail A used U
    max M err E" lines."""
    pools = {}
    for line in text.splitlines():
        words = line.split()
        if words[:1] == ["pool"] and len(words) % 2 == 0:
            fields = dict(zip(words[2::2], words[3::2]))
            pools[words[1]] = (int(fields["used"]), int(fields["err"]))
    return pools


def on_linux(check):
    with LinuxServers() as servers:
        check(servers)
        servers.check()


def in_the_os(name, check, timeout=450):
    with network_capture(f"test_echo.{name}") as pcap, \
            Qemu("init=/sbin/init quiet", hostfwd=GUEST_PORTS.values(), pcap=pcap,
                 pcap_maxlen=128, timeout=timeout) as q:
        servers = OsServers(q)
        check(servers)
        servers.check()
        q.send("poweroff\n")
        q.wait(60)


# --- the checks, each against every design

def check_round_trips(servers):
    for d in DESIGNS:
        port = servers.ports[d]
        fig = echo_client(port, "-c", 1, "-n", 10000, "-s", 64)
        assert fig["echo_roundtrips"] == 10000, (d, fig)
        if isinstance(servers, OsServers):  # and a client in the OS, over lo
            out = servers.shell(f"echo_client -c 8 -n 200 -s 1-2048 127.0.0.1 "
                                f"{GUEST_PORTS[d]}", 300)
            assert re.search(r"^echo_roundtrips 1600 count$", out, re.M), out
        # the lecture's client: lines in, their echoes out
        p = subprocess.run([str(ours("echo_client")), "127.0.0.1", str(port)],
                           input="one line\nand another\n", capture_output=True,
                           text=True, timeout=60)
        assert (p.returncode, p.stdout) == (0, "one line\nand another\n"), (d, p)


def check_concurrent(servers):
    for d in DESIGNS:
        fig = echo_client(servers.ports[d], "-c", 256, "-n", 100, "-s", "1-4096",
                          "-S", 7, "-T", 240, *servers.pacing)
        assert fig["echo_roundtrips"] == 25600, (d, fig)


def check_stream(servers):
    for d in DESIGNS:
        fig = echo_client(servers.ports[d], "--stream", "64M", "-T", 240)
        assert fig["echo_stream_bytes"] == 64 << 20, (d, fig)


def misbehave(port):
    """Clients that leave in the middle, and one that half-closes."""
    addr = ("127.0.0.1", port)
    data = os.urandom(4 << 20)
    # connect and leave
    socket.create_connection(addr, timeout=30).close()
    # send, and close without reading the echo
    with socket.create_connection(addr, timeout=30) as s:
        s.sendall(data[:1 << 16])
    # reset in the middle of a stream (SO_LINGER 0: close sends RST)
    with socket.create_connection(addr, timeout=30) as s:
        got = pump(s, data, 1 << 16)
        assert got == data[:len(got)], "the echo differs"
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    # read a little of the echo and close while it flows (unread: RST)
    with socket.create_connection(addr, timeout=30) as s:
        pump(s, data, 1 << 19)
    # half-close: everything sent still comes back, then the end
    with socket.create_connection(addr, timeout=60) as s:
        got = pump(s, data[:1 << 20], 1 << 20)
        s.shutdown(socket.SHUT_WR)
        assert got == data[:1 << 20], "half-close: the echo differs"
        assert s.recv(1) == b"", "half-close: no end after the echo"


def check_disconnects(servers):
    for d in DESIGNS:
        misbehave(servers.ports[d])
        fig = echo_client(servers.ports[d], "-c", 8, "-n", 50, "-s", "1-2048")
        assert fig["echo_roundtrips"] == 400, (d, fig)


def churn(port, cycles):
    for i in range(cycles):
        msg = b"%06d" % i
        with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
            s.sendall(msg)
            assert recv_exactly(s, len(msg)) == msg


def idle_pools(servers):
    """The pools once nothing is going on: no connection left (the
    probes' may be closing) and the same counts twice in a row (lwIP's
    TCP timer, one of SYS_TIMEOUT's, runs only while connections exist)."""
    last = servers.pools()
    deadline = time.monotonic() + 30
    while last is not None:
        time.sleep(1)
        now = servers.pools()
        if now == last and now.get("TCP_PCB", (0,))[0] == 0:
            break
        assert time.monotonic() < deadline, f"the pools never settle: {now}"
        last = now
    return last


def check_churn(servers):
    idle = idle_pools(servers)
    for d in DESIGNS:
        churn(servers.ports[d], CHURN)
    deadline = time.monotonic() + 75  # past a TIME_WAIT (60 s), should one occur
    while servers.zombies():
        assert time.monotonic() < deadline, f"zombies: {servers.zombies()}"
        time.sleep(0.5)
    if idle is None:
        return
    assert idle, "no pool counts in /proc/net/lwip"
    while True:  # the last connections may still be closing
        now = servers.pools()
        if now == idle:
            return
        if time.monotonic() > deadline:
            changed = {k: (idle.get(k), now.get(k)) for k in idle.keys() | now.keys()
                       if idle.get(k) != now.get(k)}
            raise AssertionError(f"after {len(DESIGNS)} x {CHURN} connections the pools "
                                 "are not back to idle, or allocations failed "
                                 f"((used, err) before, after): {changed}")
        time.sleep(1)


def echoes_now(conns, seconds):
    """The connections among CONNS with something to read within SECONDS."""
    readable, _, _ = select.select(conns, [], [], seconds)
    return readable


def check_small_pool(servers):
    """4 workers and 4 queue slots: connections beyond them wait, none is
    dropped, and they are served as workers come free."""
    port = servers.ports[SMALL_POOL]
    addr = ("127.0.0.1", port)
    holders = []
    for i in range(4):  # one connection per worker, kept open
        s = socket.create_connection(addr, timeout=30)
        s.sendall(b"hold %d\n" % i)
        assert recv_exactly(s, 7) == b"hold %d\n" % i
        holders.append(s)
    waiting = []
    for i in range(8):  # 4 fill the queue, the others wait behind the master
        s = socket.create_connection(addr, timeout=30)
        s.sendall(b"wait %d\n" % i)
        waiting.append(s)
    assert not echoes_now(waiting, 2), "a connection was served with every worker busy"
    for s in holders:  # free the workers: the queue drains, the master goes on
        s.close()
    expected = {s: b"wait %d\n" % i for i, s in enumerate(waiting)}
    while expected:  # each one served closes and frees its worker
        ready = echoes_now(list(expected), 30)
        assert ready, f"{len(expected)} connections never served"
        for s in ready:
            assert recv_exactly(s, 7) == expected.pop(s)
            s.close()
    fig = echo_client(port, "-c", 64, "-n", 50, "-s", "1-2048", "-S", 3, "-T", 240,
                      *servers.pacing)
    assert fig["echo_roundtrips"] == 64 * 50, fig


# --- the tests

def test_round_trips_on_linux():
    on_linux(check_round_trips)


def test_concurrent_on_linux():
    on_linux(check_concurrent)


def test_stream_on_linux():
    on_linux(check_stream)


def test_disconnects_on_linux():
    on_linux(check_disconnects)


def test_churn_on_linux():
    on_linux(check_churn)


def test_small_pool_on_linux():
    on_linux(check_small_pool)


def test_round_trips_in_the_os():
    in_the_os("round_trips", check_round_trips)


def test_concurrent_in_the_os():
    in_the_os("concurrent", check_concurrent)


def test_stream_in_the_os():
    in_the_os("stream", check_stream)


def test_disconnects_in_the_os():
    in_the_os("disconnects", check_disconnects)


def test_churn_in_the_os():
    in_the_os("churn", check_churn)


def test_small_pool_in_the_os():
    in_the_os("small_pool", check_small_pool)


def test_server_verbose_prints_what_it_echoes():
    p = subprocess.Popen([str(ours("echo_server")), "-v", "-d", "iterative", "-p", "0"],
                         stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    try:
        port = int(READY.match(p.stdout.readline()).group(1))
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"hello, server\n")
            assert recv_exactly(s, 14) == b"hello, server\n"
        assert p.stdout.readline() == "hello, server\n"
    finally:
        p.kill()
        p.wait()
        p.stdout.close()


def test_usage_errors():
    bad_option("echo_server")
    bad_option("echo_client")
    for name, args in [("echo_server", ["-d", "threads"]), ("echo_server", ["-p", "65536"]),
                       ("echo_server", ["extra"]), ("echo_server", ["-w", "0"]),
                       ("echo_server", ["-q", "x"]), ("echo_server", ["-w", "1025"]),
                       ("echo_client", ["127.0.0.1"]),
                       ("echo_client", ["-s", "0", "h", "7"]),
                       ("echo_client", ["-s", "9-3", "h", "7"]),
                       ("echo_client", ["-c", "2", "--stream", "1M", "h", "7"])]:
        r = run(ours(name), args, argv0=name)
        assert r.status == 2 and b"usage: " in r.stderr, r.describe()


def test_errors_are_clear():
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = run(ours("echo_server"), ["-p", port], argv0="echo_server")
        assert r.status == 1, r.describe()
        assert r.stderr == f"echo_server: bind to port {port}: Address already in use\n".encode(), \
            r.describe()
    # nobody listens on PORT now
    r = run(ours("echo_client"), ["-n", "1", "127.0.0.1", port], argv0="echo_client")
    assert r.status == 1 and b"Connection refused" in r.stderr, r.describe()
    r = run(ours("echo_client"), ["127.0.0.1", port], argv0="echo_client")
    assert r.stderr == b"echo_client: connect: Connection refused\n" and r.status == 1, \
        r.describe()
