/* wget - fetch files over HTTP.
 *
 *   wget [-qS] [-O FILE|-O -] [-T SECS] URL...
 *
 * Each URL (http://HOST[:PORT]/PATH; without a scheme http:// is meant)
 * is fetched with an HTTP/1.1 GET (http.c); HOST goes through
 * getaddrinfo, so the names of /etc/hosts work (in the OS "host" is the
 * machine QEMU runs on).  Redirects (301, 302, 303, 307, 308) are
 * followed, 20 at most.  The body (by Content-Length, chunked, or up to
 * the end of the connection) is saved under the last part of the URL's
 * path ("index.html" for a path ending in "/"); when that file exists
 * the name gets ".1", ".2", ... as GNU wget does.
 *
 *   -O FILE  write every body into FILE instead ("-": standard output)
 *   -q       no progress report on standard error (errors still are)
 *   -S       show the server's response headers
 *   -T SECS  give up on a connect or a read after SECS seconds
 *
 * An error response (not 2xx) is reported with its status ("wget:
 * http://host/x: ERROR 404: Not Found") and saves nothing.  Exit status
 * as GNU wget's: 0 success, 1 a bad URL or scheme (https:// and ftp://
 * are refused), 2 bad usage, 3 a file error, 4 a network failure
 * (lookup, connect, read), 7 a protocol error, 8 an error response;
 * with several URLs the lowest status above 1 wins.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wget.h"

#define MAX_REDIRECTS 20

static struct {
	bool quiet, show;
	int timeout_ms;
	const char *output; /* -O, or NULL */
	int out_fd;	    /* -O's file once opened, else -1 */
} opt = {.timeout_ms = -1, .out_fd = -1};

static _Noreturn void usage(FILE *f, int status)
{
	fputs("usage: wget [-qS] [-O FILE|-O -] [-T SECS] URL...\n", f);
	exit(status);
}

/* GNU wget's rule: apart from 0 and 1, the lower status wins. */
static int worse(int a, int b)
{
	if (a == 0 || a == 1)
		return b ? b : a;
	if (b == 0 || b == 1)
		return a;
	return a < b ? a : b;
}

/* The file the body of U goes to; -1 after a message.  *name is what
 * the messages call it. */
static int open_output(const struct url *u, char *name, size_t size)
{
	char base[256];
	int fd;

	if (opt.output && !strcmp(opt.output, "-")) {
		snprintf(name, size, "STDOUT");
		return STDOUT_FILENO;
	}
	if (opt.output) {
		snprintf(name, size, "%s", opt.output);
		if (opt.out_fd < 0)
			opt.out_fd = open(opt.output,
					  O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (opt.out_fd < 0)
			fprintf(stderr, "wget: %s: %s\n", name,
				strerror(errno));
		return opt.out_fd;
	}
	url_filename(u, base, sizeof(base));
	snprintf(name, size, "%s", base);
	for (int i = 1;; i++) { /* never over an existing file */
		fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0666);
		if (fd >= 0 || errno != EEXIST || i > 9999)
			break;
		snprintf(name, size, "%s.%d", base, i);
	}
	if (fd < 0)
		fprintf(stderr, "wget: %s: %s\n", name, strerror(errno));
	return fd;
}

static void say_length(const struct response *r)
{
	const char *type = r->type[0] ? r->type : NULL;

	if (r->length >= 0 && !r->chunked)
		fprintf(stderr, "Length: %lld", r->length);
	else
		fputs("Length: unspecified", stderr);
	fprintf(stderr, type ? " [%s]\n" : "\n", type);
}

/* Saves the body of the 2xx response R. */
static int save(struct conn *c, const struct url *u, const struct response *r)
{
	char name[300];
	long long got = 0;
	int fd, st;

	if (!opt.quiet)
		say_length(r);
	fd = open_output(u, name, sizeof(name));
	if (fd < 0)
		return EXIT_FILE;
	if (!opt.quiet)
		fprintf(stderr, "Saving to: '%s'\n", name);
	st = http_body(c, r, fd, &got);
	if (fd != STDOUT_FILENO && fd != opt.out_fd && close(fd) < 0 && !st) {
		fprintf(stderr, "wget: %s: %s\n", name, strerror(errno));
		st = EXIT_FILE;
	}
	if (!st && !opt.quiet) {
		if (r->length >= 0 && !r->chunked)
			fprintf(stderr, "'%s' saved [%lld/%lld]\n", name, got,
				r->length);
		else
			fprintf(stderr, "'%s' saved [%lld]\n", name, got);
	}
	return st;
}

static bool is_redirect(int status)
{
	return status == 301 || status == 302 || status == 303 ||
	       status == 307 || status == 308;
}

/* Points U at the Location of the redirect R (from TEXT): -1, or an
 * EXIT_ status. */
static int follow(struct url *u, const struct response *r, const char *text)
{
	char next[URL_MAX];
	int st;

	if (url_resolve(u, r->location, next) < 0) {
		fprintf(stderr, "wget: %s: redirect URL too long\n", text);
		return EXIT_PROTOCOL;
	}
	if (!opt.quiet)
		fprintf(stderr, "Location: %s [following]\n", next);
	st = url_parse(next, u);
	return st ? st : -1;
}

/* One exchange with the server of U: 0 when done, -1 when it redirected
 * (U is then the new URL), else an EXIT_ status. */
static int exchange(struct url *u)
{
	char text[URL_MAX + 300];
	struct response r;
	struct conn *c;
	int st;

	url_format(u, text);
	if (!opt.quiet)
		fprintf(stderr, "--  %s\n", text);
	c = http_connect(u, opt.timeout_ms, !opt.quiet, &st);
	if (!c)
		return st;
	if (!opt.quiet) /* -S: the response's lines follow, one a line */
		fputs(opt.show ? "HTTP request sent, awaiting response... \n"
			       : "HTTP request sent, awaiting response... ",
		      stderr);
	st = http_request(c, u, &r, opt.show);
	if (st)
		goto out;
	if (!opt.quiet && !opt.show)
		fprintf(stderr, "%d %s\n", r.status, r.reason);
	if (is_redirect(r.status) && r.location[0]) {
		st = follow(u, &r, text);
	} else if (r.status / 100 != 2) {
		fprintf(stderr, "wget: %s: ERROR %d: %s\n", text, r.status,
			r.reason);
		st = EXIT_SERVER;
	} else {
		st = save(c, u, &r);
	}
out:
	http_close(c);
	return st;
}

static int fetch(const char *text)
{
	struct url u;
	int st = url_parse(text, &u);

	for (int n = 0; !st; n++) {
		if (n > MAX_REDIRECTS) {
			fprintf(stderr, "wget: %s: %d redirections exceeded\n",
				text, MAX_REDIRECTS);
			return EXIT_SERVER;
		}
		st = exchange(&u);
		if (st >= 0)
			return st;
		st = 0; /* redirected: again with the new URL */
	}
	return st;
}

static const struct option long_options[] = {
    {"output-document", required_argument, NULL, 'O'},
    {"quiet", no_argument, NULL, 'q'},
    {"server-response", no_argument, NULL, 'S'},
    {"timeout", required_argument, NULL, 'T'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int main(int argc, char **argv)
{
	int c, status = 0;
	char *end;
	double secs;

	while ((c = getopt_long(argc, argv, "O:qST:h", long_options, NULL)) !=
	       -1) {
		switch (c) {
		case 'O':
			opt.output = optarg;
			break;
		case 'q':
			opt.quiet = true;
			break;
		case 'S':
			opt.show = true;
			break;
		case 'T':
			secs = strtod(optarg, &end);
			if (end == optarg || *end || secs < 0 || secs > 86400) {
				fprintf(stderr, "wget: invalid timeout '%s'\n",
					optarg);
				usage(stderr, EXIT_PARSE);
			}
			opt.timeout_ms = secs > 0 ? (int)(secs * 1000) : -1;
			break;
		case 'h':
			usage(stdout, 0);
		default:
			usage(stderr, EXIT_PARSE);
		}
	}
	if (optind == argc) {
		fputs("wget: missing URL\n", stderr);
		usage(stderr, EXIT_PARSE);
	}
	signal(SIGPIPE, SIG_IGN); /* a server that goes: EPIPE, not death */
	for (int i = optind; i < argc; i++)
		status = worse(status, fetch(argv[i]));
	if (opt.out_fd >= 0 && close(opt.out_fd) < 0) {
		fprintf(stderr, "wget: %s: %s\n", opt.output, strerror(errno));
		status = worse(status, EXIT_FILE);
	}
	return status;
}
