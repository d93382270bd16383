/* kernel/uaccess.c - copy_out/copy_in and the user-memory checks (see
 * uaccess.h).
 *
 * A buffer below KERNEL_VBASE is user memory: it is copied by the
 * fault-tolerant routines of uaccess_asm.asm, so a bad pointer gives
 * -EFAULT.  (The system-call layer has already refused ranges that reach
 * into the kernel.)  A buffer above is the kernel's own: plain memcpy.
 */
#include "kernel/uaccess.h"

#include "kernel/kernel.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "kernel/uapi/errno.h"
#include "kernel/vm.h"

int uaccess_copy(void *dst, const void *src, size_t n);
long uaccess_strnlen(const char *s, size_t max);
extern const uint32_t uaccess_fixups[], uaccess_fixups_end[];

static bool is_user(const void *p)
{
	return (uintptr_t)p < KERNEL_VBASE;
}

int copy_out(void *dst, const void *src, size_t n)
{
	if (!is_user(dst)) {
		memcpy(dst, src, n);
		return 0;
	}
	if (!user_range_ok((uint32_t)dst, n))
		return -EFAULT;
	return uaccess_copy(dst, src, n);
}

int copy_in(void *dst, const void *src, size_t n)
{
	if (!is_user(src)) {
		memcpy(dst, src, n);
		return 0;
	}
	if (!user_range_ok((uint32_t)src, n))
		return -EFAULT;
	return uaccess_copy(dst, src, n);
}

int copy_to_user(void *udst, const void *src, size_t n)
{
	if (!is_user(udst) || !user_range_ok((uint32_t)udst, n))
		return -EFAULT;
	return uaccess_copy(udst, src, n);
}

int copy_from_user(void *dst, const void *usrc, size_t n)
{
	if (!is_user(usrc) || !user_range_ok((uint32_t)usrc, n))
		return -EFAULT;
	return uaccess_copy(dst, usrc, n);
}

long copy_string_in(char *dst, const char *src, size_t size)
{
	uint32_t room = USER_TOP - (uint32_t)src;
	long len;

	if (!is_user(src))
		return -EFAULT;
	len = uaccess_strnlen(src, MIN(size, room));
	if (len < 0)
		return len;
	if ((size_t)len == MIN(size, room) && room < size)
		return -EFAULT; /* runs into the kernel unterminated */
	if ((size_t)len >= size)
		return -ENAMETOOLONG;
	if (copy_in(dst, src, (size_t)len))
		return -EFAULT;
	dst[len] = '\0';
	return len;
}

bool uaccess_fixup(struct trap_frame *tf)
{
	for (const uint32_t *f = uaccess_fixups; f < uaccess_fixups_end; f += 2) {
		if (tf->eip == f[0]) {
			tf->eip = f[1];
			return true;
		}
	}
	return false;
}
