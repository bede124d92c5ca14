// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_fbt.c - the fbt provider on kprobes (entry: arg0.. are the function's
 * arguments) and kretprobes (return: arg0 = 0, arg1 = the return value).
 * Where the kernel has ftrace_ops with regs, entry probes all go through
 * one ftrace_ops instead, and where it has fprobe, return probes through
 * one fprobe (dt_fbt_ftrace.c): that scales to every function.
 * The kernel's own kprobe blacklist and its text-patching code decide
 * what can be probed and how; a function it refuses is counted, not
 * fatal.  Functions the probe path itself calls are refused up front
 * (dt_fbt_refuse.c says why for each).
 */
#include <linux/kernel.h>
#include <linux/kprobes.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/workqueue.h>
#include <linux/spinlock.h>
#include <linux/ptrace.h>
#include <linux/jhash.h>
#include <linux/moduleparam.h>
#include <linux/timekeeping.h>
#include <linux/math64.h>
#include "dt_trace.h"
#include "dt_fbt.h"

struct dt_kp {
	struct kprobe kp;
	struct kretprobe rp;
	struct dt_probe *p;
	int dead; /* detached from its session, waiting to be unregistered */
	struct dt_kp *next_dead;
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

	if (READ_ONCE(k->dead))
		return 0;
	dt_fbt_args(regs, args);
	regs = dt_stack_probe_regs(regs);
	dt_fire(k->p, args, 6);
	dt_stack_probe_regs(regs);
	return 0;
}

static int dt_fbt_return(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct dt_kp *k = container_of(get_kretprobe(ri), struct dt_kp, rp);
	u64 args[2] = { 0, (u64)regs_return_value(regs) };

	if (READ_ONCE(k->dead))
		return 0;
	dt_fire(k->p, args, 2);
	return 0;
}

/*
 * kprobes (and kretprobes) a session may register (module parameter
 * fbt_kprobes_max): each is a full ftrace text update (every ftrace record
 * walked, tens of ms under qemu), so beyond this many the enabling takes
 * minutes under emulation; the rest are refused and counted (fbt_failed).
 * Measured on Debian 6.1 amd64 under qemu (2 vCPUs, TCG): 108 kretprobes
 * in one batch took 2.3 s, ~21 ms each, so the default 1024 is ~22 s.
 */
static unsigned int fbt_kprobes_max = 1024;
module_param(fbt_kprobes_max, uint, 0644);
MODULE_PARM_DESC(fbt_kprobes_max, "most fbt kprobes+kretprobes a session registers (default 1024, ~21 ms each under qemu)");
static u32 dt_nkp; /* registered by the current session */

/*
 * Return probes on kretprobes are collected and registered in one
 * register_kretprobes() call once the session's last one is seen; if the
 * kernel refuses the batch they are registered one by one, so that one
 * function it will not probe costs only itself.
 */
struct dt_krcol {
	struct dt_kp **k;
	u32 n, seen, want;
};
static struct dt_krcol *dt_krcol;

static void dt_krcol_free(struct dt_krcol *c, int free_kps)
{
	u32 i;

	if (!c)
		return;
	for (i = 0; free_kps && i < c->n; i++)
		kfree(c->k[i]);
	kvfree(c->k);
	kfree(c);
}

static int dt_krcol_commit(struct dt_krcol *c)
{
	struct kretprobe **rps = kvmalloc_array(c->n + 1, sizeof(*rps), GFP_KERNEL);
	u64 t0 = ktime_get_ns();
	u32 i, bad = 0;
	int err = -ENOMEM;

	if (rps) {
		for (i = 0; i < c->n; i++)
			rps[i] = &c->k[i]->rp;
		err = c->n ? register_kretprobes(rps, c->n) : 0;
		kvfree(rps);
	}
	for (i = 0; i < c->n; i++) {
		struct dt_kp *k = c->k[i];

		if (err && register_kretprobe(&k->rp)) {
			kfree(k);
			bad++;
			continue;
		}
		k->p->pdata = k;
		dt_nkp++;
	}
	pr_info("dtracedrv: fbt return on %u kretprobes (%s, %u refused) in %llu ms\n",
		c->n - bad, err ? "one by one" : "one batch", bad,
		div_u64(ktime_get_ns() - t0, 1000000));
	return bad ? -EINVAL : 0;
}

static int dt_fbt_ret_enable(struct dt_probe *p)
{
	struct dt_krcol *c = dt_krcol;
	struct dt_kp *k = NULL;
	int err = 0;

	if (!c) {
		u32 i, want = 0;

		for (i = 0; i < dt_nprobes; i++)
			if (dt_probes[i].prov == DT_PROV_FBT && dt_probes[i].ret &&
			    dt_probes[i].necbs)
				want++;
		c = kzalloc(sizeof(*c), GFP_KERNEL);
		if (c)
			c->k = kvmalloc_array(want + 1, sizeof(*c->k), GFP_KERNEL);
		if (!c || !c->k) {
			dt_krcol_free(c, 0);
			return -ENOMEM;
		}
		c->want = want;
		dt_krcol = c;
	}
	c->seen++;
	if (dt_nkp + c->n >= READ_ONCE(fbt_kprobes_max) || c->n >= c->want)
		err = -ENOSPC;
	else if (!(k = kzalloc(sizeof(*k), GFP_KERNEL)))
		err = -ENOMEM;
	if (k) {
		k->p = p;
		k->rp.kp.symbol_name = p->func;
		k->rp.handler = dt_fbt_return;
		c->k[c->n++] = k;
	}
	if (c->seen >= c->want) {
		/* the last one: a refusal in the batch is counted on it */
		if (dt_krcol_commit(c) && !err)
			err = -EINVAL;
		dt_krcol = NULL;
		dt_krcol_free(c, 0);
	}
	return err;
}

int dt_fbt_enable(struct dt_probe *p)
{
	struct dt_kp *k;
	int err;

	if (!p->ret && dt_fbt_ftrace_usable())
		return dt_fbt_ftrace_enable(p);
	if (p->ret && dt_fbt_fprobe_usable())
		return dt_fbt_fprobe_enable(p);
	if (p->ret)
		return dt_fbt_ret_enable(p);
	if (dt_nkp >= READ_ONCE(fbt_kprobes_max))
		return -ENOSPC;
	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return -ENOMEM;
	k->p = p;
	k->kp.symbol_name = p->func;
	k->kp.pre_handler = dt_fbt_entry;
	err = register_kprobe(&k->kp);
	if (err) {
		kfree(k);
		return err;
	}
	p->pdata = k;
	dt_nkp++;
	return 0;
}

/*
 * Detaching a kprobe on an ftrace site updates ftrace for every function
 * of the kernel (tens of ms each under qemu), so a session with a
 * thousand fbt probes would take a minute to close.  Instead the probes
 * are marked dead (their handlers return at once), unhooked from the
 * probe table and unregistered in one batch by a work item; the session
 * itself is freed right away.  A new session registers its own kprobes
 * (the kernel aggregates several on one address); module unload waits
 * for the work.
 */
static DEFINE_SPINLOCK(dt_reap_lock);
static struct dt_kp *dt_reap_list;

static void dt_fbt_reap(struct work_struct *w)
{
	struct kprobe **kps;
	struct kretprobe **rps;
	struct dt_kp *list, *k, *next;
	u32 nk = 0, nr = 0, n = 0;

	spin_lock(&dt_reap_lock);
	list = dt_reap_list;
	dt_reap_list = NULL;
	spin_unlock(&dt_reap_lock);
	for (k = list; k; k = k->next_dead)
		n++;
	kps = kvmalloc_array(n + 1, sizeof(*kps), GFP_KERNEL);
	rps = kvmalloc_array(n + 1, sizeof(*rps), GFP_KERNEL);
	for (k = list; k; k = k->next_dead) {
		if (kps && rps) {
			if (k->rp.handler)
				rps[nr++] = &k->rp;
			else
				kps[nk++] = &k->kp;
		} else if (k->rp.handler) {
			unregister_kretprobe(&k->rp);
		} else {
			unregister_kprobe(&k->kp);
		}
	}
	if (nk)
		unregister_kprobes(kps, nk);
	if (nr)
		unregister_kretprobes(rps, nr);
	kvfree(kps);
	kvfree(rps);
	for (k = list; k; k = next) {
		next = k->next_dead;
		kfree(k);
	}
}

static DECLARE_WORK(dt_reap_work, dt_fbt_reap);

void dt_fbt_disable_all(void)
{
	u32 i;

	dt_fbt_ftrace_disable_all();
	dt_krcol_free(dt_krcol, 1); /* an enabling stopped halfway */
	dt_krcol = NULL;
	dt_nkp = 0;
	for (i = 0; i < dt_nprobes; i++) {
		struct dt_kp *k = dt_probes[i].pdata;

		if (dt_probes[i].prov != DT_PROV_FBT || !k)
			continue;
		WRITE_ONCE(k->dead, 1);
		dt_probes[i].pdata = NULL;
		spin_lock(&dt_reap_lock);
		k->next_dead = dt_reap_list;
		dt_reap_list = k;
		spin_unlock(&dt_reap_lock);
	}
}

/*
 * Start unregistering the dead kprobes: only once the rest of the
 * teardown is done, since their text updates hold text_mutex, which the
 * tracepoints' static-key updates need too.
 */
void dt_fbt_reap_start(void)
{
	if (READ_ONCE(dt_reap_list))
		schedule_work(&dt_reap_work);
	dt_fbt_ftrace_reap_start();
}

/* module unload: every dead kprobe is gone before the code is */
void dt_fbt_reap_wait(void)
{
	flush_work(&dt_reap_work);
	dt_fbt_ftrace_reap_wait();
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

/*
 * fbt function name -> its entry probe's id (ids are stable, the probe
 * table moves when it grows), so that providing every kernel function is
 * not a quadratic scan of the probe table.  Changed under dt_lock only.
 */
static u32 *dt_fidx;
static u32 dt_fidx_mask, dt_fidx_n;

static u32 dt_fidx_slot(const u32 *tab, u32 mask, const char *func)
{
	u32 i = jhash(func, strlen(func), 0) & mask;

	while (tab[i] && strcmp(dt_probes[tab[i] - 1].func, func) != 0)
		i = (i + 1) & mask;
	return i;
}

u32 dt_fbt_lookup(const char *func)
{
	return dt_fidx ? dt_fidx[dt_fidx_slot(dt_fidx, dt_fidx_mask, func)] : 0;
}

int dt_fbt_index(u32 id)
{
	if (2 * (dt_fidx_n + 1) > dt_fidx_mask + 1 || !dt_fidx) {
		u32 n = dt_fidx ? 2 * (dt_fidx_mask + 1) : 4096, i;
		u32 *t = kvcalloc(n, sizeof(*t), GFP_KERNEL);

		if (!t)
			return -ENOMEM;
		for (i = 0; dt_fidx && i <= dt_fidx_mask; i++)
			if (dt_fidx[i])
				t[dt_fidx_slot(t, n - 1, dt_probes[dt_fidx[i] - 1].func)] = dt_fidx[i];
		kvfree(dt_fidx);
		dt_fidx = t;
		dt_fidx_mask = n - 1;
	}
	dt_fidx[dt_fidx_slot(dt_fidx, dt_fidx_mask, dt_probes[id - 1].func)] = id;
	dt_fidx_n++;
	return 0;
}

void dt_fbt_index_free(void)
{
	kvfree(dt_fidx);
	dt_fidx = NULL;
	dt_fidx_mask = dt_fidx_n = 0;
}

/*
 * How many functions fbt takes: every kprobe costs a full ftrace update,
 * so that path stops at fbt_kprobes_max; one ftrace_ops takes them all.
 * fbt_max (module parameter) lowers either, e.g. to torture-test a given
 * scale.
 */
static unsigned int fbt_max = 65536;
module_param(fbt_max, uint, 0644);
MODULE_PARM_DESC(fbt_max, "most fbt functions to provide (default 65536; fbt_kprobes_max without ftrace_ops)");

u32 dt_fbt_max(void)
{
	return dt_fbt_ftrace_usable() ? fbt_max : min(fbt_max, READ_ONCE(fbt_kprobes_max));
}
