// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_fbt_ftrace.c - fbt entry probes at scale: ONE ftrace_ops whose filter
 * holds every enabled function, and one callback that finds the probe by
 * the traced ip in a hash.  A kprobe each costs a full ftrace text update
 * per registration (tens of ms under qemu, minutes for thousands); here
 * the filter is built while the ops is off and the text is patched once.
 *
 * x86 only: the callback's ip is the function's ftrace site, which is the
 * symbol's address (after ENDBR64 on IBT kernels); other architectures
 * keep the kprobe path (dt_fbt.c).  Return probes stay on kretprobes.
 */
#include <linux/kernel.h>
#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/jhash.h>
#include <linux/uaccess.h>
#include <linux/ptrace.h>
#include <linux/workqueue.h>
#include <linux/timekeeping.h>
#include <asm/nops.h>
#include "dt_kmod.h"
#include "dt_trace.h"
#include "dt_fbt.h"

#if defined(HAVE_FTRACE_OPS_REGS) && defined(CONFIG_X86)

struct dt_fops {
	struct ftrace_ops ops;
	int dead; /* session gone: the callback returns at once */
	int registered;
	int filtered; /* ftrace_set_filter_ips() initialised the ops */
	u32 mask; /* hash size - 1 */
	unsigned long *keys; /* ftrace site, 0 = empty */
	struct dt_probe **vals;
	/* while collecting: the session's entry probes */
	struct dt_probe **pend;
	u32 npend, want;
	/* while resolving: sites found for the pending names */
	unsigned long *ips;
	struct dt_probe **ipp;
	u32 nips, capips;
	struct dt_fops *next_dead;
};

static struct dt_fops *dt_fcur; /* the session's (collecting or live) */
static DEFINE_SPINLOCK(dt_freap_lock);
static struct dt_fops *dt_freap_list;

static u32 dt_iphash(unsigned long ip)
{
	return hash_long(ip, 32);
}

static struct dt_probe *dt_fops_find(const struct dt_fops *f, unsigned long ip)
{
	u32 i = dt_iphash(ip) & f->mask;

	while (f->keys[i]) {
		if (f->keys[i] == ip)
			return f->vals[i];
		i = (i + 1) & f->mask;
	}
	return NULL;
}

static void notrace dt_fbt_ftrace_cb(unsigned long ip, unsigned long pip,
				     struct ftrace_ops *op, struct ftrace_regs *fr)
{
	struct dt_fops *f = container_of(op, struct dt_fops, ops);
	struct pt_regs *regs = ftrace_get_regs(fr);
	struct dt_probe *p;
	u64 args[6];
	int i;

	if (READ_ONCE(f->dead) || !regs)
		return;
	p = dt_fops_find(f, ip);
	if (!p)
		return;
	for (i = 0; i < 6; i++)
		args[i] = regs_get_kernel_argument(regs, i);
	dt_fire(p, args, 6);
}

/* --- resolving names to ftrace sites ------------------------------------ */

static const u8 dt_nop5[] = { BYTES_NOP5 };

/*
 * The ftrace site of a function at addr, or 0 if it has none: the
 * compiler's fentry call is a 5-byte NOP while untraced and a CALL while
 * some other ftrace user (another session being torn down, a kprobe)
 * traces it.  This only pre-filters: ftrace_set_filter_ips() has the final
 * word, and a batch it rejects is split until the culprit is found.
 */
static unsigned long dt_fsite(unsigned long addr)
{
	u8 b[5];

	if (copy_from_kernel_nofault(b, (void *)addr, 4))
		return 0;
#ifdef CONFIG_X86_KERNEL_IBT
	if (b[0] == 0xf3 && b[1] == 0x0f && b[2] == 0x1e && b[3] == 0xfa)
		addr += 4;
#endif
	if (copy_from_kernel_nofault(b, (void *)addr, 5))
		return 0;
	if (memcmp(b, dt_nop5, 5) == 0 || b[0] == 0xe8)
		return addr;
	return 0;
}

/* name -> pending probe, for the one pass over the symbol table */
struct dt_nametab {
	u32 mask;
	struct dt_probe **slot;
};

static struct dt_probe *dt_name_find(const struct dt_nametab *t, const char *name)
{
	u32 i = jhash(name, strlen(name), 0) & t->mask;

	while (t->slot[i]) {
		if (strcmp(t->slot[i]->func, name) == 0)
			return t->slot[i];
		i = (i + 1) & t->mask;
	}
	return NULL;
}

static int dt_ips_add(struct dt_fops *f, unsigned long site, struct dt_probe *p)
{
	if (f->nips == f->capips) {
		u32 ncap = f->capips ? f->capips * 2 : 1024;
		unsigned long *ni = kvmalloc_array(ncap, sizeof(*ni), GFP_KERNEL);
		struct dt_probe **np = kvmalloc_array(ncap, sizeof(*np), GFP_KERNEL);

		if (!ni || !np) {
			kvfree(ni);
			kvfree(np);
			return -ENOMEM;
		}
		if (f->nips) {
			memcpy(ni, f->ips, f->nips * sizeof(*ni));
			memcpy(np, f->ipp, f->nips * sizeof(*np));
		}
		kvfree(f->ips);
		kvfree(f->ipp);
		f->ips = ni;
		f->ipp = np;
		f->capips = ncap;
	}
	f->ips[f->nips] = site;
	f->ipp[f->nips++] = p;
	return 0;
}

struct dt_resolve {
	struct dt_fops *f;
	struct dt_nametab t;
	int err;
};

static int dt_resolve_sym(struct dt_resolve *r, const char *name, unsigned long addr)
{
	struct dt_probe *p = dt_name_find(&r->t, name);
	unsigned long site;

	if (!p)
		return 0;
	site = dt_fsite(addr);
	if (site)
		r->err = dt_ips_add(r->f, site, p);
	return r->err;
}

/*
 * Calling an unexported function through its address: on an IBT kernel
 * the target must begin with ENDBR64 (objtool seals functions nobody
 * takes the address of), or the call traps.
 */
static void *dt_callable(const char *name)
{
	void *fn = (void *)dt_hsym_addr(name);
#ifdef CONFIG_X86_KERNEL_IBT
	u8 b[4];

	if (!fn || copy_from_kernel_nofault(b, fn, 4) ||
	    !(b[0] == 0xf3 && b[1] == 0x0f && b[2] == 0x1e && b[3] == 0xfa))
		return NULL;
#endif
	return fn;
}

#ifdef HAVE_KALLSYMS_EACH_MOD
/* before 6.2 kallsyms_lookup_name() is a linear scan: one pass instead */
static int dt_each_cb(void *d, const char *name, struct module *m, unsigned long addr)
{
	return dt_resolve_sym(d, name, addr);
}

static int dt_resolve_all(struct dt_resolve *r)
{
	int (*each)(int (*)(void *, const char *, struct module *, unsigned long), void *) =
		dt_callable("kallsyms_on_each_symbol");

	if (!each)
		return -ENOENT;
	each(dt_each_cb, r);
	return r->err;
}
#else
/* 6.2+: kallsyms_lookup_name() is a binary search */
static int dt_resolve_all(struct dt_resolve *r)
{
	unsigned long (*lookup)(const char *) = dt_callable("kallsyms_lookup_name");
	u32 i;

	if (!lookup)
		return -ENOENT;
	for (i = 0; i < r->f->npend && !r->err; i++) {
		unsigned long a = lookup(r->f->pend[i]->func);

		if (a)
			dt_resolve_sym(r, r->f->pend[i]->func, a);
		cond_resched();
	}
	return r->err;
}
#endif

static int dt_resolve(struct dt_fops *f)
{
	struct dt_resolve r = { .f = f };
	u32 n = roundup_pow_of_two(2 * f->npend + 2), i;
	int err;

	r.t.mask = n - 1;
	r.t.slot = kvcalloc(n, sizeof(*r.t.slot), GFP_KERNEL);
	if (!r.t.slot)
		return -ENOMEM;
	for (i = 0; i < f->npend; i++) {
		u32 h = jhash(f->pend[i]->func, strlen(f->pend[i]->func), 0) & r.t.mask;

		while (r.t.slot[h])
			h = (h + 1) & r.t.mask;
		r.t.slot[h] = f->pend[i];
	}
	err = dt_resolve_all(&r);
	kvfree(r.t.slot);
	return err;
}

/*
 * Add ips[0..n) to the filter; a batch ftrace rejects (one ip that is not
 * an ftrace site fails it all) is split in two, down to single ips, whose
 * rejection clears them (ips[i] = 0).  Returns how many were rejected.
 */
static u32 dt_filter_add(struct dt_fops *f, unsigned long *ips, u32 n)
{
	if (!n)
		return 0;
	f->filtered = 1;
	if (ftrace_set_filter_ips(&f->ops, ips, n, 0, 0) == 0)
		return 0;
	if (n == 1) {
		ips[0] = 0;
		return 1;
	}
	return dt_filter_add(f, ips, n / 2) + dt_filter_add(f, ips + n / 2, n - n / 2);
}

#define DT_FBATCH 2048

static int dt_fops_commit(struct dt_fops *f)
{
	u32 i, n, bad = 0;
	int err;

	err = dt_resolve(f);
	if (err)
		return err;
	if (!f->nips)
		return 0;
	for (i = 0; i < f->nips; i += DT_FBATCH) {
		bad += dt_filter_add(f, f->ips + i, min_t(u32, DT_FBATCH, f->nips - i));
		cond_resched();
	}
	n = roundup_pow_of_two(2 * f->nips + 2);
	f->mask = n - 1;
	f->keys = kvcalloc(n, sizeof(*f->keys), GFP_KERNEL);
	f->vals = kvcalloc(n, sizeof(*f->vals), GFP_KERNEL);
	if (!f->keys || !f->vals)
		return -ENOMEM;
	for (i = 0; i < f->nips; i++) {
		u32 h;

		if (!f->ips[i])
			continue;
		h = dt_iphash(f->ips[i]) & f->mask;
		while (f->keys[h] && f->keys[h] != f->ips[i])
			h = (h + 1) & f->mask;
		f->keys[h] = f->ips[i];
		f->vals[h] = f->ipp[i];
	}
	if (bad == f->nips)
		return 0;
	err = register_ftrace_function(&f->ops);
	if (err)
		return err;
	f->registered = 1;
	pr_info("dtracedrv: fbt entry on %u functions through one ftrace_ops (%u sites refused by ftrace)\n",
		f->nips - bad, bad);
	return 0;
}

static void dt_fops_free(struct dt_fops *f)
{
	if (f->registered)
		unregister_ftrace_function(&f->ops);
	if (f->filtered)
		ftrace_free_filter(&f->ops);
	kvfree(f->keys);
	kvfree(f->vals);
	kvfree(f->pend);
	kvfree(f->ips);
	kvfree(f->ipp);
	kfree(f);
}

static void dt_fbt_ftrace_reap(struct work_struct *w);
static DECLARE_WORK(dt_freap_work, dt_fbt_ftrace_reap);

int dt_fbt_ftrace_enable(struct dt_probe *p)
{
	struct dt_fops *f = dt_fcur;
	int err;

	if (!f) {
		u32 i, want = 0;

		/*
		 * A closed session's ops may still be registered (its reaper
		 * waits for RCU-tasks).  Two ops on the same functions put
		 * every one of them on ftrace's list function, which under
		 * load (and TCG) starved the CPUs in interrupts: finish the
		 * old one first.  Only a new fbt consumer waits, not close.
		 */
		dt_fbt_ftrace_reap_start();
		flush_work(&dt_freap_work);

		/* the enabling loop calls us once per probe: count them
		 * first, so the last one commits the filter */
		for (i = 0; i < dt_nprobes; i++)
			if (dt_probes[i].prov == DT_PROV_FBT && !dt_probes[i].ret &&
			    dt_probes[i].necbs)
				want++;
		f = kzalloc(sizeof(*f), GFP_KERNEL);
		if (!f)
			return -ENOMEM;
		f->pend = kvmalloc_array(want + 1, sizeof(*f->pend), GFP_KERNEL);
		if (!f->pend) {
			kfree(f);
			return -ENOMEM;
		}
		f->want = want;
		f->ops.func = dt_fbt_ftrace_cb;
		f->ops.flags = FTRACE_OPS_FL_SAVE_REGS | FTRACE_OPS_FL_RCU;
		dt_fcur = f;
	}
	if (f->npend >= f->want)
		return -EINVAL;
	f->pend[f->npend++] = p;
	if (f->npend < f->want)
		return 0;
	err = dt_fops_commit(f);
	if (err)
		pr_info("dtracedrv: fbt entry through ftrace failed: %d\n", err);
	return err;
}

static void dt_fbt_ftrace_reap(struct work_struct *w)
{
	struct dt_fops *list, *next;

	spin_lock(&dt_freap_lock);
	list = dt_freap_list;
	dt_freap_list = NULL;
	spin_unlock(&dt_freap_lock);
	for (; list; list = next) {
		u64 t0 = ktime_get_ns();
		int reg = list->registered;

		next = list->next_dead;
		dt_fops_free(list);
		if (reg)
			pr_info("dtracedrv: fbt ftrace_ops of a closed session unregistered in %llu ms\n",
				(ktime_get_ns() - t0) / 1000000);
	}
}

/*
 * Session teardown: the callback stops at once (dead flag); the ops is
 * unregistered by a work item, since that waits for RCU-tasks grace
 * periods and patches the text, and the consumer must not wait for it.
 */
void dt_fbt_ftrace_disable_all(void)
{
	struct dt_fops *f = dt_fcur;

	if (!f)
		return;
	dt_fcur = NULL;
	WRITE_ONCE(f->dead, 1);
	spin_lock(&dt_freap_lock);
	f->next_dead = dt_freap_list;
	dt_freap_list = f;
	spin_unlock(&dt_freap_lock);
}

void dt_fbt_ftrace_reap_start(void)
{
	if (READ_ONCE(dt_freap_list))
		schedule_work(&dt_freap_work);
}

void dt_fbt_ftrace_reap_wait(void)
{
	flush_work(&dt_freap_work);
}

int dt_fbt_ftrace_usable(void)
{
	return 1;
}

#else /* no ftrace_ops with regs: everything stays on kprobes */

int dt_fbt_ftrace_usable(void)
{
	return 0;
}

static void dt_fbt_ftrace_reap(struct work_struct *w);
static DECLARE_WORK(dt_freap_work, dt_fbt_ftrace_reap);

int dt_fbt_ftrace_enable(struct dt_probe *p)
{
	return -EOPNOTSUPP;
}

void dt_fbt_ftrace_disable_all(void)
{
}

void dt_fbt_ftrace_reap_start(void)
{
}

void dt_fbt_ftrace_reap_wait(void)
{
}

#endif
