/* tests/os/fuzz.c - random system calls with hostile arguments.
 *
 * Children make seeded random calls (numbers 0-449 but the ones that
 * would end or stall the run: exit, fork, execve, kill, reboot, pause,
 * sleeps and polls, sigreturn, rt_sigaction) with arguments drawn from
 * NULL, small numbers, -1, kernel addresses, unmapped user addresses,
 * a junk buffer (also at the very end of its page) and huge values, in
 * the case's scratch directory.  A child may die of its own deeds (it may
 * unmap its stack); that only means the next one starts.  The kernel must
 * survive all of it, and afterwards a file written and read back proves
 * the system still works.  FUZZ_CALLS sets how many calls (default
 * 100000), FUZZ_SEED the first seed.  On any other system (the Linux
 * host runs every tests/os program) the case is skipped: random calls as
 * root are not safe there.
 */
#include "t.h"

#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#define CHUNK 2000 /* calls per child */
#define CHILD_BUDGET_MS 5000

static uint32_t rng;

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static bool denied(uint32_t nr)
{
	static const uint32_t deny[] = {
		SYS_exit, SYS_exit_group, SYS_fork, SYS_vfork, SYS_clone,
		SYS_execve, SYS_kill, SYS_tkill, SYS_tgkill, SYS_reboot,
		SYS_pause, SYS_nanosleep, SYS_poll, SYS__newselect, SYS_pselect6,
		SYS_ppoll, SYS_sigreturn, SYS_rt_sigreturn, SYS_rt_sigaction,
		SYS_rt_sigsuspend, SYS_sigsuspend, SYS_wait4, SYS_waitpid,
		SYS_select, SYS_alarm, SYS_clock_nanosleep, SYS_setsid,
	};
	for (size_t i = 0; i < sizeof(deny) / sizeof(deny[0]); i++)
		if (nr == deny[i])
			return true;
	return false;
}

static uint8_t junk[8192] __attribute__((aligned(4096)));

static uint32_t arg(void)
{
	switch (next() % 10) {
	case 0: return 0;
	case 1: return next() % 64;
	case 2: return (uint32_t)-1;
	case 3: return 0xC0000000u + next() % 0x40000000u; /* the kernel */
	case 4: return 0x10000000u + (next() & 0x0FFFF000u); /* unmapped */
	case 5: return (uint32_t)junk + next() % sizeof(junk);
	case 6: return (uint32_t)junk + sizeof(junk) - next() % 8; /* page end */
	case 7: return next();
	case 8: return 0xFFFFF000u + next() % 0x1000u;
	default: return (uint32_t)junk;
	}
}

/* One child's share: CHUNK calls from seed; exits 0 if it got through. */
static void fuzz_chunk(uint32_t seed)
{
	rng = seed ? seed : 1;
	for (int i = 0; i < CHUNK; i++) {
		uint32_t nr = next() % 450;
		uint32_t a[6];

		if (denied(nr))
			continue;
		for (int k = 0; k < 6; k++)
			a[k] = arg();
		if (next() % 4 == 0) /* refill the junk now and then */
			for (int k = 0; k < 64; k++)
				junk[next() % sizeof(junk)] = (uint8_t)next();
		syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	}
	_exit(0);
}

/* Waits for pid up to the budget, killing it if it is stuck; returns
 * whether it finished its chunk. */
static bool supervise(pid_t pid)
{
	struct timespec tick = { 0, 10 * 1000000 };
	int st;

	for (int ms = 0; ms < CHILD_BUDGET_MS; ms += 10) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			return WIFEXITED(st) && WEXITSTATUS(st) == 0;
		nanosleep(&tick, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return false;
}

static bool on_this_os(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.sysname, "TeachOS");
}

static void random_syscalls(void)
{
	const char *env = getenv("FUZZ_CALLS"), *s = getenv("FUZZ_SEED");
	long want = env ? atoi(env) : 100000;
	uint32_t seed = s ? (uint32_t)atoi(s) : 20261121u;
	long done = 0, chunks = 0, deaths = 0;
	char buf[8] = { 0 };

	/* Random calls with random pointers as root could change a real
	 * host's clock, name or mounts: on Linux this case does nothing. */
	if (!on_this_os()) {
		write(1, "# not on TeachOS: skipped\n", 26);
		return;
	}
	/* stdin must not be the console: a read there would wait for a line */
	int null = T_OK(open("/dev/null", O_RDWR));
	T_OK(dup2(null, 0));
	while (done < want && chunks < want / CHUNK * 4 + 8) {
		pid_t pid = T_OK(fork());

		if (!pid)
			fuzz_chunk(seed + (uint32_t)chunks * 7919u);
		if (supervise(pid))
			done += CHUNK;
		else
			deaths++;
		chunks++;
	}
	T_TRUE(done >= want);
	/* and the system still works */
	/* in the root: the children may have renamed or removed our scratch
	 * directory, as they may do anything there */
	int fd = T_OK(open("/after-fuzz", O_RDWR | O_CREAT | O_TRUNC, 0644));
	long w = write(fd, "alive", 5);
	if (w != 5)
		T_FAIL("write after the fuzz: got %ld (errno %d)", w, errno);
	T_EQ(pread(fd, buf, 5, 0), 5);
	T_EQ(strcmp(buf, "alive"), 0);
	T_OK(close(fd));
	T_OK(unlink("/after-fuzz"));
	char note[96];
	int n = snprintf(note, sizeof(note), "# %ld calls in %ld children (%ld died)\n",
			 done, chunks, deaths);
	write(1, note, (size_t)n);
}

static const struct t_case cases[] = {
	T(random_syscalls),
};

T_MAIN(cases, NULL)
