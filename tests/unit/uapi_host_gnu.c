/* tests/unit/uapi_host_gnu.c - the host's values again, with _GNU_SOURCE,
 * for the names glibc defines only then (AT_EMPTY_PATH, POLLRDHUP,
 * SA_RESTORER, CLONE_*...).  uapi_host.c cannot use _GNU_SOURCE: it turns
 * SIGSTKSZ and MINSIGSTKSZ into sysconf() calls, left out here. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/stat.h>

#undef SIGSTKSZ
#undef MINSIGSTKSZ

#include "uapi_test.h"

const struct uapi_value host_gnu_values[] = {
#include "uapi_names.h"
    {NULL, 0, 0},
};
