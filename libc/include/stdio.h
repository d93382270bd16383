/* stdio.h - buffered streams, the printf and scanf families.
 *
 * A FILE is a buffer over a file descriptor (libc/stdio/stdio_impl.h
 * has its parts).  The buffering modes and their defaults are glibc's:
 * a stream on a terminal is line buffered, any other fully buffered with
 * a buffer of the file's st_blksize (at most BUFSIZ), stderr unbuffered;
 * the choice is made at the stream's first read or write.  exit() flushes
 * every stream; _exit() does not.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <bits/alltypes.h>
#include <stdarg.h>
#include <stddef.h>

typedef struct _IO_FILE FILE;

/* A position for fgetpos/fsetpos. */
typedef struct {
	off_t __pos;
} fpos_t;

#define EOF (-1)
#define BUFSIZ 8192

#define _IOFBF 0 /* fully buffered */
#define _IOLBF 1 /* line buffered */
#define _IONBF 2 /* unbuffered */

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

#define FILENAME_MAX 4096
#define FOPEN_MAX 16
#define L_tmpnam 20
#define TMP_MAX 238328
#define P_tmpdir "/tmp"

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

/* opening and closing */
FILE *fopen(const char *restrict path, const char *restrict mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *restrict path, const char *restrict mode,
	      FILE *restrict f);
int fclose(FILE *f);
FILE *tmpfile(void);
FILE *popen(const char *command, const char *mode);
int pclose(FILE *f);
int fileno(FILE *f);

/* buffering */
int fflush(FILE *f);
int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size);
void setbuf(FILE *restrict f, char *restrict buf);
void setbuffer(FILE *restrict f, char *restrict buf, size_t size);
void setlinebuf(FILE *f);

/* characters, lines, blocks */
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
int getc_unlocked(FILE *f);
int getchar_unlocked(void);
int ungetc(int c, FILE *f);
char *fgets(char *restrict s, int n, FILE *restrict f);
ssize_t getdelim(char **restrict line, size_t *restrict size, int delim,
		 FILE *restrict f);
ssize_t getline(char **restrict line, size_t *restrict size, FILE *restrict f);
size_t fread(void *restrict p, size_t size, size_t n, FILE *restrict f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int putc_unlocked(int c, FILE *f);
int putchar_unlocked(int c);
int fputs(const char *restrict s, FILE *restrict f);
int puts(const char *s);
size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f);

/* positions */
int fseek(FILE *f, long offset, int whence);
int fseeko(FILE *f, off_t offset, int whence);
long ftell(FILE *f);
off_t ftello(FILE *f);
void rewind(FILE *f);
int fgetpos(FILE *restrict f, fpos_t *restrict pos);
int fsetpos(FILE *f, const fpos_t *pos);

/* locking: a stream's recursive lock, which every call above takes too */
void flockfile(FILE *f);
int ftrylockfile(FILE *f);
void funlockfile(FILE *f);

/* state */
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
void perror(const char *s);

/* files */
int remove(const char *path);
int rename(const char *old, const char *new);

/* formatted output (libc/stdio/printf_core.c) */
int printf(const char *restrict fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *restrict f, const char *restrict fmt, ...)
    __attribute__((format(printf, 2, 3)));
int sprintf(char *restrict buf, const char *restrict fmt, ...)
    __attribute__((format(printf, 2, 3)));
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
    __attribute__((format(printf, 3, 4)));
int dprintf(int fd, const char *restrict fmt, ...)
    __attribute__((format(printf, 2, 3)));
int asprintf(char **restrict out, const char *restrict fmt, ...)
    __attribute__((format(printf, 2, 3)));
int vprintf(const char *restrict fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	      va_list ap) __attribute__((format(printf, 3, 0)));
int vdprintf(int fd, const char *restrict fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
int vasprintf(char **restrict out, const char *restrict fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* formatted input (libc/stdio/scanf_core.c) */
int scanf(const char *restrict fmt, ...) __attribute__((format(scanf, 1, 2)));
int fscanf(FILE *restrict f, const char *restrict fmt, ...)
    __attribute__((format(scanf, 2, 3)));
int sscanf(const char *restrict s, const char *restrict fmt, ...)
    __attribute__((format(scanf, 2, 3)));
int vscanf(const char *restrict fmt, va_list ap)
    __attribute__((format(scanf, 1, 0)));
int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap)
    __attribute__((format(scanf, 2, 0)));
int vsscanf(const char *restrict s, const char *restrict fmt, va_list ap)
    __attribute__((format(scanf, 2, 0)));

#endif
