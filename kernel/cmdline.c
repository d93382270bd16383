/* kernel/cmdline.c - parsing the kernel command line (see cmdline.h).
 *
 * The line is copied into bp->words and split in place: whitespace runs
 * become NUL bytes, so every parsed value is a pointer into that copy and
 * nothing is allocated.
 */
#include "kernel/cmdline.h"

#include <stddef.h>

#include "kernel/string.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Copies line, cutting an over-long one at its last whole word. */
static void copy_line(struct boot_params *bp, const char *line)
{
	size_t len = strnlen(line, CMDLINE_MAX);

	if (len < CMDLINE_MAX) {
		memcpy(bp->words, line, len + 1);
		return;
	}
	bp->truncated = true;
	len = CMDLINE_MAX - 1;
	if (!is_space(line[len])) /* the cut fell inside a word: drop it */
		while (len > 0 && !is_space(line[len - 1]))
			len--;
	memcpy(bp->words, line, len);
	bp->words[len] = '\0';
}

const char *parse_ipv4(const char *s, uint32_t *addr)
{
	uint32_t a = 0;

	for (int part = 0; part < 4; part++) {
		unsigned v = 0;
		int digits = 0;

		if (part && *s++ != '.')
			return NULL;
		while (*s >= '0' && *s <= '9' && digits < 4) {
			v = v * 10 + (*s++ - '0');
			digits++;
		}
		if (!digits || v > 255)
			return NULL;
		a = a << 8 | v;
	}
	*addr = a;
	return s;
}

/* "dhcp" or ADDR/PREFIX:GATEWAY; false if malformed. */
static bool parse_ip(const char *v, struct ip_config *ip)
{
	struct ip_config c = { 0 };
	int digits = 0;

	if (!strcmp(v, "dhcp")) {
		ip->dhcp = true;
		return true;
	}
	v = parse_ipv4(v, &c.addr);
	if (!v || *v++ != '/')
		return false;
	while (*v >= '0' && *v <= '9' && digits++ < 2)
		c.prefix = c.prefix * 10 + (*v++ - '0');
	if (!digits || c.prefix > 32 || *v++ != ':')
		return false;
	v = parse_ipv4(v, &c.gateway);
	if (!v || *v)
		return false;
	*ip = c;
	return true;
}

/* Handles one word before "--"; returns false if it was not understood. */
static bool parse_word(struct boot_params *bp, const char *w)
{
	if (!strcmp(w, "quiet"))
		return bp->quiet = true;
	if (!strcmp(w, "ktest"))
		return bp->ktest = true;
	if (!strncmp(w, "init=", 5) && w[5]) {
		bp->init = w + 5;
		return true;
	}
	if (!strncmp(w, "ip=", 3))
		return parse_ip(w + 3, &bp->ip);
	return false;
}

int cmdline_parse(struct boot_params *bp, const char *line, cmdline_warn_fn warn)
{
	int warnings = 0;
	bool after_dashes = false, first = true;
	char *p;

	memset(bp, 0, sizeof(*bp));
	bp->init = DEFAULT_INIT;
	bp->ip.dhcp = true;
	copy_line(bp, line ? line : "");
	if (bp->truncated) {
		warn("command line longer than %d bytes: cut to '%s'\n",
		     CMDLINE_MAX - 1, bp->words);
		warnings++;
	}
	for (p = bp->words; *p;) {
		char *w;

		while (is_space(*p))
			*p++ = '\0';
		if (!*p)
			break;
		w = p;
		while (*p && !is_space(*p))
			p++;
		if (*p)
			*p++ = '\0';

		if (after_dashes) {
			if (bp->init_argc < INIT_ARGS_MAX) {
				bp->init_argv[bp->init_argc++] = w;
			} else {
				warn("too many init arguments: dropping '%s'\n", w);
				warnings++;
			}
		} else if (!strcmp(w, "--")) {
			after_dashes = true;
		} else if (first && strchr(w, '/') && !strchr(w, '=')) {
			bp->image = w; /* GRUB and QEMU put the kernel's path first */
		} else if (!parse_word(bp, w)) {
			warn("ignoring unknown or malformed kernel parameter '%s'\n", w);
			warnings++;
		}
		first = false;
	}
	bp->init_argv[bp->init_argc] = NULL;
	return warnings;
}
