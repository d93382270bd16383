"""tests/e2e/qemu.py - boot the OS in QEMU and talk to its serial console.

Qemu starts qemu-system-i386 with the contract flags (the same machine
`make run` uses), either with -kernel build/kernel.elf -append CMDLINE or
with -cdrom ISO.  A reader thread collects the serial output (with the
"\\r" of the "\\r\\n" line endings removed); tests wait for text with
expect(), type with send() or command(), and collect the exit status with
wait().

Two guards keep a run from hanging or leaking processes:
  - a hard overall timeout per QEMU: when it expires that QEMU is ended by
    its PID (SIGTERM, then SIGKILL) and every later expect()/wait() raises
    QemuTimeout with the serial log;
  - close() (also the context manager's exit) ends QEMU if it still runs;
    kill_all() ends every QEMU this process started and has not yet
    reaped (the test runner calls it on exit and on Ctrl-C).

Every error raised here is a QemuError whose message is one line of
reason followed by the full serial log.

Disk image locking: QEMU locks its disk image, so a test QEMU would fail
to start while someone's `make run` holds build/disk.img (and the other
way round).  So QEMU runs in a private directory (one per Python process,
removed at exit) whose build/ holds symbolic links to the kernel and ISOs
and a copy of disk.img; the flags stay exactly the contract's
("-kernel build/kernel.elf", "file=build/disk.img").  Runs also add
-snapshot: the copy is opened read-only with writes going to a temporary
overlay, so several QEMUs share it and every run starts from the same
disk.  Pass private=False to run in the repository itself.

Network: hostfwd=(GUEST_PORT, ...) forwards TCP ports of the guest to
free ports on the host's 127.0.0.1 (QEMU's user network "hostfwd"; only
the -netdev argument changes); q.ports maps each guest port to its host
port.  QEMU is started again with other ports if one was taken between
being picked and QEMU binding it.  pcap=PATH records the traffic of the
card in PATH (QEMU's filter-dump object on the netdev; pcap_maxlen
keeps only the first bytes of each frame, enough for the headers of a
long stream); describe(), and so every QemuError, names the file.
network_capture(NAME) gives a test such a path in build/test-output/NAME/
that is kept only if the test fails.

    with Qemu("init=kmon") as q:
        q.prompt()
        assert "frames:" in q.command("mem")
        q.send("poweroff 7\\r")
        assert q.wait() == 15

    with Qemu("init=/sbin/init quiet", hostfwd=[7]) as q:
        ...  # the guest's port 7 is 127.0.0.1:q.ports[7] on the host
"""

import atexit
import codecs
import contextlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

KERNEL = "build/kernel.elf"
DISK = "build/disk.img"
ISO = "build/os.iso"
TEST_ISO = "build/test.iso"

PROMPT = r"(?:^|(?<=\n))kmon> "  # at the start of a line
PANIC_STATUS = 225  # (0x70 << 1) | 1


def machine_args(debug_exit=True, netdev="user,id=n0"):
    """The contract machine flags, after the -kernel/-cdrom part; NETDEV
    is the -netdev argument (hostfwd rules go there)."""
    args = ["-drive", f"file={DISK},format=raw,if=ide,index=0",
            "-netdev", netdev, "-device", "virtio-net-pci,netdev=n0"]
    if debug_exit:
        args += ["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    return args + ["-serial", "stdio", "-display", "none", "-no-reboot"]


def free_ports(n):
    """N distinct TCP ports free on 127.0.0.1 just now (the kernel's
    choice for a bind to port 0; all held until all are chosen)."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def listening_ports(pid):
    """The TCP ports process PID listens on (its sockets' inodes, found
    in /proc/net/tcp in LISTEN state)."""
    inodes = set()
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:  # it exited meanwhile
        return set()
    ports = set()
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # TCP_LISTEN
                ports.add(int(fields[1].split(":")[1], 16))
    return ports


def exit_status(status):
    """QEMU's exit status when the kernel powers off with STATUS."""
    return ((status << 1) | 1) & 0xFF


_sandbox = None
_sandbox_lock = threading.Lock()


def sandbox():
    """The private directory QEMU runs in (see the module docstring)."""
    global _sandbox
    with _sandbox_lock:
        if _sandbox is None:
            top = Path(tempfile.mkdtemp(prefix="os-test-qemu-"))
            atexit.register(shutil.rmtree, top, ignore_errors=True)
            (top / "build").mkdir()
            for name in ("kernel.elf", "os.iso", "test.iso"):
                (top / "build" / name).symlink_to(ROOT / "build" / name)
            shutil.copyfile(ROOT / DISK, top / DISK)
            _sandbox = top
        return _sandbox


class QemuError(AssertionError):
    """A failed expectation; the message ends with the serial log."""

    def __init__(self, reason, qemu):
        self.reason = reason
        self.log = qemu.log
        super().__init__(f"{reason}\n{qemu.describe()}")


class QemuTimeout(QemuError):
    """The overall timeout expired and QEMU was killed."""


_live = set()
_live_lock = threading.Lock()
_tracking = threading.local()


def kill_all():
    """End every QEMU started by this process that is still running."""
    with _live_lock:
        running = list(_live)
    for q in running:
        q.close()


class track:
    """Context manager: collects the Qemu objects created in this thread,
    so a test runner can show their serial logs when a test fails."""

    def __enter__(self):
        self.instances = []
        _tracking.instances = self.instances
        return self.instances

    def __exit__(self, *exc):
        _tracking.instances = None
        return False


class Qemu:
    """One QEMU run, started at once; see the module docstring.

    cmdline     the kernel command line (-kernel build/kernel.elf -append)
    iso         boot this ISO with -cdrom instead (ISO or TEST_ISO)
    debug_exit  False drops the isa-debug-exit device (ACPI power-off)
    extra       more QEMU arguments (relative paths: see private)
    timeout     the hard overall timeout in seconds
    private     run in the private directory with -snapshot (default)
    workdir     run in this directory instead, writing its build/disk.img
                for real (see disk_workdir)
    hostfwd     guest TCP ports to forward from free 127.0.0.1 ports
                (self.ports: guest port -> host port)
    pcap        record the network traffic in this file (absolute path)
    pcap_maxlen keep at most this many bytes of each frame
    """

    def __init__(self, cmdline="", *, iso=None, debug_exit=True, extra=(),
                 timeout=60, private=True, workdir=None,
                 qemu="qemu-system-i386", hostfwd=(), pcap=None,
                 pcap_maxlen=None):
        self.image = iso or KERNEL
        if iso:
            self.boot = ["-cdrom", iso]
        else:
            self.boot = ["-kernel", KERNEL, "-append", cmdline]
        self.qemu = qemu
        self.debug_exit = debug_exit
        self.extra = list(extra)
        self.hostfwd = list(hostfwd)
        self.ports = {}
        self.pcap = pcap
        if pcap:
            dump = f"filter-dump,id=f0,netdev=n0,file={pcap}"
            if pcap_maxlen:
                dump += f",maxlen={pcap_maxlen}"
            self.extra += ["-object", dump]
        self.private = private
        self.workdir = workdir
        self.timeout = timeout
        self.timed_out = False
        self._text = ""
        self._pos = 0
        self._arrivals = []  # (text length after a chunk, time it arrived)
        self._stderr = b""
        self._eof = False
        self._cond = threading.Condition()
        self._start()

    # --- starting and stopping

    def _netdev(self):
        """The -netdev argument: user networking, with the forwards."""
        netdev = "user,id=n0"
        for guest, host in self.ports.items():
            netdev += f",hostfwd=tcp:127.0.0.1:{host}-:{guest}"
        return netdev

    def _build_argv(self):
        self.ports = dict(zip(self.hostfwd, free_ports(len(self.hostfwd))))
        self.argv = [self.qemu, "-accel", "tcg", "-m", "128M", *self.boot,
                     *machine_args(self.debug_exit, self._netdev()),
                     *self.extra]
        if self.private and not self.workdir:
            self.argv.append("-snapshot")

    def _start(self):
        for path in (self.image, DISK):
            if not (ROOT / path).exists():
                raise FileNotFoundError(f"{path} does not exist: build it first "
                                        "(make, make iso, make test)")
        cwd = self.workdir or (sandbox() if self.private else ROOT)
        for attempt in range(5):
            self._build_argv()
            self.start_time = time.monotonic()
            self.proc = subprocess.Popen(
                self.argv, cwd=cwd, stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if self._forwards_ready():
                break
            # QEMU exited at once: if a port was taken between
            # free_ports() and its bind, try others; any other failure
            # is left for expect() and wait() to report
            self._stderr = self.proc.stderr.read()
            if b"forward" not in self._stderr or attempt == 4:
                break
            for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                f.close()
        with _live_lock:
            _live.add(self)
        instances = getattr(_tracking, "instances", None)
        if instances is not None:
            instances.append(self)
        self._readers = [
            threading.Thread(target=self._read_stdout, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True)]
        for t in self._readers:
            t.start()
        self._watchdog = threading.Timer(self.timeout, self._expire)
        self._watchdog.daemon = True
        self._watchdog.start()

    def _forwards_ready(self, timeout=20):
        """True once QEMU listens on every forwarded host port (or there
        are none); False if it exited first."""
        want = set(self.ports.values())
        deadline = time.monotonic() + timeout
        while want and time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            if want <= listening_ports(self.proc.pid):
                return True
            time.sleep(0.02)
        return True  # slow to start: let expect() and the watchdog judge

    def _read_stdout(self):
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        fd = self.proc.stdout.fileno()
        while True:
            try:
                data = os.read(fd, 4096)
            except OSError:  # closed under us: treat as the end
                data = b""
            text = decoder.decode(data, final=not data).replace("\r", "")
            with self._cond:
                self._text += text
                self._arrivals.append((len(self._text), time.monotonic()))
                if not data:
                    self._eof = True
                self._cond.notify_all()
            if not data:
                return

    def _read_stderr(self):
        self._stderr += self.proc.stderr.read()  # QEMU's own errors, at exit

    def _expire(self):
        # Killing under the lock: a waiter wakes to see timed_out, never
        # the end of output the kill causes.
        with self._cond:
            if self.proc.poll() is not None:
                return
            self._kill()
            self.timed_out = True
            self._cond.notify_all()

    def _kill(self):
        """End this QEMU by its PID: SIGTERM, then SIGKILL."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc.wait()

    def close(self):
        """Stop the watchdog, end QEMU if it still runs, reap it."""
        self._watchdog.cancel()
        self._kill()
        for t in self._readers:
            t.join(5)
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                f.close()
            except OSError:
                pass
        with _live_lock:
            _live.discard(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # --- the serial log

    @property
    def log(self):
        """Everything QEMU wrote to the serial port so far."""
        with self._cond:
            return self._text

    def describe(self):
        """The command, the exit status, stderr and the serial log."""
        rc = self.proc.poll()
        if rc is not None:
            self._readers[1].join(1)
        text, err = self.log, self._stderr
        out = [f"qemu: {subprocess.list2cmdline(self.argv)}",
               f"qemu: pid {self.proc.pid}, "
               + ("still running" if rc is None else f"exit status {rc}")]
        if err.strip():
            out.append("qemu stderr: " + err.decode(errors="replace").strip())
        if self.ports:
            out.append("qemu: forwarded " + ", ".join(
                f"127.0.0.1:{h} -> guest port {g}" for g, h in self.ports.items()))
        if self.pcap:
            out.append(f"qemu: network capture in {self.pcap}")
        out.append("--- serial log ---")
        out.append(text.rstrip("\n"))
        out.append("--- end of serial log ---")
        return "\n".join(out)

    def arrival(self, pos):
        """monotonic() time at which the text at offset POS arrived."""
        with self._cond:
            for end, t in self._arrivals:
                if end > pos:
                    return t
        return None

    # --- talking to the machine

    def expect(self, regex, timeout=30, flags=0):
        """Wait for REGEX in the output not yet consumed; return the match
        and consume the output up to its end."""
        return self._expect(re.compile(regex, flags), timeout, False)

    def expect_next(self, regex, timeout=30, flags=0):
        """Like expect(), but REGEX must match the very next output."""
        return self._expect(re.compile(regex, flags), timeout, True)

    def _expect(self, pattern, timeout, anchored):
        regex = pattern.pattern
        find = pattern.match if anchored else pattern.search
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                m = find(self._text, self._pos)
                if m:
                    self._pos = m.end()
                    return m
                if self.timed_out:
                    reason = (f"overall timeout of {self.timeout}s expired "
                              f"waiting for /{regex}/: QEMU killed")
                    raise QemuTimeout(reason, self)
                if self._eof:
                    self.proc.wait()
                    reason = (f"QEMU exited (status {self.proc.returncode}) "
                              f"before /{regex}/ appeared")
                    raise QemuError(reason, self)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise QemuError(f"no /{regex}/ within {timeout}s", self)
                self._cond.wait(left)

    def check(self, regex, flags=re.M):
        """REGEX must occur in the output so far (consumed or not)."""
        m = re.search(regex, self.log, flags)
        if not m:
            raise QemuError(f"no /{regex}/ in the output", self)
        return m

    def check_absent(self, regex, flags=re.M):
        """REGEX must not occur in the output so far."""
        m = re.search(regex, self.log, flags)
        if m:
            raise QemuError(f"unexpected {m.group(0).strip()!r} in the output", self)

    def send(self, text):
        """Type TEXT on the serial port."""
        try:
            self.proc.stdin.write(text.encode())
            self.proc.stdin.flush()
        except (BrokenPipeError, ValueError):
            raise QemuError(f"cannot send {text!r}: QEMU is gone", self)

    def prompt(self, timeout=30):
        """Wait for the kernel monitor's prompt."""
        return self.expect(PROMPT, timeout)

    def command(self, line, timeout=30):
        """At the prompt, run one monitor command; return its output (the
        text between the echoed line and the next prompt)."""
        self.send(line + "\r")
        out = self.expect(r"(?s)(.*?)" + PROMPT, timeout).group(1)
        return out.partition("\n")[2]

    def wait(self, timeout=30):
        """Wait for QEMU to exit; return its exit status."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                if self.timed_out:
                    raise QemuTimeout(f"overall timeout of {self.timeout}s "
                                      "expired waiting for QEMU to exit: killed",
                                      self)
                rc = self.proc.poll()
                if rc is not None and self._eof:
                    return rc
                left = deadline - time.monotonic()
                if left <= 0:
                    raise QemuError(f"QEMU still running after {timeout}s", self)
                self._cond.wait(min(left, 0.05))


def disk_workdir(top, image=None):
    """Makes TOP a directory for a QEMU run that really writes its disk:
    build/kernel.elf linked to ours, build/disk.img a copy of IMAGE (default
    the built one).  Returns the path of that disk copy."""
    build = Path(top) / "build"
    build.mkdir(parents=True, exist_ok=True)
    (build / "kernel.elf").symlink_to(ROOT / KERNEL)
    shutil.copyfile(image or ROOT / DISK, build / "disk.img")
    return build / "disk.img"


OUTPUT = ROOT / "build" / "test-output"  # what failed tests leave behind


@contextlib.contextmanager
def network_capture(name):
    """The path for a network capture (Qemu's pcap=) of the test NAME:
    build/test-output/NAME/net.pcap.  When the block raises, the file is
    kept and the error says where it is; when it ends normally, the file
    goes (captures of long runs are big)."""
    folder = OUTPUT / name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "net.pcap"
    path.unlink(missing_ok=True)
    try:
        yield path
    except Exception as e:
        if not path.exists():
            raise
        note = f" [network capture: {path.relative_to(ROOT)}]"
        if isinstance(e, QemuError):
            e.reason += note
            raise
        first, _, rest = str(e).partition("\n")
        raise AssertionError(f"{first}{note}\n{rest}") from e
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.rmdir()


def boot_to_prompt(cmdline, **kwargs):
    """A Qemu booted with CMDLINE up to the monitor prompt; use it with
    `with` so it is closed (and QEMU ended) whatever happens."""
    q = Qemu(cmdline, **kwargs)
    try:
        q.prompt()
    except BaseException:
        q.close()
        raise
    return q
