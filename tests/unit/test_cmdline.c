/* tests/unit/test_cmdline.c - kernel/cmdline.c: Linux-style command line
 * parsing, warnings, and safe truncation of over-long lines. */
#include <stdarg.h>
#include <stdlib.h>

#include "kernel/cmdline.h"
#include "tests/unit/unit.h"

static struct boot_params bp;
static char last_warning[2048];

static void record_warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_warning, sizeof(last_warning), fmt, ap);
	va_end(ap);
}

static int parse(const char *line)
{
	last_warning[0] = '\0';
	return cmdline_parse(&bp, line, record_warning);
}

TEST(defaults)
{
	EXPECT_EQ(parse(""), 0);
	EXPECT_STREQ(bp.init, "/sbin/init");
	EXPECT_EQ(bp.init_argc, 0);
	EXPECT(bp.init_argv[0] == NULL);
	EXPECT(!bp.quiet && !bp.ktest && !bp.truncated && bp.ip.dhcp);
	EXPECT(bp.image == NULL);
	EXPECT_EQ(parse(NULL), 0);
}

TEST(loader_path_and_init_arguments)
{
	EXPECT_EQ(parse("build/kernel.elf init=/bin/sh -- -c 'echo hi' quiet"), 0);
	EXPECT_STREQ(bp.image, "build/kernel.elf");
	EXPECT_STREQ(bp.init, "/bin/sh");
	EXPECT_EQ(bp.init_argc, 4); /* words after -- are init's, even "quiet" */
	EXPECT_STREQ(bp.init_argv[0], "-c");
	EXPECT_STREQ(bp.init_argv[1], "'echo");
	EXPECT_STREQ(bp.init_argv[3], "quiet");
	EXPECT(!bp.quiet);
	EXPECT(bp.init_argv[4] == NULL);
}

TEST(whitespace_and_empty_dashes)
{
	EXPECT_EQ(parse("  \t quiet\tktest   --   "), 0);
	EXPECT(bp.quiet && bp.ktest);
	EXPECT_EQ(bp.init_argc, 0);
	EXPECT_EQ(parse("-- -- a"), 0);
	EXPECT_EQ(bp.init_argc, 2);
	EXPECT_STREQ(bp.init_argv[0], "--");
}

TEST(unknown_words_warned_and_ignored)
{
	EXPECT_EQ(parse("init=/a console=ttyS0 splash"), 2);
	EXPECT(strstr(last_warning, "'splash'") != NULL);
	EXPECT_STREQ(bp.init, "/a");
	EXPECT_EQ(parse("init="), 1); /* empty init: keep the default */
	EXPECT_STREQ(bp.init, "/sbin/init");
	EXPECT_EQ(parse("init=/a=b/c"), 0);
	EXPECT_STREQ(bp.init, "/a=b/c");
}

TEST(ip_static_and_dhcp)
{
	EXPECT_EQ(parse("ip=10.0.2.15/24:10.0.2.2"), 0);
	EXPECT(!bp.ip.dhcp);
	EXPECT_EQ(bp.ip.addr, 0x0A00020F);
	EXPECT_EQ(bp.ip.prefix, 24);
	EXPECT_EQ(bp.ip.gateway, 0x0A000202);
	EXPECT_EQ(parse("ip=dhcp"), 0);
	EXPECT(bp.ip.dhcp);
}

TEST(ip_malformed_keeps_dhcp)
{
	static const char *const bad[] = {
		"ip=10.0.2.15", "ip=10.0.2.15/24", "ip=10.0.2.15/33:1.1.1.1",
		"ip=10.0.2/24:10.0.2.2", "ip=256.0.0.1/8:1.1.1.1",
		"ip=1.2.3.4/8:1.1.1.1x", "ip=", "ip=1.2.3.4/:5.6.7.8",
		"ip=1111.2.3.4/8:1.1.1.1",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT_EQ(parse(bad[i]), 1);
		EXPECT(bp.ip.dhcp);
	}
}

TEST(too_many_init_arguments_dropped)
{
	char line[512] = "--";

	for (int i = 0; i < INIT_ARGS_MAX + 5; i++)
		sprintf(line + strlen(line), " a%d", i);
	EXPECT_EQ(parse(line), 5);
	EXPECT_EQ(bp.init_argc, INIT_ARGS_MAX);
	EXPECT(bp.init_argv[INIT_ARGS_MAX] == NULL);
	EXPECT_STREQ(bp.init_argv[INIT_ARGS_MAX - 1], "a31");
}

/* An over-long line is cut at the last whole word and flagged. */
TEST(overlong_line_truncated_at_a_word)
{
	char *line = malloc(5000);

	strcpy(line, "init=/bin/sh quiet");
	while (strlen(line) < 4900)
		strcat(line, " abcdefg");
	strcat(line, " init=/late");
	EXPECT(parse(line) >= 1);
	EXPECT(bp.truncated);
	EXPECT(strstr(last_warning, "unknown") != NULL); /* "abcdefg" words */
	EXPECT_STREQ(bp.init, "/bin/sh"); /* the late word was cut off */
	EXPECT(bp.quiet);

	/* Exactly CMDLINE_MAX-1 bytes fits; one more byte cuts. */
	memset(line, 'x', CMDLINE_MAX - 1);
	line[CMDLINE_MAX - 1] = '\0';
	parse(line);
	EXPECT(!bp.truncated);
	strcpy(line + CMDLINE_MAX - 6, " ktest");
	parse(line);
	EXPECT(bp.truncated && !bp.ktest);
	free(line);
}

UNIT_MAIN(CASE(defaults), CASE(loader_path_and_init_arguments),
	  CASE(whitespace_and_empty_dashes), CASE(unknown_words_warned_and_ignored),
	  CASE(ip_static_and_dhcp), CASE(ip_malformed_keeps_dhcp),
	  CASE(too_many_init_arguments_dropped),
	  CASE(overlong_line_truncated_at_a_word))
