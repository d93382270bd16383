/* getopt.h - command-line options: getopt (also in <unistd.h>) and the
 * GNU long options, with glibc's behaviour and messages (see
 * libc/getopt/getopt.c). */
#ifndef _GETOPT_H
#define _GETOPT_H

extern char *optarg; /* the current option's argument */
extern int optind; /* the next argv element to look at (1 at start) */
extern int opterr; /* 0: no messages on stderr */
extern int optopt; /* the option character that caused an error */

#define no_argument 0
#define required_argument 1
#define optional_argument 2

struct option {
	const char *name;
	int has_arg; /* no_argument, required_argument, optional_argument */
	int *flag; /* NULL: return val; else *flag = val and return 0 */
	int val;
};

int getopt(int argc, char *const argv[], const char *optstring);
int getopt_long(int argc, char *const argv[], const char *optstring,
		const struct option *longopts, int *longindex);
int getopt_long_only(int argc, char *const argv[], const char *optstring,
		     const struct option *longopts, int *longindex);

#endif
