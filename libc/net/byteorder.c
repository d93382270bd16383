/* libc/net/byteorder.c - host to network byte order and back.  The host
 * (i386) is little-endian and the network big-endian, so each is a byte
 * swap.  <netinet/in.h> also makes them macros; these are the functions
 * for code that takes their address or #undefs the macros. */
#include <netinet/in.h>

#undef htons
#undef htonl
#undef ntohs
#undef ntohl

uint16_t htons(uint16_t x)
{
	return __builtin_bswap16(x);
}

uint32_t htonl(uint32_t x)
{
	return __builtin_bswap32(x);
}

uint16_t ntohs(uint16_t x)
{
	return __builtin_bswap16(x);
}

uint32_t ntohl(uint32_t x)
{
	return __builtin_bswap32(x);
}
