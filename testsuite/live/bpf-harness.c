/*
 * bpf-harness.c - drives the BPF backend with hand-built DIF programs on
 * the real kernel, against real trigger processes (trig64 / trig32), and
 * checks exact counts and values.  No compiler needed: each test spells
 * its DIF (the D it stands for is in the comment).
 *
 * It links the backend directly and supplies the small part of the
 * consumer API the backend calls (records, aggregation deltas, drops),
 * printing what arrives in a plain canonical form the tests compare.
 *
 * usage: bpf-harness TRIGDIR [test-name]   (prints "N passed, M failed")
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "backend.h"

#define I(op, rd, r1, r2, imm) DIF_INSTR(DIF_OP_##op, rd, r1, r2, imm)

/* ---- the consumer side: collect what the backend hands over ---- */

static char out[1 << 16];
static int dummyc; /* the backend only passes the consumer through */
#define DUMMYC ((dt_consumer_t *)(void *)&dummyc)
static size_t outlen;
static const dt_program_t *cur_prog;
static const dt_ecb_t *cur_ecbs;
static uint32_t cur_necbs;
static int exit_seen;
static uint64_t drops_seen;

static void emit(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	outlen += (size_t)vsnprintf(out + outlen, sizeof(out) - outlen, fmt, ap);
	va_end(ap);
	if (outlen >= sizeof(out))
		outlen = sizeof(out) - 1;
}

int dt_consume_records(dt_consumer_t *c, int cpu, const void *buf, size_t len)
{
	const unsigned char *p = buf, *end = p + len;

	(void)c;
	(void)cpu;
	while (p + sizeof(dt_rechdr_t) <= end) {
		const dt_rechdr_t *h = (const void *)p;
		const unsigned char *d = p + sizeof(*h);
		const difo_t *dp;
		uint32_t k;

		if (h->dr_epid == 0) {
			const dt_errrec_t *e = (const void *)d;

			emit("error epid=%u action=%u offset=%u fault=%u "
			     "addr=0x%llx\n", e->de_epid, e->de_action,
			     e->de_offset, e->de_fault,
			     (unsigned long long)e->de_addr);
		} else if (h->dr_epid <= cur_necbs) {
			const dt_clause_t *cl = cur_ecbs[h->dr_epid - 1].ec_clause;

			dp = &cl->dc_difo;
			emit("rec epid=%u", h->dr_epid);
			for (k = 0; k < dp->dtdo_nslots; k++) {
				const dif_recslot_t *s = &dp->dtdo_slots[k];
				const unsigned char *v = d + s->rs_offset;

				if (s->rs_string) {
					emit(" '%.*s'", (int)s->rs_size,
					     (const char *)v);
				} else if (s->rs_byref) {
					emit(" <%u bytes>", s->rs_size);
				} else {
					int64_t x = 0;

					switch (s->rs_size) {
					case 1: x = *(const int8_t *)v; break;
					case 2: x = *(const int16_t *)v; break;
					case 4: x = *(const int32_t *)v; break;
					default: memcpy(&x, v, 8);
					}
					emit(" %lld", (long long)x);
				}
			}
			emit("\n");
			for (k = 0; k < cl->dc_nacts; k++)
				if (cl->dc_acts[k].da_kind == DT_ACT_EXIT)
					exit_seen = 1;
		} else {
			return -1;
		}
		p += (sizeof(*h) + h->dr_size + 7) & ~(size_t)7;
	}
	return exit_seen;
}

/* aggregation totals: (aggid, key) -> vals, printed sorted at the end */
typedef struct agge {
	uint32_t id;
	unsigned char key[64];
	int64_t vals[128];
} agge_t;
static agge_t aggs[256];
static int naggs;

void dt_agg_add(dt_consumer_t *c, uint32_t aggid, const void *key,
		const int64_t *vals)
{
	const dt_aggdesc_t *ag = &cur_prog->dp_aggs[aggid - 1];
	uint32_t ks = ag->ag_keysize > 64 ? 64 : ag->ag_keysize;
	int k;

	(void)c;
	for (k = 0; k < naggs; k++)
		if (aggs[k].id == aggid && memcmp(aggs[k].key, key, ks) == 0)
			break;
	if (k == naggs) {
		if (naggs == 256)
			return;
		memset(&aggs[k], 0, sizeof(aggs[k]));
		aggs[k].id = aggid;
		memcpy(aggs[k].key, key, ks);
		dt_agg_init(ag->ag_func, &ag->ag_params, aggs[k].vals);
		naggs++;
	}
	dt_agg_merge(ag->ag_func, &ag->ag_params, aggs[k].vals, vals);
}

void dt_consume_drops(dt_consumer_t *c, int cpu, uint64_t drops)
{
	(void)c;
	(void)cpu;
	drops_seen += drops;
}

/* the other kinds (dynamic variable, speculative): counted the same */
void dt_consume_drop(dt_consumer_t *c, enum dt_dropkind kind, int cpu,
		     uint64_t n)
{
	(void)c;
	(void)kind;
	(void)cpu;
	drops_seen += n;
}

static int aggcmp(const void *a, const void *b)
{
	const agge_t *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return memcmp(x->key, y->key, sizeof(x->key));
}

static void print_aggs(void)
{
	int k;
	uint32_t i;

	qsort(aggs, (size_t)naggs, sizeof(aggs[0]), aggcmp);
	for (k = 0; k < naggs; k++) {
		const dt_aggdesc_t *ag = &cur_prog->dp_aggs[aggs[k].id - 1];

		emit("agg %u", aggs[k].id);
		for (i = 0; i < ag->ag_nkeys; i++) {
			if (ag->ag_keytypes[i].dt_string)
				emit(" [%.16s]", (const char *)aggs[k].key);
			else {
				int64_t v;

				memcpy(&v, aggs[k].key + 8 * i, 8);
				emit(" [%lld]", (long long)v);
			}
		}
		for (i = 0; i < ag->ag_nvals; i++)
			if (ag->ag_func < DT_AGG_QUANTIZE || aggs[k].vals[i])
				emit(ag->ag_func >= DT_AGG_QUANTIZE ?
					     " b%u=%lld" : " %lld",
				     ag->ag_func >= DT_AGG_QUANTIZE ? i :
				     (long long)aggs[k].vals[i],
				     (long long)aggs[k].vals[i]);
		emit("\n");
	}
}

/* ---- building programs ---- */

static dt_probedesc_t desc0 = { "", "", "", "", "test", 1 };

typedef struct tclause {
	const char *probe; /* prov:mod:func:name, exact */
	const dif_instr_t *code;
	uint32_t len;
	const uint64_t *ints;
	uint32_t nints;
	const char *str;
	uint32_t strlen;
	const dif_recslot_t *slots;
	uint32_t nslots;
	uint32_t recsize;
	const uint32_t *actpc;
	uint32_t nacts;
	int aggonly;
	int has_exit;
} tclause_t;

typedef struct pmatch {
	const char *want[4];
	uint32_t id;
	char got[4][64];
} pmatch_t;

static int match_cb(const dt_probeinfo_t *pi, void *arg)
{
	pmatch_t *m = arg;

	if (strcmp(pi->pi_prov, m->want[0]) == 0 &&
	    strcmp(pi->pi_mod, m->want[1]) == 0 &&
	    strcmp(pi->pi_func, m->want[2]) == 0 &&
	    strcmp(pi->pi_name, m->want[3]) == 0) {
		m->id = pi->pi_id;
		return 1;
	}
	return 0;
}

static char trigdir[512];

/* start a trigger that waits for a byte on stdin */
static pid_t trigger(const char *bin, const char *mode, long n, int *go)
{
	int p[2];
	pid_t pid;
	char path[600], num[32];

	if (pipe(p) != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/%s", trigdir, bin);
	snprintf(num, sizeof(num), "%ld", n);
	pid = fork();
	if (pid == 0) {
		dup2(p[0], 0);
		close(p[1]);
		execl(path, bin, mode, num, (char *)NULL);
		_exit(127);
	}
	close(p[0]);
	*go = p[1];
	return pid;
}

/*
 * Run: enable clauses (each on its one probe), start, let the trigger go,
 * wait for it, stop, drain.  Result text in out[].
 */
static int run(const tclause_t *tc, int nc, dt_aggdesc_t *ag, int nag,
	       dif_var_t *vars, int nvars, uint32_t globsize, int gofd,
	       pid_t pid, int extra_ms, char *err, size_t errlen)
{
	static dt_clause_t cl[8];
	static dt_ecb_t ecbs[8];
	static dt_action_t acts[8][4];
	static dt_program_t prog;
	dt_runopts_t ro;
	dt_backend_t *be;
	int k, r = 0, status;

	memset(&ro, 0, sizeof(ro));
	ro.ro_strsize = 256;
	ro.ro_nspec = 1;
	ro.ro_bufsize = 1 << 20;
	be = dt_backend_bpf.bo_open(&ro, err, errlen);
	if (be == NULL)
		return -1;
	memset(&prog, 0, sizeof(prog));
	memset(cl, 0, sizeof(cl));
	memset(acts, 0, sizeof(acts));
	for (k = 0; k < nc; k++) {
		pmatch_t m;
		char buf[256], *s = buf;
		dt_probedesc_t pd;

		snprintf(buf, sizeof(buf), "%s", tc[k].probe);
		memset(&m, 0, sizeof(m));
		m.want[0] = strsep(&s, ":");
		m.want[1] = strsep(&s, ":");
		m.want[2] = strsep(&s, ":");
		m.want[3] = s;
		memset(&pd, 0, sizeof(pd));
		pd.pd_prov = (char *)m.want[0];
		pd.pd_mod = (char *)m.want[1];
		pd.pd_func = (char *)m.want[2];
		pd.pd_name = (char *)m.want[3];
		dt_backend_bpf.bo_provide(be, &pd);
		dt_backend_bpf.bo_probe_iter(be, match_cb, &m);
		if (m.id == 0) {
			snprintf(err, errlen, "no probe %s", tc[k].probe);
			dt_backend_bpf.bo_close(be);
			return -1;
		}
		cl[k].dc_probes = &desc0;
		cl[k].dc_nprobes = 1;
		cl[k].dc_line = k + 1;
		cl[k].dc_difo.dtdo_buf = tc[k].code;
		cl[k].dc_difo.dtdo_len = tc[k].len;
		cl[k].dc_difo.dtdo_inttab = tc[k].ints;
		cl[k].dc_difo.dtdo_intlen = tc[k].nints;
		cl[k].dc_difo.dtdo_strtab = tc[k].str;
		cl[k].dc_difo.dtdo_strlen = tc[k].strlen;
		cl[k].dc_difo.dtdo_slots = tc[k].slots;
		cl[k].dc_difo.dtdo_nslots = tc[k].nslots;
		cl[k].dc_difo.dtdo_recsize = tc[k].recsize;
		cl[k].dc_difo.dtdo_actpc = tc[k].actpc;
		cl[k].dc_difo.dtdo_nacts = tc[k].nacts;
		cl[k].dc_aggonly = (uint8_t)tc[k].aggonly;
		if (tc[k].has_exit) {
			acts[k][0].da_kind = DT_ACT_EXIT;
			cl[k].dc_acts = acts[k];
			cl[k].dc_nacts = 1;
		}
		ecbs[k].ec_epid = k + 1;
		ecbs[k].ec_probeid = m.id;
		ecbs[k].ec_prov = tc[k].probe; /* names: only for display */
		ecbs[k].ec_mod = "";
		ecbs[k].ec_func = "";
		ecbs[k].ec_name = "";
		ecbs[k].ec_clause = &cl[k];
	}
	/* probe strings for probefunc & co: split the description */
	static char names[8][4][64];
	for (k = 0; k < nc; k++) {
		char buf[256], *s = buf;

		snprintf(buf, sizeof(buf), "%s", tc[k].probe);
		snprintf(names[k][0], 64, "%s", strsep(&s, ":"));
		snprintf(names[k][1], 64, "%s", strsep(&s, ":"));
		snprintf(names[k][2], 64, "%s", strsep(&s, ":"));
		snprintf(names[k][3], 64, "%s", s);
		ecbs[k].ec_prov = names[k][0];
		ecbs[k].ec_mod = names[k][1];
		ecbs[k].ec_func = names[k][2];
		ecbs[k].ec_name = names[k][3];
	}
	prog.dp_clauses = cl;
	prog.dp_nclauses = (uint32_t)nc;
	prog.dp_aggs = ag;
	prog.dp_naggs = (uint32_t)nag;
	prog.dp_vars = vars;
	prog.dp_nvars = (uint32_t)nvars;
	prog.dp_globsize = globsize;
	cur_prog = &prog;
	cur_ecbs = ecbs;
	cur_necbs = (uint32_t)nc;
	exit_seen = 0;
	drops_seen = 0;
	naggs = 0;
	outlen = 0;
	out[0] = '\0';
	if (dt_backend_bpf.bo_enable(be, &prog, ecbs, (uint32_t)nc, err,
				     errlen) != 0 ||
	    dt_backend_bpf.bo_go(be) != 0) {
		if (err[0] == '\0')
			snprintf(err, errlen, "go failed: %s", strerror(errno));
		dt_backend_bpf.bo_close(be);
		if (pid > 0) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
		}
		return -1;
	}
	if (gofd >= 0) {
		if (write(gofd, "g", 1) != 1)
			r = -1;
		close(gofd);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
	if (extra_ms > 0) {
		int t;

		for (t = 0; t < extra_ms / 50 && !exit_seen; t++)
			dt_backend_bpf.bo_poll(be, DUMMYC, 50);
	}
	dt_backend_bpf.bo_poll(be, DUMMYC, 0);
	dt_backend_bpf.bo_stop(be);
	dt_backend_bpf.bo_poll(be, DUMMYC, 0);
	dt_backend_bpf.bo_snapshot(be, DUMMYC);
	print_aggs();
	if (drops_seen)
		emit("drops %llu\n", (unsigned long long)drops_seen);
	dt_backend_bpf.bo_close(be);
	return r;
}

/* ---- the tests ---- */

static int npass, nfail;

static void check(const char *name, int r, const char *err, const char *want)
{
	if (r == 0 && strcmp(out, want) == 0) {
		printf("PASS %s\n", name);
		npass++;
		return;
	}
	printf("FAIL %s\n", name);
	if (r != 0)
		printf("  error: %s\n", err);
	printf("  want:\n%s  got:\n%s", want, out);
	nfail++;
}

static const dif_recslot_t slot8[4] = {
	{ 0, 8, 0, 0, 0, 0 }, { 8, 8, 0, 0, 0, 0 }, { 16, 8, 0, 0, 0, 0 },
	{ 24, 8, 0, 0, 0, 0 },
};
static const uint32_t act01[2] = { 0, 2 };

/* BEGIN { trace(42); exit(0); } */
static void t_begin(void)
{
	static const dif_instr_t code[] = {
		I(LDI, 1, 0, 0, 42), I(REC, 0, 1, 0, 0),
		I(LDI, 2, 0, 0, 0), I(REC, 0, 2, 0, 1),
		I(RET, 0, 0, 0, 0),
	};
	tclause_t tc = { "dtrace:::BEGIN", code, 5, NULL, 0, NULL, 0, slot8,
			 2, 16, act01, 2, 0, 1 };
	char err[512] = "";
	int r = run(&tc, 1, NULL, 0, NULL, 0, 0, -1, 0, 0, err, sizeof(err));

	check("begin-trace-exit", r, err, "rec epid=1 42 0\n");
}

/* BEGIN { trace(1); }  END { trace(2); }  BEGIN runs first, END last */
static void t_begin_end(void)
{
	static const dif_instr_t c1[] = { I(LDI, 1, 0, 0, 1), I(REC, 0, 1, 0, 0),
					  I(RET, 0, 0, 0, 0) };
	static const dif_instr_t c2[] = { I(LDI, 1, 0, 0, 2), I(REC, 0, 1, 0, 0),
					  I(RET, 0, 0, 0, 0) };
	static const uint32_t a0[1] = { 0 };
	tclause_t tc[2] = {
		{ "dtrace:::END", c2, 3, NULL, 0, NULL, 0, slot8, 1, 8, a0, 1 },
		{ "dtrace:::BEGIN", c1, 3, NULL, 0, NULL, 0, slot8, 1, 8, a0, 1 },
	};
	char err[512] = "";
	int r = run(tc, 2, NULL, 0, NULL, 0, 0, -1, 0, 0, err, sizeof(err));

	check("begin-end-order", r, err, "rec epid=2 1\nrec epid=1 2\n");
}

static dif_type_t t_int = { 8, 0, 0, 1, 0 };
static dif_type_t t_str = { 256, 1, 1, 0, 0 };
/* how each aggregation key prints (the contract wants one per key) */
static dt_slotfmt_t f_int = DT_FMT_SINT, f_str = DT_FMT_STRING;

/* predicate /pid == N/ as DIF: r1 = pid; r2 = N; bne -> drop */
#define PRED_PID(dropat)                                                       \
	I(LDGV, 1, 0, 0, DIF_VAR_PID), I(SETX, 2, 0, 0, 0),                   \
		I(BNE, 0, 1, 2, dropat)

/* syscall:ABI:getppid:entry /pid == $trig/ { @ = count(); } */
static void t_count(const char *bin, const char *probe, long n,
		    const char *name, long expect)
{
	dif_instr_t code[] = { PRED_PID(5), I(AGG, 0, 0, 0, 1),
			       I(RET, 0, 0, 0, 0), I(DROP, 0, 0, 0, 0) };
	uint64_t ints[1];
	static const uint32_t a[1] = { 3 };
	dt_aggdesc_t ag = { 1, "", DT_AGG_COUNT, { 0 }, 0, NULL, NULL, 0,
			    1, 1 };
	tclause_t tc = { probe, code, 6, ints, 1, NULL, 0, NULL, 0, 0, a, 1,
			 1 };
	char err[512] = "", want[128];
	int go;
	pid_t pid = trigger(bin, "getppid", n, &go);
	int r;

	ints[0] = (uint64_t)pid;
	r = run(&tc, 1, &ag, 1, NULL, 0, 0, go, pid, 0, err, sizeof(err));
	if (expect)
		snprintf(want, sizeof(want), "agg 1 %ld\n", expect);
	else
		want[0] = '\0';
	check(name, r, err, want);
}

/* syscall::write:entry /pid == $trig/ { @[arg2 > 2 ? ...] } ->
 * here: trace(arg0 > 2), quantize(arg2), sum(arg2), min, max, avg */
static void t_write_aggs(void)
{
	/* aggs: 1 sum(arg2) 2 min(arg2) 3 max(arg2) 4 avg(arg2)
	 * 5 quantize(arg2) 6 lquantize(arg2, 0, 10, 2) 7 @[arg2 & 1] = count() */
	dif_instr_t code[] = {
		PRED_PID(20),
		I(LDGV, 3, 0, 0, DIF_VAR_ARG0 + 2),
		I(AGG, 0, 3, 0, 1), I(AGG, 0, 3, 0, 2), I(AGG, 0, 3, 0, 3),
		I(AGG, 0, 3, 0, 4), I(AGG, 0, 3, 0, 5), I(AGG, 0, 3, 0, 6),
		I(LDGV, 4, 0, 0, DIF_VAR_ARG0 + 2), I(LDI, 5, 0, 0, 1),
		I(AND, 4, 4, 5, 0), I(SRL, 4, 4, 0, 0), /* (arg2 & 1) >> 0 */
		I(FLUSHTS, 0, 0, 0, 0), I(PUSHTV, 0, 4, 0, 0),
		I(AGG, 0, 0, 0, 7), I(NOP, 0, 0, 0, 0), I(NOP, 0, 0, 0, 0),
		I(RET, 0, 0, 0, 0), I(DROP, 0, 0, 0, 0), I(DROP, 0, 0, 0, 0),
		I(DROP, 0, 0, 0, 0),
	};
	uint64_t ints[1];
	static const uint32_t a[1] = { 3 };
	dt_aggdesc_t ag[7] = {
		{ 1, "s", DT_AGG_SUM, { 0 }, 0, NULL, NULL, 0, 1, 1 },
		{ 2, "mi", DT_AGG_MIN, { 0 }, 0, NULL, NULL, 0, 1, 1 },
		{ 3, "ma", DT_AGG_MAX, { 0 }, 0, NULL, NULL, 0, 1, 1 },
		{ 4, "av", DT_AGG_AVG, { 0 }, 0, NULL, NULL, 0, 2, 1 },
		{ 5, "q", DT_AGG_QUANTIZE, { 0 }, 0, NULL, NULL, 0,
		  DT_QUANTIZE_NBUCKETS, 1 },
		{ 6, "l", DT_AGG_LQUANTIZE, { 0, 10, 2 }, 0, NULL, NULL, 0, 7,
		  1 },
		{ 7, "c", DT_AGG_COUNT, { 0 }, 1, &t_int, &f_int, 8, 1, 1 },
	};
	tclause_t tc = { "syscall:x64:write:entry", code, 23, ints, 1, NULL,
			 0, NULL, 0, 0, a, 1, 1 };
	char err[512] = "";
	int go, r;
	pid_t pid = trigger("trig64", "write", 10, &go);

	ints[0] = (uint64_t)pid;
	r = run(&tc, 1, ag, 7, NULL, 0, 0, go, pid, 0, err, sizeof(err));
	/* sizes 1..10: sum 55, min 1, max 10, avg 10/55;
	 * quantize: 1 ->b64, 2-3 ->b65, 4-7 ->b66, 8-10 ->b67;
	 * lquantize 0..10 step 2: 1->b1, 2,3->b2, 4,5->b3, 6,7->b4,
	 * 8,9->b5, 10->b6 (over) */
	check("write-aggregations", r, err,
	      "agg 1 55\nagg 2 1\nagg 3 10\nagg 4 10 55\n"
	      "agg 5 b64=1 b65=2 b66=4 b67=3\n"
	      "agg 6 b1=1 b2=2 b3=2 b4=2 b5=2 b6=1\nagg 7 [0] 5\n"
	      "agg 7 [1] 5\n");
}

/* syscall::openat:return /pid == $trig/ { @[errno] = count(); }
 *   (32-bit: syscall:x32:open:return) */
static void t_errno(const char *bin, const char *probe, const char *name)
{
	dif_instr_t code[] = { PRED_PID(8), I(LDGV, 3, 0, 0, DIF_VAR_ERRNO),
			       I(FLUSHTS, 0, 0, 0, 0), I(PUSHTV, 0, 3, 0, 0),
			       I(AGG, 0, 0, 0, 1), I(RET, 0, 0, 0, 0),
			       I(DROP, 0, 0, 0, 0) };
	uint64_t ints[1];
	static const uint32_t a[1] = { 3 };
	dt_aggdesc_t ag = { 1, "", DT_AGG_COUNT, { 0 }, 1, &t_int, &f_int, 8,
			    1, 1 };
	tclause_t tc = { probe, code, 9, ints, 1, NULL, 0, NULL, 0, 0, a, 1,
			 1 };
	char err[512] = "";
	int go, r;
	pid_t pid = trigger(bin, "enoent", 7, &go);

	ints[0] = (uint64_t)pid;
	r = run(&tc, 1, &ag, 1, NULL, 0, 0, go, pid, 0, err, sizeof(err));
	check(name, r, err, "agg 1 [2] 7\n");
}

/* syscall::write:entry /pid == $trig/ { trace(arg2); trace(probefunc);
 *   trace(execname); trace(probemod); } */
static void t_strings(const char *bin, const char *probe, const char *name,
		      const char *want)
{
	dif_instr_t code[] = {
		PRED_PID(13),
		I(LDGV, 3, 0, 0, DIF_VAR_ARG0 + 2), I(REC, 0, 3, 0, 0),
		I(LDGV, 3, 0, 0, DIF_VAR_PROBEFUNC), I(REC, 0, 3, 0, 1),
		I(LDGV, 3, 0, 0, DIF_VAR_EXECNAME), I(REC, 0, 3, 0, 2),
		I(LDGV, 3, 0, 0, DIF_VAR_PROBEMOD), I(REC, 0, 3, 0, 3),
		I(NOP, 0, 0, 0, 0), I(RET, 0, 0, 0, 0), I(DROP, 0, 0, 0, 0),
	};
	static const dif_recslot_t slots[4] = {
		{ 0, 8, 0, 0, 0, 0 }, { 8, 16, 1, 1, 0, 0 },
		{ 24, 16, 1, 1, 0, 0 }, { 40, 8, 1, 1, 0, 0 },
	};
	uint64_t ints[1];
	static const uint32_t a[4] = { 3, 5, 7, 9 };
	tclause_t tc = { probe, code, 14, ints, 1, NULL, 0, slots, 4, 48, a,
			 4 };
	char err[512] = "";
	int go, r;
	pid_t pid = trigger(bin, "write", 3, &go);

	ints[0] = (uint64_t)pid;
	r = run(&tc, 1, NULL, 0, NULL, 0, 0, go, pid, 0, err, sizeof(err));
	check(name, r, err, want);
}

/* BEGIN { trace(*(int *)8); }  ERROR { trace(arg4); trace(arg5); } */
static void t_fault(void)
{
	static const dif_instr_t c1[] = { I(LDI, 1, 0, 0, 8),
					  I(LDSW, 2, 1, 0, 0),
					  I(REC, 0, 2, 0, 0),
					  I(RET, 0, 0, 0, 0) };
	static const dif_instr_t c2[] = { I(LDGV, 1, 0, 0, DIF_VAR_ARG0 + 4),
					  I(REC, 0, 1, 0, 0),
					  I(LDGV, 1, 0, 0, DIF_VAR_ARG0 + 5),
					  I(REC, 0, 1, 0, 1),
					  I(RET, 0, 0, 0, 0) };
	static const uint32_t a0[1] = { 0 };
	tclause_t tc[2] = {
		{ "dtrace:::BEGIN", c1, 4, NULL, 0, NULL, 0, slot8, 1, 8, a0,
		  1 },
		{ "dtrace:::ERROR", c2, 5, NULL, 0, NULL, 0, slot8, 2, 16, act01,
		  2 },
	};
	char err[512] = "";
	int r = run(tc, 2, NULL, 0, NULL, 0, 0, -1, 0, 0, err, sizeof(err));

	check("fault-error-probe", r, err,
	      "error epid=1 action=1 offset=8 fault=1 addr=0x8\n"
	      "rec epid=2 1 8\n");
}

/* BEGIN { x = 10 / 0; } -> divide-by-zero error record */
static void t_divzero(void)
{
	static const dif_instr_t c1[] = { I(LDI, 1, 0, 0, 10),
					  I(SDIV, 2, 1, 0, 0),
					  I(REC, 0, 2, 0, 0),
					  I(RET, 0, 0, 0, 0) };
	static const uint32_t a0[1] = { 0 };
	tclause_t tc = { "dtrace:::BEGIN", c1, 4, NULL, 0, NULL, 0, slot8, 1,
			 8, a0, 1 };
	char err[512] = "";
	int r = run(&tc, 1, NULL, 0, NULL, 0, 0, -1, 0, 0, err, sizeof(err));

	check("divide-by-zero", r, err,
	      "error epid=1 action=1 offset=8 fault=4 addr=0x0\n");
}

/* BEGIN { trace(-7 / 2); trace(-7 % 2); trace(1 << 63 >> 63 (sra));
 *   trace(strlen("hello")); trace("ab" < "b"); trace(0x1234 htons) } */
static void t_alu(void)
{
	static const dif_instr_t c[] = {
		I(LDI, 1, 0, 0, -7), I(LDI, 2, 0, 0, 2),
		I(SDIV, 3, 1, 2, 0), I(REC, 0, 3, 0, 0),
		I(SREM, 3, 1, 2, 0), I(REC, 0, 3, 0, 1),
		I(LDI, 4, 0, 0, 1), I(LDI, 5, 0, 0, 63), I(SHL, 4, 4, 5, 0),
		I(SRA, 4, 4, 5, 0), I(REC, 0, 4, 0, 2),
		I(SETS, 6, 0, 0, 0), I(FLUSHTS, 0, 0, 0, 0),
		I(PUSHTS, 0, 6, 0, 0), I(CALL, 7, 0, 0, DIF_SUBR_STRLEN),
		I(REC, 0, 7, 0, 3),
		I(SETS, 6, 0, 0, 6), I(SETS, 8, 0, 0, 9),
		I(SCMP, 9, 6, 8, 0), I(REC, 0, 9, 0, 4),
		I(LDI, 1, 0, 0, 0x1234), I(FLUSHTS, 0, 0, 0, 0),
		I(PUSHTV, 0, 1, 0, 0), I(CALL, 2, 0, 0, DIF_SUBR_HTONS),
		I(REC, 0, 2, 0, 5), I(SETX, 1, 0, 0, 0), I(SEXT, 2, 1, 0, 8),
		I(REC, 0, 2, 0, 6), I(ZEXT, 2, 1, 0, 16), I(REC, 0, 2, 0, 7),
		I(RET, 0, 0, 0, 0),
	};
	static const uint64_t ints[1] = { 0x1234ff80 };
	static const dif_recslot_t s[8] = {
		{ 0, 8 }, { 8, 8 }, { 16, 8 }, { 24, 8 }, { 32, 8 }, { 40, 8 },
		{ 48, 8 }, { 56, 8 },
	};
	static const uint32_t a0[1] = { 0 };
	static const char str[] = "hello\0ab\0b";
	tclause_t tc = { "dtrace:::BEGIN", c, 31, ints, 1, str, sizeof(str),
			 s, 8, 64, a0, 1 };
	char err[512] = "";
	int r = run(&tc, 1, NULL, 0, NULL, 0, 0, -1, 0, 0, err, sizeof(err));

	check("alu-strings", r, err,
	      "rec epid=1 -3 -1 -1 5 -1 13330 -128 65408\n");
}

/* syscall::getppid:entry /pid == $trig/ { self->n++ (via LDTV/STTV);
 *   g = g + 1; x[arg0 & 1] = x[..] + 1 }  END { trace(g); } */
static void t_vars(void)
{
	dif_instr_t c1[] = {
		PRED_PID(17),
		I(LDTV, 3, 0, 0, 0x100), I(LDI, 4, 0, 0, 1),
		I(ADD, 3, 3, 4, 0), I(STTV, 0, 3, 0, 0x100),
		I(LDGV, 5, 0, 0, 0x101), I(ADD, 5, 5, 4, 0),
		I(STGV, 0, 5, 0, 0x101),
		I(FLUSHTS, 0, 0, 0, 0), I(PUSHTV, 0, 4, 0, 0),
		I(LDGA, 6, 0, 0, 0x102), I(ADD, 6, 6, 4, 0),
		I(PUSHTV, 0, 4, 0, 0), I(STGA, 0, 6, 0, 0x102),
		I(RET, 0, 0, 0, 0), I(DROP, 0, 0, 0, 0),
	};
	/* END: trace(g); trace(x[1]); */
	static const dif_instr_t c2[] = {
		I(LDGV, 1, 0, 0, 0x101), I(REC, 0, 1, 0, 0),
		I(LDI, 2, 0, 0, 1), I(FLUSHTS, 0, 0, 0, 0),
		I(PUSHTV, 0, 2, 0, 0), I(LDGA, 3, 0, 0, 0x102),
		I(REC, 0, 3, 0, 1), I(RET, 0, 0, 0, 0),
	};
	dif_var_t vars[3] = {
		{ 0x100, DIF_SCOPE_THREAD, 0, 0, { 8, 0, 0, 1, 0 }, 0, 0, 0 },
		{ 0x101, DIF_SCOPE_GLOBAL, 0, 0, { 8, 0, 0, 1, 0 }, 0, 0, 0 },
		{ 0x102, DIF_SCOPE_GLOBAL, 1, 1, { 8, 0, 0, 1, 0 }, 0, 8, 0 },
	};
	uint64_t ints[1];
	static const uint32_t a[1] = { 3 };
	static const uint32_t a0[1] = { 0 };
	tclause_t tc[2] = {
		{ "syscall:x64:getppid:entry", c1, 18, ints, 1, NULL, 0, NULL,
		  0, 0, a, 1, 1 },
		{ "dtrace:::END", c2, 8, NULL, 0, NULL, 0, slot8, 2, 16, a0, 1 },
	};
	char err[512] = "";
	int go, r;
	pid_t pid = trigger("trig64", "getppid", 1234, &go);

	ints[0] = (uint64_t)pid;
	r = run(tc, 2, NULL, 0, vars, 3, 8, go, pid, 0, err, sizeof(err));
	check("variables-global-thread-assoc", r, err, "rec epid=2 1234 1234\n");
}

/* syscall::getppid:entry /pid == $trig/ { @[execname] = count(); } */
static void t_execname_key(void)
{
	dif_instr_t code[] = { PRED_PID(8),
			       I(LDGV, 3, 0, 0, DIF_VAR_EXECNAME),
			       I(FLUSHTS, 0, 0, 0, 0), I(PUSHTS, 0, 3, 0, 0),
			       I(AGG, 0, 0, 0, 1), I(RET, 0, 0, 0, 0),
			       I(DROP, 0, 0, 0, 0) };
	uint64_t ints[1];
	static const uint32_t a[1] = { 3 };
	dt_aggdesc_t ag = { 1, "", DT_AGG_COUNT, { 0 }, 1, &t_str, &f_str, 256,
			    1, 1 };
	tclause_t tc = { "syscall:x32:getppid:entry", code, 9, ints, 1, NULL,
			 0, NULL, 0, 0, a, 1, 1 };
	char err[512] = "";
	int go, r;
	pid_t pid = trigger("trig32", "getppid", 321, &go);

	ints[0] = (uint64_t)pid;
	r = run(&tc, 1, &ag, 1, NULL, 0, 0, go, pid, 0, err, sizeof(err));
	check("execname-key-x32", r, err, "agg 1 [trig32] 321\n");
}

/* profile:::tick-100 /pid == $trig/... no: tick-50 { @ = count(); }
 * for ~1s of run time: about 50 firings (one CPU) */
static void t_tick(void)
{
	static const dif_instr_t code[] = { I(AGG, 0, 0, 0, 1),
					    I(RET, 0, 0, 0, 0) };
	static const uint32_t a[1] = { 0 };
	dt_aggdesc_t ag = { 1, "", DT_AGG_COUNT, { 0 }, 0, NULL, NULL, 0, 1,
			    1 };
	tclause_t tc = { "profile:::tick-50", code, 2, NULL, 0, NULL, 0, NULL,
			 0, 0, a, 1, 1 };
	char err[512] = "";
	int r = run(&tc, 1, &ag, 1, NULL, 0, 0, -1, 0, 1000, err, sizeof(err));
	long n = -1;

	if (r == 0 && sscanf(out, "agg 1 %ld", &n) == 1 && n >= 40 && n <= 60) {
		strcpy(out, "agg 1 ~50\n");
	}
	check("tick-50-one-second", r, err, "agg 1 ~50\n");
}

/*
 * --hold: attach syscall entry/return and tick programs, say "ready", and
 * poll until killed (the SIGKILL test checks nothing stays attached).
 */
static int hold(int bench)
{
	static const dif_instr_t code[] = { I(AGG, 0, 0, 0, 1),
					    I(RET, 0, 0, 0, 0) };
	/* @[execname] = count() */
	static const dif_instr_t code2[] = {
		I(LDGV, 3, 0, 0, DIF_VAR_EXECNAME), I(FLUSHTS, 0, 0, 0, 0),
		I(PUSHTS, 0, 3, 0, 0), I(AGG, 0, 0, 0, 1), I(RET, 0, 0, 0, 0)
	};
	static const uint32_t a[1] = { 0 };
	static dt_aggdesc_t ag = { 1, "", DT_AGG_COUNT, { 0 }, 0, NULL, NULL,
				   0, 1, 1 };
	static const char *probes[3] = { "syscall:x64:getppid:entry",
					 "syscall:x32:read:return",
					 "profile:::tick-100" };
	static dt_clause_t cl[3];
	static dt_ecb_t ecbs[3];
	static dt_program_t prog;
	dt_runopts_t ro;
	dt_backend_t *be;
	char err[256] = "";
	int k, n = bench ? 1 : 3;
	char line[16];

	memset(&ro, 0, sizeof(ro));
	ro.ro_strsize = 256;
	be = dt_backend_bpf.bo_open(&ro, err, sizeof(err));
	if (be == NULL)
		return 1;
	if (bench == 2) {
		ag.ag_nkeys = 1;
		ag.ag_keytypes = &t_str;
		ag.ag_keyfmt = &f_str;
		ag.ag_keysize = 256;
	}
	for (k = 0; k < n; k++) {
		char buf[128], *s = buf;
		pmatch_t m;
		dt_probedesc_t pd;

		snprintf(buf, sizeof(buf), "%s", probes[k]);
		memset(&m, 0, sizeof(m));
		memset(&pd, 0, sizeof(pd));
		pd.pd_prov = (char *)(m.want[0] = strsep(&s, ":"));
		pd.pd_mod = (char *)(m.want[1] = strsep(&s, ":"));
		pd.pd_func = (char *)(m.want[2] = strsep(&s, ":"));
		pd.pd_name = (char *)(m.want[3] = s);
		dt_backend_bpf.bo_provide(be, &pd);
		dt_backend_bpf.bo_probe_iter(be, match_cb, &m);
		cl[k].dc_probes = &desc0;
		cl[k].dc_nprobes = 1;
		cl[k].dc_difo.dtdo_buf = bench == 2 ? code2 : code;
		cl[k].dc_difo.dtdo_len = bench == 2 ? 5 : 2;
		cl[k].dc_difo.dtdo_actpc = a;
		cl[k].dc_difo.dtdo_nacts = 1;
		cl[k].dc_aggonly = 1;
		ecbs[k].ec_epid = k + 1;
		ecbs[k].ec_probeid = m.id;
		ecbs[k].ec_prov = ecbs[k].ec_mod = ecbs[k].ec_func =
			ecbs[k].ec_name = "";
		ecbs[k].ec_clause = &cl[k];
	}
	prog.dp_clauses = cl;
	prog.dp_nclauses = (uint32_t)n;
	prog.dp_aggs = &ag;
	prog.dp_naggs = 1;
	cur_prog = &prog;
	if (dt_backend_bpf.bo_enable(be, &prog, ecbs, (uint32_t)n, err,
				     sizeof(err)) ||
	    dt_backend_bpf.bo_go(be) != 0) {
		fprintf(stderr, "hold: %s\n", err);
		return 1;
	}
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	if (bench) {
		/* until stdin closes; then print the count */
		while (fgets(line, sizeof(line), stdin) != NULL)
			;
		dt_backend_bpf.bo_snapshot(be, DUMMYC);
		print_aggs();
		fputs(out, stdout);
		dt_backend_bpf.bo_close(be);
		return 0;
	}
	for (;;)
		dt_backend_bpf.bo_poll(be, DUMMYC, 1000);
}

int main(int argc, char **argv)
{
	const char *only = argc > 2 ? argv[2] : NULL;

	if (argc < 2) {
		fprintf(stderr, "usage: bpf-harness TRIGDIR [test]\n");
		return 2;
	}
	snprintf(trigdir, sizeof(trigdir), "%s", argv[1]);
	if (only != NULL && strcmp(only, "--hold") == 0)
		return hold(0);
	if (only != NULL && strcmp(only, "--bench-count") == 0)
		return hold(1);
	if (only != NULL && strcmp(only, "--bench-execname") == 0)
		return hold(2);
	if (!dt_backend_bpf.bo_available()) {
		printf("SKIP: BPF is not available here\n0 passed, 0 failed\n");
		return 0;
	}
#define T(n, call)                                                             \
	if (only == NULL || strcmp(only, n) == 0)                              \
		call
	T("begin", t_begin());
	T("begin-end", t_begin_end());
	T("alu", t_alu());
	T("fault", t_fault());
	T("divzero", t_divzero());
	T("count64", t_count("trig64", "syscall:x64:getppid:entry", 10000,
			     "count-getppid-x64", 10000));
	T("count32", t_count("trig32", "syscall:x32:getppid:entry", 5000,
			     "count-getppid-x32", 5000));
	T("count32-not-x64", t_count("trig32", "syscall:x64:getppid:entry",
				     500, "x32-calls-not-seen-by-x64", 0));
	T("count64-not-x32", t_count("trig64", "syscall:x32:getppid:entry",
				     500, "x64-calls-not-seen-by-x32", 0));
	T("write-aggs", t_write_aggs());
	T("errno64", t_errno("trig64", "syscall:x64:openat:return",
			     "errno-openat-x64"));
	T("errno32", t_errno("trig32", "syscall:x32:openat:return",
			     "errno-open-x32"));
	T("strings64", t_strings("trig64", "syscall:x64:write:entry",
				 "strings-write-x64",
				 "rec epid=1 1 'write' 'trig64' 'x64'\n"
				 "rec epid=1 2 'write' 'trig64' 'x64'\n"
				 "rec epid=1 3 'write' 'trig64' 'x64'\n"));
	T("strings32", t_strings("trig32", "syscall:x32:write:entry",
				 "strings-write-x32",
				 "rec epid=1 1 'write' 'trig32' 'x32'\n"
				 "rec epid=1 2 'write' 'trig32' 'x32'\n"
				 "rec epid=1 3 'write' 'trig32' 'x32'\n"));
	T("vars", t_vars());
	T("execname", t_execname_key());
	T("tick", t_tick());
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail ? 1 : 0;
}
