/* user/bin/mount.c - mount: list the mounted filesystems, or mount one.
 *
 *   mount				list them, from /proc/mounts
 *   mount [-r | -w] [-t TYPE] [-o OPTIONS] DEVICE DIR
 *
 * The list is util-linux's: one line per mount, oldest first,
 *
 *	/dev/hda on / type ext2 (rw)
 *
 * (the fields of /proc/mounts, with its octal escapes such as \040 for
 * a space undone).  With DEVICE and DIR, mount calls mount(2) with TYPE
 * (which the kernel needs) and the OPTIONS, a comma-separated list: the
 * flags ro, rw, nosuid, suid, nodev, dev, noexec, exec, sync, async,
 * remount, bind, noatime, nodiratime, relatime become mount flags, the
 * rest goes to the filesystem as its data string; -r is -o ro, -w -o rw.
 * A failed mount(2) (ENOSYS from a kernel without it) is reported as
 * "mount: DIR: reason", status 32 as util-linux's "mount failure".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#define MOUNTS "/proc/mounts"
#define EXIT_USAGE 2
#define EXIT_MOUNT_FAILED 32 /* util-linux: "mount failure" */
#define OPTIONS_MAX 256

/* Undoes /proc/mounts' octal escapes (\040 for a space...) in place. */
static void unescape(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' &&
		    s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*out++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 +
					(s[3] - '0'));
			s += 3;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

static int list_mounts(void)
{
	FILE *f = fopen(MOUNTS, "r");
	char line[1024];

	if (!f) {
		fprintf(stderr, "mount: %s: %s\n", MOUNTS, strerror(errno));
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *device = strtok(line, " \t\n"),
		     *dir = strtok(NULL, " \t\n");
		char *type = strtok(NULL, " \t\n"),
		     *options = strtok(NULL, " \t\n");

		if (!options)
			continue;
		unescape(device);
		unescape(dir);
		printf("%s on %s type %s (%s)\n", device, dir, type, options);
	}
	fclose(f);
	return 0;
}

static const struct {
	const char *name;
	unsigned long set, clear;
} flag_options[] = {
    {"ro", MS_RDONLY, 0},	  {"rw", 0, MS_RDONLY},
    {"nosuid", MS_NOSUID, 0},	  {"suid", 0, MS_NOSUID},
    {"nodev", MS_NODEV, 0},	  {"dev", 0, MS_NODEV},
    {"noexec", MS_NOEXEC, 0},	  {"exec", 0, MS_NOEXEC},
    {"sync", MS_SYNCHRONOUS, 0},  {"async", 0, MS_SYNCHRONOUS},
    {"remount", MS_REMOUNT, 0},	  {"bind", MS_BIND, 0},
    {"noatime", MS_NOATIME, 0},	  {"nodiratime", MS_NODIRATIME, 0},
    {"relatime", MS_RELATIME, 0},
};

/* Splits OPTIONS into *FLAGS and the filesystem's own options, which are
 * appended to DATA (of SIZE bytes). */
static void parse_options(char *options, unsigned long *flags, char *data,
			  size_t size)
{
	for (char *o = strtok(options, ","); o; o = strtok(NULL, ",")) {
		size_t i, n = sizeof(flag_options) / sizeof(flag_options[0]);

		for (i = 0; i < n && strcmp(o, flag_options[i].name) != 0; i++)
			;
		if (i < n) {
			*flags = (*flags | flag_options[i].set) &
				 ~flag_options[i].clear;
			continue;
		}
		if (*data)
			strncat(data, ",", size - strlen(data) - 1);
		strncat(data, o, size - strlen(data) - 1);
	}
}

static _Noreturn void usage(const char *complaint, int option)
{
	if (complaint)
		fprintf(stderr, "mount: %s -- '%c'\n", complaint, option);
	fputs("usage: mount\n"
	      "       mount [-r | -w] [-t TYPE] [-o OPTIONS] DEVICE DIR\n",
	      stderr);
	exit(EXIT_USAGE);
}

/* Appends ",MORE" to the option list OPTIONS (of size OPTIONS_MAX). */
static void add_options(char *options, const char *more)
{
	if (strlen(options) + strlen(more) + 2 > OPTIONS_MAX) {
		fputs("mount: too many options\n", stderr);
		exit(EXIT_USAGE);
	}
	strcat(strcat(options, ","), more);
}

int main(int argc, char **argv)
{
	const char *type = NULL;
	char options[OPTIONS_MAX] = "", data[OPTIONS_MAX] = "";
	unsigned long flags = 0;
	int c;

	if (argc == 1)
		return list_mounts();
	opterr = 0;
	while ((c = getopt(argc, argv, ":rwt:o:")) != -1)
		switch (c) {
		case 'r':
			add_options(options, "ro");
			break;
		case 'w':
			add_options(options, "rw");
			break;
		case 't':
			type = optarg;
			break;
		case 'o':
			add_options(options, optarg);
			break;
		case ':':
			usage("option requires an argument", optopt);
		default:
			usage("invalid option", optopt);
		}
	if (argc - optind != 2) {
		fputs("mount: give a DEVICE and a DIR\n", stderr);
		usage(NULL, 0);
	}
	parse_options(options, &flags, data, sizeof(data));
	if (mount(argv[optind], argv[optind + 1], type, flags,
		  *data ? data : NULL) < 0) {
		fprintf(stderr, "mount: %s: %s\n", argv[optind + 1],
			strerror(errno));
		return EXIT_MOUNT_FAILED;
	}
	return 0;
}
