/* libc/stdio/streams.c - stdin, stdout, stderr and the list of open
 * streams, and the flush that exit() runs.
 *
 * The three standard streams are static and start on the list; every
 * stream fopen/fdopen/popen/tmpfile make is added, fclose takes it off.
 * __stdio_list_lock guards the links; a walk holds it and takes each
 * stream's own lock in turn (the list's lock first, always).
 * __stdio_exit lives here, next to stdout and the list, because exit()
 * refers to it only weakly: this object file is linked exactly when the
 * program uses some stream (libc/internal/libc.h).
 */
#include "libc/internal/libc.h"
#include "libc/stdio/stdio_impl.h"

/* the list, newest first: what the program opens, then stderr, stdout,
 * stdin (tentative definitions first, so the links can be initialized) */
static FILE std_in, std_out, std_err;
static FILE std_err = {
    .fd = 2, .flags = F_WRITE | F_LISTED, .mode = _IONBF, .next = &std_out};
static FILE std_out = {.fd = 1,
		       .flags = F_WRITE | F_LISTED,
		       .mode = BUF_UNDECIDED,
		       .prev = &std_err,
		       .next = &std_in};
static FILE std_in = {.fd = 0,
		      .flags = F_READ | F_LISTED,
		      .mode = BUF_UNDECIDED,
		      .prev = &std_out};
static FILE *head = &std_err;
volatile int __stdio_list_lock;

FILE *stdin = &std_in;
FILE *stdout = &std_out;
FILE *stderr = &std_err;

void __stdio_link(FILE *f)
{
	__lock(&__stdio_list_lock);
	f->prev = NULL;
	f->next = head;
	if (head)
		head->prev = f;
	head = f;
	f->flags |= F_LISTED;
	__unlock(&__stdio_list_lock);
}

void __stdio_unlink(FILE *f)
{
	__lock(&__stdio_list_lock);
	if (f->flags & F_LISTED) {
		if (f->prev)
			f->prev->next = f->next;
		else
			head = f->next;
		if (f->next)
			f->next->prev = f->prev;
		f->prev = f->next = NULL;
		f->flags &= ~F_LISTED;
	}
	__unlock(&__stdio_list_lock);
}

FILE *__stdio_first(void)
{
	return head;
}

/* Writes the pending output of every stream (fflush(NULL)); 0, or EOF
 * if any stream failed. */
int __stdio_flush_all(void)
{
	int r = 0;

	__lock(&__stdio_list_lock);
	for (FILE *f = head; f; f = f->next) {
		__stdio_lock(f);
		if (__stdio_has_output(f) && __stdio_flush_buffer(f))
			r = EOF;
		__stdio_unlock(f);
	}
	__unlock(&__stdio_list_lock);
	return r;
}

/* At exit: every stream's output is written, then every stream's
 * unread input is given back to its file (a seek, where it can seek), so
 * the next process on a shared descriptor goes on where this one
 * stopped reading -- `{ head -n 1; cat; } < file` -- as glibc does. */
void __stdio_exit(void)
{
	__stdio_flush_all();
	__lock(&__stdio_list_lock);
	for (FILE *f = head; f; f = f->next) {
		__stdio_lock(f);
		if (!(f->flags & F_WRITING) && f->rend > f->rpos)
			__stdio_fflush(f);
		__stdio_unlock(f);
	}
	__unlock(&__stdio_list_lock);
}
