/* kernel/uapi/auxv.h - the auxiliary vector execve puts after envp on
 * the initial stack: pairs of 32-bit (type, value), ended by AT_NULL
 * (Linux's uapi/linux/auxvec.h).  Shared by the kernel and the libc. */
#ifndef UAPI_AUXV_H
#define UAPI_AUXV_H

#define AT_NULL 0
#define AT_IGNORE 1
#define AT_EXECFD 2
#define AT_PHDR 3 /* the program headers in memory */
#define AT_PHENT 4 /* their size: 32 */
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7 /* the interpreter's base (0: none) */
#define AT_FLAGS 8
#define AT_ENTRY 9 /* the program's entry point */
#define AT_NOTELF 10
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15 /* address of a string, e.g. "i686" */
#define AT_HWCAP 16 /* CPUID.1:EDX */
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_BASE_PLATFORM 24
#define AT_RANDOM 25 /* address of 16 random bytes */
#define AT_HWCAP2 26
#define AT_EXECFN 31 /* address of the executable's path */
#define AT_SYSINFO 32
#define AT_SYSINFO_EHDR 33

#endif
