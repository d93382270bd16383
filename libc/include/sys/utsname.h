/* sys/utsname.h - uname; struct utsname from kernel/uapi/utsname.h. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <kernel/uapi/utsname.h>

int uname(struct utsname *u);

#endif
