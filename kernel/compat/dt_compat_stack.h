/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dt_compat_stack.h - kernel stacks as return addresses.
 *
 * dt_kstack_save(): the current stack: stack_trace_save() since 5.2,
 * save_stack_trace() before.  Returns the number of entries stored (0 if
 * the kernel offers neither).
 *
 * dt_kstack_save_regs(): the stack of an interrupted context, from its
 * registers: regs' pc first, then its callers.  stack_trace_save_regs()
 * is not exported, so the exported unwinders are driven directly, the
 * way the kernel's own stack_trace_save_regs() drives them: x86's
 * unwind_start()/unwind_next_frame() (4.9+) and ARM's walk_stackframe()
 * over arm_get_current_stackframe().  Returns -1 where there is neither:
 * the caller then walks the current stack instead.
 */
#ifndef DT_COMPAT_STACK_H
#define DT_COMPAT_STACK_H

#include <linux/stacktrace.h>
#include <linux/sched.h>
#include <linux/ptrace.h>
#include <linux/version.h>
#include "dt_compat_nofault.h"
#if defined(CONFIG_X86) && LINUX_VERSION_CODE >= KERNEL_VERSION(4, 10, 0)
#define DT_HAVE_REGS_UNWIND 1
#include <asm/unwind.h>
#elif defined(CONFIG_ARM) && !defined(CONFIG_ARCH_STACKWALK)
/* walk_stackframe() calling int fn(struct stackframe *, void *): up to 6.1 at least */
#define DT_HAVE_REGS_UNWIND 1
#include <asm/stacktrace.h>
#endif

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

#if defined(CONFIG_ARM) && defined(DT_HAVE_REGS_UNWIND)
struct dt_arm_walk {
	unsigned long *pcs;
	unsigned int n, max;
};

static inline int dt_arm_walk_one(struct stackframe *f, void *arg)
{
	struct dt_arm_walk *w = arg;

	w->pcs[w->n++] = f->pc;
	return w->n >= w->max;
}
#endif

/* regs must be a kernel-mode context of current (an interrupt, a probe) */
static inline int dt_kstack_save_regs(unsigned long *pcs, unsigned int n, struct pt_regs *regs)
{
#if defined(CONFIG_X86) && defined(DT_HAVE_REGS_UNWIND)
	struct unwind_state st;
	unsigned long pc;
	unsigned int k = 0;

	if (!n)
		return 0;
	pcs[k++] = regs->ip;
	for (unwind_start(&st, current, regs, NULL); !unwind_done(&st) && k < n;
	     unwind_next_frame(&st)) {
		pc = unwind_get_return_address(&st);
		if (!pc)
			break;
		pcs[k++] = pc;
	}
	return k;
#elif defined(CONFIG_ARM) && defined(DT_HAVE_REGS_UNWIND)
	struct dt_arm_walk w = { .pcs = pcs, .max = n };
	struct stackframe f;

	if (!n)
		return 0;
	arm_get_current_stackframe(regs, &f);
	walk_stackframe(&f, dt_arm_walk_one, &w);
	return w.n;
#else
	return -1;
#endif
}

/*
 * At a function's first instruction (an fentry call or a breakpoint
 * there) its caller's return address is the word on top of the stack:
 * the function has pushed nothing yet.  A frame-pointer unwinder does not
 * see it: it follows the caller's saved frame pointer, to the caller's
 * caller.  This walks the current stack to the frame whose pc is pc (the
 * function's first-instruction frame) and returns that word: above the
 * frame's return address for a call frame (the fentry call), at the
 * stack pointer of an exception frame (a breakpoint).  0 if not found or
 * not needed (ORC unwinds such frames itself).  The slot is where the
 * kernel's unwind_get_return_address_ptr() (not exported) finds it.
 */
static inline unsigned long dt_kstack_entry_ret(unsigned long pc)
{
#if defined(CONFIG_X86) && defined(CONFIG_UNWINDER_FRAME_POINTER) && defined(DT_HAVE_REGS_UNWIND)
	struct unwind_state st;
	unsigned long *slot, ret;
	struct pt_regs *regs;
	int i = 0;

	for (unwind_start(&st, current, NULL, NULL); !unwind_done(&st) && i < 64;
	     unwind_next_frame(&st), i++) {
		if (unwind_get_return_address(&st) != pc)
			continue;
		regs = unwind_get_entry_regs(&st, NULL);
		slot = regs ? (unsigned long *)kernel_stack_pointer(regs) : st.bp + 2;
		if (dt_read_kernel_nofault(&ret, slot, sizeof(ret)))
			return 0;
		return ret;
	}
#endif
	return 0;
}

#endif /* DT_COMPAT_STACK_H */
