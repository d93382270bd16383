/* tests/os/libc_stdlib.c - <stdlib.h> beyond malloc: number conversions,
 * sorting and searching, arithmetic, random numbers, the environment,
 * exit and atexit, abort, system, temporary files and realpath.  The
 * expected values are glibc's (tests/unit/test_libc_strtod.c compares
 * strtod with glibc on many more inputs). */
#include <limits.h>
#include <stdint.h>

#include "t.h"

/* reads fd to its end into buf (terminated), then closes it */
static void t_read_all(int fd, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;

	while (n < size - 1 && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	buf[n] = 0;
	close(fd);
}

/* --- strtol and friends */

static void strtol_bases(void)
{
	char *end;

	T_EQ(strtol("123", &end, 10), 123);
	T_EQ(*end, 0);
	T_EQ(strtol("  -42xyz", &end, 10), -42);
	T_STREQ(end, "xyz");
	T_EQ(strtol("0x1F", NULL, 0), 31);
	T_EQ(strtol("0X1f", NULL, 16), 31);
	T_EQ(strtol("017", NULL, 0), 15);
	T_EQ(strtol("0", &end, 0), 0);
	T_EQ(*end, 0);
	T_EQ(strtol("101", NULL, 2), 5);
	T_EQ(strtol("zz", NULL, 36), 35 * 36 + 35);
	T_EQ(strtol("+7", NULL, 8), 7);
	T_EQ(strtol("789", &end, 8), 7);
	T_STREQ(end, "89");
}

static void strtol_no_digits(void)
{
	const char *s = "  -x";
	char *end;

	errno = 0;
	T_EQ(strtol(s, &end, 10), 0);
	T_TRUE(end == s);
	T_EQ(errno, 0);
	/* "0x" with no hex digit after it is the number 0, ending at x */
	s = "0xg";
	T_EQ(strtol(s, &end, 16), 0);
	T_TRUE(end == s + 1);
	T_EQ(strtol(s, &end, 0), 0);
	T_TRUE(end == s + 1);
}

static void strtol_bad_base(void)
{
	errno = 0;
	T_EQ(strtol("10", NULL, 1), 0);
	T_EQ(errno, EINVAL);
	errno = 0;
	T_EQ(strtol("10", NULL, 37), 0);
	T_EQ(errno, EINVAL);
}

static void strtol_range(void)
{
	errno = 0;
	T_EQ(strtol("2147483647", NULL, 10), LONG_MAX);
	T_EQ(errno, 0);
	T_EQ(strtol("-2147483648", NULL, 10), LONG_MIN);
	T_EQ(errno, 0);
	T_EQ(strtol("2147483648", NULL, 10), LONG_MAX);
	T_EQ(errno, ERANGE);
	errno = 0;
	T_EQ(strtol("-2147483649", NULL, 10), LONG_MIN);
	T_EQ(errno, ERANGE);
	errno = 0;
	char *end;
	T_EQ(strtol("99999999999999999999x", &end, 10), LONG_MAX);
	T_EQ(*end, 'x'); /* all the digits are consumed */
}

static void strtoul_range_and_negation(void)
{
	errno = 0;
	T_EQX(strtoul("4294967295", NULL, 10), 4294967295UL);
	T_EQ(errno, 0);
	T_EQX(strtoul("-1", NULL, 10), ULONG_MAX);
	T_EQX(strtoul("-4294967295", NULL, 10), 1);
	T_EQ(errno, 0);
	T_EQX(strtoul("4294967296", NULL, 10), ULONG_MAX);
	T_EQ(errno, ERANGE);
	errno = 0;
	T_EQX(strtoul("-4294967296", NULL, 10), ULONG_MAX);
	T_EQ(errno, ERANGE);
}

static void strtoll_strtoull(void)
{
	errno = 0;
	T_EQ(strtoll("9223372036854775807", NULL, 10), LLONG_MAX);
	T_EQ(strtoll("-9223372036854775808", NULL, 10), LLONG_MIN);
	T_EQ(errno, 0);
	T_EQ(strtoll("9223372036854775808", NULL, 10), LLONG_MAX);
	T_EQ(errno, ERANGE);
	errno = 0;
	T_EQX(strtoull("0xffffffffffffffff", NULL, 0), ULLONG_MAX);
	T_EQ(errno, 0);
	T_EQX(strtoull("18446744073709551616", NULL, 0), ULLONG_MAX);
	T_EQ(errno, ERANGE);
	T_EQX(strtoull("-2", NULL, 10), ULLONG_MAX - 1);
}

static void atoi_atol_atoll(void)
{
	T_EQ(atoi("  -123abc"), -123);
	T_EQ(atoi("+42"), 42);
	T_EQ(atoi("x"), 0);
	T_EQ(atol("2147483647"), 2147483647L);
	T_EQ(atoll("-9223372036854775808"), LLONG_MIN);
}

/* --- strtod and friends: bits, as glibc gives them */

static uint64_t dbits(double d)
{
	uint64_t b;

	memcpy(&b, &d, sizeof(b));
	return b;
}

static uint32_t fbits(float f)
{
	uint32_t b;

	memcpy(&b, &f, sizeof(b));
	return b;
}

static void strtod_values(void)
{
	char *end;

	T_EQX(dbits(strtod("0.1", NULL)), 0x3fb999999999999aULL);
	T_EQX(dbits(strtod("3.14159", NULL)), 0x400921f9f01b866eULL);
	T_EQX(dbits(strtod("1e23", NULL)), 0x44b52d02c7e14af6ULL);
	T_EQX(dbits(strtod("-2.5e-3", NULL)), 0xbf647ae147ae147bULL);
	T_EQX(dbits(strtod("9007199254740993", NULL)), 0x4340000000000000ULL);
	T_EQX(dbits(strtod("0x1.8p1", NULL)), 0x4008000000000000ULL);
	T_EQX(dbits(strtod("  +.5e1x", &end)), 0x4014000000000000ULL);
	T_STREQ(end, "x");
	T_EQX(dbits(strtod("-0", NULL)), 0x8000000000000000ULL);
	T_EQX(dbits(strtod("inf", NULL)), 0x7ff0000000000000ULL);
	T_EQX(dbits(strtod("-Infinity", NULL)), 0xfff0000000000000ULL);
	T_EQX(dbits(strtod("nan", &end)) >> 51, 0xfff); /* quiet NaN */
	T_EQ(*end, 0);
	T_EQX(dbits(atof("2.5")), 0x4004000000000000ULL);
}

/* exact ties round to even; a tie broken by a far digit does not */
static void strtod_ties(void)
{
	T_EQX(dbits(strtod("9007199254740993", NULL)), 0x4340000000000000ULL);
	T_EQX(dbits(strtod("9007199254740995", NULL)), 0x4340000000000002ULL);
	T_EQX(dbits(strtod("9007199254740993.0000000000000000000001", NULL)),
	      0x4340000000000001ULL);
	/* just below and just above half the least subnormal, 2^-1075 */
	T_EQX(dbits(strtod("2.4703282292062327208828439643411068618252990130716"
			   "238221279284125033775363e-324",
			   NULL)),
	      0);
	T_EQX(dbits(strtod("2.4703282292062327208828439643411068618252990130716"
			   "2382212792841250337753636e-324",
			   NULL)),
	      1);
}

static void strtod_range_errors(void)
{
	char *end;

	errno = 0;
	T_EQX(dbits(strtod("1e309", &end)), 0x7ff0000000000000ULL);
	T_EQ(errno, ERANGE);
	T_EQ(*end, 0);
	errno = 0;
	T_EQX(dbits(strtod("-1e-400", NULL)), 0x8000000000000000ULL);
	T_EQ(errno, ERANGE);
	errno = 0;
	T_EQX(dbits(strtod("1e-310", NULL)), 0x000012688b70e62bULL);
	T_EQ(errno, ERANGE); /* subnormal and inexact */
	errno = 0;
	T_EQX(dbits(strtod("0x1p-1074", NULL)), 1); /* exact: no error */
	T_EQ(errno, 0);
	T_EQX(dbits(strtod("1.7976931348623157e308", NULL)),
	      0x7fefffffffffffffULL);
	T_EQ(errno, 0);
}

static void strtod_no_number(void)
{
	static const char *bad[] = {"", "x", ".", "-", "e5", ".e5", "in", "na"};
	char *end;

	for (int i = 0; i < T_COUNT(bad); i++) {
		T_EQX(dbits(strtod(bad[i], &end)), 0);
		T_TRUE(end == bad[i]);
	}
	/* a partial exponent or hex prefix is left out */
	const char *s = "1e+";
	strtod(s, &end);
	T_TRUE(end == s + 1);
	s = "0x";
	strtod(s, &end);
	T_TRUE(end == s + 1);
}

static void strtof_strtold(void)
{
	long double ld = strtold("0.1", NULL);
	unsigned char b[10];

	T_EQX(fbits(strtof("0.1", NULL)), 0x3dcccccd);
	T_EQX(fbits(strtof("3.4028235e38", NULL)), 0x7f7fffff);
	errno = 0;
	T_EQX(fbits(strtof("3.5e38", NULL)), 0x7f800000);
	T_EQ(errno, ERANGE);
	memcpy(b, &ld, 10); /* 0xcccccccccccccccd, exponent 0x3ffb */
	T_EQX(b[0], 0xcd);
	T_EQX(b[7], 0xcc);
	T_EQX(b[8] | b[9] << 8, 0x3ffb);
}

/* --- sorting and searching */

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static long comparisons;

static int cmp_int_counted(const void *a, const void *b)
{
	comparisons++;
	return cmp_int(a, b);
}

static void qsort_random_arrays(void)
{
	static int a[5000];
	unsigned seed = 7;

	for (int n = 0; n < 5000; n = n * 2 + 1) {
		long sum = 0, after = 0;

		for (int i = 0; i < n; i++) {
			a[i] = rand_r(&seed) % 1000 - 500;
			sum += a[i];
		}
		qsort(a, n, sizeof(int), cmp_int);
		for (int i = 0; i < n; i++) {
			after += a[i];
			if (i && a[i - 1] > a[i])
				T_FAIL("n=%d: a[%d]=%d > a[%d]=%d", n, i - 1,
				       a[i - 1], i, a[i]);
		}
		T_EQ(after, sum);
	}
}

/* sorted, reversed, all equal and organ-pipe inputs stay n log n */
static void qsort_is_not_quadratic(void)
{
	enum { N = 20000 };
	static int a[N];

	for (int kind = 0; kind < 4; kind++) {
		for (int i = 0; i < N; i++)
			a[i] = kind == 0   ? i
			       : kind == 1 ? N - i
			       : kind == 2 ? 7
					   : (i < N / 2 ? i : N - i);
		comparisons = 0;
		qsort(a, N, sizeof(int), cmp_int_counted);
		for (int i = 1; i < N; i++)
			T_TRUE(a[i - 1] <= a[i]);
		if (comparisons > 40L * N) /* n log2 n is about 14 n */
			T_FAIL("kind %d: %ld comparisons for %d elements", kind,
			       comparisons, N);
	}
}

struct rec {
	char name[12];
	double weight;
};

static int cmp_rec(const void *a, const void *b)
{
	return strcmp(((const struct rec *)a)->name,
		      ((const struct rec *)b)->name);
}

static void qsort_odd_sized_elements(void)
{
	struct rec r[] = {{"pear", 1}, {"apple", 2}, {"fig", 3}, {"kiwi", 4},
			  {"banana", 5}};

	qsort(r, 5, sizeof(r[0]), cmp_rec);
	T_STREQ(r[0].name, "apple");
	T_TRUE(r[0].weight == 2);
	T_STREQ(r[4].name, "pear");
	T_TRUE(r[4].weight == 1);
}

static void bsearch_finds(void)
{
	int a[100], key;

	for (int i = 0; i < 100; i++)
		a[i] = 2 * i;
	for (key = -1; key <= 200; key++) {
		int *p = bsearch(&key, a, 100, sizeof(int), cmp_int);

		if (key % 2 == 0 && key >= 0 && key < 200)
			T_TRUE(p && *p == key);
		else
			T_TRUE(p == NULL);
	}
	key = 0;
	T_TRUE(bsearch(&key, a, 0, sizeof(int), cmp_int) == NULL);
}

/* --- arithmetic and random numbers */

static void abs_and_div(void)
{
	T_EQ(abs(-5), 5);
	T_EQ(labs(-7L), 7);
	T_EQ(llabs(-9000000000LL), 9000000000LL);
	div_t d = div(-7, 2);
	T_EQ(d.quot, -3);
	T_EQ(d.rem, -1);
	ldiv_t l = ldiv(7, -2);
	T_EQ(l.quot, -3);
	T_EQ(l.rem, 1);
	lldiv_t ll = lldiv(10000000001LL, 10);
	T_EQ(ll.quot, 1000000000LL);
	T_EQ(ll.rem, 1);
}

/* the same sequences as glibc's rand, srand and rand_r */
static void rand_matches_glibc(void)
{
	unsigned s = 7;

	T_EQ(rand(), 1804289383);
	T_EQ(rand(), 846930886);
	T_EQ(rand(), 1681692777);
	srand(42);
	T_EQ(rand(), 71876166);
	T_EQ(rand(), 708592740);
	T_EQ(rand(), 1483128881);
	srand(0); /* as 1 */
	T_EQ(rand(), 1804289383);
	T_EQ(rand_r(&s), 1187592820);
	T_EQ(rand_r(&s), 153898277);
	T_EQ(rand_r(&s), 1377876785);
	for (int i = 0; i < 1000; i++) {
		int r = rand();

		T_TRUE(r >= 0 && r <= RAND_MAX);
	}
}

/* --- the environment */

static int env_has(const char *entry)
{
	for (char **e = environ; e && *e; e++)
		if (!strcmp(*e, entry))
			return 1;
	return 0;
}

static void setenv_getenv_unsetenv(void)
{
	T_OK(setenv("T_ONE", "1", 1));
	T_STREQ(getenv("T_ONE"), "1");
	T_TRUE(env_has("T_ONE=1"));
	T_OK(setenv("T_ONE", "2", 0)); /* no overwrite */
	T_STREQ(getenv("T_ONE"), "1");
	T_OK(setenv("T_ONE", "3", 1));
	T_STREQ(getenv("T_ONE"), "3");
	T_OK(setenv("T_EMPTY", "", 1));
	T_STREQ(getenv("T_EMPTY"), "");
	T_OK(unsetenv("T_ONE"));
	T_TRUE(getenv("T_ONE") == NULL);
	T_TRUE(!env_has("T_ONE=3"));
	T_OK(unsetenv("T_NEVER_SET"));
	T_TRUE(getenv("T_ON") == NULL); /* a prefix is not a match */
}

static void setenv_bad_names(void)
{
	T_ERR(setenv("", "x", 1), EINVAL);
	T_ERR(setenv("A=B", "x", 1), EINVAL);
	T_ERR(unsetenv("A=B"), EINVAL);
	T_ERR(unsetenv(""), EINVAL);
}

static void many_variables(void)
{
	char name[16], value[16];

	for (int i = 0; i < 500; i++) {
		snprintf(name, sizeof(name), "T_V%d", i);
		snprintf(value, sizeof(value), "%d", i * 3);
		T_OK(setenv(name, value, 1));
	}
	for (int i = 0; i < 500; i += 2) {
		snprintf(name, sizeof(name), "T_V%d", i);
		T_OK(unsetenv(name));
	}
	for (int i = 0; i < 500; i++) {
		snprintf(name, sizeof(name), "T_V%d", i);
		snprintf(value, sizeof(value), "%d", i * 3);
		if (i % 2)
			T_STREQ(getenv(name), value);
		else
			T_TRUE(getenv(name) == NULL);
	}
}

static void putenv_uses_the_string(void)
{
	static char entry[] = "T_PUT=abc";

	T_OK(putenv(entry));
	T_STREQ(getenv("T_PUT"), "abc");
	entry[6] = 'x'; /* the environment sees the change */
	T_STREQ(getenv("T_PUT"), "xbc");
	T_OK(putenv("T_PUT")); /* no '=': removes it, as glibc */
	T_TRUE(getenv("T_PUT") == NULL);
}

static void clearenv_empties(void)
{
	T_OK(setenv("T_X", "1", 1));
	T_OK(clearenv());
	T_TRUE(getenv("T_X") == NULL);
	T_TRUE(getenv("PATH") == NULL);
	T_OK(setenv("T_Y", "2", 1));
	T_STREQ(getenv("T_Y"), "2");
	T_TRUE(environ && environ[0] && !environ[1]);
}

/* a child's environment is what setenv made */
static void environment_reaches_exec(void)
{
	int fds[2];
	char buf[64] = "";

	T_OK(setenv("T_EXEC", "passed on", 1));
	T_OK(pipe(fds));
	pid_t pid = t_fork();
	if (pid == 0) {
		char *argv[] = {(char *)t_self, "--helper", "getenv", "T_EXEC",
				NULL};

		dup2(fds[1], 1);
		execve(t_self, argv, environ);
		_exit(99);
	}
	close(fds[1]);
	t_read_all(fds[0], buf, sizeof(buf));
	T_EXITED(t_wait(pid), 0);
	T_STREQ(buf, "passed on");
}

/* --- exit, atexit, abort */

static int exit_pipe;

static void say_a(void)
{
	write(exit_pipe, "a", 1);
}

static void say_b(void)
{
	write(exit_pipe, "b", 1);
}

static void say_c_and_register_a(void)
{
	write(exit_pipe, "c", 1);
	atexit(say_a);
}

static void atexit_runs_newest_first(void)
{
	int fds[2];
	char buf[16] = "";

	T_OK(pipe(fds));
	pid_t pid = t_fork();
	if (pid == 0) {
		exit_pipe = fds[1];
		atexit(say_a);
		atexit(say_b);
		atexit(say_c_and_register_a);
		exit(5);
	}
	close(fds[1]);
	t_read_all(fds[0], buf, sizeof(buf));
	T_EXITED(t_wait(pid), 5);
	T_STREQ(buf, "caba"); /* c, then the a it registered, b, a */
}

static void exit_from_main_runs_atexit(void)
{
	int fds[2];
	char buf[16] = "";

	T_OK(pipe(fds));
	pid_t pid = t_fork();
	if (pid == 0) {
		char *argv[] = {(char *)t_self, "--helper", "atexit", NULL};

		dup2(fds[1], 1);
		execve(t_self, argv, environ);
		_exit(99);
	}
	close(fds[1]);
	t_read_all(fds[0], buf, sizeof(buf));
	T_EXITED(t_wait(pid), 7);
	T_STREQ(buf, "handler");
}

static void _exit_skips_atexit(void)
{
	int fds[2];
	char buf[16] = "";

	T_OK(pipe(fds));
	pid_t pid = t_fork();
	if (pid == 0) {
		exit_pipe = fds[1];
		atexit(say_a);
		_exit(6);
	}
	close(fds[1]);
	T_EQ(read(fds[0], buf, sizeof(buf) - 1), 0);
	T_EXITED(t_wait(pid), 6);
}

static void abort_kills(void)
{
	abort();
}

static void on_abrt(int sig)
{
	(void)sig;
}

/* abort still kills when SIGABRT is caught (the handler returns) or
 * blocked */
static void abort_overrides_handler_and_mask(void)
{
	sigset_t set;

	signal(SIGABRT, on_abrt);
	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	abort();
}

/* --- system */

static void system_runs_shell_commands(void)
{
	if (access("/bin/sh", X_OK) < 0) { /* a system without a shell */
		T_EQ(system(NULL), 0);
		T_EXITED(system("exit 3"), 127);
		return;
	}
	T_TRUE(system(NULL) != 0);
	T_EXITED(system("exit 3"), 3);
	T_EXITED(system("true"), 0);
	T_OK(system("echo hi > out.txt"));
	int fd = T_OK(open("out.txt", O_RDONLY));
	char buf[8] = "";
	T_EQ(read(fd, buf, sizeof(buf)), 3);
	T_STREQ(buf, "hi\n");
	close(fd);
	T_KILLED(system("kill -TERM $$"), SIGTERM);
}

/* --- temporary files and realpath */

static void mkstemp_makes_new_files(void)
{
	char a[] = "tmp-XXXXXX", b[] = "tmp-XXXXXX";
	struct stat st;
	int fa = T_OK(mkstemp(a)), fb = T_OK(mkstemp(b));

	T_TRUE(strcmp(a, b) != 0);
	T_TRUE(strncmp(a, "tmp-", 4) == 0 && strcmp(a + 4, "XXXXXX") != 0);
	T_OK(fstat(fa, &st));
	T_TRUE(S_ISREG(st.st_mode));
	T_EQ(st.st_mode & 0777, 0600);
	T_EQ(write(fa, "x", 1), 1);
	T_OK(stat(b, &st));
	close(fa);
	close(fb);
}

static void mkstemp_bad_template(void)
{
	char bad[] = "tmp-XXXXX", worse[] = "XXXXXXy";

	T_ERR(mkstemp(bad), EINVAL);
	T_ERR(mkstemp(worse), EINVAL);
	errno = 0;
	T_TRUE(mkdtemp(bad) == NULL);
	T_EQ(errno, EINVAL);
}

static void mkdtemp_makes_a_directory(void)
{
	char d[] = "dir-XXXXXX";
	struct stat st;

	T_TRUE(mkdtemp(d) == d);
	T_OK(stat(d, &st));
	T_TRUE(S_ISDIR(st.st_mode));
	T_EQ(st.st_mode & 0777, 0700);
}

static void realpath_resolves(void)
{
	char cwd[PATH_MAX], want[PATH_MAX + 32], got[PATH_MAX];
	char *p;

	T_TRUE(getcwd(cwd, sizeof(cwd)) != NULL);
	T_OK(mkdir("a", 0755));
	T_OK(mkdir("a/b", 0755));
	t_write_file("a/b/f", "x", 1);
	T_OK(symlink("b", "a/lb"));
	T_OK(symlink("../a/lb/f", "a/lf"));
	T_OK(symlink(cwd, "abs"));
	snprintf(want, sizeof(want), "%s/a/b/f", cwd);
	T_STREQ(realpath("a/b/f", got), want);
	T_STREQ(realpath("./a//lb/../b/./f", got), want);
	T_STREQ(realpath("a/lf", got), want);
	T_STREQ(realpath("abs/a/lf", got), want);
	p = realpath("a/lb", NULL);
	snprintf(want, sizeof(want), "%s/a/b", cwd);
	T_STREQ(p, want);
	free(p);
	T_STREQ(realpath("/", got), "/");
	T_STREQ(realpath("/..", got), "/");
	T_STREQ(realpath(".", got), cwd);
}

static void realpath_errors(void)
{
	char got[PATH_MAX];

	T_OK(mkdir("d", 0755));
	t_write_file("d/f", "x", 1);
	T_OK(symlink("loop2", "loop1"));
	T_OK(symlink("loop1", "loop2"));
	errno = 0;
	T_TRUE(realpath("d/missing", got) == NULL);
	T_EQ(errno, ENOENT);
	errno = 0;
	T_TRUE(realpath("d/f/x", got) == NULL);
	T_EQ(errno, ENOTDIR);
	errno = 0;
	T_TRUE(realpath("d/f/", got) == NULL);
	T_EQ(errno, ENOTDIR);
	errno = 0;
	T_TRUE(realpath("loop1", got) == NULL);
	T_EQ(errno, ELOOP);
	errno = 0;
	T_TRUE(realpath("", got) == NULL);
	T_EQ(errno, ENOENT);
}

/* the helper: "getenv NAME" prints a variable; "atexit" returns 7 from
 * main with a handler registered */
static void print_handler(void)
{
	write(1, "handler", 7);
}

static int helper(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[0], "getenv")) {
		const char *v = getenv(argv[1]);

		write(1, v ? v : "(unset)", strlen(v ? v : "(unset)"));
		return 0;
	}
	if (argc == 1 && !strcmp(argv[0], "atexit")) {
		atexit(print_handler);
		return 7;
	}
	return 127;
}

static const struct t_case cases[] = {
    T(strtol_bases),
    T(strtol_no_digits),
    T(strtol_bad_base),
    T(strtol_range),
    T(strtoul_range_and_negation),
    T(strtoll_strtoull),
    T(atoi_atol_atoll),
    T(strtod_values),
    T(strtod_ties),
    T(strtod_range_errors),
    T(strtod_no_number),
    T(strtof_strtold),
    T(qsort_random_arrays),
    T(qsort_is_not_quadratic),
    T(qsort_odd_sized_elements),
    T(bsearch_finds),
    T(abs_and_div),
    T(rand_matches_glibc),
    T(setenv_getenv_unsetenv),
    T(setenv_bad_names),
    T(many_variables),
    T(putenv_uses_the_string),
    T(clearenv_empties),
    T(environment_reaches_exec),
    T(atexit_runs_newest_first),
    T(exit_from_main_runs_atexit),
    T(_exit_skips_atexit),
    T_SIG(abort_kills, SIGABRT),
    T_SIG(abort_overrides_handler_and_mask, SIGABRT),
    T(system_runs_shell_commands),
    T(mkstemp_makes_new_files),
    T(mkstemp_bad_template),
    T(mkdtemp_makes_a_directory),
    T(realpath_resolves),
    T(realpath_errors),
};

T_MAIN(cases, helper)
