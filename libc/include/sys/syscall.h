/* sys/syscall.h - SYS_xxx system-call numbers, for syscall(). */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <bits/syscall.h>

#endif
