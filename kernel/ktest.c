/* kernel/ktest.c - the self-test runner (see ktest.h). */
#include "kernel/ktest.h"

#include <stdarg.h>

#include "kernel/format.h"
#include "kernel/printk.h"

extern const struct ktest *const __ktest_start[], *const __ktest_end[];

static int current_failures;
static char first_failure[256];

void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (current_failures++)
		return; /* the first failure is the one reported */
	n = ksnprintf(first_failure, sizeof(first_failure), "%s:%d: ", file, line);
	va_start(ap, fmt);
	kvsnprintf(first_failure + n, sizeof(first_failure) - n, fmt, ap);
	va_end(ap);
}

int ktest_run(void)
{
	int passed = 0, failed = 0, n = 0;

	for (const struct ktest *const *t = __ktest_start; t < __ktest_end; t++) {
		current_failures = 0;
		(*t)->fn();
		n++;
		if (current_failures) {
			failed++;
			kprintf("not ok %d - %s: %s", n, (*t)->name, first_failure);
			if (current_failures > 1)
				kprintf(" (and %d more)", current_failures - 1);
			kprintf("\n");
		} else {
			passed++;
			kprintf("ok %d - %s\n", n, (*t)->name);
		}
	}
	kprintf("%d passed, %d failed\n", passed, failed);
	return failed;
}
