/* libc/net/dns_msg.c - DNS messages (RFC 1035): a query's bytes, and the
 * records of an answer, with every length and offset checked against
 * the message, since the bytes come from the network.
 *
 * A message: a 12-byte header (id, flags, four counts), the question
 * (name, type, class), then the answer records (name, type, class, ttl,
 * rdlength, rdata).  A name is a sequence of labels (a length byte and
 * up to 63 bytes) ended by a zero byte, or by a compression pointer
 * (two bytes 11xxxxxx xxxxxxxx: "the rest of the name is at offset x").
 * Pointers here must point backwards, which makes loops impossible. */
#include <arpa/inet.h>
#include <string.h>
#include <strings.h>

#include "resolv.h"

#define HDR 12
#define QR 0x8000 /* in flags: a response */
#define TC 0x0200 /* truncated */
#define RD 0x0100 /* recursion desired */
#define CLASS_IN 1
#define MAX_CNAMES 8

static unsigned get16(const unsigned char *p)
{
	return p[0] << 8 | p[1];
}

static unsigned char *put16(unsigned char *p, unsigned v)
{
	p[0] = v >> 8;
	p[1] = v;
	return p + 2;
}

int __dns_make_query(unsigned char *buf, int size, unsigned id,
		     const char *name, int type)
{
	size_t n = strlen(name);
	unsigned char *p = buf + HDR;

	if (n && name[n - 1] == '.')
		n--; /* "example.com." is "example.com" */
	if (n == 0 || n > 253 || HDR + n + 2 + 4 > (size_t)size)
		return -1;
	memset(buf, 0, HDR);
	put16(buf, id);
	put16(buf + 2, RD);
	put16(buf + 4, 1); /* one question */
	while (n) {
		size_t l = strcspn(name, ".");

		if (l > n)
			l = n;
		if (l == 0 || l > 63)
			return -1; /* an empty or too long label */
		*p++ = l;
		memcpy(p, name, l);
		p += l;
		name += l;
		n -= l;
		if (n) { /* the dot */
			name++;
			n--;
		}
	}
	*p++ = 0;
	p = put16(p, type);
	p = put16(p, CLASS_IN);
	return p - buf;
}

int __dns_read_name(const unsigned char *msg, int len, int off, char *out)
{
	int end = -1, n = 0, limit = off;

	for (;;) {
		if (off >= len)
			return -1;
		unsigned l = msg[off];

		if ((l & 0xc0) == 0xc0) {
			if (off + 1 >= len)
				return -1;
			int to = (l & 0x3f) << 8 | msg[off + 1];

			if (end < 0)
				end = off + 2;
			if (to >= limit)
				return -1; /* forwards or a loop */
			off = limit = to;
			continue;
		}
		if (l & 0xc0)
			return -1; /* the reserved label types */
		if (l == 0)
			break;
		if (off + 1 + (int)l > len || n + l + 1 > RES_MAXNAME - 1)
			return -1;
		if (memchr(msg + off + 1, '.', l) ||
		    memchr(msg + off + 1, 0, l))
			return -1; /* would not read back as the same name */
		if (n)
			out[n++] = '.';
		memcpy(out + n, msg + off + 1, l);
		n += l;
		off += 1 + l;
	}
	out[n] = 0;
	return end >= 0 ? end : off + 1;
}

/* does name (as the caller wrote it) equal the message's text name? */
static int same_name(const char *asked, const char *got)
{
	size_t n = strlen(asked);

	if (n && asked[n - 1] == '.')
		n--;
	return strlen(got) == n && !strncasecmp(asked, got, n);
}

int __dns_reply_matches(const struct dns_reply *r, unsigned id,
			const char *name, int type)
{
	char qname[RES_MAXNAME];
	int off;

	if (r->len < HDR || get16(r->msg) != id || !(get16(r->msg + 2) & QR) ||
	    get16(r->msg + 4) != 1)
		return 0;
	off = __dns_read_name(r->msg, r->len, HDR, qname);
	return off >= 0 && off + 4 <= r->len && same_name(name, qname) &&
	       (int)get16(r->msg + off) == type &&
	       get16(r->msg + off + 2) == CLASS_IN;
}

struct rr {
	char owner[RES_MAXNAME];
	unsigned type, class;
	int rdata, rdlen; /* offset and length of the data */
};

/* the record at *off; 0 when it does not fit in the message */
static int read_rr(const struct dns_reply *r, int *off, struct rr *rr)
{
	int o = __dns_read_name(r->msg, r->len, *off, rr->owner);

	if (o < 0 || o + 10 > r->len)
		return 0;
	rr->type = get16(r->msg + o);
	rr->class = get16(r->msg + o + 2);
	rr->rdlen = get16(r->msg + o + 8);
	rr->rdata = o + 10;
	if (rr->rdata + rr->rdlen > r->len)
		return 0;
	*off = rr->rdata + rr->rdlen;
	return 1;
}

/* Walks the answer records, calling fn on each; -1 if one is malformed
 * (unless the message says it was truncated: then the records that came
 * whole are all there is), 1 if fn returned 1, else 0. */
static int each_rr(const struct dns_reply *r, int first,
		   int (*fn)(const struct dns_reply *, struct rr *, void *),
		   void *arg)
{
	int off = first, count = get16(r->msg + 6);
	struct rr rr;

	for (int i = 0; i < count; i++) {
		if (!read_rr(r, &off, &rr))
			return get16(r->msg + 2) & TC ? 0 : -1;
		if (rr.class == CLASS_IN && fn(r, &rr, arg))
			return 1;
	}
	return 0;
}

struct walk {
	char *name; /* the name now sought: the CNAME chain's end */
	int type;
	struct res_result *res;
	int found, bad;
};

/* a CNAME for the current name: follow it */
static int cname(const struct dns_reply *r, struct rr *rr, void *arg)
{
	struct walk *w = arg;

	if (rr->type != DNS_CNAME || strcasecmp(rr->owner, w->name))
		return 0;
	if (__dns_read_name(r->msg, r->len, rr->rdata, w->name) < 0)
		w->bad = 1;
	return 1;
}

/* a record of the type sought for the current name: keep it */
static int wanted(const struct dns_reply *r, struct rr *rr, void *arg)
{
	struct walk *w = arg;
	struct res_result *res = w->res;

	if ((int)rr->type != w->type || strcasecmp(rr->owner, w->name))
		return 0;
	if (rr->type == DNS_A) {
		if (rr->rdlen != 4) {
			w->bad = 1;
			return 1;
		}
		w->found++;
		if (res->naddrs < RES_MAXADDRS) {
			res->addrs[res->naddrs].family = AF_INET;
			memcpy(res->addrs[res->naddrs++].bytes,
			       r->msg + rr->rdata, 4);
		}
		return 0;
	}
	/* PTR: the first one is the name */
	if (__dns_read_name(r->msg, r->len, rr->rdata, res->canon) < 0)
		w->bad = 1;
	else
		w->found = 1;
	return 1;
}

int __dns_parse(const struct dns_reply *r, int type, struct res_result *res)
{
	struct walk w = {res->canon, type, res, 0, 0};
	int first, rcode = get16(r->msg + 2) & 0xf, hops = 0, k;

	if (rcode == 3)
		return EAI_NONAME; /* NXDOMAIN: no such name */
	if (rcode == 2 || rcode == 5)
		return EAI_AGAIN; /* SERVFAIL, REFUSED: another server may do */
	if (rcode != 0)
		return EAI_FAIL;
	/* the question's name (checked by __dns_reply_matches) starts the
	 * chain */
	first = __dns_read_name(r->msg, r->len, HDR, res->canon) + 4;
	res->naddrs = 0;
	while ((k = each_rr(r, first, cname, &w)) == 1 && !w.bad)
		if (++hops > MAX_CNAMES)
			return EAI_FAIL;
	if (k < 0 || w.bad || each_rr(r, first, wanted, &w) < 0 || w.bad)
		return EAI_FAIL;
	return w.found ? 0 : EAI_NODATA;
}
