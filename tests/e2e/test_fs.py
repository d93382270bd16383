"""tests/e2e/test_fs.py - the root filesystem, end to end.

The kernel mounts build/disk.img (ext2 on the ATA disk) as "/" at boot,
with /dev and /proc; through the monitor's file commands it writes a known
tree, powers off, and the host checks the image with e2fsck -fn and reads
it back with debugfs.  A damaged image must be refused with a message,
and the kernel must stay usable.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import boot_to_prompt, disk_workdir  # noqa: E402


def tool(name):
    """The path of an e2fsprogs tool (they live in /sbin on Debian)."""
    found = shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/sbin/{name}") if os.path.exists(p)), None)
    assert found, f"{name} not found: install e2fsprogs (tools/setup)"
    return found


def debugfs(image, request):
    out = subprocess.run([tool("debugfs"), "-R", request, str(image)],
                         capture_output=True, text=True, timeout=30)
    return out.stdout


def e2fsck(image):
    out = subprocess.run([tool("e2fsck"), "-fn", str(image)],
                         capture_output=True, text=True, timeout=60)
    return out.returncode, out.stdout + out.stderr


def power_off(q):
    q.send("poweroff\r")
    rc = q.wait()
    assert rc == 1, f"QEMU exit status {rc}, expected 1"


def test_root_is_mounted_and_listed():
    with boot_to_prompt("init=kmon") as q:
        q.check(r"vfs: mounted hda \(ext2\) on /\n")
        q.check(r"vfs: mounted devfs \(devfs\) on /dev\n")
        q.check(r"vfs: / holds:.* README\b")
        out = q.command("cat /README")
        assert "root filesystem of the teaching OS" in out, out
        mounts = q.command("cat /proc/mounts")
        assert "hda / ext2 rw 0 0" in mounts and "/proc proc" in mounts, mounts
        devs = q.command("ls /dev")
        for name in ("null", "zero", "console", "ttyS0", "hda"):
            assert re.search(rf" {name}$", devs, re.M), f"/dev/{name} missing:\n{devs}"
        power_off(q)


# The tree the kernel writes, and what the host must find afterwards.
COMMANDS = [
    "mkdir /t", "mkdir /t/a", "mkdir /t/a/b", "mkdir /t/gone",
    "write /t/a/b/hello hello from the kernel",
    "append /t/a/b/hello second line",
    "write /t/victim doomed", "rm /t/victim", "rmdir /t/gone",
    "ln /t/a/b/hello /t/hard",
    "symlink a/b/hello /t/fast",
    "symlink /t/" + "long/" * 20 + "target /t/slow",
    "write /t/old moved", "mv /t/old /t/a/new",
    "mkdir /t/d1", "mv /t/d1 /t/a/b/d2",
    "write /t/trunc 0123456789abcdef", "truncate /t/trunc 4",
]


def test_kernel_writes_a_tree_the_host_can_read():
    with tempfile.TemporaryDirectory(prefix="os-fs-") as top:
        image = disk_workdir(top)
        with boot_to_prompt("init=kmon quiet", workdir=top) as q:
            for cmd in COMMANDS:
                out = q.command(cmd)
                assert "error" not in out, f"{cmd}: {out}"
            power_off(q)
        rc, report = e2fsck(image)
        assert rc == 0, f"e2fsck -fn found problems:\n{report}"
        assert debugfs(image, "cat /t/a/b/hello") == \
            "hello from the kernel\nsecond line\n"
        assert debugfs(image, "cat /t/a/new") == "moved\n"
        assert debugfs(image, "cat /t/trunc") == "0123"
        hello = debugfs(image, "stat /t/hard")
        assert re.search(r"Links: 2\b", hello), hello
        assert "Fast link dest: \"a/b/hello\"" in debugfs(image, "stat /t/fast")
        listing = debugfs(image, "ls -l /t")
        for gone in ("victim", "gone", "old", "d1"):
            assert not re.search(rf" {gone}\s*$", listing, re.M), listing
        d2 = debugfs(image, "ls /t/a/b/d2")
        assert ".." in d2, d2
        state = subprocess.run([tool("dumpe2fs"), "-h", str(image)],
                               capture_output=True, text=True).stdout
        assert re.search(r"Filesystem state:\s+clean", state), state


def test_files_survive_a_reboot():
    with tempfile.TemporaryDirectory(prefix="os-fs-") as top:
        disk_workdir(top)
        with boot_to_prompt("init=kmon quiet", workdir=top) as q:
            assert "error" not in q.command("write /persist across boots")
            power_off(q)
        with boot_to_prompt("init=kmon quiet", workdir=top) as q:
            assert "across boots" in q.command("cat /persist")
            power_off(q)


def test_damaged_image_is_refused_and_the_kernel_carries_on():
    with tempfile.TemporaryDirectory(prefix="os-fs-") as top:
        image = disk_workdir(top)
        with open(image, "r+b") as f:  # wreck the superblock's magic
            f.seek(1024 + 56)
            f.write(b"\x00\x00")
        with boot_to_prompt("init=kmon", workdir=top) as q:
            q.check(r"ext2: .*magic")
            q.check(r"vfs: no root filesystem")
            assert "error" in q.command("ls /")
            power_off(q)
