// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_fbt.c - the fbt provider on kprobes (entry: arg0.. are the function's
 * arguments) and kretprobes (return: arg0 = 0, arg1 = the return value).
 * The kernel's own kprobe blacklist and its text-patching code decide
 * what can be probed and how; a function it refuses is counted, not
 * fatal.  Functions the probe path itself calls are refused up front
 * (dt_fbt_refuse.c says why for each).
 */
#include <linux/kernel.h>
#include <linux/kprobes.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/ptrace.h>
#include "dt_trace.h"

struct dt_kp {
	struct kprobe kp;
	struct kretprobe rp;
	struct dt_probe *p;
};

static void dt_fbt_args(struct pt_regs *regs, u64 *args)
{
#if defined(CONFIG_ARM)
	args[0] = regs->ARM_r0;
	args[1] = regs->ARM_r1;
	args[2] = regs->ARM_r2;
	args[3] = regs->ARM_r3;
	args[4] = args[5] = 0; /* on the stack: not read */
#else
	int i;

	for (i = 0; i < 6; i++)
		args[i] = regs_get_kernel_argument(regs, i);
#endif
}

static int dt_fbt_entry(struct kprobe *kp, struct pt_regs *regs)
{
	struct dt_kp *k = container_of(kp, struct dt_kp, kp);
	u64 args[6];

	dt_fbt_args(regs, args);
	dt_fire(k->p, args, 6);
	return 0;
}

static int dt_fbt_return(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct dt_kp *k = container_of(get_kretprobe(ri), struct dt_kp, rp);
	u64 args[2] = { 0, (u64)regs_return_value(regs) };

	dt_fire(k->p, args, 2);
	return 0;
}

int dt_fbt_enable(struct dt_probe *p)
{
	struct dt_kp *k = kzalloc(sizeof(*k), GFP_KERNEL);
	int err;

	if (!k)
		return -ENOMEM;
	k->p = p;
	if (p->ret) {
		k->rp.kp.symbol_name = p->func;
		k->rp.handler = dt_fbt_return;
		err = register_kretprobe(&k->rp);
	} else {
		k->kp.symbol_name = p->func;
		k->kp.pre_handler = dt_fbt_entry;
		err = register_kprobe(&k->kp);
	}
	if (err) {
		kfree(k);
		return err;
	}
	p->pdata = k;
	return 0;
}

/*
 * All at once: unregister_kprobes() waits for one grace period for the
 * whole batch instead of one per probe, which keeps closing the device
 * (also after SIGKILL) well under a second with thousands of probes.
 */
void dt_fbt_disable_all(void)
{
	struct kprobe **kps;
	struct kretprobe **rps;
	u32 i, nk = 0, nr = 0;

	kps = kvmalloc_array(dt_nprobes, sizeof(*kps), GFP_KERNEL);
	rps = kvmalloc_array(dt_nprobes, sizeof(*rps), GFP_KERNEL);
	if (!kps || !rps) {
		kvfree(kps);
		kvfree(rps);
		for (i = 0; i < dt_nprobes; i++)
			if (dt_probes[i].prov == DT_PROV_FBT && dt_probes[i].pdata)
				dt_fbt_disable(&dt_probes[i]);
		return;
	}
	for (i = 0; i < dt_nprobes; i++) {
		struct dt_kp *k = dt_probes[i].pdata;

		if (dt_probes[i].prov != DT_PROV_FBT || !k)
			continue;
		if (dt_probes[i].ret)
			rps[nr++] = &k->rp;
		else
			kps[nk++] = &k->kp;
	}
	if (nk)
		unregister_kprobes(kps, nk);
	if (nr)
		unregister_kretprobes(rps, nr);
	for (i = 0; i < dt_nprobes; i++) {
		if (dt_probes[i].prov != DT_PROV_FBT || !dt_probes[i].pdata)
			continue;
		kfree(dt_probes[i].pdata);
		dt_probes[i].pdata = NULL;
	}
	kvfree(kps);
	kvfree(rps);
}

void dt_fbt_disable(struct dt_probe *p)
{
	struct dt_kp *k = p->pdata;

	if (p->ret)
		unregister_kretprobe(&k->rp);
	else
		unregister_kprobe(&k->kp);
	kfree(k);
	p->pdata = NULL;
}
