"""tests/e2e/test_panic.py - the panic path: message, registers, backtrace.

A panic prints its report even with quiet and powers off with status 0x70,
so QEMU exits with 225: a requested panic, a NULL dereference and a
kernel stack overflow (double fault) are checked.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import PANIC_STATUS, Qemu  # noqa: E402

HEX = r"[0-9a-f]{8}"
REGISTERS = [
    rf"eax={HEX} ebx={HEX} ecx={HEX} edx={HEX}\n",
    rf"esi={HEX} edi={HEX} ebp={HEX} esp={HEX}\n",
    rf"eip={HEX} eflags={HEX} cs=0060 ds=0068 .*\n",
    rf"cr0={HEX} cr2=({HEX}) cr3={HEX} cr4={HEX}\n",
]


def frame(name):
    return rf"  \[<{HEX}>\] {name}\+0x[0-9a-f]+\n"


def check_dump(q):
    """The register dump and backtrace header; returns cr2."""
    cr2 = None
    for regex in REGISTERS:
        m = q.expect_next(regex, 10)
        cr2 = m.group(1) if m.groups() else cr2
    q.expect_next(r"backtrace:\n", 10)
    return cr2


def test_panic_from_the_monitor():
    with Qemu("init=kmon quiet") as q:
        q.prompt()
        q.send("panic boom\r")
        q.expect(r"panic boom\n")
        q.expect_next(r"PANIC: requested from the monitor: boom\n")
        check_dump(q)
        q.expect_next(frame("cmd_panic"))
        q.expect(frame("monitor_exec"), 10)
        q.expect(frame("monitor_run"), 10)
        q.expect(frame("kmain"), 10)
        rc = q.wait()
        assert rc == PANIC_STATUS, f"QEMU exit status {rc}, expected {PANIC_STATUS}"


def test_null_dereference_in_the_kernel():
    with Qemu("init=kmon") as q:
        q.prompt()
        q.send("fault\r")
        q.expect(r"PANIC: page fault in kernel\n")
        q.expect_next(r"trap 14 \(page fault\), error code (0x)?0\n")
        cr2 = check_dump(q)
        assert cr2 == "00000000", f"cr2={cr2}, expected the NULL address"
        q.expect_next(frame("cmd_fault"))
        q.expect(frame("kmain"), 10)
        rc = q.wait()
        assert rc == PANIC_STATUS, f"QEMU exit status {rc}, expected {PANIC_STATUS}"


def test_kernel_stack_overflow_is_a_double_fault_report():
    with Qemu("init=kmon quiet") as q:
        q.prompt()
        q.send("overflow\r")
        q.expect(r"PANIC: double fault in kernel.*\n", 30)
        q.expect_next(r"trap 8 \(double fault\), error code (0x)?0\n")
        check_dump(q)
        q.expect_next(frame("recurse"))
        q.expect(frame("cmd_overflow"), 10)
        q.expect(frame("kmain"), 10)
        rc = q.wait()
        assert rc == PANIC_STATUS, f"QEMU exit status {rc}, expected {PANIC_STATUS}"
