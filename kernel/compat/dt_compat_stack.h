/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dt_compat_stack.h - the current kernel stack as return addresses:
 * stack_trace_save() since 5.2, save_stack_trace() before.  Returns the
 * number of entries stored (0 if the kernel offers neither).
 */
#ifndef DT_COMPAT_STACK_H
#define DT_COMPAT_STACK_H

#include <linux/stacktrace.h>

static inline unsigned int dt_kstack_save(unsigned long *pcs, unsigned int n)
{
#if defined(HAVE_STACK_TRACE_SAVE)
	return stack_trace_save(pcs, n, 0);
#elif defined(HAVE_SAVE_STACK_TRACE)
	struct stack_trace t = { .entries = pcs, .max_entries = n };

	save_stack_trace(&t);
	return t.nr_entries;
#else
	return 0;
#endif
}

#endif /* DT_COMPAT_STACK_H */
