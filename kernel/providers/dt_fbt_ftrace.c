// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_fbt_ftrace.c - fbt entry probes at scale: ONE ftrace_ops whose filter
 * holds every enabled function, and one callback that finds the probe by
 * the traced ip in a hash.  A kprobe each costs a full ftrace text update
 * per registration (tens of ms under qemu, minutes for thousands); here
 * the filter is built while the ops is off and the text is patched once.
 * The ops stays registered when a session closes (its table goes, so the
 * callback returns at once): closing patches no text, and the next session
 * only patches the functions that differ.  Module unload unregisters it.
 *
 * x86 only: the callback's ip is the function's ftrace site, which is the
 * symbol's address (after ENDBR64, or its sealed NOP, on IBT kernels); other architectures
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
#include <linux/math64.h>
#include <linux/fs.h>
#include <linux/version.h>
#include <linux/fcntl.h>
#include <linux/mman.h>
#include <linux/moduleparam.h>
#include <asm/cpufeature.h>
#include "dt_kmod.h"
#include "dt_trace.h"
#include "dt_fbt.h"

#if defined(HAVE_FTRACE_OPS_REGS) && defined(CONFIG_X86)
#include <asm/nops.h>

/* one session's ip -> probe table, read by the callback under RCU-sched */
struct dt_ftab {
	u32 mask; /* size - 1 */
	unsigned long *keys; /* ftrace site, 0 = empty */
	struct dt_probe **vals;
	struct dt_ftab *next_dead;
};

/* a session's entry probes being collected, and their resolved sites */
struct dt_fcol {
	struct dt_probe **pend;
	u32 npend, want;
	unsigned long *ips;
	struct dt_probe **ipp;
	u32 nips, capips;
};

static void dt_fbt_ftrace_cb(unsigned long ip, unsigned long pip,
			     struct ftrace_ops *op, struct ftrace_regs *fr);
static struct ftrace_ops dt_fops = {
	.func = dt_fbt_ftrace_cb,
	.flags = FTRACE_OPS_FL_SAVE_REGS | FTRACE_OPS_FL_RCU,
};
static int dt_fops_on; /* registered */
static int dt_fops_filtered; /* the filter was touched: free it at unload */
static unsigned long *dt_fon_ips; /* what the filter holds */
static u32 dt_fon_n;
static struct dt_ftab __rcu *dt_flive;
static struct dt_fcol *dt_fcol;
static DEFINE_SPINLOCK(dt_freap_lock);
static struct dt_ftab *dt_freap_list;

static u32 dt_iphash(unsigned long ip)
{
	return hash_long(ip, 32);
}

static struct dt_probe *dt_ftab_find(const struct dt_ftab *t, unsigned long ip)
{
	u32 i = dt_iphash(ip) & t->mask;

	while (t->keys[i]) {
		if (t->keys[i] == ip)
			return t->vals[i];
		i = (i + 1) & t->mask;
	}
	return NULL;
}

static void notrace dt_fbt_ftrace_cb(unsigned long ip, unsigned long pip,
				     struct ftrace_ops *op, struct ftrace_regs *fr)
{
	struct dt_ftab *t = rcu_dereference_sched(dt_flive);
	struct pt_regs *regs = ftrace_get_regs(fr);
	struct dt_probe *p;
	u64 args[6];
	int i;

	if (!t || !regs)
		return;
	p = dt_ftab_find(t, ip);
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
	/* ENDBR64, or (6.12) the 4-byte NOP (66 0f 1f 00) the kernel writes
	 * over it to seal a function nobody takes the address of.  On 6.1
	 * the sealed ones stay out: with them fbt:::entry soft-locks in
	 * __text_poke under qemu (not yet understood) */
	if ((b[0] == 0xf3 && b[1] == 0x0f && b[2] == 0x1e && b[3] == 0xfa) ||
	    (LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0) &&
	     b[0] == 0x66 && b[1] == 0x0f && b[2] == 0x1f && b[3] == 0x00))
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

static int dt_ips_add(struct dt_fcol *f, unsigned long site, struct dt_probe *p)
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
	struct dt_fcol *f;
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
 * Calling an unexported function through its address: where IBT is
 * enforced the target must begin with ENDBR64 (objtool seals functions
 * nobody takes the address of, and the call would trap).  A sealed one is
 * fine on a CPU without IBT (or booted ibt=off).  fbt_ksyms_file=1 skips
 * the call and reads /proc/kallsyms, the path of sealed lookups under IBT.
 */
static bool fbt_ksyms_file;
module_param(fbt_ksyms_file, bool, 0644);
MODULE_PARM_DESC(fbt_ksyms_file, "fbt entry: find functions through /proc/kallsyms, not the kernel's lookup (test)");

static void *dt_callable(const char *name)
{
	void *fn = (void *)dt_hsym_addr(name);
#ifdef CONFIG_X86_KERNEL_IBT
	u8 b[4];

	if (!fn || copy_from_kernel_nofault(b, fn, 4))
		return NULL;
	if (!(b[0] == 0xf3 && b[1] == 0x0f && b[2] == 0x1e && b[3] == 0xfa) &&
	    cpu_feature_enabled(X86_FEATURE_IBT))
		return NULL;
#endif
	return READ_ONCE(fbt_ksyms_file) ? NULL : fn;
}

/*
 * Without a callable lookup: one pass over /proc/kallsyms, read with the
 * credentials of the dtrace process enabling the probes (root, so the
 * addresses are real unless kptr_restrict=2 hides them).  Only text
 * symbols are looked at; a line split between two reads is carried over.
 * /proc/kallsyms has ->read only (kernel_read() refuses it), so it is
 * read into a buffer mapped in that process and copied from there.
 */
#define DT_KSYM_BUF 65536

static int dt_resolve_line(struct dt_resolve *r, char *line)
{
	char *sp = strchr(line, ' '), *name, *end;
	unsigned long addr;

	/* "ffffffff81000000 T name" or "... t name\t[module]" */
	if (!sp || (sp[1] != 't' && sp[1] != 'T') || sp[2] != ' ')
		return 0;
	*sp = 0;
	if (kstrtoul(line, 16, &addr) || !addr)
		return 0;
	name = sp + 3;
	end = strchr(name, '\t');
	if (end)
		*end = 0;
	return dt_resolve_sym(r, name, addr);
}

static ssize_t dt_kread(struct file *f, char *buf, size_t n, loff_t *pos, unsigned long ubuf)
{
	ssize_t r;

	if (f->f_op->read_iter || !f->f_op->read)
		return kernel_read(f, buf, n, pos);
	r = f->f_op->read(f, (char __user *)ubuf, n, pos);
	if (r > 0 && copy_from_user(buf, (const void __user *)ubuf, r))
		return -EFAULT;
	return r;
}

static int dt_resolve_file(struct dt_resolve *r)
{
	struct file *f = filp_open("/proc/kallsyms", O_RDONLY, 0);
	unsigned long ubuf;
	char *buf;
	size_t have = 0;
	loff_t pos = 0;
	u32 nsym = 0;
	int err = 0;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ubuf = current->mm ? vm_mmap(NULL, 0, DT_KSYM_BUF, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, 0) : -ENOMEM;
	if (IS_ERR_VALUE(ubuf)) {
		filp_close(f, NULL);
		return (int)ubuf;
	}
	buf = kvmalloc(DT_KSYM_BUF + 1, GFP_KERNEL);
	if (!buf) {
		vm_munmap(ubuf, DT_KSYM_BUF);
		filp_close(f, NULL);
		return -ENOMEM;
	}
	for (;;) {
		ssize_t n = dt_kread(f, buf + have, DT_KSYM_BUF - have, &pos, ubuf);
		char *line = buf, *nl;

		if (n < 0) {
			err = n;
			break;
		}
		have += n;
		buf[have] = 0;
		while ((nl = memchr(line, '\n', buf + have - line)) != NULL) {
			*nl = 0;
			nsym++;
			err = dt_resolve_line(r, line);
			if (err)
				break;
			line = nl + 1;
		}
		if (err)
			break;
		have = buf + have - line;
		memmove(buf, line, have);
		if (n == 0 || have == DT_KSYM_BUF)
			break; /* the end, or a line longer than the buffer */
		cond_resched();
	}
	kvfree(buf);
	vm_munmap(ubuf, DT_KSYM_BUF);
	filp_close(f, NULL);
	pr_info("dtracedrv: fbt: %u of %u /proc/kallsyms symbols taken\n", r->f->nips, nsym);
	return err;
}

/*
 * The kernel's own lookups are not exported: they are called through
 * their addresses (dt_callable).  On 6.12 objtool seals them all (nothing
 * takes their address): under IBT, /proc/kallsyms it is.
 */
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
		return dt_resolve_file(r);
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
		return dt_resolve_file(r);
	for (i = 0; i < r->f->npend && !r->err; i++) {
		unsigned long a = lookup(r->f->pend[i]->func);

		if (a)
			dt_resolve_sym(r, r->f->pend[i]->func, a);
		cond_resched();
	}
	return r->err;
}
#endif

static int dt_resolve(struct dt_fcol *f)
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
 * Add (or remove) ips[0..n) to the filter; a batch ftrace rejects (one ip
 * that is not an ftrace site fails it all) is split in two, down to single
 * ips, whose rejection clears them (ips[i] = 0).  Returns the rejected.
 */
static u32 dt_filter_set(unsigned long *ips, u32 n, int remove)
{
	if (!n)
		return 0;
	dt_fops_filtered = 1;
	if (ftrace_set_filter_ips(&dt_fops, ips, n, remove, 0) == 0)
		return 0;
	if (n == 1) {
		ips[0] = 0;
		return 1;
	}
	return dt_filter_set(ips, n / 2, remove) + dt_filter_set(ips + n / 2, n - n / 2, remove);
}

#define DT_FBATCH 2048

static void dt_ftab_free(struct dt_ftab *t)
{
	if (!t)
		return;
	kvfree(t->keys);
	kvfree(t->vals);
	kfree(t);
}

static void dt_fcol_free(struct dt_fcol *c)
{
	if (!c)
		return;
	kvfree(c->pend);
	kvfree(c->ips);
	kvfree(c->ipp);
	kfree(c);
}

static struct dt_ftab *dt_ftab_build(struct dt_fcol *c)
{
	struct dt_ftab *t = kzalloc(sizeof(*t), GFP_KERNEL);
	u32 n = roundup_pow_of_two(2 * c->nips + 2), i;

	if (!t)
		return NULL;
	t->mask = n - 1;
	t->keys = kvcalloc(n, sizeof(*t->keys), GFP_KERNEL);
	t->vals = kvcalloc(n, sizeof(*t->vals), GFP_KERNEL);
	if (!t->keys || !t->vals) {
		dt_ftab_free(t);
		return NULL;
	}
	for (i = 0; i < c->nips; i++) {
		u32 h;

		if (!c->ips[i])
			continue;
		h = dt_iphash(c->ips[i]) & t->mask;
		while (t->keys[h] && t->keys[h] != c->ips[i])
			h = (h + 1) & t->mask;
		t->keys[h] = c->ips[i];
		t->vals[h] = c->ipp[i];
	}
	return t;
}

/*
 * Point the ops at this session's functions: add the new sites, then drop
 * the sites of earlier sessions this one does not want (never emptying a
 * registered filter: an empty one would trace every function).
 */
static int dt_fcol_commit(struct dt_fcol *c)
{
	struct dt_ftab *t;
	unsigned long *keep;
	u32 i, nk = 0, nrm = 0, bad = 0;
	int err;

	err = dt_resolve(c);
	if (err)
		return err;
	/*
	 * Each batch added to (or dropped from) a registered ops patches the
	 * text again: for many functions, take the ops off, rebuild the
	 * filter while it is off and put it back (two passes, not dozens).
	 */
	if (dt_fops_on && c->nips + dt_fon_n > DT_FBATCH) {
		unregister_ftrace_function(&dt_fops);
		dt_fops_on = 0;
		for (i = 0; i < dt_fon_n; i += DT_FBATCH)
			dt_filter_set(dt_fon_ips + i, min_t(u32, DT_FBATCH, dt_fon_n - i), 1);
		dt_fon_n = 0;
	}
	for (i = 0; i < c->nips; i += DT_FBATCH) {
		bad += dt_filter_set(c->ips + i, min_t(u32, DT_FBATCH, c->nips - i), 0);
		cond_resched();
	}
	t = dt_ftab_build(c);
	keep = kvmalloc_array(c->nips + 1, sizeof(*keep), GFP_KERNEL);
	if (!t || !keep) {
		dt_ftab_free(t);
		kvfree(keep);
		return -ENOMEM;
	}
	for (i = 0; i < c->nips; i++)
		if (c->ips[i])
			keep[nk++] = c->ips[i];
	if (dt_fops_on && nk) {
		/* dt_fon_ips becomes the list of sites to remove */
		for (i = 0; i < dt_fon_n; i++)
			if (!dt_ftab_find(t, dt_fon_ips[i]))
				dt_fon_ips[nrm++] = dt_fon_ips[i];
		for (i = 0; i < nrm; i += DT_FBATCH)
			dt_filter_set(dt_fon_ips + i, min_t(u32, DT_FBATCH, nrm - i), 1);
	} else if (dt_fops_on) {
		/* nothing new took: the old sites stay, the callback skips them */
		for (i = 0; i < dt_fon_n; i++)
			keep[nk++] = dt_fon_ips[i];
	}
	kvfree(dt_fon_ips);
	dt_fon_ips = keep;
	dt_fon_n = nk;
	rcu_assign_pointer(dt_flive, t);
	if (!dt_fops_on && nk) {
		err = register_ftrace_function(&dt_fops);
		if (err)
			return err;
		dt_fops_on = 1;
	}
	pr_info("dtracedrv: fbt entry on %u functions through one ftrace_ops (%u sites refused by ftrace, %u dropped from the filter)\n",
		c->nips - bad, bad, nrm);
	return 0;
}

int dt_fbt_ftrace_enable(struct dt_probe *p)
{
	struct dt_fcol *c = dt_fcol;
	int err;

	if (!c) {
		u32 i, want = 0;

		/* the enabling loop calls us once per probe: count them
		 * first, so the last one commits the filter */
		for (i = 0; i < dt_nprobes; i++)
			if (dt_probes[i].prov == DT_PROV_FBT && !dt_probes[i].ret &&
			    dt_probes[i].necbs)
				want++;
		c = kzalloc(sizeof(*c), GFP_KERNEL);
		if (!c)
			return -ENOMEM;
		c->pend = kvmalloc_array(want + 1, sizeof(*c->pend), GFP_KERNEL);
		if (!c->pend) {
			kfree(c);
			return -ENOMEM;
		}
		c->want = want;
		dt_fcol = c;
	}
	if (c->npend >= c->want)
		return -EINVAL;
	c->pend[c->npend++] = p;
	if (c->npend < c->want)
		return 0;
	err = dt_fcol_commit(c);
	if (err)
		pr_info("dtracedrv: fbt entry through ftrace failed: %d\n", err);
	dt_fcol = NULL;
	dt_fcol_free(c);
	return err;
}

static void dt_fbt_ftrace_reap(struct work_struct *w)
{
	struct dt_ftab *list, *next;

	spin_lock(&dt_freap_lock);
	list = dt_freap_list;
	dt_freap_list = NULL;
	spin_unlock(&dt_freap_lock);
	if (!list)
		return;
	synchronize_rcu(); /* no callback still reads them */
	for (; list; list = next) {
		next = list->next_dead;
		dt_ftab_free(list);
	}
}

static DECLARE_WORK(dt_freap_work, dt_fbt_ftrace_reap);

/* session teardown: the callback stops finding probes at once; no text
 * is patched (see the top) */
void dt_fbt_ftrace_disable_all(void)
{
	struct dt_ftab *t = rcu_dereference_protected(dt_flive, 1);

	if (dt_fcol) {
		dt_fcol_free(dt_fcol);
		dt_fcol = NULL;
	}
	if (!t)
		return;
	RCU_INIT_POINTER(dt_flive, NULL);
	spin_lock(&dt_freap_lock);
	t->next_dead = dt_freap_list;
	dt_freap_list = t;
	spin_unlock(&dt_freap_lock);
}

void dt_fbt_ftrace_reap_start(void)
{
	if (READ_ONCE(dt_freap_list))
		schedule_work(&dt_freap_work);
}

/* module unload: the ops goes, then the tables */
void dt_fbt_ftrace_reap_wait(void)
{
	if (dt_fops_on) {
		u64 t0 = ktime_get_ns();

		unregister_ftrace_function(&dt_fops);
		dt_fops_on = 0;
		pr_info("dtracedrv: fbt ftrace_ops unregistered (%u functions) in %llu ms\n",
			dt_fon_n, div_u64(ktime_get_ns() - t0, 1000000));
	}
	if (dt_fops_filtered)
		ftrace_free_filter(&dt_fops);
	dt_fops_filtered = 0;
	kvfree(dt_fon_ips);
	dt_fon_ips = NULL;
	dt_fon_n = 0;
	dt_fbt_ftrace_reap_start();
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
