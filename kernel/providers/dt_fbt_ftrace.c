// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_fbt_ftrace.c - fbt at scale on x86: every enabled entry probe goes
 * through ONE ftrace_ops, and (where the kernel has fprobe) every enabled
 * return probe through ONE fprobe; each callback finds the probe by the
 * traced ip in a hash.  A kprobe each costs a full ftrace text update per
 * registration (tens of ms under qemu, minutes for thousands); here the
 * filter grows in chunks of DT_FBATCH sites, each one kernel text pass,
 * with a reschedule point between them (one pass over 36,000 sites holds
 * the CPU long enough under qemu for RCU to report a stall).
 * The ops/fprobe stays registered when a session closes (its table goes,
 * so the callback returns at once): closing patches no text, and the next
 * session only patches the functions that differ.  Module unload
 * unregisters them.
 *
 * x86 only: the callback's ip is the function's ftrace site, which is the
 * symbol's address (after ENDBR64, or its sealed NOP, on IBT kernels);
 * other architectures keep kprobes/kretprobes (dt_fbt.c).
 * Return probes: arg0 = 0 (the offset of the return instruction is not
 * known when the function has returned into the rethook trampoline),
 * arg1 = the return value; the same as the kretprobe path.
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
#include <linux/cpumask.h>
#include <asm/cpufeature.h>
#include "dt_kmod.h"
#include "dt_trace.h"
#include "dt_fbt.h"

#if defined(HAVE_FTRACE_OPS_REGS) && defined(CONFIG_X86)
#define DT_FENTRY 1
#endif
#if (defined(HAVE_FPROBE) || defined(HAVE_FPROBE_FREGS)) && defined(CONFIG_X86)
#define DT_FRET 1
#include <linux/fprobe.h>
#endif

#if defined(DT_FENTRY) || defined(DT_FRET)
#include <asm/nops.h>

/*
 * One session's ip -> probes table, read by the callbacks under RCU-sched.
 * Several names can share a site (aliases such as __ia32_sys_getppid and
 * __x64_sys_getppid): each slot heads a chain of the site's probes.
 */
struct dt_ftab {
	u32 mask; /* size - 1 */
	unsigned long *keys; /* ftrace site, 0 = empty */
	u32 *head; /* 1 + index into probe/next of the slot's first, 0 = none */
	struct dt_probe **probe;
	u32 *next; /* 1 + index of the next probe of the same site, 0 = end */
	struct dt_ftab *next_dead;
};

/* a session's entry (or return) probes being collected, and their sites */
struct dt_fcol {
	struct dt_probe **pend;
	u32 npend, want;
	unsigned long *ips;
	struct dt_probe **ipp;
	u32 nips, capips;
};

/*
 * One ftrace user holding many functions: the entry ftrace_ops or the
 * return fprobe.  start() registers it with the sites already in its
 * filter (ips[0..n) among them), stop() unregisters it and empties the
 * filter.
 */
struct dt_fset {
	const char *what;
	u8 ret; /* collects return probes */
	struct ftrace_ops *ops;
	int (*start)(struct dt_fset *s, unsigned long *ips, u32 n);
	void (*stop)(struct dt_fset *s);
	int on; /* registered */
	int broken; /* start failed after freeing the filter (fprobe): unused since */
	int filtered; /* the filter was touched: free it at unload */
	unsigned long *fon_ips; /* what the filter holds */
	u32 fon_n;
	struct dt_ftab __rcu *live;
	struct dt_fcol *col;
};

static DEFINE_SPINLOCK(dt_freap_lock);
static struct dt_ftab *dt_freap_list;

static u32 dt_iphash(unsigned long ip)
{
	return hash_long(ip, 32);
}

/* the chain of ip's probes: 1 + index of the first, 0 = none */
static u32 dt_ftab_find(const struct dt_ftab *t, unsigned long ip)
{
	u32 i = dt_iphash(ip) & t->mask;

	while (t->keys[i]) {
		if (t->keys[i] == ip)
			return t->head[i];
		i = (i + 1) & t->mask;
	}
	return 0;
}

/* fire every probe of a site */
static void dt_ftab_fire(const struct dt_ftab *t, u32 k, const u64 *args, int nargs)
{
	for (; k; k = t->next[k - 1])
		dt_fire(t->probe[k - 1], args, nargs);
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
 * Which of ips[0..n) ftrace takes, tried on a scratch ops that is never
 * registered (no text is patched): a batch it rejects (one ip that is not
 * an ftrace site fails it all) is split in two, down to single ips, whose
 * rejection clears them (ips[i] = 0).  Returns the rejected.  Done on the
 * live ops, each split would be a text pass of its own (minutes under
 * qemu for a few dozen refusals among 36,000 sites).
 */
static struct ftrace_ops dt_fcheck_ops;
static int dt_fcheck_used;

static u32 dt_filter_check(unsigned long *ips, u32 n)
{
	if (!n)
		return 0;
	/* reset: the scratch filter holds only this batch (every
	 * ftrace_set_filter_ips() copies what it holds) */
	if (ftrace_set_filter_ips(&dt_fcheck_ops, ips, n, 0, 1) == 0)
		return 0;
	if (n == 1) {
		ips[0] = 0;
		return 1;
	}
	return dt_filter_check(ips, n / 2) + dt_filter_check(ips + n / 2, n - n / 2);
}

/* add (or remove) sites ftrace takes: on a registered ops one text pass */
static int dt_filter_set(struct dt_fset *s, unsigned long *ips, u32 n, int remove)
{
	if (!n)
		return 0;
	s->filtered = 1;
	return ftrace_set_filter_ips(s->ops, ips, n, remove, 0);
}

/* sites per filter update: one text pass each, a reschedule point between */
#define DT_FBATCH 2048

static void dt_ftab_free(struct dt_ftab *t)
{
	if (!t)
		return;
	kvfree(t->keys);
	kvfree(t->head);
	kvfree(t->probe);
	kvfree(t->next);
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
	t->head = kvcalloc(n, sizeof(*t->head), GFP_KERNEL);
	t->probe = kvmalloc_array(c->nips + 1, sizeof(*t->probe), GFP_KERNEL);
	t->next = kvmalloc_array(c->nips + 1, sizeof(*t->next), GFP_KERNEL);
	if (!t->keys || !t->head || !t->probe || !t->next) {
		dt_ftab_free(t);
		return NULL;
	}
	for (i = 0; i < c->nips; i++) {
		u32 h = dt_iphash(c->ips[i]) & t->mask;

		while (t->keys[h] && t->keys[h] != c->ips[i])
			h = (h + 1) & t->mask;
		t->keys[h] = c->ips[i];
		t->probe[i] = c->ipp[i];
		t->next[i] = t->head[h];
		t->head[h] = i + 1;
	}
	return t;
}

/*
 * c's sites ftrace took, each once, packed in place (two names of one
 * address share a site: the last one heads its chain).  Returns
 * how many stay.  A site twice in a batch would fail its removal later.
 */
static u32 dt_ips_pack(struct dt_fcol *c, const struct dt_ftab *t)
{
	u32 i, k = 0;

	for (i = 0; i < c->nips; i++)
		if (c->ips[i] && dt_ftab_find(t, c->ips[i]) == i + 1)
			c->ips[k++] = c->ips[i];
	return k;
}

static void dt_ftab_retire(struct dt_ftab *t)
{
	if (!t)
		return;
	spin_lock(&dt_freap_lock);
	t->next_dead = dt_freap_list;
	dt_freap_list = t;
	spin_unlock(&dt_freap_lock);
}

/*
 * Point the ops at this session's functions: the table goes live first,
 * then the new sites are added chunk by chunk (registering the ops once
 * the first chunk holds a site), then the sites of earlier sessions this
 * one does not want are dropped (never emptying a registered filter: an
 * empty one would trace every function).
 */
static int dt_fset_commit(struct dt_fset *s, struct dt_fcol *c)
{
	struct dt_ftab *t;
	unsigned long *keep;
	u64 t0 = ktime_get_ns(), tmax = 0, t1;
	u32 i, n, nk = 0, nrm = 0, noff = 0, bad = 0;
	int err;

	err = dt_resolve(c);
	if (err)
		return err;
	t = dt_ftab_build(c);
	keep = kvmalloc_array(c->nips + s->fon_n + 1, sizeof(*keep), GFP_KERNEL);
	if (!t || !keep) {
		dt_ftab_free(t);
		kvfree(keep);
		return -ENOMEM;
	}
	dt_ftab_retire(rcu_dereference_protected(s->live, 1));
	rcu_assign_pointer(s->live, t);
	/*
	 * Many sites to drop from the entry ops: take it off (one kernel
	 * pass) and drop them while it is off.  Dropping them chunk by chunk
	 * from the live ops left a vCPU of multi-threaded qemu re-executing a
	 * vanished int3 (soft lockup on 6.1, int3 oops on 6.12) - the stale
	 * code the torture's comment describes.  The fprobe keeps the chunks:
	 * unregister_fprobe() frees its filter without forgetting it.
	 */
	for (i = 0; i < s->fon_n; i++)
		if (!dt_ftab_find(t, s->fon_ips[i]))
			nrm++;
	if (s->on && !s->ret && nrm > DT_FBATCH) {
		unregister_ftrace_function(s->ops);
		s->on = 0;
		for (i = nrm = 0; i < s->fon_n; i++)
			if (!dt_ftab_find(t, s->fon_ips[i]))
				s->fon_ips[nrm++] = s->fon_ips[i];
		/* those this session wants stay in the filter: its sites
		 * (below) add them again, which is a no-op */
		for (i = 0; i < nrm; i += DT_FBATCH) {
			dt_filter_set(s, s->fon_ips + i, min_t(u32, DT_FBATCH, nrm - i), 1);
			cond_resched();
		}
		s->fon_n = 0;
		noff = nrm;
	}
	nrm = 0;
	for (i = 0; i < c->nips; i += DT_FBATCH) {
		bad += dt_filter_check(c->ips + i, min_t(u32, DT_FBATCH, c->nips - i));
		dt_fcheck_used = 1;
		cond_resched();
	}
	n = dt_ips_pack(c, t);
	for (i = 0; i < n; i += DT_FBATCH) {
		u32 m = min_t(u32, DT_FBATCH, n - i);

		t1 = ktime_get_ns();
		err = dt_filter_set(s, c->ips + i, m, 0);
		if (!err && !s->on) {
			err = s->start(s, c->ips + i, m);
			s->on = !err;
			/* a failed register_fprobe_ips() freed the filter
			 * (without forgetting it): the fprobe is not used again */
			if (err && s->ret) {
				s->broken = 1;
				s->filtered = 0;
				nk = 0;
				goto out;
			}
		}
		if (err) {
			/* what was added stays in the filter (and in
			 * fon_ips, to be dropped by a later session) */
			memcpy(keep + nk, c->ips + i, m * sizeof(*keep));
			nk += m;
			goto out;
		}
		memcpy(keep + nk, c->ips + i, m * sizeof(*keep));
		nk += m;
		tmax = max(tmax, ktime_get_ns() - t1);
		cond_resched();
	}
	if (nk) {
		/* s->fon_ips becomes the list of sites to remove */
		for (i = 0; i < s->fon_n; i++)
			if (!dt_ftab_find(t, s->fon_ips[i]))
				s->fon_ips[nrm++] = s->fon_ips[i];
		for (i = 0; i < nrm; i += DT_FBATCH) {
			u32 m = min_t(u32, DT_FBATCH, nrm - i);

			t1 = ktime_get_ns();
			if (dt_filter_set(s, s->fon_ips + i, m, 1)) {
				/* keep what could not be dropped */
				memcpy(keep + nk, s->fon_ips + i, m * sizeof(*keep));
				nk += m;
			}
			tmax = max(tmax, ktime_get_ns() - t1);
			cond_resched();
		}
	} else {
		/* nothing new took: the old sites stay, the callback skips them */
		for (i = 0; i < s->fon_n; i++)
			keep[nk++] = s->fon_ips[i];
	}
	pr_info("dtracedrv: fbt %s on %u functions through one %s (%u sites refused by ftrace, %u dropped from the filter) in %llu ms, longest text pass %llu ms\n",
		s->what, n, s->ret ? "fprobe" : "ftrace_ops", bad, nrm + noff,
		div_u64(ktime_get_ns() - t0, 1000000), div_u64(tmax, 1000000));
out:
	if (err && !s->broken) {
		/* the old sites are still in the filter (those this session
		 * wants may be twice: left out, they stay until unload) */
		for (i = 0; i < s->fon_n; i++)
			if (!dt_ftab_find(t, s->fon_ips[i]))
				keep[nk++] = s->fon_ips[i];
	}
	kvfree(s->fon_ips);
	s->fon_ips = keep;
	s->fon_n = nk;
	return err;
}

static int dt_fset_enable(struct dt_fset *s, struct dt_probe *p)
{
	struct dt_fcol *c = s->col;
	int err;

	if (!c) {
		u32 i, want = 0;

		/* the enabling loop calls us once per probe: count them
		 * first, so the last one commits the filter */
		for (i = 0; i < dt_nprobes; i++)
			if (dt_probes[i].prov == DT_PROV_FBT && dt_probes[i].ret == s->ret &&
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
		s->col = c;
	}
	if (c->npend >= c->want)
		return -EINVAL;
	c->pend[c->npend++] = p;
	if (c->npend < c->want)
		return 0;
	err = dt_fset_commit(s, c);
	if (err)
		pr_info("dtracedrv: fbt %s through %s failed: %d\n", s->what,
			s->ret ? "fprobe" : "ftrace_ops", err);
	s->col = NULL;
	dt_fcol_free(c);
	return err;
}

/* session teardown: the callback stops finding probes at once; no text
 * is patched (see the top) */
static void dt_fset_disable_all(struct dt_fset *s)
{
	struct dt_ftab *t = rcu_dereference_protected(s->live, 1);

	dt_fcol_free(s->col);
	s->col = NULL;
	RCU_INIT_POINTER(s->live, NULL);
	dt_ftab_retire(t);
}

/* module unload: the ops goes (the tables after a grace period) */
static void dt_fset_unload(struct dt_fset *s)
{
	if (s->on) {
		u64 t0 = ktime_get_ns();

		s->stop(s);
		s->on = 0;
		pr_info("dtracedrv: fbt %s unregistered (%u functions) in %llu ms\n",
			s->what, s->fon_n, div_u64(ktime_get_ns() - t0, 1000000));
	} else if (s->filtered) {
		ftrace_free_filter(s->ops);
	}
	s->filtered = 0;
	kvfree(s->fon_ips);
	s->fon_ips = NULL;
	s->fon_n = 0;
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

static void dt_fsets_reap_start(void)
{
	if (READ_ONCE(dt_freap_list))
		schedule_work(&dt_freap_work);
}

static void dt_fsets_reap_wait(void)
{
	/* ftrace_free_filter() frees without forgetting: unload only */
	if (dt_fcheck_used)
		ftrace_free_filter(&dt_fcheck_ops);
	dt_fcheck_used = 0;
	dt_fsets_reap_start();
	flush_work(&dt_freap_work);
}
#endif /* DT_FENTRY || DT_FRET */

/* --- entry: one ftrace_ops ---------------------------------------------- */
#ifdef DT_FENTRY
static void dt_fbt_ftrace_cb(unsigned long ip, unsigned long pip,
			     struct ftrace_ops *op, struct ftrace_regs *fr);
static struct ftrace_ops dt_fops = {
	.func = dt_fbt_ftrace_cb,
	.flags = FTRACE_OPS_FL_SAVE_REGS | FTRACE_OPS_FL_RCU,
};

static int dt_fops_start(struct dt_fset *s, unsigned long *ips, u32 n)
{
	return register_ftrace_function(s->ops);
}

static void dt_fops_stop(struct dt_fset *s)
{
	unregister_ftrace_function(s->ops);
	ftrace_free_filter(s->ops);
}

static struct dt_fset dt_fentry = {
	.what = "entry", .ops = &dt_fops, .start = dt_fops_start, .stop = dt_fops_stop,
};

static void notrace dt_fbt_ftrace_cb(unsigned long ip, unsigned long pip,
				     struct ftrace_ops *op, struct ftrace_regs *fr)
{
	struct dt_ftab *t = rcu_dereference_sched(dt_fentry.live);
	struct pt_regs *regs = ftrace_get_regs(fr);
	u64 args[6];
	u32 k;
	int i;

	if (!t || !regs)
		return;
	k = dt_ftab_find(t, ip);
	if (!k)
		return;
	for (i = 0; i < 6; i++)
		args[i] = regs_get_kernel_argument(regs, i);
	dt_ftab_fire(t, k, args, 6);
}

int dt_fbt_ftrace_usable(void)
{
	return 1;
}

int dt_fbt_ftrace_enable(struct dt_probe *p)
{
	return dt_fset_enable(&dt_fentry, p);
}
#else
int dt_fbt_ftrace_usable(void)
{
	return 0;
}

int dt_fbt_ftrace_enable(struct dt_probe *p)
{
	return -EOPNOTSUPP;
}
#endif

/* --- return: one fprobe -------------------------------------------------- */
#ifdef DT_FRET
/*
 * Return nodes the fprobe preallocates (fixed when it is first registered):
 * every traced call in flight - on a CPU or in a sleeping task's stack -
 * holds one; when they run out the return is missed (counted by the
 * kernel in nmissed, reported at unload).
 */
static unsigned int fbt_ret_active = 16384;
module_param(fbt_ret_active, uint, 0444);
MODULE_PARM_DESC(fbt_ret_active, "fbt return through fprobe: calls in flight tracked (default 16384)");

#ifdef HAVE_FPROBE_FREGS
#define DT_FPREGS struct ftrace_regs
#define dt_fp_retval(r) ftrace_regs_get_return_value(r)
#else
#define DT_FPREGS struct pt_regs
#define dt_fp_retval(r) regs_return_value(r)
#endif

static int dt_fp_entry(struct fprobe *fp, unsigned long ip, unsigned long rip,
		       DT_FPREGS *regs, void *data);
static void dt_fp_exit(struct fprobe *fp, unsigned long ip, unsigned long rip,
		       DT_FPREGS *regs, void *data);
static struct fprobe dt_fp = {
	.entry_handler = dt_fp_entry,
	.exit_handler = dt_fp_exit,
};

static int dt_fp_start(struct dt_fset *s, unsigned long *ips, u32 n)
{
	dt_fp.nr_maxactive = max(fbt_ret_active, 2 * num_possible_cpus());
	return register_fprobe_ips(&dt_fp, ips, n);
}

static void dt_fp_stop(struct dt_fset *s)
{
	pr_info("dtracedrv: fbt return: %lu returns missed (fbt_ret_active=%u)\n",
		dt_fp.nmissed, fbt_ret_active);
	unregister_fprobe(&dt_fp); /* frees the filter too */
}

static struct dt_fset dt_fret = {
	.what = "return", .ret = 1, .ops = &dt_fp.ops, .start = dt_fp_start, .stop = dt_fp_stop,
};

/* only calls into a function a session wants take a return node */
static int notrace dt_fp_entry(struct fprobe *fp, unsigned long ip, unsigned long rip,
			       DT_FPREGS *regs, void *data)
{
	struct dt_ftab *t = rcu_dereference_sched(dt_fret.live);

	return !t || !dt_ftab_find(t, ip);
}

static void notrace dt_fp_exit(struct fprobe *fp, unsigned long ip, unsigned long rip,
			       DT_FPREGS *regs, void *data)
{
	struct dt_ftab *t;
	u64 args[2];
	u32 k;

	/* looked up again: the session may have changed since the entry */
	preempt_disable_notrace();
	t = rcu_dereference_sched(dt_fret.live);
	k = t && regs ? dt_ftab_find(t, ip) : 0;
	if (k) {
		args[0] = 0;
		args[1] = (u64)dt_fp_retval(regs);
		dt_ftab_fire(t, k, args, 2);
	}
	preempt_enable_notrace();
}

int dt_fbt_fprobe_usable(void)
{
	return !dt_fret.broken;
}

int dt_fbt_fprobe_enable(struct dt_probe *p)
{
	return dt_fset_enable(&dt_fret, p);
}
#else
int dt_fbt_fprobe_usable(void)
{
	return 0;
}

int dt_fbt_fprobe_enable(struct dt_probe *p)
{
	return -EOPNOTSUPP;
}
#endif

/* --- both ---------------------------------------------------------------- */
void dt_fbt_ftrace_disable_all(void)
{
#ifdef DT_FENTRY
	dt_fset_disable_all(&dt_fentry);
#endif
#ifdef DT_FRET
	dt_fset_disable_all(&dt_fret);
#endif
}

void dt_fbt_ftrace_reap_start(void)
{
#if defined(DT_FENTRY) || defined(DT_FRET)
	dt_fsets_reap_start();
#endif
}

/* module unload: the ops go, then the tables */
void dt_fbt_ftrace_reap_wait(void)
{
#ifdef DT_FENTRY
	dt_fset_unload(&dt_fentry);
#endif
#ifdef DT_FRET
	dt_fset_unload(&dt_fret);
#endif
#if defined(DT_FENTRY) || defined(DT_FRET)
	dt_fsets_reap_wait();
#endif
}
