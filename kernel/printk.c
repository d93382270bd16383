/* kernel/printk.c - formatted, time-stamped kernel log (see printk.h).
 *
 * A message is formatted into a stack buffer (at most PRINTK_LINE bytes,
 * longer ones are cut), appended to a circular log buffer that overwrites
 * its oldest text, and written to the console if its level is shown.
 */
#include "kernel/printk.h"

#include "kernel/console.h"
#include "kernel/format.h"
#include "kernel/time.h"
#include "kernel/x86.h"

#define PRINTK_LINE 512
#define LOG_SIZE 16384

static char log_buf[LOG_SIZE];
static size_t log_total; /* bytes ever appended */
static size_t log_cleared; /* log_total at the last printk_log_clear */
static enum log_level console_level = LOG_INFO;

void printk_set_console_level(enum log_level level)
{
	console_level = level;
}

static void log_append(const char *s, size_t n)
{
	uint32_t flags = irq_save();

	for (size_t i = 0; i < n; i++)
		log_buf[(log_total + i) % LOG_SIZE] = s[i];
	log_total += n;
	irq_restore(flags);
}

size_t printk_log_unread(void)
{
	size_t since = log_total - log_cleared;

	return since < LOG_SIZE ? since : LOG_SIZE;
}

void printk_log_clear(void)
{
	log_cleared = log_total;
}

size_t printk_log_capacity(void)
{
	return LOG_SIZE;
}

size_t printk_log_copy(char *dst, size_t size)
{
	uint32_t flags = irq_save();
	size_t avail = printk_log_unread();
	size_t n = avail < size ? avail : size;
	size_t start = log_total - n;

	for (size_t i = 0; i < n; i++)
		dst[i] = log_buf[(start + i) % LOG_SIZE];
	irq_restore(flags);
	return n;
}

void vprintk_level(enum log_level level, const char *fmt, va_list ap)
{
	char line[PRINTK_LINE];
	uint64_t ns = time_ns();
	int n = ksnprintf(line, sizeof(line), "[%5u.%06u] ",
			  (unsigned)(ns / 1000000000u),
			  (unsigned)(ns % 1000000000u / 1000u));
	int m = kvsnprintf(line + n, sizeof(line) - n, fmt, ap);
	size_t len = n + m < (int)sizeof(line) ? (size_t)(n + m) : sizeof(line) - 1;

	if (line[len - 1] != '\n') { /* every log entry ends a line */
		if (len == sizeof(line) - 1)
			len--; /* cut: overwrite the last byte */
		line[len++] = '\n';
	}
	log_append(line, len);
	if (level <= console_level)
		console_write(line, len);
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
	char line[PRINTK_LINE];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	console_write(line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
}
