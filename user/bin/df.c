/* user/bin/df.c - df: free space on the mounted filesystems.
 *
 *   df [-a] [-h] [-k] [-T] [FILE...]
 *
 * Lists each filesystem in /proc/mounts, or those holding the FILEs,
 * with statfs(2) figures, in GNU coreutils' layout:
 *
 *	Filesystem     1K-blocks  Used Available Use% Mounted on
 *	/dev/hda           31728  9014     21074  30% /
 *
 * As in coreutils: sizes are rounded up to whole units; Use% is
 * used / (used + available), rounded up ("-" when both are 0); columns
 * are as wide as their widest cell (Filesystem at least 14, numbers at
 * least 5); without -a, pseudo filesystems (proc, sysfs, devfs...),
 * filesystems of 0 blocks and second mounts of one device are left
 * out.  -h prints sizes in powers of 1024 with a unit (977K, 1.5G),
 * -k in kibibytes (the default), -T adds the filesystem type.  A FILE
 * that cannot be found gives "df: FILE: reason" and status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#define MOUNTS "/proc/mounts"
#define MAX_MOUNTS 256
#define NCOLUMNS 7

struct mount_entry {
	char *device, *dir, *type;
	dev_t dev; /* st_dev of dir; 0 if it cannot be stat'ed */
};

static struct mount_entry mounts[MAX_MOUNTS];
static int nmounts;

static int show_all, human, show_type;

/* The table: the header and a row per filesystem, NCOLUMNS cells each
 * (the type column empty unless -T). */
static char *(*table)[NCOLUMNS];
static int nrows;
static int widths[NCOLUMNS] = {14, 4, 5, 5, 5, 4, 0};
static const int right_aligned[NCOLUMNS] = {0, 0, 1, 1, 1, 1, 0};

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

static char *copy(const char *s)
{
	char *c = strdup(s);

	if (!c) {
		fputs("df: out of memory\n", stderr);
		exit(1);
	}
	return c;
}

static int read_mounts(void)
{
	FILE *f = fopen(MOUNTS, "r");
	char line[1024];

	if (!f)
		return -1;
	while (nmounts < MAX_MOUNTS && fgets(line, sizeof(line), f)) {
		struct mount_entry *m = &mounts[nmounts];
		char *device = strtok(line, " \t\n"),
		     *dir = strtok(NULL, " \t\n"),
		     *type = strtok(NULL, " \t\n");
		struct stat st;

		if (!type)
			continue;
		unescape(device);
		unescape(dir);
		m->device = copy(device);
		m->dir = copy(dir);
		m->type = copy(type);
		m->dev = stat(m->dir, &st) == 0 ? st.st_dev : 0;
		nmounts++;
	}
	fclose(f);
	return 0;
}

/* coreutils' (gnulib's) list of filesystems that hold no files of
 * their own, which df leaves out unless -a. */
static int is_pseudo(const struct mount_entry *m)
{
	static const char *const pseudo[] = {
	    "autofs",  "proc",	      "subfs",	"debugfs",    "devpts",
	    "fusectl", "fuse.portal", "mqueue", "rpc_pipefs", "sysfs",
	    "devfs",   "kernfs",      "ignore", "none",
	};

	for (size_t i = 0; i < sizeof(pseudo) / sizeof(pseudo[0]); i++)
		if (strcmp(m->type, pseudo[i]) == 0)
			return 1;
	return 0;
}

/* Whether an earlier mount shows the same device better (coreutils: a
 * real device name, one with a '/', wins, then the shorter mount point). */
static int is_duplicate(int i)
{
	const struct mount_entry *m = &mounts[i];

	for (int j = 0; j < nmounts; j++) {
		const struct mount_entry *o = &mounts[j];
		int m_real = strchr(m->device, '/') != NULL;
		int o_real = strchr(o->device, '/') != NULL;

		if (j == i || !m->dev || o->dev != m->dev || is_pseudo(o))
			continue;
		if (o_real != m_real) {
			if (o_real)
				return 1;
			continue;
		}
		if (strlen(o->dir) < strlen(m->dir) ||
		    (strlen(o->dir) == strlen(m->dir) && j < i))
			return 1;
	}
	return 0;
}

/* gnulib's human_readable() with human_ceiling | human_autoscale |
 * human_base_1024 | human_SI, as df -h calls it: N bytes in the largest
 * unit that keeps the number below 1024, rounded up, with one decimal
 * below 10 (4.0K, 1.5G, 12G). */
static void format_human(unsigned long long n, char *out, size_t size)
{
	static const char units[] = "KMGTPEZY";
	int power = 0, tenths = 0, inexact = 0; /* inexact: lost below tenths */

	while (n >= 1024 && power < 8) {
		unsigned r10 = (unsigned)(n % 1024) * 10 + tenths;

		inexact |= r10 % 1024 != 0;
		tenths = r10 / 1024;
		n /= 1024;
		power++;
	}
	if (power && n < 10) {
		if (inexact) {
			tenths++;
			inexact = 0;
			if (tenths == 10) {
				n++;
				tenths = 0;
			}
		}
		if (n < 10) {
			snprintf(out, size, "%llu.%d%c", n, tenths,
				 units[power - 1]);
			return;
		}
	}
	if (tenths || inexact) {
		n++;
		if (power && power < 8 && n == 1024) {
			snprintf(out, size, "1.0%c", units[power]);
			return;
		}
	}
	if (power)
		snprintf(out, size, "%llu%c", n, units[power - 1]);
	else
		snprintf(out, size, "%llu", n);
}

/* BLOCKS of BSIZE bytes, in the output unit. */
static void format_size(unsigned long long blocks, unsigned long bsize,
			char *out, size_t size)
{
	unsigned long long bytes = blocks * bsize;

	if (human)
		format_human(bytes, out, size);
	else
		snprintf(out, size, "%llu", (bytes + 1023) / 1024);
}

static void add_row(const char *cells[NCOLUMNS])
{
	void *grown = realloc(table, (nrows + 1) * sizeof(*table));

	if (!grown) {
		fputs("df: out of memory\n", stderr);
		exit(1);
	}
	table = grown;
	for (int c = 0; c < NCOLUMNS; c++) {
		int len = (int)strlen(cells[c]);

		table[nrows][c] = copy(cells[c]);
		if (len > widths[c])
			widths[c] = len;
	}
	nrows++;
}

/* A row for mount M, with the figures of the filesystem holding PATH;
 * LISTED: PATH was named by the user, so the row shows even when empty. */
static int add_filesystem(const struct mount_entry *m, const char *path,
			  int listed)
{
	char total[32], used[32], avail[32], percent[8];
	const char *cells[NCOLUMNS] = {m->device, m->type, total, used,
				       avail,	  percent, m->dir};
	unsigned long long used_blocks;
	struct statfs s;
	unsigned long bsize;

	if (statfs(path, &s) < 0) {
		fprintf(stderr, "df: %s: %s\n", path, strerror(errno));
		return 1;
	}
	bsize = s.f_frsize ? s.f_frsize : s.f_bsize;
	used_blocks = s.f_blocks - s.f_bfree;
	format_size(s.f_blocks, bsize, total, sizeof(total));
	format_size(used_blocks, bsize, used, sizeof(used));
	format_size(s.f_bavail, bsize, avail, sizeof(avail));
	if (used_blocks + s.f_bavail == 0)
		strcpy(percent, "-");
	else
		snprintf(percent, sizeof(percent), "%llu%%",
			 (used_blocks * 100 + used_blocks + s.f_bavail - 1) /
			     (used_blocks + s.f_bavail));
	if (s.f_blocks == 0 && !show_all && !listed)
		return 0;
	add_row(cells);
	return 0;
}

/* The mount holding FILE: the one on FILE's device whose mount point is
 * the longest prefix of FILE, else the last one on that device. */
static const struct mount_entry *mount_of(const char *file, dev_t dev)
{
	const struct mount_entry *best = NULL;
	size_t best_len = 0;

	for (int i = 0; i < nmounts; i++) {
		const struct mount_entry *m = &mounts[i];
		size_t len = strlen(m->dir);

		if (m->dev != dev)
			continue;
		if (file[0] == '/' && strncmp(m->dir, file, len) == 0 &&
		    (len == 1 || file[len] == '/' || file[len] == '\0')) {
			if (len >= best_len) {
				best = m;
				best_len = len;
			}
		} else if (!best_len) {
			best = m;
		}
	}
	return best;
}

static void print_table(void)
{
	for (int r = 0; r < nrows; r++) {
		int first = 1;

		for (int c = 0; c < NCOLUMNS; c++) {
			int fill = widths[c] - (int)strlen(table[r][c]);

			if (c == 1 && !show_type)
				continue;
			if (!first)
				putchar(' ');
			first = 0;
			if (right_aligned[c])
				printf("%*s", fill, "");
			fputs(table[r][c], stdout);
			if (c < NCOLUMNS - 1 && !right_aligned[c])
				printf("%*s", fill, "");
		}
		putchar('\n');
	}
}

static int df_files(char **files)
{
	int status = 0;

	for (; *files; files++) {
		const struct mount_entry *m;
		struct stat st;

		if (stat(*files, &st) < 0) {
			fprintf(stderr, "df: %s: %s\n", *files,
				strerror(errno));
			status = 1;
			continue;
		}
		m = mount_of(*files, st.st_dev);
		if (!m) {
			fprintf(stderr, "df: %s: not on a mounted filesystem\n",
				*files);
			status = 1;
			continue;
		}
		status |= add_filesystem(m, *files, 1);
	}
	return status;
}

static int df_all(void)
{
	int status = 0;

	for (int i = 0; i < nmounts; i++) {
		if (!show_all && (is_pseudo(&mounts[i]) || is_duplicate(i)))
			continue;
		status |= add_filesystem(&mounts[i], mounts[i].dir, 0);
	}
	return status;
}

static _Noreturn void usage(int option)
{
	fprintf(stderr, "df: invalid option -- '%c'\n", option);
	fputs("usage: df [-a] [-h] [-k] [-T] [FILE...]\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *header[NCOLUMNS] = {"Filesystem", "Type",	   "1K-blocks",
					"Used",	      "Available", "Use%",
					"Mounted on"};
	int c, status;

	opterr = 0;
	while ((c = getopt(argc, argv, "ahkT")) != -1)
		switch (c) {
		case 'a':
			show_all = 1;
			break;
		case 'h':
			human = 1;
			break;
		case 'k':
			human = 0;
			break;
		case 'T':
			show_type = 1;
			break;
		default:
			usage(optopt);
		}
	if (read_mounts() < 0) {
		fprintf(stderr, "df: %s: %s\n", MOUNTS, strerror(errno));
		return 1;
	}
	if (human) {
		header[2] = "Size";
		header[4] = "Avail";
	}
	add_row(header);
	status = optind < argc ? df_files(argv + optind) : df_all();
	if (nrows > 1)
		print_table();
	else if (!status) {
		fputs("df: no file systems processed\n", stderr);
		status = 1;
	}
	return status;
}
