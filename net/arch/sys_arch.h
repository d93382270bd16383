/* net/arch/sys_arch.h - lwIP's operating-system types on kernel primitives.
 *
 *   sys_sem_t     a counting semaphore: a count and a wait queue
 *   sys_mutex_t   the kernel's sleeping lock (kernel/mutex.h); the tcpip
 *                 core lock is one
 *   sys_mbox_t    a mailbox: a ring of message pointers (kmalloc'ed at
 *                 sys_mbox_new) with a wait queue for each direction
 *   sys_thread_t  a kernel thread (struct task)
 *   sys_prot_t    sys_arch_protect's saved state: were interrupts on
 *
 * The types are embedded in lwIP's structures (a netconn holds its
 * mailboxes and semaphore), so none of them may move once created.  The
 * functions are in net/sys_arch.c; see there for the rules (who may
 * sleep, what runs from deferred work).
 */
#ifndef NET_ARCH_SYS_ARCH_H
#define NET_ARCH_SYS_ARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/mutex.h"
#include "kernel/task.h"

struct sys_sem {
	unsigned count;
	bool valid;
	struct wait_queue wq;
};
typedef struct sys_sem sys_sem_t;

typedef struct mutex sys_mutex_t;

struct sys_mbox {
	void **slots; /* NULL: not created (invalid) */
	unsigned size, head, count;
	struct wait_queue not_empty, not_full;
};
typedef struct sys_mbox sys_mbox_t;

typedef struct task *sys_thread_t;
typedef uint32_t sys_prot_t;

#define SYS_MBOX_NULL NULL
#define SYS_SEM_NULL NULL

#define sys_sem_valid(s) ((s) != NULL && (s)->valid)
#define sys_sem_set_invalid(s) ((s)->valid = false)
#define sys_sem_valid_val(s) ((s).valid)
#define sys_sem_set_invalid_val(s) ((s).valid = false)
#define sys_mbox_valid(m) ((m) != NULL && (m)->slots != NULL)
#define sys_mbox_set_invalid(m) ((m)->slots = NULL)
#define sys_mbox_valid_val(m) ((m).slots != NULL)
#define sys_mbox_set_invalid_val(m) ((m).slots = NULL)
/* a mutex is valid from sys_mutex_new on: nothing to check */
#define sys_mutex_valid(m) ((m) != NULL)
#define sys_mutex_set_invalid(m) ((void)(m))

/* The most bytes the tcpip thread's kernel stack has held (a painted
 * stack's high-water mark), for /proc/net/lwip; 0 before it runs. */
uint32_t sys_tcpip_stack_used(void);

#endif
