/* sys/sysinfo.h - sysinfo; struct sysinfo from kernel/uapi/sysinfo.h. */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <kernel/uapi/sysinfo.h>

int sysinfo(struct sysinfo *info);

#endif
