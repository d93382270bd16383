"""tests/e2e/test_textutils.py - the text utilities against GNU's.

wc, grep, head, tail, sort, uniq, find, xargs and tee (user/bin) are
static Linux i386 programs, so they run on this host next to GNU
coreutils, grep and findutils: each case runs both on the same input
files, arguments and standard input (tests/utils/compare.py, C locale)
and compares the exit status, standard output and standard error.  Cases
come in tables; a test runs its whole table and reports every case that
differed.  Where we differ from GNU on purpose (an unknown option is a
usage message and status 2 for all of them) the tests say what we want
instead.  The last tests boot the OS and run some of them there.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "utils"))
from compare import ENV, bad_option, compare, gnu, ours, run, scratch  # noqa: E402
from qemu import Qemu, exit_status  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

# A text with something for every regular-expression feature.
LINES = b"""abc
aXc
abbbc
ac

hello world
foo.bar
foo_bar
x*y
a+b
a{2}
(ab)
abab
ABC
  spaces  \ttab
net/ipv4/tcp.c
[x]
^caret
dollar$
back\\slash
aa
bb bb
xyzzy
123 456
-n
q?
a|b
"""


def sort_lines(data):
    """For outputs whose order is the directory's (find, grep -r)."""
    return b"".join(sorted(data.splitlines(keepends=True)))


def table(cases):
    """Runs compare(name, args, **kw) for each (name, args, kw) and fails
    with every case that differed."""
    failures = []
    for name, args, kw in cases:
        try:
            compare(name, args, **kw)
        except AssertionError as e:
            failures.append(str(e))
    if failures:
        raise AssertionError(f"{len(failures)} of {len(cases)} cases differ "
                             "from GNU\n" + "\n\n".join(failures))


def with_text(name, arg_lists, text=LINES, **kw):
    """Cases for NAME reading TEXT from the file "in" (last argument)."""
    return [(name, [*args, "in"], {"files": {"in": text}, **kw})
            for args in arg_lists]


# --- wc

def test_wc():
    files = {"a": "one two\nthree\n", "b": "x  y\tz\n\nlast line no newline",
             "empty": "", "ctl": b"a\x01b \x01 c\x80 \x80\n\r\n\fz\v",
             "d/": None}
    cases = [[], ["-l"], ["-w"], ["-c"], ["-lw"], ["-wc"], ["-lwc"],
             ["-c", "-l"], ["a"], ["-l", "a"], ["a", "b"], ["-w", "a", "b"],
             ["a", "b", "empty", "ctl"], ["ctl"], ["-w", "ctl"],
             ["a", "-", "b"], ["empty"], ["-c", "a", "b"]]
    table([("wc", args, {"files": files, "stdin": "from\nstdin\n"})
           for args in cases])


def test_wc_errors():
    files = {"a": "one two\n", "d/": None}
    cases = [["missing"], ["a", "missing"], ["missing", "a"],
             ["-l", "missing", "a"], ["d"], ["a", "d", "missing", "a"]]
    table([("wc", args, {"files": files}) for args in cases])
    bad_option("wc")


# --- grep: regular expressions

# Patterns that mean the same in basic and extended syntax, or that test
# where the two differ.
PATTERNS = [
    "a", "a.c", "ab*c", "^a", "c$", "^$", "^", "$", ".*", "",
    "[[:upper:]]", "[^a-z]", "[]x]", "[^]a]", "[a-]", "[--z]", "[.]", "[\\]",
    "[[:alpha:]]", "[[:digit:]]", "[[:space:]]", "[[:punct:]]",
    "[[:xdigit:]]", "[[:alnum:]_]", "[[:blank:]]", "[^[:alnum:] ]",
    "[[=a=]]", "[[.x.]]", "[[.-.]]", "[a-c]", "[z-a]", "[a-c-e]",
    "[[:alpha:]-z]", "[[:foo:]]", "[a", "[[:alpha:]", "[:alpha:]", "[:a]",
    "a|b", "a\\|b", "(ab)", "\\(ab\\)", "\\(ab\\)\\1", "(ab)\\1",
    "\\(a\\)\\(b\\)\\2", "^\\(.*\\)\\1$", "\\(a\\)\\|\\1", "\\(a\\|b\\)\\1",
    "\\(a*\\)*\\1", "\\(b*\\)\\{2\\}c", "(a*)*b", "(|a)+", "()", "\\(\\)",
    "ab\\+c", "ab+c", "ab\\?c", "ab?c", "a\\{2\\}", "a{2}", "ab\\{1,2\\}c",
    "ab{1,2}c", "b\\{2,\\}", "a\\{,1\\}c", "a{,1}c", "a{,}", "a{}", "a{",
    "a{1", "a{1,2", "a{x", "a{2,1}", "a\\{2,1\\}", "a\\{1", "a{99999}",
    "a{1}{2}", "a\\{1\\}\\{2\\}", "{1}a", "\\{1\\}a",
    "*a", "^*", "x*y", "x\\*y", "a**", "\\(*a\\)", "a\\|*b", "a|*b",
    "+", "?", "a|+b", "\\+a", "\\?a", "^^", "$$", "^\\^", "\\$$",
    "a^", "$a", "x$\\|y", "\\(^a\\)", "x\\|^a",
    "\\.", "\\w\\+", "\\W", "\\s", "\\S\\+", "\\<foo", "bar\\>", "\\bba",
    "\\Bb", "\\w*", "\\>", "\\<", "\\b", "\\B", "\\`a", "c\\'", "\\a", "\\-",
    "(", ")", "a)", "\\(", "\\)", "a\\)", "\\1", "(a)\\1", "a\\",
    "o w", "net", "back\\\\", "d.*r\\$", "h.*o.*o", "[[:digit:]]\\{3\\}",
    "[0-9]+ [0-9]+", "(a|b)+c", "o\\(o\\)\\?", "\\(a\\)\\{2\\}\\1",
]


def test_grep_basic_regex_table():
    table(with_text("grep", [["-G", "-e", p] for p in PATTERNS]))


def test_grep_extended_regex_table():
    table(with_text("grep", [["-E", "-e", p] for p in PATTERNS]))


def test_grep_fixed_strings_table():
    table(with_text("grep", [["-F", "-e", p] for p in PATTERNS]))


def test_grep_regex_with_options():
    flags = [["-i"], ["-w"], ["-x"], ["-v"], ["-c"], ["-n"], ["-vc"],
             ["-iw"], ["-ix"], ["-wn"], ["-o"]]
    patterns = ["a", "ab*c", "\\(ab\\)\\1", "[a-c]\\+", "b", "bb", "^a",
                "hello", "ABC", "[[:upper:]]", "abc\\|bar", "\\w\\+",
                "a.", "x\\*y", "foo.bar"]
    arg_lists = []
    for f in flags[:-1]:
        for syntax in ("-G", "-E", "-F"):
            arg_lists += [[syntax, *f, "-e", p] for p in patterns]
    table(with_text("grep", arg_lists))


def test_grep_several_patterns():
    table(with_text("grep", [
        ["-e", "abc", "-e", "bar"], ["-e", "^a", "-e", "x$"],
        ["abc\nbar"], ["-E", "a|b\n^x"], ["-F", "a.c\nx*y"],
        ["-c", "-e", "a", "-e", "b"], ["-v", "-e", "a", "-e", "b"],
        ["-x", "-e", "aa", "-e", "abab"], ["-w", "-F", "-e", "bb", "-e", "a"],
    ]))


# --- grep: options, files and errors

GREP_FILES = {"a": "net one\nzero\nnet two\n", "b": "nothing\n",
              "nonl": "net1\nxx\nnet2", "bin": b"a\0b\nnet\n",
              "d/x": "net in d\n", "d/e/y": "net deep\nno\n",
              "d/e/z": "zzz\n", "empty": ""}


def test_grep_options_and_files():
    cases = [
        ["net", "a"], ["net", "a", "b"], ["-h", "net", "a", "b"],
        ["-H", "net", "a"], ["-n", "net", "a", "nonl"], ["-c", "net", "a", "b"],
        ["-l", "net", "a", "b", "nonl"], ["-L", "net", "a", "b", "nonl"],
        ["-q", "net", "a"], ["-q", "zzz", "a"], ["-m", "1", "net", "a", "nonl"],
        ["-m1", "-c", "net", "a"], ["-v", "net", "nonl"], ["-vn", "net", "a"],
        ["-ic", "NET", "a", "nonl"], ["net", "-", "a"], ["net"],
        ["net", "bin"], ["-c", "net", "bin"], ["-a", "net", "bin"],
        ["-l", "net", "bin"], ["-n", "net", "nonl", "bin", "a"],
        ["-s", "net", "missing", "a"], ["net", "empty"], ["-c", "x", "empty"],
    ]
    table([("grep", args, {"files": GREP_FILES, "stdin": "net stdin\nno\n"})
           for args in cases])


def test_grep_recursive():
    cases = [["-r", "net"], ["-r", "net", "."], ["-r", "net", "d"],
             ["-r", "net", "d/"], ["-rh", "net", "d"], ["-rc", "net", "d", "a"],
             ["-rl", "net"], ["-r", "net", "d/e/y"], ["-rn", "deep", "d"],
             ["-rL", "net", "d"]]
    table([("grep", args, {"files": GREP_FILES, "normalise": sort_lines})
           for args in cases])
    # -R follows symbolic links, and notices one that leads back up
    looped = {**GREP_FILES, "d/e/up": ("symlink", ".."), "link": ("symlink", "a")}
    table([("grep", args, {"files": looped, "normalise": sort_lines})
           for args in [["-R", "net", "d"], ["-R", "zzz", "d"], ["-r", "net"],
                        ["-R", "net", "."], ["-r", "net", "link"]]])


def test_grep_errors():
    table([("grep", args, {"files": GREP_FILES}) for args in [
        ["net", "missing"], ["net", "a", "missing"], ["-q", "net", "missing", "a"],
        ["-q", "zzz", "a", "missing"], ["-s", "net", "missing"],
        ["net", "d"], ["-c", "net", "d", "a"], ["-m", "x", "net", "a"],
        ["-E", "(", "a"], ["a\\{1", "a"],
    ]])
    # No pattern: a usage message and status 2, as GNU (whose text differs).
    r = run(ours("grep"), [], env=ENV)
    assert r.status == 2 and b"sage: grep" in r.stderr, r.describe()
    bad_option("grep")
    bad_option("grep", ["-e"])


# --- head and tail

NUMBERS = "".join(f"{i}\n" for i in range(1, 31))
HEAD_FILES = {"n": NUMBERS, "five": "1\n2\n3\n4\n5", "one": "a b\n",
              "empty": "", "d/": None, "big": "x" * 70000 + "\n" + NUMBERS}


def test_head():
    cases = [[], ["n"], ["-n", "3", "n"], ["-n3", "n"], ["-3", "n"],
             ["-n", "0", "n"], ["-n", "-3", "n"], ["-n", "-0", "five"],
             ["-n", "-4", "five"], ["-n", "-5", "five"], ["-n", "-1", "one"],
             ["-c", "5", "n"], ["-c", "-5", "n"], ["-c", "1k", "five"],
             ["-n", "2k", "n"], ["-c", "100", "five"], ["five", "one"],
             ["-n", "1", "five", "-", "one"], ["-q", "-n", "1", "five", "one"],
             ["-v", "-n1", "five"], ["-n", "2", "empty", "five"],
             ["-c", "-69999", "big"], ["-n", "-29", "big"], ["-n", "1", "big"]]
    table([("head", args, {"files": HEAD_FILES, "stdin": NUMBERS})
           for args in cases])


def test_tail():
    cases = [[], ["n"], ["-n", "3", "n"], ["-n3", "n"], ["-3", "n"],
             ["-n", "0", "n"], ["-n", "+3", "n"], ["-n", "+0", "five"],
             ["-n", "2", "five"], ["-n", "+5", "five"], ["-n", "+9", "five"],
             ["-c", "5", "n"], ["-c", "+5", "n"], ["-c", "0", "one"],
             ["-c", "100", "five"], ["five", "one"], ["-n", "-2", "five"],
             ["-n", "1", "five", "-", "one"], ["-q", "-n", "1", "five", "one"],
             ["-v", "-n1", "five"], ["-n", "2", "empty", "five"],
             ["-c", "69999", "big"], ["-n", "29", "big"], ["-n", "+2", "big"]]
    table([("tail", args, {"files": HEAD_FILES, "stdin": NUMBERS})
           for args in cases])


def test_head_tail_errors():
    cases = [["missing"], ["five", "missing"], ["d"], ["-n", "x", "five"],
             ["-c", "-x", "five"], ["-c", "1x", "five"],
             ["-n", "99999999999999999999", "five"]]
    table([(name, args, {"files": HEAD_FILES})
           for name in ("head", "tail") for args in cases])
    table([("tail", ["-n", "+x", "five"], {"files": HEAD_FILES})])
    for name in ("head", "tail"):
        bad_option(name)
        bad_option(name, ["-n"])


def test_head_leaves_the_rest_of_a_file():
    # (head -n 2; cat) < file: head gives back what it read too far.
    with scratch() as top:
        (top / "f").write_text(NUMBERS)
        script = f"({ours('head')} -n 2; cat) < f"
        out = subprocess.run(["sh", "-c", script], cwd=top, env=ENV,
                             capture_output=True).stdout
        assert out.decode() == NUMBERS, out


# --- sort and uniq

SORT_TEXT = """b 3 x
a 10 y
B 2 z
a 2 y
-1.5 neg
  c 1 w
10 ten
-0 minus zero
0 zero
.5 half
abc
a:b:1
a:c:-3
x:a:10
 2 lead
1e3 sci
a 10 y
"""


def test_sort():
    cases = [[], ["-r"], ["-n"], ["-nr"], ["-rn"], ["-u"], ["-f"], ["-fu"],
             ["-b"], ["-s"], ["-nu"], ["-n", "-s"], ["-r", "-u"], ["-c"],
             ["-cu"], ["-fr"]]
    table(with_text("sort", cases, SORT_TEXT.encode()))


def test_sort_keys():
    cases = [["-k2"], ["-k2,2"], ["-k2n"], ["-k2,2n"], ["-k2,2nr"],
             ["-k2,2n", "-k1,1r"], ["-k1,1", "-k2,2n"], ["-k3"], ["-k1.2"],
             ["-k1.2,1.3"], ["-k2b"], ["-b", "-k2"], ["-k2,2", "-u"],
             ["-t:", "-k2"], ["-t:", "-k2,2"], ["-t:", "-k3,3n"],
             ["-t:", "-k3n", "-k1"], ["-t:", "-k2.2,3.1"], ["-n", "-k2"],
             ["-r", "-k2,2n"], ["-k2,2", "-r"], ["-k1,1f", "-s"],
             ["-k2,2n", "-s"], ["-t", " ", "-k2,2n"], ["-k1.1,1.1", "-u"],
             ["-k2,1"], ["-k5"]]
    table(with_text("sort", cases, SORT_TEXT.encode()))


def test_sort_files_and_errors():
    files = {"a": "b\na\n", "b": "c\nA", "empty": "", "d/": None}
    cases = [["a", "b"], ["a", "-", "b"], ["empty"], ["missing"],
             ["a", "missing"], ["d"], ["-k0"], ["-k1.0"], ["-k2x"], ["-k,"],
             ["-k1,0"], ["-kx"], ["-k1.x"], ["-k1,x"], ["-t", "ab"],
             ["-t", ""], ["-c", "a"], ["-c", "a", "b"], ["-o", "out", "a", "b"]]
    table([("sort", args, {"files": files, "stdin": "z\ny\n", "tree": True})
           for args in cases])
    bad_option("sort")


def test_sort_output_may_be_an_input():
    with scratch() as top:
        (top / "f").write_text("b\nc\na\n")
        r = run(ours("sort"), ["-o", "f", "f"], cwd=top)
        assert r.status == 0 and (top / "f").read_text() == "a\nb\nc\n", \
            r.describe()


UNIQ_TEXT = b"a\na\nb\nB\nb\nc\nc\nc\n  x y\n\ty y\nd\nd"


def test_uniq():
    cases = [[], ["-c"], ["-d"], ["-u"], ["-du"], ["-cd"], ["-cu"], ["-i"],
             ["-ic"], ["-f", "1"], ["-s", "1"], ["-f", "1", "-s", "1"],
             ["-f1", "-c"], ["-s", "9"]]
    table(with_text("uniq", cases, UNIQ_TEXT))
    table([("uniq", args, {"files": {"in": UNIQ_TEXT, "d/": None},
                           "stdin": UNIQ_TEXT, "tree": True})
           for args in [[], ["-"], ["-c", "-"], ["in", "out"], ["missing"],
                        ["d"], ["-f", "x", "in"]]])
    bad_option("uniq")
    r = run(ours("uniq"), ["a", "b", "c"])
    assert r.status == 2 and b"extra operand 'c'" in r.stderr, r.describe()


# --- find

def find_tree(top):
    """A small tree with every kind of file find tells apart."""
    for d in ("a/b/c", "a/e", ".hid", "empty", "net/ipv4", "x.c"):
        (top / d).mkdir(parents=True)
    files = {"a/x.c": "x", "a/b/y.c": "y", "a/b/c/net.c": "", "Z.C": "z",
             ".hid/z.c": "", "net/ipv4/tcp.c": "tcp", "net/core.h": "",
             "net/ipv4/Makefile": "", "e.txt": ""}
    for name, text in files.items():
        (top / name).write_text(text)
    (top / "lnk").symlink_to("a")
    (top / "dangling").symlink_to("nowhere")
    os.mkfifo(top / "fifo")


def test_find():
    cases = [[], ["."], ["./"], ["a"], ["a/"], ["a", "net"], ["a//"],
             [".", "-name", "*.c"], [".", "-name", "*.C"],
             [".", "-iname", "*.c"], [".", "-name", "[ab]"],
             [".", "-name", ".*"], [".", "-name", "?"], [".", "-name", "*net*"],
             [".", "-path", "./a/*"], [".", "-path", "*b*"],
             [".", "-type", "f"], [".", "-type", "d"], [".", "-type", "l"],
             [".", "-type", "p"], [".", "-type", "f,l"],
             ["-maxdepth", "1"], ["-mindepth", "2"],
             ["-maxdepth", "2", "-mindepth", "2"], [".", "-maxdepth", "0"],
             [".", "-name", "a", "-o", "-name", "b"],
             [".", "-name", "a", "-o", "-name", "b", "-print"],
             [".", "!", "-name", "*.c"], [".", "-not", "-type", "d"],
             [".", "(", "-name", "a", "-o", "-name", "b", ")", "-print"],
             [".", "-type", "f", "-a", "-name", "*.c"],
             [".", "-type", "f", "-and", "-name", "*.h", "-or", "-type", "l"],
             [".", "-empty"], [".", "-name", "b", "-prune", "-o", "-print"],
             [".", "-depth"], [".", "-depth", "-name", "a"],
             [".", "-true"], [".", "-false"], [".", "-print0"],
             ["a", "-name", "a"], ["a/", "-name", "a"], ["x.c", "-name", "*.c"],
             [".", "-type", "f", "-name", "*.c", "-print", "-o", "-type", "d",
              "-name", "b", "-print"]]
    table([("find", args, {"files": find_tree, "normalise": sort_lines})
           for args in cases])


def test_find_errors():
    table([("find", args, {"files": find_tree}) for args in [
        ["missing"], ["missing", "a/b"], ["", "a/e"], ["a/x.c/y"], [")"],
        [".", "-name"],
        [".", "-type", "q"], [".", "-type", "f,"], [".", "-type", "fd"],
        [".", "-type", "f,f"], [".", "-type", ",f"], [".", "-maxdepth", "x"],
        [".", "-maxdepth", "-1"], [".", "-maxdepth"], [".", "-name", "a", "x"],
        [".", "(", "-name", "a"], [".", "("], [".", "(", ")"],
        [".", "(", "-name", "a", "-o", ")"], [".", "-name", "a", ")"],
        [".", "-o"], [".", "-a"], [".", "!"], [".", "-not"],
        [".", "-name", "a", "-o"], [".", "-name", "a", "!", "-o", "-true"],
    ]])
    bad_option("find", [".", "-foo"])


# --- xargs and tee

def test_xargs():
    cases = [
        ("a b\nc\n", []), ("a b\nc\n", ["echo", "x"]), ("", []),
        ("", ["-r", "echo", "hi"]), ("", ["echo", "hi"]),
        ("1 2 3 4 5 6 7\n", ["-n", "3"]), ("1 2 3 4 5 6 7\n", ["-n3", "echo", "x"]),
        ("'' a\n", ["-n1", "echo"]), ("a\\ b c\n", ["-n1"]),
        ("a 'b c' \"d 'e\" f\\\\g\n", ["-n1", "echo"]),
        ("x y\n  z w  \n", ["-I{}", "echo", "[{}]", "{}"]),
        ("a\n\n  \n", ["-I", "@", "echo", "<@>"]),
        (' "x y" z\n', ["-I{}", "echo", "[{}]"]),
        ("a\0b c\0", ["-0", "-n1", "echo"]), ("a\0\0b\0c", ["-0", "-n1", "echo"]),
        ("a b\n", ["-t", "echo"]), ("a b c\n", ["-n", "2", "sh", "-c", "exit 3"]),
        ("a b\n", ["sh", "-c", "echo $# \"$@\"", "sh"]),
        ("a\n", ["sh", "-c", "exit 255"]), ("a\n", ["sh", "-c", "kill -9 $$"]),
        ("a\n", ["nosuchcommand"]), ("a\n", ["./file"]),
        ("a 'b\n", ["echo"]), ('a "b\n', []), ("x 'a\nb'\n", ["-n1", "echo"]),
        ("a b\n", ["grep", "-n", "x"]),
        ("".join(f"{i}\n" for i in range(500)), ["-n", "100"]),
    ]
    table([("xargs", args, {"stdin": data, "files": {"file": "not a program"}})
           for data, args in cases])
    # GNU's second line suggests --help, which we do not have
    no_hint = [(rb"^(Try|Usage).*\n", b"")]
    table([("xargs", args, {"stdin": "a\n", "normalise": no_hint})
           for args in [["-n", "0"], ["-n", "x"]]])
    bad_option("xargs")


def test_tee():
    files = {"old": "old\n", "d/": None}
    cases = [[], ["out"], ["out", "out2"], ["-a", "old"], ["old"],
             ["nodir/x", "out"], ["d"], ["-a", "old", "new"], ["-i", "out"]]
    table([("tee", args, {"files": files, "stdin": "one\ntwo\n", "tree": True})
           for args in cases])
    bad_option("tee")


# --- together

def pipeline(tools, top):
    """find . -name '*.c' | grep net | wc -l with the given executables."""
    find = subprocess.Popen([tools["find"], ".", "-name", "*.c"], cwd=top,
                            env=ENV, stdout=subprocess.PIPE)
    grep = subprocess.Popen([tools["grep"], "net"], env=ENV,
                            stdin=find.stdout, stdout=subprocess.PIPE)
    find.stdout.close()
    out = subprocess.run([tools["wc"], "-l"], env=ENV, stdin=grep.stdout,
                         capture_output=True).stdout
    grep.stdout.close()
    assert find.wait() == 0 and grep.wait() == 0
    return out


def test_the_pipeline_on_the_host():
    with scratch() as top:
        find_tree(top)
        mine = pipeline({n: ours(n) for n in ("find", "grep", "wc")}, top)
        gnu = pipeline({n: n for n in ("find", "grep", "wc")}, top)
        assert mine == gnu == b"2\n", (mine, gnu)


# --- inside the OS

STAGING = ROOT / "build" / "rootfs"	# what build/disk.img was made from


def boot(program, *args):
    """Boots with init=PROGRAM ARGS (words without spaces); returns the
    console output before "init exited" and the exit status."""
    cmdline = f"init={program} quiet" + (" -- " + " ".join(args) if args else "")
    with Qemu(cmdline, timeout=120) as q:
        m = q.expect(r"init exited with status (\d+)\n", 100)
        rc = q.wait(30)
        assert rc == exit_status(int(m.group(1))), f"QEMU exit status {rc}"
        return q.log[:m.start()], int(m.group(1))


def gnu_in_staging(name, *args):
    """GNU NAME run in the staging tree, with "/" in front of the names
    it prints (they are relative there)."""
    r = run(gnu(name), args, cwd=STAGING)
    return r.stdout.decode(), r.status


def assert_lines(output, want, what):
    lines = [line for line in output.splitlines() if line]
    missing = [line for line in want.splitlines() if line not in lines]
    assert not missing, f"{what}: missing {missing} in the output:\n{output}"


def test_grep_and_sort_in_the_os():
    want, status = gnu_in_staging("grep", "-n", "-i", "the", "README")
    output, got = boot("/bin/grep", "-n", "-i", "the", "/README")
    assert_lines(output, want, "grep -n -i the /README")
    assert got == status == 0
    want, _ = gnu_in_staging("sort", "-r", "README")
    output, got = boot("/bin/sort", "-r", "/README")
    assert want in output.replace("\r", ""), f"sort -r /README:\n{output}"
    assert got == 0


def test_find_and_wc_in_the_os():
    want, _ = gnu_in_staging("find", "tests", "-name", "p*", "-type", "f")
    output, got = boot("/bin/find", "/tests", "-name", "p*", "-type", "f")
    want = "".join(f"/{line}\n" for line in want.splitlines())
    assert_lines(output, want, "find /tests -name p*")
    assert got == 0
    want, _ = gnu_in_staging("wc", "README", "bin/wc")
    want = re.sub(r" (README|bin/wc|total)$", lambda m: " " + (
        m.group(1) if m.group(1) == "total" else "/" + m.group(1)), want,
        flags=re.M)
    output, got = boot("/bin/wc", "/README", "/bin/wc")
    assert_lines(output, want, "wc /README /bin/wc")
    assert got == 0


def test_the_pipeline_in_the_os():
    # The example typed at /bin/sh (the OS's sources are in
    # /usr/src), and one sure to count something.  GNU's tools count the
    # same in the staging tree.
    lines = ["find / -name '*.c' | grep net | wc -l",
             "find /bin /tests -name '*e*' | grep s | wc -l"]
    want = [subprocess.run(["sh", "-c", line.replace(" /", " ./")],
                           cwd=STAGING, env=ENV, capture_output=True,
                           check=True).stdout.decode() for line in lines]
    assert int(want[1]) > 0
    with Qemu("init=/bin/sh quiet", timeout=120) as q:
        for line, n in zip(lines, want):
            type_command(q, f"echo n=$({line})")
            m = q.expect(r"(?<=\n)n=(\d+)\n", 60)
            assert int(m.group(1)) == int(n), f"{line}: counted {m.group(1)}, GNU {n}"
        type_command(q, "exit 3")
        q.expect(r"init exited with status 3\n", 60)


def type_command(q, line):
    """Waits for the shell's prompt, then types LINE."""
    q.expect(r"(?:^|(?<=\n))\$ ", 60)
    q.send(line + "\r")
