/* libc/net/gai_strerror.c - getaddrinfo's and getnameinfo's error codes
 * in words, glibc's words (EAI_OVERFLOW too has none there). */
#include <netdb.h>

static const char *const texts[] = {
    [-EAI_BADFLAGS] = "Bad value for ai_flags",
    [-EAI_NONAME] = "Name or service not known",
    [-EAI_AGAIN] = "Temporary failure in name resolution",
    [-EAI_FAIL] = "Non-recoverable failure in name resolution",
    [-EAI_NODATA] = "No address associated with hostname",
    [-EAI_FAMILY] = "ai_family not supported",
    [-EAI_SOCKTYPE] = "ai_socktype not supported",
    [-EAI_SERVICE] = "Servname not supported for ai_socktype",
    [-EAI_ADDRFAMILY] = "Address family for hostname not supported",
    [-EAI_MEMORY] = "Memory allocation failure",
    [-EAI_SYSTEM] = "System error",
    [-EAI_INPROGRESS] = "Processing request in progress",
    [-EAI_CANCELED] = "Request canceled",
    [-EAI_NOTCANCELED] = "Request not canceled",
    [-EAI_ALLDONE] = "All requests done",
    [-EAI_INTR] = "Interrupted by a signal",
    [-EAI_IDN_ENCODE] = "Parameter string not correctly encoded",
};

const char *gai_strerror(int err)
{
	if (err < 0 && -err < (int)(sizeof(texts) / sizeof(texts[0])) &&
	    texts[-err])
		return texts[-err];
	return "Unknown error";
}
