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


def panic_report(command, header, trap_line, frames, cmdline="init=kmon quiet"):
    """Types COMMAND at the monitor and checks the panic report: HEADER,
    TRAP_LINE (None for a plain panic), the register dump, the backtrace
    starting with FRAMES[0] and containing the rest in order, and QEMU's
    exit status.  Returns cr2 from the dump."""
    with Qemu(cmdline) as q:
        q.prompt()
        q.send(command + "\r")
        q.expect(rf"PANIC: {header}\n", 30)
        if trap_line:
            q.expect_next(trap_line + r"\n")
        cr2 = check_dump(q)
        q.expect_next(frame(frames[0]))
        for name in frames[1:]:
            q.expect(frame(name), 10)
        rc = q.wait()
        assert rc == PANIC_STATUS, f"QEMU exit status {rc}, expected {PANIC_STATUS}"
        return cr2


def test_panic_from_the_monitor():
    panic_report("panic boom", "requested from the monitor: boom", None,
                 ["cmd_panic", "monitor_exec", "monitor_run", "kmain"])


def test_null_dereference_in_the_kernel():
    cr2 = panic_report("fault", "page fault in kernel",
                       r"trap 14 \(page fault\), error code 0x0",
                       ["cmd_fault", "kmain"], cmdline="init=kmon")
    assert cr2 == "00000000", f"cr2={cr2}, expected the NULL address"


def test_kernel_stack_overflow_is_a_double_fault_report():
    panic_report("overflow", r"double fault in kernel.*",
                 r"trap 8 \(double fault\), error code 0x0",
                 ["recurse", "cmd_overflow", "kmain"])
