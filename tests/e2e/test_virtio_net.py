"""tests/e2e/test_virtio_net.py - the virtio-net card from outside.

The driver's own self-tests (kernel/tests/ktest_net_virtio.c) prove the
rings with raw ARP frames; these check what the host sees: DHCP through
the card, a TCP SYN from the host (QEMU's hostfwd) reaching lwIP and
being answered, the link going down and up (QEMU's monitor), and a
machine without a usable card booting on with a log line instead.
"""

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
