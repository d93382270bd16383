/* libc/env/__libc_start_main.c - from the initial stack to main().
 *
 * Called by _start (crt/crt0.S) with the address of argc.  Finds argv,
 * envp and the auxiliary vector, sets up the main thread's thread
 * pointer and TLS block (libc/pthread/tls.c: errno lives there, so this
 * comes before anything can set errno), sets environ, __auxv and the
 * program's name (for messages), runs main and exits with its result.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libc/internal/libc.h"

int main(int argc, char **argv, char **envp);

_Noreturn void __libc_start_main(long *sp);

_Noreturn void __libc_start_main(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	__auxv = (unsigned long *)(p + 1);
	__init_tls(__auxv);
	environ = envp;
	if (argc > 0 && argv[0]) {
		char *slash = strrchr(argv[0], '/');

		program_invocation_name = argv[0];
		program_invocation_short_name = slash ? slash + 1 : argv[0];
	}
	exit(main(argc, argv, envp));
}
