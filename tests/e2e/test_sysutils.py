"""tests/e2e/test_sysutils.py - ps, kill, free, df, mount and dmesg.

On the host (our programs are Linux i386 executables, so they run here
next to the real tools) each is compared with the tool Debian installs,
reading the same /proc and the same filesystems:
  - kill -l, -L and the name/number translations with procps-ng's kill;
    exit statuses (kill -l 143) with the shell's kill -l, as POSIX asks;
    signals really sent (to sleep processes this test starts);
  - ps with procps's "ps -eo pid,ppid,stat,time,args";
  - free (every unit option) with procps-ng's free;
  - df (default, -h, -T, -a, named files, a missing file) with coreutils;
  - mount's list with util-linux's mount;
  - dmesg and dmesg -r with util-linux's "dmesg -S" (the syslog interface).
Values that move while the two run (memory in use, blocks used, the last
kernel messages) are compared with a tolerance or retried; layouts,
headers, totals and messages exactly.  Unknown options: status 2, a
message and the usage line.

In the OS (each boots init= with the program as its argument,
"init=/sbin/init -- /bin/ps", see bootrun.py): the same programs on this kernel's /proc
and ext2, checked for shape and for figures that must agree with each
other; mount with arguments (no mount(2) in the kernel) fails clearly.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "utils"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import bad_option, ours, run  # noqa: E402
from bootrun import boot_run  # noqa: E402

NO_SUCH_PID = 99999999  # above any pid_max: kill gets ESRCH
PROCPS_KILL = "/bin/kill"


def host(argv, **kw):
    """Runs a host tool; returns (status, stdout, stderr) as text."""
    p = subprocess.run(argv, capture_output=True, text=True, timeout=30,
                       env={"PATH": "/usr/bin:/bin:/usr/sbin:/sbin",
                            "LC_ALL": "C"}, **kw)
    return p.returncode, p.stdout, p.stderr


def mine(name, args=(), stdin=b""):
    """Runs our NAME; returns (status, stdout, stderr) as text."""
    r = run(ours(name), args, stdin=stdin, argv0=name)
    return (r.status, r.stdout.decode(errors="replace"),
            r.stderr.decode(errors="replace"))


def require_procps_kill():
    _, out, _ = host([PROCPS_KILL, "-V"])
    assert "procps" in out, f"{PROCPS_KILL} is not procps-ng's kill: {out!r}"


def close(a, b, tolerance):
    return abs(int(a) - int(b)) <= tolerance


# --- kill

def test_kill_lists_signals_as_procps():
    require_procps_kill()
    for args in (["-l"], ["-L"]):
        assert mine("kill", args)[1] == host([PROCPS_KILL] + args)[1], args
    for sig in range(1, 32):
        _, name, _ = host([PROCPS_KILL, "-l", str(sig)])
        assert mine("kill", ["-l", str(sig)]) == (0, name, ""), sig
        for spelling in (name.strip(), "SIG" + name.strip(), name.strip().lower()):
            _, number, _ = host([PROCPS_KILL, "-l", spelling])
            assert mine("kill", ["-l", spelling]) == (0, number, ""), spelling


def test_kill_names_exit_statuses_as_the_shell():
    # POSIX: "kill -l $?" after a job killed by a signal names the signal
    for status in (129, 130, 137, 143, 159):
        _, want, _ = host(["sh", "-c", f"kill -l {status}"])
        assert mine("kill", ["-l", str(status)]) == (0, want, ""), status


def test_kill_sends_signals():
    cases = [(["-s", "KILL"], signal.SIGKILL), (["-USR1"], signal.SIGUSR1),
             (["-9"], signal.SIGKILL), (["-sigint"], signal.SIGINT), ([], signal.SIGTERM)]
    for args, sig in cases:
        p = subprocess.Popen(["sleep", "30"])
        try:
            assert mine("kill", args + [str(p.pid)]) == (0, "", ""), args
            assert p.wait(10) == -sig, f"kill {args}: sleep ended {p.returncode}"
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
    # a process group, after "--"
    p = subprocess.Popen(["sleep", "30"], start_new_session=True)
    try:
        assert mine("kill", ["--", f"-{p.pid}"]) == (0, "", "")
        assert p.wait(10) == -signal.SIGTERM
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    assert mine("kill", ["-0", str(os.getpid())]) == (0, "", "")


def test_kill_errors():
    assert mine("kill", [str(NO_SUCH_PID)]) == \
        (1, "", f"kill: ({NO_SUCH_PID}): No such process\n")
    status, out, err = mine("kill", ["abc", str(NO_SUCH_PID)])
    assert status == 1 and err.startswith("kill: abc: not a process id\n"), err
    for args in (["-FOO", str(NO_SUCH_PID)], ["-s", "FOO", str(NO_SUCH_PID)], [],
                 ["-s"]):
        status, out, err = mine("kill", args)
        assert status == 2 and out == "" and "usage: kill" in err, (args, err)
    assert mine("kill", ["-l", "FOO"]) == (1, "", "kill: FOO: unknown signal\n")
    bad_option("kill")


# --- ps

PROCPS_LINE_MAX = 128 * 1024
PS_LINE = re.compile(r"^ *(\d+) +(\d+) (\S+) +(\S+) (.*)$")


def ps_table(text):
    rows = {}
    for line in text.splitlines()[1:]:
        m = PS_LINE.match(line)
        assert m, f"not a ps line: {line!r}"
        rows[int(m.group(1))] = m.groups()[1:]
    return rows


def seconds(t):
    days, _, hms = t.rpartition("-")
    h, m, s = map(int, hms.split(":"))
    return int(days or 0) * 86400 + h * 3600 + m * 60 + s


def stable_rows(before, after):
    """The processes procps saw alike before and after our ps ran: a
    process that exec'd, was reparented or ended in between (the suite
    runs other tests at the same time) cannot be compared."""
    return {pid: row for pid, row in after.items()
            if pid in before and before[pid][0] == row[0] and before[pid][3] == row[3]}


def test_ps_matches_procps():
    procps = ["ps", "-eo", "pid,ppid,stat,time,args"]
    _, before, _ = host(procps)
    status, out, err = mine("ps")
    _, want, _ = host(procps)
    assert status == 0 and err == "", err
    assert out.splitlines()[0] == want.splitlines()[0], out.splitlines()[0]
    ours_rows = ps_table(out)
    theirs = stable_rows(ps_table(before), ps_table(want))
    common = [pid for pid in ours_rows if pid in theirs]
    assert len(common) >= 0.8 * len(theirs), f"only {len(common)} of {len(theirs)}"
    same_stat = 0
    for pid in common:
        ppid, stat, cpu, args = ours_rows[pid]
        their_ppid, their_stat, their_cpu, their_args = theirs[pid]
        if their_args.startswith(("ps ", str(ours("ps")))):
            continue  # the two ps themselves
        if "Z" in (stat[0], their_stat[0]):
            continue  # it exited between the two snapshots (other tests run)
        # kernel threads ("[kworker/u8:0-events]") rename themselves as
        # their work changes
        kernel_threads = args.startswith("[") and their_args.startswith("[")
        # procps cuts a whole line at 128 KiB, the arguments alone at
        # 128 KiB - 1 (test_ps_shows_odd_command_lines_as_procps)
        args, their_args = args[:PROCPS_LINE_MAX // 2], their_args[:PROCPS_LINE_MAX // 2]
        assert ppid == their_ppid and (args == their_args or kernel_threads), \
            f"pid {pid}: ours {ours_rows[pid]}, procps {theirs[pid]}"
        assert close(seconds(cpu), seconds(their_cpu), 2), (pid, cpu, their_cpu)
        same_stat += stat[1:] == their_stat[1:]  # the letter may change
    assert same_stat >= 0.9 * len(common), f"STAT differs for {len(common) - same_stat}"


def test_ps_shows_odd_command_lines_as_procps():
    """Control characters, bytes above ASCII and arguments longer than a
    page, as a shell script given with sh -c has them."""
    odd = bytes(range(1, 256))
    long_args = ["x" * 70000, "y" * 70000]  # 140 KB: past procps' 128 KiB
    sleeper = subprocess.Popen(["sh", "-c", "sleep 30; :", odd] + long_args)
    try:
        time.sleep(0.2)
        _, want, _ = host(["ps", "-o", "args", "-p", str(sleeper.pid)])
        _, out, _ = mine("ps")
        want_args = want.splitlines()[1]
        assert len(want_args) == PROCPS_LINE_MAX - 1
        row = ps_table(out)[sleeper.pid]
        assert row[3] == want_args, (row[3][:80], want_args[:80])
    finally:
        sleeper.kill()
        sleeper.wait()


def test_ps_options():
    assert mine("ps", ["-e"])[0] == 0 and mine("ps", ["-A"])[0] == 0
    bad_option("ps")
    status, _, err = mine("ps", ["x"])
    assert status == 2 and "usage: ps" in err


# --- free

def test_free_matches_procps():
    # other tests run at the same time and memory moves: retried as df's
    for args in ([], ["-b"], ["-k"], ["-m"], ["-g"], ["-h"]):
        retried(lambda: compare_free(args))


def retried(check, attempts=5):
    for attempt in range(attempts):
        try:
            return check()
        except AssertionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.5)


def compare_free(args):
    status, out, err = mine("free", args)
    _, want, _ = host(["free"] + args)
    assert status == 0 and err == "", err
    ours_lines, their_lines = out.splitlines(), want.splitlines()
    assert len(ours_lines) == 3 and ours_lines[0] == their_lines[0], out
    for mine_line, their_line in zip(ours_lines[1:], their_lines[1:]):
        a, b = mine_line.split(), their_line.split()
        assert a[0] == b[0] and len(a) == len(b), (args, mine_line, their_line)
        assert [len(x) for x in re.findall(r" *\S+", mine_line)] == \
            [len(x) for x in re.findall(r" *\S+", their_line)] or args == ["-h"], \
            (args, mine_line, their_line)
        assert a[1] == b[1], f"free {args}: total {a[1]}, procps {b[1]}"
        if args != ["-h"]:
            total = int(b[1]) or 1
            for x, y in zip(a[2:], b[2:]):
                assert close(x, y, max(total // 50, 2)), (args, mine_line, their_line)


def test_free_options():
    bad_option("free")
    status, _, err = mine("free", ["extra"])
    assert status == 2 and "usage: free" in err


# --- df

def df_rows(text):
    return [line.split() for line in text.splitlines()]


def compare_df(args, tolerance_blocks=4096, attempts=5):
    """Our df against coreutils' on the same arguments.  Other tests run
    at the same time and write disk images, so the used and available
    counts may move by more than the tolerance between the two runs:
    a mismatch is retried, a few times."""
    return retried(lambda: compare_df_once(args, tolerance_blocks), attempts)


def compare_df_once(args, tolerance_blocks):
    status, out, err = mine("df", args)
    want_status, want, want_err = host(["df"] + args)
    assert status == want_status, f"df {args}: status {status}, want {want_status}: {err}"
    assert err == want_err, f"df {args}: stderr {err!r}, want {want_err!r}"
    rows, their_rows = df_rows(out), df_rows(want)
    assert len(rows) == len(their_rows), f"df {args}:\n{out}\nwant\n{want}"
    if rows:
        assert rows[0] == their_rows[0], (rows[0], their_rows[0])
    human = any(a.startswith("-") and "h" in a for a in args)
    for a, b in zip(rows[1:], their_rows[1:]):
        # source, [type,] size, used, avail, use%, mounted on
        assert a[0] == b[0] and a[-1] == b[-1] and len(a) == len(b), (a, b)
        size = -5  # the size column, counted from the end
        assert a[size] == b[size], f"df {args}: size {a}, want {b}"
        if not human:
            for x, y in zip(a[size + 1:size + 3], b[size + 1:size + 3]):
                if x != "-":
                    assert close(x, y, tolerance_blocks), (a, b)
    return out


def test_df_matches_coreutils():
    for args in ([], ["-h"], ["-T"], ["-a"], ["/"], ["-h", "/", "/proc"],
                 ["-hT", "/dev"], ["/no/such/file"], ["/", "/no/such/file"]):
        compare_df(args)


def test_df_columns_line_up():
    # right-aligned numbers, left-aligned names, one space apart: the
    # header's column ends are the rows' column ends
    out = compare_df(["/", "/proc"])
    header, *rows = out.splitlines()
    ends = [m.end() for m in re.finditer(r"1K-blocks|Used|Available|Use%", header)]
    for row in rows:
        assert [m.end() for m in re.finditer(r"\S+", row)][1:5] == ends, (header, row)


def test_df_options():
    bad_option("df")


# --- mount

def test_mount_lists_as_util_linux():
    status, out, err = mine("mount")
    assert (status, err) == (0, "")
    assert out == host(["mount"])[1]


def test_mount_usage():
    bad_option("mount")
    for args in (["/dev/x"], ["-t"], ["a", "b", "c"]):
        status, out, err = mine("mount", args)
        assert status == 2 and out == "" and "usage: mount" in err, (args, err)


# --- dmesg

def same_log(got, before, after):
    """Whether GOT, read between BEFORE and AFTER (the host's outputs),
    shows the same log: the same status and messages, and its lines a
    stretch of the log that BEFORE and AFTER show.  The kernel's buffer
    is a sliding window, and other tests make it move (segfault lines)."""
    if got in (before, after):
        return True
    if (got[0], got[2]) != (before[0], before[2]) or before[0] != 0:
        return False
    old, new, lines = (x[1].splitlines() for x in (before, after, got))
    if not old or old[-1] not in new:
        return False
    log = old + new[len(new) - new[::-1].index(old[-1]):]
    n = len(lines)
    return any(log[i:i + n] == lines for i in range(len(log) - n + 1))


def test_dmesg_matches_util_linux():
    for ours_args, their_args in (([], ["-S"]), (["-r"], ["-S", "-r"])):
        for attempt in range(5):
            before = host(["dmesg"] + their_args)
            got = mine("dmesg", ours_args)
            after = host(["dmesg"] + their_args)
            if same_log(got, before, after):
                break
        else:
            raise AssertionError(f"dmesg {ours_args} differs from dmesg {their_args}: "
                                 f"status {got[0]}, {after[0]}\n"
                                 f"{got[1][-500:]!r}\n{after[1][-500:]!r}")
    if got[0] == 0:
        assert re.search(r"^<\d+>\[", got[1], re.M), "dmesg -r: no <level> prefixes"


def test_dmesg_options():
    bad_option("dmesg")


# --- in the OS

def test_ps_in_the_os():
    out, rc = boot_run(["/bin/ps"])
    assert rc == 0, out
    lines = out.splitlines()
    assert lines[0] == "  PID  PPID STAT     TIME COMMAND", out
    # init (pid 1) leads its session, which owns the console; ps is in
    # the console's foreground group
    assert re.match(r" +1 +0 [RS]s\+? +00:00:\d\d /sbin/init /bin/ps$", lines[1]), out
    assert re.match(r" +2 +1 R\+ +00:00:\d\d /bin/ps$", lines[2]), out
    assert len(lines) == 3, out


def test_free_in_the_os():
    out, rc = boot_run(["/bin/free"])
    assert rc == 0, out
    header, mem, swap = out.splitlines()
    assert header == ("               total        used        free      shared  "
                      "buff/cache   available")
    label, total, used, free, shared, cache, available = mem.split()
    total, used, free, available = map(int, (total, used, free, available))
    assert label == "Mem:" and 100 * 1024 < total <= 128 * 1024, mem
    # no MemAvailable in this kernel's meminfo: available is MemFree
    assert available == free and used == total - available, mem
    assert swap.split() == ["Swap:", "0", "0", "0"], swap
    out, rc = boot_run(["/bin/free", "-m"])
    assert rc == 0 and re.search(r"^Mem: +1\d\d +\d+ +\d+ ", out, re.M), out
    out, rc = boot_run(["/bin/free", "-h"])
    assert rc == 0 and re.search(r"^Mem: +1\d\dMi +\d\S*i +1\d\dMi ", out, re.M), out


def test_df_in_the_os():
    out, rc = boot_run(["/bin/df"])
    assert rc == 0, out
    header, root, *rest = out.splitlines()
    assert header == "Filesystem     1K-blocks  Used Available Use% Mounted on", out
    assert rest == [], f"pseudo filesystems listed without -a:\n{out}"
    m = re.match(r"(\S+) +(\d+) +(\d+) +(\d+) +(\d+)% /$", root)
    assert m, root
    size, used, avail, pct = map(int, m.groups()[1:])
    assert 30 * 1024 < size <= 32 * 1024, root  # the 32 MiB image
    assert used + avail <= size and pct == -(-used * 100 // (used + avail)), root
    out, rc = boot_run(["/bin/df", "-a"])
    assert rc == 0 and re.search(r"^proc +0 +0 +0 +- /proc$", out, re.M), out
    out, rc = boot_run(["/bin/df", "-h", "/bin/ps", "/proc/self"])
    assert rc == 0, out
    assert re.search(r"^Filesystem +Size +Used Avail Use% Mounted on\n"
                     r"\S+ +3[12]M +\d+(\.\d)?[KM] +\d+(\.\d)?M +\d+% /\n"
                     r"proc +0 +0 +0 +- /proc$", out, re.M), out


def test_mount_in_the_os():
    out, rc = boot_run(["/bin/mount"])
    assert rc == 0, out
    assert re.search(r"^\S+ on / type ext2 \(rw\)\n\S+ on /dev type \S+ \(rw\)\n"
                     r"proc on /proc type proc \(rw\)$", out, re.M), out
    # the kernel has no mount(2) (ENOSYS); when it has, /mnt is missing
    out, rc = boot_run(["/bin/mount", "-t", "ext2", "-o", "ro", "/dev/hda", "/mnt"])
    assert rc == 32 and re.search(r"^mount: /mnt: \S.*$", out, re.M), out


def test_dmesg_in_the_os():
    out, rc = boot_run(["/bin/dmesg"])
    assert rc == 0, out
    assert re.search(r"^\[ +\d+\.\d{6}\] kernel: ready$", out, re.M), out
    assert not re.search(r"^<\d>", out, re.M), out
    # -r keeps each line as the kernel gives it; Linux starts lines with
    # "<level>", this kernel's syslog(2) does not (yet)
    raw, rc = boot_run(["/bin/dmesg", "-r"])
    assert rc == 0 and re.search(r"^(<\d+>)?\[ +\d+\.\d{6}\] kernel: ready$", raw, re.M)
    assert all(re.match(r"(<\d+>)?\[ *\d+\.\d{6}\] ", line)
               for line in raw.splitlines()), raw


def test_kill_in_the_os():
    out, rc = boot_run(["/bin/kill", "-l"])
    assert rc == 0 and out == mine("kill", ["-l"])[1], out
    out, rc = boot_run(["/bin/kill", "-l", "143", "KILL"])
    assert rc == 0 and out == "TERM\n9\n", out
    out, rc = boot_run(["/bin/kill", "-0", "1"])  # init is there
    assert rc == 0 and out == "", out
    out, rc = boot_run(["/bin/kill", "-9", "12345"])
    assert rc == 1 and out == "kill: (12345): No such process\n", out
