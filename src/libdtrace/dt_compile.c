/*
 * dt_compile.c - the compiler's driver: dt_compile() runs the
 * preprocessor (-C), the parser, the checker and the code generator, then
 * lays the result out as a dt_program_t in memory the program owns.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dt_ast.h"
#include "dt_btf.h"
#include "dt_cg.h"
#include "dt_check.h"
#include "dt_compile.h"
#include "dt_stability.h"
#include "dt_cpp.h"
#include "dt_errtags.h"
#include "dt_ident.h"
#include "dt_printf_fmt.h"

/* the program and the arena that holds all of it */
typedef struct dt_progmem {
	dt_program_t pm_prog;
	dt_arena_t *pm_arena;
} dt_progmem_t;

static void dt_cc_vseterr(dt_pcb_t *pcb, int line, const char *tag,
			  const char *fmt, va_list ap)
{
	dt_cc_error_t *e = pcb->pcb_err;
	size_t n;

	if (pcb->pcb_failed)
		return;
	pcb->pcb_failed = 1;
	if (e == NULL)
		return;
	snprintf(e->ce_tag, sizeof(e->ce_tag), "%s", tag);
	e->ce_line = line;
	vsnprintf(e->ce_msg, sizeof(e->ce_msg), fmt, ap);
	n = strlen(e->ce_msg);
	while (n > 0 && e->ce_msg[n - 1] == '\n')
		e->ce_msg[--n] = '\0';
}

void dt_cc_seterr(dt_pcb_t *pcb, int line, const char *tag, const char *fmt,
		  ...)
{
	va_list ap;
	va_start(ap, fmt);
	dt_cc_vseterr(pcb, line, tag, fmt, ap);
	va_end(ap);
}

void dt_cc_error(dt_pcb_t *pcb, int line, const char *tag, const char *fmt,
		 ...)
{
	va_list ap;
	va_start(ap, fmt);
	dt_cc_vseterr(pcb, line, tag, fmt, ap);
	va_end(ap);
	longjmp(pcb->pcb_jmp, 1);
}

dt_node_t *dt_node_new(dt_pcb_t *pcb, dt_nkind_t k, int line)
{
	dt_node_t *n = dt_arena_alloc(pcb->pcb_arena, sizeof(*n));
	n->n_kind = k;
	n->n_line = line;
	return n;
}

dt_node_t *dt_node_op2(dt_pcb_t *pcb, dt_nkind_t k, int op, dt_node_t *a,
		       dt_node_t *b)
{
	dt_node_t *n = dt_node_new(pcb, k, a->n_line);
	n->n_op = op;
	n->n_a = a;
	n->n_b = b;
	return n;
}

dt_node_t *dt_node_append(dt_node_t *list, dt_node_t *n)
{
	dt_node_t *p;
	if (list == NULL)
		return n;
	for (p = list; p->n_next != NULL; p = p->n_next)
		;
	p->n_next = n;
	return list;
}

int dt_node_count(const dt_node_t *list)
{
	int n = 0;
	for (; list != NULL; list = list->n_next)
		n++;
	return n;
}

dt_declspec_t *dt_declspec_new(dt_pcb_t *pcb, int line)
{
	dt_declspec_t *ds = dt_arena_alloc(pcb->pcb_arena, sizeof(*ds));
	ds->ds_line = line;
	return ds;
}

dt_declspec_t *dt_declspec_merge(dt_pcb_t *pcb, dt_declspec_t *a,
				 dt_declspec_t *b)
{
	if (b->ds_class != DT_DC_NONE) {
		if (a->ds_class != DT_DC_NONE) {
			dt_cc_seterr(pcb, b->ds_line, D_DECL_CLASS,
			    "only one storage class allowed in a "
			    "declaration");
			return NULL;
		}
		a->ds_class = b->ds_class;
	}
	if ((b->ds_base && (a->ds_base || a->ds_tname || a->ds_tagged)) ||
	    (b->ds_tname && (a->ds_base || a->ds_tname || a->ds_tagged)) ||
	    (b->ds_tagged && (a->ds_base || a->ds_tname || a->ds_tagged))) {
		dt_cc_seterr(pcb, b->ds_line, D_DECL_COMBO,
		    "invalid type combination");
		return NULL;
	}
	if (b->ds_base)
		a->ds_base = b->ds_base;
	if (b->ds_tname)
		a->ds_tname = b->ds_tname;
	if (b->ds_tagged)
		a->ds_tagged = b->ds_tagged;
	a->ds_nlong += b->ds_nlong;
	a->ds_nshort += b->ds_nshort;
	a->ds_signed += b->ds_signed;
	a->ds_unsigned += b->ds_unsigned;
	a->ds_const |= b->ds_const;
	a->ds_volatile |= b->ds_volatile;
	a->ds_restrict |= b->ds_restrict;
	a->ds_userland |= b->ds_userland;
	return a;
}

void dt_pcb_addroot(dt_pcb_t *pcb, dt_node_t *n)
{
	if (pcb->pcb_roottail != NULL)
		pcb->pcb_roottail->n_next = n;
	else
		pcb->pcb_root = n;
	pcb->pcb_roottail = n;
	n->n_next = NULL;
}

void dt_pcb_addtname(dt_pcb_t *pcb, const char *name)
{
	if (pcb->pcb_ntnames == pcb->pcb_maxtnames) {
		int n = pcb->pcb_maxtnames ? pcb->pcb_maxtnames * 2 : 16;
		const char **t = dt_arena_alloc(pcb->pcb_arena,
		    sizeof(char *) * (size_t)n);
		if (pcb->pcb_ntnames)
			memcpy(t, pcb->pcb_tnames,
			    sizeof(char *) * (size_t)pcb->pcb_ntnames);
		pcb->pcb_tnames = t;
		pcb->pcb_maxtnames = n;
	}
	pcb->pcb_tnames[pcb->pcb_ntnames++] =
	    dt_arena_strdup(pcb->pcb_arena, name);
}

int dt_pcb_istname(dt_pcb_t *pcb, const char *name)
{
	int i;
	for (i = 0; i < pcb->pcb_ntnames; i++)
		if (strcmp(pcb->pcb_tnames[i], name) == 0)
			return 1;
	return 0;
}

const char *dt_declr_name(const dt_node_t *d)
{
	while (d != NULL && d->n_kind != DN_D_IDENT)
		d = d->n_a;
	return d != NULL ? d->n_sval : NULL;
}

/* ---- macro arguments ---- */

static int dt_cc_parseint(const char *s, int64_t *v)
{
	char *end;
	long long x;

	if (*s == '\0')
		return 0;
	x = strtoll(s, &end, 0);
	if (*end != '\0') {
		unsigned long long u = strtoull(s, &end, 0);
		if (*end != '\0' || s[0] == '-')
			return 0;
		x = (long long)u;
	}
	*v = x;
	return 1;
}

const char *dt_macro_value(dt_pcb_t *pcb, const char *name, int isstr,
			   int line, int *isint, int64_t *ival)
{
	const dt_cc_opts_t *o = pcb->pcb_opts;
	int64_t v;

	*isint = 0;
	if (name[0] >= '0' && name[0] <= '9') {
		long n = strtol(name, NULL, 10);
		if (n < 0 || n >= o->cc_argc || o->cc_argv == NULL ||
		    o->cc_argv[n] == NULL) {
			if (o->cc_defaultargs) {
				*isint = !isstr;
				*ival = 0;
				return isstr ? "" : "0";
			}
			dt_cc_seterr(pcb, line, D_MACRO_UNDEF,
			    "macro argument %s%s is not defined",
			    isstr ? "$$" : "$", name);
			return NULL;
		}
		if (pcb->pcb_argused != NULL)
			pcb->pcb_argused[n] = 1;
		*isint = dt_cc_parseint(o->cc_argv[n], ival);
		return o->cc_argv[n];
	}
	if (strcmp(name, "pid") == 0)
		v = o->cc_pid;
	else if (strcmp(name, "ppid") == 0)
		v = getppid();
	else if (strcmp(name, "target") == 0)
		v = o->cc_target;
	else if (strcmp(name, "uid") == 0)
		v = getuid();
	else if (strcmp(name, "gid") == 0)
		v = getgid();
	else if (strcmp(name, "euid") == 0)
		v = geteuid();
	else if (strcmp(name, "egid") == 0)
		v = getegid();
	else if (strcmp(name, "sid") == 0)
		v = getsid(0);
	else if (strcmp(name, "pgid") == 0)
		v = getpgid(0);
	else if (strcmp(name, "projid") == 0 || strcmp(name, "taskid") == 0 ||
	    strcmp(name, "zoneid") == 0)
		v = 0;
	else {
		dt_cc_seterr(pcb, line, D_MACRO_UNDEF,
		    "macro variable %s%s is not defined", isstr ? "$$" : "$",
		    name);
		return NULL;
	}
	*isint = 1;
	*ival = v;
	return dt_arena_printf(pcb->pcb_arena, "%lld", (long long)v);
}

/* ---- probe descriptions ---- */

/* expand $N, $$N and $name inside a probe description */
static char *dt_cc_pdexpand(dt_pcb_t *pcb, const char *s, int line)
{
	size_t len = strlen(s), cap = len * 2 + 64, o = 0;
	char *out = malloc(cap), *res;
	const char *p;

	if (out == NULL)
		abort();
	for (p = s; *p != '\0';) {
		const char *v = NULL;
		if (*p == '$') {
			const char *q = p + 1;
			char name[64];
			size_t n;
			int isint, isstr = 0;
			int64_t iv;
			if (*q == '$') {
				q++;
				isstr = 1;
			}
			for (n = 0; (q[n] >= '0' && q[n] <= '9') ||
			    (!(q[0] >= '0' && q[0] <= '9') &&
			    ((q[n] >= 'a' && q[n] <= 'z') || q[n] == '_'));
			    n++)
				;
			if (n > 0 && n < sizeof(name)) {
				memcpy(name, q, n);
				name[n] = '\0';
				v = dt_macro_value(pcb, name, isstr, line,
				    &isint, &iv);
				if (v == NULL) {
					free(out);
					longjmp(pcb->pcb_jmp, 1);
				}
				p = q + n;
			}
		}
		if (v == NULL)
			v = dt_arena_strndup(pcb->pcb_arena, p++, 1);
		if (o + strlen(v) + 1 > cap) {
			cap = (o + strlen(v) + 1) * 2;
			if ((out = realloc(out, cap)) == NULL)
				abort();
		}
		memcpy(out + o, v, strlen(v));
		o += strlen(v);
	}
	out[o] = '\0';
	res = dt_arena_strdup(pcb->pcb_arena, out);
	free(out);
	return res;
}

static char *dt_cc_pstr(dt_arena_t *a, const char *s, size_t n)
{
	return dt_arena_strndup(a, s, n);
}

static void dt_cc_pdesc(dt_pcb_t *pcb, dt_arena_t *pa, dt_node_t *n,
			dt_probedesc_t *pd)
{
	char *text = dt_cc_pdexpand(pcb, n->n_sval, n->n_line);
	const char *f[4], *p;
	size_t fl[4];
	int nf = 0, dflt, first, i;

	for (p = text;;) {
		const char *c = strchr(p, ':');
		if (nf == 4)
			dt_cc_error(pcb, n->n_line, D_PDESC_INVAL,
			    "invalid probe description \"%s\": Overspecified "
			    "probe description", n->n_sval);
		f[nf] = p;
		fl[nf] = c ? (size_t)(c - p) : strlen(p);
		nf++;
		if (c == NULL)
			break;
		p = c + 1;
	}
	dflt = pcb->pcb_opts->cc_probespec >= 1 &&
	    pcb->pcb_opts->cc_probespec <= 4 ? pcb->pcb_opts->cc_probespec : 4;
	first = dflt - nf; /* 0-based index of the first field given */
	if (first < 0)
		first = 0;
	pd->pd_prov = pd->pd_mod = pd->pd_func = pd->pd_name = NULL;
	for (i = 0; i < 4; i++) {
		int k = i - first;
		char *v = k >= 0 && k < nf ? dt_cc_pstr(pa, f[k], fl[k]) :
		    dt_cc_pstr(pa, "", 0);
		switch (i) {
		case 0: pd->pd_prov = v; break;
		case 1: pd->pd_mod = v; break;
		case 2: pd->pd_func = v; break;
		default: pd->pd_name = v; break;
		}
	}
	pd->pd_text = dt_arena_strdup(pa, n->n_sval);
	pd->pd_line = n->n_line;
}

/* ---- building the program ---- */

static void *dt_cc_copy(dt_arena_t *a, const void *p, size_t n)
{
	void *q;
	if (n == 0)
		return NULL;
	q = dt_arena_alloc(a, n);
	memcpy(q, p, n);
	return q;
}

dt_probedesc_t *dt_cc_pdescs(dt_pcb_t *pcb, dt_arena_t *a, dt_node_t *c,
			     uint32_t *np)
{
	dt_probedesc_t *pds;
	dt_node_t *p;
	uint32_t i;

	*np = (uint32_t)dt_node_count(c->n_list);
	pds = dt_arena_alloc(a, sizeof(dt_probedesc_t) * (*np + 1));
	for (p = c->n_list, i = 0; p != NULL; p = p->n_next, i++)
		dt_cc_pdesc(pcb, a, p, &pds[i]);
	return pds;
}

static void dt_cc_clause(dt_pcb_t *pcb, dt_arena_t *pa, dt_node_t *c,
			 dt_clause_t *dc)
{
	dt_cgout_t o;
	uint32_t i;

	dc->dc_line = c->n_line;
	dc->dc_probes = dt_cc_pdescs(pcb, pa, c, &dc->dc_nprobes);

	dt_cg_clause(pcb, c, &o);
	dc->dc_difo.dtdo_buf = dt_cc_copy(pa, o.co_buf,
	    sizeof(dif_instr_t) * o.co_len);
	dc->dc_difo.dtdo_len = o.co_len;
	dc->dc_difo.dtdo_inttab = dt_cc_copy(pa, o.co_ints,
	    sizeof(uint64_t) * o.co_nints);
	dc->dc_difo.dtdo_intlen = o.co_nints;
	dc->dc_difo.dtdo_strtab = dt_cc_copy(pa, o.co_str, o.co_strlen);
	dc->dc_difo.dtdo_strlen = o.co_strlen;
	dc->dc_difo.dtdo_slots = dt_cc_copy(pa, o.co_slots,
	    sizeof(dif_recslot_t) * o.co_nslots);
	dc->dc_difo.dtdo_nslots = o.co_nslots;
	dc->dc_difo.dtdo_recsize = o.co_recsize;
	dc->dc_difo.dtdo_actpc = dt_cc_copy(pa, o.co_actpc,
	    sizeof(uint32_t) * o.co_nstmts);
	dc->dc_difo.dtdo_nacts = o.co_nstmts;
	dc->dc_difo.dtdo_rtype.dt_size = 4;
	dc->dc_difo.dtdo_rtype.dt_signed = 1;
	dc->dc_slotfmt = dt_cc_copy(pa, o.co_fmts,
	    sizeof(dt_slotfmt_t) * o.co_nslots);
	dc->dc_acts = dt_cc_copy(pa, o.co_acts, sizeof(dt_action_t) * o.co_nacts);
	dc->dc_nacts = o.co_nacts;
	for (i = 0; i < o.co_nacts; i++)
		if (dc->dc_acts[i].da_fmt != NULL)
			dc->dc_acts[i].da_fmt = dt_arena_strdup(pa,
			    dc->dc_acts[i].da_fmt);
	dc->dc_aggonly = (uint8_t)o.co_aggonly;
	dt_attr_compute(c, dc);
}

static void dt_cc_vars(dt_pcb_t *pcb, dt_arena_t *pa, dt_program_t *p)
{
	dt_idstate_t *is = pcb->pcb_ids;
	dt_ident_t *id;
	size_t slen = 0;
	char *st;
	uint32_t i = 0, k;

	for (id = is->is_vars; id != NULL; id = id->di_lnext)
		slen += strlen(id->di_name) + 1;
	p->dp_vars = dt_arena_alloc(pa, sizeof(dif_var_t) * (is->is_nvars + 1));
	st = dt_arena_alloc(pa, slen + 1);
	slen = 0;
	for (id = is->is_vars; id != NULL; id = id->di_lnext, i++) {
		dif_var_t *v = &p->dp_vars[i];
		v->dv_id = id->di_id;
		v->dv_scope = (uint8_t)id->di_scope;
		v->dv_assoc = (uint8_t)id->di_assoc;
		v->dv_nkeys = (uint16_t)id->di_nkeys;
		v->dv_type = dt_cg_diftype(pcb, id->di_type);
		v->dv_offset = id->di_offset;
		for (k = 0; k < id->di_nkeys; k++)
			v->dv_keysize += dt_cg_keysize(pcb, id->di_keys[k]);
		v->dv_name = (uint32_t)slen;
		strcpy(st + slen, id->di_name);
		slen += strlen(id->di_name) + 1;
	}
	p->dp_nvars = is->is_nvars;
	p->dp_strtab = st;
	p->dp_strlen = (uint32_t)slen;
	p->dp_globsize = is->is_globsize;
	p->dp_localsize = is->is_localsize;
}

static void dt_cc_aggs(dt_pcb_t *pcb, dt_arena_t *pa, dt_program_t *p)
{
	dt_idstate_t *is = pcb->pcb_ids;
	dt_ident_t *id;
	uint32_t i = 0, k;

	p->dp_aggs = dt_arena_alloc(pa, sizeof(dt_aggdesc_t) * (is->is_naggs + 1));
	for (id = is->is_aggl; id != NULL; id = id->di_lnext, i++) {
		dt_aggdesc_t *ag = &p->dp_aggs[i];
		ag->ag_id = id->di_id;
		ag->ag_name = dt_arena_strdup(pa, id->di_name);
		ag->ag_func = id->di_aggfunc;
		ag->ag_params = id->di_params;
		ag->ag_nkeys = id->di_nkeys;
		ag->ag_keytypes = dt_arena_alloc(pa, sizeof(dif_type_t) *
		    (id->di_nkeys + 1));
		ag->ag_keyfmt = dt_arena_alloc(pa, sizeof(dt_slotfmt_t) *
		    (id->di_nkeys + 1));
		for (k = 0; k < id->di_nkeys; k++) {
			dt_type_t *t = id->di_keys[k];
			dif_type_t *dt = &ag->ag_keytypes[k];
			/* integers keep their own size here (the consumer
			 * prints by it) but take 8 bytes of the packed key */
			*dt = dt_cg_diftype(pcb, t);
			ag->ag_keyfmt[k] = dt->dt_string ? DT_FMT_STRING :
			    dt->dt_byref ? DT_FMT_BYTES :
			    dt_type_base(t)->dt_kind == DT_TK_PTR ? DT_FMT_PTR :
			    dt->dt_signed ? DT_FMT_SINT : DT_FMT_UINT;
			ag->ag_keysize += dt->dt_byref ? dt->dt_size : 8;
		}
		ag->ag_nvals = dt_agg_nvals(ag->ag_func, &ag->ag_params);
		ag->ag_signed = (uint8_t)id->di_aggsigned;
	}
	p->dp_naggs = is->is_naggs;
}

/*
 * Key formats that only the aggregation statements know (stack(), sym()
 * as keys): the checker left them on the key nodes; copy them over.
 */
static void dt_cc_aggkeyfmts(dt_pcb_t *pcb, dt_program_t *p)
{
	dt_node_t *c, *s;

	for (c = pcb->pcb_root; c != NULL; c = c->n_next) {
		if (c->n_kind != DN_CLAUSE)
			continue;
		for (s = c->n_b; s != NULL; s = s->n_next) {
			dt_node_t *e = s->n_a, *k;
			dt_aggdesc_t *ag;
			uint32_t i = 0;
			if (e == NULL || e->n_kind != DN_ASSIGN ||
			    e->n_a->n_kind != DN_INDEX ||
			    e->n_a->n_ident == NULL ||
			    e->n_a->n_ident->di_kind != DI_AGG)
				continue;
			ag = &p->dp_aggs[e->n_a->n_ident->di_id - 1];
			for (k = e->n_a->n_list; k; k = k->n_next, i++) {
				if (k->n_fmt == 0 || i >= ag->ag_nkeys)
					continue;
				ag->ag_keyfmt[i] = (dt_slotfmt_t)k->n_fmt;
				if (k->n_fmt == DT_FMT_USYM ||
				    k->n_fmt == DT_FMT_UMOD) {
					ag->ag_keysize += 8;
					ag->ag_keytypes[i].dt_size = 16;
					ag->ag_keytypes[i].dt_byref = 1;
				}
				if (k->n_fmt == DT_FMT_STACK ||
				    k->n_fmt == DT_FMT_USTACK) {
					uint32_t fr = k->n_list ?
					    (uint32_t)k->n_list->n_ival :
					    k->n_fmt == DT_FMT_STACK ? 20 : 100;
					uint32_t sz = k->n_fmt == DT_FMT_STACK ?
					    fr * 8 : (fr + 1) * 8;
					ag->ag_keysize += sz -
					    ag->ag_keytypes[i].dt_size;
					ag->ag_keytypes[i].dt_size = sz;
					ag->ag_keytypes[i].dt_byref = 1;
				}
			}
		}
	}
}

static void dt_cc_opts(dt_pcb_t *pcb, dt_arena_t *pa, dt_program_t *p)
{
	dt_optlist_t *o;
	uint32_t i = 0;

	p->dp_opts = dt_arena_alloc(pa, sizeof(dt_option_t) *
	    (size_t)(pcb->pcb_nopts + 1));
	for (o = pcb->pcb_opthead; o != NULL; o = o->ol_next, i++) {
		p->dp_opts[i].op_name = dt_arena_strdup(pa, o->ol_name);
		p->dp_opts[i].op_value = o->ol_value ?
		    dt_arena_strdup(pa, o->ol_value) : NULL;
	}
	p->dp_nopts = i;
}

/*
 * -C: preprocess src after its first skip bytes (earlier programs' text,
 * kept as written).  cpp sees as many empty lines in their place, so its
 * line markers go on counting the lines of the whole text.
 */
static const char *dt_cc_cpp(dt_pcb_t *pcb, const char *src, size_t skip)
{
	size_t i, nl = 0, len;
	char *in, *out, *all;

	if (skip > strlen(src))
		skip = strlen(src);
	for (i = 0; i < skip; i++)
		nl += src[i] == '\n';
	len = strlen(src + skip);
	if ((in = malloc(nl + len + 1)) == NULL)
		abort();
	memset(in, '\n', nl);
	memcpy(in + nl, src + skip, len + 1);
	pcb->pcb_cppin = in;
	out = dt_cpp_run(pcb, in);
	free(in);
	pcb->pcb_cppin = NULL;
	if (skip == 0) {
		pcb->pcb_cppout = out;
		return out;
	}
	len = strlen(out);
	if ((all = malloc(skip + len + 1)) == NULL)
		abort();
	memcpy(all, src, skip);
	memcpy(all + skip, out, len + 1);
	free(out);
	pcb->pcb_cppout = all;
	return all;
}

/* the phases; any error longjmps back to dt_compile() */
static dt_program_t *dt_cc_phases(dt_pcb_t *pcb, const char *src)
{
	const dt_cc_opts_t *opts = pcb->pcb_opts;
	dt_progmem_t *pm;
	dt_arena_t *pa;
	dt_node_t *n;
	uint32_t nc, i;
	int k;

	if (opts->cc_cpp)
		src = dt_cc_cpp(pcb, src, opts->cc_cppskip);
	pcb->pcb_src = src;
	pcb->pcb_srclen = strlen(src);
	if (dt_parse(pcb) != 0)
		longjmp(pcb->pcb_jmp, 1);
	dt_check_program(pcb);

	pa = pcb->pcb_parena = dt_arena_create();
	if ((pm = pcb->pcb_progmem = calloc(1, sizeof(*pm))) == NULL)
		abort();
	for (n = pcb->pcb_root, nc = 0; n != NULL; n = n->n_next)
		nc += n->n_kind == DN_CLAUSE;
	pm->pm_prog.dp_clauses = dt_arena_alloc(pa, sizeof(dt_clause_t) *
	    (nc + 1));
	for (n = pcb->pcb_root, i = 0; n != NULL; n = n->n_next)
		if (n->n_kind == DN_CLAUSE)
			dt_cc_clause(pcb, pa, n, &pm->pm_prog.dp_clauses[i++]);
	pm->pm_prog.dp_nclauses = nc;
	for (k = 1; k < opts->cc_argc; k++)
		if (!pcb->pcb_argused[k])
			dt_cc_error(pcb, 0, D_MACRO_UNUSED,
			    "macro argument $%d is not referenced", k);
	dt_cc_vars(pcb, pa, &pm->pm_prog);
	dt_cc_aggs(pcb, pa, &pm->pm_prog);
	dt_cc_aggkeyfmts(pcb, &pm->pm_prog);
	dt_cc_opts(pcb, pa, &pm->pm_prog);
	pm->pm_arena = pa;
	return &pm->pm_prog;
}

dt_program_t *dt_compile(const char *src, const dt_cc_opts_t *opts,
			 dt_cc_error_t *err)
{
	static const dt_cc_opts_t dflt;
	dt_pcb_t pcbs, *pcb = &pcbs;
	dt_program_t *prog = NULL;

	if (err != NULL)
		memset(err, 0, sizeof(*err));
	memset(pcb, 0, sizeof(*pcb));
	pcb->pcb_opts = opts != NULL ? opts : &dflt;
	pcb->pcb_err = err;
	pcb->pcb_strsize = pcb->pcb_opts->cc_strsize ?
	    pcb->pcb_opts->cc_strsize : 256;
	pcb->pcb_arena = dt_arena_create();
	pcb->pcb_types = dt_typetab_create(pcb->pcb_arena, pcb->pcb_strsize);
	dt_btf_attach(pcb->pcb_types);
	pcb->pcb_ids = dt_arena_alloc(pcb->pcb_arena, sizeof(dt_idstate_t));
	if (pcb->pcb_opts->cc_argc > 0)
		pcb->pcb_argused = dt_arena_alloc(pcb->pcb_arena,
		    (size_t)pcb->pcb_opts->cc_argc);

	if (setjmp(pcb->pcb_jmp) == 0) {
		prog = dt_cc_phases(pcb, src != NULL ? src : "");
	} else {
		if (pcb->pcb_pf != NULL)
			dt_pf_free(pcb->pcb_pf);
		dt_arena_destroy(pcb->pcb_parena);
		free(pcb->pcb_progmem);
		prog = NULL;
	}
	free(pcb->pcb_cppin);
	free(pcb->pcb_cppout);
	dt_arena_destroy(pcb->pcb_arena);
	return prog;
}

void dt_program_free(dt_program_t *prog)
{
	dt_progmem_t *pm = (dt_progmem_t *)prog;

	if (pm == NULL)
		return;
	dt_arena_destroy(pm->pm_arena);
	free(pm);
}
