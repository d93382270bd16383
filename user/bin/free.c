/* user/bin/free.c - free: how much memory is used and free, from
 * /proc/meminfo.
 *
 *   free [-b | -k | -m | -g | -h]
 *
 * The layout and the arithmetic are procps-ng's free (4.x): a header
 * line, then "Mem:" and "Swap:" rows, each a label in 9 columns and
 * numbers right-aligned in 11 (with a space between), e.g. the start of
 * the Mem row:
 *
 *	               total        used        free      shared
 *	Mem:          125012       10344      110936           0
 *
 * total MemTotal, free MemFree, shared Shmem, buff/cache Buffers + Cached
 * + SReclaimable, available MemAvailable (MemFree when the kernel gives
 * none, or when it claims more than the total), used total - available.
 * Fields the kernel does not give count as 0.  Units: kibibytes by
 * default (-k), bytes (-b), mebibytes (-m), gibibytes (-g), or -h for
 * human-readable (1.5Gi, 512Mi: three significant digits and a unit).
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MEMINFO "/proc/meminfo"

/* The /proc/meminfo fields free reads, in kB. */
struct meminfo {
	unsigned long long mem_total, mem_free, mem_available, buffers, cached,
	    sreclaimable, shmem, swap_total, swap_free;
};

static const struct {
	const char *name;
	size_t offset;
} fields[] = {
    {"MemTotal", offsetof(struct meminfo, mem_total)},
    {"MemFree", offsetof(struct meminfo, mem_free)},
    {"MemAvailable", offsetof(struct meminfo, mem_available)},
    {"Buffers", offsetof(struct meminfo, buffers)},
    {"Cached", offsetof(struct meminfo, cached)},
    {"SReclaimable", offsetof(struct meminfo, sreclaimable)},
    {"Shmem", offsetof(struct meminfo, shmem)},
    {"SwapTotal", offsetof(struct meminfo, swap_total)},
    {"SwapFree", offsetof(struct meminfo, swap_free)},
};

/* Units: the power of 1024 to divide bytes by; HUMAN scales each value. */
enum { BYTES = 0, KIBI = 1, MEBI = 2, GIBI = 3, HUMAN = -1 };

/* Sets the field called NAME (if free uses it) from "NAME: VALUE kB". */
static void take_line(struct meminfo *m, const char *line)
{
	const char *colon = strchr(line, ':');

	if (!colon)
		return;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strlen(fields[i].name) == (size_t)(colon - line) &&
		    memcmp(fields[i].name, line, colon - line) == 0)
			*(unsigned long long *)((char *)m + fields[i].offset) =
			    strtoull(colon + 1, NULL, 10);
}

static int read_meminfo(struct meminfo *m)
{
	FILE *f = fopen(MEMINFO, "r");
	char line[256];

	if (!f)
		return -1;
	memset(m, 0, sizeof(*m));
	while (fgets(line, sizeof(line), f))
		take_line(m, line);
	fclose(f);
	return 0;
}

/* procps's human-readable form of KB kibibytes: bytes below 10000 as
 * "123B", else the first unit that fits in 5 characters, "%.1f" then
 * "%ld" with an "i": 1.5Gi, 512Mi. */
static void human(unsigned long long kb, char *out, size_t size)
{
	static const char units[] = "BKMGTP";
	long long bytes = (long long)kb * 1024;

	if (snprintf(out, size, "%lldB", bytes) <= 4)
		return;
	for (int i = 1; units[i]; i++) {
		double scaled = (double)bytes;

		for (int k = 0; k < i; k++)
			scaled /= 1024.0;
		if (snprintf(out, size, "%.1f%ci", (float)scaled, units[i]) <=
		    5)
			return;
		if (snprintf(out, size, "%ld%ci", (long)scaled, units[i]) <= 5)
			return;
	}
}

static void print_value(unsigned long long kb, int unit, int first)
{
	char buf[32];

	if (unit == HUMAN)
		human(kb, buf, sizeof(buf));
	else if (unit == BYTES)
		snprintf(buf, sizeof(buf), "%llu", kb * 1024);
	else
		snprintf(buf, sizeof(buf), "%llu", (kb * 1024) >> (10 * unit));
	printf(first ? "%11s" : " %11s", buf);
}

static void print_row(const char *label, const unsigned long long *kb, int n,
		      int unit)
{
	printf("%-9s", label);
	for (int i = 0; i < n; i++)
		print_value(kb[i], unit, i == 0);
	putchar('\n');
}

static void print_free(const struct meminfo *m, int unit)
{
	unsigned long long available = m->mem_available, used;
	unsigned long long mem[6], swap[3];

	if (available == 0 || available > m->mem_total)
		available = m->mem_free;
	used = m->mem_total - available;
	mem[0] = m->mem_total;
	mem[1] = used;
	mem[2] = m->mem_free;
	mem[3] = m->shmem;
	mem[4] = m->buffers + m->cached + m->sreclaimable;
	mem[5] = available;
	swap[0] = m->swap_total;
	swap[1] =
	    m->swap_free < m->swap_total ? m->swap_total - m->swap_free : 0;
	swap[2] = m->swap_free;
	printf("               total        used        free      shared  "
	       "buff/cache   available\n");
	print_row("Mem:", mem, 6, unit);
	print_row("Swap:", swap, 3, unit);
}

static _Noreturn void usage(const char *complaint, int option)
{
	if (complaint)
		fprintf(stderr, "free: %s -- '%c'\n", complaint, option);
	fputs("usage: free [-b | -k | -m | -g | -h]\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	struct meminfo m;
	int unit = KIBI, c;

	opterr = 0;
	while ((c = getopt(argc, argv, "bkmgh")) != -1)
		switch (c) {
		case 'b':
			unit = BYTES;
			break;
		case 'k':
			unit = KIBI;
			break;
		case 'm':
			unit = MEBI;
			break;
		case 'g':
			unit = GIBI;
			break;
		case 'h':
			unit = HUMAN;
			break;
		default:
			usage("invalid option", optopt);
		}
	if (optind < argc) {
		fprintf(stderr, "free: extra operand '%s'\n", argv[optind]);
		usage(NULL, 0);
	}
	if (read_meminfo(&m) < 0) {
		fprintf(stderr, "free: %s: %s\n", MEMINFO, strerror(errno));
		return 1;
	}
	print_free(&m, unit);
	return 0;
}
