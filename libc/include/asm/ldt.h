/* asm/ldt.h - struct user_desc for set_thread_area, where Linux programs
 * look for it (kernel/uapi/ldt.h). */
#ifndef _ASM_LDT_H
#define _ASM_LDT_H

#include <kernel/uapi/ldt.h>

#endif
