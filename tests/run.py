#!/usr/bin/env python3
"""tests/run.py - the one test runner (`make test` runs it).

Suites, reported in this order:
  unit   every executable build/unit/test_* and script tests/unit/test_*.py:
         its "ok"/"not ok" lines; one that exits non-zero without a
         "not ok" line is one failure
  os-host  every test program build/tests-os/NAME run natively on this
         Linux host (the ground truth for the ABI), each in a fresh
         temporary directory: its "ok"/"not ok" lines, and that its
         summary line, exit status (= failures) and clean-up agree;
         hello_glibc must print its line; build/user/sbin/init must run a
         program and pass its exit status on
  ktest  the kernel's self-tests (boot with "ktest quiet"): each line, and
         that the summary line and QEMU's exit status agree with them
  e2e    every test_* function of tests/e2e/test_*.py
  gdb    every test_* function of tests/gdb/test_*.py
Test functions pass by returning and fail by raising.

Jobs run two at a time (threads; a job is a unit binary or a test
function; the ktest boot runs alone, as some self-tests compare clocks),
but results are printed in the order above, each as "ok N - SUITE: NAME" or "not ok N - SUITE: NAME: REASON";
the last line is "N passed, M failed" and the exit status is 1 if
anything failed.

Usage: tests/run.py [-k SUBSTRING] [-v] [-j JOBS]
  -k  only tests whose "SUITE: NAME" contains SUBSTRING (unit binaries and
      the ktest boot still run; their results are filtered)
  -v  for each failure, also print the traceback and the serial logs
"""

import argparse
import concurrent.futures
import importlib.util
import os
import re
import signal
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
import hostterm  # noqa: E402
import qemu  # noqa: E402

UNIT_TIMEOUT = 60
OS_HOST_TIMEOUT = 120  # per program; the harness limits each case to 30 s
KTEST_TIMEOUT = 120
TAP_LINE = re.compile(r"^(not )?ok \d+ - (.*)$")
SUMMARY = r"(?:^|(?<=\n))(\d+) passed, (\d+) failed\n"


@dataclass
class Result:
    name: str  # "SUITE: NAME"
    ok: bool
    reason: str = ""
    detail: str = ""  # shown with -v


# --- unit: host binaries

def tap_results(prefix, text):
    """Results from "ok N - name" / "not ok N - name: detail" lines."""
    results = []
    for line in text.splitlines():
        m = TAP_LINE.match(line.rstrip("\r"))
        if m:
            name, _, reason = m.group(2).partition(": ")
            results.append(Result(f"{prefix}: {name}", not m.group(1),
                                  reason or "failed"))
    return results


def run_unit_binary(path):
    name = f"unit: {path.name}"
    cmd = [sys.executable, str(path)] if path.suffix == ".py" else [str(path)]
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True,
                              text=True, errors="replace", timeout=UNIT_TIMEOUT)
    except subprocess.TimeoutExpired as e:  # run() has killed it
        return [Result(name, False, f"killed after {UNIT_TIMEOUT}s",
                       e.stdout or "")]
    except OSError as e:
        return [Result(name, False, f"cannot run: {e}")]
    results = tap_results(name, proc.stdout)
    output = proc.stdout + proc.stderr
    if proc.returncode and not any(not r.ok for r in results):
        how = (f"killed by signal {-proc.returncode}" if proc.returncode < 0
               else f"exit status {proc.returncode}")
        results.append(Result(name, False, f"{how} without a failed test", output))
    elif not results:
        results.append(Result(name, False, "printed no ok/not ok lines", output))
    return results


def unit_jobs():
    unit = ROOT / "build" / "unit"
    binaries = sorted(p for p in unit.glob("test_*")
                      if p.is_file() and os.access(p, os.X_OK))
    if not binaries:
        print("# unit: no binaries build/unit/test_* (make unit-tests)", flush=True)
    binaries += sorted((ROOT / "tests" / "unit").glob("test_*.py"))
    return [lambda p=p: run_unit_binary(p) for p in binaries]


# --- os-host: the tests/os programs on the Linux host

# Programs whose cases need fd 0 to be their controlling terminal, as the
# console is in the OS: on the host they get a pseudo-terminal.
NEEDS_TERMINAL = {"tty"}


def run_os_program(path):
    name = f"os-host: {path.name}"
    terminal = hostterm.open_terminal() if path.name in NEEDS_TERMINAL else None
    stdin_args = (dict(stdin=terminal[1], start_new_session=True,
                       preexec_fn=hostterm.take_terminal)
                  if terminal else dict(stdin=subprocess.DEVNULL))
    with tempfile.TemporaryDirectory(prefix=f"os-host-{path.name}-") as tmp:
        try:
            proc = subprocess.run([str(path)], cwd=tmp, **stdin_args,
                                  capture_output=True, text=True, errors="replace",
                                  timeout=OS_HOST_TIMEOUT)
        except subprocess.TimeoutExpired as e:
            return [Result(name, False, f"killed after {OS_HOST_TIMEOUT}s", e.stdout or "")]
        except OSError as e:
            return [Result(name, False, f"cannot run: {e}")]
        finally:
            for fd in terminal or ():
                os.close(fd)
        left = sorted(os.listdir(tmp))
    output = proc.stdout + proc.stderr
    results = tap_results(name, proc.stdout)
    passed = sum(r.ok for r in results)
    failed = len(results) - passed
    lines = proc.stdout.rstrip("\n").split("\n")
    m = re.fullmatch(r"(\d+) passed, (\d+) failed", lines[-1])
    if not m:
        why = "no summary line at the end"
    elif (int(m.group(1)), int(m.group(2))) != (passed, failed):
        why = f"'{lines[-1]}' but {passed} ok and {failed} not ok lines"
    elif proc.returncode != min(failed, 255):
        why = (f"killed by signal {-proc.returncode}" if proc.returncode < 0
               else f"exit status {proc.returncode}, expected {min(failed, 255)}")
    elif not results:
        why = "no ok/not ok lines"
    elif left:
        why = f"left {', '.join(left)} in its directory"
    else:
        why = ""
    results.append(Result(f"{name}: summary, exit status, clean-up", not why, why, output))
    return results


def run_hello_glibc(path):
    name = "os-host: hello_glibc prints its line"
    try:
        proc = subprocess.run([str(path)], cwd=ROOT, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, errors="replace",
                              timeout=UNIT_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as e:
        return [Result(name, False, f"cannot run: {e}")]
    ok = proc.stdout == "hello from glibc\n" and proc.returncode == 0
    return [Result(name, ok, f"printed {proc.stdout!r}, exit status {proc.returncode}",
                   proc.stdout + proc.stderr)]


def run_init(init):
    """init runs argv[1..] and exits with its status; without arguments, 0."""
    cases = [
        ([], 0, ""),
        ([str(ROOT / "build" / "tests-os" / "hello_glibc")], 0, "hello from glibc\n"),
        ([sys.executable, "-c", "import sys; sys.exit(7)"], 7, ""),
        ([str(ROOT / "build" / "no-such-program")], 127, ""),
    ]
    for args, want_rc, want_out in cases:
        try:
            proc = subprocess.run([str(init)] + args, cwd=ROOT, stdin=subprocess.DEVNULL,
                                  capture_output=True, text=True, errors="replace",
                                  timeout=UNIT_TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as e:
            return [Result("os-host: init", False, f"cannot run: {e}")]
        out = proc.stdout
        m = re.match(r"init: started \(pid (\d+)\)\n", out)
        if not m or out[m.end():] != want_out or proc.returncode != want_rc:
            return [Result("os-host: init runs a program and exits with its status",
                           False, f"init {' '.join(args)}: printed {out!r}, exit status "
                           f"{proc.returncode}, expected {want_rc}", out + proc.stderr)]
    return [Result("os-host: init runs a program and exits with its status", True)]


def os_host_jobs():
    folder = ROOT / "build" / "tests-os"
    programs = sorted(p for p in folder.glob("*")
                      if p.is_file() and not p.suffix and os.access(p, os.X_OK))
    if not programs:
        print("# os-host: no programs in build/tests-os (make user)", flush=True)
    jobs = [lambda p=p: run_hello_glibc(p) if p.name == "hello_glibc" else run_os_program(p)
            for p in programs]
    init = ROOT / "build" / "user" / "sbin" / "init"
    if init.exists():
        jobs.append(lambda: run_init(init))
    return jobs


# --- ktest: the kernel's self-tests

def run_ktest():
    log, error, rc, summary = "", None, None, None
    try:
        with qemu.Qemu("ktest quiet", timeout=KTEST_TIMEOUT) as q:
            try:
                summary = q.expect(SUMMARY, KTEST_TIMEOUT)
                rc = q.wait(30)
            except qemu.QemuError as e:
                error = e
            log = q.log
    except OSError as e:
        return [Result("ktest: boot", False, f"cannot start QEMU: {e}")]
    text = log[:summary.start()] if summary else log
    results = tap_results("ktest", text)
    if error:
        results.append(Result("ktest: summary", False, error.reason, str(error)))
        return results
    passed = sum(r.ok for r in results)
    failed = len(results) - passed
    want = (int(summary.group(1)), int(summary.group(2)))
    results.append(Result("ktest: summary line matches the results",
                          want == (passed, failed),
                          f"'{summary.group(0).strip()}' but {passed} ok and "
                          f"{failed} not ok lines", log))
    results.append(Result("ktest: exit status is 2*failed+1",
                          rc == 2 * failed + 1,
                          f"QEMU exit status {rc}, expected {2 * failed + 1}", log))
    return results


# --- e2e and gdb: test_* functions in Python files

def load_module(path):
    name = f"{path.parent.name}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def find_tests(suite, folder):
    """[(full name, function or None, import error)] in file order."""
    tests = []
    for path in sorted((ROOT / "tests" / folder).glob("test_*.py")):
        try:
            module = load_module(path)
        except Exception as e:
            tests.append((f"{suite}: {path.name}", None,
                          f"import failed: {type(e).__name__}: {e}"))
            continue
        for name, fn in vars(module).items():
            if name.startswith("test_") and callable(fn) \
                    and getattr(fn, "__module__", None) == module.__name__:
                tests.append((f"{suite}: {path.stem}.{name}", fn, None))
    return tests


def failure_location(exc):
    """"test_x.py:LINE": the innermost frame in a test file."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if Path(f.filename).name.startswith("test_")]
    return f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""


def describe_failure(exc, runs):
    """(one-line reason, detail for -v)."""
    if isinstance(exc, qemu.QemuError):
        reason = exc.reason
    elif isinstance(exc, AssertionError):
        reason = str(exc).split("\n")[0] or "assertion failed"
    else:
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    where = failure_location(exc)
    if where:
        reason += f" ({where})"
    detail = "".join(traceback.format_exception(exc))
    if not isinstance(exc, qemu.QemuError):
        detail += "".join(f"\n{r.describe()}" for r in runs)
    return reason, detail


def run_function(name, fn):
    with qemu.track() as runs:
        try:
            fn()
            return [Result(name, True)]
        except Exception as e:
            return [Result(name, False, *describe_failure(e, runs))]
        finally:
            for r in runs:  # whatever the test left running
                r.close()


def function_jobs(suite, folder, keyword):
    jobs = []
    for name, fn, error in find_tests(suite, folder):
        if keyword and keyword not in name:
            continue
        if fn is None:
            jobs.append(lambda name=name, error=error: [Result(name, False, error)])
        else:
            jobs.append(lambda name=name, fn=fn: run_function(name, fn))
    return jobs


# --- running and reporting

class Report:
    def __init__(self, keyword, verbose):
        self.keyword, self.verbose = keyword, verbose
        self.passed = self.failed = 0

    def add(self, r):
        if self.keyword and self.keyword not in r.name:
            return
        n = self.passed + self.failed + 1
        if r.ok:
            self.passed += 1
            print(f"ok {n} - {r.name}")
        else:
            self.failed += 1
            print(f"not ok {n} - {r.name}: {r.reason}")
            if self.verbose and r.detail:
                for line in r.detail.rstrip("\n").split("\n"):
                    print(f"#   {line}")
        sys.stdout.flush()


def run_jobs(jobs, report, workers):
    """Run JOBS (callables returning [Result]) on WORKERS threads; report
    their results in job order as soon as each is done."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers)
    try:
        futures = [pool.submit(job) for job in jobs]
        for f in futures:
            try:
                results = f.result()
            except Exception as e:  # a bug in the runner itself
                results = [Result("runner", False, f"{type(e).__name__}: {e}")]
            for r in results:
                report.add(r)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        qemu.kill_all()
        pool.shutdown(wait=True)


def main():
    parser = argparse.ArgumentParser(description="Run every test of the OS.")
    parser.add_argument("-k", dest="keyword", help="only tests whose name contains this")
    parser.add_argument("-v", dest="verbose", action="store_true",
                        help="print tracebacks and serial logs of failures")
    parser.add_argument("-j", dest="jobs", type=int, default=2,
                        help="jobs at a time (default 2)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    # A shell starts a background job with SIGINT and SIGQUIT ignored, and
    # ignored signals stay ignored across exec: every program the tests
    # start would then survive the ^C and kill -INT the tests send.  A
    # handler (Python's own, for SIGINT) is reset to the default by exec.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)

    workers = max(1, args.jobs)
    report = Report(args.keyword, args.verbose)
    try:
        run_jobs(unit_jobs() + os_host_jobs(), report, workers)
        # Alone: some self-tests compare clocks, which a busy host skews.
        run_jobs([run_ktest], report, 1)
        run_jobs(function_jobs("e2e", "e2e", args.keyword)
                 + function_jobs("gdb", "gdb", args.keyword), report, workers)
    except KeyboardInterrupt:
        print("# interrupted", flush=True)
        return 130
    print(f"{report.passed} passed, {report.failed} failed", flush=True)
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
