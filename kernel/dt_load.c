// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_load.c - accept a serialized program (DTD_IOC_LOAD): copy it in,
 * check every length and offset against the blob, point the DIFOs into
 * the copy and run dif_validate() on each before anything may execute it.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include "dt_trace.h"

#define DT_PROG_MAX (32U << 20)

struct dt_cur {
	u8 *base;
	u64 off, len;
};

/* the next n bytes of the blob (8-aligned), NULL if they run past its end */
static void *dt_take(struct dt_cur *c, u64 n)
{
	void *p;

	if (n > c->len || c->off > c->len - n)
		return NULL;
	p = c->base + c->off;
	c->off = (c->off + n + 7) & ~7ULL;
	if (c->off > c->len)
		c->off = c->len;
	return p;
}

static void dt_dynlock(void *arg)
{
	struct dt_sess *s = arg;
	unsigned long flags;

	raw_spin_lock_irqsave(&s->dynlock, flags);
	s->dynflags = flags; /* only the holder writes it */
}

static void dt_dynunlock(void *arg)
{
	struct dt_sess *s = arg;

	raw_spin_unlock_irqrestore(&s->dynlock, s->dynflags);
}

void dt_sess_free(struct dt_sess *s)
{
	u32 i;

	if (!s)
		return;
	if (s->cpus) {
		for (i = 0; i < nr_cpu_ids; i++) {
			struct dt_cpu *c = s->cpus[i];

			if (!c)
				continue;
			kvfree(c->scratch);
			kvfree(c->local);
			kvfree(c->tbuf);
			kvfree(c->rec);
			kfree(c->path);
			dt_stack_free(c);
			vfree(c->buf[0].data);
			vfree(c->buf[1].data);
			vfree(c->aggarena[0]);
			vfree(c->aggarena[1]);
			kfree(c);
		}
		kfree(s->cpus);
	}
	if (s->specs) {
		for (i = 0; i < s->nspec; i++)
			vfree(s->specs[i].data);
		kfree(s->specs);
	}
	for (i = 0; i < dt_nprobes; i++) {
		kfree(dt_probes[i].ecbs);
		dt_probes[i].ecbs = NULL;
		dt_probes[i].necbs = 0;
	}
	vfree(s->dynarena);
	kvfree(s->env.de_glob);
	kfree(s->difos);
	kfree(s->aggonly);
	kfree(s->exitcl);
	kfree(s->slotfmt);
	kfree(s->aggkeys);
	kfree(s->aggnkeys);
	kvfree(s->blob);
	kfree(s);
}

/*
 * The keys of aggregations with a stack key (consecutive per aggregation,
 * in key order): each must describe the aggregation's key exactly.
 */
static int dt_sess_aggkeys(struct dt_sess *s, struct dt_cur *c, const dif_aggspec_t *aggs)
{
	const struct dtd_prog_hdr *h = s->hdr;
	const struct dtd_aggkey *ak;
	u32 i = 0;

	if (!h->ph_nakeys)
		return 0;
	if (h->ph_nakeys > (u64)h->ph_naggs * DIF_TUPLE_MAX)
		return -EINVAL;
	ak = dt_take(c, (u64)h->ph_nakeys * sizeof(*ak));
	s->aggkeys = kcalloc(h->ph_naggs, sizeof(*s->aggkeys), GFP_KERNEL);
	s->aggnkeys = kcalloc(h->ph_naggs, sizeof(*s->aggnkeys), GFP_KERNEL);
	if (!ak)
		return -EINVAL;
	if (!s->aggkeys || !s->aggnkeys)
		return -ENOMEM;
	while (i < h->ph_nakeys) {
		u32 id = ak[i].ak_aggid, n = 0, size = 0;

		if (id == 0 || id > h->ph_naggs || s->aggkeys[id - 1])
			return -EINVAL;
		s->aggkeys[id - 1] = &ak[i];
		for (; i < h->ph_nakeys && ak[i].ak_aggid == id; i++, n++) {
			const struct dtd_aggkey *k = &ak[i];

			if (n >= DIF_TUPLE_MAX || k->ak_fmt > DTD_SLOT_USTACK ||
			    k->ak_vmsize > k->ak_size || k->ak_size > 65536 ||
			    (k->ak_fmt != DTD_SLOT_PLAIN &&
			     (k->ak_vmsize != 8 || k->ak_size < 8 || k->ak_size % 8)) ||
			    (k->ak_fmt == DTD_SLOT_PLAIN && k->ak_vmsize != k->ak_size))
				return -EINVAL;
			size += k->ak_size;
		}
		if (size > aggs[id - 1].as_keysize)
			return -EINVAL;
		s->aggnkeys[id - 1] = n;
	}
	return 0;
}

/* a clause's slot formats: a stack is 8-aligned whole words in the record */
static int dt_sess_slotfmt(struct dt_sess *s, struct dt_cur *c, u32 cl)
{
	const difo_t *d = &s->difos[cl];
	const struct dtd_slotx *sx;
	u32 i, any = 0;

	if (!d->dtdo_nslots)
		return 0;
	sx = dt_take(c, (u64)d->dtdo_nslots * sizeof(*sx));
	if (!sx)
		return -EINVAL;
	for (i = 0; i < d->dtdo_nslots; i++) {
		const dif_recslot_t *rs = &d->dtdo_slots[i];

		if (sx[i].sx_fmt == DTD_SLOT_PLAIN)
			continue;
		if (sx[i].sx_fmt > DTD_SLOT_USTACK || rs->rs_byref || rs->rs_offset % 8 ||
		    sx[i].sx_size % 8 || sx[i].sx_size == 0 ||
		    (u64)rs->rs_offset + sx[i].sx_size > d->dtdo_recsize)
			return -EINVAL;
		any = 1;
	}
	s->slotfmt[cl] = any ? sx : NULL;
	return 0;
}

static int dt_sess_parse(struct dt_sess *s, u64 len)
{
	struct dt_cur c = { s->blob, 0, len };
	struct dtd_prog_hdr *h = dt_take(&c, sizeof(*h));
	const dif_var_t *vars;
	dif_aggspec_t *aggs;
	u32 i, pc;
	const char *why;
	int err;

	if (!h || h->ph_magic != DTD_PROG_MAGIC || h->ph_version != DTD_VERSION ||
	    h->ph_size != len)
		return -EINVAL;
	if (h->ph_varsz != sizeof(dif_var_t) || h->ph_aggsz != sizeof(dif_aggspec_t) ||
	    h->ph_slotsz != sizeof(dif_recslot_t)) {
		pr_info("dtracedrv: program built for another ABI (struct sizes differ)\n");
		return -EPROTO;
	}
	if (h->ph_nclauses > 65536 || h->ph_necbs > 1000000 || h->ph_naggs > 65536 ||
	    h->ph_nvars > 65536 || h->ph_strsize == 0 || h->ph_strsize > 8192 ||
	    h->ph_globsize > (16U << 20) || h->ph_localsize > (1U << 20) || h->ph_nspec > 1024)
		return -E2BIG;
	s->hdr = h;
	vars = dt_take(&c, (u64)h->ph_nvars * sizeof(*vars));
	aggs = dt_take(&c, (u64)h->ph_naggs * sizeof(*aggs));
	if ((h->ph_nvars && !vars) || (h->ph_naggs && !aggs))
		return -EINVAL;
	for (i = 0; i < h->ph_naggs; i++)
		if (aggs[i].as_id != i + 1 ||
		    aggs[i].as_nvals != dt_agg_nvals(aggs[i].as_func, &aggs[i].as_params) ||
		    aggs[i].as_nvals == 0 || aggs[i].as_keysize > 65536)
			return -EINVAL;
	err = dt_sess_aggkeys(s, &c, aggs);
	if (err)
		return err;
	s->nclauses = h->ph_nclauses;
	s->difos = kcalloc(s->nclauses + 1, sizeof(*s->difos), GFP_KERNEL);
	s->aggonly = kcalloc(s->nclauses + 1, 1, GFP_KERNEL);
	s->exitcl = kcalloc(s->nclauses + 1, 1, GFP_KERNEL);
	s->slotfmt = kcalloc(s->nclauses + 1, sizeof(*s->slotfmt), GFP_KERNEL);
	if (!s->difos || !s->aggonly || !s->exitcl || !s->slotfmt)
		return -ENOMEM;

	s->env.de_vars = vars;
	s->env.de_nvars = h->ph_nvars;
	s->env.de_globsize = h->ph_globsize;
	s->env.de_aggs = aggs;
	s->env.de_naggs = h->ph_naggs;
	s->env.de_strsize = h->ph_strsize;
	s->env.de_localsize = h->ph_localsize;
	s->env.de_ops = &s->ops;

	for (i = 0; i < s->nclauses; i++) {
		struct dtd_clause *dc = dt_take(&c, sizeof(*dc));
		difo_t *d = &s->difos[i];

		if (!dc || dc->dc_len == 0 || dc->dc_len > (1U << 20) || dc->dc_intlen > (1U << 20) ||
		    dc->dc_nslots > 65536 || dc->dc_nacts > 65536 || dc->dc_strlen > (16U << 20) ||
		    dc->dc_recsize > (1U << 20))
			return -EINVAL;
		d->dtdo_len = dc->dc_len;
		d->dtdo_buf = dt_take(&c, (u64)dc->dc_len * sizeof(dif_instr_t));
		d->dtdo_intlen = dc->dc_intlen;
		d->dtdo_inttab = dt_take(&c, (u64)dc->dc_intlen * 8);
		d->dtdo_nslots = dc->dc_nslots;
		d->dtdo_slots = dt_take(&c, (u64)dc->dc_nslots * sizeof(dif_recslot_t));
		d->dtdo_nacts = dc->dc_nacts;
		d->dtdo_actpc = dt_take(&c, (u64)dc->dc_nacts * 4);
		d->dtdo_strlen = dc->dc_strlen;
		d->dtdo_strtab = dt_take(&c, dc->dc_strlen);
		d->dtdo_recsize = dc->dc_recsize;
		d->dtdo_rtype.dt_size = dc->dc_rtsize;
		d->dtdo_rtype.dt_byref = dc->dc_rtbyref;
		d->dtdo_rtype.dt_string = dc->dc_rtstring;
		d->dtdo_rtype.dt_signed = dc->dc_rtsigned;
		if (!d->dtdo_buf || (dc->dc_intlen && !d->dtdo_inttab) ||
		    (dc->dc_nslots && !d->dtdo_slots) || (dc->dc_nacts && !d->dtdo_actpc) ||
		    (dc->dc_strlen && !d->dtdo_strtab))
			return -EINVAL;
		if (!dc->dc_intlen)
			d->dtdo_inttab = NULL;
		if (!dc->dc_nslots)
			d->dtdo_slots = NULL;
		if (!dc->dc_nacts)
			d->dtdo_actpc = NULL;
		if (!dc->dc_strlen)
			d->dtdo_strtab = NULL;
		s->aggonly[i] = !!dc->dc_aggonly;
		s->exitcl[i] = !!dc->dc_exit;
		err = dt_sess_slotfmt(s, &c, i);
		if (err)
			return err;
		if (dif_validate(d, &s->env, &pc, &why) != 0) {
			pr_info("dtracedrv: clause %u refused: invalid DIF at offset %u: %s\n",
				i, pc * 8, why);
			return -ENOEXEC;
		}
	}
	s->necbs = h->ph_necbs;
	s->ecbs = dt_take(&c, (u64)h->ph_necbs * sizeof(*s->ecbs));
	if (h->ph_necbs && !s->ecbs)
		return -EINVAL;
	for (i = 0; i < s->necbs; i++) {
		const struct dtd_ecb *e = &s->ecbs[i];

		if (e->de_epid != i + 1 || e->de_clause >= s->nclauses ||
		    !dt_probe_lookup(e->de_probe))
			return -EINVAL;
	}
	return 0;
}

static int dt_sess_ecbs(struct dt_sess *s)
{
	u32 i;

	/* each probe's enablings, in epid order */
	for (i = 0; i < s->necbs; i++) {
		struct dt_probe *p = dt_probe_lookup(s->ecbs[i].de_probe);
		u32 *e = krealloc(p->ecbs, (p->necbs + 1) * sizeof(*e), GFP_KERNEL);

		if (!e)
			return -ENOMEM;
		p->ecbs = e;
		p->ecbs[p->necbs++] = i + 1;
	}
	return 0;
}

struct dt_sess *dt_sess_load(const void __user *ubuf, u64 len, int *errp)
{
	struct dt_sess *s;
	u64 dynsize;
	int err;

	if (len < sizeof(struct dtd_prog_hdr) || len > DT_PROG_MAX) {
		*errp = -E2BIG;
		return NULL;
	}
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s) {
		*errp = -ENOMEM;
		return NULL;
	}
	raw_spin_lock_init(&s->dynlock);
	s->blob = kvmalloc(len, GFP_KERNEL);
	err = -ENOMEM;
	if (!s->blob)
		goto fail;
	err = -EFAULT;
	if (copy_from_user(s->blob, ubuf, len))
		goto fail;
	err = dt_sess_parse(s, len);
	if (err)
		goto fail;
	err = -ENOMEM;
	s->env.de_glob = kvzalloc(s->env.de_globsize + 8, GFP_KERNEL);
	if (!s->env.de_glob)
		goto fail;

	dynsize = s->hdr->ph_dynvarsize ? s->hdr->ph_dynvarsize : (1U << 20);
	if (dynsize > (256U << 20))
		dynsize = 256U << 20;
	s->dynarena = vzalloc(dynsize);
	if (!s->dynarena)
		goto fail;
	err = -ENOSPC;
	if (dt_dynvar_init(&s->dyn, s->dynarena, dynsize, dif_env_dynvar_maxsize(&s->env)))
		goto fail;
	s->dyn.dd_lock = dt_dynlock;
	s->dyn.dd_unlock = dt_dynunlock;
	s->dyn.dd_lockarg = s;
	s->env.de_dynvars = &s->dyn;

	err = dt_sess_cpus_alloc(s);
	if (err)
		goto fail;
	err = dt_sess_ecbs(s);
	if (err)
		goto fail;
	s->state = DTD_ST_LOADED;
	return s;
fail:
	dt_sess_free(s);
	*errp = err;
	return NULL;
}
