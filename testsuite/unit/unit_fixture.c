/*
 * unit_fixture.c - DIFO assembler and the fake host for the VM tests.
 */
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "unit.h"

unsigned unit_passed, unit_failed;

void unit_fail_at(const char *file, int line, const char *what)
{
	unit_failed++;
	fprintf(stderr, "FAIL %s:%d: %s\n", file, line, what);
}

void unit_check_str(const char *file, int line, const char *expr,
		    const char *got, const char *want)
{
	char m[512];

	if (got != NULL && strcmp(got, want) == 0) {
		unit_passed++;
		return;
	}
	snprintf(m, sizeof(m), "%.100s: got \"%.150s\", want \"%.150s\"",
		 expr, got ? got : "(null)", want);
	unit_fail_at(file, line, m);
}

void ta_init(tasm_t *a)
{
	memset(a, 0, sizeof(*a));
	/* offset 0 is the empty string, as compilers usually lay it out */
	a->strlen = 1;
}

uint32_t ta(tasm_t *a, unsigned op, unsigned rd, unsigned r1, unsigned r2,
	    uint32_t imm)
{
	a->buf[a->len] = DIF_INSTR(op, rd, r1, r2, imm);
	return a->len++;
}

uint32_t ta_int(tasm_t *a, uint64_t v)
{
	a->ints[a->nints] = v;
	return a->nints++;
}

uint32_t ta_str(tasm_t *a, const char *s)
{
	uint32_t off = a->strlen;

	memcpy(a->str + off, s, strlen(s) + 1);
	a->strlen += (uint32_t)strlen(s) + 1;
	return off;
}

uint32_t ta_slot(tasm_t *a, uint32_t size, int byref, int string)
{
	dif_recslot_t *s = &a->slots[a->nslots];

	s->rs_offset = a->recsize;
	s->rs_size = size;
	s->rs_byref = (uint8_t)byref;
	s->rs_string = (uint8_t)string;
	a->recsize += (size + 7) & ~7u;
	return a->nslots++;
}

void ta_action(tasm_t *a)
{
	a->actpc[a->nacts++] = a->len;
}

const difo_t *ta_difo(tasm_t *a)
{
	difo_t *d = &a->d;

	d->dtdo_buf = a->buf;
	d->dtdo_len = a->len;
	d->dtdo_inttab = a->ints;
	d->dtdo_intlen = a->nints;
	d->dtdo_strtab = a->str;
	d->dtdo_strlen = a->strlen;
	d->dtdo_slots = a->slots;
	d->dtdo_nslots = a->nslots;
	d->dtdo_recsize = a->recsize;
	d->dtdo_actpc = a->actpc;
	d->dtdo_nacts = a->nacts;
	return d;
}

/* fake host: fixed values so tests can assert them exactly */
static int host_builtin(void *ctx, unsigned id, uint64_t ndx, uint64_t *vp)
{
	tvm_t *t = ctx;

	switch (id) {
	case DIF_VAR_PID:
		*vp = 4242;
		return 0;
	case DIF_VAR_EXECNAME:
		*vp = (uint64_t)(uintptr_t)t->execname;
		return 0;
	case DIF_VAR_ARGS:
		if (ndx > 9)
			return DIF_FAULT_ILLOP;
		*vp = 1000 + ndx;
		return 0;
	}
	if (id >= DIF_VAR_ARG0 && id <= DIF_VAR_ARG9) {
		*vp = 100 + (id - DIF_VAR_ARG0);
		return 0;
	}
	return DIF_FAULT_ILLOP;
}

static uint64_t host_threadkey(void *ctx)
{
	return ((tvm_t *)ctx)->tkey;
}

static uint64_t host_spec_alloc(void *ctx)
{
	tvm_t *t = ctx;

	return t->nextspec < 4 ? ++t->nextspec : 0;
}

static int host_commit(void *ctx, uint64_t id)
{
	((tvm_t *)ctx)->committed = id;
	return 0;
}

static int host_discard(void *ctx, uint64_t id)
{
	((tvm_t *)ctx)->discarded = id;
	return id == 0 ? DIF_FAULT_ILLOP : 0;
}

static int host_progenyof(void *ctx, uint64_t pid)
{
	return pid == 1 || pid == 4242;
}

uint32_t tvm_var(tvm_t *t, unsigned scope, int assoc, uint32_t size,
		 int byref, int string, int sign, uint32_t offset,
		 uint32_t keysize)
{
	dif_var_t *v = &t->vars[t->nvars];

	memset(v, 0, sizeof(*v));
	v->dv_id = DIF_VAR_USER_BASE + t->nvars;
	v->dv_scope = (uint8_t)scope;
	v->dv_assoc = (uint8_t)assoc;
	v->dv_type.dt_size = size;
	v->dv_type.dt_byref = (uint8_t)byref;
	v->dv_type.dt_string = (uint8_t)string;
	v->dv_type.dt_signed = (uint8_t)sign;
	v->dv_offset = offset;
	v->dv_keysize = keysize;
	t->nvars++;
	return v->dv_id;
}

uint32_t tvm_agg(tvm_t *t, unsigned func, uint32_t keysize,
		 const dt_aggparams_t *p)
{
	dif_aggspec_t *s = &t->aggs[t->naggs];

	memset(s, 0, sizeof(*s));
	s->as_id = t->naggs + 1;
	s->as_func = func;
	s->as_keysize = keysize;
	if (p)
		s->as_params = *p;
	s->as_nvals = dt_agg_nvals(func, &s->as_params);
	t->naggs++;
	return s->as_id;
}

void tvm_init(tvm_t *t)
{
	memset(t, 0, sizeof(*t));
	t->tkey = 7;
	strcpy(t->execname, "unit-test");
}

void tvm_start(tvm_t *t, uint32_t strsize)
{
	t->ops.ho_builtin = host_builtin;
	t->ops.ho_threadkey = host_threadkey;
	t->ops.ho_spec_alloc = host_spec_alloc;
	t->ops.ho_spec_commit = host_commit;
	t->ops.ho_spec_discard = host_discard;
	t->ops.ho_progenyof = host_progenyof;
	t->env.de_vars = t->vars;
	t->env.de_nvars = t->nvars;
	t->env.de_glob = (uint8_t *)t->glob;
	t->env.de_globsize = sizeof(t->glob);
	t->env.de_aggs = t->aggs;
	t->env.de_naggs = t->naggs;
	t->env.de_strsize = strsize;
	t->env.de_localsize = sizeof(t->local);
	t->env.de_ops = &t->ops;
	if (dt_dynvar_init(&t->dv, t->dynarena, sizeof(t->dynarena),
			   dif_env_dynvar_maxsize(&t->env) + 8) != 0)
		unit_fail_at(__FILE__, __LINE__, "dt_dynvar_init");
	t->env.de_dynvars = &t->dv;
	if (dt_aggbuf_init(&t->ab, t->aggarena, sizeof(t->aggarena), t->aggs,
			   t->naggs) != 0)
		unit_fail_at(__FILE__, __LINE__, "dt_aggbuf_init");
	dif_mstate_init(&t->ms, &t->env, t, t->scratch, sizeof(t->scratch),
			t->local, t->tbuf, sizeof(t->tbuf), &t->ab);
	dif_mstate_fire(&t->ms);
}

int tvm_run(tvm_t *t, tasm_t *a)
{
	const difo_t *d = ta_difo(a);
	const char *why = NULL;
	uint32_t pc = 0;

	if (dif_validate(d, &t->env, &pc, &why) != 0) {
		char m[128];

		snprintf(m, sizeof(m), "program rejected at pc %u: %s", pc, why);
		unit_fail_at(__FILE__, __LINE__, m);
		return -1;
	}
	memset(&t->res, 0xa5, sizeof(t->res));
	return dif_vm_exec(&t->ms, d, t->rec, &t->res);
}

uint64_t tvm_eval(tvm_t *t, tasm_t *a)
{
	ta(a, DIF_OP_RET, 0, 1, 0, 0);
	if (tvm_run(t, a) != DIF_ST_DONE) {
		char m[128];

		snprintf(m, sizeof(m), "eval: status %d fault %u at pc %u",
			 t->res.dr_status, t->res.dr_fault, t->res.dr_pc);
		unit_fail_at(__FILE__, __LINE__, m);
		return 0xdeadbeef;
	}
	return t->res.dr_rv;
}

uint64_t unit_bad_addr(void)
{
	static uint64_t bad;
	long pg = sysconf(_SC_PAGESIZE);
	void *p;

	if (bad)
		return bad;
	/* map then unmap: the range is then truly unmapped */
	p = mmap(NULL, (size_t)pg * 4, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		abort();
	munmap(p, (size_t)pg * 4);
	bad = (uint64_t)(uintptr_t)p + (uint64_t)pg;
	return bad;
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	test_port();
	test_ops();
	test_faults();
	test_validate();
	test_vars();
	test_subr();
	test_dynvar();
	test_aggbuf();
	test_agg();
	test_names();
	printf("%u passed, %u failed\n", unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}
