"""tests/e2e/test_init.py - /sbin/init as the system's first process, and
poweroff and reboot.

init's test mode (init=/sbin/init -- PROG ARGS: run PROG, exit with its
status) is tested in test_user.py and by the os-host suite; here init
keeps a program on the console:
  - with a stand-in for the shell ("-- -s PROGRAM", no /bin/sh needed):
    the program runs as a login program ("-ps"), leads a session of its
    own that owns the console (ps shows "s+"), init itself has given the
    console up, a ^C typed kills the program but not init, and init
    starts it again after each end, pausing 10 seconds after five quick
    deaths in a row;
  - plain init=/sbin/init: /etc/rc runs with /bin/sh, then the login
    shell's prompt; "exit" gets a new shell; "kill 1" does nothing;
    "poweroff" typed at the shell turns the machine off cleanly, with what
    was written on the disk.  These need /bin/sh: until it is built they are skipped with a
    message on stderr.
poweroff and reboot run as init's program too: reboot(2) ends QEMU with
status 1 ((0 << 1) | 1, DESIGN.md's power-off contract) without init
exiting.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qemu import ROOT, Qemu, disk_workdir, exit_status  # noqa: E402

SHELL_BUILT = ROOT / "build" / "user" / "bin" / "sh"
RESPAWN = r"init: {} (exited with status \d+|was killed by signal \d+); starting a new one\n"
PROMPT = r"[$#] $"  # the shell's prompt, at the end of the output so far


def e2fsprogs(name):
    """The path of an e2fsprogs tool (in /sbin on Debian)."""
    found = shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/sbin/{name}") if os.path.exists(p)), None)
    assert found, f"{name} not found: install e2fsprogs (tools/setup)"
    return found


def check_clean(image, what):
    fsck = subprocess.run([e2fsprogs("e2fsck"), "-fn", str(image)],
                          capture_output=True, text=True, timeout=60)
    assert fsck.returncode == 0, f"{what}: e2fsck -fn:\n{fsck.stdout}{fsck.stderr}"


def skip_without_shell(test):
    if SHELL_BUILT.exists():
        return False
    print(f"# {test}: skipped: /bin/sh is not built yet ({SHELL_BUILT})",
          file=sys.stderr)
    return True


def ps_listing(q):
    """The next ps listing on the console: {pid: (ppid, stat, command)}."""
    m = q.expect(r"  PID  PPID STAT     TIME COMMAND\n((?: *\d+ .*\n)+)(?=init: )", 30)
    rows = {}
    for line in m.group(1).splitlines():
        pid, ppid, stat, _, command = line.split(None, 4)
        rows[int(pid)] = (int(ppid), stat, command)
    return rows


def test_console_program_runs_in_its_own_session_and_respawns():
    with Qemu("init=/sbin/init quiet -- -s /bin/ps", timeout=90) as q:
        q.expect(r"init: started \(pid 1\)\n")
        pids = []
        for _ in range(5):
            rows = ps_listing(q)
            mine = [pid for pid, (_, _, cmd) in rows.items() if cmd == "-ps"]
            assert len(mine) == 1, rows
            ppid, stat, _ = rows[mine[0]]
            assert ppid == 1 and stat.endswith("s+"), rows  # session leader,
            # in the console's foreground group
            assert not rows[1][1].endswith("+"), rows  # init gave it up
            pids.append(mine[0])
            q.expect(RESPAWN.format("/bin/ps"))
        assert pids == sorted(set(pids)), pids
        # five quick exits in a row: a pause of 10 seconds
        m = q.expect(r"init: /bin/ps is respawning too fast: waiting 10 seconds\n")
        paused_at = q.arrival(m.end() - 1)
        m = q.expect(r"  PID  PPID STAT", 30)
        waited = q.arrival(m.start()) - paused_at
        assert 9 <= waited <= 20, f"paused {waited:.1f} s"


def test_console_program_reads_the_terminal_and_takes_its_signals():
    # lowio-std writes a line, reads one from fd 0 and reports its length
    with Qemu("init=/sbin/init quiet -- -s /bin/lowio-std", timeout=60) as q:
        q.expect(r"I am a process\.\n")
        q.send("hello\r")
        q.expect(r"Got 6 chars\n")
        q.expect(RESPAWN.format("/bin/lowio-std"))
        q.expect(r"I am a process\.\n")
        q.send("\x03")  # ^C: SIGINT to the console's foreground group
        q.expect(r"init: /bin/lowio-std was killed by signal 2; starting a new one\n")
        q.expect(r"I am a process\.\n")
        q.send("\x04")  # ^D on an empty line: end of file
        q.expect(r"Got 0 chars\n")
        q.check_absent(r"init exited")


def test_poweroff_and_reboot_turn_the_machine_off():
    for program in ("/sbin/poweroff", "/sbin/reboot"):
        with tempfile.TemporaryDirectory(prefix="os-test-init-") as top:
            image = disk_workdir(top)
            with Qemu(f"init=/sbin/init quiet -- {program}", workdir=top) as q:
                q.expect(r"init: started \(pid 1\)\n")
                rc = q.wait(30)
                # reboot(2) ended it: init did not exit with a status
                assert rc == exit_status(0), f"{program}: QEMU exit status {rc}"
                q.check_absent(r"init exited")
            check_clean(image, program)


def test_poweroff_refuses_arguments():
    with Qemu("init=/sbin/init quiet -- /sbin/poweroff now") as q:
        q.expect(r"poweroff: extra operand 'now'\nusage: poweroff\n")
        q.expect(r"init exited with status 2\n")
        assert q.wait() == exit_status(2)


def test_missing_console_program():
    with Qemu("init=/sbin/init quiet -- -s /bin/no-such-shell") as q:
        q.expect(r"init: /bin/no-such-shell: No such file or directory: "
                 r"no shell for the console\n")
        q.expect(r"init exited with status 127\n")
        assert q.wait() == exit_status(127)


def test_rc_then_the_login_shell():
    if skip_without_shell("test_rc_then_the_login_shell"):
        return
    with Qemu("init=/sbin/init quiet", timeout=90) as q:
        q.expect(r"init: started \(pid 1\)\n")
        q.expect(r"rc: the system is up\n")
        q.expect(r"Welcome to the teaching OS\.")
        q.expect(PROMPT, 30)  # typed earlier, a line may be flushed
        q.send("echo one-marker\r")
        q.expect(r"(?m)^one-marker\n", 30)
        q.expect(PROMPT, 30)
        q.send("exit\r")
        q.expect(RESPAWN.format("/bin/sh"), 30)
        q.expect(PROMPT, 30)
        q.send("echo two-marker\r")
        q.expect(r"(?m)^two-marker\n", 30)
        # init ignores the signals Linux would keep from process 1
        for sig in ("TERM", "HUP", "INT", "USR1"):
            q.expect(PROMPT, 30)
            q.send(f"kill -{sig} 1\r")
        q.expect(PROMPT, 30)
        q.send("echo three-marker\r")
        q.expect(r"(?m)^three-marker\n", 30)
        q.check_absent(r"init exited")


def test_poweroff_typed_at_the_shell():
    if skip_without_shell("test_poweroff_typed_at_the_shell"):
        return
    with tempfile.TemporaryDirectory(prefix="os-test-init-") as top:
        image = disk_workdir(top)
        with Qemu("init=/sbin/init quiet", workdir=top, timeout=90) as q:
            q.expect(r"rc: the system is up\n")
            q.expect(PROMPT, 30)
            q.send("echo written before poweroff > /saved\r")
            q.expect(PROMPT, 30)
            q.send("poweroff\r")
            rc = q.wait(30)
            assert rc == exit_status(0), f"QEMU exit status {rc}"
            q.check_absent(r"init exited")
        check_clean(image, "poweroff")
        saved = subprocess.run([e2fsprogs("debugfs"), "-R", "cat /saved", str(image)],
                               capture_output=True, text=True, timeout=30)
        assert saved.stdout == "written before poweroff\n", saved.stdout
