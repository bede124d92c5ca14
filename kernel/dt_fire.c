// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_fire.c - the probe path and the consumer's snapshots.
 *
 * A firing runs entirely on its own CPU with interrupts off
 * (local_irq_save): it writes only that CPU's machine state, its active
 * principal buffer half and its active aggregation buffer half.  The
 * consumer flips the active halves (a single store) and then waits one
 * RCU grace period: an interrupts-off region is an RCU read-side critical
 * section, so afterwards no firing can still be writing the old halves
 * and they are read without any lock or cross-CPU call from probe
 * context.  Shared state (dynamic variables, speculations) is behind raw
 * spinlocks taken with interrupts off and never held across anything
 * that can fire a probe of ours (the recursion guard drops nested firings).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/uaccess.h>
#include <linux/timekeeping.h>
#include <linux/rcupdate.h>
#include <linux/irqflags.h>
#include <linux/smp.h>
#include <linux/limits.h>
#include "dt_trace.h"
#include "dt_consume_rec.h"

#define DT_SCRATCH (64 * 1024)

static u64 dt_now(void)
{
	/* the NMI-safe clock: ktime_get_ns() spins on the timekeeping
	 * seqcount and would never finish inside a probe in its writer */
	return ktime_get_mono_fast_ns();
}

static int dt_builtin(void *ctx, unsigned int id, uint64_t ndx, uint64_t *valp)
{
	struct dt_cpu *c = ctx;
	struct dt_fctx *f = &c->fire;
	struct task_struct *t = current;

	if (id >= DIF_VAR_ARG0 && id <= DIF_VAR_ARG9) {
		*valp = f->args[id - DIF_VAR_ARG0];
		return 0;
	}
	switch (id) {
	case DIF_VAR_ARGS:
		if (ndx >= 10)
			return DIF_FAULT_ILLOP;
		*valp = f->args[ndx];
		return 0;
	case DIF_VAR_TIMESTAMP:
		*valp = dt_now();
		return 0;
	case DIF_VAR_VTIMESTAMP:
		*valp = t->se.sum_exec_runtime;
		return 0;
	case DIF_VAR_WALLTIMESTAMP:
		*valp = ktime_get_real_fast_ns();
		return 0;
	case DIF_VAR_PID:
		*valp = t->tgid;
		return 0;
	case DIF_VAR_TID:
		*valp = t->pid;
		return 0;
	case DIF_VAR_PPID:
		/* interrupts are off: this is an RCU read-side section */
		*valp = task_tgid_nr(rcu_dereference_sched(t->real_parent));
		return 0;
	case DIF_VAR_UID:
		*valp = from_kuid(&init_user_ns, task_cred_xxx(t, uid));
		return 0;
	case DIF_VAR_GID:
		*valp = from_kgid(&init_user_ns, task_cred_xxx(t, gid));
		return 0;
	case DIF_VAR_EXECNAME:
		memcpy(f->execname, t->comm, TASK_COMM_LEN);
		f->execname[TASK_COMM_LEN] = 0;
		*valp = (uintptr_t)f->execname;
		return 0;
	case DIF_VAR_PROBEPROV:
		*valp = (uintptr_t)(f->probe->prov == DT_PROV_DTRACE ? "dtrace" :
				    f->probe->prov == DT_PROV_PROFILE ? "profile" :
				    f->probe->prov == DT_PROV_SYSCALL ? "syscall" :
				    f->probe->prov == DT_PROV_SDT ? "sdt" :
				    f->probe->prov == DT_PROV_PID ? f->prov : "fbt");
		if (f->probe->prov == DT_PROV_PID)
			snprintf(f->prov, sizeof(f->prov), "pid%u", f->probe->nr);
		return 0;
	case DIF_VAR_PROBEMOD:
		*valp = (uintptr_t)f->probe->mod;
		return 0;
	case DIF_VAR_PROBEFUNC:
		*valp = (uintptr_t)f->probe->func;
		return 0;
	case DIF_VAR_PROBENAME:
		*valp = (uintptr_t)f->probe->name;
		return 0;
	case DIF_VAR_CPU:
	case DIF_VAR_CURCPU:
		*valp = c->cpu;
		return 0;
	case DIF_VAR_ID:
		*valp = f->probe->id;
		return 0;
	case DIF_VAR_EPID:
		*valp = f->epid;
		return 0;
	case DIF_VAR_ERRNO:
		*valp = f->errno_val;
		return 0;
	case DIF_VAR_CURTHREAD:
		*valp = (uintptr_t)t;
		return 0;
	case DIF_VAR_IPL:
		*valp = in_hardirq() ? 1 : 0;
		return 0;
	case DIF_VAR_CALLER:
	case DIF_VAR_UCALLER:
	case DIF_VAR_STACKDEPTH:
	case DIF_VAR_USTACKDEPTH:
		return dt_stack_builtin(c, id, valp);
	case DIF_VAR_ZONENAME:
		*valp = (uintptr_t)f->zonename;
		return 0;
	case DIF_VAR_CWD:
	case DIF_VAR_ROOTDIR:
		return dt_cwd(c, id == DIF_VAR_ROOTDIR, valp);
	default:
		return DIF_FAULT_ILLOP;
	}
}

static uint64_t dt_threadkey(void *ctx)
{
	struct dt_cpu *c = ctx;

	/* every CPU's idle task is pid 0: tell them apart */
	return current->pid ? (u64)current->pid : (1ULL << 32) | c->cpu;
}

static int dt_progenyof(void *ctx, uint64_t pid)
{
	struct task_struct *t = current;

	for (;;) {
		if ((u64)t->tgid == pid)
			return 1;
		if (t->pid <= 1)
			return pid == 1 || pid == 0;
		t = rcu_dereference_sched(t->real_parent);
	}
}

static uint64_t dt_spec_alloc(void *ctx)
{
	struct dt_sess *s = ((struct dt_cpu *)ctx)->sess;
	u32 i;

	for (i = 0; i < s->nspec; i++) {
		struct dt_spec *sp = &s->specs[i];
		int got = 0;

		raw_spin_lock(&sp->lock);
		if (!sp->busy) {
			sp->busy = 1;
			sp->len = 0;
			got = 1;
		}
		raw_spin_unlock(&sp->lock);
		if (got)
			return i + 1;
	}
	atomic64_inc(&s->specbusy);
	return 0;
}

static int dt_spec_commit(void *ctx, uint64_t id)
{
	struct dt_cpu *c = ctx;
	struct dt_sess *s = c->sess;
	struct dt_spec *sp;

	if (id == 0 || id > s->nspec)
		return 0;
	sp = &s->specs[id - 1];
	raw_spin_lock(&sp->lock);
	if (sp->busy) {
		dt_buf_append(c, READ_ONCE(c->cur), sp->data, sp->len);
		sp->len = 0;
		sp->busy = 0;
	}
	raw_spin_unlock(&sp->lock);
	return 0;
}

static int dt_spec_discard(void *ctx, uint64_t id)
{
	struct dt_sess *s = ((struct dt_cpu *)ctx)->sess;
	struct dt_spec *sp;

	if (id == 0 || id > s->nspec)
		return 0;
	sp = &s->specs[id - 1];
	raw_spin_lock(&sp->lock);
	sp->len = 0;
	sp->busy = 0;
	raw_spin_unlock(&sp->lock);
	return 0;
}

static void dt_spec_append(struct dt_sess *s, u64 id, const void *p, u32 n)
{
	struct dt_spec *sp;

	if (id == 0 || id > s->nspec)
		return;
	sp = &s->specs[id - 1];
	raw_spin_lock(&sp->lock);
	if (!sp->busy)
		; /* inactive speculation: dropped, as in DTrace */
	else if (sp->len + n > sp->cap)
		atomic64_inc(&s->specdrops);
	else {
		memcpy(sp->data + sp->len, p, n);
		sp->len += n;
	}
	raw_spin_unlock(&sp->lock);
}

int dt_sess_cpus_alloc(struct dt_sess *s)
{
	const struct dtd_prog_hdr *h = s->hdr;
	u32 maxrec = 0, i, strsize = h->ph_strsize;
	u64 bufsize = h->ph_bufsize ? h->ph_bufsize : (1U << 20);
	u64 aggsize = h->ph_aggsize ? h->ph_aggsize : (1U << 20);
	int cpu;

	if (bufsize > (64U << 20))
		bufsize = 64U << 20;
	if (aggsize > (64U << 20))
		aggsize = 64U << 20;
	s->bufsize = bufsize;
	s->bufpolicy = h->ph_bufpolicy <= DT_POLICY_RING ? h->ph_bufpolicy : DT_POLICY_SWITCH;
	/* fill: END's records always find room (DTrace reserves it too) */
	for (i = 0; i < s->necbs; i++)
		if (s->ecbs[i].de_probe == DT_PROBE_END && !s->aggonly[s->ecbs[i].de_clause])
			s->endreserve += (sizeof(struct dt_rec_hdr) +
					  s->difos[s->ecbs[i].de_clause].dtdo_recsize + 7) & ~7U;
	if (s->bufpolicy == DT_POLICY_FILL && s->endreserve > bufsize)
		return -ENOSPC;
	if (s->aggkeys) /* only programs with stack() keys pay for the hook */
		s->ops.ho_aggkey = dt_stack_aggkey;
	s->ops.ho_builtin = dt_builtin;
	s->ops.ho_threadkey = dt_threadkey;
	s->ops.ho_spec_alloc = dt_spec_alloc;
	s->ops.ho_spec_commit = dt_spec_commit;
	s->ops.ho_spec_discard = dt_spec_discard;
	s->ops.ho_progenyof = dt_progenyof;
	for (i = 0; i < s->nclauses; i++)
		maxrec = max(maxrec, s->difos[i].dtdo_recsize);

	s->nspec = h->ph_nspec ? h->ph_nspec : 1;
	s->specs = kcalloc(s->nspec, sizeof(*s->specs), GFP_KERNEL);
	if (!s->specs)
		return -ENOMEM;
	for (i = 0; i < s->nspec; i++) {
		raw_spin_lock_init(&s->specs[i].lock);
		s->specs[i].cap = h->ph_specsize && h->ph_specsize < (16U << 20) ?
				  h->ph_specsize : (256U << 10);
		s->specs[i].data = vmalloc(s->specs[i].cap);
		if (!s->specs[i].data)
			return -ENOMEM;
	}

	s->cpus = kcalloc(nr_cpu_ids, sizeof(*s->cpus), GFP_KERNEL);
	if (!s->cpus)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		struct dt_cpu *c = kzalloc(sizeof(*c), GFP_KERNEL);

		if (!c)
			return -ENOMEM;
		s->cpus[cpu] = c;
		c->sess = s;
		c->cpu = cpu;
		c->scratch = kvmalloc(DT_SCRATCH, GFP_KERNEL);
		c->local = kvzalloc(h->ph_localsize + 8, GFP_KERNEL);
		c->tbuf = kvmalloc(DIF_TBUF_SIZE(strsize), GFP_KERNEL);
		c->rec = kvzalloc(sizeof(struct dt_rec_hdr) + maxrec + 8, GFP_KERNEL);
		c->path = kmalloc(PATH_MAX, GFP_KERNEL);
		if (dt_stack_alloc(c) || !c->path)
			return -ENOMEM;
		c->buf[0].data = vmalloc(bufsize);
		c->buf[1].data = vmalloc(bufsize);
		c->aggarena[0] = vmalloc(aggsize);
		c->aggarena[1] = vmalloc(aggsize);
		if (!c->scratch || !c->local || !c->tbuf || !c->rec || !c->buf[0].data ||
		    !c->buf[1].data || !c->aggarena[0] || !c->aggarena[1])
			return -ENOMEM;
		if (dt_aggbuf_init(&c->agg[0], c->aggarena[0], aggsize, s->env.de_aggs,
				   s->env.de_naggs) ||
		    dt_aggbuf_init(&c->agg[1], c->aggarena[1], aggsize, s->env.de_aggs,
				   s->env.de_naggs))
			return -ENOSPC;
		dif_mstate_init(&c->ms, &s->env, c, c->scratch, DT_SCRATCH, c->local,
				c->tbuf, DIF_TBUF_SIZE(strsize), &c->agg[0]);
		dif_mstate_seed(&c->ms, dt_now() ^ ((u64)cpu << 40));
		/* the program itself (read-only to D: stores go to scratch and
		 * variables only): string constants are read by plain copies */
		if (dif_mstate_add_range(&c->ms, &c->fire, sizeof(c->fire)) ||
		    dif_mstate_add_range(&c->ms, c->path, PATH_MAX) ||
		    dif_mstate_add_range(&c->ms, s->blob, h->ph_size))
			return -ENOMEM;
		strscpy(c->fire.zonename, "global", sizeof(c->fire.zonename));
	}
	return 0;
}

static void dt_run(struct dt_cpu *c, struct dt_probe *p, const u64 *args, int nargs);

/* a fault: the error record, then the ERROR probe (not for ERROR itself) */
static void dt_fault(struct dt_cpu *c, u32 epid, const dif_result_t *res)
{
	struct {
		struct dt_rec_hdr h;
		struct dt_err_rec er;
	} r;
	u64 args[6];

	memset(&r, 0, sizeof(r));
	r.h.dr_epid = 0;
	r.h.dr_size = sizeof(r.er);
	r.h.dr_timestamp = dt_now();
	r.er.de_epid = epid;
	r.er.de_action = res->dr_action;
	r.er.de_offset = res->dr_pc * 8;
	r.er.de_fault = res->dr_fault;
	r.er.de_addr = res->dr_addr;
	dt_buf_append(c, READ_ONCE(c->cur), &r, sizeof(r));
	atomic64_inc(&c->sess->errors);
	if (c->in_error)
		return;
	args[0] = 0;
	args[1] = epid;
	args[2] = res->dr_action;
	args[3] = (u64)res->dr_pc * 8;
	args[4] = res->dr_fault;
	args[5] = res->dr_addr;
	c->in_error = 1;
	dt_run(c, &dt_probes[DT_PROBE_ERROR - 1], args, 6);
	c->in_error = 0;
}

/* run every ECB of p on this CPU; interrupts are off, c->busy is set */
static void dt_run(struct dt_cpu *c, struct dt_probe *p, const u64 *args, int nargs)
{
	struct dt_sess *s = c->sess;
	struct dt_fctx saved;
	int half = READ_ONCE(c->cur);
	u32 i;

	if (!p->necbs)
		return;
	if (c->in_error)
		saved = c->fire; /* ERROR runs inside another firing */
	memset(c->fire.args, 0, sizeof(c->fire.args));
	if (nargs > 10)
		nargs = 10;
	for (i = 0; i < nargs; i++)
		c->fire.args[i] = args[i];
	c->fire.probe = p;
	c->ms.ms_aggbuf = &c->agg[READ_ONCE(c->aggcur)];
	if (!c->in_error) {
		dif_mstate_fire(&c->ms);
		c->nkstk = c->nustk = -1; /* walked again on first use */
	}
	c->fired++;

	for (i = 0; i < p->necbs; i++) {
		u32 epid = p->ecbs[i];
		u32 cl = s->ecbs[epid - 1].de_clause;
		const difo_t *dp = &s->difos[cl];
		struct dt_rec_hdr *h = (struct dt_rec_hdr *)c->rec;
		dif_result_t res;
		u32 len;

		c->fire.epid = epid;
		/* fill: a clause that could not record has no effect at all */
		if (s->bufpolicy == DT_POLICY_FILL && !s->aggonly[cl] && !c->in_error &&
		    !dt_buf_reserve(c, (sizeof(*h) + dp->dtdo_recsize + 7) & ~7U))
			continue;
		dif_vm_exec(&c->ms, dp, c->rec + sizeof(*h), &res);
		if (res.dr_status == DIF_ST_FAULT) {
			dt_fault(c, epid, &res);
			continue;
		}
		if (res.dr_status != DIF_ST_DONE || s->aggonly[cl])
			continue;
		if (s->slotfmt[cl])
			dt_stack_fill(c, dp, s->slotfmt[cl], c->rec + sizeof(*h));
		if (s->exitcl[cl])
			WRITE_ONCE(s->exiting, 1);
		h->dr_epid = epid;
		h->dr_size = dp->dtdo_recsize;
		h->dr_timestamp = dt_now();
		len = (sizeof(*h) + dp->dtdo_recsize + 7) & ~7U;
		if (res.dr_spec)
			dt_spec_append(s, res.dr_spec, c->rec, len);
		else
			dt_buf_append(c, half, c->rec, len);
	}
	if (c->in_error)
		c->fire = saved;
}

/* the entry point of every provider */
void dt_fire(struct dt_probe *p, const u64 *args, int nargs)
{
	unsigned long flags;
	struct dt_sess *s;
	struct dt_cpu *c;

	local_irq_save(flags);
	s = READ_ONCE(dt_active);
	if (!s || READ_ONCE(s->state) != DTD_ST_ACTIVE || !p->necbs)
		goto out;
	c = s->cpus[smp_processor_id()];
	if (c->busy) {
		c->recursion++;
		goto out;
	}
	c->busy = 1;
	dt_run(c, p, args, nargs);
	c->busy = 0;
out:
	local_irq_restore(flags);
}

/* BEGIN and END: fired from the GO/STOP ioctls, whatever the state */
void dt_fire_forced(struct dt_sess *s, struct dt_probe *p)
{
	unsigned long flags;
	struct dt_cpu *c;

	local_irq_save(flags);
	c = s->cpus[smp_processor_id()];
	if (!c->busy) {
		c->busy = 1;
		dt_run(c, p, NULL, 0);
		c->busy = 0;
	}
	local_irq_restore(flags);
}

/*
 * Swap every CPU's principal halves, wait for a grace period, copy the
 * now-quiet halves out.  The user buffer must hold every CPU's header and
 * data; what does not fit is kept for the next call.
 */
int dt_sess_bufsnap(struct dt_sess *s, struct dtd_ubuf *ub)
{
	u64 off = 0;
	int cpu, any = 0;

	for_each_possible_cpu(cpu) {
		struct dt_cpu *c = s->cpus[cpu];

		if (dt_buf_bytes(&c->buf[c->cur])) {
			WRITE_ONCE(c->cur, !c->cur);
			any = 1;
		}
	}
	if (any)
		synchronize_rcu_expedited();
	for_each_possible_cpu(cpu) {
		struct dt_cpu *c = s->cpus[cpu];
		struct dt_pbuf *b = &c->buf[!READ_ONCE(c->cur)];
		struct dtd_cpuhdr dh = { 0 };

		dh.dh_cpu = cpu;
		dh.dh_len = dt_buf_bytes(b);
		dh.dh_drops = c->buf[0].drops + c->buf[1].drops;
		if (!dh.dh_len && !dh.dh_drops)
			continue;
		if (off + sizeof(dh) + dh.dh_len > ub->dy_len)
			break;
		if (copy_to_user((void __user *)(unsigned long)(ub->dy_addr + off), &dh, sizeof(dh)) ||
		    dt_buf_copyout(b, (u8 __user *)(unsigned long)(ub->dy_addr + off + sizeof(dh))) ==
			    U32_MAX)
			return -EFAULT;
		off += sizeof(dh) + ((dh.dh_len + 7) & ~7U);
		dt_buf_reset(b);
	}
	ub->dy_used = off;
	return 0;
}

struct dt_aggcopy {
	u8 __user *dst;
	u64 off, len;
	u32 count;
	int err;
};

static void dt_aggcopy_cb(void *arg, uint32_t aggid, const void *key, uint32_t keysize,
			  const int64_t *vals, uint32_t nvals)
{
	struct dt_aggcopy *ac = arg;
	struct dtd_aggel ae = { aggid, keysize, nvals, 0 };
	u64 n = sizeof(ae) + ((keysize + 7) & ~7U) + (u64)nvals * 8;

	if (ac->err)
		return;
	if (ac->off + n > ac->len) {
		ac->err = -ENOSPC;
		return;
	}
	if (copy_to_user(ac->dst + ac->off, &ae, sizeof(ae)) ||
	    copy_to_user(ac->dst + ac->off + sizeof(ae), key, keysize) ||
	    copy_to_user(ac->dst + ac->off + sizeof(ae) + ((keysize + 7) & ~7U), vals,
			 (u64)nvals * 8)) {
		ac->err = -EFAULT;
		return;
	}
	ac->off += n;
	ac->count++;
}

/* the same double-buffer scheme for aggregations: drained deltas */
int dt_sess_aggsnap(struct dt_sess *s, struct dtd_ubuf *ub)
{
	u64 off = 0;
	int cpu;

	for_each_possible_cpu(cpu) {
		struct dt_cpu *c = s->cpus[cpu];

		WRITE_ONCE(c->aggcur, !c->aggcur);
	}
	synchronize_rcu_expedited();
	for_each_possible_cpu(cpu) {
		struct dt_cpu *c = s->cpus[cpu];
		dt_aggbuf_t *ab = &c->agg[!READ_ONCE(c->aggcur)];
		struct dtd_cpuhdr dh = { 0 };
		struct dt_aggcopy ac;

		if (!ab->ab_count)
			continue;
		if (off + sizeof(dh) > ub->dy_len)
			return -ENOSPC;
		ac.dst = (u8 __user *)(unsigned long)(ub->dy_addr + off + sizeof(dh));
		ac.off = 0;
		ac.len = ub->dy_len - off - sizeof(dh);
		ac.count = 0;
		ac.err = 0;
		/* the drain empties the half even when the copy fails */
		dt_aggbuf_drain(ab, dt_aggcopy_cb, &ac);
		if (ac.err)
			return ac.err;
		dh.dh_cpu = cpu;
		dh.dh_len = ac.off;
		dh.dh_count = ac.count;
		dh.dh_drops = c->ms.ms_aggdrops;
		if (copy_to_user((void __user *)(unsigned long)(ub->dy_addr + off), &dh, sizeof(dh)))
			return -EFAULT;
		off += sizeof(dh) + ac.off;
	}
	ub->dy_used = off;
	return 0;
}

void dt_sess_status(struct dt_sess *s, struct dtd_status *st)
{
	int cpu;

	memset(st, 0, sizeof(*st));
	if (!s)
		return;
	st->ds_state = s->state;
	st->ds_ncpus = nr_cpu_ids;
	st->ds_dyndrops = s->dyn.dd_drops;
	st->ds_errors = atomic64_read(&s->errors);
	st->ds_specdrops = atomic64_read(&s->specdrops);
	st->ds_specbusy = atomic64_read(&s->specbusy);
	st->ds_fbt_failed = s->fbt_failed;
	for_each_possible_cpu(cpu) {
		struct dt_cpu *c = s->cpus[cpu];

		if (cpu >= DTD_MAXCPUS)
			break;
		st->ds_pending[cpu] = READ_ONCE(c->buf[READ_ONCE(c->cur)].len);
		st->ds_drops[cpu] = c->buf[0].drops + c->buf[1].drops;
		st->ds_aggdrops[cpu] = c->ms.ms_aggdrops;
	}
	for_each_possible_cpu(cpu)
		st->ds_filled += READ_ONCE(s->cpus[cpu]->full) != 0;
	st->ds_exiting = READ_ONCE(s->exiting);
	for_each_possible_cpu(cpu) {
		st->ds_fired += READ_ONCE(s->cpus[cpu]->fired);
		st->ds_recursion += READ_ONCE(s->cpus[cpu]->recursion);
	}
}
