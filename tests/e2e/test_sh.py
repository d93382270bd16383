"""tests/e2e/test_sh.py - /bin/sh: scripts with expected output, on the
Linux host and in the OS, and typing at its prompt.

The scripts are rootfs/tests/sh/NAME.sh (in the disk image as
/tests/sh/NAME.sh), each with NAME.out: what the script prints, stdout
and stderr together, followed by "[exit STATUS]".

  - On the host, build/user/bin/sh (a static i386 program that runs
    natively) runs each script in a scratch directory, with a PATH whose
    first "sh" is the same shell, so the scripts' own "sh -c ..." test it
    too.  A script with a "# ground truth: dash" (or bash) line must
    give the same output with that shell: the expected output is not
    just what our shell happens to do.
  - In the OS, one boot runs them all (/tests/sh/run.sh as init) and each
    script's part of the serial log must match its NAME.out.
  - At the prompt: the same keys typed on the serial console (init's
    login shell) and on a host pseudo-terminal (the Linux ground truth
    for the terminal's side): a pipeline, a syntax error and then a good
    command, ^C against a foreground "sleep 100" and "cat" while the shell
    lives on, ^C on a half-typed line, a background job, the PS2 prompt.

Regenerate the .out files after a deliberate change with
"python3 tests/e2e/test_sh.py --update", then read the diff.
"""

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostterm import HostTerminal  # noqa: E402
from qemu import Qemu, exit_status  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SH = ROOT / "build" / "user" / "bin" / "sh"
SCRIPTS = ROOT / "rootfs" / "tests" / "sh"
SHELLS = {"dash": "/bin/dash", "bash": "/bin/bash"}
SCRIPT_TIMEOUT = 60
OS_TIMEOUT = 600


def scripts():
    return sorted(p for p in SCRIPTS.glob("*.sh") if p.name != "run.sh")


def ground_truth(script):
    """The other shell the script's output is checked against, or None."""
    m = re.search(r"^# ground truth: (\w+)$", script.read_text(), re.M)
    return m.group(1) if m else None


def run_script(script, shell):
    """SCRIPT's output with SHELL on this host, as in NAME.out."""
    with tempfile.TemporaryDirectory(prefix=f"sh-{script.stem}-") as tmp:
        bin_dir = Path(tmp) / "bin"
        work = Path(tmp) / "work"
        bin_dir.mkdir()
        work.mkdir()
        (bin_dir / "sh").symlink_to(shell)
        env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(work),
               "LC_ALL": "C"}
        try:
            proc = subprocess.run([str(shell), str(script)], cwd=work, env=env,
                                  stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT,
                                  timeout=SCRIPT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"{script.name} with {shell}: killed after "
                                 f"{SCRIPT_TIMEOUT}s")
    out = proc.stdout.decode(errors="replace")
    return f"{out}[exit {proc.returncode}]\n"


def expected(script):
    return script.with_suffix(".out").read_text()


def first_difference(got, want):
    """A short account of where GOT and WANT part."""
    got_lines, want_lines = got.splitlines(), want.splitlines()
    for i, (g, w) in enumerate(zip(got_lines, want_lines)):
        if g != w:
            return f"line {i + 1}: got {g!r}, want {w!r}"
    i = min(len(got_lines), len(want_lines))
    if len(got_lines) > i:
        return f"line {i + 1}: got {got_lines[i]!r}, want the end"
    return f"line {i + 1}: got the end, want {want_lines[i]!r}"


def check_on_linux(script):
    assert SH.exists(), f"{SH} is not built (make user)"
    got, want = run_script(script, SH), expected(script)
    assert got == want, f"{script.name}: {first_difference(got, want)}\n{got}"
    other = ground_truth(script)
    if other and Path(SHELLS[other]).exists():
        theirs = run_script(script, Path(SHELLS[other]))
        assert theirs == want, (f"{script.name}: {other} disagrees with "
                                f"{script.stem}.out: "
                                f"{first_difference(theirs, want)}")


def _make(script):
    def test():
        check_on_linux(script)
    test.__name__ = f"test_{script.stem}_on_linux"
    return test


for _script in scripts():
    globals()[f"test_{_script.stem}_on_linux"] = _make(_script)


# --- the same scripts in the OS

def test_scripts_in_the_os():
    with Qemu("init=/bin/sh quiet -- /tests/sh/run.sh",
              timeout=OS_TIMEOUT) as q:
        q.expect(r"(?:^|\n)=== end\n", OS_TIMEOUT - 30)
        rc = q.wait(60)
        log = q.log
    parts = dict(re.findall(r"(?:^|\n)=== (\w+)\n(.*?)(?=\n=== )",
                            log, re.S))
    bad = []
    for script in scripts():
        got = parts.get(script.stem)
        if got is None:
            bad.append(f"{script.stem}: did not run")
            continue
        got += "\n"
        if got != expected(script):
            bad.append(f"{script.stem}: {first_difference(got, expected(script))}")
    assert not bad, "\n".join(bad)
    assert rc == exit_status(0), f"QEMU exit status {rc}"


# --- typing at the prompt: the same keys in the OS and on Linux

PROMPT = r"(?:^|\n)\$ "


def prompt_session(t):
    t.expect(PROMPT)
    t.send("echo one two | cat | cat\n")
    t.expect(r"\none two\n\$ ")
    t.send("echo a; if; echo b\n")
    t.expect(r"syntax error near ';'\n\$ ")
    t.send("echo after the error $?\n")
    t.expect(r"\nafter the error 2\n\$ ")
    t.send("sleep 100\n")
    time.sleep(1)
    t.send("\x03")
    t.expect(r"\^C\n\$ ", 10)
    t.send("echo sleep said $?\n")
    t.expect(r"\nsleep said 130\n\$ ")
    t.send("cat\n")
    time.sleep(0.5)
    t.send("typed at cat\n")
    t.expect(r"typed at cat\ntyped at cat\n")
    t.send("\x03")
    t.expect(r"\^C\n\$ ", 10)
    t.send("half a line")
    t.expect(r"half a line")  # echoed (^C would discard an echo on its way)
    t.send("\x03")
    t.expect(r"\^C\n\$ ", 10)
    t.send("echo the shell lives\n")
    t.expect(r"\nthe shell lives\n\$ ")
    t.send("sleep 1 &\n")
    t.expect(r"\n\[1\] \d+\n\$ ")
    t.send("wait; echo waited $?\n")
    t.expect(r"\nwaited 0\n\$ ", 20)
    t.send("for i in 1 2\n")
    t.expect(r"\n> ")
    t.send("do echo loop $i; done\n")
    t.expect(r"\nloop 1\nloop 2\n\$ ")
    # ^C lands in the middle of a sleep: one that came just as a sleep
    # ended would go to the process group that had just died, before the
    # shell took the terminal back, and be lost (on Linux too)
    t.send("while true; do sleep 5; done\n")
    time.sleep(1)
    t.send("\x03")
    t.expect(r"\^C\n\$ ", 10)
    t.send("echo out of the loop\n")
    t.expect(r"\nout of the loop\n\$ ")
    t.check_absent(r"not found|Interrupt")


def test_typing_at_the_prompt_in_the_os():
    # init runs /etc/rc, then the login shell "-sh" owning the console
    with Qemu("init=/sbin/init quiet", timeout=180) as q:
        prompt_session(q)
        q.send("poweroff\n")
        rc = q.wait(60)
    assert rc == exit_status(0), f"QEMU exit status {rc}"


def test_typing_at_the_prompt_on_linux():
    assert SH.exists(), f"{SH} is not built (make user)"
    with tempfile.TemporaryDirectory(prefix="sh-prompt-") as tmp:
        # env: whatever PS1 this process has, the prompt is "$ "
        with HostTerminal(["/usr/bin/env", "PS1=$ ", str(SH)], cwd=tmp,
                          timeout=120) as t:
            prompt_session(t)
            t.send("exit 3\n")
            assert t.wait(10) == 3, f"exit status, output:\n{t.log}"


# --- regenerating the expected outputs

def update():
    for script in scripts():
        out = run_script(script, SH)
        path = script.with_suffix(".out")
        if not path.exists() or path.read_text() != out:
            path.write_text(out)
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update()
    else:
        sys.exit("usage: test_sh.py --update (the tests run from tests/run.py)")
