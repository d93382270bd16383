"""tests/utils/compare.py - run one of our utilities and the host's GNU tool
the same way and compare what they did.

Our programs are static Linux i386 executables, so they run natively on
this host next to GNU coreutils/grep/findutils.  compare() runs both:

  - in the same scratch directory path (built fresh for each side from
    the same `files`, so that `pwd`, paths in messages and the like agree),
  - with the same arguments and standard input,
  - with argv[0] set to the bare name ("ls"), so messages that start with
    the program name ("ls: cannot access 'x': ...") read the same,
  - in the environment ENV (C locale, UTC, a fixed PATH),

and checks that the exit status, standard output, standard error (exactly,
by shape only, or not at all) and, for programs that change files, the
resulting directory tree agree.  Before standard error is compared, the
hint lines that legitimately differ are dropped: GNU's "Try 'ls --help'
for more information." and our "usage: ..." lines (HINT_LINES).  On a
difference it raises AssertionError whose first line says what differed
and whose rest shows both sides.

    from compare import compare, ours, scratch
    compare("cat", ["-n", "a", "missing"], files={"a": "x\\ny\\n"})
    compare("sort", ["-r"], stdin=b"b\\na\\n")
    compare("mkdir", ["-p", "x/y"], tree=True)

Other helpers: ours(NAME) / gnu(NAME) give the two executables, run()
runs one program, snapshot() describes a directory tree, scratch() makes
a temporary directory that is removed afterwards, head() reads the first
bytes of a program that never ends (yes), bad_option() checks the usage
message and status 2 of an unknown option.  UTILS_BIN=DIR in the
environment makes ours() look in DIR instead of build/user/bin.
"""

import contextlib
import difflib
import hashlib
import os
import re
import shutil
import stat
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# UTILS_BIN=DIR tests the programs in DIR instead (e.g. builds of the same
# sources against the host's libc, while our libc is incomplete).
OUR_DIRS = ([Path(os.environ["UTILS_BIN"])] if os.environ.get("UTILS_BIN")
            else [ROOT / "build" / "user" / "bin", ROOT / "build" / "user" / "sbin"])
GNU_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"

# What both sides run with: no locale or time zone differences.
ENV = {"PATH": GNU_PATH, "LC_ALL": "C", "LANG": "C", "TZ": "UTC",
       "HOME": "/", "TERM": "dumb"}


@dataclass
class Run:
    argv: list
    status: int
    stdout: bytes
    stderr: bytes
    tree: dict = None  # snapshot() of the directory afterwards, if asked

    def describe(self):
        return (f"$ {' '.join(map(str, self.argv))}\n"
                f"status {self.status}\n"
                f"stdout:\n{show(self.stdout)}\nstderr:\n{show(self.stderr)}")


def show(data):
    """Bytes as readable text for a failure message."""
    text = data.decode("utf-8", "backslashreplace")
    return text if len(text) < 4000 else text[:4000] + "\n[...]"


def ours(name):
    """Path of our build of NAME (build/user/bin/NAME or sbin)."""
    for d in OUR_DIRS:
        if (d / name).is_file():
            return d / name
    raise AssertionError(f"{name}: not built (make user)")


def gnu(name):
    """Path of the host's NAME (the GNU tool)."""
    path = shutil.which(name, path=GNU_PATH)
    if path is None:
        raise AssertionError(f"{name}: not installed on this host")
    return Path(path)


def run(program, args=(), *, cwd=None, stdin=b"", env=None, argv0=None,
        timeout=20):
    """Run PROGRAM (a path) with ARGS; argv[0] is ARGV0 (default: its
    base name).  Returns a Run."""
    program = Path(program)
    argv = [argv0 or program.name] + [str(a) for a in args]
    p = subprocess.run(argv, executable=str(program), cwd=cwd,
                       input=stdin, env=ENV if env is None else env,
                       capture_output=True, timeout=timeout)
    return Run(argv, p.returncode, p.stdout, p.stderr)


def head(program, args=(), nbytes=4096, *, cwd=None, env=None, timeout=10):
    """The first NBYTES of the output of a program that may never end; the
    program is then killed (by its PID)."""
    program = Path(program)
    p = subprocess.Popen([program.name] + [str(a) for a in args],
                         executable=str(program), cwd=cwd,
                         env=ENV if env is None else env,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    try:
        data = b""
        while len(data) < nbytes:
            chunk = p.stdout.read(nbytes - len(data))
            if not chunk:
                break
            data += chunk
        return data
    finally:
        p.kill()
        p.wait(timeout)
        p.stdout.close()


@contextlib.contextmanager
def scratch(prefix="utils-"):
    """A temporary directory (a Path), removed afterwards."""
    top = tempfile.mkdtemp(prefix=prefix)
    try:
        yield Path(top)
    finally:
        make_writable(top)
        shutil.rmtree(top, ignore_errors=True)


def make_writable(top):
    """Give back write and search permission a test may have taken away,
    so that the tree can be removed."""
    for dirpath, dirnames, _ in os.walk(top):
        for d in dirnames:
            p = os.path.join(dirpath, d)
            if not os.path.islink(p):
                os.chmod(p, 0o755)


def populate(top, files):
    """Create FILES in TOP: a dict of relative path -> content (str or
    bytes; a path ending in "/" is a directory; a value ("symlink", TARGET)
    is a symbolic link), or a callable that gets TOP."""
    if callable(files):
        files(Path(top))
        return
    for rel, content in (files or {}).items():
        path = Path(top) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith("/"):
            path.mkdir(exist_ok=True)
        elif isinstance(content, tuple) and content[0] == "symlink":
            path.symlink_to(content[1])
        else:
            data = content.encode() if isinstance(content, str) else content
            path.write_bytes(data)


def snapshot(top, times=False):
    """{relative path: description} of everything under TOP: the type,
    the permission bits, the link count, and a file's size and content
    hash or a link's target; with TIMES also a file's or directory's
    access and modification times (in nanoseconds, taken before any file
    is read, as reading may move access times)."""
    stats = {}
    top = str(top)
    for dirpath, dirnames, filenames in os.walk(top):
        for name in sorted(dirnames + filenames):
            path = os.path.join(dirpath, name)
            stats[os.path.relpath(path, top)] = (path, os.lstat(path))
    tree = {}
    for rel, (path, st) in stats.items():
        mode = oct(stat.S_IMODE(st.st_mode))
        when = (st.st_atime_ns, st.st_mtime_ns) if times else ()
        if stat.S_ISLNK(st.st_mode):
            tree[rel] = ("link", os.readlink(path))
        elif stat.S_ISDIR(st.st_mode):
            tree[rel] = ("dir", mode) + when
        elif stat.S_ISREG(st.st_mode):
            with open(path, "rb") as f:
                digest = hashlib.sha1(f.read()).hexdigest()[:12]
            tree[rel] = ("file", mode, st.st_nlink, st.st_size, digest) + when
        else:
            tree[rel] = ("other", stat.S_IFMT(st.st_mode), mode)
    return tree


def run_in_scratch(program, name, args, *, files, stdin, tree, env, top,
                   fresh=True):
    """Run PROGRAM in the directory TOP, first made afresh from FILES
    (unless FRESH is false: then TOP is used as it is)."""
    if fresh:
        make_writable(top)
        shutil.rmtree(top, ignore_errors=True)
        os.mkdir(top)
        populate(top, files)
    r = run(program, args, cwd=top, stdin=stdin, env=env, argv0=name)
    if tree:
        r.tree = snapshot(top, times=tree == "times")
    return r


# GNU's pointer to --help and our usage lines (with their continuation
# lines, indented under the first), dropped from stderr before comparing.
HINT_LINES = [(rb"^Try '[^']*--help' for more information\.\n", b""),
              (rb"^usage: .*\n(?:       .*\n)*", b"")]


def substitute(data, subs):
    """Apply (regex bytes, replacement bytes) pairs, or a callable."""
    if callable(subs):
        return subs(data)
    for pattern, repl in subs or ():
        data = re.sub(pattern, repl, data, flags=re.M)
    return data


def stderr_shape(data):
    """What we insist on when only the shape of stderr must agree: the
    number of lines, and each line's program-name prefix."""
    return [line.split(b":")[0] + b":" if b":" in line else b"?"
            for line in data.splitlines()]


def diff(a, b, name_a="ours", name_b="gnu"):
    return "\n".join(difflib.unified_diff(
        show(a).splitlines(), show(b).splitlines(), name_a, name_b,
        lineterm=""))


def compare(name, args=(), *, files=None, stdin=b"", stderr="exact",
            tree=False, normalise=None, env=None, status=None, shared=False):
    """Run our NAME and GNU's NAME with ARGS in a fresh scratch directory
    holding FILES (see populate()) and compare them; returns (ours, gnu)
    Runs.

    stderr: "exact" (after normalising), "shape" (same number of lines,
    same prefixes; for messages whose wording may differ) or "ignore".
    tree: also compare the directory tree left behind ("times": with the
    files' times).  normalise: substitutions (see substitute()) applied to
    stdout and stderr of both before comparing.  status: the status ours
    must give when it is meant to differ from GNU's (otherwise they must
    be equal).  shared: for programs that change nothing, run both in the
    one directory, so that inode numbers and times are the same for both
    (ours runs first)."""
    if isinstance(stdin, str):
        stdin = stdin.encode()
    with scratch() as top:
        work = top / "w"
        a = run_in_scratch(ours(name), name, args, files=files, stdin=stdin,
                           tree=tree, env=env, top=work)
        b = run_in_scratch(gnu(name), name, args, files=files, stdin=stdin,
                           tree=tree, env=env, top=work, fresh=not shared)
    what = f"{name} {' '.join(map(str, args))}".strip()
    both = f"\n--- ours:\n{a.describe()}\n--- gnu:\n{b.describe()}"

    want = b.status if status is None else status
    if a.status != want:
        raise AssertionError(f"{what}: status {a.status}, want {want}{both}")
    out_a, out_b = substitute(a.stdout, normalise), substitute(b.stdout, normalise)
    if out_a != out_b:
        raise AssertionError(f"{what}: stdout differs\n{diff(out_a, out_b)}{both}")
    err_a = substitute(substitute(a.stderr, HINT_LINES), normalise)
    err_b = substitute(substitute(b.stderr, HINT_LINES), normalise)
    if stderr == "exact" and err_a != err_b:
        raise AssertionError(f"{what}: stderr differs\n{diff(err_a, err_b)}{both}")
    if stderr == "shape" and stderr_shape(err_a) != stderr_shape(err_b):
        raise AssertionError(f"{what}: stderr shape differs\n"
                             f"{diff(err_a, err_b)}{both}")
    if tree and a.tree != b.tree:
        lines = [f"{k}: ours {a.tree.get(k)}, gnu {b.tree.get(k)}"
                 for k in sorted(set(a.tree) | set(b.tree))
                 if a.tree.get(k) != b.tree.get(k)]
        raise AssertionError(f"{what}: the trees differ\n" + "\n".join(lines)
                             + both)
    return a, b


def bad_option(name, args=("-Z",), *, files=None):
    """Our NAME with an unknown option: status 2, nothing on stdout, and on
    stderr a line naming the program and a usage line.  Returns the Run."""
    with scratch() as top:
        populate(top, files)
        r = run(ours(name), args, cwd=top, argv0=name)
    what = f"{name} {' '.join(map(str, args))}"
    if r.status != 2:
        raise AssertionError(f"{what}: status {r.status}, want 2\n{r.describe()}")
    if r.stdout:
        raise AssertionError(f"{what}: wrote to stdout\n{r.describe()}")
    err = r.stderr.decode("utf-8", "replace")
    if not err.startswith(f"{name}: ") or "usage: " not in err.lower():
        raise AssertionError(f"{what}: no usage message\n{r.describe()}")
    return r
