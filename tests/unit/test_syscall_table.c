/* tests/unit/test_syscall_table.c - every system-call number in the
 * kernel's table (kernel/syscalls.h) is Linux i386's: compared with the
 * host's <asm/unistd_32.h>, one line per call. */
#include <asm/unistd_32.h>

#include "kernel/syscalls.h"
#include <stdio.h>

struct row {
	const char *name;
	int ours, linux_nr;
};

#define ROW(nr, name) { #name, nr, __NR_##name },
static const struct row rows[] = { SYSCALLS(ROW) };

int main(void)
{
	int failed = 0, n = sizeof(rows) / sizeof(rows[0]);

	for (int i = 0; i < n; i++) {
		if (rows[i].ours == rows[i].linux_nr) {
			printf("ok %d - %s is %d\n", i + 1, rows[i].name, rows[i].ours);
		} else {
			printf("not ok %d - %s: ours %d, Linux %d\n", i + 1,
			       rows[i].name, rows[i].ours, rows[i].linux_nr);
			failed++;
		}
	}
	printf("%d passed, %d failed\n", n - failed, failed);
	return failed != 0;
}
