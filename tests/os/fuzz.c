/* tests/os/fuzz.c - random system calls with hostile arguments.
 *
 * Children make seeded random calls (numbers 0-449 but the ones that
 * would end or stall the run: exit, fork, execve, kill, reboot, pause,
 * sleeps and polls, sigreturn, rt_sigaction) with arguments drawn from
 * NULL, small numbers, -1, kernel addresses, unmapped user addresses,
 * a junk buffer (also at the very end of its page) and huge values, in
 * the case's scratch directory.  A child may die of its own deeds (it may
 * unmap its stack); that only means the next one starts.  The kernel must
 * survive all of it.  FUZZ_CALLS sets how many calls (default 100000),
 * FUZZ_SEED the first seed.
 *
 * Afterwards the system must still work: fork and wait, fork and execve,
 * and a new file written (through an indirect block) and read back.
 * First the parent removes what the children left in the scratch
 * directory: they may fill the disk for real (a write of a few hundred
 * MiB from memory a child mapped is a legal call; the default seed's
 * children fill the test disk), and a full disk is not a broken one.
 * Its "#" line counts what it removed.
 *
 * On any other system (the Linux host runs every tests/os program) the
 * case is skipped: random calls as root are not safe there.
 */
/* 5-12 s on an idle host under TCG; room for a loaded one (t.h: 30 s) */
#define T_TIMEOUT_MS 240000
#include "t.h"

#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#define CHUNK 2000 /* calls per child */
#define CHECK_BYTES (64 * 1024) /* the file written afterwards */
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

/* Removes the entries of one getdents64 batch of fd (the current
 * directory); returns how many, adding their 512-byte blocks to *blocks. */
static int remove_batch(int fd, long long *blocks)
{
	char buf[1024];
	int n = (int)T_OK(getdents64(fd, buf, sizeof(buf))), removed = 0;

	for (int off = 0; off < n;) {
		struct dirent *d = (struct dirent *)(buf + off);
		struct stat st;

		off += d->d_reclen;
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		if (!lstat(d->d_name, &st))
			*blocks += st.st_blocks;
		if (t_rmtree(d->d_name) < 0)
			T_FAIL("removing the children's \"%s\": %s", d->d_name,
			       t_errname(errno));
		removed++;
	}
	return n ? removed : -1;
}

/* Removes everything in the current directory (the children's cwd,
 * wherever they may have renamed it); returns the 512-byte blocks freed. */
static long long remove_leftovers(int *entries)
{
	long long blocks = 0;
	int fd = T_OK(open(".", O_RDONLY | O_DIRECTORY)), got;

	*entries = 0;
	/* to the end of the directory, then again from its start (records
	 * move as others go) until a whole pass finds nothing to remove */
	for (int pass = 0;; pass = 0) {
		while ((got = remove_batch(fd, &blocks)) >= 0)
			pass += got;
		*entries += pass;
		if (!pass)
			break;
		T_OK(lseek(fd, 0, SEEK_SET));
	}
	T_OK(close(fd));
	return blocks;
}

/* --helper alive: the program execve'd after the fuzz */
static int helper(int argc, char **argv)
{
	return argc == 1 && !strcmp(argv[0], "alive") ? 42 : 127;
}

/* Processes still come and go: fork+wait, then fork+execve. */
static void check_processes(void)
{
	char *argv[] = { (char *)t_self, "--helper", "alive", NULL };
	pid_t pid = t_fork();

	if (!pid)
		_exit(7);
	T_EXITED(t_wait(pid), 7);
	pid = t_fork();
	if (!pid) {
		execve(t_self, argv, (char *[]){ NULL });
		_exit(100 + errno);
	}
	T_EXITED(t_wait(pid), 42);
}

/* A new file takes blocks (with an indirect one) and reads back. */
static void check_files(void)
{
	static uint8_t out[CHECK_BYTES], back[CHECK_BYTES];
	char path[64];
	long n;

	/* in the root: the children may have renamed or removed our scratch
	 * directory, as they may do anything there */
	snprintf(path, sizeof(path), "/after-fuzz-%d", (int)getpid());
	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = (uint8_t)(i * 7 + i / 251);
	int fd = T_OK(open(path, O_RDWR | O_CREAT | O_EXCL, 0644));
	n = write(fd, out, sizeof(out));
	if (n != (long)sizeof(out))
		T_FAIL("write after the fuzz: got %ld (%s)", n,
		       n < 0 ? t_errname(errno) : "short");
	T_EQ(pread(fd, back, sizeof(back), 0), sizeof(back));
	T_MEMEQ(back, out, sizeof(out));
	T_OK(close(fd));
	T_OK(unlink(path));
}

/* A range that runs past user space is refused whole (i386 Linux:
 * access_ok on the full count, then a count past SSIZE_MAX is EINVAL),
 * never cut to the part that happens to be mapped. */
static void check_huge_counts(void)
{
	int fd = T_OK(open("/dev/null", O_WRONLY));

	T_ERR(write(fd, junk + sizeof(junk) - 5, (size_t)-592), EFAULT);
	T_ERR(write(fd, junk, 0x80000000u), EINVAL);
	T_ERR(read(fd, junk, (size_t)-1), EFAULT);
	T_OK(close(fd));
}

static void random_syscalls(void)
{
	const char *env = getenv("FUZZ_CALLS"), *s = getenv("FUZZ_SEED");
	long want = env ? atoi(env) : 100000;
	uint32_t seed = s ? (uint32_t)atoi(s) : 20261121u;
	long done = 0, chunks = 0, deaths = 0;
	long long freed;
	int left;

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
	freed = remove_leftovers(&left);
	dprintf(1, "# %ld calls in %ld children (%ld died); removed %d entries "
		   "of theirs (%lld KiB)\n",
		done, chunks, deaths, left, freed / 2);
	/* and the system still works */
	check_processes();
	check_files();
	check_huge_counts();
	write(1, "# after the fuzz: fork, execve, files: fine\n", 44);
}

static const struct t_case cases[] = {
	T(random_syscalls),
};

T_MAIN(cases, helper)
