/*
 * dt_kmod_ser.c - the program as the module takes it: one flat,
 * 8-byte-aligned byte string (layout in kernel/dtrace_ioctl.h), so the
 * kernel copies it in once and checks every length against its size.
 */
#include <stdlib.h>
#include <string.h>

#include "dt_kmod_ser.h"
#include "dif_vm.h"
#include "../../../kernel/dtrace_ioctl.h"

_Static_assert(sizeof(dif_aggspec_t) % 8 == 0, "aggspecs must pack");

typedef struct sbuf {
	unsigned char *p;
	size_t len, cap;
	int err;
} sbuf_t;

static void put(sbuf_t *b, const void *data, size_t n)
{
	size_t pad = (n + 7) & ~(size_t)7;

	if (b->err)
		return;
	if (b->len + pad > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		unsigned char *np;

		while (cap < b->len + pad)
			cap *= 2;
		np = realloc(b->p, cap);
		if (np == NULL) {
			b->err = 1;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	if (n)
		memcpy(b->p + b->len, data, n);
	memset(b->p + b->len + n, 0, pad - n);
	b->len += pad;
}

/* the module's name for a slot or key format (dtrace_ioctl.h) */
static uint32_t stackfmt(dt_slotfmt_t f)
{
	return f == DT_FMT_STACK ? DTD_SLOT_STACK : f == DT_FMT_USTACK ? DTD_SLOT_USTACK :
	       DTD_SLOT_PLAIN;
}

static int agg_has_stack(const dt_aggdesc_t *a)
{
	uint32_t k;

	for (k = 0; a->ag_keyfmt != NULL && k < a->ag_nkeys; k++)
		if (stackfmt(a->ag_keyfmt[k]) != DTD_SLOT_PLAIN)
			return 1;
	return 0;
}

dif_recslot_t *dt_kmod_slots(const dt_clause_t *cl)
{
	const difo_t *d = &cl->dc_difo;
	dif_recslot_t *rs;
	uint32_t k;

	if (d->dtdo_nslots == 0)
		return NULL;
	rs = malloc(d->dtdo_nslots * sizeof(*rs));
	if (rs == NULL)
		return NULL;
	memcpy(rs, d->dtdo_slots, d->dtdo_nslots * sizeof(*rs));
	for (k = 0; k < d->dtdo_nslots; k++)
		if (stackfmt(cl->dc_slotfmt[k]) != DTD_SLOT_PLAIN)
			rs[k].rs_size = 8;
	return rs;
}

int dt_kmod_serialize(const dt_program_t *prog, const dt_ecb_t *ecbs, uint32_t necbs,
		      const dt_runopts_t *ro, dt_kmod_blob_t *out)
{
	struct dtd_prog_hdr h;
	sbuf_t b = { NULL, 0, 0, 0 };
	uint32_t i;

	memset(&h, 0, sizeof(h));
	h.ph_magic = DTD_PROG_MAGIC;
	h.ph_version = DTD_VERSION;
	h.ph_nclauses = prog->dp_nclauses;
	h.ph_nvars = prog->dp_nvars;
	h.ph_naggs = prog->dp_naggs;
	h.ph_necbs = necbs;
	h.ph_globsize = prog->dp_globsize;
	h.ph_localsize = prog->dp_localsize;
	h.ph_strsize = ro->ro_strsize ? ro->ro_strsize : 256;
	h.ph_nspec = ro->ro_nspec;
	h.ph_bufpolicy = (uint32_t)ro->ro_bufpolicy;
	h.ph_varsz = sizeof(dif_var_t);
	h.ph_aggsz = sizeof(dif_aggspec_t);
	h.ph_slotsz = sizeof(dif_recslot_t);
	h.ph_bufsize = ro->ro_bufsize;
	h.ph_aggsize = ro->ro_aggsize;
	h.ph_dynvarsize = ro->ro_dynvarsize;
	h.ph_specsize = ro->ro_specsize;
	for (i = 0; i < prog->dp_naggs; i++)
		if (agg_has_stack(&prog->dp_aggs[i]))
			h.ph_nakeys += prog->dp_aggs[i].ag_nkeys;
	put(&b, &h, sizeof(h));
	put(&b, prog->dp_vars, (size_t)prog->dp_nvars * sizeof(dif_var_t));
	for (i = 0; i < prog->dp_naggs; i++) {
		const dt_aggdesc_t *a = &prog->dp_aggs[i];
		dif_aggspec_t as;

		memset(&as, 0, sizeof(as));
		as.as_id = a->ag_id;
		as.as_func = a->ag_func;
		as.as_keysize = a->ag_keysize;
		as.as_nvals = a->ag_nvals;
		as.as_params = a->ag_params;
		/* sizeof is a multiple of 8 (int64 parameters): no padding
		 * between them, so the kernel reads one array */
		put(&b, &as, sizeof(as));
	}
	for (i = 0; i < prog->dp_naggs; i++) {
		const dt_aggdesc_t *a = &prog->dp_aggs[i];
		uint32_t k;

		if (!agg_has_stack(a))
			continue;
		for (k = 0; k < a->ag_nkeys; k++) {
			const dif_type_t *t = &a->ag_keytypes[k];
			struct dtd_aggkey ak;

			memset(&ak, 0, sizeof(ak));
			ak.ak_aggid = a->ag_id;
			ak.ak_fmt = stackfmt(a->ag_keyfmt[k]);
			/* as the code generator pushes them (vm.h: packed keys) */
			ak.ak_size = t->dt_byref ? t->dt_size : 8;
			ak.ak_vmsize = ak.ak_fmt != DTD_SLOT_PLAIN ? 8 : ak.ak_size;
			put(&b, &ak, sizeof(ak));
		}
	}
	for (i = 0; i < prog->dp_nclauses; i++) {
		const difo_t *d = &prog->dp_clauses[i].dc_difo;
		struct dtd_clause dc;
		uint32_t k;

		memset(&dc, 0, sizeof(dc));
		dc.dc_len = d->dtdo_len;
		dc.dc_intlen = d->dtdo_intlen;
		dc.dc_strlen = d->dtdo_strlen;
		dc.dc_nslots = d->dtdo_nslots;
		dc.dc_recsize = d->dtdo_recsize;
		dc.dc_nacts = d->dtdo_nacts;
		dc.dc_aggonly = prog->dp_clauses[i].dc_aggonly;
		dc.dc_rtsize = d->dtdo_rtype.dt_size;
		dc.dc_rtbyref = d->dtdo_rtype.dt_byref;
		dc.dc_rtstring = d->dtdo_rtype.dt_string;
		dc.dc_rtsigned = d->dtdo_rtype.dt_signed;
		for (k = 0; k < prog->dp_clauses[i].dc_nacts; k++)
			if (prog->dp_clauses[i].dc_acts[k].da_kind == DT_ACT_EXIT)
				dc.dc_exit = 1;
		put(&b, &dc, sizeof(dc));
		put(&b, d->dtdo_buf, (size_t)d->dtdo_len * sizeof(dif_instr_t));
		put(&b, d->dtdo_inttab, (size_t)d->dtdo_intlen * 8);
		{
			dif_recslot_t *rs = dt_kmod_slots(&prog->dp_clauses[i]);

			if (d->dtdo_nslots && rs == NULL) {
				b.err = 1;
				break;
			}
			put(&b, rs, (size_t)d->dtdo_nslots * sizeof(dif_recslot_t));
			free(rs);
		}
		put(&b, d->dtdo_actpc, (size_t)d->dtdo_nacts * 4);
		put(&b, d->dtdo_strtab, d->dtdo_strlen);
		for (k = 0; k < d->dtdo_nslots; k++) {
			struct dtd_slotx sx;

			sx.sx_fmt = stackfmt(prog->dp_clauses[i].dc_slotfmt[k]);
			sx.sx_size = sx.sx_fmt != DTD_SLOT_PLAIN ? d->dtdo_slots[k].rs_size : 0;
			put(&b, &sx, sizeof(sx));
		}
	}
	for (i = 0; i < necbs; i++) {
		struct dtd_ecb e;
		uint32_t c;

		memset(&e, 0, sizeof(e));
		e.de_epid = ecbs[i].ec_epid;
		e.de_probe = ecbs[i].ec_probeid;
		for (c = 0; c < prog->dp_nclauses; c++)
			if (&prog->dp_clauses[c] == ecbs[i].ec_clause)
				e.de_clause = c;
		put(&b, &e, sizeof(e));
	}
	if (b.err) {
		free(b.p);
		return -1;
	}
	((struct dtd_prog_hdr *)b.p)->ph_size = (uint32_t)b.len;
	out->kb_data = b.p;
	out->kb_len = b.len;
	return 0;
}
