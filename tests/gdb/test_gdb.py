"""tests/gdb/test_gdb.py - debugging the kernel with GDB and tools/gdbinit.

QEMU starts stopped (-S) with its gdbstub on a free local port; GDB runs
in batch mode with tools/gdbinit, attaches with kconnect and runs a few
commands; its output is checked.  When GDB exits it detaches and the
kernel runs on, which the tests check too (prompt, then poweroff).
"""

import re
import socket
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from qemu import Qemu  # noqa: E402

GDB_TIMEOUT = 60
MULTIBOOT_MAGIC = 0x2BADB002


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def debug_qemu(port):
    return Qemu("init=kmon", extra=["-S", "-gdb", f"tcp:127.0.0.1:{port}"])


def run_gdb(port, *commands):
    """GDB's output for COMMANDS after kconnect; killed (by PID) if it
    takes longer than GDB_TIMEOUT."""
    argv = ["gdb", "-nx", "-batch", "-x", "tools/gdbinit",
            "-ex", f"kconnect {port}"]
    for c in commands:
        argv += ["-ex", c]
    proc = subprocess.Popen(argv, cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors="replace")
    try:
        out, _ = proc.communicate(timeout=GDB_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.terminate()
        try:
            out, _ = proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
        raise AssertionError(f"gdb still running after {GDB_TIMEOUT}s: killed\n"
                             f"--- gdb output ---\n{out}")
    return out


def check(cond, message, gdb_output):
    if not cond:
        raise AssertionError(f"{message}\n--- gdb output ---\n{gdb_output}")


def resume_and_power_off(q):
    """After GDB detached: the kernel runs on to the prompt."""
    q.prompt()
    q.send("poweroff\r")
    rc = q.wait()
    assert rc == 1, f"QEMU exit status {rc}, expected 1"


def test_break_in_the_timer_interrupt():
    port = free_port()
    with debug_qemu(port) as q:
        out = run_gdb(port, "break timer_tick if ticks > 500", "continue", "bt",
                      "print ticks", "print boot_params.init", "kticks",
                      "kmemmap")
        check(re.search(r"^Breakpoint \d+, timer_tick ", out, re.M),
              "did not stop in timer_tick", out)
        frames = re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\w+) ", out, re.M)
        check(frames[:3] == ["timer_tick", "irq_dispatch", "trap_dispatch"],
              f"backtrace {frames}", out)
        # Through the interrupt to the start of whatever task was running:
        # higher_half (the boot task, via kmain) or task_start (a kernel thread).
        check(frames[3:4] == ["trap_call_c"] and frames[-1] in ("higher_half", "task_start")
              and len(frames) > 5, f"the backtrace does not get through the "
              f"interrupt to the interrupted task's start: {frames}", out)
        check(re.search(r'^\$2 = 0x[0-9a-f]+ <boot_params\+\d+> "kmon"$', out, re.M),
              "print boot_params.init does not show \"kmon\"", out)
        check(re.search(r"^\$1 = \d+$", out, re.M), "print ticks failed", out)
        check(re.search(r"^ticks: \d+$", out, re.M), "kticks printed no ticks", out)
        ranges = re.findall(r"^(?:0x)?[0-9a-f]+-0x[0-9a-f]+ type (\d+)$", out, re.M)
        check("1" in ranges, f"kmemmap printed no usable range: {ranges}", out)
        resume_and_power_off(q)


def elf_entry(path):
    """The entry point address in a 32-bit ELF file's header."""
    header = (ROOT / path).read_bytes()[:28]
    assert header[:5] == b"\x7fELF\x01", f"{path} is not a 32-bit ELF file"
    return struct.unpack_from("<I", header, 24)[0]


def test_kentry_stops_at_the_entry_point():
    entry = elf_entry("build/kernel.elf")
    port = free_port()
    with debug_qemu(port) as q:
        out = run_gdb(port, "kentry", r'printf "pc=%#x eax=%#x\n", $pc, $eax',
                      "info line kmain")
        m = re.search(r"^pc=(0x[0-9a-f]+|0) eax=(0x[0-9a-f]+|0)$", out, re.M)
        check(m, "no pc/eax line", out)
        pc, eax = (int(v, 16) for v in m.groups())
        check(pc == entry, f"stopped at pc={pc:#x}, the ELF entry is {entry:#x}", out)
        check(eax == MULTIBOOT_MAGIC, f"eax={eax:#x} at the entry, "
              f"expected the Multiboot magic {MULTIBOOT_MAGIC:#x}", out)
        check(re.search(r"^Temporary breakpoint \d+, \w+ \(\) at \S+\.asm:\d+$",
                        out, re.M), "the stop is not named by symbol and line", out)
        check(re.search(r'^Line \d+ of "kernel/main\.c"', out, re.M),
              "no line information for kmain (symbols not loaded?)", out)
        resume_and_power_off(q)
