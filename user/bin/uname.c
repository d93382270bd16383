/* user/bin/uname.c - uname [-asnrvm]: print system information.
 *
 * The fields come from uname(2) and are printed in the fixed order
 * kernel name (-s), node name (-n), release (-r), version (-v), machine
 * (-m), separated by spaces, whatever the order of the options; no option
 * means -s, and -a means all five.  (GNU's -a also prints "GNU/Linux",
 * the operating system, which this system is not.) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

enum { SYSNAME = 1, NODENAME = 2, RELEASE = 4, VERSION = 8, MACHINE = 16 };

static _Noreturn void usage(int opt)
{
	fprintf(stderr, "uname: invalid option -- '%c'\n", opt);
	fputs("usage: uname [-asnrvm]\n", stderr);
	exit(2);
}

static void field(int fields, int which, const char *value, int *first)
{
	if (!(fields & which))
		return;
	if (!*first)
		putchar(' ');
	fputs(value, stdout);
	*first = 0;
}

int main(int argc, char **argv)
{
	static const char letters[] = "snrvm";
	struct utsname u;
	int fields = 0, first = 1, c;

	opterr = 0;
	while ((c = getopt(argc, argv, "asnrvm")) != -1) {
		const char *hit = c != '?' ? strchr(letters, c) : NULL;

		if (c == 'a')
			fields =
			    SYSNAME | NODENAME | RELEASE | VERSION | MACHINE;
		else if (hit)
			fields |= 1 << (hit - letters);
		else
			usage(optopt);
	}
	if (optind < argc) {
		fprintf(stderr, "uname: extra operand '%s'\n", argv[optind]);
		fputs("usage: uname [-asnrvm]\n", stderr);
		return 1;
	}
	if (uname(&u) != 0) {
		fprintf(stderr, "uname: cannot get system name: %s\n",
			strerror(errno));
		return 1;
	}
	if (fields == 0)
		fields = SYSNAME;
	field(fields, SYSNAME, u.sysname, &first);
	field(fields, NODENAME, u.nodename, &first);
	field(fields, RELEASE, u.release, &first);
	field(fields, VERSION, u.version, &first);
	field(fields, MACHINE, u.machine, &first);
	putchar('\n');
	return fflush(stdout) != 0;
}
