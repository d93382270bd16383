/* libc/pthread/tls.c - the main thread's thread pointer and TLS block,
 * set up first thing at start-up, and the TLS block of a new thread.
 *
 * The program's PT_TLS segment (found through AT_PHDR) describes its
 * `__thread` variables: an initial image (.tdata, p_filesz bytes)
 * followed by zeroes (.tbss, up to p_memsz).  i386 uses variant II: each
 * thread's copy ends just below the thread pointer, which the linker
 * assumed is aligned to p_align, and %gs:0 holds the thread pointer
 * itself.  The offset of the block below the thread pointer is musl's
 * and glibc's: p_memsz rounded so that the block starts at the same
 * position modulo p_align as the image does.
 *
 * The thread pointer reaches %gs through set_thread_area: a GDT TLS entry
 * with the thread pointer as its base, whose number every thread then
 * shares (clone's CLONE_SETTLS gives each its own base).  The errno of
 * the libc is a `__thread` variable, so every program has a TLS block,
 * however small: the main thread's sits in a static buffer unless the
 * program's own is big, when it gets a mapping.
 */
#include <asm/ldt.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>

#include "libc/internal/libc.h"
#include "libc/internal/pthread.h"
#include "libc/internal/syscall.h"

#define PT_TLS 7

struct phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr;
	uint32_t p_filesz, p_memsz, p_flags, p_align;
};

struct tls_image __tls;

#define MAIN_BUF (sizeof(struct pthread) + 512)
static unsigned char main_buf[MAIN_BUF] __attribute__((aligned(16)));

static void find_tls(unsigned long *auxv)
{
	const struct phdr *ph = NULL;
	unsigned long n = 0;
	size_t align = 1;

	for (; auxv[0] != AT_NULL; auxv += 2) {
		if (auxv[0] == AT_PHDR)
			ph = (const struct phdr *)auxv[1];
		else if (auxv[0] == AT_PHNUM)
			n = auxv[1];
	}
	for (unsigned long i = 0; ph && i < n; i++) {
		if (ph[i].p_type != PT_TLS)
			continue;
		__tls.init = (const void *)ph[i].p_vaddr;
		__tls.init_size = ph[i].p_filesz;
		__tls.size = ph[i].p_memsz;
		if (ph[i].p_align > 1)
			align = ph[i].p_align;
		__tls.offset =
		    __tls.size + ((-__tls.size - ph[i].p_vaddr) & (align - 1));
	}
	__tls.align = align > 16 ? align : 16;
}

void __tls_init_block(struct pthread *tp)
{
	tp->self = tp;
	memcpy((char *)tp - __tls.offset, __tls.init, __tls.init_size);
}

static _Noreturn void die(const char *msg)
{
	__syscall3(SYS_write, 2, msg, strlen(msg));
	for (;;)
		__syscall1(SYS_exit_group, 127);
}

/* Called by __libc_start_main before anything else: nothing may touch
 * errno (or any __thread variable) before %gs is loaded. */
void __init_tls(unsigned long *auxv)
{
	size_t need;
	uintptr_t mem = (uintptr_t)main_buf;
	struct pthread *tp;
	struct user_desc d = {.entry_number = -1,
			      .limit = 0xfffff,
			      .seg_32bit = 1,
			      .limit_in_pages = 1,
			      .useable = 1};

	find_tls(auxv);
	need = __tls.offset + sizeof(struct pthread) + __tls.align;
	if (need > sizeof(main_buf)) {
		long r = __syscall6(SYS_mmap2, 0, need, PROT_READ | PROT_WRITE,
				    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if ((unsigned long)r > -4096UL)
			die("libc: no memory for the TLS block\n");
		mem = r;
	}
	tp = (struct pthread *)((mem + __tls.offset + __tls.align - 1) &
				-__tls.align);
	__tls_init_block(tp);
	d.base_addr = (uintptr_t)tp;
	if (__syscall1(SYS_set_thread_area, &d) < 0)
		die("libc: set_thread_area failed\n");
	__tls.entry = d.entry_number;
	__asm__ __volatile__("movw %w0, %%gs" ::"q"(d.entry_number * 8 + 3)
			     : "memory");
}
