"""tests/e2e/test_fifo.py - FIFOs (named pipes) end to end.

  - On the host: our /bin/mkfifo against GNU's (tests/utils/compare.py):
    modes, -m's octal and symbolic forms, messages and statuses.
  - In the OS, at the shell: "cat p & echo hi > p" through a FIFO, and
    ls -l and stat showing it as one.
  - On the disk: tests/os/fifo's helper, booted as init, leaves a FIFO
    that carried data, a character and a block device node, a socket
    node and a regular file made by mknod, and exits holding an unlinked
    FIFO open; after the power-off e2fsck -fn must find the image clean
    and debugfs must see each node as Linux would have made it (a FIFO
    has no blocks; device numbers in ext2's old and new encodings).

The system calls themselves are tests/os/fifo's (test_os_programs).
"""

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "utils"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import bad_option, compare  # noqa: E402
from qemu import Qemu, disk_workdir, exit_status  # noqa: E402
from test_fs import debugfs, e2fsck  # noqa: E402


# --- /bin/mkfifo against GNU's

def test_mkfifo_makes_fifos_like_gnu():
    compare("mkfifo", ["p"], tree=True)
    compare("mkfifo", ["a", "b", "c"], tree=True)
    compare("mkfifo", ["-m", "600", "a", "b"], tree=True)
    compare("mkfifo", ["-m", "0", "p"], tree=True)
    compare("mkfifo", ["-m", "u=rw,go=r", "p"], tree=True)
    compare("mkfifo", ["-m", "+x", "p"], tree=True)
    compare("mkfifo", ["-m", "a=rwx", "p"], tree=True)
    compare("mkfifo", ["-m", "=r", "p"], tree=True)


def test_mkfifo_errors_like_gnu():
    compare("mkfifo", ["p", "q"], files={"p": "x"}, tree=True)
    compare("mkfifo", ["d"], files={"d/": None}, tree=True)
    compare("mkfifo", ["nodir/p"])
    compare("mkfifo", [])
    compare("mkfifo", ["-m", "zz", "p"], tree=True)
    compare("mkfifo", ["-m", "1777", "p"], tree=True)
    compare("mkfifo", ["-m", "g+s", "p"], tree=True)
    compare("mkfifo", ["-m", "8", "p"], tree=True)
    bad_option("mkfifo")
    bad_option("mkfifo", ["-m"])


# --- the shell in the OS

PROMPT = r"\n\$ "


def test_a_fifo_at_the_shell_in_the_os():
    with Qemu("init=/sbin/init quiet", timeout=180) as q:
        q.expect(r"(?:^|\n)\$ ", 60)
        q.send("mkdir -p /tmp/f && cd /tmp/f && mkfifo p && echo made\n")
        q.expect(r"\nmade" + PROMPT)
        q.send("cat p & echo hi through the fifo > p; wait; echo waited $?\n")
        q.expect(r"\nhi through the fifo\n(?:.*\n)?waited 0" + PROMPT, 30)
        q.send("ls -l p\n")
        q.expect(r"\nprw-r--r-- +1 .* 0 .* p\n.*\$ ")
        q.send("stat -c '%F %s' p\n")
        q.expect(r"\nfifo 0" + PROMPT)
        q.send("rm p && cd / && echo removed\n")
        q.expect(r"\nremoved" + PROMPT)
        q.send("poweroff\n")
        rc = q.wait(60)
    assert rc == exit_status(0), f"QEMU exit status {rc}"


# --- the nodes on the disk

def test_nodes_on_the_disk_pass_e2fsck():
    with tempfile.TemporaryDirectory(prefix="os-fifo-") as top:
        image = disk_workdir(top)
        with Qemu("init=/tests/fifo quiet -- --helper leave /", timeout=120,
                  workdir=top) as q:
            q.expect(r"left: fifo chr blk sock reg\n", 100)
            rc = q.wait(60)
        assert rc == exit_status(0), f"QEMU exit status {rc}:\n{q.log}"
        status, report = e2fsck(image)
        assert status == 0, f"e2fsck -fn found problems:\n{report}"
        fifo = debugfs(image, "stat /fifo")
        assert re.search(r"Type: FIFO\b", fifo), fifo
        assert re.search(r"Mode: +0640\b", fifo), fifo
        assert re.search(r"Size: 0\b", fifo), fifo
        assert re.search(r"Blockcount: 0\b", fifo), fifo
        chr_ = debugfs(image, "stat /chr")
        assert re.search(r"Type: character special\b", chr_), chr_
        assert re.search(r"Device major/minor number: 0*1:0*3\b", chr_), chr_
        blk = debugfs(image, "stat /blk")
        assert re.search(r"Type: block special\b", blk), blk
        assert re.search(r"Device major/minor number: 259:300\b", blk), blk
        sock = debugfs(image, "stat /sock")
        assert re.search(r"Type: socket\b", sock), sock
        reg = debugfs(image, "stat /reg")
        assert re.search(r"Type: regular\b", reg), reg
        listing = debugfs(image, "ls /")
        assert "gone" not in listing, listing
