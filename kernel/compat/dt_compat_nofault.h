/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dt_compat_nofault.h - fault-safe reads of kernel and user memory from any
 * context, named for what they do; the probe pass picked the kernel's API.
 * Both return 0 or a negative errno.
 */
#ifndef DT_COMPAT_NOFAULT_H
#define DT_COMPAT_NOFAULT_H

#include <linux/uaccess.h>

static inline long dt_read_kernel_nofault(void *dst, const void *src, size_t n)
{
#if defined(HAVE_COPY_FROM_KERNEL_NOFAULT)
	return copy_from_kernel_nofault(dst, src, n);
#elif defined(HAVE_PROBE_KERNEL_READ)
	return probe_kernel_read(dst, src, n);
#else
#error "no fault-safe kernel read on this kernel"
#endif
}

static inline long dt_read_user_nofault(void *dst, const void __user *src, size_t n)
{
#if defined(HAVE_COPY_FROM_USER_NOFAULT)
	return copy_from_user_nofault(dst, src, n);
#else
	/* Older kernels: pagefaults off makes the copy fail instead of sleeping. */
	long left;

	pagefault_disable();
	left = __copy_from_user_inatomic(dst, src, n);
	pagefault_enable();
	return left ? -EFAULT : 0;
#endif
}

#endif /* DT_COMPAT_NOFAULT_H */
