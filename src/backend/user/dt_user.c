/*
 * dt_user.c - the in-process executor.
 *
 * It offers the providers that need no kernel part: dtrace (BEGIN, END,
 * ERROR) and profile (tick-N, profile-N, timed by the clock in this
 * process).  Clauses run through the same DIF VM (src/common) as in the
 * kernel module, on one "CPU": the one dtrace itself runs on.  Records go
 * into an in-memory principal buffer that poll hands to the consumer.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "backend.h"
#include "dif_vm.h"
#include "dt_aggbuf.h"
#include "dt_dynvar.h"
#include "dt_profile.h"

#define UPROBE_BEGIN 1
#define UPROBE_END 2
#define UPROBE_ERROR 3
#define U_SCRATCH (256 * 1024)

typedef struct uprobe {
	uint32_t id;
	char name[64]; /* profile probes: tick-1s ...; dtrace: BEGIN ... */
	const char *prov;
	uint64_t period_ns; /* profile probes */
	uint64_t next_ns; /* next firing time */
	uint32_t *ecbs; /* indexes into be->ecbs, epid order */
	uint32_t necbs;
} uprobe_t;

typedef struct ubuf {
	uint8_t *data;
	size_t len, cap, limit;
	uint64_t drops;
	int busy; /* speculations: allocated */
} ubuf_t;

/* what the built-in variables read while a clause runs */
typedef struct ufire {
	uint32_t probe_id;
	uint32_t epid;
	uint64_t args[10];
	char prov[64], mod[64], func[128], name[64];
	char execname[32];
	char cwd[256];
	char zonename[8];
	char rootdir[2];
} ufire_t;

struct dt_backend {
	dt_runopts_t opts;
	uprobe_t *probes;
	uint32_t nprobes;
	const dt_program_t *prog;
	const dt_ecb_t *ecbs;
	uint32_t necbs;

	dif_env_t env;
	dif_hostops_t ops;
	dif_aggspec_t *aggspecs;
	dt_dynvars_t dynvars;
	void *dynarena;
	dt_aggbuf_t aggbuf;
	void *aggarena;
	dif_mstate_t ms;
	void *scratch, *local, *tbuf;
	uint8_t *rec;

	ufire_t fire;
	ubuf_t principal;
	ubuf_t *specs; /* ro_nspec of them, id = index + 1 */
	int in_error; /* firing ERROR: its own faults do not recurse */
	int started, stopped;
	int cpu;
	uint64_t last_drops;
	/* what DTrace reports besides principal drops: counted, then told */
	uint64_t specunavail, last_specunavail;
	uint64_t last_specdrops, last_dyndrops;
	uint64_t next_status_ns; /* when those are next reported */
};

static uint64_t now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static int user_available(void)
{
	return 1;
}

static uprobe_t *add_probe(dt_backend_t *be, const char *prov,
			   const char *name, uint64_t period)
{
	uprobe_t *p = realloc(be->probes, (be->nprobes + 1) * sizeof(*p));

	if (p == NULL)
		return NULL;
	be->probes = p;
	p = &be->probes[be->nprobes];
	memset(p, 0, sizeof(*p));
	p->id = ++be->nprobes;
	p->prov = prov;
	snprintf(p->name, sizeof(p->name), "%s", name);
	p->period_ns = period;
	return p;
}

static dt_backend_t *user_open(const dt_runopts_t *opts, char *err,
			       size_t errlen)
{
	dt_backend_t *be = calloc(1, sizeof(*be));
	size_t i;
	int tick;

	if (be == NULL) {
		snprintf(err, errlen, "%s", strerror(errno));
		return NULL;
	}
	be->opts = *opts;
	if (add_probe(be, "dtrace", "BEGIN", 0) == NULL ||
	    add_probe(be, "dtrace", "END", 0) == NULL ||
	    add_probe(be, "dtrace", "ERROR", 0) == NULL)
		goto nomem;
	for (i = 0; i < DT_PROFILE_NDEFAULTS; i++)
		if (add_probe(be, "profile", dt_profile_defaults[i],
			      dt_profile_period(dt_profile_defaults[i],
						&tick)) == NULL)
			goto nomem;
	return be;
nomem:
	snprintf(err, errlen, "out of memory");
	free(be->probes);
	free(be);
	return NULL;
}

static int user_provide(dt_backend_t *be, const dt_probedesc_t *pd)
{
	int tick;
	uint64_t period;
	uint32_t i;

	/* only an exact profile probe name can be made on demand */
	if (pd->pd_name == NULL || strpbrk(pd->pd_name, "*?[") != NULL)
		return 0;
	if (pd->pd_prov[0] != '\0' && strcmp(pd->pd_prov, "profile") != 0)
		return 0;
	period = dt_profile_period(pd->pd_name, &tick);
	if (period == 0)
		return 0;
	for (i = 0; i < be->nprobes; i++)
		if (strcmp(be->probes[i].name, pd->pd_name) == 0)
			return 0;
	return add_probe(be, "profile", pd->pd_name, period) ? 0 : -1;
}

static int user_probe_iter(dt_backend_t *be,
			   int (*cb)(const dt_probeinfo_t *pi, void *arg),
			   void *arg)
{
	uint32_t i;
	int r;

	for (i = 0; i < be->nprobes; i++) {
		dt_probeinfo_t pi = { be->probes[i].id, be->probes[i].prov,
				      "", "", be->probes[i].name };

		r = cb(&pi, arg);
		if (r != 0)
			return r < 0 ? -1 : 0;
	}
	return 0;
}

/* ---- what the VM asks of us ---- */

static int u_builtin(void *ctx, unsigned id, uint64_t ndx, uint64_t *valp)
{
	dt_backend_t *be = ctx;
	ufire_t *f = &be->fire;

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
		*valp = now_ns(CLOCK_MONOTONIC);
		return 0;
	case DIF_VAR_VTIMESTAMP:
		*valp = now_ns(CLOCK_THREAD_CPUTIME_ID);
		return 0;
	case DIF_VAR_WALLTIMESTAMP:
		*valp = now_ns(CLOCK_REALTIME);
		return 0;
	case DIF_VAR_PID:
		*valp = (uint64_t)getpid();
		return 0;
	case DIF_VAR_PPID:
		*valp = (uint64_t)getppid();
		return 0;
	case DIF_VAR_TID:
		*valp = (uint64_t)syscall(SYS_gettid);
		return 0;
	case DIF_VAR_UID:
		*valp = (uint64_t)getuid();
		return 0;
	case DIF_VAR_GID:
		*valp = (uint64_t)getgid();
		return 0;
	case DIF_VAR_EXECNAME:
		*valp = (uint64_t)(uintptr_t)f->execname;
		return 0;
	case DIF_VAR_PROBEPROV:
		*valp = (uint64_t)(uintptr_t)f->prov;
		return 0;
	case DIF_VAR_PROBEMOD:
		*valp = (uint64_t)(uintptr_t)f->mod;
		return 0;
	case DIF_VAR_PROBEFUNC:
		*valp = (uint64_t)(uintptr_t)f->func;
		return 0;
	case DIF_VAR_PROBENAME:
		*valp = (uint64_t)(uintptr_t)f->name;
		return 0;
	case DIF_VAR_CPU:
	case DIF_VAR_CURCPU:
		*valp = (uint64_t)be->cpu;
		return 0;
	case DIF_VAR_ID:
		*valp = f->probe_id;
		return 0;
	case DIF_VAR_EPID:
		*valp = f->epid;
		return 0;
	case DIF_VAR_ERRNO:
	case DIF_VAR_IPL:
	case DIF_VAR_STACKDEPTH:
	case DIF_VAR_USTACKDEPTH:
	case DIF_VAR_CALLER:
	case DIF_VAR_UCALLER:
		/* nothing was interrupted: dtrace itself is the context */
		*valp = 0;
		return 0;
	case DIF_VAR_ZONENAME:
		*valp = (uint64_t)(uintptr_t)f->zonename;
		return 0;
	case DIF_VAR_CWD:
		*valp = (uint64_t)(uintptr_t)f->cwd;
		return 0;
	case DIF_VAR_ROOTDIR:
		*valp = (uint64_t)(uintptr_t)f->rootdir;
		return 0;
	default:
		return DIF_FAULT_ILLOP;
	}
}

static uint64_t u_threadkey(void *ctx)
{
	return (uint64_t)syscall(SYS_gettid);
}

static int buf_append(ubuf_t *b, const void *p, size_t n)
{
	if (n == 0)
		return 0; /* an empty speculation's data may be NULL */
	if (b->len + n > b->limit) {
		b->drops++;
		return -1;
	}
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 65536;
		uint8_t *d;

		while (cap < b->len + n)
			cap *= 2;
		d = realloc(b->data, cap);
		if (d == NULL) {
			b->drops++;
			return -1;
		}
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	return 0;
}

static uint64_t u_spec_alloc(void *ctx)
{
	dt_backend_t *be = ctx;
	uint32_t i;

	for (i = 0; i < be->opts.ro_nspec; i++) {
		if (!be->specs[i].busy) {
			be->specs[i].busy = 1;
			be->specs[i].len = 0;
			return i + 1;
		}
	}
	be->specunavail++;
	return 0;
}

static ubuf_t *spec_buf(dt_backend_t *be, uint64_t id)
{
	if (id == 0 || id > be->opts.ro_nspec || !be->specs[id - 1].busy)
		return NULL;
	return &be->specs[id - 1];
}

static int u_spec_commit(void *ctx, uint64_t id)
{
	dt_backend_t *be = ctx;
	ubuf_t *s = spec_buf(be, id);

	if (s == NULL)
		return 0; /* committing an inactive speculation does nothing */
	buf_append(&be->principal, s->data, s->len);
	s->len = 0;
	s->busy = 0;
	return 0;
}

static int u_spec_discard(void *ctx, uint64_t id)
{
	ubuf_t *s = spec_buf(ctx, id);

	if (s != NULL) {
		s->len = 0;
		s->busy = 0;
	}
	return 0;
}

static int u_progenyof(void *ctx, uint64_t pid)
{
	pid_t p = getpid();

	/* walk our own ancestry through /proc */
	while (p > 1) {
		char path[64], line[256];
		FILE *fp;
		int ppid = 0;

		if ((uint64_t)p == pid)
			return 1;
		snprintf(path, sizeof(path), "/proc/%d/status", (int)p);
		fp = fopen(path, "r");
		if (fp == NULL)
			return 0;
		while (fgets(line, sizeof(line), fp) != NULL)
			if (sscanf(line, "PPid: %d", &ppid) == 1)
				break;
		fclose(fp);
		p = ppid;
	}
	return pid == 1 || pid == 0;
}

/* ---- enabling ---- */

static int user_enable(dt_backend_t *be, const dt_program_t *prog,
		       const dt_ecb_t *ecbs, uint32_t necbs, char *err,
		       size_t errlen)
{
	uint32_t i, c, maxrec = 0, strsize = be->opts.ro_strsize;
	uint32_t aggarena;
	uint64_t dynsize;
	FILE *fp;

	be->prog = prog;
	be->ecbs = ecbs;
	be->necbs = necbs;

	be->aggspecs = calloc(prog->dp_naggs + 1, sizeof(*be->aggspecs));
	if (be->aggspecs == NULL)
		goto nomem;
	for (i = 0; i < prog->dp_naggs; i++) {
		const dt_aggdesc_t *a = &prog->dp_aggs[i];

		be->aggspecs[i].as_id = a->ag_id;
		be->aggspecs[i].as_func = a->ag_func;
		be->aggspecs[i].as_keysize = a->ag_keysize;
		be->aggspecs[i].as_nvals = a->ag_nvals;
		be->aggspecs[i].as_params = a->ag_params;
	}

	be->ops.ho_builtin = u_builtin;
	be->ops.ho_threadkey = u_threadkey;
	be->ops.ho_spec_alloc = u_spec_alloc;
	be->ops.ho_spec_commit = u_spec_commit;
	be->ops.ho_spec_discard = u_spec_discard;
	be->ops.ho_progenyof = u_progenyof;

	be->env.de_vars = prog->dp_vars;
	be->env.de_nvars = prog->dp_nvars;
	be->env.de_globsize = prog->dp_globsize;
	be->env.de_glob = calloc(1, prog->dp_globsize + 8);
	be->env.de_aggs = be->aggspecs;
	be->env.de_naggs = prog->dp_naggs;
	be->env.de_strsize = strsize;
	be->env.de_localsize = prog->dp_localsize;
	be->env.de_ops = &be->ops;
	if (be->env.de_glob == NULL)
		goto nomem;

	dynsize = be->opts.ro_dynvarsize ? be->opts.ro_dynvarsize : 1 << 20;
	be->dynarena = aligned_alloc(8, (dynsize + 7) & ~7ULL);
	if (be->dynarena == NULL)
		goto nomem;
	if (dt_dynvar_init(&be->dynvars, be->dynarena, dynsize,
			   dif_env_dynvar_maxsize(&be->env)) != 0) {
		snprintf(err, errlen, "dynvarsize %llu is too small",
			 (unsigned long long)dynsize);
		return -1;
	}
	be->env.de_dynvars = &be->dynvars;

	aggarena = be->opts.ro_aggsize && be->opts.ro_aggsize < (1U << 30) ?
		   (uint32_t)be->opts.ro_aggsize : 4U << 20;
	be->aggarena = aligned_alloc(8, (aggarena + 7) & ~7U);
	if (be->aggarena == NULL)
		goto nomem;
	if (dt_aggbuf_init(&be->aggbuf, be->aggarena, aggarena, be->aggspecs,
			   prog->dp_naggs) != 0) {
		snprintf(err, errlen, "aggsize %u is too small", aggarena);
		return -1;
	}

	be->scratch = aligned_alloc(8, U_SCRATCH);
	be->local = calloc(1, prog->dp_localsize + 8);
	be->tbuf = aligned_alloc(8, (DIF_TBUF_SIZE(strsize) + 7) & ~7U);
	if (be->scratch == NULL || be->local == NULL || be->tbuf == NULL)
		goto nomem;
	dif_mstate_init(&be->ms, &be->env, be, be->scratch, U_SCRATCH,
			be->local, be->tbuf, DIF_TBUF_SIZE(strsize),
			&be->aggbuf);
	dif_mstate_seed(&be->ms, now_ns(CLOCK_MONOTONIC));
	if (dif_mstate_add_range(&be->ms, &be->fire, sizeof(be->fire)) != 0)
		goto nomem;

	for (c = 0; c < prog->dp_nclauses; c++) {
		const dt_clause_t *cl = &prog->dp_clauses[c];
		uint32_t pc;
		const char *why;

		for (i = 0; i < cl->dc_difo.dtdo_nslots; i++) {
			if (cl->dc_slotfmt[i] != DT_FMT_STACK &&
			    cl->dc_slotfmt[i] != DT_FMT_USTACK)
				continue;
			/* there is no interrupted context to walk here */
			snprintf(err, errlen, "%s() is not available with the "
				 "in-process executor (clause at line %d); use "
				 "the kmod or bpf backend",
				 cl->dc_slotfmt[i] == DT_FMT_STACK ? "stack" :
				 "ustack", cl->dc_line);
			return -1;
		}
		if (dif_validate(&cl->dc_difo, &be->env, &pc, &why) != 0) {
			snprintf(err, errlen, "clause at line %d (%s): invalid "
				 "DIF at offset %u: %s", cl->dc_line,
				 cl->dc_nprobes ? cl->dc_probes[0].pd_text : "",
				 pc * 8, why);
			return -1;
		}
		if (cl->dc_difo.dtdo_recsize > maxrec)
			maxrec = cl->dc_difo.dtdo_recsize;
	}
	be->rec = calloc(1, sizeof(dt_rechdr_t) + maxrec + 8);
	if (be->rec == NULL)
		goto nomem;

	be->principal.limit = be->opts.ro_bufsize ? be->opts.ro_bufsize :
			      4 << 20;
	if (be->opts.ro_nspec == 0)
		be->opts.ro_nspec = 1;
	be->specs = calloc(be->opts.ro_nspec, sizeof(*be->specs));
	if (be->specs == NULL)
		goto nomem;
	for (i = 0; i < be->opts.ro_nspec; i++)
		be->specs[i].limit = be->opts.ro_specsize ?
				     be->opts.ro_specsize : 1 << 20;

	/* each probe's enablings in epid order */
	for (i = 0; i < necbs; i++) {
		uprobe_t *p = NULL;
		uint32_t k, *e;

		for (k = 0; k < be->nprobes; k++)
			if (be->probes[k].id == ecbs[i].ec_probeid)
				p = &be->probes[k];
		if (p == NULL) {
			snprintf(err, errlen, "probe %u is unknown",
				 ecbs[i].ec_probeid);
			return -1;
		}
		e = realloc(p->ecbs, (p->necbs + 1) * sizeof(*e));
		if (e == NULL)
			goto nomem;
		p->ecbs = e;
		p->ecbs[p->necbs++] = i;
	}

	fp = fopen("/proc/self/comm", "r");
	if (fp != NULL) {
		if (fgets(be->fire.execname, sizeof(be->fire.execname), fp))
			be->fire.execname[strcspn(be->fire.execname, "\n")] = 0;
		fclose(fp);
	}
	if (getcwd(be->fire.cwd, sizeof(be->fire.cwd)) == NULL)
		be->fire.cwd[0] = '\0';
	strcpy(be->fire.zonename, "global");
	strcpy(be->fire.rootdir, "/");
	return 0;
nomem:
	snprintf(err, errlen, "out of memory");
	return -1;
}

/* ---- firing ---- */

static void fire_probe(dt_backend_t *be, uprobe_t *p, const uint64_t *args);

static void report_fault(dt_backend_t *be, const dt_ecb_t *e,
			 const dif_result_t *res)
{
	struct {
		dt_rechdr_t h;
		dt_errrec_t er;
	} r;
	uint64_t args[6];

	memset(&r, 0, sizeof(r));
	r.h.dr_epid = 0;
	r.h.dr_size = sizeof(r.er);
	r.h.dr_timestamp = now_ns(CLOCK_MONOTONIC);
	r.er.de_epid = e->ec_epid;
	r.er.de_action = res->dr_action;
	r.er.de_offset = res->dr_pc * 8;
	r.er.de_fault = res->dr_fault;
	r.er.de_addr = res->dr_addr;
	buf_append(&be->principal, &r, sizeof(r));

	/* then the ERROR probe, unless ERROR itself faulted */
	if (be->in_error)
		return;
	args[0] = 0;
	args[1] = e->ec_epid;
	args[2] = res->dr_action;
	args[3] = (uint64_t)res->dr_pc * 8;
	args[4] = res->dr_fault;
	args[5] = res->dr_addr;
	be->in_error = 1;
	fire_probe(be, &be->probes[UPROBE_ERROR - 1], args);
	be->in_error = 0;
}

static void fire_probe(dt_backend_t *be, uprobe_t *p, const uint64_t *args)
{
	ufire_t saved;
	uint32_t i;

	if (p->necbs == 0)
		return;
	/* ERROR fires inside another firing: keep the outer context */
	saved = be->fire;
	memset(be->fire.args, 0, sizeof(be->fire.args));
	if (args != NULL)
		memcpy(be->fire.args, args, 6 * sizeof(uint64_t));
	be->fire.probe_id = p->id;
	snprintf(be->fire.prov, sizeof(be->fire.prov), "%s", p->prov);
	be->fire.mod[0] = be->fire.func[0] = '\0';
	snprintf(be->fire.name, sizeof(be->fire.name), "%s", p->name);
	be->cpu = sched_getcpu() < 0 ? 0 : sched_getcpu();
	if (!be->in_error)
		dif_mstate_fire(&be->ms);

	for (i = 0; i < p->necbs; i++) {
		const dt_ecb_t *e = &be->ecbs[p->ecbs[i]];
		const dt_clause_t *cl = e->ec_clause;
		const difo_t *dp = &cl->dc_difo;
		dt_rechdr_t *h = (dt_rechdr_t *)be->rec;
		dif_result_t res;
		size_t len;
		ubuf_t *dst;

		be->fire.epid = e->ec_epid;
		dif_vm_exec(&be->ms, dp, be->rec + sizeof(*h), &res);
		if (res.dr_status == DIF_ST_FAULT) {
			report_fault(be, e, &res);
			continue;
		}
		if (res.dr_status != DIF_ST_DONE || cl->dc_aggonly)
			continue;
		h->dr_epid = e->ec_epid;
		h->dr_size = dp->dtdo_recsize;
		h->dr_timestamp = now_ns(CLOCK_MONOTONIC);
		len = (sizeof(*h) + dp->dtdo_recsize + 7) & ~(size_t)7;
		dst = &be->principal;
		if (res.dr_spec != 0) {
			dst = spec_buf(be, res.dr_spec);
			if (dst == NULL)
				continue; /* inactive speculation: dropped */
		}
		buf_append(dst, be->rec, len);
	}
	be->fire = saved;
}

static int user_go(dt_backend_t *be)
{
	uint64_t t = now_ns(CLOCK_MONOTONIC);
	uint32_t i;

	for (i = 0; i < be->nprobes; i++)
		be->probes[i].next_ns = t + be->probes[i].period_ns;
	be->started = 1;
	fire_probe(be, &be->probes[UPROBE_BEGIN - 1], NULL);
	return 0;
}

/* dynamic variable, speculative and failed-speculation counts since the
 * last report, as DTrace's status reports give them: once a second (its
 * default statusrate) and when tracing stops, not once per firing */
#define U_STATUS_NS 1000000000ULL
static void report_other_drops(dt_backend_t *be, dt_consumer_t *c)
{
	uint64_t spec = 0, now = now_ns(CLOCK_MONOTONIC);
	uint32_t i;

	if (!be->stopped && now < be->next_status_ns)
		return;
	be->next_status_ns = now + U_STATUS_NS;

	if (be->ms.ms_dyndrops != be->last_dyndrops) {
		dt_consume_drop(c, DT_DROP_DYNAMIC, be->cpu,
				be->ms.ms_dyndrops - be->last_dyndrops);
		be->last_dyndrops = be->ms.ms_dyndrops;
	}
	for (i = 0; i < be->opts.ro_nspec; i++)
		spec += be->specs[i].drops;
	if (spec != be->last_specdrops) {
		dt_consume_drop(c, DT_DROP_SPEC, be->cpu,
				spec - be->last_specdrops);
		be->last_specdrops = spec;
	}
	if (be->specunavail != be->last_specunavail) {
		dt_consume_drop(c, DT_DROP_SPECUNAVAIL, be->cpu,
				be->specunavail - be->last_specunavail);
		be->last_specunavail = be->specunavail;
	}
}

static int deliver(dt_backend_t *be, dt_consumer_t *c)
{
	int r = 0;

	if (be->principal.len > 0) {
		r = dt_consume_records(c, be->cpu, be->principal.data,
				       be->principal.len);
		be->principal.len = 0;
	}
	if (be->principal.drops != be->last_drops) {
		dt_consume_drops(c, be->cpu,
				 be->principal.drops - be->last_drops);
		be->last_drops = be->principal.drops;
	}
	report_other_drops(be, c);
	return r;
}

static int user_poll(dt_backend_t *be, dt_consumer_t *c, int timeout_ms)
{
	uint64_t now = now_ns(CLOCK_MONOTONIC);
	uint64_t until = now + (uint64_t)timeout_ms * 1000000ULL;
	uint64_t next = until;
	uint32_t i;
	int r;

	/* what is already buffered (BEGIN's records) goes out first */
	if (be->principal.len > 0 || be->stopped)
		return deliver(be, c);
	for (i = 0; i < be->nprobes; i++)
		if (be->probes[i].period_ns && be->probes[i].necbs &&
		    be->probes[i].next_ns < next)
			next = be->probes[i].next_ns;
	if (next > now) {
		struct timespec ts = { (time_t)(next / 1000000000ULL),
				       (long)(next % 1000000000ULL) };

		while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts,
				       NULL) == EINTR)
			return 0; /* a signal: let the driver look */
	}
	now = now_ns(CLOCK_MONOTONIC);
	for (i = 0; i < be->nprobes; i++) {
		uprobe_t *p = &be->probes[i];
		uint64_t args[6] = { 0 };

		if (p->period_ns == 0 || p->necbs == 0 || p->next_ns > now)
			continue;
		/* a late timer fires once, as a busy CPU's would */
		while (p->next_ns <= now)
			p->next_ns += p->period_ns;
		fire_probe(be, p, args);
		r = deliver(be, c);
		if (r != 0)
			return r;
	}
	return deliver(be, c);
}

static void drain_cb(void *arg, uint32_t aggid, const void *key,
		     uint32_t keysize, const int64_t *vals, uint32_t nvals)
{
	dt_agg_add(arg, aggid, key, vals);
}

static int user_snapshot(dt_backend_t *be, dt_consumer_t *c)
{
	dt_aggbuf_drain(&be->aggbuf, drain_cb, c);
	return 0;
}

static int user_stop(dt_backend_t *be)
{
	if (be->started && !be->stopped)
		fire_probe(be, &be->probes[UPROBE_END - 1], NULL);
	be->stopped = 1;
	return 0;
}

static void user_close(dt_backend_t *be)
{
	uint32_t i;

	for (i = 0; i < be->nprobes; i++)
		free(be->probes[i].ecbs);
	free(be->probes);
	free(be->aggspecs);
	free(be->env.de_glob);
	free(be->dynarena);
	free(be->aggarena);
	free(be->scratch);
	free(be->local);
	free(be->tbuf);
	free(be->rec);
	free(be->principal.data);
	if (be->specs != NULL)
		for (i = 0; i < be->opts.ro_nspec; i++)
			free(be->specs[i].data);
	free(be->specs);
	free(be);
}

const dt_backend_ops_t dt_backend_user = {
	.bo_name = "user",
	.bo_available = user_available,
	.bo_open = user_open,
	.bo_provide = user_provide,
	.bo_probe_iter = user_probe_iter,
	.bo_enable = user_enable,
	.bo_go = user_go,
	.bo_poll = user_poll,
	.bo_snapshot = user_snapshot,
	.bo_stop = user_stop,
	.bo_close = user_close,
};
