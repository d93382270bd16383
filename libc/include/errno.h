/* errno.h - errno and Linux's error numbers (from kernel/uapi/errno.h,
 * shared with the kernel).  System-call wrappers set errno only on
 * failure, through __syscall_ret. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <kernel/uapi/errno.h>

#define EWOULDBLOCK EAGAIN

int *__errno_location(void);
#define errno (*__errno_location())

/* argv[0], and its part after the last '/' (GNU; set at startup) */
extern char *program_invocation_name;
extern char *program_invocation_short_name;

#endif
