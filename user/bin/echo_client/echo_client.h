/* echo_client.h - what the echo client's files share: the connection
 * helpers (main.c), the three modes (interactive.c, load.c, stream.c),
 * and the test data, checksums, clocks and figures (data.c). */
#ifndef ECHO_CLIENT_H
#define ECHO_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct addrinfo;

/* What the options asked for. */
struct options {
	const char *host, *port;
	unsigned conns;		   /* -c */
	unsigned rounds;	   /* -n */
	size_t min_size, max_size; /* -s SIZE or MIN-MAX */
	uint32_t seed;		   /* -S */
	double timeout;		   /* -T, seconds: the whole run's limit */
	unsigned pace_ms;	   /* -w: between connects, 0: all at once */
	unsigned long long stream; /* --stream BYTES */
	size_t chunk;		   /* --chunk */
};

/* --- main.c */

/* The slide's lookup_host(): the addresses of HOST, PORT; NULL after a
 * message. */
struct addrinfo *lookup_host(const char *host, const char *port);

/* A TCP socket to SERVER, connected (blocking), with TCP_NODELAY;
 * -1 after a message. */
int connect_to(const struct addrinfo *server);

/* "echo_client: WHAT: strerror(errno)" on stderr. */
void warn_errno(const char *what);

/* Writes all N bytes of BUF to FD; 0, or -1 with errno. */
int write_all(int fd, const void *buf, size_t n);

int set_nonblocking(int fd);

/* --- the modes: each returns the exit status */
int run_interactive(const struct options *o);
int run_load(const struct options *o);
int run_stream(const struct options *o);

/* --- data.c: the bytes sent, checked when they come back */

/* A byte generator: the same seed gives the same bytes. */
struct pattern {
	uint32_t state;
	uint32_t word;
	unsigned left; /* bytes of word not yet used */
};

void pattern_init(struct pattern *p, uint32_t seed);
void pattern_fill(struct pattern *p, unsigned char *buf, size_t n);

/* A seed for connection CONN's round ROUND, mixed from the run's SEED. */
uint32_t mix_seed(uint32_t seed, uint32_t conn, uint32_t round);

/* CRC-32 (IEEE 802.3, zlib's crc32()) of BUF, continuing from CRC
 * (start with 0). */
uint32_t crc32_update(uint32_t crc, const void *buf, size_t n);

/* Monotonic time in nanoseconds. */
int64_t now_ns(void);

/* Sorts the N latencies (microseconds) and prints the p50, p99 and max
 * lines. */
void print_latencies(uint32_t *lat_us, size_t n);

#endif
