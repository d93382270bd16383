/* tests/os/libc_getopt.c - getopt, getopt_long and getopt_long_only
 * against traces of glibc's: which options come back, with which
 * arguments, optopt and long index, where optind ends, how argv was
 * permuted, and the messages on stderr.  The expected column was made by
 * running the same trace with the host's glibc. */
#include <getopt.h>

#include "t.h"

static int flag_var;
static const struct option longopts[] = {
    {"all", no_argument, NULL, 'a'},
    {"block-size", required_argument, NULL, 'B'},
    {"color", optional_argument, NULL, 'C'},
    {"context", no_argument, NULL, 'Z'},
    {"verbose", no_argument, &flag_var, 7},
    {"version", no_argument, NULL, 'V'},
    {"verb", no_argument, NULL, 'v'},
    {NULL, 0, NULL, 0},
};

enum { SHORT, LONG, LONG_ONLY };

struct trace_case {
	int mode;
	const char *optstring, *args; /* args split at spaces; '' is "" */
	const char *trace, *messages; /* as glibc gives them */
};

static const struct trace_case traces[] = {
	{SHORT, "ab:c::", "-a -b x -cfoo -c arg",
	 "a b=x c=foo c | 6: -a -b x -cfoo -c arg",
	 ""},
	{SHORT, "ab:c::", "-ab x",
	 "a b=x | 3: -ab x",
	 ""},
	{SHORT, "ab:c::", "-abx -a",
	 "a b=x a | 3: -abx -a",
	 ""},
	{SHORT, "ab:c::", "-b -a",
	 "b=-a | 3: -b -a",
	 ""},
	{SHORT, "ab:c::", "-a -b",
	 "a ?(98) | 3: -a -b",
	 "prog: option requires an argument -- 'b'\n"},
	{SHORT, ":ab:", "-a -b",
	 "a :(98) | 3: -a -b",
	 ""},
	{SHORT, "ab:", "-x -a",
	 "?(120) a | 3: -x -a",
	 "prog: invalid option -- 'x'\n"},
	{SHORT, ":ab:", "-x -a",
	 "?(120) a | 3: -x -a",
	 ""},
	{SHORT, "ab:", "-a: -a;",
	 "a ?(58) a ?(59) | 3: -a: -a;",
	 "prog: invalid option -- ':'\nprog: invalid option -- ';'\n"},
	{SHORT, "ab", "one -a two -b three",
	 "a b | 3: -a -b one two three",
	 ""},
	{SHORT, "ab:", "one -b two three -a",
	 "b=two a | 4: -b two -a one three",
	 ""},
	{SHORT, "ab:", "one -ab two three",
	 "a b=two | 3: -ab two one three",
	 ""},
	{SHORT, "ab", "one -a -- -b two",
	 "a | 3: -a -- one -b two",
	 ""},
	{SHORT, "ab", "- -a",
	 "a | 2: -a -",
	 ""},
	{SHORT, "ab", "one two",
	 "| 1: one two",
	 ""},
	{SHORT, "ab", "",
	 "| 1:",
	 ""},
	{SHORT, "+ab", "-a one -b",
	 "a | 2: -a one -b",
	 ""},
	{SHORT, "-ab", "-a one -b two",
	 "a \\1=one b \\1=two | 5: -a one -b two",
	 ""},
	{SHORT, "-ab", "-a one -- -b two",
	 "a \\1=one | 4: -a one -- -b two",
	 ""},
	{SHORT, "+:ab:", "-a -b",
	 "a :(98) | 3: -a -b",
	 ""},
	{SHORT, "-:ab:", "x -b",
	 "\\1=x :(98) | 3: x -b",
	 ""},
	{SHORT, "abc", "-acb -ca",
	 "a c b c a | 3: -acb -ca",
	 ""},
	{SHORT, "ab", "-- -a",
	 "| 2: -- -a",
	 ""},
	{SHORT, "ab:", "x -b -- y",
	 "b=-- | 3: -b -- x y",
	 ""},
	{SHORT, "ab", "x -a - y -b",
	 "a b | 3: -a -b x - y",
	 ""},
	{SHORT, "ab:", "x -ab''",
	 "a b='' | 2: -ab'' x",
	 ""},
	{SHORT, "ab:", "-b ''",
	 "b= | 3: -b ",
	 ""},
	{SHORT, "a::", "-a x -ax",
	 "a a=x | 3: -a -ax x",
	 ""},
	{LONG, "ab:", "--all --block-size 4 --block-size=8 x",
	 "a#0 B#1=4 B#1=8 | 5: --all --block-size 4 --block-size=8 x",
	 ""},
	{LONG, "ab:", "--al --bl=3 --c --co",
	 "a#0 B#1=3 ?(0) ?(0) | 5: --al --bl=3 --c --co",
	 "prog: option '--c' is ambiguous; possibilities: '--color' '--context'\nprog: option '--co' is ambiguous; possibilities: '--color' '--context'\n"},
	{LONG, "ab:", "--col --color --color=always --color never",
	 "C#2 C#2 C#2=always C#2 | 5: --col --color --color=always --color never",
	 ""},
	{LONG, "ab:", "--all=3",
	 "?(97) | 2: --all=3",
	 "prog: option '--all' doesn't allow an argument\n"},
	{LONG, "ab:", "--block-size",
	 "?(66) | 2: --block-size",
	 "prog: option '--block-size' requires an argument\n"},
	{LONG, ":ab:", "--block-size",
	 ":(66) | 2: --block-size",
	 ""},
	{LONG, ":ab:", "--nope --all=1",
	 "?(0) ?(97) | 3: --nope --all=1",
	 ""},
	{LONG, "ab:", "--nope=3 -a",
	 "?(0) a | 3: --nope=3 -a",
	 "prog: unrecognized option '--nope=3'\n"},
	{LONG, "ab:", "--verbose --verb --vers --ver",
	 "0(flag=7)#4 v#6 V#5 ?(0) | 5: --verbose --verb --vers --ver",
	 "prog: option '--ver' is ambiguous; possibilities: '--verbose' '--version' '--verb'\n"},
	{LONG, "ab:", "x --all y --block-size z w",
	 "a#0 B#1=z | 4: --all --block-size z x y w",
	 ""},
	{LONG, "ab:", "--all -- --block-size",
	 "a#0 | 3: --all -- --block-size",
	 ""},
	{LONG, "ab:", "-- --all",
	 "| 2: -- --all",
	 ""},
	{LONG, "ab:", "--",
	 "| 2: --",
	 ""},
	{LONG, "ab:", "--=x",
	 "?(0) | 2: --=x",
	 "prog: option '--=x' is ambiguous; possibilities: '--all' '--block-size' '--color' '--context' '--verbose' '--version' '--verb'\n"},
	{LONG, "ab:", "-a -b",
	 "a ?(98) | 3: -a -b",
	 "prog: option requires an argument -- 'b'\n"},
	{LONG_ONLY, "ab:", "-all -block-size 3 -a -b 4",
	 "a#0 B#1=3 a b=4 | 7: -all -block-size 3 -a -b 4",
	 ""},
	{LONG_ONLY, "ab:", "-c -co -x",
	 "?(0) ?(0) ?(0) | 4: -c -co -x",
	 "prog: option '-c' is ambiguous; possibilities: '-color' '-context'\nprog: option '-co' is ambiguous; possibilities: '-color' '-context'\nprog: unrecognized option '-x'\n"},
	{LONG_ONLY, "ab:x", "-x -verb --verb -ab",
	 "x v#6 v#6 a ?(98) | 5: -x -verb --verb -ab",
	 "prog: option requires an argument -- 'b'\n"},
	{LONG_ONLY, "vb:", "-v -ver",
	 "v ?(0) | 3: -v -ver",
	 "prog: option '-ver' is ambiguous; possibilities: '-verbose' '-version' '-verb'\n"},
};

static char trace_buf[1024], msg_buf[1024];

#define ADD(...)                                                               \
	(n += snprintf(trace_buf + n, sizeof(trace_buf) - n, __VA_ARGS__))

/* one call's result: "c", "c=arg", "?(optopt)", "c#longindex" ... */
static void trace_one(size_t *np, int c, int idx)
{
	size_t n = *np;

	ADD("%s", n ? " " : "");
	if (c == 0)
		ADD("0(flag=%d)", flag_var);
	else if (c == 1)
		ADD("\\1");
	else
		ADD("%c", c);
	if (c == '?' || c == ':')
		ADD("(%d)", optopt);
	if (idx >= 0)
		ADD("#%d", idx);
	if (optarg)
		ADD("=%s", optarg);
	*np = n;
}

/* Runs a whole scan; the trace ends with "| optind: argv[1..]", and
 * stderr goes to msg_buf. */
static void trace_run(const struct trace_case *tc)
{
	char copy[256], *argv[32], *p;
	int argc = 0, c, idx, fd, saved, r;
	size_t n = 0;

	strcpy(copy, tc->args);
	argv[argc++] = "prog";
	for (p = strtok(copy, " "); p; p = strtok(NULL, " "))
		argv[argc++] = strcmp(p, "''") ? p : "";
	argv[argc] = NULL;
	fd = T_OK(open("msgs", O_RDWR | O_CREAT | O_TRUNC, 0600));
	saved = dup(2);
	dup2(fd, 2);
	optind = 0;
	flag_var = 0;
	while (n < sizeof(trace_buf) - 100) {
		idx = -1;
		if (tc->mode == SHORT)
			c = getopt(argc, argv, tc->optstring);
		else if (tc->mode == LONG)
			c = getopt_long(argc, argv, tc->optstring, longopts, &idx);
		else
			c = getopt_long_only(argc, argv, tc->optstring, longopts,
					     &idx);
		if (c == -1)
			break;
		trace_one(&n, c, idx);
	}
	ADD("%s| %d:", n ? " " : "", optind);
	for (int i = 1; i < argc; i++)
		ADD(" %s", argv[i]);
	dup2(saved, 2);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	r = read(fd, msg_buf, sizeof(msg_buf) - 1);
	msg_buf[r > 0 ? r : 0] = 0;
	close(fd);
	unlink("msgs");
}

static void check_mode(int mode, int first, int last)
{
	int count = 0;

	for (int i = 0; i < T_COUNT(traces); i++) {
		const struct trace_case *tc = &traces[i];

		if (tc->mode != mode || i < first || i > last)
			continue;
		trace_run(tc);
		if (strcmp(trace_buf, tc->trace))
			T_FAIL("\"%s\" on \"%s\": got \"%s\", want \"%s\"",
			       tc->optstring, tc->args, trace_buf, tc->trace);
		if (strcmp(msg_buf, tc->messages))
			T_FAIL("\"%s\" on \"%s\": message \"%s\", want \"%s\"",
			       tc->optstring, tc->args, msg_buf, tc->messages);
		count++;
	}
	T_TRUE(count > 0);
}

static void short_options(void)
{
	check_mode(SHORT, 0, 8);
}

static void operands_are_permuted(void)
{
	check_mode(SHORT, 9, 15);
}

static void plus_minus_colon_prefixes(void)
{
	check_mode(SHORT, 16, 20);
}

static void clusters_and_edge_cases(void)
{
	check_mode(SHORT, 21, 99);
}

static void long_options(void)
{
	check_mode(LONG, 0, 99);
}

static void long_only(void)
{
	check_mode(LONG_ONLY, 0, 99);
}

/* POSIXLY_CORRECT stops the scan at the first operand, as '+' does */
static void posixly_correct(void)
{
	char *argv[] = {"prog", "-a", "one", "-b", NULL};

	setenv("POSIXLY_CORRECT", "1", 1);
	optind = 0;
	T_EQ(getopt(4, argv, "ab"), 'a');
	T_EQ(getopt(4, argv, "ab"), -1);
	T_EQ(optind, 2);
	T_STREQ(argv[2], "one");
}

/* opterr = 0 silences the messages but not the errors */
static void opterr_zero_is_quiet(void)
{
	struct trace_case tc = {SHORT, "a", "-x -a", "", ""};

	opterr = 0;
	trace_run(&tc);
	opterr = 1;
	T_STREQ(trace_buf, "?(120) a | 3: -x -a");
	T_STREQ(msg_buf, "");
}

/* a second scan of a different argv after optind = 1 (POSIX's reset) */
static void rescan_with_optind_one(void)
{
	char *a1[] = {"prog", "-ab", NULL}, *a2[] = {"prog", "-c", NULL};

	optind = 1;
	T_EQ(getopt(2, a1, "abc"), 'a');
	T_EQ(getopt(2, a1, "abc"), 'b');
	T_EQ(getopt(2, a1, "abc"), -1);
	optind = 1;
	T_EQ(getopt(2, a2, "abc"), 'c');
	T_EQ(getopt(2, a2, "abc"), -1);
	/* even when the first scan stopped inside a cluster (ours only:
	 * glibc would go on with that cluster's 'b') */
	optind = 1;
	T_EQ(getopt(2, a1, "abc"), 'a');
	optind = 1;
	T_EQ(getopt(2, a2, "abc"), 'c');
	T_EQ(optind, 2);
}

static const struct t_case cases[] = {
    T(short_options),
    T(operands_are_permuted),
    T(plus_minus_colon_prefixes),
    T(clusters_and_edge_cases),
    T(long_options),
    T(long_only),
    T(posixly_correct),
    T(opterr_zero_is_quiet),
    T(rescan_with_optind_one),
};

T_MAIN(cases, NULL)
