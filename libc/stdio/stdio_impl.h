/* libc/stdio/stdio_impl.h - the inside of a FILE (private to libc/stdio).
 *
 * A stream is a buffer over a file descriptor, used in one direction at a
 * time:
 *
 *	reading:  buf ... rpos ........ rend ... buf+size
 *	                  [unread input]
 *	writing:  buf ........ wpos ........... buf+size
 *	          [pending output]
 *
 * F_WRITING says which: set by the first write (__stdio_to_write, which
 * gives unread input back to the file with a seek), cleared by the first
 * read after writing (__stdio_to_read, which flushes).  ungetc pushes
 * bytes back in front of rpos; when there is no room there the window
 * moves to the small unget area (F_IN_UNGET) until the next refill.
 * __stdio_empty_window() empties it wherever it is.
 *
 * The buffer comes at the first read or write (__stdio_setup_buffer),
 * which also settles the mode as glibc does: line buffered on a terminal,
 * otherwise fully buffered with the file's st_blksize (at most BUFSIZ),
 * unless setvbuf chose first.  An unbuffered stream uses the one-byte
 * small buffer (so putc still has somewhere to put the byte).
 *
 * When bytes reach the file is glibc's rule (libio's xsputn and
 * overflow), so programs show the same writes in the same order:
 * __stdio_put() fills the buffer, writes it when full, writes large
 * blocks straight through and, line buffered, writes up to the last
 * newline of what it was given; putc writes when the buffer is full and
 * a next byte comes, or at a newline (line buffered), or at once
 * (unbuffered).
 *
 * Every open stream is on a doubly linked list (streams.c) so that
 * fflush(NULL) and exit() can reach it.
 *
 * Threads: every stream has a recursive lock (flockfile), a futex lock
 * (libc/internal/lock.h) with an owner and a depth.  Each public
 * function holds it for the whole call (so one printf is one piece of
 * the output, never cut by another thread's) through __stdio_lock and
 * __stdio_unlock; the *_unlocked functions and the __stdio_ helpers do
 * not take it.  The list of streams has a lock of its own
 * (__stdio_list_lock); whoever needs both takes the list's first.
 */
#ifndef LIBC_STDIO_STDIO_IMPL_H
#define LIBC_STDIO_STDIO_IMPL_H

#include <stdio.h>
#include <sys/types.h>

#include "libc/internal/lock.h"

#define UNGET 8		 /* bytes ungetc can always push back */
#define BUF_UNDECIDED -1 /* mode: chosen at the first read or write */

/* flags */
#define F_READ 0x01	 /* opened for reading */
#define F_WRITE 0x02	 /* opened for writing */
#define F_APPEND 0x04	 /* O_APPEND: every write goes to the end */
#define F_EOF 0x08	 /* end of file seen */
#define F_ERR 0x10	 /* an error happened */
#define F_WRITING 0x20	 /* in the writing direction (glibc's putting) */
#define F_FREE_BUF 0x40	 /* buf is ours to free */
#define F_FREE_FILE 0x80 /* the FILE itself came from malloc */
#define F_LISTED 0x100	 /* on the list of open streams */
#define F_IN_UNGET 0x200 /* the read window is in the unget area */

struct _IO_FILE {
	int fd;
	unsigned flags;
	int mode;		    /* _IOFBF, _IOLBF, _IONBF, BUF_UNDECIDED */
	unsigned char *buf;	    /* NULL until the first read or write */
	size_t size;		    /* of buf */
	unsigned char *rpos, *rend; /* unread input */
	unsigned char *wpos;	    /* pending output is buf..wpos */
	unsigned char small[1];	    /* the buffer when unbuffered */
	unsigned char unget[UNGET]; /* pushed-back bytes, when not in buf */
	pid_t pid;		    /* popen's child, or 0 */
	struct _IO_FILE *prev, *next; /* the list of open streams */
	volatile int lock;	      /* flockfile's */
	int lock_depth;		      /* how many times owner holds it */
	void *owner;		      /* its holder's thread pointer, or 0 */
};

static inline void __stdio_lock(FILE *f)
{
	void *self = __thread_self();

	if (f->owner == self) {
		f->lock_depth++;
		return;
	}
	__lock(&f->lock);
	f->owner = self;
	f->lock_depth = 1;
}

static inline void __stdio_unlock(FILE *f)
{
	if (--f->lock_depth)
		return;
	f->owner = 0;
	__unlock(&f->lock);
}

/* streams.c: the list of open streams (and its lock), and exit's flush */
extern volatile int __stdio_list_lock;
void __stdio_link(FILE *f);
void __stdio_unlink(FILE *f);
FILE *__stdio_first(void);
int __stdio_flush_all(void);

/* buffer.c: the buffer and the changes of direction */
void __stdio_init(FILE *f, int fd, unsigned flags);
void __stdio_setup_buffer(FILE *f);
/* the mode and buffer size __stdio_setup_buffer would choose (it sets
 * f->mode); and making buf of size bytes the stream's (empty) buffer */
size_t __stdio_choose_buffer(FILE *f);
void __stdio_use_buffer(FILE *f, unsigned char *buf, size_t size);
void __stdio_free_buffer(FILE *f);
int __stdio_to_read(FILE *f);
int __stdio_to_write(FILE *f);
int __stdio_flush_buffer(FILE *f);
int __stdio_refill(FILE *f);
int __stdio_has_output(const FILE *f);
void __stdio_empty_window(FILE *f);
/* writes n bytes to the file, going on after short writes; returns how
 * many were written, fewer after an error (F_ERR set, errno from write;
 * no retry on EINTR, as in glibc) */
size_t __stdio_write_all(FILE *f, const void *p, size_t n);

/* fwrite.c: hands n bytes to the stream; returns how many it took */
size_t __stdio_put(FILE *f, const void *p, size_t n);

/* fflush.c: fflush without taking the stream's lock */
int __stdio_fflush(FILE *f);

/* fputc.c: puts c when the fast path cannot (buffer full, line or no
 * buffering, not yet writing); returns c or EOF */
int __stdio_overflow(FILE *f, unsigned char c);

/* fgetc.c: the next byte when the read window is empty; or EOF */
int __stdio_uflow(FILE *f);

/* fopen.c: the open(2) flags of a mode string ("r+b", "we"...), or -1
 * with errno EINVAL; and a new FILE on fd (not listed yet) */
int __stdio_mode_flags(const char *mode);
FILE *__stdio_new(int fd, int oflags);

#endif
