"""tests/e2e/test_virtio_net.py - the virtio-net card from outside.

The driver's own self-tests (kernel/tests/ktest_net_virtio.c) prove the
rings with raw ARP frames; these check what the host sees: DHCP through
the card, a TCP SYN from the host (QEMU's hostfwd) reaching lwIP and
being answered, the link going down and up (QEMU's monitor), and a
machine without a usable card booting on with a log line instead.
"""

import random
import re
import select
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qemu as qemu_mod  # noqa: E402
from qemu import Qemu, exit_status  # noqa: E402

BOUND = r"net: eth0 10\.0\.2\.15/24 gateway 10\.0\.2\.2\n"
TCP_SYN, TCP_RST, TCP_ACK = 0x02, 0x04, 0x10


def pcap_tcp(path):
    """(src, sport, dst, dport, flags) of every IPv4 TCP frame in PATH."""
    data = Path(path).read_bytes()
    magic = struct.unpack("<I", data[:4])[0]
    assert magic == 0xA1B2C3D4, f"not a little-endian pcap: {magic:#x}"
    out, off = [], 24
    while off + 16 <= len(data):
        incl = struct.unpack("<I", data[off + 8:off + 12])[0]
        f = data[off + 16:off + 16 + incl]
        off += 16 + incl
        if len(f) < 34 or f[12:14] != b"\x08\x00" or f[23] != 6:
            continue
        ihl = (f[14] & 15) * 4
        t = f[14 + ihl:]
        if len(t) < 14:
            continue
        sport, dport = struct.unpack(">HH", t[:4])
        out.append((socket.inet_ntoa(f[26:30]), sport,
                    socket.inet_ntoa(f[30:34]), dport, t[13]))
    return out


def test_virtio_net_dhcp_and_host_syn_answered():
    # Nothing listens on port 7 under the monitor: the host's connection
    # (slirp accepts it, then connects to the guest) must reach lwIP as a
    # SYN and come back as a RST, both through the driver.
    with tempfile.TemporaryDirectory(prefix="virtio-net-") as tmp:
        pcap = Path(tmp) / "eth0.pcap"
        with Qemu("init=kmon", hostfwd=[7], pcap=str(pcap), timeout=60) as q:
            q.expect(r"virtio-net: eth0 at \S+ io 0x[0-9a-f]+ irq \d+, "
                     r"mac 52:54:00:12:34:56, \d+\+\d+ buffers\n")
            q.expect(BOUND)  # DHCP ends after the monitor's prompt
            with socket.create_connection(("127.0.0.1", q.ports[7]),
                                          timeout=10) as s:
                try:
                    got = s.recv(16)
                except ConnectionResetError:
                    got = b""
            assert got == b"", f"data from a port nobody listens on: {got!r}"
            time.sleep(0.5)  # let the dump catch up
            q.send("poweroff\r")
            q.wait()
        tcp = pcap_tcp(pcap)
    syn = [t for t in tcp if t[2] == "10.0.2.15" and t[3] == 7
           and t[4] & TCP_SYN]
    rst = [t for t in tcp if t[0] == "10.0.2.15" and t[1] == 7
           and t[4] & TCP_RST]
    assert syn, f"no SYN to 10.0.2.15:7 in the capture: {tcp}"
    assert rst and rst[0][3] == syn[0][1], f"no RST from lwIP: {tcp}"


def pcap_dhcp_from_guest(path):
    """DHCP message types (option 53) the guest sent, in order."""
    data = Path(path).read_bytes()
    types, off = [], 24
    while off + 16 <= len(data):
        incl = struct.unpack("<I", data[off + 8:off + 12])[0]
        f = data[off + 16:off + 16 + incl]
        off += 16 + incl
        if (len(f) < 282 or f[12:14] != b"\x08\x00" or f[23] != 17
                or f[34:38] != struct.pack(">HH", 68, 67)):
            continue
        opts, i = f[42 + 240:], 0
        while i + 1 < len(opts) and opts[i] != 255:
            if opts[i] == 0:
                i += 1
                continue
            if opts[i] == 53:
                types.append(opts[i + 2])
            i += 2 + opts[i + 1]
    return types


def test_virtio_net_link_down_and_up():
    # QEMU's monitor takes the link down and up: the card raises a
    # configuration interrupt each time, the driver logs it and lwIP
    # hears of it (its DHCP client asks for its address again, a
    # DHCPREQUEST after the first DISCOVER/REQUEST), and the host still
    # reaches the guest afterwards.
    with tempfile.TemporaryDirectory(prefix="virtio-net-") as tmp:
        mon_path, pcap = Path(tmp) / "mon.sock", Path(tmp) / "eth0.pcap"
        with Qemu("init=kmon", hostfwd=[7], pcap=str(pcap), timeout=60,
                  extra=["-monitor", f"unix:{mon_path},server=on,wait=off"]) as q:
            q.expect(BOUND)
            with socket.socket(socket.AF_UNIX) as mon:
                mon.connect(str(mon_path))
                mon.sendall(b"set_link n0 off\n")
                q.expect(r"virtio-net: eth0 link down\n")
                mon.sendall(b"set_link n0 on\n")
                q.expect(r"virtio-net: eth0 link up\n")
            deadline = time.monotonic() + 10
            while pcap_dhcp_from_guest(pcap).count(3) < 2:  # REQUESTs
                assert time.monotonic() < deadline, \
                    f"no DHCP after the link came back: {pcap_dhcp_from_guest(pcap)}"
                time.sleep(0.2)
            with socket.create_connection(("127.0.0.1", q.ports[7]),
                                          timeout=10) as s:
                try:
                    got = s.recv(16)
                except ConnectionResetError:
                    got = b""
            assert got == b""
            q.send("poweroff\r")
            q.wait()
        tcp = pcap_tcp(pcap)
    assert any(t[0] == "10.0.2.15" and t[4] & TCP_RST for t in tcp), tcp


def eth0_counters(log):
    """eth0's line of /proc/net/dev in LOG: {rx_bytes, rx_packets, rx_errs,
    rx_drop, tx_bytes, tx_packets, tx_errs, tx_drop}."""
    m = re.findall(r"^\s*eth0:\s*(.*)$", log, re.M)
    assert m, f"no eth0 line in /proc/net/dev:\n{log[-2000:]}"
    v = [int(x) for x in m[-1].split()]
    return dict(zip(["rx_bytes", "rx_packets", "rx_errs", "rx_drop"], v[:4]),
                **dict(zip(["tx_bytes", "tx_packets", "tx_errs", "tx_drop"],
                           v[8:12])))


def echo_all(socks, rounds, rnd, timeout=300):
    """ROUNDS round trips of 1-4096 random bytes on every socket at once
    (non-blocking, one poll loop); every byte compared."""
    n = len(socks)
    want, out, got = [b""] * n, [b""] * n, [bytearray() for _ in range(n)]
    left = [rounds] * n

    def start(i):
        want[i] = out[i] = rnd.randbytes(rnd.randint(1, 4096))
        got[i] = bytearray()

    for i in range(n):
        start(i)
    index = {s.fileno(): i for i, s in enumerate(socks)}
    deadline = time.monotonic() + timeout
    while any(left):
        assert time.monotonic() < deadline, f"round trips left: {sum(left)}"
        p = select.poll()
        for i, s in enumerate(socks):
            if left[i]:
                p.register(s, select.POLLIN | (select.POLLOUT if out[i] else 0))
        for fd, ev in p.poll(1000):
            i = index[fd]
            if ev & select.POLLOUT and out[i]:
                out[i] = out[i][socks[i].send(out[i]):]
            if ev & (select.POLLIN | select.POLLERR | select.POLLHUP):
                data = socks[i].recv(65536)
                assert data, f"connection {i} closed with {left[i]} rounds left"
                got[i] += data
                if len(got[i]) >= len(want[i]):
                    assert got[i] == want[i], f"connection {i}: wrong echo"
                    left[i] -= 1
                    if left[i]:
                        start(i)


def test_virtio_net_256_connections_no_frame_lost():
    # 256 connections to the poll echo server, all echoing at once: the
    # RX ring is refilled as fast as frames come and the TX ring never
    # loses one (the card's counters show no error and no drop).  The
    # connections are opened one after the other: QEMU's user network
    # listens on the host with a backlog of 1, so a burst of connects is
    # mostly dropped by the host before the guest sees anything.
    rnd = random.Random(256)
    with Qemu("init=/sbin/init quiet", hostfwd=[7], timeout=300) as q:
        q.expect(r"(?:^|\n)\$ ", 60)
        q.send("echo_server -d poll -p 7 &\n")
        q.expect(r"echo_server: ready port=7", 60)
        socks = []
        try:
            for _ in range(256):
                s = socket.create_connection(("127.0.0.1", q.ports[7]),
                                             timeout=30)
                s.sendall(b"hi")
                assert s.recv(2) == b"hi"
                s.setblocking(False)
                socks.append(s)
            echo_all(socks, 10, rnd)
        finally:
            for s in socks:
                s.close()
        start = len(q.log)
        q.send("cat /proc/net/dev\n")
        q.expect(r"eth0:.*\n")
        c = eth0_counters(q.log[start:])
        q.send("poweroff\n")
        q.wait(60)
    assert c["rx_packets"] > 256 * 10 and c["tx_packets"] > 256 * 10, c
    assert c["rx_errs"] == c["rx_drop"] == c["tx_errs"] == c["tx_drop"] == 0, c


def test_virtio_net_modern_only_card_refused():
    # disable-legacy=on turns the card into a virtio 1.0 only one (device
    # 0x1041), which the legacy driver leaves alone with a log line.
    with Qemu("init=/bin/true",
              extra=["-global", "virtio-net-pci.disable-legacy=on"]) as q:
        q.expect(r"virtio-net: only a modern \(virtio 1\.0\) card")
        q.expect(r"init exited with status 0\n")
        assert q.wait() == exit_status(0)
    assert "PANIC" not in q.log


def test_virtio_net_no_card_boot_goes_on():
    # The contract machine always has the card, so this one run builds
    # its own command line without it (same sandbox, same timeout rule).
    cwd = qemu_mod.sandbox()
    argv = ["qemu-system-i386", "-accel", "tcg", "-m", "128M",
            "-kernel", qemu_mod.KERNEL, "-append", "init=/bin/true",
            "-drive", f"file={qemu_mod.DISK},format=raw,if=ide,index=0",
            "-nic", "none",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-serial", "stdio", "-display", "none", "-no-reboot",
            "-snapshot"]
    # subprocess.run kills QEMU (by its PID) if the timeout expires
    r = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=60)
    log = r.stdout.decode(errors="replace").replace("\r", "")
    assert "virtio-net: no device" in log, log
    assert "init exited with status 0" in log, log
    assert "PANIC" not in log, log
    assert r.returncode == exit_status(0), f"exit {r.returncode}\n{log}"
