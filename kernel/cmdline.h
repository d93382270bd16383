/* kernel/cmdline.h - the kernel command line, Linux's conventions.
 *
 *   init=PATH        the first program (default /sbin/init; "kmon" = the
 *                    kernel monitor)
 *   -- A B ...       every word after a standalone "--" is init's argv[1..]
 *   quiet            kernel log lines stay off the console
 *   ktest            run the in-kernel self-tests, then power off
 *   ip=dhcp          (default) or ip=ADDR/PREFIX:GATEWAY
 *
 * Unknown words are warned about and ignored.  A line longer than
 * CMDLINE_MAX-1 bytes is cut at the last whole word.  Pure code: also
 * built and tested on the host (tests/unit/test_cmdline.c).
 */
#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

#include <stdbool.h>
#include <stdint.h>

#define CMDLINE_MAX 1024
#define INIT_ARGS_MAX 32
#define DEFAULT_INIT "/sbin/init"

struct ip_config {
	bool dhcp;
	uint32_t addr; /* host byte order */
	int prefix;
	uint32_t gateway;
};

struct boot_params {
	char words[CMDLINE_MAX]; /* the line, each word NUL-terminated */
	const char *image; /* the kernel's path the loader put first, or NULL */
	const char *init;
	const char *init_argv[INIT_ARGS_MAX + 1]; /* NULL-terminated */
	int init_argc;
	bool quiet;
	bool ktest;
	bool truncated;
	struct ip_config ip;
};

/* The kernel's own, parsed by kmain at boot (kernel/main.c). */
extern struct boot_params boot_params;

typedef void (*cmdline_warn_fn)(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Parses line into bp (pointers point into bp->words); warns through warn
 * for every word it ignores.  Returns the number of warnings. */
int cmdline_parse(struct boot_params *bp, const char *line, cmdline_warn_fn warn);

/* Parses a dotted quad at s; returns the character after it, or NULL. */
const char *parse_ipv4(const char *s, uint32_t *addr);

#endif
