// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_stack.c - stack(), ustack(), caller, stackdepth, ucaller,
 * ustackdepth, and stack() / ustack() as aggregation keys.
 *
 * Each is walked at most once per firing and kept in the CPU's machine
 * (a clause with stack() and caller sees the same frames).
 *
 * Kernel: the unwinder's view of the current stack, less the frames of
 * the tracing machinery itself - dtracedrv, kprobes/ftrace, tracepoint
 * iterators - so the first frame is the traced context, as DTrace's
 * "artificial frames" are skipped.  At an fbt entry probe the probed
 * function's own frame is skipped too: the first frame is its caller, as
 * in DTrace.  Where the probe's registers are known (profile: the
 * interrupted ones; fbt entry on ARM: the kprobe's) the unwinder starts
 * from them instead, and nothing needs skipping by name.
 *
 * User: the interrupted user registers and a frame-pointer walk, each
 * word read with a nofault copy (no page faults with interrupts off).
 * Code built without frame pointers yields its pc and what the chain
 * happens to give; that is what DTrace on x86 does too.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/slab.h>
#include <linux/ptrace.h>
#include <linux/preempt.h>
#include <asm/irq_regs.h>
#include "dt_trace.h"
#include "dt_compat_nofault.h"
#include "dt_compat_stack.h"

#define DT_AFRAMES 32 /* room for the machinery's frames */

int dt_stack_alloc(struct dt_cpu *c)
{
	c->kstk = kmalloc_array(DT_MAXFRAMES + DT_AFRAMES, sizeof(*c->kstk), GFP_KERNEL);
	c->ustk = kmalloc_array(DT_MAXFRAMES, sizeof(*c->ustk), GFP_KERNEL);
	c->symname = kmalloc(KSYM_SYMBOL_LEN, GFP_KERNEL);
	c->nkstk = c->nustk = -1;
	return c->kstk && c->ustk && c->symname ? 0 : -ENOMEM;
}

void dt_stack_free(struct dt_cpu *c)
{
	kfree(c->kstk);
	kfree(c->ustk);
	kfree(c->symname);
}

/*
 * The registers of the probe firing on this CPU, where its provider has
 * them (fbt entry kprobes): dt_stack_probe_regs() sets them around
 * dt_fire() and returns what was there (an interrupt's probe may nest).
 */
static DEFINE_PER_CPU(struct pt_regs *, dt_probe_regs);

struct pt_regs *dt_stack_probe_regs(struct pt_regs *regs)
{
	return this_cpu_xchg(dt_probe_regs, regs);
}

/* functions that are the tracing machinery, not the traced context */
static const char *const dt_machinery[] = {
	"stack_trace_save", "arch_stack_walk", "kprobe", "__kprobe", "kretprobe",
	"__kretprobe", "arch_rethook", "rethook", "trampoline_handler", "ftrace",
	"arch_ftrace", "__traceiter_", "perf_trace", "exc_int3", "asm_exc_int3",
	"do_int3", "handle_irq_event", "__hrtimer_run_queues", "hrtimer_interrupt",
	"hrtimer_run_queues", "__sysvec_apic_timer_interrupt",
	"sysvec_apic_timer_interrupt", "asm_sysvec_apic_timer_interrupt",
	"uprobe_notify_resume", "handle_swbp", "handler_chain",
	/* ARM: kprobes by undefined instruction, and optimized ones */
	"aggr_pre_handler", "opt_pre_handler", "optimized_callback", "do_undefinstr",
	"call_undef_hook", "__und_svc",
};

/* the symbol of pc goes into c->symname: is it machinery? */
static bool dt_frame_machinery(struct dt_cpu *c, unsigned long pc)
{
	size_t i;

	c->symname[0] = 0;
	if (within_module(pc, THIS_MODULE))
		return true;
	sprint_symbol_no_offset(c->symname, pc);
	/* no symbol: a trampoline (ftrace, kprobe insn slot), not kernel text */
	if (!strncmp(c->symname, "0x", 2))
		return true;
	for (i = 0; i < ARRAY_SIZE(dt_machinery); i++)
		if (!strncmp(c->symname, dt_machinery[i], strlen(dt_machinery[i])))
			return true;
	return false;
}

/*
 * At an fbt entry probe, is pc the probed function itself?  By name, or,
 * since aliases share an address (__x64_sys_getppid is also
 * __do_sys_getppid to kallsyms), by being within its first bytes: where
 * the fentry call or breakpoint of an entry probe is.
 */
static bool dt_frame_probed(struct dt_cpu *c, const struct dt_probe *p, unsigned long pc,
			    bool byoffset)
{
	char *plus, *slash;
	unsigned long off;

	sprint_symbol(c->symname, pc);
	plus = strchr(c->symname, '+');
	if (!plus)
		return false;
	*plus++ = 0;
	if (!strcmp(c->symname, p->func))
		return true;
	slash = strchr(plus, '/');
	if (slash)
		*slash = 0;
	return byoffset && !kstrtoul(plus, 0, &off) && off <= 16;
}

/*
 * A profile probe fires from its hrtimer in the timer interrupt: the
 * unwinder is started from the interrupt's registers, so the first frame
 * is the interrupted pc (arg0) and no frame of the interrupt path is
 * there to be skipped: by name that cannot be done everywhere (each
 * platform has its own timer handlers, e.g. bcm2835_time_interrupt on the
 * Raspberry Pi), nor when the interrupted code is itself in the list
 * (dtracedrv, kprobes, ftrace).  A sample in user mode has no kernel
 * frames.  -1: no such unwinder here.
 */
static int dt_kstack_profile(struct dt_cpu *c)
{
	struct pt_regs *regs = hardirq_count() ? get_irq_regs() : NULL;

	if (!regs)
		return -1;
	if (user_mode(regs))
		return 0;
	return dt_kstack_save_regs(c->kstk, DT_MAXFRAMES, regs);
}

/*
 * fbt entry from the probe's registers, on ARM's table unwinder only: it
 * knows that at a function's first instruction the return address is
 * still in lr, where frame-pointer unwinders (x86-32) would skip the
 * caller.  It is needed there: an optimized kprobe runs its handler from
 * a trampoline the unwinder cannot walk through.  regs' pc is the probed
 * function's start: not a frame in DTrace.  -1: no registers, or not
 * this unwinder.
 */
static int dt_kstack_fbt_entry(struct dt_cpu *c, const struct dt_probe *p)
{
#if defined(CONFIG_ARM_UNWIND)
	struct pt_regs *regs = this_cpu_read(dt_probe_regs);
	int n;

	if (!regs || user_mode(regs))
		return -1;
	n = dt_kstack_save_regs(c->kstk, DT_MAXFRAMES + 1, regs);
	if (n > 0 && dt_frame_probed(c, p, c->kstk[0], true)) {
		n--;
		memmove(c->kstk, c->kstk + 1, n * sizeof(*c->kstk));
	}
	return min(n, DT_MAXFRAMES);
#else
	return -1;
#endif
}

static int dt_kstack(struct dt_cpu *c)
{
	const struct dt_probe *p = c->fire.probe;
	int n, i = 0;

	if (c->nkstk >= 0)
		return c->nkstk;
	/* profile: the interrupted context itself, from its registers */
	if (p->prov == DT_PROV_PROFILE) {
		n = dt_kstack_profile(c);
		if (n >= 0)
			return c->nkstk = n;
	}
	if (p->prov == DT_PROV_FBT && !p->ret) {
		n = dt_kstack_fbt_entry(c, p);
		if (n >= 0)
			return c->nkstk = n;
	}
	n = dt_kstack_save(c->kstk, DT_MAXFRAMES + DT_AFRAMES);
	while (i < n && i < DT_AFRAMES && dt_frame_machinery(c, c->kstk[i]))
		i++;
	/* fbt entry: the probed function has no frame yet in DTrace */
	if (i < n && p->prov == DT_PROV_FBT && !p->ret && dt_frame_probed(c, p, c->kstk[i], true)) {
		unsigned long ret = dt_kstack_entry_ret(c->kstk[i]);

		/* the unwinder may show it twice (ftrace regs, return address) */
		while (++i < n && dt_frame_probed(c, p, c->kstk[i], false))
			;
		/* its caller, where a frame-pointer unwinder went past it */
		if (ret && (i >= n || c->kstk[i] != ret) && !dt_frame_machinery(c, ret) &&
		    !dt_frame_probed(c, p, ret, true))
			c->kstk[--i] = ret;
	}
	n -= i;
	if (n > DT_MAXFRAMES)
		n = DT_MAXFRAMES;
	memmove(c->kstk, c->kstk + i, n * sizeof(*c->kstk));
	c->nkstk = n;
	return n;
}

static int dt_ustack(struct dt_cpu *c)
{
	struct task_struct *t = current;
	struct pt_regs *regs;
	int n = 0;

	if (c->nustk >= 0)
		return c->nustk;
	c->nustk = 0;
	if (!t->mm || (t->flags & PF_KTHREAD))
		return 0;
	regs = task_pt_regs(t);
	if (!regs || !user_mode(regs))
		return 0;
	c->ustk[n++] = instruction_pointer(regs);
#ifdef CONFIG_X86
	{
		unsigned long fp = regs->bp;
		int w64 = user_64bit_mode(regs);

		while (n < DT_MAXFRAMES && fp) {
			unsigned long next, ret;

			if (w64) {
				u64 fr[2];

				if (dt_read_user_nofault(fr, (const void __user *)fp, sizeof(fr)))
					break;
				next = fr[0];
				ret = fr[1];
			} else {
				u32 fr[2];

				if (dt_read_user_nofault(fr, (const void __user *)fp, sizeof(fr)))
					break;
				next = fr[0];
				ret = fr[1];
			}
			if (!ret)
				break;
			c->ustk[n++] = ret;
			if (next <= fp)
				break;
			fp = next;
		}
	}
#endif
	c->nustk = n;
	return n;
}

/* a stack of size bytes at dst: kernel pcs, or the pid and user pcs */
static void dt_stack_put(struct dt_cpu *c, u32 fmt, u8 *dst, u32 size)
{
	u32 nw = size / 8, k = 0;
	const unsigned long *src;
	int n, j;
	u64 v;

	memset(dst, 0, size);
	if (fmt == DTD_SLOT_USTACK) {
		if (!nw)
			return;
		v = current->tgid;
		memcpy(dst, &v, 8);
		k = 1;
		n = dt_ustack(c);
		src = c->ustk;
	} else {
		n = dt_kstack(c);
		src = c->kstk;
	}
	for (j = 0; j < n && k < nw; j++, k++) {
		v = src[j];
		memcpy(dst + 8 * k, &v, 8);
	}
}

/* after a clause ran: write its stack slots */
void dt_stack_fill(struct dt_cpu *c, const difo_t *dp, const struct dtd_slotx *sx, u8 *rec)
{
	u32 i;

	for (i = 0; i < dp->dtdo_nslots; i++)
		if (sx[i].sx_fmt != DTD_SLOT_PLAIN)
			dt_stack_put(c, sx[i].sx_fmt, rec + dp->dtdo_slots[i].rs_offset,
				     sx[i].sx_size);
}

int dt_stack_builtin(struct dt_cpu *c, unsigned int id, u64 *valp)
{
	int n;

	switch (id) {
	case DIF_VAR_CALLER:
		n = dt_kstack(c);
		*valp = n > 0 ? c->kstk[0] : 0;
		return 0;
	case DIF_VAR_STACKDEPTH:
		*valp = dt_kstack(c);
		return 0;
	case DIF_VAR_UCALLER:
		/* frame 0 is the current user pc, 1 its caller */
		n = dt_ustack(c);
		*valp = n > 1 ? c->ustk[1] : 0;
		return 0;
	case DIF_VAR_USTACKDEPTH:
		*valp = dt_ustack(c);
		return 0;
	}
	return DIF_FAULT_ILLOP;
}

/*
 * The VM's AGG hook: the DIF pushed each stack key as 8 zero bytes; move
 * the keys after it to where the aggregation's layout has them (last
 * first: every key only moves up) and write the stacks in.
 */
int dt_stack_aggkey(void *ctx, uint32_t aggid, uint8_t *key, uint32_t keysize)
{
	struct dt_cpu *c = ctx;
	struct dt_sess *s = c->sess;
	const struct dtd_aggkey *ak;
	u32 vo[DIF_TUPLE_MAX], fo[DIF_TUPLE_MAX], v = 0, f = 0;
	int n = 0, k;

	if (!s->aggkeys || aggid == 0 || aggid > s->env.de_naggs || !s->aggkeys[aggid - 1])
		return 0;
	ak = s->aggkeys[aggid - 1];
	for (n = 0; n < s->aggnkeys[aggid - 1]; n++) {
		vo[n] = v;
		fo[n] = f;
		v += ak[n].ak_vmsize;
		f += ak[n].ak_size;
	}
	if (f > keysize)
		return DIF_FAULT_ILLOP; /* checked at load: cannot happen */
	for (k = n - 1; k >= 0; k--) {
		if (ak[k].ak_fmt != DTD_SLOT_PLAIN)
			dt_stack_put(c, ak[k].ak_fmt, key + fo[k], ak[k].ak_size);
		else if (fo[k] != vo[k])
			memmove(key + fo[k], key + vo[k], ak[k].ak_size);
	}
	return 0;
}
