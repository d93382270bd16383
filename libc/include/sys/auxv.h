/* sys/auxv.h - the auxiliary vector execve left on the initial stack. */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <kernel/uapi/auxv.h>

/* the value of entry type, or 0 (errno ENOENT) when there is none */
unsigned long getauxval(unsigned long type);

#endif
