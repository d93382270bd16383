"""tests/e2e/test_power.py - power-off without the isa-debug-exit device.

Without the device the kernel's write to port 0xf4 goes nowhere and it
falls back to ACPI (S5), after which QEMU exits with status 0.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import Qemu  # noqa: E402


def test_acpi_poweroff():
    with Qemu("init=kmon", debug_exit=False, timeout=60) as q:
        q.prompt()
        q.send("poweroff 3\r")
        q.expect(r"\] power: off \(status 3\)\n")
        rc = q.wait(30)
        assert rc == 0, f"QEMU exit status {rc}, expected 0 (ACPI power-off)"
        assert "power off failed" not in q.log, "ACPI power-off failed"
