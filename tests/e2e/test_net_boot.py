"""tests/e2e/test_net_boot.py - the network at boot, seen from the console.

The kernel starts lwIP and brings eth0 up on QEMU's user network: by
DHCP by default (the boot waits a second at most for the answer, which
QEMU gives at once: the address line comes before "kernel: ready"), or
from ip=ADDR/PREFIX:GATEWAY before init; a bad ip= value is reported and
DHCP is used.  /proc/net's files are read
with the monitor's cat and checked for sense: Linux's /proc/net/dev
layout with lo and eth0 counting traffic, pnp in resolv.conf form (and
/etc/resolv.conf showing the same through its symbolic link), lwIP's
pools within their sizes without failures.  (The port itself, netconns
over loopback, is tested by the kernel's self-tests: ktest_lwip.c.)
"""

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import Qemu, boot_to_prompt  # noqa: E402


class QemuNetdev(Qemu):
    """A Qemu whose user network gets more options (NETDEV_OPTS, e.g.
    ",dns=10.0.2.9"): QEMU's DHCP server then says other things."""

    def __init__(self, cmdline, netdev_opts, **kwargs):
        self.netdev_opts = netdev_opts
        super().__init__(cmdline, **kwargs)

    def _netdev(self):
        return super()._netdev() + self.netdev_opts

# not anchored at a line's start: a line logged while the monitor waits
# follows its "kmon> " prompt
STAMP = r"\[ *(\d+\.\d+)\] "
BOUND = STAMP + r"net: eth0 (\S+)/(\d+) gateway (\S+)$"


def power_off(q):
    q.send("poweroff\r")
    assert q.wait() == 1, f"QEMU exit status {q.proc.returncode}"


def bound_line(q, timeout=30):
    """Waits for the address line anywhere in the log (it may come before
    or after the prompt); returns (time, addr, prefix, gateway)."""
    deadline = time.monotonic() + timeout
    while not (m := re.search(BOUND, q.log, re.M)):
        if time.monotonic() > deadline:
            q.check(BOUND)  # raises, with the log
        time.sleep(0.05)
    return float(m.group(1)), m.group(2), int(m.group(3)), m.group(4)


def stamp_of(q, regex):
    return float(q.check(STAMP + regex).group(1))


def test_dhcp_address_at_boot():
    with boot_to_prompt("init=kmon") as q:
        t, addr, prefix, gw = bound_line(q)
        assert (addr, prefix, gw) == ("10.0.2.15", 24, "10.0.2.2"), q.describe()
        q.check(STAMP + r"net: lwIP 2\.1\.3, lo 127\.0\.0\.1/8$")
        started = stamp_of(q, r"net: eth0: DHCP started$")
        ready = stamp_of(q, r"kernel: ready$")
        # QEMU answers at once: the boot waited for it (a second at most),
        # so the log is in order and the console quiet afterwards
        assert started <= t <= ready, (started, t, ready)
        assert ready - started < 1.0, (started, ready)
        assert len(re.findall(BOUND, q.log, re.M)) == 1, "the address line twice"
        power_off(q)


def test_dns_server_comes_from_dhcp():
    with QemuNetdev("init=kmon", ",dns=10.0.2.9") as q:
        q.prompt()
        bound_line(q)
        q.command("")
        pnp = q.command("cat /proc/net/pnp")
        assert pnp == "#PROTO: DHCP\nnameserver 10.0.2.9\n", repr(pnp)
        power_off(q)


def test_no_dhcp_answer_holds_the_boot_a_second_at_most():
    # QEMU's user network without IPv4: nobody answers DHCP
    with QemuNetdev("init=kmon", ",ipv4=off") as q:
        q.prompt()
        started = stamp_of(q, r"net: eth0: DHCP started$")
        gave_up = stamp_of(q, r"net: eth0: no DHCP answer within 1000 ms; "
                              r"going on, the address will come later$")
        ready = stamp_of(q, r"kernel: ready$")
        assert 1.0 <= gave_up - started < 1.5 and ready - gave_up < 0.5, \
            (started, gave_up, ready)
        q.check_absent(BOUND)
        pnp = q.command("cat /proc/net/pnp")
        assert pnp == "#PROTO: DHCP\nnameserver 10.0.2.3\n", repr(pnp)
        power_off(q)


def test_static_address_is_bound_before_init():
    with boot_to_prompt("init=kmon ip=10.0.2.20/24:10.0.2.2") as q:
        t, addr, prefix, gw = bound_line(q)
        assert (addr, prefix, gw) == ("10.0.2.20", 24, "10.0.2.2"), q.describe()
        assert t <= stamp_of(q, r"kernel: ready$")
        q.check_absent(r"DHCP")
        q.command("")
        pnp = q.command("cat /proc/net/pnp")
        assert pnp == "#MANUAL\nnameserver 10.0.2.3\n", repr(pnp)
        power_off(q)


def test_bad_ip_values_fall_back_to_dhcp():
    cases = {
        "ip=10.0.2.15/24:10.0.3.2": r"the gateway is outside the subnet",
        "ip=10.0.2.0/24:10.0.2.2": r"network or broadcast address",
        "ip=10.0.2.15/0:10.0.2.2": r"the prefix must be",
        "ip=bogus": r"bad ip=bogus \(want ip=dhcp or ip=ADDR/PREFIX:GATEWAY\)",
    }
    for word, why in cases.items():
        with boot_to_prompt(f"init=kmon {word}") as q:
            q.check(r"error: net: .*" + why + r".*using DHCP$")
            t, addr, prefix, gw = bound_line(q)
            assert (addr, prefix, gw) == ("10.0.2.15", 24, "10.0.2.2"), word
            power_off(q)
    # errors reach the console even with quiet
    with boot_to_prompt("init=kmon quiet ip=10.0.2.15/24:10.9.9.9") as q:
        q.check(STAMP + r"error: net: ip=10\.0\.2\.15/24:10\.9\.9\.9: the gateway is "
                r"outside the subnet: using DHCP$")
        power_off(q)


def dev_table(text):
    """/proc/net/dev's rows: name -> its 16 counters."""
    lines = text.splitlines()
    assert lines[0].startswith("Inter-|   Receive"), lines[0]
    assert lines[1].startswith(" face |bytes    packets errs drop fifo"), lines[1]
    rows = {}
    for line in lines[2:]:
        name, _, counters = line.partition(":")
        values = [int(v) for v in counters.split()]
        assert len(values) == 16, line
        rows[name.strip()] = values
    return rows


def lwip_stats(text):
    """/proc/net/lwip: (kind, name) -> {key: value} (name None if none)."""
    stats = {}
    for line in text.splitlines():
        words = line.split()
        name = words[1] if len(words) % 2 == 0 else None
        pairs = words[2:] if name else words[1:]
        stats[(words[0], name)] = {k: int(v) for k, v in zip(pairs[::2], pairs[1::2])}
    return stats


def test_proc_net_files():
    with boot_to_prompt("init=kmon") as q:
        bound_line(q)
        q.command("")  # past the address line, if it followed the prompt
        assert q.command("ls /proc/net").split() == [
            "d0555", "2", "0", ".", "d0555", "3", "0", "..",
            "-0444", "1", "0", "dev", "-0444", "1", "0", "pnp",
            "-0444", "1", "0", "tcp", "-0444", "1", "0", "udp",
            "-0444", "1", "0", "lwip", "-0444", "1", "0", "if_inet",
            "-0444", "1", "0", "route", "-0444", "1", "0", "snmp",
            "-0444", "1", "0", "sockstat"]

        rows = dev_table(q.command("cat /proc/net/dev"))
        assert set(rows) == {"lo", "eth0"}, rows
        eth0 = rows["eth0"]
        # DHCP: at least a discover and a request out, an offer and an ack in
        assert eth0[1] >= 2 and eth0[9] >= 2, eth0
        assert eth0[0] >= 2 * 300 and eth0[8] >= 2 * 300, eth0  # bytes

        pnp = q.command("cat /proc/net/pnp")
        assert pnp == "#PROTO: DHCP\nnameserver 10.0.2.3\n", repr(pnp)
        assert q.command("cat /etc/resolv.conf") == pnp

        tcp = q.command("cat /proc/net/tcp").splitlines()
        assert tcp[0].split()[:4] == ["sl", "local_address", "rem_address", "st"]
        assert len(tcp) == 1, tcp  # nothing open yet
        udp = q.command("cat /proc/net/udp").splitlines()
        assert len(udp) == 2 and " 00000000:0044 " in udp[1], udp  # DHCP's port 68

        stats = lwip_stats(q.command("cat /proc/net/lwip"))
        pools = {n: s for (k, n), s in stats.items() if k == "pool"}
        for name in ("TCP_PCB", "TCP_PCB_LISTEN", "TCP_SEG", "UDP_PCB",
                     "NETCONN", "PBUF_POOL", "TCPIP_MSG_INPKT"):
            assert name in pools, sorted(pools)
        for name, s in pools.items():
            assert s["used"] <= s["max"] <= s["avail"], (name, s)
            assert s["err"] == 0, (name, s)
        assert pools["TCP_PCB"]["avail"] >= 512 and pools["NETCONN"]["avail"] >= 512
        assert stats[("pcb", None)] == {"tcp_active": 0, "tcp_listen": 0,
                                        "tcp_time_wait": 0, "tcp_bound": 0,
                                        "udp": 1}
        assert stats[("proto", "udp")]["recv"] >= 2
        stack = stats[("tcpip_stack", None)]
        assert 0 < stack["used"] < stack["size"] // 2, stack
        power_off(q)
