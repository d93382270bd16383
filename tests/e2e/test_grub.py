"""tests/e2e/test_grub.py - booting the GRUB ISOs with -cdrom.

build/os.iso (make iso) has the command line "init=/sbin/init";
build/test.iso (make test) has
"init=/sbin/init ip=10.0.2.15/24:10.0.2.2 -- from grub".  GRUB under TCG
takes a few seconds, hence the longer timeouts.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import ISO, TEST_ISO, Qemu  # noqa: E402

BOOT_TIMEOUT = 90
# GRUB 2.06's multiboot command passes only the words after the kernel's
# path; other GRUB versions put the path first.
GRUB_PATH = r"(?:/boot/kernel\.elf )?"


def test_grub_iso_boots_init():
    # The ISO's grub.cfg says init=/sbin/init: GRUB -> kernel -> pid 1,
    # which runs /etc/rc and keeps a shell on the console; "poweroff"
    # typed there powers the machine off (QEMU's status 1: exit code 0).
    with Qemu(iso=ISO, timeout=BOOT_TIMEOUT + 60) as q:
        q.expect(r"Teaching OS \S+ \(i386\), booted by GRUB", BOOT_TIMEOUT)
        q.expect(rf"\] cmdline: '{GRUB_PATH}init=/sbin/init'\n")
        q.expect(r"\] kernel: ready\n")
        q.expect(r"init: started \(pid 1\)\n")
        q.expect(r"[$#] $", 30)
        q.send("poweroff\r")
        rc = q.wait(30)
        assert rc == 1, f"QEMU exit status {rc}, expected 1"


def test_grub_passes_init_arguments():
    # test.iso: init runs its arguments: a glibc program, given two more.
    with Qemu(iso=TEST_ISO, timeout=BOOT_TIMEOUT + 30) as q:
        q.expect(r"booted by GRUB", BOOT_TIMEOUT)
        q.expect(rf"\] cmdline: '{GRUB_PATH}init=/sbin/init "
                 r"ip=10\.0\.2\.15/24:10\.0\.2\.2 -- /tests/hello_glibc from grub'\n")
        q.expect(r"\] init: /sbin/init, 3 arguments\n")
        q.expect_next(r"\[[ \d.]+\] init: argv\[1\] = '/tests/hello_glibc'\n")
        q.expect_next(r"\[[ \d.]+\] init: argv\[2\] = 'from'\n")
        q.expect_next(r"\[[ \d.]+\] init: argv\[3\] = 'grub'\n")
        q.expect(r"hello from glibc\n")
        q.expect(r"init exited with status 0\n")
        assert "warning" not in q.log, "a warning on a valid command line"
        rc = q.wait()
        assert rc == 1, f"QEMU exit status {rc}, expected 1"
