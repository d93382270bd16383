#!/usr/bin/env python3
"""tests/unit/test_syscall_numbers.py - the project's system-call numbers
against Linux i386's, as the host's <asm/unistd_32.h> defines them (read
through the compiler, `gcc -m32 -E -dM`, so no path is assumed).

Every table in TABLES is checked: each name it numbers must exist on the
host with the same number, and no number may be used twice.  A table is
a header of "#define SYS_name N" or "#define __NR_name N" lines, or a
Linux-style syscall_32.tbl ("N i386 name entry").  The kernel's table
joins the list when it exists.  Output as the unit tests': "ok N - name"
lines, then "P passed, F failed"; exit status 1 if anything failed.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TABLES = ["libc/include/bits/syscall.h"]

DEFINE = re.compile(r"^\s*#\s*define\s+(?:SYS_|__NR_)(\w+)\s+(\d+)\s*(?:/\*.*)?$")
TBL = re.compile(r"^\s*(\d+)\s+(?:i386|common)\s+(\w+)")


def host_numbers():
    out = subprocess.run(["gcc", "-m32", "-E", "-dM", "-"], input="#include <asm/unistd_32.h>\n",
                         capture_output=True, text=True, check=True).stdout
    nums = {}
    for line in out.splitlines():
        m = re.match(r"#define __NR_(\w+) (\d+)$", line)
        if m:
            nums[m.group(1)] = int(m.group(2))
    return nums


def table_numbers(path):
    nums = {}
    for line in path.read_text().splitlines():
        m = DEFINE.match(line)
        if m:
            nums[m.group(1)] = int(m.group(2))
            continue
        m = TBL.match(line)
        if m and path.suffix == ".tbl":
            nums[m.group(2)] = int(m.group(1))
    return nums


def check(name, host):
    path = ROOT / name
    if not path.exists():
        return f"{name} is missing"
    nums = table_numbers(path)
    if len(nums) < 10:
        return f"only {len(nums)} numbers found in {name}"
    bad = []
    for call, n in sorted(nums.items(), key=lambda kv: kv[1]):
        if call not in host:
            bad.append(f"{call} ({n}) is not a Linux i386 call")
        elif host[call] != n:
            bad.append(f"{call} is {n}, Linux says {host[call]}")
    seen = {}
    for call, n in nums.items():
        if n in seen:
            bad.append(f"{n} is both {seen[n]} and {call}")
        seen[n] = call
    if bad:
        return f"{len(bad)} wrong: " + "; ".join(bad[:8])
    return None


def main():
    host = host_numbers()
    results = [("host has Linux i386's numbers",
                None if host.get("write") == 4 and host.get("exit_group") == 252
                else "asm/unistd_32.h does not look like Linux i386's")]
    for name in TABLES:
        results.append((f"{name} matches asm/unistd_32.h", check(name, host)))
    failed = 0
    for i, (name, error) in enumerate(results, 1):
        if error:
            failed += 1
            print(f"not ok {i} - {name}: {error}")
        else:
            print(f"ok {i} - {name}")
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
