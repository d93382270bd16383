/* tests/os/libc_malloc.c - malloc, free, calloc, realloc and the aligned
 * allocators: a randomized workload with content checks, where the
 * memory comes from (brk for small blocks, a mapping for large ones,
 * unmapped by free), and that misuse ends in a message and SIGABRT. */
#include <stdint.h>
#include <sys/mman.h>

#include "t.h"

static uint32_t rng_state = 12345;

/* xorshift32: the test's own generator, independent of rand() */
static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* the byte at offset i of a block filled with seed */
static unsigned char pattern(uint32_t seed, size_t i)
{
	return (unsigned char)(seed * 31 + i * 7 + (i >> 8));
}

static void fill(unsigned char *p, size_t n, uint32_t seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = pattern(seed, i);
}

static int intact(const unsigned char *p, size_t n, uint32_t seed)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != pattern(seed, i))
			return 0;
	return 1;
}

static void basic_alignment_and_distinct(void)
{
	char *p[64];

	for (int i = 0; i < 64; i++) {
		p[i] = malloc(i * 3);
		T_TRUE(p[i] != NULL);
		T_EQ((uintptr_t)p[i] % 16, 0);
		memset(p[i], i, i * 3);
	}
	for (int i = 0; i < 64; i++) {
		for (int j = 0; j < i * 3; j++)
			T_EQ(p[i][j], i);
		free(p[i]);
	}
	free(NULL);
}

static void malloc_zero_gives_unique_pointers(void)
{
	void *a = malloc(0), *b = malloc(0);

	T_TRUE(a && b && a != b);
	free(a);
	free(b);
}

/* Thousands of blocks of random sizes (mostly small, some large enough
 * to be mapped), allocated, checked, reallocated and freed at random. */
static void random_workload(void)
{
	enum { SLOTS = 1500, STEPS = 40000 };
	static unsigned char *ptr[SLOTS];
	static size_t len[SLOTS];
	static uint32_t seed[SLOTS];

	for (int step = 0; step < STEPS; step++) {
		int i = rng() % SLOTS;
		uint32_t r = rng();
		size_t n = r % 100 < 90 ? rng() % 512
			   : r % 100 < 98 ? rng() % 16384
					  : rng() % (400 * 1024);

		if (ptr[i] && !intact(ptr[i], len[i], seed[i]))
			T_FAIL("step %d: block %d (%zu bytes) changed", step,
			       i, len[i]);
		if (!ptr[i]) {
			ptr[i] = malloc(n);
			T_TRUE(ptr[i] != NULL);
			T_EQ((uintptr_t)ptr[i] % 16, 0);
		} else if (r % 3 == 0) {
			free(ptr[i]);
			ptr[i] = NULL;
			continue;
		} else {
			unsigned char *q = realloc(ptr[i], n ? n : 1);

			T_TRUE(q != NULL);
			n = n ? n : 1;
			size_t kept = n < len[i] ? n : len[i];
			if (!intact(q, kept, seed[i]))
				T_FAIL("step %d: realloc %zu -> %zu lost data",
				       step, len[i], n);
			ptr[i] = q;
		}
		len[i] = n;
		seed[i] = rng();
		fill(ptr[i], n, seed[i]);
	}
	for (int i = 0; i < SLOTS; i++) {
		if (ptr[i] && !intact(ptr[i], len[i], seed[i]))
			T_FAIL("block %d changed", i);
		free(ptr[i]);
	}
}

static void calloc_zeroes_reused_memory(void)
{
	for (int round = 0; round < 50; round++) {
		size_t n = 16 + round * 37;
		unsigned char *p = malloc(n);

		memset(p, 0xff, n);
		free(p);
		p = calloc(n, 1);
		T_TRUE(p != NULL);
		for (size_t i = 0; i < n; i++)
			T_EQ(p[i], 0);
		free(p);
	}
	unsigned char *big = calloc(1, 300000);
	T_TRUE(big != NULL);
	T_EQ(big[0] | big[150000] | big[299999], 0);
	free(big);
}

static void calloc_overflow_is_enomem(void)
{
	errno = 0;
	T_TRUE(calloc(0x10000, 0x10001) == NULL);
	T_EQ(errno, ENOMEM);
}

static void huge_request_is_enomem(void)
{
	errno = 0;
	T_TRUE(malloc((size_t)-16) == NULL);
	T_EQ(errno, ENOMEM);
	errno = 0;
	T_TRUE(malloc(0xc0000000u) == NULL);
	T_EQ(errno, ENOMEM);
}

static void realloc_edge_cases(void)
{
	char *p = realloc(NULL, 10);

	T_TRUE(p != NULL);
	strcpy(p, "abcdefghi");
	errno = 0;
	T_TRUE(realloc(p, (size_t)-16) == NULL);
	T_EQ(errno, ENOMEM);
	T_STREQ(p, "abcdefghi"); /* still there after the failure */
	p = realloc(p, 200000); /* heap -> mapping */
	T_STREQ(p, "abcdefghi");
	p = realloc(p, 1000000); /* mapping -> bigger mapping */
	T_STREQ(p, "abcdefghi");
	p = realloc(p, 150000); /* shrinks in place */
	T_STREQ(p, "abcdefghi");
	p = realloc(p, 20); /* back to the heap */
	T_STREQ(p, "abcdefghi");
	T_TRUE(realloc(p, 0) == NULL); /* frees, as glibc */
}

static void small_blocks_come_from_brk(void)
{
	void *p = malloc(100);
	char *before = sbrk(0);
	void *q[100];

	for (int i = 0; i < 100; i++)
		q[i] = malloc(1000);
	T_TRUE((char *)sbrk(0) > before);
	T_TRUE((char *)q[0] < (char *)sbrk(0));
	for (int i = 0; i < 100; i++)
		free(q[i]);
	free(p);
}

static void large_blocks_leave_brk_alone(void)
{
	free(malloc(10)); /* the heap exists */
	char *before = sbrk(0);
	char *p = malloc(1 << 20);

	T_TRUE(p != NULL);
	memset(p, 1, 1 << 20);
	T_TRUE((char *)sbrk(0) == before);
	T_TRUE(p > before || p + (1 << 20) < before);
	free(p);
}

/* freed large memory is gone: touching it faults */
static void freed_large_block_is_unmapped(void)
{
	char *p = malloc(1 << 20);

	memset(p, 1, 1 << 20);
	free(p);
	t_poke((unsigned long)p + 4096, 2);
}

static void freed_heap_end_is_trimmed(void)
{
	enum { N = 2000 };
	static void *p[N];

	free(malloc(10));
	char *start = sbrk(0);
	for (int i = 0; i < N; i++)
		p[i] = malloc(1000);
	T_TRUE((char *)sbrk(0) >= start + N * 1000);
	for (int i = N - 1; i >= 0; i--)
		free(p[i]);
	T_TRUE((char *)sbrk(0) < start + 256 * 1024);
}

static void aligned_allocations(void)
{
	for (size_t align = 16; align <= 65536; align *= 2) {
		for (size_t n = 1; n < 300000; n = n * 7 + 3) {
			void *a = aligned_alloc(align, n), *b = NULL;

			T_TRUE(a != NULL);
			T_EQ((uintptr_t)a % align, 0);
			memset(a, 0x5a, n);
			T_EQ(posix_memalign(&b, align, n), 0);
			T_EQ((uintptr_t)b % align, 0);
			memset(b, 0x5b, n);
			T_EQ(((unsigned char *)a)[n - 1], 0x5a);
			free(a);
			free(b);
		}
	}
}

static void aligned_bad_alignment(void)
{
	void *p = (void *)1;

	T_EQ(posix_memalign(&p, 24, 10), EINVAL);
	T_EQ(posix_memalign(&p, 2, 10), EINVAL);
	T_TRUE(p == (void *)1);
	errno = 0;
	T_TRUE(aligned_alloc(48, 10) == NULL);
	T_EQ(errno, EINVAL);
}

/* --- misuse: a message on stderr, then SIGABRT */

/* the message goes to /dev/null, not into the test's output */
static void quiet(void)
{
	int fd = open("/dev/null", O_WRONLY);

	dup2(fd, 2);
	close(fd);
}

static void double_free_small(void)
{
	void *p = malloc(40);

	quiet();
	free(p);
	free(p);
}

static void double_free_after_merge(void)
{
	void *a = malloc(40), *b = malloc(40), *c = malloc(40);

	quiet();
	free(a);
	free(b); /* merged into a's chunk */
	free(b);
	free(c);
}

static void double_free_large(void)
{
	void *p = malloc(1 << 20);

	quiet();
	free(p);
	free(p);
}

static void overflow_by_one_byte(void)
{
	char *p = malloc(24);

	quiet();
	memset(p, 'x', 25);
	free(p);
}

static void overflow_into_next_header(void)
{
	char *p = malloc(32), *q = malloc(32);

	quiet();
	memset(p, 'x', 80);
	free(q);
	free(p);
}

static void overflow_on_realloc(void)
{
	char *p = malloc(300000);

	quiet();
	p[300000] = 1;
	p = realloc(p, 400000);
}

static void free_of_stack_pointer(void)
{
	char buf[64];

	quiet();
	free(buf + 16);
}

static void free_of_interior_pointer(void)
{
	char *p = malloc(100);

	quiet();
	free(p + 16);
}

/* the report names the problem: run a misuse in a child, read stderr */
static void double_free_message(void)
{
	int fds[2], st;
	char buf[256] = "";

	T_OK(pipe(fds));
	pid_t pid = t_fork();
	if (pid == 0) {
		void *p = malloc(40);

		dup2(fds[1], 2);
		free(p);
		free(p);
		_exit(0);
	}
	close(fds[1]);
	T_TRUE(read(fds[0], buf, sizeof(buf) - 1) > 0);
	st = t_wait(pid);
	T_KILLED(st, SIGABRT);
	T_TRUE(strstr(buf, "free(): double free: 0x") != NULL);
	T_TRUE(strstr(buf, "libc_malloc: ") == buf);
}

static const struct t_case cases[] = {
    T(basic_alignment_and_distinct),
    T(malloc_zero_gives_unique_pointers),
    T(random_workload),
    T(calloc_zeroes_reused_memory),
    T(calloc_overflow_is_enomem),
    T(huge_request_is_enomem),
    T(realloc_edge_cases),
    T(small_blocks_come_from_brk),
    T(large_blocks_leave_brk_alone),
    T_SIG(freed_large_block_is_unmapped, SIGSEGV),
    T(freed_heap_end_is_trimmed),
    T(aligned_allocations),
    T(aligned_bad_alignment),
    T_SIG(double_free_small, SIGABRT),
    T_SIG(double_free_after_merge, SIGABRT),
    T_SIG(double_free_large, SIGABRT),
    T_SIG(overflow_by_one_byte, SIGABRT),
    T_SIG(overflow_into_next_header, SIGABRT),
    T_SIG(overflow_on_realloc, SIGABRT),
    T_SIG(free_of_stack_pointer, SIGABRT),
    T_SIG(free_of_interior_pointer, SIGABRT),
    T(double_free_message),
};

T_MAIN(cases, NULL)
