/* user/bin/stat.c - stat [-Lt] [-c FORMAT] file...: show file status.
 *
 * The default output is GNU's:
 *
 *     File: a
 *     Size: 6           Blocks: 8          IO Block: 4096   regular file
 *   Device: 3,0   Inode: 12          Links: 1
 *   Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)
 *   Access: 2026-11-21 12:34:56.123456789 +0000
 *   Modify: ...
 *   Change: ...
 *    Birth: -
 *
 * (times in UTC; the birth time is unknown: there is no statx here).
 * -t prints GNU's terse line, -c FORMAT one line made by FORMAT, whose
 * directives are GNU's: %n %N %s %b %B %o %f %F %a %A %i %h %u %U %g %G
 * %d %D %Hd %Ld %r %R %t %T %Hr %Lr %x %X %y %Y %z %Z %w %W %%, each with
 * optional printf flags, width and precision ("%-10s").  -L follows
 * symbolic links.  Names come from /etc/passwd and /etc/group, else
 * "UNKNOWN".  A file that cannot be examined gets a message and status 1. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_FORMAT                                                         \
	"  File: %N\n"                                                         \
	"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"                     \
	"Device: %Hd,%Ld\tInode: %-11i Links: %h\n"                            \
	"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"            \
	"Access: %x\nModify: %y\nChange: %z\n Birth: %w\n"
#define DEVICE_FORMAT                                                          \
	"  File: %N\n"                                                         \
	"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"                     \
	"Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n"     \
	"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"            \
	"Access: %x\nModify: %y\nChange: %z\n Birth: %w\n"
#define TERSE_FORMAT "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n"

static int dereference;

/* one file being described */
struct file {
	const char *name;
	struct stat st;
	int quote; /* %N: GNU quotes in -c formats, not by default */
};

static _Noreturn void usage(const char *fmt, int opt)
{
	fprintf(stderr, fmt, opt);
	fputs("usage: stat [-Lt] [-c FORMAT] file...\n", stderr);
	exit(2);
}

/* --- names of ids, from /etc/passwd or /etc/group */

/* The name of ID in FILE (NAME:PASSWORD:ID:... lines) into OUT. */
static void id_name(const char *file, unsigned long id, char *out, size_t size)
{
	FILE *f = fopen(file, "r");
	char line[512];

	snprintf(out, size, "UNKNOWN");
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char *c1 = strchr(line, ':'),
		     *c2 = c1 ? strchr(c1 + 1, ':') : 0;
		char *end;

		if (!c2)
			continue;
		if (strtoul(c2 + 1, &end, 10) == id && end != c2 + 1 &&
		    *end == ':') {
			size_t len = c1 - line < (long)size
					 ? (size_t)(c1 - line)
					 : size - 1;
			memcpy(out, line, len);
			out[len] = '\0';
			break;
		}
	}
	fclose(f);
}

/* --- the pieces */

static const char *type_name(const struct stat *st)
{
	mode_t m = st->st_mode;

	if (S_ISREG(m))
		return st->st_size ? "regular file" : "regular empty file";
	return S_ISDIR(m)    ? "directory"
	       : S_ISLNK(m)  ? "symbolic link"
	       : S_ISCHR(m)  ? "character special file"
	       : S_ISBLK(m)  ? "block special file"
	       : S_ISFIFO(m) ? "fifo"
	       : S_ISSOCK(m) ? "socket"
			     : "weird file";
}

static void mode_string(mode_t m, char out[11])
{
	static const char rwx[] = "rwxrwxrwx";

	out[0] = S_ISDIR(m)    ? 'd'
		 : S_ISLNK(m)  ? 'l'
		 : S_ISCHR(m)  ? 'c'
		 : S_ISBLK(m)  ? 'b'
		 : S_ISFIFO(m) ? 'p'
		 : S_ISSOCK(m) ? 's'
			       : '-';
	for (int i = 0; i < 9; i++)
		out[i + 1] = m & (0400 >> i) ? rwx[i] : '-';
	if (m & S_ISUID)
		out[3] = out[3] == 'x' ? 's' : 'S';
	if (m & S_ISGID)
		out[6] = out[6] == 'x' ? 's' : 'S';
	if (m & S_ISVTX)
		out[9] = out[9] == 'x' ? 't' : 'T';
	out[10] = '\0';
}

static unsigned dev_major(dev_t d)
{
	return (unsigned)(((d >> 8) & 0xfff) | ((d >> 32) & ~0xfffu));
}

static unsigned dev_minor(dev_t d)
{
	return (unsigned)((d & 0xff) | ((d >> 12) & ~0xffu));
}

/* "2026-11-21 12:34:56.123456789 +0000" */
static void time_string(const struct timespec *t, char *out, size_t size)
{
	time_t secs = t->tv_sec;
	struct tm *tm = gmtime(&secs);

	if (!tm) {
		snprintf(out, size, "%lld", (long long)secs);
		return;
	}
	snprintf(out, size, "%04d-%02d-%02d %02d:%02d:%02d.%09ld +0000",
		 tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour,
		 tm->tm_min, tm->tm_sec, (long)t->tv_nsec);
}

/* NAME as GNU's shell-escape-always quoting shows it: in single quotes
 * ("'a b'"), or in double quotes if it holds a single quote and nothing
 * that is special there; else each ' becomes '\''. */
static void put_quoted(const char *name)
{
	if (strchr(name, '\'') && !strpbrk(name, "\"$`\\!")) {
		printf("\"%s\"", name);
		return;
	}
	putchar('\'');
	for (const char *p = name; *p; p++) {
		if (*p == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*p);
	}
	putchar('\'');
}

/* %N: the name, and for a symbolic link " -> target"; quoted in -c
 * formats, as they are in GNU's stat (not in the default output). */
static void put_name_and_target(const struct file *f)
{
	char target[4096];
	ssize_t n;

	if (f->quote)
		put_quoted(f->name);
	else
		fputs(f->name, stdout);
	if (!S_ISLNK(f->st.st_mode))
		return;
	n = readlink(f->name, target, sizeof target - 1);
	if (n < 0)
		return;
	target[n] = '\0';
	fputs(" -> ", stdout);
	if (f->quote)
		put_quoted(target);
	else
		fputs(target, stdout);
}

/* --- formatting */

/* Prints text or number V under the printf SPEC (flags, width and
 * precision, without '%' or conversion). */
static void put_string(const char *spec, const char *v)
{
	char fmt[64];

	snprintf(fmt, sizeof fmt, "%%%ss", spec);
	printf(fmt, v);
}

static void put_number(const char *spec, unsigned long long v, char conv)
{
	char fmt[64];

	snprintf(fmt, sizeof fmt, "%%%sll%c", spec, conv);
	printf(fmt, v);
}

static void put_signed(const char *spec, long long v)
{
	char fmt[64];

	snprintf(fmt, sizeof fmt, "%%%slld", spec);
	printf(fmt, v);
}

/* One directive; C is its letter, PREFIX 'H', 'L' or 0.  Returns 0, or
 * -1 if the directive is unknown. */
static int directive(const struct file *f, const char *spec, int prefix, int c)
{
	const struct stat *st = &f->st;
	char buf[64];

	if (prefix && c != 'd' && c != 'r')
		return -1;
	switch (c) {
	case 'n':
		put_string(spec, f->name);
		break;
	case 'N':
		put_name_and_target(f);
		break;
	case 's':
		put_signed(spec, st->st_size);
		break;
	case 'b':
		put_signed(spec, st->st_blocks);
		break;
	case 'B':
		put_number(spec, 512, 'u');
		break;
	case 'o':
		put_number(spec, st->st_blksize, 'u');
		break;
	case 'f':
		put_number(spec, st->st_mode, 'x');
		break;
	case 'F':
		put_string(spec, type_name(st));
		break;
	case 'a':
		put_number(spec, st->st_mode & 07777, 'o');
		break;
	case 'A':
		mode_string(st->st_mode, buf);
		put_string(spec, buf);
		break;
	case 'i':
		put_number(spec, st->st_ino, 'u');
		break;
	case 'h':
		put_number(spec, st->st_nlink, 'u');
		break;
	case 'u':
		put_number(spec, st->st_uid, 'u');
		break;
	case 'g':
		put_number(spec, st->st_gid, 'u');
		break;
	case 'U':
		id_name("/etc/passwd", st->st_uid, buf, sizeof buf);
		put_string(spec, buf);
		break;
	case 'G':
		id_name("/etc/group", st->st_gid, buf, sizeof buf);
		put_string(spec, buf);
		break;
	case 'd':
		put_number(spec,
			   prefix == 'H'   ? dev_major(st->st_dev)
			   : prefix == 'L' ? dev_minor(st->st_dev)
					   : st->st_dev,
			   'u');
		break;
	case 'D':
		put_number(spec, st->st_dev, 'x');
		break;
	case 'r':
		put_number(spec,
			   prefix == 'H'   ? dev_major(st->st_rdev)
			   : prefix == 'L' ? dev_minor(st->st_rdev)
					   : st->st_rdev,
			   'u');
		break;
	case 'R':
		put_number(spec, st->st_rdev, 'x');
		break;
	case 't':
		put_number(spec, dev_major(st->st_rdev), 'x');
		break;
	case 'T':
		put_number(spec, dev_minor(st->st_rdev), 'x');
		break;
	case 'x':
		time_string(&st->st_atim, buf, sizeof buf);
		put_string(spec, buf);
		break;
	case 'y':
		time_string(&st->st_mtim, buf, sizeof buf);
		put_string(spec, buf);
		break;
	case 'z':
		time_string(&st->st_ctim, buf, sizeof buf);
		put_string(spec, buf);
		break;
	case 'X':
		put_signed(spec, st->st_atim.tv_sec);
		break;
	case 'Y':
		put_signed(spec, st->st_mtim.tv_sec);
		break;
	case 'Z':
		put_signed(spec, st->st_ctim.tv_sec);
		break;
	case 'w':
		put_string(spec, "-");
		break;
	case 'W':
		put_signed(spec, 0);
		break;
	default:
		return -1;
	}
	return 0;
}

/* Prints FORMAT for F.  A directive we do not know is printed as "?",
 * as GNU's stat does. */
static void print_format(const char *format, const struct file *f)
{
	for (const char *p = format; *p; p++) {
		if (*p != '%') {
			putchar(*p);
			continue;
		}
		const char *start = p++;
		char spec[32];
		size_t n = strspn(p, "-#0 +'");

		n += strspn(p + n, "0123456789");
		if (p[n] == '.')
			n += 1 + strspn(p + n + 1, "0123456789");
		if (n >= sizeof spec)
			n = sizeof spec - 1;
		snprintf(spec, sizeof spec, "%.*s", (int)n, p);
		p += n;
		int prefix = *p == 'H' || *p == 'L' ? *p++ : 0;
		if (*p == '%' && p == start + 1) {
			putchar('%');
		} else if (*p == '\0') {
			fwrite(start, 1, p - start, stdout);
			break;
		} else if (directive(f, spec, prefix, *p) != 0) {
			putchar('?');
			if (prefix)
				p--; /* "%Ls": the s is plain text */
		}
	}
}

/* Describes NAME by FORMAT (NULL: the default one); NEWLINE: end with
 * a newline (-c's line). */
static int stat_file(const char *name, const char *format, int newline)
{
	struct file f = {name, {0}, format != NULL};

	if ((dereference ? stat(name, &f.st) : lstat(name, &f.st)) != 0) {
		fflush(stdout);
		fprintf(stderr, "stat: cannot stat '%s': %s\n", name,
			strerror(errno));
		return 1;
	}
	if (!format)
		format = S_ISCHR(f.st.st_mode) || S_ISBLK(f.st.st_mode)
			     ? DEVICE_FORMAT
			     : DEFAULT_FORMAT;
	print_format(format, &f);
	if (newline)
		putchar('\n');
	return 0;
}

int main(int argc, char **argv)
{
	const char *format = NULL;
	int status = 0, terse = 0, c;

	opterr = 0;
	while ((c = getopt(argc, argv, ":Ltc:")) != -1) {
		switch (c) {
		case 'L':
			dereference = 1;
			break;
		case 't':
			terse = 1;
			break;
		case 'c':
			format = optarg;
			terse = 0;
			break;
		case ':':
			usage("stat: option requires an argument -- '%c'\n",
			      optopt);
		default:
			usage("stat: invalid option -- '%c'\n", optopt);
		}
	}
	if (optind == argc) {
		fputs("stat: missing operand\n", stderr);
		return 1;
	}
	if (terse)
		format = TERSE_FORMAT;
	for (int i = optind; i < argc; i++)
		status |= stat_file(argv[i], format, format && !terse);
	if (fflush(stdout) != 0) {
		perror("stat: write error");
		return 1;
	}
	return status;
}
