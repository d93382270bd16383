"""tests/e2e/test_cmdline.py - the kernel command line, end to end.

QEMU's -append text reaches the kernel through Multiboot; these tests
check what the kernel makes of it (init, its argv, warnings, quiet, an
over-long line).  Each boots to the monitor prompt first, so the whole
boot log is there to check, then powers off.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import boot_to_prompt  # noqa: E402

WARNING = r"^\[[ \d.]+\] warning: ignoring unknown or malformed kernel parameter '(.*)'$"


def boot(cmdline):
    """A QEMU booted with CMDLINE to the monitor prompt."""
    return boot_to_prompt(cmdline)


def power_off(q):
    q.send("poweroff\r")
    assert q.wait() == 1, f"QEMU exit status {q.proc.returncode}"


def test_init_and_its_arguments():
    # a program that is not there: the kernel says so and falls back to
    # the monitor, where the whole log can be checked
    with boot("init=/bin/nothing -- one two three") as q:
        q.check(r"^\[[ \d.]+\] cmdline: 'build/kernel\.elf init=/bin/nothing -- one two three'$")
        q.check(r"^\[[ \d.]+\] init: /bin/nothing, 3 arguments\n"
                r"\[[ \d.]+\] init: argv\[1\] = 'one'\n"
                r"\[[ \d.]+\] init: argv\[2\] = 'two'\n"
                r"\[[ \d.]+\] init: argv\[3\] = 'three'\n")
        q.check(r"\] error: init: cannot run /bin/nothing \(error 2\); starting the kernel monitor$")
        q.check_absent(r"warning")
        power_off(q)


def test_unknown_word_is_warned_about():
    with boot("init=kmon frobnicate=1 -- -v") as q:
        warned = re.findall(WARNING, q.log, re.M)
        if warned != ["frobnicate=1"]:
            q.check(WARNING.replace("(.*)", "frobnicate=1"))
            raise AssertionError(f"warned about {warned}, expected only 'frobnicate=1'")
        q.check(r"\] init: kmon, 1 argument\n\[[ \d.]+\] init: argv\[1\] = '-v'\n")
        q.check_absent(r"cannot run")  # init=kmon asks for the monitor
        power_off(q)


def test_ip_parameter_forms():
    good = ["ip=dhcp", "ip=10.0.2.15/24:10.0.2.2"]
    bad = ["ip=10.0.2/24:10.0.2.2", "ip=300.0.2.15/24:10.0.2.2",
           "ip=10.0.2.15/33:10.0.2.2", "ip=10.0.2.15/24", "ip="]
    with boot(" ".join(["init=kmon"] + good + bad)) as q:
        warned = re.findall(WARNING, q.log, re.M)
        if warned != bad:
            q.check(WARNING.replace("(.*)", re.escape(bad[0])))
            raise AssertionError(f"warned about {warned}, expected {bad}")
        power_off(q)


def test_quiet_hides_log_but_monitor_answers():
    with boot("init=kmon quiet") as q:
        q.check_absent(r"Teaching OS|^\[")
        out = q.command("ticks")
        assert re.search(r"^ticks: \d+ \(1000 Hz\)$", out, re.M), f"ticks: {out!r}"
        out = q.command("log")
        assert "Teaching OS" in out and "kernel: ready" in out, \
            f"'log' does not show the hidden boot messages: {out!r}"
        power_off(q)


def test_overlong_command_line_is_cut_at_a_word():
    # 'ip=dhcp ' is 8 bytes and valid: only a word cut in half ("ip=d")
    # would be warned about.
    words = "init=kmon " + "ip=dhcp " * 375  # about 3000 bytes
    with boot(words.strip()) as q:
        q.check(r"^\[[ \d.]+\] warning: command line longer than 1023 bytes: "
                r"cut to 'build/kernel\.elf init=kmon ip=dhcp ip=dhcp")
        q.check(r"\] kernel: ready$")
        q.check_absent(r"malformed")
        power_off(q)
