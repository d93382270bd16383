/* libc/getopt/getopt.c - getopt, getopt_long, getopt_long_only, as
 * glibc does them.
 *
 * Short options: "ab:c::" means -a, -b with an argument (the rest of the
 * element, or the next element), -c with an optional argument (only the
 * rest of the element).  Options cluster ("-ab x" is -a -b x).  "--"
 * ends the options, and so does, for POSIX, the first non-option.
 *
 * Like glibc, and unlike POSIX, the scan goes on past non-options: they
 * are moved ("permuted") after the options as the scan proceeds, so that
 * when getopt returns -1, argv[optind..] are the operands in their
 * original order.  A leading '+' in optstring, or POSIXLY_CORRECT in the
 * environment, stops at the first non-option instead; a leading '-'
 * returns each non-option as the argument of option 1.  A ':' after that
 * silences the messages and makes a missing argument return ':'.
 *
 * Errors return '?' with optopt set, and print glibc's messages on
 * stderr (unless opterr is 0):
 *	prog: invalid option -- 'x'
 *	prog: option requires an argument -- 'x'
 *	prog: unrecognized option '--foo'
 *	prog: option '--all' doesn't allow an argument
 *	prog: option '--size' requires an argument
 *	prog: option '--co' is ambiguous; possibilities: '--color' '--context'
 *
 * Setting optind to 0 starts a new scan (of a new argv).  So does
 * setting it to 1 (POSIX's way), unlike in glibc even when the last scan
 * stopped inside a cluster like "-abc", if the argv or the cluster's
 * index differs (a restart of the same argv at a cluster in argv[1]
 * cannot be told from going on).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt = '?';

static int optpos; /* in a cluster: the next character of argv[optind] */
static int cluster_skipped; /* in a cluster: where the operands it
			       skipped start (the cluster moves there when
			       it is done, with its argument if it takes
			       one from the next element) */
static char *const *cluster_argv; /* in a cluster: its argv and optind, */
static int cluster_optind; /* to see a caller restart with optind = 1 */

/* --- messages, written with one write() as stderr is unbuffered */

struct msg {
	char buf[1024];
	size_t len;
};

static void msg_add(struct msg *m, const char *s)
{
	size_t n = strlen(s);

	if (n > sizeof(m->buf) - m->len)
		n = sizeof(m->buf) - m->len;
	memcpy(m->buf + m->len, s, n);
	m->len += n;
}

/* "prog: BEFORE 'AB'AFTER" and a newline */
static void complain(char *const argv[], const char *before, const char *a,
		     const char *b, const char *after)
{
	struct msg m = {.len = 0};

	msg_add(&m, argv[0]);
	msg_add(&m, ": ");
	msg_add(&m, before);
	msg_add(&m, " '");
	msg_add(&m, a);
	msg_add(&m, b);
	msg_add(&m, "'");
	msg_add(&m, after);
	msg_add(&m, "\n");
	write(STDERR_FILENO, m.buf, m.len);
}

/* --- options */

struct scan {
	int argc;
	char *const *argv;
	const char *opts; /* optstring without its '+' or '-' */
	int quiet; /* ':' in optstring: no messages, ':' for a missing arg */
};

static int is_option(const char *arg)
{
	return arg[0] == '-' && arg[1];
}

/* the next short option of the cluster argv[optind] */
static int short_option(struct scan *s)
{
	char *arg = s->argv[optind];
	const char *spec;
	int c;

	if (!optpos)
		optpos = 1;
	c = (unsigned char)arg[optpos++];
	spec = c == ':' || c == ';' ? NULL : strchr(s->opts, c);
	if (!arg[optpos]) { /* the cluster is done */
		optind++;
		optpos = 0;
	}
	if (!spec) {
		char name[2] = {(char)c, 0};

		optopt = c;
		if (opterr && !s->quiet)
			complain(s->argv, "invalid option --", name, "", "");
		return '?';
	}
	if (spec[1] != ':')
		return c;
	if (optpos) { /* the rest of the element is the argument */
		optarg = arg + optpos;
		optind++;
		optpos = 0;
	} else if (spec[2] == ':') { /* optional, and absent */
		optarg = NULL;
	} else if (optind < s->argc) {
		optarg = s->argv[optind++];
	} else {
		char name[2] = {(char)c, 0};

		optopt = c;
		if (opterr && !s->quiet)
			complain(s->argv, "option requires an argument --",
				 name, "", "");
		return s->quiet ? ':' : '?';
	}
	return c;
}

/* "prog: option '--co' is ambiguous; possibilities: '--color' ..." */
static void complain_ambiguous(struct scan *s, const struct option *lo,
			       const char *prefix, const char *name,
			       size_t len)
{
	struct msg m = {.len = 0};

	msg_add(&m, s->argv[0]);
	msg_add(&m, ": option '");
	msg_add(&m, prefix);
	msg_add(&m, name);
	msg_add(&m, "' is ambiguous; possibilities:");
	for (; lo->name; lo++) {
		if (strncmp(lo->name, name, len))
			continue;
		msg_add(&m, " '");
		msg_add(&m, prefix);
		msg_add(&m, lo->name);
		msg_add(&m, "'");
	}
	msg_add(&m, "\n");
	write(STDERR_FILENO, m.buf, m.len);
}

/* the option named by a prefix of name[0..len): an exact match, else the
 * only one (or only kind of one) it abbreviates; *ambiguous if several */
static const struct option *find_long(const struct option *lo,
				      const char *name, size_t len,
				      int *ambiguous)
{
	const struct option *found = NULL;

	*ambiguous = 0;
	for (; lo->name; lo++) {
		if (strncmp(lo->name, name, len))
			continue;
		if (strlen(lo->name) == len) {
			*ambiguous = 0;
			return lo;
		}
		if (!found)
			found = lo;
		else if (found->has_arg != lo->has_arg ||
			 found->flag != lo->flag || found->val != lo->val)
			*ambiguous = 1;
	}
	return found;
}

/* the long option argv[optind] ("--name[=value]", or "-name" for
 * getopt_long_only) */
static int long_option(struct scan *s, const struct option *lo, int *idx,
		       int long_only)
{
	char *arg = s->argv[optind];
	const char *prefix = arg[1] == '-' ? "--" : "-";
	char *name = arg + strlen(prefix);
	size_t len = strcspn(name, "=");
	const struct option *o;
	int ambiguous;

	o = find_long(lo, name, len, &ambiguous);
	if (!o && long_only && arg[1] != '-' && strchr(s->opts, arg[1]))
		return short_option(s);
	optind++;
	if (!o || ambiguous) {
		optopt = 0;
		if (opterr && !s->quiet) {
			if (ambiguous)
				complain_ambiguous(s, lo, prefix, name, len);
			else
				complain(s->argv, "unrecognized option",
					 prefix, name, "");
		}
		return '?';
	}
	if (name[len] == '=') {
		if (o->has_arg == no_argument) {
			optopt = o->val;
			if (opterr && !s->quiet)
				complain(s->argv, "option", prefix, o->name,
					 " doesn't allow an argument");
			return '?';
		}
		optarg = name + len + 1;
	} else if (o->has_arg == required_argument) {
		if (optind >= s->argc) {
			optopt = o->val;
			if (opterr && !s->quiet)
				complain(s->argv, "option", prefix, o->name,
					 " requires an argument");
			return s->quiet ? ':' : '?';
		}
		optarg = s->argv[optind++];
	}
	if (idx)
		*idx = o - lo;
	if (o->flag) {
		*o->flag = o->val;
		return 0;
	}
	return o->val;
}

/* moves argv[from..to) down to argv[dest..], the elements in between up */
static void rotate(char *const argv[], int dest, int from, int to)
{
	char **av = (char **)argv;

	for (; from < to; from++, dest++) {
		char *moved = av[from];

		memmove(av + dest + 1, av + dest, (from - dest) * sizeof(*av));
		av[dest] = moved;
	}
}

/* the element at optind, which is an option: one option out of it */
static int one_option(struct scan *s, const struct option *lo, int *idx,
		      int long_only)
{
	const char *arg = s->argv[optind];

	if (optpos)
		return short_option(s);
	if (!strcmp(arg, "--")) {
		optind++;
		return -1;
	}
	if (lo && (arg[1] == '-' ||
		   (long_only && (arg[2] || !strchr(s->opts, arg[1])))))
		return long_option(s, lo, idx, long_only);
	return short_option(s);
}

static int getopt_internal(int argc, char *const argv[], const char *optstring,
			   const struct option *lo, int *idx, int long_only)
{
	struct scan s = {.argc = argc, .argv = argv};
	int permute = 1, in_order = 0, skipped, found, ret;

	if (!optind) {
		optind = 1;
		optpos = 0;
	}
	if (optpos && (argv != cluster_argv || optind != cluster_optind))
		optpos = 0; /* the caller moved optind: a new scan */
	optarg = NULL;
	if (*optstring == '+' || *optstring == '-') {
		permute = 0;
		in_order = *optstring++ == '-';
	} else if (getenv("POSIXLY_CORRECT")) {
		permute = 0;
	}
	s.quiet = *optstring == ':'; /* which stays in s.opts, as in glibc */
	s.opts = optstring;
	if (optind >= argc || !argv[optind])
		return -1;
	skipped = found = optind;
	if (optpos) { /* inside a cluster, which stays where it is */
		skipped = cluster_skipped;
	} else if (permute) {
		while (found < argc && argv[found] && !is_option(argv[found]))
			found++;
		if (found == argc || !argv[found])
			return -1; /* only operands left: optind is the first */
		optind = found;
	}
	if (!optpos && !is_option(argv[optind])) {
		if (!in_order)
			return -1;
		optarg = argv[optind++];
		return 1;
	}
	ret = one_option(&s, lo, idx, long_only);
	if (optpos) { /* more of this cluster next time */
		cluster_skipped = skipped;
		cluster_argv = argv;
		cluster_optind = optind;
		return ret;
	}
	if (found > skipped) {
		/* what was used goes before the operands it skipped */
		rotate(argv, skipped, found, optind);
		optind = skipped + (optind - found);
	}
	return ret;
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	return getopt_internal(argc, argv, optstring, NULL, NULL, 0);
}

int getopt_long(int argc, char *const argv[], const char *optstring,
		const struct option *longopts, int *longindex)
{
	return getopt_internal(argc, argv, optstring, longopts, longindex, 0);
}

int getopt_long_only(int argc, char *const argv[], const char *optstring,
		     const struct option *longopts, int *longindex)
{
	return getopt_internal(argc, argv, optstring, longopts, longindex, 1);
}
