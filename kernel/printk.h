/* kernel/printk.h - the kernel log.
 *
 * Every message is stamped with the time since boot ("[    0.012345] "),
 * kept in a log buffer (the monitor's "log" command shows it) and written
 * to the console unless its level is hidden: with "quiet" on the command
 * line only errors reach the console, as with Linux's loglevel=4.
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "kernel/kernel.h"

enum log_level { LOG_ERR = 3, LOG_WARN = 4, LOG_INFO = 6 };

void printk_level(enum log_level level, const char *fmt, ...) __printf(2, 3);
void vprintk_level(enum log_level level, const char *fmt, va_list ap);

#define printk(...) printk_level(LOG_INFO, __VA_ARGS__)
#define pr_warn(...) printk_level(LOG_WARN, "warning: " __VA_ARGS__)
#define pr_err(...) printk_level(LOG_ERR, "error: " __VA_ARGS__)

/* Writes straight to the console, unstamped and never hidden (the
 * monitor's and the test runner's output). */
void kprintf(const char *fmt, ...) __printf(1, 2);

/* Messages up to this level reach the console (quiet lowers it). */
void printk_set_console_level(enum log_level level);
/* Copies the log buffer's text since the last clear, oldest first (the
 * newest size bytes of it); returns its length. */
size_t printk_log_copy(char *dst, size_t size);
/* How much printk_log_copy has to give; the buffer's size. */
size_t printk_log_unread(void);
size_t printk_log_capacity(void);
/* Forgets the text so far (syslog's CLEAR, dmesg -c). */
void printk_log_clear(void);

#endif
