"""tests/e2e/test_demos.py - the lectures' file I/O demos (user/bin: lowio,
lowio-std, bufdemo, storetofile, read4, fmodes, dupdemo, pipedemo,
echopipe) do what the slides say, on the host and inside the OS.

On the host (the programs are Linux executables) with ordinary files,
pipes and a pseudo-terminal: the bytes lowio's one read() returns,
lowio-std's "Got N chars" from a pipe and from a terminal line, when
bufdemo's text arrives (immediately from write(); from printf at the
newline on a terminal, only at exit into a pipe), storetofile's file
empty before fclose and full after, read4's system-call counts (the
kernel's, from /proc/self/io), fmodes' table (what glibc does), dupdemo's
shared and separate offsets, pipedemo's producer and consumer, echopipe's
requests and responses.

In the OS the same programs run as init's program (bootrun.py) on the
console, a terminal: lines typed, their timing, and storetofile's file
read back from the disk image after the power-off, and read4's counts
from this kernel's /proc/self/io.
"""

import os
import pty
import re
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "utils"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bootrun import boot_run, boot_session, finish  # noqa: E402
from compare import ours, run, scratch  # noqa: E402
from qemu import ROOT, Qemu, disk_workdir  # noqa: E402

# fmodes' table as glibc gives it (the slide's table of fopen modes)
FMODES = """\
mode on a missing file                fgets reads  rewind, fputs("AB"), fclose
r    fails: No such file or directory "0123456789" "0123456789\\n" (write fails)
w    creates it                       (read fails) "AB"
a    creates it                       (read fails) "0123456789\\nAB"
r+   fails: No such file or directory "0123456789" "AB23456789\\n"
w+   creates it                       (nothing)    "AB"
a+   creates it                       "0123456789" "0123456789\\nAB"
"""

DUPDEMO = """\
1. fd = open(FILE); c = dup(fd); write(fd, "one\\n"); write(c, "two\\n"):
    {0} holds "one\\ntwo\\n"
2. dup2(fd, 1); printf("three\\n"); fflush(stdout); stdout put back:
    {0} holds "one\\ntwo\\nthree\\n"
3. a = open(FILE); b = open(FILE); write(a, "AAAA"); write(b, "BB"):
    {0} holds "BBAA"
"""


def demo(name, args=(), stdin=b"", cwd=None):
    r = run(ours(name), args, stdin=stdin, cwd=cwd, argv0=name)
    return r.status, r.stdout, r.stderr.decode(errors="replace")


def timed_output(argv, terminal, seconds=30):
    """Runs ARGV with stdout on a pseudo-terminal (TERMINAL) or a pipe and
    stderr on a pipe; returns [(seconds since start, bytes)] of stdout."""
    if terminal:
        master, slave = pty.openpty()
    else:
        master, slave = os.pipe()
    start = time.monotonic()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=slave,
                         stderr=subprocess.PIPE)
    os.close(slave)
    chunks = []
    try:
        while time.monotonic() - start < seconds:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(master, 4096)
            except OSError:  # the terminal is gone with the program
                data = b""
            if not data:
                break
            chunks.append((time.monotonic() - start, data.replace(b"\r\n", b"\n")))
        assert p.wait(5) == 0, f"{argv}: {p.stderr.read()!r}"
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        p.stderr.close()
        os.close(master)
    return chunks


def arrival(chunks, text):
    """When the byte that completes TEXT in the stream arrived."""
    seen = b""
    for t, data in chunks:
        seen += data
        if text in seen:
            return t
    raise AssertionError(f"{text!r} never came: {seen!r}")


# --- on the host

def test_lowio_reads_at_most_1000_bytes():
    with scratch() as top:
        (top / "lowio.c").write_bytes(bytes(range(256)) * 12)  # 3072 bytes
        status, out, err = demo("lowio", cwd=top)  # the slide's own file name
        assert status == 0 and out == (bytes(range(256)) * 12)[:1000], len(out)
        assert err == "lowio: read() returned 1000 of the 3072 bytes of lowio.c " \
                      "(it asks for at most 1000)\n", err
        (top / "short").write_bytes(b"ten bytes\n")
        assert demo("lowio", ["short"], cwd=top)[:2] == (0, b"ten bytes\n")
        (top / "lowio.c").unlink()
        assert demo("lowio", cwd=top) == \
            (1, b"", "lowio: lowio.c: No such file or directory\n")


def test_lowio_std_counts_what_one_read_returns():
    for stdin, got in ((b"hello\n", 6), (b"", 0), (b"x" * 5000, 1024)):
        assert demo("lowio-std", stdin=stdin)[:2] == \
            (0, b"I am a process.\nGot %d chars\n" % got), got
    # from a terminal one read returns one line
    master, slave = pty.openpty()
    p = subprocess.Popen([ours("lowio-std")], stdin=slave, stdout=slave,
                         stderr=slave)
    os.close(slave)
    try:
        out = b""
        while b"process.\r\n" not in out:
            out += os.read(master, 100)
        os.write(master, b"hello\nmore typed\n")
        while b"chars\r\n" not in out:
            out += os.read(master, 100)
        assert p.wait(10) == 0
        assert out.endswith(b"Got 6 chars\r\n"), out
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        os.close(master)


def test_bufdemo_into_a_pipe():
    # the stdio part's line stays in the buffer until exit(), after the
    # write part's, which comes in two pieces a sleep apart
    chunks = timed_output([ours("bufdemo"), "-s", "1"], terminal=False)
    out = b"".join(data for _, data in chunks)
    assert out == b"Beginning of line and end of line\n" * 2, out
    first = arrival(chunks, b"Beginning of line ")
    middle = arrival(chunks, b"Beginning of line and end of line\n")
    assert 0.8 <= first <= 1.7, chunks  # write(), after the stdio part's sleep
    assert middle - first >= 0.8, chunks  # write()'s sleep
    assert arrival(chunks, out) - middle < 0.5, chunks  # the flush at exit


def test_bufdemo_on_a_terminal():
    chunks = timed_output([ours("bufdemo"), "-s", "1", "stdio"], terminal=True)
    line = b"Beginning of line and end of line\n"
    assert b"".join(d for _, d in chunks) == line, chunks
    assert arrival(chunks, b"Beginning") >= 0.8, chunks  # nothing before "\n"
    chunks = timed_output([ours("bufdemo"), "-s", "1", "write"], terminal=True)
    assert arrival(chunks, b"Beginning of line ") < 0.5, chunks
    assert arrival(chunks, line) >= 0.8, chunks


def test_storetofile_flushes_at_fclose():
    long_line = "x" * 300 + "\n"  # more than BUFLEN: fgets takes it in two
    text = "first line\nsecond line\n" + long_line
    with scratch() as top:
        status, out, err = demo("storetofile", stdin=text.encode(), cwd=top)
        assert (status, out) == (0, b"")
        assert (top / "tokens").read_text() == text
        assert err == "storetofile: 4 fputs() calls; tokens held 0 bytes " \
                      "before fclose() and 324 after\n", err
        assert demo("storetofile", ["no/such/dir/f"], cwd=top) == \
            (1, b"", "storetofile: no/such/dir/f: No such file or directory\n")


def test_read4_counts_the_system_calls():
    with scratch() as top:
        (top / "data").write_bytes(os.urandom(40000))
        status, out, err = demo("read4", ["data"], cwd=top)
        assert status == 0 and err == "", err
        raw, buffered = out.decode().splitlines()
        m = re.match(r"read\(\): +10001 calls of 4 bytes, (\d+) read system calls, "
                     r"\d+ us$", raw)
        assert m and int(m.group(1)) == 10001, raw  # one per call
        m = re.match(r"fread\(\): +10001 calls of 4 bytes, (\d+) read system calls, "
                     r"\d+ us$", buffered)
        assert m and int(m.group(1)) <= 40000 // 1024 + 2, buffered  # a buffer each


def test_fmodes_table():
    with scratch() as top:
        assert demo("fmodes", [str(top)]) == (0, FMODES.encode(), "")
        assert list(top.iterdir()) == []


def test_dupdemo_offsets():
    with scratch() as top:
        assert demo("dupdemo", cwd=top) == \
            (0, DUPDEMO.format("dupdemo.out").encode(), "")


def test_pipedemo_file_and_pipe():
    with scratch() as top:
        status, out, err = demo("pipedemo", ["-s", "1"], cwd=top)
        assert status == 0 and err == "", err
        lines = out.decode().splitlines()
        assert lines[0] == "1. through the file pipedemo.tmp" and \
            lines[9] == "2. through a pipe", out
        file_part, pipe_part = lines[1:9], lines[10:]
        said = [re.sub(r"^ *[\d.]+s (\S+) +\(pid \d+\) ", r"\1 ", x) for x in file_part]
        assert said == [f'producer write(wfd, "message {i}")' for i in (1, 2, 3)] + \
            ["parent the producer has exited; now the consumer starts"] + \
            [f'consumer read() -> "message {i}"' for i in (1, 2, 3)] + \
            ["consumer read() -> 0: the end of file"], said
        # each message read about when it was written, a second apart
        times = [float(x.split("s", 1)[0]) for x in pipe_part]
        said = [re.sub(r"^ *[\d.]+s (\S+) +\(pid \d+\) ", r"\1 ", x) for x in pipe_part]
        assert said[0] == "parent the consumer waits in read() for the producer"
        for i in (1, 2, 3):
            assert said[2 * i - 1] == f'producer write(wfd, "message {i}")', said
            assert said[2 * i] == f'consumer read() -> "message {i}"', said
            assert abs(times[2 * i] - times[1] - (i - 1)) < 0.5, pipe_part
        assert not (top / "pipedemo.tmp").exists()


def test_echopipe_requests_and_responses():
    assert demo("echopipe", stdin=b"hello\nworld\n") == \
        (0, b"server: got hello\nclient: echo hello\n"
            b"server: got world\nclient: echo world\n", "")


def test_bad_arguments():
    for name, args in (("lowio", ["-x"]), ("lowio", ["a", "b"]),
                       ("bufdemo", ["-s", "x"]), ("bufdemo", ["neither"]),
                       ("storetofile", ["a", "b"]), ("read4", []), ("fmodes", ["-q"]),
                       ("dupdemo", ["a", "b"]), ("pipedemo", ["-s"]),
                       ("echopipe", ["x"])):
        status, out, err = demo(name, args)
        assert status == 2 and out == b"" and err.startswith(f"{name}: ") and \
            f"usage: {name}" in err, (name, args, err)


# --- in the OS

def test_lowio_and_lowio_std_in_the_os():
    out, rc = boot_run(["/bin/lowio", "/etc/passwd"])
    assert rc == 0 and out == ("root:x:0:0:root:/:/bin/sh\nlowio: read() returned "
                               "26 of the 26 bytes of /etc/passwd (it asks for at "
                               "most 1000)\n"), out
    out, rc = boot_run(["/bin/lowio", "/bin/lowio"])
    assert rc == 0 and re.search(r"lowio: read\(\) returned 1000 of the \d+ bytes "
                                 r"of /bin/lowio", out), out[-300:]
    with boot_session(["/bin/lowio-std"]) as q:
        q.expect(r"I am a process\.\n")
        q.send("hello\r")
        out, rc = finish(q)
    assert rc == 0 and out.endswith("hello\nGot 6 chars\n"), out


def test_read4_in_the_os():
    # the kernel counts the read system calls (/proc/self/io) as Linux does
    out, rc = boot_run(["/bin/read4", "/bin/lowio"])
    assert rc == 0, out
    raw, buffered = out.splitlines()[-2:]
    m = re.match(r"read\(\): +(\d+) calls of 4 bytes, (\d+) read system calls", raw)
    assert m and int(m.group(2)) == int(m.group(1)), raw  # one per call
    calls = int(m.group(1))
    m = re.match(r"fread\(\): +(\d+) calls of 4 bytes, (\d+) read system calls",
                 buffered)
    assert m and int(m.group(1)) == calls and \
        int(m.group(2)) <= calls * 4 // 1024 + 2, buffered  # a buffer each


def test_bufdemo_on_the_console():
    with boot_session(["/bin/bufdemo", "-s", "2", "stdio"]) as q:
        m = q.expect(r"bufdemo: printf.*\n")
        said = q.arrival(m.end() - 1)
        m = q.expect(r"Beginning of line and end of line\n")
        line_start, line_end = q.arrival(m.start()), q.arrival(m.end() - 1)
        finish(q)
    assert line_start - said >= 1.5 and line_end - line_start < 0.3, \
        (line_start - said, line_end - line_start)
    with boot_session(["/bin/bufdemo", "-s", "2", "write"]) as q:
        m = q.expect(r"bufdemo: write.*\n")
        said = q.arrival(m.end() - 1)
        m = q.expect(r"Beginning of line and end of line\n")
        line_start, line_end = q.arrival(m.start()), q.arrival(m.end() - 1)
        finish(q)
    assert line_start - said < 1 and line_end - line_start >= 1.5, \
        (line_start - said, line_end - line_start)


def test_storetofile_in_the_os():
    with tempfile.TemporaryDirectory(prefix="os-test-demos-") as top:
        image = disk_workdir(top)
        with boot_session(["/bin/storetofile", "/saved"], workdir=top) as q:
            q.send("first line\r")
            q.send("second line\r")
            q.send("\x04")
            out, rc = finish(q)
        assert rc == 0 and "storetofile: 2 fputs() calls; /saved held 0 bytes " \
            "before fclose() and 23 after\n" in out, out
        saved = subprocess.run(["debugfs", "-R", "cat /saved", str(image)],
                               capture_output=True, text=True, timeout=30,
                               env={"PATH": "/usr/sbin:/sbin:/usr/bin:/bin"})
        assert saved.stdout == "first line\nsecond line\n", saved.stdout


def test_fmodes_and_dupdemo_in_the_os():
    out, rc = boot_run(["/bin/fmodes", "/"])
    assert rc == 0 and out == FMODES, out
    out, rc = boot_run(["/bin/dupdemo", "/dupdemo.out"])
    assert rc == 0 and out == DUPDEMO.format("/dupdemo.out"), out


def test_pipedemo_and_echopipe_in_the_os():
    out, rc = boot_run(["/bin/pipedemo", "-s", "1", "/pipedemo.tmp"])
    assert rc == 0, out
    for i in (1, 2, 3):  # through the pipe: each message read as it comes
        assert re.search(rf'producer +\(pid \d+\) write\(wfd, "message {i}"\)\n'
                         rf' *[\d.]+s consumer +\(pid \d+\) read\(\) -> "message {i}"$',
                         out, re.M), out
    assert out.count("read() -> 0: the end of file") == 2, out
    with boot_session(["/bin/echopipe"]) as q:
        q.send("hello\r")
        q.expect(r"server: got hello\nclient: echo hello\n")
        q.send("world\r")
        q.expect(r"server: got world\nclient: echo world\n")
        q.send("\x04")
        _, rc = finish(q)
    assert rc == 0


def test_read4_in_the_os():
    out, rc = boot_run(["/bin/read4", "/bin/ps"])
    assert rc == 0, out
    # the image's copy (build/rootfs, stripped of debug information)
    size = (ROOT / "build" / "rootfs" / "bin" / "ps").stat().st_size
    # read() goes on to the read that returns 0; fread stops at a short one
    raw = size // 4 + (2 if size % 4 else 1)
    buffered = size // 4 + 1
    # the kernel's count is "-" where there is no /proc/self/io
    assert re.match(rf"read\(\): +{raw} calls of 4 bytes, (-|{raw}) read system "
                    rf"calls, \d+ us\nfread\(\): +{buffered} calls of 4 bytes, (-|\d+) "
                    r"read system calls, \d+ us\n$", out), out


def test_demos_at_the_shell():
    # as a user types them, with pipes and redirections (needs /bin/sh)
    if not (ROOT / "build" / "user" / "bin" / "sh").exists():
        print("# test_demos_at_the_shell: skipped: /bin/sh is not built yet",
              file=sys.stderr)
        return
    prompt = r"[$#] $"
    with Qemu("init=/sbin/init quiet", timeout=120) as q:
        q.expect(r"rc: the system is up\n")
        for line, want in (
                ("lowio /bin/ps | wc -c", r"lowio: read\(\) returned 1000 of the \d+ "
                 r"bytes of /bin/ps \(it asks for at most 1000\)\n *1000\n"),
                ("echo hello | lowio-std", r"I am a process\.\nGot 6 chars\n"),
                ("storetofile /tmp/t < /etc/passwd; cat /tmp/t",
                 r"storetofile: 1 fputs\(\) calls; /tmp/t held 0 bytes before "
                 r"fclose\(\) and 26 after\nroot:x:0:0:root:/:/bin/sh\n"),
                ("bufdemo -s 1 2>/dev/null | cat",
                 r"(Beginning of line and end of line\n){2}"),
                ("read4 /etc/motd > /dev/null && echo read4-ok", r"read4-ok\n")):
            q.expect(prompt, 30)
            q.send(line + "\r")
            q.expect(re.escape(line) + r"\n" + want, 30)
