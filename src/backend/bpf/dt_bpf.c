/*
 * dt_bpf.c - the BPF backend: maps, programs, attachment, and the trip
 * back of records (ring buffer) and aggregations (per-CPU maps).
 *
 * Everything the kernel holds for us is owned by file descriptors of this
 * process (maps, programs, raw tracepoint links, perf events), so a
 * consumer that dies for any reason leaves nothing attached.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <linux/perf_event.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "dt_bpf_impl.h"
#include "dt_bpf_perfbuf.h"

#define DT_BPF_LICENSE "Dual MIT/GPL"

/* a speculative record waiting for its commit */
typedef struct dt_bpf_specrec {
	struct dt_bpf_specrec *sr_next;
	uint32_t sr_cpu;
	size_t sr_len;
	unsigned char sr_data[];
} dt_bpf_specrec_t;

/* last seen per-CPU values of one aggregation element */
typedef struct dt_bpf_aggprev {
	struct dt_bpf_aggprev *ap_next;
	uint32_t ap_aggid;
	int64_t *ap_vals; /* ncpus x (nvals + 1) */
	unsigned char ap_key[];
} dt_bpf_aggprev_t;

#define AGGPREV_BUCKETS 4096
#define DT_BPF_POLL_BUDGET (-1000000) /* on_record: budget used up */

struct dt_backend {
	dt_runopts_t ro;
	dt_bpf_ptab_t pt;
	int ncpus;
	dt_bpf_layout_t lay;
	dt_bpf_maps_t maps;
	const dt_program_t *prog;
	const dt_ecb_t *ecbs;
	uint32_t necbs;
	dt_bpf_prog_t *progs;
	uint32_t nprogs;
	dt_bpf_inst_t *errinst;
	uint32_t nerrinst;
	int *instmaps;
	uint32_t ninstmaps;
	struct ring_buffer *rb;
	dt_bpf_pbuf_t *pbuf; /* instead of rb: DT_BPF_BUF_PERF */
	int bufmode;
	dt_consumer_t *cur;
	int pollret;
	uint32_t budget; /* records left for this poll */
	uint64_t *drops_prev;
	uint64_t *lost; /* perf buffer: samples the kernel says it lost */
	/* counts summed over CPUs, as last reported */
	uint64_t dyn_prev, spec_prev, unavail_prev;
	uint64_t specdrops; /* speculative records over specsize */
	uint64_t next_status_ns;
	dt_bpf_specrec_t **spec_head, **spec_tail;
	size_t *spec_bytes; /* bytes buffered per speculation id */
	dt_bpf_aggprev_t **aggprev;
	int started, stopped;
	int debug;
};

static void closefd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static int quiet_print(enum libbpf_print_level l, const char *f, va_list ap)
{
	(void)l;
	(void)f;
	(void)ap;
	return 0;
}

static int bpf_available(void)
{
	int fd;

	libbpf_set_print(quiet_print);
	fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, NULL, 4, 8, 1, NULL);
	if (fd < 0)
		return 0;
	close(fd);
	return 1;
}

static dt_backend_t *bpf_open(const dt_runopts_t *opts, char *err,
			      size_t errlen)
{
	dt_backend_t *be = calloc(1, sizeof(*be));
	struct rlimit rl;

	libbpf_set_print(quiet_print);
	if (be == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	be->ro = *opts;
	be->debug = getenv("DTRACE_BPF_DEBUG") != NULL;
	/* every program, link and perf uprobe is a file descriptor: a pid
	 * glob over a library wants thousands, past the usual soft limit */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		(void)setrlimit(RLIMIT_NOFILE, &rl);
	}
	be->ncpus = libbpf_num_possible_cpus();
	if (be->ncpus <= 0) {
		snprintf(err, errlen, "cannot count the CPUs");
		free(be);
		return NULL;
	}
	if (dt_bpf_probes_init(&be->pt) != 0) {
		snprintf(err, errlen, "out of memory building the probe list");
		dt_bpf_probes_free(&be->pt);
		free(be);
		return NULL;
	}
	be->bufmode = dt_bpf_buffer_mode();
	if (be->bufmode < 0) {
		snprintf(err, errlen, "DTRACE_BPF_BUFFER must be ring, perf or "
			 "auto");
		dt_bpf_probes_free(&be->pt);
		free(be);
		return NULL;
	}
	be->maps.scratch = be->maps.globals = be->maps.consts = -1;
	be->maps.stats = be->maps.rb = be->maps.spec = -1;
	return be;
}

static int bpf_provide(dt_backend_t *be, const dt_probedesc_t *pd)
{
	return dt_bpf_probes_provide(&be->pt, pd);
}

static int bpf_probe_iter(dt_backend_t *be,
			  int (*cb)(const dt_probeinfo_t *, void *), void *arg)
{
	uint32_t k;

	/* listing everything (no description given): include sdt, and fbt
	 * where this kernel can run it (an empty description: every
	 * traceable function; refused quietly otherwise) */
	if (!be->pt.provided) {
		dt_probedesc_t all;

		memset(&all, 0, sizeof(all));
		dt_bpf_probes_sdt(&be->pt);
		if (dt_bpf_fbt_provide(&be->pt, &all) < 0)
			return -1;
	}
	for (k = 0; k < be->pt.n; k++)
		if (cb(&be->pt.pt[k].p_info, arg) != 0)
			break;
	return 0;
}

/* ---- layout ---- */

static uint32_t r8(uint32_t n)
{
	return (n + 7) & ~7u;
}

/* largest tuple a DIFO builds between two uses of the tuple stack */
static uint32_t tuple_need(const difo_t *dp, uint32_t strsize)
{
	uint32_t pc, cur = 0, max = 0;

	for (pc = 0; pc < dp->dtdo_len; pc++) {
		dif_instr_t in = dp->dtdo_buf[pc];

		switch (DIF_INSTR_OP(in)) {
		case DIF_OP_PUSHTV: cur += 8; break;
		case DIF_OP_PUSHTS: cur += strsize; break;
		case DIF_OP_PUSHTR: cur += DIF_INSTR_UIMM(in); break;
		case DIF_OP_FLUSHTS: case DIF_OP_CALL: case DIF_OP_AGG:
		case DIF_OP_LDGA: case DIF_OP_STGA: case DIF_OP_LDTA:
		case DIF_OP_STTA:
			cur = 0;
			break;
		}
		if (cur > max)
			max = cur;
	}
	return max;
}

/* syscall probes, ppid and progenyof() need task_struct offsets */
static int needs_btf(const dt_backend_t *be)
{
	const dt_program_t *p = be->prog;
	uint32_t k, pc;

	for (k = 0; k < be->necbs; k++) {
		const dt_bpf_probe_t *pr = dt_bpf_probe_byid(&be->pt,
							     be->ecbs[k].ec_probeid);

		if (pr != NULL && (pr->p_kind == DT_BPF_P_SYSENTRY ||
				   pr->p_kind == DT_BPF_P_SYSRETURN))
			return 1;
	}
	for (k = 0; k < p->dp_nclauses; k++) {
		const difo_t *dp = &p->dp_clauses[k].dc_difo;

		for (pc = 0; pc < dp->dtdo_len; pc++) {
			dif_instr_t in = dp->dtdo_buf[pc];

			if ((DIF_INSTR_OP(in) == DIF_OP_LDGV &&
			     DIF_INSTR_UIMM(in) == DIF_VAR_PPID) ||
			    (DIF_INSTR_OP(in) == DIF_OP_CALL &&
			     DIF_INSTR_UIMM(in) == DIF_SUBR_PROGENYOF))
				return 1;
		}
	}
	return 0;
}

static int layout(dt_backend_t *be, char *err, size_t errlen)
{
	const dt_program_t *p = be->prog;
	dt_bpf_layout_t *l = &be->lay;
	uint32_t k, off;

	if (needs_btf(be) && dt_bpf_btf_offsets(l, err, errlen) != 0)
		return -1;
	l->strsize = be->ro.ro_strsize ? r8(be->ro.ro_strsize) : 256;
	l->maxrec = 8;
	l->maxkey = 16;
	l->maxval = 8;
	for (k = 0; k < p->dp_nclauses; k++) {
		const difo_t *dp = &p->dp_clauses[k].dc_difo;
		uint32_t t = tuple_need(dp, l->strsize);

		if (r8(dp->dtdo_recsize) > l->maxrec)
			l->maxrec = r8(dp->dtdo_recsize);
		if (r8(t) > l->maxkey)
			l->maxkey = r8(t);
	}
	for (k = 0; k < p->dp_naggs; k++)
		if (r8(p->dp_aggs[k].ag_keysize) > l->maxkey)
			l->maxkey = r8(p->dp_aggs[k].ag_keysize);
	for (k = 0; k < p->dp_nvars; k++) {
		const dif_var_t *v = &p->dp_vars[k];

		if (r8(v->dv_keysize) > l->maxkey)
			l->maxkey = r8(v->dv_keysize);
		if (v->dv_type.dt_byref && r8(v->dv_type.dt_size) > l->maxval)
			l->maxval = r8(v->dv_type.dt_size);
	}
	l->gl_data = 64; /* globals map: walltimestamp offset, then data */
	l->gl_size = 64 + r8(p->dp_globsize);
	l->pool_size = 4096;
	l->spool_size = 16 * l->strsize > 8192 ? 16 * l->strsize : 8192;
	off = SC_HDR;
	l->sc_rec = off;
	off += sizeof(dt_bpf_msg_t) + sizeof(dt_rechdr_t) + l->maxrec;
	l->sc_err = off;
	off += sizeof(dt_bpf_msg_t) + sizeof(dt_rechdr_t) + sizeof(dt_errrec_t);
	l->sc_tup = off;
	off += 8 + l->maxkey;
	l->sc_tupv = off;
	off += 8 * DIF_TUPLE_MAX;
	l->sc_locals = off;
	off += r8(p->dp_localsize);
	l->sc_val = off;
	off += l->maxval;
	l->sc_zero = off;
	off += l->maxval;
	l->sc_stra = off;
	off += l->strsize;
	l->sc_strb = off;
	off += l->strsize;
	l->sc_spool = off;
	off += l->spool_size;
	l->sc_pool = off;
	off += 2 * l->pool_size;
	l->sc_size = off;
	/* instruction offsets are 16-bit: keep direct accesses in reach */
	if (l->sc_pool > 32000) {
		snprintf(err, errlen, "records, keys or strsize too large for "
			 "the BPF backend's scratch area");
		return -1;
	}
	return 0;
}

/* ---- maps ---- */

static int mkmap(enum bpf_map_type t, const char *name, uint32_t ks,
		 uint32_t vs, uint32_t n, uint32_t flags)
{
	LIBBPF_OPTS(bpf_map_create_opts, o, .map_flags = flags);

	return bpf_map_create(t, name, ks, vs, n, &o);
}

static void agg_init_vals(const dt_aggdesc_t *ag, int64_t *v)
{
	uint32_t k;

	v[0] = 0;
	for (k = 1; k <= ag->ag_nvals; k++)
		v[k] = 0;
	/* as dt_agg_init(): min/max compare signed */
	if (ag->ag_func == DT_AGG_MIN)
		v[1] = INT64_MAX;
	else if (ag->ag_func == DT_AGG_MAX)
		v[1] = INT64_MIN;
}

static int make_consts(dt_backend_t *be, char *err, size_t errlen)
{
	const dt_program_t *p = be->prog;
	dt_bpf_layout_t *l = &be->lay;
	unsigned char *buf;
	uint32_t k, off, zero = 0;

	l->co_strtab = calloc(p->dp_nclauses + 1, sizeof(uint32_t));
	l->co_agginit_off = calloc(p->dp_naggs + 1, sizeof(uint32_t));
	if (l->co_strtab == NULL || l->co_agginit_off == NULL)
		goto oom;
	off = be->necbs * DT_BPF_ECB_STRIDE;
	l->co_zonename = off;
	off += 8;
	for (k = 0; k < p->dp_nclauses; k++) {
		l->co_strtab[k] = off;
		off += r8(p->dp_clauses[k].dc_difo.dtdo_strlen + 1);
	}
	for (k = 0; k < p->dp_naggs; k++) {
		l->co_agginit_off[k] = off;
		off += 8 * (p->dp_aggs[k].ag_nvals + 1);
	}
	l->co_size = off > 8 ? off : 8;
	buf = calloc(1, l->co_size);
	if (buf == NULL)
		goto oom;
	for (k = 0; k < be->necbs; k++) {
		const dt_ecb_t *e = &be->ecbs[k];
		unsigned char *d = buf + k * DT_BPF_ECB_STRIDE;

		memcpy(d, &e->ec_probeid, 4);
		snprintf((char *)d + DT_BPF_ECB_PROV, DT_BPF_ECB_STRMAX, "%s",
			 e->ec_prov);
		snprintf((char *)d + DT_BPF_ECB_MOD, DT_BPF_ECB_STRMAX, "%s",
			 e->ec_mod);
		snprintf((char *)d + DT_BPF_ECB_FUNC, DT_BPF_ECB_STRMAX, "%s",
			 e->ec_func);
		snprintf((char *)d + DT_BPF_ECB_NAME, DT_BPF_ECB_STRMAX, "%s",
			 e->ec_name);
	}
	memcpy(buf + l->co_zonename, "global", 7);
	for (k = 0; k < p->dp_nclauses; k++) {
		const difo_t *dp = &p->dp_clauses[k].dc_difo;

		if (dp->dtdo_strlen)
			memcpy(buf + l->co_strtab[k], dp->dtdo_strtab,
			       dp->dtdo_strlen);
	}
	for (k = 0; k < p->dp_naggs; k++)
		agg_init_vals(&p->dp_aggs[k],
			      (int64_t *)(buf + l->co_agginit_off[k]));
	be->maps.consts = mkmap(BPF_MAP_TYPE_ARRAY, "dt_consts", 4, l->co_size,
				1, 0);
	if (be->maps.consts < 0 ||
	    bpf_map_update_elem(be->maps.consts, &zero, buf, BPF_ANY) != 0) {
		snprintf(err, errlen, "cannot create the constants map: %s",
			 strerror(errno));
		free(buf);
		return -1;
	}
	free(buf);
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
	return -1;
}

/*
 * Elements of one dynamic variable's hash map: dynvarsize bytes (DTrace's
 * default 1m) at key + value + 64 bytes of overhead each, so a small
 * dynvarsize really makes stores fail, which the programs count as
 * dynamic variable drops.  At least one element: BPF maps cannot be empty.
 */
static uint32_t dyn_entries(const dt_backend_t *be, uint32_t ks, uint32_t vs)
{
	uint64_t n = be->ro.ro_dynvarsize ? be->ro.ro_dynvarsize : 1 << 20;

	n /= (ks + vs + 64);
	return n < 1 ? 1 : n > (1u << 20) ? 1u << 20 : (uint32_t)n;
}

static int make_maps(dt_backend_t *be, char *err, size_t errlen)
{
	const dt_program_t *p = be->prog;
	const dt_bpf_layout_t *l = &be->lay;
	uint32_t k, zero = 0, rbsize;
	uint64_t want;
	unsigned char *g;
	int64_t walloff;
	struct timespec rt, mono;

	be->maps.scratch = mkmap(BPF_MAP_TYPE_ARRAY, "dt_scratch", 4,
				 l->sc_size, (uint32_t)be->ncpus, 0);
	be->maps.globals = mkmap(BPF_MAP_TYPE_ARRAY, "dt_globals", 4,
				 64 + r8(p->dp_globsize), 1, 0);
	be->maps.stats = mkmap(BPF_MAP_TYPE_PERCPU_ARRAY, "dt_stats", 4,
			       8 * DT_BPF_ST_NSTATS, 1, 0);
	be->maps.spec = mkmap(BPF_MAP_TYPE_ARRAY, "dt_spec", 4, 8,
			      (be->ro.ro_nspec ? be->ro.ro_nspec : 1) + 1, 0);
	want = be->ro.ro_bufsize ? be->ro.ro_bufsize : 4 << 20;
	for (rbsize = 1 << 16; rbsize < want && rbsize < (1u << 28);)
		rbsize <<= 1;
	if (be->bufmode == DT_BPF_BUF_PERF)
		be->maps.rb = dt_bpf_pbuf_map(be->ncpus);
	else
		be->maps.rb = mkmap(BPF_MAP_TYPE_RINGBUF, "dt_records", 0, 0,
				    rbsize, 0);
	if (be->maps.scratch < 0 || be->maps.globals < 0 ||
	    be->maps.stats < 0 || be->maps.spec < 0 || be->maps.rb < 0) {
		snprintf(err, errlen, "cannot create BPF maps: %s",
			 strerror(errno));
		return -1;
	}
	/* walltimestamp = timestamp + (realtime - monotonic) */
	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	walloff = (int64_t)(rt.tv_sec - mono.tv_sec) * 1000000000 +
		  (rt.tv_nsec - mono.tv_nsec);
	g = calloc(1, 64 + r8(p->dp_globsize));
	if (g == NULL)
		return -1;
	memcpy(g, &walloff, 8);
	bpf_map_update_elem(be->maps.globals, &zero, g, BPF_ANY);
	free(g);
	if (make_consts(be, err, errlen) != 0)
		return -1;

	be->maps.agg = calloc(p->dp_naggs + 1, sizeof(int));
	be->maps.var = calloc(p->dp_nvars + 1, sizeof(int));
	if (be->maps.agg == NULL || be->maps.var == NULL)
		return -1;
	for (k = 0; k < p->dp_naggs; k++)
		be->maps.agg[k] = -1;
	for (k = 0; k < p->dp_nvars; k++)
		be->maps.var[k] = -1;
	for (k = 0; k < p->dp_naggs; k++) {
		const dt_aggdesc_t *ag = &p->dp_aggs[k];
		uint32_t vs = 8 * (ag->ag_nvals + 1);

		if (ag->ag_nkeys == 0) {
			int64_t *v = calloc((size_t)be->ncpus, vs);
			int c;

			be->maps.agg[k] = mkmap(BPF_MAP_TYPE_PERCPU_ARRAY,
						"dt_agg", 4, vs, 1, 0);
			if (v == NULL || be->maps.agg[k] < 0) {
				free(v);
				goto fail;
			}
			for (c = 0; c < be->ncpus; c++)
				agg_init_vals(ag, v + (size_t)c * (vs / 8));
			bpf_map_update_elem(be->maps.agg[k], &zero, v, BPF_ANY);
			free(v);
		} else {
			uint64_t n = be->ro.ro_aggsize ? be->ro.ro_aggsize :
							 4 << 20;

			n /= (ag->ag_keysize + vs);
			if (n < 1024)
				n = 1024;
			if (n > 65536)
				n = 65536;
			be->maps.agg[k] = mkmap(BPF_MAP_TYPE_PERCPU_HASH,
						"dt_agg", r8(ag->ag_keysize) ?
						ag->ag_keysize : 8, vs,
						(uint32_t)n, BPF_F_NO_PREALLOC);
			if (be->maps.agg[k] < 0)
				goto fail;
		}
	}
	for (k = 0; k < p->dp_nvars; k++) {
		const dif_var_t *v = &p->dp_vars[k];
		uint32_t vs = v->dv_type.dt_byref ? r8(v->dv_type.dt_size) : 8;
		uint32_t ks;

		if (v->dv_scope == DIF_SCOPE_LOCAL ||
		    (v->dv_scope == DIF_SCOPE_GLOBAL && !v->dv_assoc))
			continue;
		ks = (v->dv_scope == DIF_SCOPE_THREAD ? 8 : 0) +
		     (v->dv_assoc ? v->dv_keysize : 0);
		if (ks == 0)
			ks = 8;
		be->maps.var[k] = mkmap(BPF_MAP_TYPE_HASH, "dt_dvar", ks, vs,
					dyn_entries(be, ks, vs),
					BPF_F_NO_PREALLOC);
		if (be->maps.var[k] < 0)
			goto fail;
	}
	return 0;
fail:
	snprintf(err, errlen, "cannot create BPF maps: %s", strerror(errno));
	return -1;
}

/* ---- programs ---- */

static int is_uprobe_ctx(int ctx)
{
	return ctx == DT_BPF_CTX_UPROBE || ctx == DT_BPF_CTX_URETPROBE;
}

/*
 * The program an ECB belongs to: one per kind, per probe for perf/sdt/fbt;
 * uprobes: per object of a process when dt_bpf_pid_same_prog says they
 * share one, else per probe.
 */
static dt_bpf_prog_t *prog_for(dt_backend_t *be, const dt_bpf_probe_t *pr)
{
	int ctx = dt_bpf_ctx_of(pr);
	uint32_t want = dt_bpf_ctx_per_probe(ctx) ? pr->p_info.pi_id :
			pr->p_kind == DT_BPF_P_END ? 2 : 0;
	uint32_t k;
	dt_bpf_prog_t *np;

	for (k = 0; k < be->nprogs; k++) {
		if (be->progs[k].bp_ctx != ctx)
			continue;
		if (be->progs[k].bp_probe == want)
			return &be->progs[k];
		if (is_uprobe_ctx(ctx) &&
		    dt_bpf_pid_same_prog(dt_bpf_probe_byid(&be->pt,
							   be->progs[k].bp_probe),
					 pr))
			return &be->progs[k];
	}
	np = realloc(be->progs, (be->nprogs + 1) * sizeof(*np));
	if (np == NULL)
		return NULL;
	be->progs = np;
	np = &be->progs[be->nprogs++];
	memset(np, 0, sizeof(*np));
	np->bp_ctx = ctx;
	np->bp_probe = want;
	np->bp_fd = -1;
	return np;
}

/*
 * A uprobe program's index of probe pr (its attach cookie), added at the
 * end if new; idx[probe id] caches it (+1) as every probe is in one
 * program only.
 */
static int prog_probe(dt_bpf_prog_t *bp, const dt_bpf_probe_t *pr,
		      uint32_t *idx, uint32_t *out)
{
	uint32_t id = pr->p_info.pi_id, *np;

	if (idx[id] != 0) {
		*out = idx[id] - 1;
		return 0;
	}
	np = realloc(bp->bp_probes, (bp->bp_nprobes + 1) * sizeof(*np));
	if (np == NULL)
		return -1;
	bp->bp_probes = np;
	np[bp->bp_nprobes] = id;
	*out = bp->bp_nprobes++;
	idx[id] = *out + 1;
	return 0;
}

static int inst_add(dt_bpf_inst_t **v, uint32_t *n, const dt_ecb_t *e,
		    const dt_program_t *p, uint32_t key, int merge)
{
	dt_bpf_inst_t *in = NULL;
	uint32_t *ne, *nk;

	if (merge && *n > 0 && (*v)[*n - 1].in_clause == e->ec_clause)
		in = &(*v)[*n - 1];
	if (merge && in == NULL) {
		uint32_t k;

		for (k = 0; k < *n; k++)
			if ((*v)[k].in_clause == e->ec_clause)
				in = &(*v)[k];
	}
	if (in == NULL) {
		dt_bpf_inst_t *nv = realloc(*v, (*n + 1) * sizeof(**v));

		if (nv == NULL)
			return -1;
		*v = nv;
		in = &nv[(*n)++];
		memset(in, 0, sizeof(*in));
		in->in_clause = e->ec_clause;
		in->in_clidx = (uint32_t)(e->ec_clause - p->dp_clauses);
		in->in_mapfd = -1;
	}
	ne = realloc(in->in_epid, (in->in_n + 1) * sizeof(uint32_t));
	if (ne == NULL)
		return -1;
	in->in_epid = ne;
	nk = realloc(in->in_key, (in->in_n + 1) * sizeof(uint32_t));
	if (nk == NULL)
		return -1;
	in->in_key = nk;
	in->in_epid[in->in_n] = e->ec_epid;
	in->in_key[in->in_n] = key;
	in->in_n++;
	return 0;
}

static const char *last_line(char *log)
{
	char *end = log + strlen(log), *s;

	while (end > log && (end[-1] == '\n' || end[-1] == ' '))
		*--end = '\0';
	/* the verifier's last lines are statistics: find the complaint */
	for (;;) {
		s = strrchr(log, '\n');
		if (s == NULL)
			return log;
		if (strncmp(s + 1, "processed ", 10) != 0 &&
		    strncmp(s + 1, "verification time", 17) != 0 &&
		    strncmp(s + 1, "stack depth", 11) != 0)
			return s + 1;
		*s = '\0';
	}
}

static int load_one(dt_backend_t *be, dt_bpf_prog_t *bp,
		    const dt_bpf_inst_t *inst, uint32_t ninst, char *err,
		    size_t errlen, uint32_t *bad)
{
	dt_bpf_xenv_t env;
	struct bpf_insn *insns = NULL;
	uint32_t n = 0;
	enum bpf_prog_type type;
	static char log[1 << 20];
	LIBBPF_OPTS(bpf_prog_load_opts, o);
	int fd;

	memset(&env, 0, sizeof(env));
	env.prog = be->prog;
	env.ecbs = be->ecbs;
	env.necbs = be->necbs;
	env.lay = &be->lay;
	env.maps = &be->maps;
	env.errinst = be->errinst;
	env.nerrinst = be->nerrinst;
	env.nspec = be->ro.ro_nspec ? be->ro.ro_nspec : 1;
	env.ncpus = be->ncpus;
	env.use_perfbuf = be->bufmode == DT_BPF_BUF_PERF;
	env.pt = &be->pt;
	env.bp = bp;
	if (dt_bpf_xlate(&env, bp->bp_ctx, inst, ninst, &insns, &n, err,
			 errlen, bad) != 0)
		return -1;
	type = dt_bpf_load_opts(&be->pt, bp, &o);
	log[0] = '\0';
	o.log_buf = log;
	o.log_size = sizeof(log);
	o.log_level = be->debug ? 1 : 0;
	fd = bpf_prog_load(type, "dtrace", DT_BPF_LICENSE, insns, n, &o);
	if (fd < 0 && log[0] == '\0') {
		o.log_level = 1;
		fd = bpf_prog_load(type, "dtrace", DT_BPF_LICENSE, insns, n,
				   &o);
	}
	if (fd < 0) {
		int e = errno;

		if (be->debug)
			fprintf(stderr, "%s\n", log);
		/* the verifier says EACCES or EINVAL; anything else (out of
		 * file descriptors, memory, privilege) is not about the code */
		if (e != EACCES && e != EINVAL)
			snprintf(err, errlen, "cannot load a BPF program: %s",
				 strerror(e));
		else
			snprintf(err, errlen, "the BPF verifier refused it (%s)",
				 log[0] ? last_line(log) : strerror(e));
		*bad = ninst;
	}
	free(insns);
	return fd;
}

static int load_prog(dt_backend_t *be, dt_bpf_prog_t *bp, char *err,
		     size_t errlen)
{
	char why[400];
	uint32_t bad = 0, k;
	const dt_clause_t *cl;
	int fd;

	fd = load_one(be, bp, bp->bp_inst, bp->bp_ninst, why, sizeof(why),
		      &bad);
	if (fd >= 0) {
		bp->bp_fd = fd;
		return 0;
	}
	if (bad >= bp->bp_ninst) {
		/* the whole program failed: find the clause on its own */
		char w2[400];

		bad = 0;
		for (k = 0; k < bp->bp_ninst; k++) {
			uint32_t b2;
			int f = load_one(be, bp, &bp->bp_inst[k], 1, w2,
					 sizeof(w2), &b2);

			if (f < 0) {
				bad = k;
				snprintf(why, sizeof(why), "%s", w2);
				break;
			}
			close(f);
		}
	}
	cl = bp->bp_inst[bad < bp->bp_ninst ? bad : 0].in_clause;
	snprintf(err, errlen, "clause %s at line %d: %s",
		 cl->dc_nprobes > 0 && cl->dc_probes[0].pd_text ?
			 cl->dc_probes[0].pd_text : "?",
		 cl->dc_line, why);
	return -1;
}

/*
 * An fbt program the kernel would not load (a function on the fentry
 * deny list) is left out when a glob offered its probe and others of the
 * glob remain, as DTrace's fbt does not offer what it cannot instrument.
 */
static int fbt_skip(dt_backend_t *be, dt_bpf_prog_t *bp)
{
	const dt_bpf_probe_t *pr;

	if (bp->bp_ctx != DT_BPF_CTX_FENTRY && bp->bp_ctx != DT_BPF_CTX_FEXIT)
		return 0;
	pr = dt_bpf_probe_byid(&be->pt, bp->bp_probe);
	return pr != NULL && dt_bpf_fbt_skip(pr);
}

static int bpf_enable(dt_backend_t *be, const dt_program_t *prog,
		      const dt_ecb_t *ecbs, uint32_t necbs, char *err,
		      size_t errlen)
{
	uint32_t k, *pidx;

	be->prog = prog;
	be->ecbs = ecbs;
	be->necbs = necbs;
	if (layout(be, err, errlen) != 0 || make_maps(be, err, errlen) != 0)
		return -1;
	/* ERROR clauses are inlined where faults happen */
	for (k = 0; k < necbs; k++) {
		const dt_bpf_probe_t *pr = dt_bpf_probe_byid(&be->pt,
							     ecbs[k].ec_probeid);

		if (pr == NULL) {
			snprintf(err, errlen, "unknown probe id %u",
				 ecbs[k].ec_probeid);
			return -1;
		}
		if (pr->p_kind == DT_BPF_P_ERROR) {
			if (inst_add(&be->errinst, &be->nerrinst, &ecbs[k], prog,
				     0, 0) != 0)
				return -1;
		}
	}
	pidx = calloc(be->pt.n + 2, sizeof(*pidx));
	if (pidx == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (k = 0; k < necbs; k++) {
		const dt_bpf_probe_t *pr = dt_bpf_probe_byid(&be->pt,
							     ecbs[k].ec_probeid);
		dt_bpf_prog_t *bp;
		uint32_t key;
		int merge;

		if (pr->p_kind == DT_BPF_P_ERROR)
			continue;
		bp = prog_for(be, pr);
		if (bp == NULL)
			goto nomem;
		/* syscalls and uprobes: one instance per clause, the probe
		 * told apart at run time by the key */
		merge = pr->p_kind == DT_BPF_P_SYSENTRY ||
			pr->p_kind == DT_BPF_P_SYSRETURN ||
			is_uprobe_ctx(bp->bp_ctx);
		if (is_uprobe_ctx(bp->bp_ctx)) {
			if (pr->p_info.pi_id > be->pt.n + 1 ||
			    prog_probe(bp, pr, pidx, &key) != 0)
				goto nomem;
		} else if (pr->p_kind == DT_BPF_P_SDT) {
			key = (uint32_t)pr->p_nr;
		} else {
			key = DT_BPF_SYSKEY(pr->p_abi, pr->p_nr);
		}
		if (inst_add(&bp->bp_inst, &bp->bp_ninst, &ecbs[k], prog, key,
			     merge) != 0)
			goto nomem;
	}
	free(pidx);
	/* many syscalls or uprobes for one clause: dispatch through an array
	 * map (abi*1024+nr, or the probe's index in the program -> epid) */
	for (k = 0; k < be->nprogs; k++) {
		dt_bpf_prog_t *bp = &be->progs[k];
		int up = is_uprobe_ctx(bp->bp_ctx);
		uint32_t i, j;

		if (bp->bp_ctx != DT_BPF_CTX_SYSENTER &&
		    bp->bp_ctx != DT_BPF_CTX_SYSEXIT && !up)
			continue;
		for (i = 0; i < bp->bp_ninst; i++) {
			dt_bpf_inst_t *in = &bp->bp_inst[i];

			if (in->in_n <= 4)
				continue;
			if (up) {
				in->in_mapfd = mkmap(BPF_MAP_TYPE_ARRAY,
						     "dt_upmap", 4, 4,
						     bp->bp_nprobes, 0);
				for (j = 0; in->in_mapfd >= 0 && j < in->in_n;
				     j++)
					bpf_map_update_elem(in->in_mapfd,
							    &in->in_key[j],
							    &in->in_epid[j],
							    BPF_ANY);
				if (in->in_mapfd < 0)
					goto nomap;
				continue;
			}
			in->in_mapfd = mkmap(BPF_MAP_TYPE_ARRAY, "dt_sysmap", 4,
					     4, 2048, 0);
			if (in->in_mapfd < 0)
				goto nomap;
			for (j = 0; j < in->in_n; j++) {
				uint32_t key = in->in_key[j];
				uint32_t idx = (key >> 16) * 1024 +
					       (key & 0xffff);

				if ((key & 0xffff) < 1024)
					bpf_map_update_elem(in->in_mapfd, &idx,
							    &in->in_epid[j],
							    BPF_ANY);
			}
		}
	}
	for (k = 0; k < be->nprogs; k++)
		if (load_prog(be, &be->progs[k], err, errlen) != 0 &&
		    !fbt_skip(be, &be->progs[k]))
			return -1;
	be->rb = NULL;
	be->drops_prev = calloc((size_t)be->ncpus, sizeof(uint64_t));
	be->lost = calloc((size_t)be->ncpus, sizeof(uint64_t));
	be->spec_bytes = calloc((size_t)(be->ro.ro_nspec + 2),
				sizeof(*be->spec_bytes));
	be->spec_head = calloc((size_t)(be->ro.ro_nspec + 2),
			       sizeof(*be->spec_head));
	be->spec_tail = calloc((size_t)(be->ro.ro_nspec + 2),
			       sizeof(*be->spec_tail));
	be->aggprev = calloc(AGGPREV_BUCKETS, sizeof(*be->aggprev));
	if (be->drops_prev == NULL || be->lost == NULL ||
	    be->spec_bytes == NULL || be->spec_head == NULL ||
	    be->spec_tail == NULL || be->aggprev == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
nomem:
	free(pidx);
	snprintf(err, errlen, "out of memory");
	return -1;
nomap:
	snprintf(err, errlen, "cannot create BPF map: %s", strerror(errno));
	return -1;
}

/* ---- running ---- */

static int test_run(int fd)
{
	uint64_t args[8] = { 0 };
	LIBBPF_OPTS(bpf_test_run_opts, o, .ctx_in = args,
		    .ctx_size_in = sizeof(args));
	int r = bpf_prog_test_run_opts(fd, &o);

	if (getenv("DTRACE_BPF_DEBUG") != NULL)
		fprintf(stderr, "bpf: test run of fd %d: %d (%s), retval %u\n",
			fd, r, r ? strerror(errno) : "ok", o.retval);
	return r;
}

static int on_record(void *ctx, void *data, size_t len);

/* perf buffer: records the kernel could not write (reported per CPU) */
static void on_lost(void *ctx, int cpu, uint64_t n)
{
	dt_backend_t *be = ctx;

	if (cpu >= 0 && cpu < be->ncpus)
		be->lost[cpu] += n;
}

static int bpf_go(dt_backend_t *be)
{
	uint32_t k;

	if (be->bufmode == DT_BPF_BUF_PERF) {
		be->pbuf = dt_bpf_pbuf_new(be->maps.rb, be->ro.ro_bufsize ?
					   be->ro.ro_bufsize : 4 << 20,
					   on_record, on_lost, be);
		if (be->pbuf == NULL)
			return -1;
	} else {
		be->rb = ring_buffer__new(be->maps.rb, on_record, be, NULL);
		if (be->rb == NULL)
			return -1;
	}
	/* BEGIN completes before any other probe is attached */
	for (k = 0; k < be->nprogs; k++)
		if (be->progs[k].bp_ctx == DT_BPF_CTX_DTRACE &&
		    be->progs[k].bp_probe == 0 && test_run(be->progs[k].bp_fd))
			return -1;
	for (k = 0; k < be->nprogs; k++)
		if (be->progs[k].bp_ctx != DT_BPF_CTX_DTRACE &&
		    be->progs[k].bp_fd >= 0 &&
		    dt_bpf_attach(&be->pt, be->ncpus, &be->progs[k]) != 0) {
			fprintf(stderr, "dtrace: cannot attach a BPF program: "
				"%s\n", strerror(errno));
			return -1;
		}
	be->started = 1;
	return 0;
}

static void spec_free(dt_backend_t *be, uint32_t id, int deliver)
{
	dt_bpf_specrec_t *r = be->spec_head[id], *n;
	uint64_t zero = 0;

	for (; r != NULL; r = n) {
		n = r->sr_next;
		if (deliver && be->cur != NULL) {
			int x = dt_consume_records(be->cur, (int)r->sr_cpu,
						   r->sr_data, r->sr_len);
			if (x != 0)
				be->pollret = x;
		}
		free(r);
	}
	be->spec_head[id] = be->spec_tail[id] = NULL;
	be->spec_bytes[id] = 0;
	bpf_map_update_elem(be->maps.spec, &id, &zero, BPF_ANY);
}

static int on_record(void *ctx, void *data, size_t len)
{
	dt_backend_t *be = ctx;
	const dt_bpf_msg_t *m = data;
	uint32_t kind, id, nspec = be->ro.ro_nspec ? be->ro.ro_nspec : 1;
	int r;

	if (len < sizeof(*m))
		return 0;
	/*
	 * Stop after a budget so a poll always returns, even when our own
	 * output makes more records than we consume (syscall:::entry with
	 * printf traces the consumer's writes).
	 */
	if (be->budget > 0 && --be->budget == 0)
		r = DT_BPF_POLL_BUDGET;
	else
		r = 0;
	kind = m->m_tag & DT_BPF_TAG_KIND;
	id = m->m_tag & 0xffff;
	if (kind != 0 && (id == 0 || id > nspec))
		return 0;
	switch (kind) {
	case 0: {
		int x;

		if (be->cur == NULL)
			return r;
		x = dt_consume_records(be->cur, (int)m->m_cpu, m + 1,
				       len - sizeof(*m));
		if (x != 0 && be->pollret != 1)
			be->pollret = x;
		return r;
	}
	case DT_BPF_TAG_SPEC: {
		uint64_t limit = be->ro.ro_specsize ? be->ro.ro_specsize :
						      1 << 20;
		dt_bpf_specrec_t *s;

		/* specsize bounds what one speculation holds */
		if (be->spec_bytes[id] + (len - sizeof(*m)) > limit) {
			be->specdrops++;
			return r;
		}
		s = malloc(sizeof(*s) + len - sizeof(*m));
		if (s == NULL)
			return r;
		be->spec_bytes[id] += len - sizeof(*m);
		s->sr_next = NULL;
		s->sr_cpu = m->m_cpu;
		s->sr_len = len - sizeof(*m);
		memcpy(s->sr_data, m + 1, s->sr_len);
		if (be->spec_tail[id] != NULL)
			be->spec_tail[id]->sr_next = s;
		else
			be->spec_head[id] = s;
		be->spec_tail[id] = s;
		return r;
	}
	case DT_BPF_TAG_COMMIT:
		spec_free(be, id, 1);
		return r;
	case DT_BPF_TAG_DISCARD:
		spec_free(be, id, 0);
		return r;
	}
	return r;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + (uint64_t)ts.tv_nsec;
}

/*
 * Principal buffer drops per CPU at every poll; dynamic variable drops,
 * speculative drops and failed speculations summed over CPUs once a second
 * (DTrace's status rate) and once tracing has stopped, as the in-process
 * backend reports them.
 */
#define DT_BPF_STATUS_NS 1000000000ULL
static void report_drops(dt_backend_t *be, dt_consumer_t *c)
{
	uint64_t *v = calloc((size_t)be->ncpus, 8 * DT_BPF_ST_NSTATS);
	uint64_t dyn = 0, spec = be->specdrops, unavail = 0, now = now_ns();
	uint32_t zero = 0;
	int k;

	if (v == NULL)
		return;
	if (bpf_map_lookup_elem(be->maps.stats, &zero, v) != 0) {
		free(v);
		return;
	}
	for (k = 0; k < be->ncpus; k++) {
		const uint64_t *st = v + (size_t)k * DT_BPF_ST_NSTATS;
		/* perf buffer: both count the same losses (dt_bpf_perfbuf.c) */
		uint64_t d = st[DT_BPF_ST_DROPS] > be->lost[k] ?
				     st[DT_BPF_ST_DROPS] : be->lost[k];

		if (d > be->drops_prev[k]) {
			dt_consume_drops(c, k, d - be->drops_prev[k]);
			be->drops_prev[k] = d;
		}
		dyn += st[DT_BPF_ST_DYNDROPS];
		spec += st[DT_BPF_ST_SPECDROPS];
		unavail += st[DT_BPF_ST_SPECUNAVAIL];
	}
	free(v);
	if (!be->stopped && now < be->next_status_ns)
		return;
	be->next_status_ns = now + DT_BPF_STATUS_NS;
	if (dyn > be->dyn_prev)
		dt_consume_drop(c, DT_DROP_DYNAMIC, 0, dyn - be->dyn_prev);
	if (spec > be->spec_prev)
		dt_consume_drop(c, DT_DROP_SPEC, 0, spec - be->spec_prev);
	if (unavail > be->unavail_prev)
		dt_consume_drop(c, DT_DROP_SPECUNAVAIL, 0,
				unavail - be->unavail_prev);
	be->dyn_prev = dyn;
	be->spec_prev = spec;
	be->unavail_prev = unavail;
}

static int bpf_poll(dt_backend_t *be, dt_consumer_t *c, int timeout_ms)
{
	int r;

	if (be->rb == NULL && be->pbuf == NULL)
		return -1;
	be->cur = c;
	be->pollret = 0;
	be->budget = 100000;
	/*
	 * A perf buffer poll reads each CPU's ring up to where it was when
	 * the poll began, so it ends by itself: no budget there.
	 */
	if (be->pbuf != NULL)
		r = dt_bpf_pbuf_poll(be->pbuf, timeout_ms);
	else
		r = ring_buffer__poll(be->rb, timeout_ms);
	be->budget = 0;
	if (r < 0 && r != -EINTR && r != DT_BPF_POLL_BUDGET) {
		be->cur = NULL;
		return -1;
	}
	report_drops(be, c);
	be->cur = NULL;
	return be->pollret;
}

/* ---- aggregations ---- */

static uint32_t hash_key(uint32_t aggid, const unsigned char *k, uint32_t n)
{
	uint32_t h = 2166136261u ^ aggid;
	uint32_t i;

	for (i = 0; i < n; i++)
		h = (h ^ k[i]) * 16777619u;
	return h % AGGPREV_BUCKETS;
}

static dt_bpf_aggprev_t *prev_find(dt_backend_t *be, uint32_t aggid,
				   const unsigned char *key, uint32_t ks,
				   uint32_t nw)
{
	uint32_t h = hash_key(aggid, key, ks);
	dt_bpf_aggprev_t *p;

	for (p = be->aggprev[h]; p != NULL; p = p->ap_next)
		if (p->ap_aggid == aggid && memcmp(p->ap_key, key, ks) == 0)
			return p;
	p = calloc(1, sizeof(*p) + ks);
	if (p == NULL)
		return NULL;
	p->ap_vals = calloc((size_t)be->ncpus * nw, sizeof(int64_t));
	if (p->ap_vals == NULL) {
		free(p);
		return NULL;
	}
	p->ap_aggid = aggid;
	memcpy(p->ap_key, key, ks);
	p->ap_next = be->aggprev[h];
	be->aggprev[h] = p;
	return p;
}

/* report what changed on each CPU since the last snapshot */
static void agg_delta(dt_backend_t *be, dt_consumer_t *c,
		      const dt_aggdesc_t *ag, const unsigned char *key,
		      const int64_t *cur)
{
	uint32_t nw = ag->ag_nvals + 1, k;
	dt_bpf_aggprev_t *p = prev_find(be, ag->ag_id, key, ag->ag_keysize,
					nw);
	int64_t d[nw];
	int cpu;

	if (p == NULL)
		return;
	for (cpu = 0; cpu < be->ncpus; cpu++) {
		const int64_t *v = cur + (size_t)cpu * nw;
		int64_t *o = p->ap_vals + (size_t)cpu * nw;

		if (v[0] == o[0])
			continue; /* not touched on this CPU since */
		switch (ag->ag_func) {
		case DT_AGG_MIN:
		case DT_AGG_MAX:
			d[1] = v[1];
			break;
		case DT_AGG_STDDEV: {
			uint64_t lo = (uint64_t)v[4] - (uint64_t)o[4];
			uint64_t hi = (uint64_t)v[3] - (uint64_t)o[3] -
				      ((uint64_t)v[4] < (uint64_t)o[4]);

			d[1] = v[1] - o[1];
			d[2] = v[2] - o[2];
			d[3] = (int64_t)hi;
			d[4] = (int64_t)lo;
			break;
		}
		default:
			for (k = 1; k < nw; k++)
				d[k] = v[k] - o[k];
		}
		memcpy(o, v, nw * sizeof(int64_t));
		dt_agg_add(c, ag->ag_id, key, d + 1);
	}
}

static int bpf_snapshot(dt_backend_t *be, dt_consumer_t *c)
{
	const dt_program_t *p = be->prog;
	uint32_t k, zero = 0;

	if (p == NULL)
		return 0;
	for (k = 0; k < p->dp_naggs; k++) {
		const dt_aggdesc_t *ag = &p->dp_aggs[k];
		size_t vs = 8 * (ag->ag_nvals + 1);
		int64_t *vals = malloc(vs * (size_t)be->ncpus);
		unsigned char *key, *next;
		uint32_t ks = ag->ag_keysize ? ag->ag_keysize : 8;
		int fd = be->maps.agg[k];

		key = calloc(2, ks);
		if (vals == NULL || key == NULL) {
			free(vals);
			free(key);
			return -1;
		}
		next = key + ks;
		if (ag->ag_nkeys == 0) {
			if (bpf_map_lookup_elem(fd, &zero, vals) == 0)
				agg_delta(be, c, ag, key, vals);
		} else {
			void *prev = NULL;

			while (bpf_map_get_next_key(fd, prev, next) == 0) {
				memcpy(key, next, ks);
				prev = key;
				if (bpf_map_lookup_elem(fd, key, vals) == 0)
					agg_delta(be, c, ag, key, vals);
			}
		}
		free(vals);
		free(key);
	}
	return 0;
}

static int bpf_stop(dt_backend_t *be)
{
	uint32_t k;
	int i;

	if (be->stopped)
		return 0;
	be->stopped = 1;
	for (k = 0; k < be->nprogs; k++) {
		dt_bpf_prog_t *bp = &be->progs[k];

		for (i = 0; i < bp->bp_nlinks; i++)
			closefd(&bp->bp_links[i]);
		bp->bp_nlinks = 0;
	}
	/* END runs after every other probe is detached */
	for (k = 0; k < be->nprogs; k++)
		if (be->progs[k].bp_ctx == DT_BPF_CTX_DTRACE &&
		    be->progs[k].bp_probe == 2 && be->started)
			test_run(be->progs[k].bp_fd);
	return 0;
}

static void bpf_close(dt_backend_t *be)
{
	uint32_t k, n;
	int i;

	if (be == NULL)
		return;
	bpf_stop(be);
	if (be->rb != NULL)
		ring_buffer__free(be->rb);
	dt_bpf_pbuf_free(be->pbuf);
	for (k = 0; k < be->nprogs; k++) {
		dt_bpf_prog_t *bp = &be->progs[k];

		closefd(&bp->bp_fd);
		for (i = 0; i < bp->bp_nlinks; i++)
			closefd(&bp->bp_links[i]);
		free(bp->bp_links);
		free(bp->bp_probes);
		for (n = 0; n < bp->bp_ninst; n++) {
			closefd(&bp->bp_inst[n].in_mapfd);
			free(bp->bp_inst[n].in_epid);
			free(bp->bp_inst[n].in_key);
		}
		free(bp->bp_inst);
	}
	free(be->progs);
	for (n = 0; n < be->nerrinst; n++) {
		free(be->errinst[n].in_epid);
		free(be->errinst[n].in_key);
	}
	free(be->errinst);
	if (be->prog != NULL) {
		for (k = 0; k < be->prog->dp_naggs && be->maps.agg; k++)
			closefd(&be->maps.agg[k]);
		for (k = 0; k < be->prog->dp_nvars && be->maps.var; k++)
			closefd(&be->maps.var[k]);
	}
	free(be->maps.agg);
	free(be->maps.var);
	closefd(&be->maps.scratch);
	closefd(&be->maps.globals);
	closefd(&be->maps.consts);
	closefd(&be->maps.stats);
	closefd(&be->maps.rb);
	closefd(&be->maps.spec);
	if (be->spec_head != NULL)
		for (n = 0; n < be->ro.ro_nspec + 2; n++) {
			dt_bpf_specrec_t *r = be->spec_head[n], *nx;

			for (; r != NULL; r = nx) {
				nx = r->sr_next;
				free(r);
			}
		}
	free(be->spec_head);
	free(be->spec_tail);
	if (be->aggprev != NULL)
		for (n = 0; n < AGGPREV_BUCKETS; n++) {
			dt_bpf_aggprev_t *a = be->aggprev[n], *nx;

			for (; a != NULL; a = nx) {
				nx = a->ap_next;
				free(a->ap_vals);
				free(a);
			}
		}
	free(be->aggprev);
	free(be->drops_prev);
	free(be->lost);
	free(be->spec_bytes);
	free(be->lay.co_strtab);
	free(be->lay.co_agginit_off);
	dt_bpf_probes_free(&be->pt);
	free(be);
}

const dt_backend_ops_t dt_backend_bpf = {
	.bo_name = "bpf",
	.bo_available = bpf_available,
	.bo_open = bpf_open,
	.bo_provide = bpf_provide,
	.bo_probe_iter = bpf_probe_iter,
	.bo_enable = bpf_enable,
	.bo_go = bpf_go,
	.bo_poll = bpf_poll,
	.bo_snapshot = bpf_snapshot,
	.bo_stop = bpf_stop,
	.bo_close = bpf_close,
	.bo_argtype = dt_bpf_argtype,
};
