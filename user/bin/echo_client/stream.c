/* stream.c - one long stream through one connection: BYTES written in
 * chunks while the echo is read back at the same time (an echo server
 * writes back while we still write, so a client that wrote everything
 * before reading would fill both directions' buffers and stall), then a
 * half-close (shutdown SHUT_WR), and the echo read up to the server's
 * close.
 *
 * Checked two ways: every byte of the echo against the generator that
 * made the stream (the first wrong offset is reported), and the CRC-32
 * of everything sent against the CRC-32 of everything received, with
 * the byte counts. */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "echo_client.h"

#define READ_MAX 65536

struct stream {
	int fd;
	unsigned long long total, made, got;
	struct pattern out_gen, in_gen;
	unsigned char *out, in[READ_MAX], want[READ_MAX];
	size_t out_off, out_len; /* out[out_off, out_len) is still to send */
	uint32_t crc_sent, crc_got;
	bool shut;		      /* our side is half-closed */
	unsigned long long first_bad; /* offset of the first wrong byte */
	unsigned mismatches, errors;
};

/* Writes what it can; makes the next chunk when the last is sent, and
 * half-closes after the last.  -1 on an error. */
static int send_more(struct stream *s, size_t chunk)
{
	if (s->out_off == s->out_len && s->made < s->total) {
		size_t n =
		    s->total - s->made < chunk ? s->total - s->made : chunk;

		pattern_fill(&s->out_gen, s->out, n);
		s->crc_sent = crc32_update(s->crc_sent, s->out, n);
		s->made += n;
		s->out_off = 0;
		s->out_len = n;
	}
	while (s->out_off < s->out_len) {
		ssize_t n =
		    write(s->fd, s->out + s->out_off, s->out_len - s->out_off);

		if (n < 0) {
			if (errno == EAGAIN || errno == EINTR)
				return 0;
			warn_errno("write");
			return -1;
		}
		s->out_off += n;
	}
	if (s->made == s->total && !s->shut) {
		shutdown(s->fd, SHUT_WR);
		s->shut = true;
	}
	return 0;
}

/* Reads and checks what came back: 1 more to come, 0 at the server's
 * close, -1 on an error. */
static int receive(struct stream *s)
{
	ssize_t n = read(s->fd, s->in, READ_MAX);

	if (n < 0) {
		if (errno == EAGAIN || errno == EINTR)
			return 1;
		warn_errno("read");
		return -1;
	}
	if (n == 0)
		return 0;
	pattern_fill(&s->in_gen, s->want, n);
	if (memcmp(s->in, s->want, n) && s->mismatches++ == 0) {
		ssize_t k = 0;

		while (s->in[k] == s->want[k])
			k++;
		s->first_bad = s->got + k;
		fprintf(stderr,
			"echo_client: byte %llu of the echo is 0x%02x, "
			"sent 0x%02x\n",
			s->first_bad, s->in[k], s->want[k]);
	}
	s->crc_got = crc32_update(s->crc_got, s->in, n);
	s->got += n;
	return 1;
}

/* Runs the stream until the server closes; -1 on an error or at the
 * deadline. */
static int pump(struct stream *s, const struct options *o, int64_t deadline)
{
	for (;;) {
		bool sending = s->out_off < s->out_len || s->made < s->total;
		struct pollfd p = {.fd = s->fd,
				   .events = POLLIN | (sending ? POLLOUT : 0)};
		int64_t ms = (deadline - now_ns()) / 1000000;
		int r;

		if (ms <= 0) {
			fprintf(stderr,
				"echo_client: time limit of %g s reached "
				"(%llu bytes sent, %llu back)\n",
				o->timeout, s->made - (s->out_len - s->out_off),
				s->got);
			return -1;
		}
		if (poll(&p, 1, ms > 1000 ? 1000 : ms) < 0 && errno != EINTR) {
			warn_errno("poll");
			return -1;
		}
		if ((p.revents & POLLOUT) && send_more(s, o->chunk) < 0)
			return -1;
		if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
			r = receive(s);
			if (r <= 0)
				return r;
		}
	}
}

static void report(const struct stream *s, const struct options *o,
		   int64_t elapsed)
{
	double sec = elapsed / 1e9;

	printf("echo_client: streamed %llu bytes to %s port %s in chunks of "
	       "%zu: crc32 sent 0x%08x, received 0x%08x over %llu bytes\n",
	       s->total, o->host, o->port, o->chunk, (unsigned)s->crc_sent,
	       (unsigned)s->crc_got, s->got);
	printf("echo_stream_bytes %llu bytes\n", s->got);
	printf("echo_elapsed %.3f s\n", sec);
	if (sec > 0)
		printf("echo_MB_per_s %.3f MB/s\n", s->got / sec / 1e6);
	printf("echo_errors %u count\n", s->errors);
	printf("echo_mismatches %u count\n", s->mismatches);
}

int run_stream(const struct options *o)
{
	static struct stream s;
	struct addrinfo *server = lookup_host(o->host, o->port);
	int64_t start, deadline = now_ns() + (int64_t)(o->timeout * 1e9);

	if (!server)
		return 1;
	s.fd = connect_to(server);
	freeaddrinfo(server);
	s.out = malloc(o->chunk);
	if (s.fd < 0 || !s.out || set_nonblocking(s.fd) < 0)
		return 1;
	s.total = o->stream;
	pattern_init(&s.out_gen, o->seed);
	pattern_init(&s.in_gen, o->seed);
	start = now_ns();
	if (pump(&s, o, deadline) < 0)
		s.errors++;
	else if (s.got != s.total) {
		fprintf(stderr,
			"echo_client: the server closed after %llu of %llu "
			"bytes\n",
			s.got, s.total);
		s.errors++;
	}
	report(&s, o, now_ns() - start);
	close(s.fd);
	return s.errors || s.mismatches || s.crc_got != s.crc_sent;
}
