/* tests/unit/uapi_test.h - the tables test_uapi.c compares: names with
 * their values, and structure fields with offset and size (size 0: not
 * compared), one table from kernel/uapi/, the others from the host's
 * headers. */
#ifndef TESTS_UNIT_UAPI_TEST_H
#define TESTS_UNIT_UAPI_TEST_H

#include <stddef.h>

struct uapi_value {
	const char *name;
	long value;
	int defined;
};

struct uapi_layout {
	const char *name;
	size_t offset, size;
};

extern const struct uapi_value host_values[];	  /* uapi_host.c */
extern const struct uapi_value host_gnu_values[]; /* uapi_host_gnu.c */
extern const struct uapi_layout host_layouts[];

#endif
