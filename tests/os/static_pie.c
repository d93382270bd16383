/* tests/os/static_pie.c - a position-independent static program.
 *
 * Built with the host's glibc as `gcc -m32 -static-pie` (an ET_DYN
 * without PT_INTERP), it checks that execve moved it by a load bias and
 * that glibc's start-up code (_dl_relocate_static_pie) could apply its
 * relocations: the auxiliary vector (AT_PHDR, AT_ENTRY inside the moved
 * image, AT_BASE 0), pointers in initialized data, the heap above the
 * image, argv and the environment, execve of itself.  In this OS the
 * image starts at 0x56555000 (kernel/exec.c's PIE_BASE); Linux puts it
 * elsewhere, so on the host only "above the bias" is checked.  Built
 * against this project's libc (an ET_EXEC: its start file does not
 * relocate itself) the bias checks pass trivially, saying so.
 *
 * It also checks that a program naming an interpreter (PT_INTERP) is
 * refused: -ENOEXEC here (no dynamic linker), -ENOENT on Linux (which
 * looks for the interpreter it names and finds none).
 */
#define _GNU_SOURCE /* glibc: pipe2, getdents64 for t.h */
#define _FILE_OFFSET_BITS 64 /* glibc: t.h reads getdents64 as struct dirent */
#include "t.h"

#include <stddef.h>
#include <stdint.h>
#include <sys/auxv.h>

#define PIE_BASE 0x56555000UL /* kernel/exec.c */

/* The ELF32 pieces used here (this libc has no <elf.h>). */
struct elf32_ehdr {
	unsigned char e_ident[16];
	uint16_t e_type, e_machine;
	uint32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum,
		e_shstrndx;
};

struct elf32_phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz,
		p_flags, p_align;
};

#define ELF_ET_EXEC 2
#define ELF_ET_DYN 3
#define ELF_EM_386 3
#define ELF_PT_LOAD 1
#define ELF_PT_INTERP 3
#define ELF_PF_X 1
#define ELF_PF_R 4

extern const struct elf32_ehdr __ehdr_start; /* the linker's: the image's first byte */

static int saved_argc;
static char **saved_argv;

static int is_pie(void)
{
	return __ehdr_start.e_type == ELF_ET_DYN;
}

#ifdef __GLIBC__
#include <sys/syscall.h>
/* glibc's nanosleep is clock_nanosleep (267), which this kernel does not
 * have yet: the harness's sleeps between its polls would return at once
 * and every case would "time out" early.  The plain system call (162)
 * instead; the static link takes this one rather than glibc's. */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return syscall(SYS_nanosleep, req, rem);
}
#endif

int main(int argc, char **argv);

/* A comment line with where the program is and what it was given. */
static void report_where(void)
{
	printf("# e_type %d, image at %p, main at %p, argc %d:",
	       __ehdr_start.e_type, (void *)&__ehdr_start, (void *)main,
	       saved_argc);
	for (int i = 0; i < saved_argc; i++)
		printf(" '%s'", saved_argv[i]);
	printf(", PATH=%s, PIE_TEST=%s\n", getenv("PATH") ? getenv("PATH") : "",
	       getenv("PIE_TEST") ? getenv("PIE_TEST") : "");
	fflush(stdout);
}

static void loaded_at_bias(void)
{
	uintptr_t base = (uintptr_t)&__ehdr_start;

	if (!is_pie())
		return; /* an ET_EXEC: nothing was moved */
	T_TRUE(base != 0 && base % 4096 == 0);
	T_TRUE((uintptr_t)report_where > base);
	if (!t_on_linux())
		T_EQX(base, PIE_BASE);
}

static void auxv_moved(void)
{
	uintptr_t base = (uintptr_t)&__ehdr_start;
	extern char _start[];

	T_EQX(getauxval(AT_PHDR), base + __ehdr_start.e_phoff);
	T_EQ(getauxval(AT_PHNUM), __ehdr_start.e_phnum);
	T_EQX(getauxval(AT_ENTRY), (uintptr_t)_start);
	T_EQX(getauxval(AT_ENTRY), base + __ehdr_start.e_entry -
		  (is_pie() ? 0 : base));
	T_EQ(getauxval(AT_BASE), 0); /* no interpreter */
}

/* Pointers the relocations must have fixed: a table of strings and of
 * functions in initialized data. */
static const char *const names[] = { "zero", "one", "two" };
static void (*const fns[])(void) = { report_where, auxv_moved };
static int counter = 41;
static int *counter_ptr = &counter;

static void relocations_applied(void)
{
	T_STREQ(names[2], "two");
	T_TRUE((uintptr_t)names[0] > (uintptr_t)&__ehdr_start);
	T_TRUE(fns[0] == report_where && fns[1] == auxv_moved);
	++*counter_ptr;
	T_EQ(counter, 42);
}

static void heap_above_image(void)
{
	char *small = malloc(100), *big = malloc(1 << 20);

	T_TRUE(small && big);
	/* Linux with randomization moves a static-pie's brk to a low
	 * address (ELF_ET_DYN_BASE), out of the way of its mmap area */
	if (!t_on_linux())
		T_TRUE((uintptr_t)sbrk(0) > (uintptr_t)&__ehdr_start);
	memset(big, 'x', 1 << 20);
	strcpy(small, "heap");
	T_STREQ(small, "heap");
	free(big);
	free(small);
}

static void argv_and_environment(void)
{
	T_TRUE(saved_argc >= 1);
	T_TRUE(strstr(saved_argv[0], "static_pie") != NULL);
	T_TRUE(saved_argv[saved_argc] == NULL);
	T_TRUE(getenv("PATH") != NULL);
	report_where();
}

/* execve of itself: the helper checks what it was given. */
static int helper(int argc, char **argv)
{
	report_where();
	if (argc != 2 || strcmp(argv[0], "alpha") || strcmp(argv[1], "beta"))
		return 3;
	if (!getenv("PIE_TEST") || strcmp(getenv("PIE_TEST"), "yes"))
		return 4;
	if (is_pie() && !t_on_linux() &&
	    (uintptr_t)&__ehdr_start != PIE_BASE)
		return 5;
	return 0;
}

static void execve_self(void)
{
	char *argv[] = { (char *)t_self, "--helper", "alpha", "beta", NULL };
	char *envp[] = { "PIE_TEST=yes", "PATH=/bin", NULL };
	pid_t pid = t_fork();
	int st;

	if (pid == 0) {
		execve(t_self, argv, envp);
		_exit(99);
	}
	st = t_wait(pid);
	T_EXITED(st, 0);
}

/* An ELF32 executable with a PT_INTERP naming a missing interpreter. */
static void interp_refused(void)
{
	struct {
		struct elf32_ehdr eh;
		struct elf32_phdr ph[2];
		char interp[32];
	} img;
	char *argv[] = { "dyn", NULL }, *envp[] = { NULL };
	uint32_t interp_off = offsetof(__typeof__(img), interp);

	memset(&img, 0, sizeof(img));
	memcpy(img.eh.e_ident, "\177ELF\1\1\1", 7); /* 32-bit, LSB, v1 */
	img.eh.e_type = ELF_ET_EXEC;
	img.eh.e_machine = ELF_EM_386;
	img.eh.e_version = 1;
	img.eh.e_entry = 0x08048000 + interp_off;
	img.eh.e_phoff = sizeof(struct elf32_ehdr);
	img.eh.e_ehsize = sizeof(struct elf32_ehdr);
	img.eh.e_phentsize = sizeof(struct elf32_phdr);
	img.eh.e_phnum = 2;
	strcpy(img.interp, "/no/such/ld-linux.so.2");
	img.ph[0] = (struct elf32_phdr){ .p_type = ELF_PT_INTERP, .p_offset = interp_off,
				  .p_vaddr = 0x08048000 + interp_off,
				  .p_filesz = strlen(img.interp) + 1,
				  .p_memsz = strlen(img.interp) + 1,
				  .p_flags = ELF_PF_R, .p_align = 1 };
	img.ph[1] = (struct elf32_phdr){ .p_type = ELF_PT_LOAD, .p_vaddr = 0x08048000,
				  .p_filesz = sizeof(img), .p_memsz = sizeof(img),
				  .p_flags = ELF_PF_R | ELF_PF_X, .p_align = 4096 };
	t_write_file("dyn", &img, sizeof(img));
	T_OK(chmod("dyn", 0755));
	T_EXEC_ERR("./dyn", argv, envp, t_on_linux() ? ENOENT : ENOEXEC);
}

static const struct t_case cases[] = {
	T(loaded_at_bias),
	T(auxv_moved),
	T(relocations_applied),
	T(heap_above_image),
	T(argv_and_environment),
	T(execve_self),
	T(interp_refused),
};

int main(int argc, char **argv)
{
	saved_argc = argc;
	saved_argv = argv;
	return t_main(argc, argv, cases, T_COUNT(cases), helper);
}
