// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_profile.c - the profile provider: profile-N fires on every CPU from a
 * pinned hrtimer per CPU, tick-N on one CPU.  arg0 is the interrupted
 * kernel pc, arg1 the user pc (one of them is 0), as in DTrace.
 */
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/cpu.h>
#include <linux/ptrace.h>
#include <asm/irq_regs.h>
#include "dt_trace.h"

/* DTrace refuses intervals under 200 us; so do we */
#define DT_PROFILE_MIN_NS 200000ULL

struct dt_ptimer {
	struct hrtimer t;
	struct dt_probe *p;
	u64 period;
};

struct dt_prof {
	int n;
	struct dt_ptimer pt[];
};

static enum hrtimer_restart dt_profile_fn(struct hrtimer *t)
{
	struct dt_ptimer *pt = container_of(t, struct dt_ptimer, t);
	struct pt_regs *regs = get_irq_regs();
	u64 args[2] = { 0, 0 };

	if (regs) {
		if (user_mode(regs))
			args[1] = instruction_pointer(regs);
		else
			args[0] = instruction_pointer(regs);
	}
	dt_fire(pt->p, args, 2);
	hrtimer_forward_now(t, ns_to_ktime(pt->period));
	return HRTIMER_RESTART;
}

int dt_profile_enable(struct dt_probe *p)
{
	int n = p->tick ? 1 : nr_cpu_ids, i;
	struct dt_prof *pr = kzalloc(struct_size(pr, pt, n), GFP_KERNEL);

	if (!pr)
		return -ENOMEM;
	pr->n = n;
	for (i = 0; i < n; i++) {
		struct dt_ptimer *pt = &pr->pt[i];

		pt->p = p;
		pt->period = max_t(u64, p->period, DT_PROFILE_MIN_NS);
#ifdef HAVE_HRTIMER_SETUP
		hrtimer_setup(&pt->t, dt_profile_fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED);
#else
		hrtimer_init(&pt->t, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED);
		pt->t.function = dt_profile_fn;
#endif
	}
	p->pdata = pr;
	return 0;
}

static void dt_profile_start_here(void *arg)
{
	struct dt_ptimer *pt = arg;

	hrtimer_start(&pt->t, ns_to_ktime(pt->period), HRTIMER_MODE_REL_PINNED);
}

/* from the GO ioctl, after BEGIN: each CPU's timer is armed on that CPU */
void dt_profile_start(struct dt_probe *p)
{
	struct dt_prof *pr = p->pdata;
	int cpu;

	if (!pr)
		return;
	if (p->tick) {
		dt_profile_start_here(&pr->pt[0]);
		return;
	}
	cpus_read_lock();
	for_each_online_cpu(cpu)
		smp_call_function_single(cpu, dt_profile_start_here, &pr->pt[cpu], 1);
	cpus_read_unlock();
}

void dt_profile_disable(struct dt_probe *p)
{
	struct dt_prof *pr = p->pdata;
	int i;

	for (i = 0; i < pr->n; i++)
		hrtimer_cancel(&pr->pt[i].t);
	kfree(pr);
	p->pdata = NULL;
}
