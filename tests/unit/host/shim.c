/* tests/unit/host/shim.c - the few kernel services the filesystem code
 * (kernel/bcache.c, kernel/vfs*, kernel/fs/) uses, provided on the host so
 * that code runs unchanged in host tests: kmalloc on malloc, printk on
 * stderr (or silenced), panic as abort, copy_out/copy_in as memcpy, the
 * wall clock from time().  Host tests link this instead of the kernel. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kernel/kmalloc.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/uaccess.h"
#include "tests/unit/host/host.h"

int host_log_quiet; /* set to hide kernel log lines (fuzzing) */
unsigned long host_log_lines;

void vprintk_level(enum log_level level, const char *fmt, va_list ap)
{
	(void)level;
	host_log_lines++;
	if (host_log_quiet)
		return;
	fputs("[kernel] ", stderr);
	vfprintf(stderr, fmt, ap);
}

void printk_level(enum log_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk_level(level, fmt, ap);
	va_end(ap);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

void *kmalloc(size_t size)
{
	return malloc(size ? size : 1);
}

void *kzalloc(size_t size)
{
	return calloc(1, size ? size : 1);
}

void kfree(void *p)
{
	free(p);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("PANIC: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputs("\n", stderr);
	va_end(ap);
	abort();
}

int copy_out(void *dst, const void *src, size_t n)
{
	memcpy(dst, src, n);
	return 0;
}

int copy_in(void *dst, const void *src, size_t n)
{
	memcpy(dst, src, n);
	return 0;
}

/* glibc 2.36 has no strlcpy; kernel/string.h promises it. */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

int64_t time_realtime(void)
{
	return (int64_t)time(NULL);
}

uint64_t time_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
}
