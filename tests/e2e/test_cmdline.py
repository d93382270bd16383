"""tests/e2e/test_cmdline.py - the kernel command line, end to end.

QEMU's -append text reaches the kernel through Multiboot; these tests
check what the kernel makes of it (init, its argv, warnings, quiet, an
over-long line).
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import Qemu  # noqa: E402

WARN = r"\] warning: ignoring unknown or malformed kernel parameter '{}'\n"


def power_off(q):
    q.send("poweroff\r")
    assert q.wait() == 1, f"QEMU exit status {q.proc.returncode}"


def test_init_and_its_arguments():
    with Qemu("init=/bin/sh -- one two three") as q:
        q.expect(r"cmdline: 'build/kernel.elf init=/bin/sh -- one two three'\n")
        q.expect(r"init: /bin/sh, 3 arguments\n")
        for i, word in enumerate(["one", "two", "three"], 1):
            q.expect(rf"\] init: argv\[{i}\] = '{word}'\n")
        q.expect(r"init: /bin/sh: no user space yet; starting the kernel monitor")
        q.prompt()
        assert "warning" not in q.log, "unexpected warning"
        power_off(q)


def test_unknown_word_is_warned_about():
    with Qemu("init=kmon frobnicate=1 -- -v") as q:
        q.expect(WARN.format("frobnicate=1"))
        q.expect(r"init: kmon, 1 argument\n")
        q.expect(r"init: argv\[1\] = '-v'\n")
        q.prompt()
        warnings = re.findall(r"warning: .*", q.log)
        assert not any("'-v'" in w for w in warnings), \
            "a word after -- was taken as a kernel parameter"
        assert "no user space yet" not in q.log, "init=kmon printed the init line"
        power_off(q)


def test_ip_parameter_forms():
    good = ["ip=dhcp", "ip=10.0.2.15/24:10.0.2.2"]
    bad = ["ip=10.0.2/24:10.0.2.2", "ip=300.0.2.15/24:10.0.2.2",
           "ip=10.0.2.15/33:10.0.2.2", "ip=10.0.2.15/24", "ip="]
    with Qemu(" ".join(["init=kmon"] + good + bad)) as q:
        q.prompt()
        warned = re.findall(r"warning: ignoring unknown or malformed kernel "
                            r"parameter '(.*)'\n", q.log)
        power_off(q)
    assert warned == bad, f"warned about {warned}, expected {bad}"


def test_quiet_hides_log_but_monitor_answers():
    with Qemu("init=kmon quiet") as q:
        q.prompt()
        before = q.log
        out = q.command("ticks")
        assert re.search(r"^ticks: \d+ \(1000 Hz\)$", out, re.M), out
        out = q.command("log")
        power_off(q)
    assert "Teaching OS" not in before and "[" not in before, \
        f"quiet boot printed log lines:\n{before}"
    assert "Teaching OS" in out and "kernel: ready" in out, \
        "'log' does not show the hidden boot messages"


def test_overlong_command_line_is_cut_at_a_word():
    # 'ip=dhcp ' is 8 bytes and valid: only a word cut in half ("ip=d")
    # would be warned about.
    words = "init=kmon " + "ip=dhcp " * 375  # about 3000 bytes
    with Qemu(words.strip()) as q:
        q.expect(r"\] warning: command line longer than 1023 bytes: cut to "
                 r"'build/kernel\.elf init=kmon ip=dhcp ip=dhcp")
        q.expect(r"\] kernel: ready\n")
        q.prompt()
        assert "malformed" not in q.log, "the cut split a word"
        power_off(q)
