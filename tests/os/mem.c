/* tests/os/mem.c - the address space: brk/sbrk growth and shrink,
 * anonymous private mmap (demand-zero), munmap, mprotect and the faults
 * they cause, the errors (EINVAL, ENOMEM), the stack growing, system
 * calls writing into untouched, copy-on-write and read-only pages.
 */
#include <sys/mman.h>
#include <sys/syscall.h>

#include "t.h"

#define PAGE 4096
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static char *map(size_t len, int prot)
{
	char *p = mmap(NULL, len, prot, ANON, -1, 0);

	if (p == MAP_FAILED)
		T_FAIL("mmap %zu: %s", len, t_errname(errno));
	return p;
}

static void check_zero(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i])
			T_FAIL("byte %zu is %d, want 0", i, p[i]);
}

static void sbrk_grow_shrink(void)
{
	char *base = sbrk(0);

	T_TRUE(base != (void *)-1);
	T_TRUE(sbrk(4 * PAGE) == base);
	T_TRUE(sbrk(0) == base + 4 * PAGE);
	check_zero(base, 4 * PAGE);
	memset(base, 0x5a, 4 * PAGE);
	T_TRUE(sbrk(-2 * PAGE) == base + 4 * PAGE);
	T_TRUE(sbrk(0) == base + 2 * PAGE);
	for (int i = 0; i < 2 * PAGE; i++)
		T_EQ(base[i], 0x5a);
	/* grown again, the memory given back comes back zeroed */
	T_TRUE(sbrk(2 * PAGE) == base + 2 * PAGE);
	check_zero(base + 3 * PAGE, PAGE);
	T_TRUE(sbrk(-4 * PAGE) == base + 4 * PAGE);
	T_TRUE(sbrk(0) == base);
}

static void touch_after_shrink(void)
{
	char *base = sbrk(0);

	sbrk(4 * PAGE);
	base[4 * PAGE - 1] = 1;
	sbrk(-4 * PAGE);
	base[4 * PAGE - 1] = 2; /* at least one page past the break: SIGSEGV */
}

static void sbrk_large(void)
{
	char *base = sbrk(8 << 20);

	T_TRUE(base != (void *)-1);
	for (int i = 0; i < 8 << 20; i += PAGE)
		T_EQ(base[i], 0);
	for (int i = 0; i < 8 << 20; i += PAGE)
		base[i + 1] = (char)(i >> 12);
	for (int i = 0; i < 8 << 20; i += PAGE)
		T_EQ(base[i + 1], (char)(i >> 12));
}

/* brk (45) itself: returns the new break, or the old one when it will not move
 */
static void brk_syscall(void)
{
	unsigned long cur = syscall(SYS_brk, 0);

	T_TRUE(cur != 0);
	T_EQX(syscall(SYS_brk, 0), cur);
	T_EQX(syscall(SYS_brk, cur + PAGE), cur + PAGE);
	*(volatile char *)cur = 1;
	T_EQX(syscall(SYS_brk, cur), cur);
	T_EQX(syscall(SYS_brk, 0x1000), cur); /* below the program: refused */
	T_EQX(syscall(SYS_brk, 0xfffff000), cur); /* far too high: refused */
	T_ERR(brk((void *)t_user_end()), ENOMEM);
	T_TRUE(sbrk(0) == (void *)cur);
}

static void mmap_anon(void)
{
	char *p = map(3 * PAGE, RW);
	char *q = map(PAGE, RW);

	T_EQ((unsigned long)p % PAGE, 0);
	T_TRUE(q + PAGE <= p || q >= p + 3 * PAGE);
	check_zero(p, 3 * PAGE);
	memset(p, 0x33, 3 * PAGE);
	q[0] = 1;
	for (int i = 0; i < 3 * PAGE; i++)
		T_EQ(p[i], 0x33);
	T_OK(munmap(p, 3 * PAGE));
	T_OK(munmap(q, PAGE));
	/* an odd length is rounded up to whole pages */
	p = map(100, RW);
	p[PAGE - 1] = 1;
	T_OK(munmap(p, 100));
}

static void mmap_demand_zero(void)
{
	const size_t len = 16 << 20;
	char *p = map(len, RW);
	unsigned long sum = 0;

	for (size_t i = 0; i < len; i += PAGE)
		sum += p[i] + p[i + PAGE - 1];
	T_EQ(sum, 0);
	for (size_t i = 0; i < len; i += PAGE)
		p[i + 7] = (char)(i >> 12);
	for (size_t i = 0; i < len; i += PAGE)
		T_EQ(p[i + 7], (char)(i >> 12));
	T_OK(munmap(p, len));
}

static void touch_after_munmap(void)
{
	char *p = map(PAGE, RW);

	p[0] = 1;
	T_OK(munmap(p, PAGE));
	p[0] = 2;
}

static char *hole_map;

static void touch_hole(void)
{
	hole_map[PAGE] = 1;
}

static void touch_below_hole(void)
{
	hole_map[PAGE - 1] = 1;
	hole_map[2 * PAGE] = 1;
}

static void munmap_middle(void)
{
	hole_map = map(3 * PAGE, RW);
	memset(hole_map, 7, 3 * PAGE);
	T_OK(munmap(hole_map + PAGE, PAGE));
	T_EQ(hole_map[0], 7);
	T_EQ(hole_map[2 * PAGE], 7);
	T_KILLED(t_run(touch_hole), SIGSEGV);
	T_EXITED(t_run(touch_below_hole), 0);
	/* unmapping what is not mapped is fine */
	T_OK(munmap(hole_map + PAGE, PAGE));
	T_OK(munmap(hole_map, 3 * PAGE));
}

static void write_readonly(void)
{
	char *p = map(PAGE, RW);

	p[0] = 1;
	T_OK(mprotect(p, PAGE, PROT_READ));
	T_EQ(p[0], 1);
	p[0] = 2;
}

static void read_none(void)
{
	char *p = map(PAGE, RW);

	T_OK(mprotect(p, PAGE, PROT_NONE));
	T_EQ(*(volatile char *)p, 0);
}

static void write_readonly_map(void)
{
	char *p = map(PAGE, PROT_READ);

	T_EQ(p[0], 0);
	p[0] = 2;
}

static void mprotect_back(void)
{
	char *p = map(2 * PAGE, RW);

	memset(p, 9, 2 * PAGE);
	T_OK(mprotect(p, 2 * PAGE, PROT_READ));
	T_OK(mprotect(p, PAGE, RW));
	p[0] = 1;
	T_EQ(p[1], 9);
	T_EQ(p[PAGE], 9);
	T_OK(mprotect(p + PAGE, PAGE, RW | PROT_EXEC));
	p[PAGE] = 3;
	T_EQ(p[PAGE + 1], 9);
}

static void mmap_errors(void)
{
	T_TRUE(mmap(NULL, 0, RW, ANON, -1, 0) == MAP_FAILED);
	T_EQ(errno, EINVAL);
	T_TRUE(mmap(NULL, PAGE, RW, MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
	T_EQ(errno, EINVAL);
	T_TRUE(mmap((void *)0x50000123, PAGE, RW, ANON | MAP_FIXED, -1, 0) ==
	       MAP_FAILED);
	T_EQ(errno, EINVAL);
	T_TRUE(mmap(NULL, 0xf8000000, RW, ANON, -1, 0) == MAP_FAILED);
	T_EQ(errno, ENOMEM);
	T_TRUE(mmap(NULL, 0xfffff000, RW, ANON, -1, 0) == MAP_FAILED);
	T_EQ(errno, ENOMEM);
	T_TRUE(mmap(NULL, PAGE, RW, MAP_PRIVATE, -1, 0) == MAP_FAILED);
	T_EQ(errno, EBADF);
	T_ERR(syscall(SYS_mmap2, 0, 0, RW, ANON, -1, 0), EINVAL);
	char *p = map(PAGE, RW);
	T_ERR(munmap(p + 1, PAGE), EINVAL);
	T_ERR(munmap(p, 0), EINVAL);
	T_ERR(mprotect(p + 1, PAGE, PROT_READ), EINVAL);
	T_ERR(mprotect(p, PAGE, 0x100), EINVAL);
	T_OK(munmap(p, PAGE));
	T_ERR(mprotect(p, PAGE, PROT_READ), ENOMEM); /* nothing mapped there */
	/* the kernel's half of the address space is not for mapping */
	T_ERR(munmap((void *)t_user_end(), PAGE), EINVAL);
}

static void mmap_fixed(void)
{
	char *want = (char *)0x50000000;
	char *p = mmap(want, 2 * PAGE, RW, ANON | MAP_FIXED, -1, 0);

	T_TRUE(p == want);
	check_zero(p, 2 * PAGE);
	memset(p, 1, 2 * PAGE);
	/* MAP_FIXED over a mapping replaces it: fresh zero pages */
	T_TRUE(mmap(want + PAGE, PAGE, RW, ANON | MAP_FIXED, -1, 0) ==
	       want + PAGE);
	T_EQ(p[0], 1);
	T_EQ(p[PAGE], 0);
	/* a hint without MAP_FIXED still gives some page-aligned mapping */
	char *q = mmap(want, PAGE, RW, ANON, -1, 0);
	T_TRUE(q != MAP_FAILED && (unsigned long)q % PAGE == 0 && q != want);
	T_OK(munmap(p, 2 * PAGE));
}

static void mmap_many(void)
{
	for (int i = 0; i < 2000; i++) {
		char *p = map(2 * PAGE, RW);
		p[PAGE] = 1;
		T_OK(munmap(p, 2 * PAGE));
	}
}

/* 512 KiB of stack, touched from the top down as a program would */
static int deep(int n)
{
	volatile char frame[4000];

	frame[0] = (char)n;
	frame[3999] = (char)n;
	return n == 0 ? 0 : deep(n - 1) + frame[0] - (char)n + 1;
}

static void stack_grows(void)
{
	T_EQ(deep(128), 128);
}

static void write_text(void)
{
	*(volatile unsigned char *)(void *)stack_grows = 0xc3;
}

/* The kernel writing into user memory that is not there yet (demand
 * zero), shared with another process (copy-on-write), or read-only. */
static void syscall_into_fresh_pages(void)
{
	static char shared[PAGE]; /* .bss, shared with the child after fork */
	char *anon = map(PAGE, RW);
	char *heap = sbrk(PAGE);
	int p[2];

	t_write_file("f", "hello", 5);
	int fd = T_OK(open("f", O_RDONLY));
	T_EQ(pread(fd, anon + 100, 5, 0), 5);
	T_MEMEQ(anon + 100, "hello", 5);
	T_EQ(pread(fd, heap + 7, 5, 0), 5);
	T_MEMEQ(heap + 7, "hello", 5);
	struct stat *st = (struct stat *)map(PAGE, RW);
	T_OK(fstat(fd, st));
	T_EQ(st->st_size, 5);
	/* after fork, a read() into a shared page must copy it first */
	shared[0] = 'P';
	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		T_EQ(pread(fd, shared, 5, 0), 5);
		T_MEMEQ(shared, "hello", 5);
		T_EQ(pipe(p), 0); /* the kernel writes the fds into .bss too */
		_exit(0);
	}
	T_EXITED(t_wait(pid), 0);
	T_EQ(shared[0], 'P');
	T_EQ(shared[1], 0);
	/* and never into a read-only page */
	T_OK(mprotect(anon, PAGE, PROT_READ));
	T_ERR(pread(fd, anon, 5, 0), EFAULT);
	T_EQ(anon[0], 0);
	T_ERR(fstat(fd, (struct stat *)anon), EFAULT);
	T_ERR(read(fd, (void *)(unsigned long)stack_grows, 1),
	      EFAULT); /* program text */
}

static const struct t_case cases[] = {
    T(sbrk_grow_shrink),
    T_SIG(touch_after_shrink, SIGSEGV),
    T(sbrk_large),
    T(brk_syscall),
    T(mmap_anon),
    T(mmap_demand_zero),
    T_SIG(touch_after_munmap, SIGSEGV),
    T(munmap_middle),
    T_SIG(write_readonly, SIGSEGV),
    T_SIG(read_none, SIGSEGV),
    T_SIG(write_readonly_map, SIGSEGV),
    T(mprotect_back),
    T(mmap_errors),
    T(mmap_fixed),
    T(mmap_many),
    T(stack_grows),
    T_SIG(write_text, SIGSEGV),
    T(syscall_into_fresh_pages),
};

T_MAIN(cases, NULL)
