/*
 * dt_bpf_xlate.c - DIF -> eBPF.
 *
 * One program per attach point: a prologue (scratch lookup, nesting
 * guard, context facts), then every clause instance in program order,
 * each: match the event to an epid, run the clause's DIF translated op by
 * op, then commit its record to the ring buffer.  A fault jumps to the
 * clause's fault block: an error record (epid 0, dt_errrec_t) and the
 * ERROR probe's clauses, inlined.
 *
 * Register use: R6 = context, R7 = scratch value pointer, R8 = the same
 * address as a plain number (DIF addresses are numbers; every load goes
 * through bpf_probe_read_kernel so any bad one faults cleanly), R9 = the
 * globals map value.  DIF registers live in the stack frame.
 * See README.md for the full picture.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include "dt_bpf_xl.h"


/* DIF register <-> BPF register */
static void rget(xl_t *x, int breg, unsigned dreg)
{
	if (dreg >= DIF_NREGS) {
		fail(x, "bad DIF register %%r%u", dreg);
		return;
	}
	if (dreg == 0)
		E(MOV_I(breg, 0));
	else
		E(LDX(BPF_DW, breg, FP, SL_REG(dreg)));
}

static void rset(xl_t *x, unsigned dreg, int breg)
{
	if (dreg >= DIF_NREGS) {
		fail(x, "bad DIF register %%r%u", dreg);
		return;
	}
	if (dreg != 0)
		E(STX(BPF_DW, FP, breg, SL_REG(dreg)));
}

/* action number (1-based) of a pc, for error records */
static uint32_t action_of(const difo_t *dp, uint32_t pc)
{
	uint32_t k, a = 1;

	for (k = 0; k < dp->dtdo_nacts; k++)
		if (dp->dtdo_actpc[k] <= pc)
			a = k + 1;
	return a;
}

/*
 * A fault exit: exactly 4 instructions, so a check can skip it with a
 * jump of +4.  SL_FADDR must already hold the address, if any.
 */
static void fault_stub(xl_t *x, uint32_t pc, int code)
{
	E(ST(BPF_W, FP, SL_FPC, (int32_t)(pc * 8)));
	E(ST(BPF_W, FP, SL_FPC + 4, (int32_t)action_of(x->dp, pc)));
	E(ST(BPF_W, FP, SL_FCODE, code));
	EJ(JA(0), x->l_fault);
	x->faults++;
}

/* fault unless R0 == 0 */
static void check_r0(xl_t *x, uint32_t pc, int code)
{
	E(J_I(BPF_JEQ, R0, 0, 4));
	fault_stub(x, pc, code);
}

/* fault if R0 is negative (the _str helpers return a length) */
static void check_r0_neg(xl_t *x, uint32_t pc, int code)
{
	E(J_I(BPF_JSGE, R0, 0, 4));
	fault_stub(x, pc, code);
}

/* R1 = R7 + off (a real pointer into scratch, for helpers) */
static void scptr(xl_t *x, int reg, uint32_t off)
{
	E(MOV_R(reg, R7));
	E(ALU_I(BPF_ADD, reg, (int32_t)off));
}

/* reg = scalar address of scratch + off */
static void scaddr(xl_t *x, int reg, uint32_t off)
{
	E(MOV_R(reg, R8));
	E(ALU_I(BPF_ADD, reg, (int32_t)off));
}

/* convert the pointer in R0 to a number in reg (via scratch) */
static void ptr2num(xl_t *x, int reg)
{
	E(STX(BPF_DW, R7, R0, SC_TMPP));
	E(LDX(BPF_DW, reg, R7, SC_TMPP));
}

/* zero n bytes of scratch at off with stores */
static void sczero(xl_t *x, uint32_t off, uint32_t n)
{
	uint32_t k = 0;

	for (; k + 8 <= n; k += 8)
		E(ST(BPF_DW, R7, (int16_t)(off + k), 0));
	for (; k < n; k++)
		E(ST(BPF_B, R7, (int16_t)(off + k), 0));
}

/* static scratch for one instruction's result (DIF has no loops) */
static uint32_t salloc(xl_t *x, uint32_t n)
{
	uint32_t off = x->spool;

	n = (n + 7) & ~7u;
	/* the end of the pool is dt_bpf_str.c's string area */
	if (x->spool + n > x->lay->spool_size - dt_bpf_str_reserve(x->lay)) {
		fail(x, "clause needs more than %u bytes of string scratch",
		     x->lay->spool_size - dt_bpf_str_reserve(x->lay));
		return x->lay->sc_spool;
	}
	x->spool += n;
	return x->lay->sc_spool + off;
}

static const dif_var_t *findvar(xl_t *x, uint32_t id, uint32_t *idx)
{
	const dt_program_t *p = x->env->prog;
	uint32_t k;

	for (k = 0; k < p->dp_nvars; k++)
		if (p->dp_vars[k].dv_id == id) {
			if (idx != NULL)
				*idx = k;
			return &p->dp_vars[k];
		}
	fail(x, "unknown variable id %u", id);
	return NULL;
}

/* sign- or zero-extend R(reg) holding a value of size bytes */
static void extend(xl_t *x, int reg, uint32_t size, int sgn)
{
	if (size >= 8)
		return;
	if (sgn) {
		E(ALU_I(BPF_LSH, reg, 64 - 8 * (int)size));
		E(ALU_I(BPF_ARSH, reg, 64 - 8 * (int)size));
	}
}

static int bpf_size(uint32_t n)
{
	switch (n) {
	case 1: return BPF_B;
	case 2: return BPF_H;
	case 4: return BPF_W;
	case 8: return BPF_DW;
	}
	return -1;
}

/* ---- built-in variables ---- */

/* R0 = scalar address of ECB field off of the current epid */
static void ecb_field(xl_t *x, int off)
{
	E(LDX(BPF_DW, R0, FP, SL_EPID));
	E(ALU_I(BPF_SUB, R0, 1));
	E(ALU_I(BPF_MUL, R0, DT_BPF_ECB_STRIDE));
	E(LDX(BPF_DW, R1, FP, SL_CONST));
	E(ALU_R(BPF_ADD, R0, R1));
	if (off)
		E(ALU_I(BPF_ADD, R0, off));
}

/* read 4 or 8 bytes at kernel address in R3 into R0 (no fault check) */
static void kread(xl_t *x, int size)
{
	E(ST(BPF_DW, FP, SL_TMP, 0));
	E(MOV_R(R1, FP));
	E(ALU_I(BPF_ADD, R1, SL_TMP));
	E(MOV_I(R2, size));
	E(CALL(BPF_FUNC_probe_read_kernel));
	E(LDX(size == 4 ? BPF_W : BPF_DW, R0, FP, SL_TMP));
}

static void stack_var(xl_t *x, int user, int depth);
static void uregs_var(xl_t *x, uint32_t pc);

static void builtin(xl_t *x, uint32_t pc, unsigned id)
{
	const dt_bpf_layout_t *lay = x->lay;

	if (id >= DIF_VAR_ARG0 && id <= DIF_VAR_ARG9) {
		dt_bpf_xl_arg(x, (int)(id - DIF_VAR_ARG0));
		return;
	}
	switch (id) {
	case DIF_VAR_ARGS: {
		/* index on the tuple stack: a switch over 0..9 */
		uint32_t done = dt_bpf_label(&x->g);
		int k;

		if (x->tdepth < 1) {
			fail(x, "args[] without an index");
			return;
		}
		for (k = 0; k < 10; k++) {
			uint32_t nx = dt_bpf_label(&x->g);

			E(LDX(BPF_DW, R1, R7, lay->sc_tupv));
			EJ(J_I(BPF_JNE, R1, k, 0), nx);
			dt_bpf_xl_arg(x, k);
			EJ(JA(0), done);
			dt_bpf_place(&x->g, nx);
		}
		E(MOV_I(R0, 0));
		dt_bpf_place(&x->g, done);
		x->tdepth = 0; /* args[] uses the whole tuple stack */
		x->toff = 0;
		return;
	}
	case DIF_VAR_TIMESTAMP:
	case DIF_VAR_VTIMESTAMP:
		E(LDX(BPF_DW, R0, FP, SL_TS));
		return;
	case DIF_VAR_WALLTIMESTAMP:
		E(LDX(BPF_DW, R0, FP, SL_TS));
		E(LDX(BPF_DW, R1, R9, 0));
		E(ALU_R(BPF_ADD, R0, R1));
		return;
	case DIF_VAR_PID:
		E(CALL(BPF_FUNC_get_current_pid_tgid));
		E(ALU_I(BPF_RSH, R0, 32));
		return;
	case DIF_VAR_TID:
		E(CALL(BPF_FUNC_get_current_pid_tgid));
		E(ALU32_R(BPF_MOV, R0, R0));
		return;
	case DIF_VAR_PPID:
		E(CALL(BPF_FUNC_get_current_task));
		E(MOV_R(R3, R0));
		E(ALU_I(BPF_ADD, R3, lay->parent_off));
		kread(x, 8);
		E(MOV_R(R3, R0));
		E(ALU_I(BPF_ADD, R3, lay->tgid_off));
		kread(x, 4);
		return;
	case DIF_VAR_UID:
		E(CALL(BPF_FUNC_get_current_uid_gid));
		E(ALU32_R(BPF_MOV, R0, R0));
		return;
	case DIF_VAR_GID:
		E(CALL(BPF_FUNC_get_current_uid_gid));
		E(ALU_I(BPF_RSH, R0, 32));
		return;
	case DIF_VAR_EXECNAME: {
		uint32_t off = salloc(x, 16);

		x->comm_off = off;
		scptr(x, R1, off);
		E(MOV_I(R2, 16));
		E(CALL(BPF_FUNC_get_current_comm));
		scaddr(x, R0, off);
		return;
	}
	case DIF_VAR_PROBEPROV:
		ecb_field(x, DT_BPF_ECB_PROV);
		return;
	case DIF_VAR_PROBEMOD:
		ecb_field(x, DT_BPF_ECB_MOD);
		return;
	case DIF_VAR_PROBEFUNC:
		ecb_field(x, DT_BPF_ECB_FUNC);
		return;
	case DIF_VAR_PROBENAME:
		ecb_field(x, DT_BPF_ECB_NAME);
		return;
	case DIF_VAR_ID:
		ecb_field(x, 0);
		E(MOV_R(R3, R0));
		kread(x, 4);
		return;
	case DIF_VAR_EPID:
		E(LDX(BPF_DW, R0, FP, SL_EPID));
		return;
	case DIF_VAR_CPU:
	case DIF_VAR_CURCPU:
		E(CALL(BPF_FUNC_get_smp_processor_id));
		return;
	case DIF_VAR_CURTHREAD:
		E(CALL(BPF_FUNC_get_current_task));
		return;
	case DIF_VAR_ERRNO:
		if (x->ctx != DT_BPF_CTX_SYSEXIT || x->in_error) {
			E(MOV_I(R0, 0));
			return;
		}
		/* -4095 <= ret < 0: errno = -ret */
		E(LDX(BPF_DW, R1, FP, SL_RET));
		E(MOV_I(R0, 0));
		E(J_I(BPF_JSGE, R1, 0, 3));
		E(J_I(BPF_JSLT, R1, -4095, 2));
		E(MOV_R(R0, R1));
		E(ALU_I(BPF_NEG, R0, 0));
		return;
	case DIF_VAR_ZONENAME:
		E(LDX(BPF_DW, R0, FP, SL_CONST));
		E(ALU_I(BPF_ADD, R0, (int32_t)lay->co_zonename));
		return;
	case DIF_VAR_IPL:
		E(MOV_I(R0, 0));
		return;
	case DIF_VAR_CALLER:
	case DIF_VAR_UCALLER:
	case DIF_VAR_STACKDEPTH:
	case DIF_VAR_USTACKDEPTH:
		stack_var(x, id == DIF_VAR_UCALLER || id == DIF_VAR_USTACKDEPTH,
			  id == DIF_VAR_STACKDEPTH || id == DIF_VAR_USTACKDEPTH);
		return;
	case DIF_VAR_CWD:
	case DIF_VAR_ROOTDIR:
		(void)dt_bpf_str_path(x, id == DIF_VAR_ROOTDIR);
		return;
	case DIF_VAR_UREGS:
		if (x->tdepth < 1) {
			fail(x, "uregs[] without an index");
			return;
		}
		uregs_var(x, pc);
		x->tdepth = 0;
		x->toff = 0;
		return;
	default: {
		const char *n = dif_var_name(id);

		fail(x, "built-in variable %s is not supported by the BPF "
		     "backend", n != NULL ? n : "?");
	}
	}
	(void)pc;
}

/* ---- tuple stack ---- */

static void tuple_begin(xl_t *x)
{
	if (x->tdepth == 0) {
		/* keys are hashed whole: clear the tail before packing */
		sczero(x, x->lay->sc_tup, 8 + x->lay->maxkey);
		x->toff = 0;
	}
}

static uint32_t tuple_slot(xl_t *x, uint32_t size)
{
	uint32_t off = x->lay->sc_tup + 8 + x->toff;

	if (x->tdepth >= DIF_TUPLE_MAX) {
		fail(x, "tuple stack overflow");
		return off;
	}
	if (x->toff + size > x->lay->maxkey) {
		fail(x, "tuple of %u bytes is larger than any key",
		     x->toff + size);
		return off;
	}
	x->toff += size;
	return off;
}

/* ---- aggregations ---- */

/* R0 = floor(log2(R5)) for R5 > 0; clobbers R1, R5 */
static void emit_log2(xl_t *x)
{
	static const int steps[6] = { 32, 16, 8, 4, 2, 1 };
	int k;

	E(MOV_I(R0, 0));
	for (k = 0; k < 6; k++) {
		E(MOV_R(R1, R5));
		E(ALU_I(BPF_RSH, R1, steps[k]));
		E(J_I(BPF_JEQ, R1, 0, 2));
		E(MOV_R(R5, R1));
		E(ALU_I(BPF_ADD, R0, steps[k]));
	}
}

/* R4 = values, R2 = value, R3 = weight; bucket index into R1 */
static void agg_apply(xl_t *x, const dt_aggdesc_t *ag)
{
	const dt_aggparams_t *p = &ag->ag_params;
	uint32_t nb = ag->ag_nvals;

	switch (ag->ag_func) {
	case DT_AGG_COUNT:
		E(LDX(BPF_DW, R1, R4, 8));
		E(ALU_I(BPF_ADD, R1, 1));
		E(STX(BPF_DW, R4, R1, 8));
		return;
	case DT_AGG_SUM:
		E(LDX(BPF_DW, R1, R4, 8));
		E(ALU_R(BPF_ADD, R1, R2));
		E(STX(BPF_DW, R4, R1, 8));
		return;
	case DT_AGG_AVG:
		E(LDX(BPF_DW, R1, R4, 8));
		E(ALU_I(BPF_ADD, R1, 1));
		E(STX(BPF_DW, R4, R1, 8));
		E(LDX(BPF_DW, R1, R4, 16));
		E(ALU_R(BPF_ADD, R1, R2));
		E(STX(BPF_DW, R4, R1, 16));
		return;
	case DT_AGG_MIN:
	case DT_AGG_MAX:
		/* compared signed, as dt_agg_apply() does */
		E(LDX(BPF_DW, R1, R4, 8));
		E(J_R(ag->ag_func == DT_AGG_MIN ? BPF_JSGE : BPF_JSLE, R2, R1,
		      1));
		E(STX(BPF_DW, R4, R2, 8));
		return;
	case DT_AGG_STDDEV:
		/* count, sum, then the 128-bit sum of squares (hi, lo) */
		E(LDX(BPF_DW, R1, R4, 8));
		E(ALU_I(BPF_ADD, R1, 1));
		E(STX(BPF_DW, R4, R1, 8));
		E(LDX(BPF_DW, R1, R4, 16));
		E(ALU_R(BPF_ADD, R1, R2));
		E(STX(BPF_DW, R4, R1, 16));
		/* a = |v|: a^2 = ah^2 << 64 + 2 ah al << 32 + al^2 */
		E(J_I(BPF_JSGE, R2, 0, 1));
		E(ALU_I(BPF_NEG, R2, 0));
		E(MOV_R(R3, R2));
		E(ALU_I(BPF_RSH, R3, 32)); /* ah */
		E(ALU32_R(BPF_MOV, R2, R2)); /* al */
		E(MOV_R(R5, R3));
		E(ALU_R(BPF_MUL, R5, R2)); /* mid = ah*al */
		E(ALU_R(BPF_MUL, R3, R3)); /* hi = ah^2 */
		E(MOV_R(R0, R5));
		E(ALU_I(BPF_RSH, R0, 31));
		E(ALU_R(BPF_ADD, R3, R0)); /* hi += mid >> 31 */
		E(ALU_R(BPF_MUL, R2, R2)); /* lo0 = al^2 */
		E(ALU_I(BPF_LSH, R5, 33));
		E(ALU_R(BPF_ADD, R5, R2)); /* lo = lo0 + mid << 33 */
		E(J_R(BPF_JGE, R5, R2, 1));
		E(ALU_I(BPF_ADD, R3, 1)); /* carry */
		/* sumsq += (R3:R5) */
		E(LDX(BPF_DW, R1, R4, 32));
		E(ALU_R(BPF_ADD, R1, R5));
		E(STX(BPF_DW, R4, R1, 32));
		E(LDX(BPF_DW, R0, R4, 24));
		E(J_R(BPF_JGE, R1, R5, 1));
		E(ALU_I(BPF_ADD, R0, 1));
		E(ALU_R(BPF_ADD, R0, R3));
		E(STX(BPF_DW, R4, R0, 24));
		return;
	case DT_AGG_QUANTIZE: {
		uint32_t done = dt_bpf_label(&x->g), pos = dt_bpf_label(&x->g);

		E(MOV_I(R1, DT_QUANTIZE_ZERO));
		EJ(J_I(BPF_JEQ, R2, 0, 0), done);
		E(MOV_R(R5, R2));
		EJ(J_I(BPF_JSGT, R2, 0, 0), pos);
		/* negative: bucket ZERO - (log2(-v) + 1) */
		E(ALU_I(BPF_NEG, R5, 0));
		emit_log2(x);
		E(MOV_I(R1, DT_QUANTIZE_ZERO - 1));
		E(ALU_R(BPF_SUB, R1, R0));
		EJ(J_I(BPF_JSGE, R1, 0, 0), done);
		E(MOV_I(R1, 0));
		EJ(JA(0), done);
		/* positive: bucket ZERO + log2(v) + 1 */
		dt_bpf_place(&x->g, pos);
		emit_log2(x);
		E(MOV_I(R1, DT_QUANTIZE_ZERO + 1));
		E(ALU_R(BPF_ADD, R1, R0));
		dt_bpf_place(&x->g, done);
		break;
	}
	case DT_AGG_LQUANTIZE: {
		uint32_t done = dt_bpf_label(&x->g);

		E(MOV_I(R1, (int32_t)(nb - 1)));
		ld64(x, R5, (uint64_t)p->ap_limit);
		EJ(J_R(BPF_JSGE, R2, R5, 0), done);
		E(MOV_I(R1, 0));
		ld64(x, R5, (uint64_t)p->ap_base);
		EJ(J_R(BPF_JSLT, R2, R5, 0), done);
		E(MOV_R(R1, R2));
		E(ALU_R(BPF_SUB, R1, R5));
		ld64(x, R5, (uint64_t)p->ap_step);
		E(ALU_R(BPF_DIV, R1, R5));
		E(ALU_I(BPF_ADD, R1, 1));
		dt_bpf_place(&x->g, done);
		break;
	}
	case DT_AGG_LLQUANTIZE: {
		uint32_t done = dt_bpf_label(&x->g);
		uint32_t b;

		E(MOV_I(R1, 0));
		for (b = nb - 1; b >= 1 && !x->failed; b--) {
			ld64(x, R5, (uint64_t)dt_llquantize_bucket_min(p, (int)b));
			E(J_R(BPF_JSLT, R2, R5, 2));
			E(MOV_I(R1, (int32_t)b));
			EJ(JA(0), done);
		}
		dt_bpf_place(&x->g, done);
		break;
	}
	default:
		fail(x, "aggregating function %u is not supported",
		     ag->ag_func);
		return;
	}
	/* bucket in R1: clamp for the verifier, then vals[1 + R1] += w */
	E(J_I(BPF_JLE, R1, (int32_t)(nb - 1), 1));
	E(MOV_I(R1, (int32_t)(nb - 1)));
	E(ALU_I(BPF_LSH, R1, 3));
	E(ALU_R(BPF_ADD, R4, R1));
	E(LDX(BPF_DW, R1, R4, 8));
	E(ALU_R(BPF_ADD, R1, R3));
	E(STX(BPF_DW, R4, R1, 8));
}

static void stat_inc(xl_t *x, int which)
{
	E(ST(BPF_W, FP, SL_TMP, 0));
	ldmap(x, R1, x->env->maps->stats);
	E(MOV_R(R2, FP));
	E(ALU_I(BPF_ADD, R2, SL_TMP));
	E(CALL(BPF_FUNC_map_lookup_elem));
	E(J_I(BPF_JEQ, R0, 0, 3));
	E(LDX(BPF_DW, R1, R0, 8 * which));
	E(ALU_I(BPF_ADD, R1, 1));
	E(STX(BPF_DW, R0, R1, 8 * which));
}

static void op_agg(xl_t *x, uint32_t pc, dif_instr_t in)
{
	const dt_program_t *p = x->env->prog;
	uint32_t id = DIF_INSTR_UIMM(in);
	const dt_aggdesc_t *ag;
	uint32_t have = dt_bpf_label(&x->g), out = dt_bpf_label(&x->g);
	int fd;

	if (id == 0 || id > p->dp_naggs) {
		fail(x, "bad aggregation id %u", id);
		return;
	}
	ag = &p->dp_aggs[id - 1];
	fd = x->env->maps->agg[id - 1];
	if (ag->ag_nkeys == 0) {
		E(ST(BPF_W, FP, SL_TMP, 0));
		ldmap(x, R1, fd);
		E(MOV_R(R2, FP));
		E(ALU_I(BPF_ADD, R2, SL_TMP));
		E(CALL(BPF_FUNC_map_lookup_elem));
		EJ(J_I(BPF_JEQ, R0, 0, 0), out);
	} else {
		ldmap(x, R1, fd);
		scptr(x, R2, x->lay->sc_tup + 8);
		E(CALL(BPF_FUNC_map_lookup_elem));
		EJ(J_I(BPF_JNE, R0, 0, 0), have);
		/* first time for this key: insert the initial values */
		E(ST(BPF_W, FP, SL_TMP, 0));
		ldmap(x, R1, x->env->maps->consts);
		E(MOV_R(R2, FP));
		E(ALU_I(BPF_ADD, R2, SL_TMP));
		E(CALL(BPF_FUNC_map_lookup_elem));
		EJ(J_I(BPF_JEQ, R0, 0, 0), out);
		E(MOV_R(R3, R0));
		E(ALU_I(BPF_ADD, R3, (int32_t)x->lay->co_agginit_off[id - 1]));
		ldmap(x, R1, fd);
		scptr(x, R2, x->lay->sc_tup + 8);
		E(MOV_I(R4, BPF_NOEXIST));
		E(CALL(BPF_FUNC_map_update_elem));
		ldmap(x, R1, fd);
		scptr(x, R2, x->lay->sc_tup + 8);
		E(CALL(BPF_FUNC_map_lookup_elem));
		EJ(J_I(BPF_JNE, R0, 0, 0), have);
		stat_inc(x, DT_BPF_ST_DYNDROPS);
		EJ(JA(0), out);
	}
	dt_bpf_place(&x->g, have);
	E(MOV_R(R4, R0));
	/* word 0 counts updates, so untouched elements are not reported */
	E(LDX(BPF_DW, R1, R4, 0));
	E(ALU_I(BPF_ADD, R1, 1));
	E(STX(BPF_DW, R4, R1, 0));
	rget(x, R2, DIF_INSTR_R1(in));
	if (DIF_INSTR_R2(in) == 0)
		E(MOV_I(R3, 1));
	else
		rget(x, R3, DIF_INSTR_R2(in));
	agg_apply(x, ag);
	dt_bpf_place(&x->g, out);
	x->tdepth = 0;
	x->toff = 0;
	(void)pc;
}

/* ---- variables ---- */

/* R0 = map value pointer for a thread-local scalar (or 0); key on stack */
static void tls_lookup(xl_t *x, int fd)
{
	E(CALL(BPF_FUNC_get_current_pid_tgid));
	E(STX(BPF_DW, FP, R0, SL_TKEY));
	ldmap(x, R1, fd);
	E(MOV_R(R2, FP));
	E(ALU_I(BPF_ADD, R2, SL_TKEY));
	E(CALL(BPF_FUNC_map_lookup_elem));
}

/* assoc key pointer into R2: thread arrays put the thread id first */
static void assoc_key(xl_t *x, int thread)
{
	if (thread) {
		E(CALL(BPF_FUNC_get_current_pid_tgid));
		E(STX(BPF_DW, R7, R0, x->lay->sc_tup));
		scptr(x, R2, x->lay->sc_tup);
	} else {
		scptr(x, R2, x->lay->sc_tup + 8);
	}
}

/* R2 = key of a dynamic variable: an associative array's tuple, or the
 * thread id of a self-> scalar (kept on the stack) */
static void dyn_key(xl_t *x, int assoc, int thread)
{
	if (assoc) {
		assoc_key(x, thread);
		return;
	}
	E(CALL(BPF_FUNC_get_current_pid_tgid));
	E(STX(BPF_DW, FP, R0, SL_TKEY));
	E(MOV_R(R2, FP));
	E(ALU_I(BPF_ADD, R2, SL_TKEY));
}

/* load from a value pointer in R0 (may be NULL) into DIF rd */
static void var_load(xl_t *x, const dif_var_t *v, unsigned rd)
{
	uint32_t found = dt_bpf_label(&x->g), done = dt_bpf_label(&x->g);

	EJ(J_I(BPF_JNE, R0, 0, 0), found);
	if (v->dv_type.dt_byref)
		scaddr(x, R0, x->lay->sc_zero);
	else
		E(MOV_I(R0, 0));
	EJ(JA(0), done);
	dt_bpf_place(&x->g, found);
	if (v->dv_type.dt_byref)
		ptr2num(x, R0);
	else
		E(LDX(BPF_DW, R0, R0, 0));
	dt_bpf_place(&x->g, done);
	rset(x, rd, R0);
}

/*
 * Store DIF r1 as the value of a dynamic variable (map fd, key in R2
 * after keyfn).  Zero deletes, as in DTrace.
 */
static void var_store(xl_t *x, uint32_t pc, const dif_var_t *v, unsigned r1,
		      int fd, int assoc, int thread)
{
	uint32_t done = dt_bpf_label(&x->g);
	uint32_t vsz = v->dv_type.dt_byref ? v->dv_type.dt_size : 8;

	if (!v->dv_type.dt_byref) {
		uint32_t del = dt_bpf_label(&x->g);

		rget(x, R1, r1);
		EJ(J_I(BPF_JEQ, R1, 0, 0), del);
		E(STX(BPF_DW, R7, R1, x->lay->sc_val));
		dyn_key(x, assoc, thread);
		ldmap(x, R1, fd);
		scptr(x, R3, x->lay->sc_val);
		E(MOV_I(R4, BPF_ANY));
		E(CALL(BPF_FUNC_map_update_elem));
		EJ(J_I(BPF_JEQ, R0, 0, 0), done);
		stat_inc(x, DT_BPF_ST_DYNDROPS);
		EJ(JA(0), done);
		dt_bpf_place(&x->g, del);
		dyn_key(x, assoc, thread);
		ldmap(x, R1, fd);
		E(CALL(BPF_FUNC_map_delete_elem));
		dt_bpf_place(&x->g, done);
		return;
	}
	/* by reference: copy the object into the value buffer first */
	rget(x, R3, r1);
	E(STX(BPF_DW, FP, R3, SL_FADDR));
	if (v->dv_type.dt_string) {
		sczero(x, x->lay->sc_val, vsz);
		scptr(x, R1, x->lay->sc_val);
		E(MOV_I(R2, (int32_t)vsz));
		E(CALL(BPF_FUNC_probe_read_kernel_str));
		check_r0_neg(x, pc, DIF_FAULT_BADADDR);
		/* storing "" deletes the element */
		{
			uint32_t keep = dt_bpf_label(&x->g);

			E(LDX(BPF_B, R1, R7, (int16_t)x->lay->sc_val));
			EJ(J_I(BPF_JNE, R1, 0, 0), keep);
			dyn_key(x, assoc, thread);
			ldmap(x, R1, fd);
			E(CALL(BPF_FUNC_map_delete_elem));
			EJ(JA(0), done);
			dt_bpf_place(&x->g, keep);
		}
	} else {
		scptr(x, R1, x->lay->sc_val);
		E(MOV_I(R2, (int32_t)vsz));
		E(CALL(BPF_FUNC_probe_read_kernel));
		check_r0(x, pc, DIF_FAULT_BADADDR);
	}
	dyn_key(x, assoc, thread);
	ldmap(x, R1, fd);
	scptr(x, R3, x->lay->sc_val);
	E(MOV_I(R4, BPF_ANY));
	E(CALL(BPF_FUNC_map_update_elem));
	EJ(J_I(BPF_JEQ, R0, 0, 0), done);
	stat_inc(x, DT_BPF_ST_DYNDROPS);
	dt_bpf_place(&x->g, done);
}

static void op_var(xl_t *x, uint32_t pc, dif_instr_t in)
{
	unsigned op = DIF_INSTR_OP(in), rd = DIF_INSTR_RD(in),
		 r1 = DIF_INSTR_R1(in);
	uint32_t id = DIF_INSTR_UIMM(in), idx = 0;
	const dif_var_t *v;
	int fd;

	if (op == DIF_OP_LDGV && id < DIF_VAR_USER_BASE) {
		builtin(x, pc, id);
		rset(x, rd, R0);
		return;
	}
	if (op == DIF_OP_STGV && id < DIF_VAR_USER_BASE) {
		fail(x, "cannot assign to a built-in variable");
		return;
	}
	v = findvar(x, id, &idx);
	if (v == NULL)
		return;
	fd = x->env->maps->var[idx];
	switch (op) {
	case DIF_OP_LDGV:
	case DIF_OP_LDLV: {
		uint32_t off = v->dv_offset;
		int base = op == DIF_OP_LDGV ? R9 : R7;

		off += op == DIF_OP_LDGV ? x->lay->gl_data : x->lay->sc_locals;
		if (v->dv_type.dt_byref) {
			if (op == DIF_OP_LDGV) {
				E(LDX(BPF_DW, R0, FP, SL_GLOB));
				E(ALU_I(BPF_ADD, R0, (int32_t)off));
			} else {
				scaddr(x, R0, off);
			}
		} else {
			int sz = bpf_size(v->dv_type.dt_size);

			if (sz < 0) {
				fail(x, "variable of %u bytes",
				     v->dv_type.dt_size);
				return;
			}
			E(LDX(sz, R0, base, (int16_t)off));
			extend(x, R0, v->dv_type.dt_size, v->dv_type.dt_signed);
		}
		rset(x, rd, R0);
		return;
	}
	case DIF_OP_STGV:
	case DIF_OP_STLV: {
		uint32_t off = v->dv_offset;
		int base = op == DIF_OP_STGV ? R9 : R7;

		off += op == DIF_OP_STGV ? x->lay->gl_data : x->lay->sc_locals;
		if (v->dv_type.dt_byref) {
			rget(x, R3, r1);
			E(STX(BPF_DW, FP, R3, SL_FADDR));
			E(MOV_R(R1, base));
			E(ALU_I(BPF_ADD, R1, (int32_t)off));
			E(MOV_I(R2, (int32_t)v->dv_type.dt_size));
			if (v->dv_type.dt_string) {
				E(CALL(BPF_FUNC_probe_read_kernel_str));
				check_r0_neg(x, pc, DIF_FAULT_BADADDR);
			} else {
				E(CALL(BPF_FUNC_probe_read_kernel));
				check_r0(x, pc, DIF_FAULT_BADADDR);
			}
		} else {
			int sz = bpf_size(v->dv_type.dt_size);

			if (sz < 0) {
				fail(x, "variable of %u bytes",
				     v->dv_type.dt_size);
				return;
			}
			rget(x, R1, r1);
			E(STX(sz, base, R1, (int16_t)off));
		}
		return;
	}
	case DIF_OP_LDTV:
		tls_lookup(x, fd);
		var_load(x, v, rd);
		return;
	case DIF_OP_STTV:
		var_store(x, pc, v, r1, fd, 0, 1);
		return;
	case DIF_OP_LDGA:
	case DIF_OP_LDTA:
		assoc_key(x, op == DIF_OP_LDTA);
		ldmap(x, R1, fd);
		E(CALL(BPF_FUNC_map_lookup_elem));
		var_load(x, v, rd);
		x->tdepth = 0;
		return;
	case DIF_OP_STGA:
	case DIF_OP_STTA:
		var_store(x, pc, v, r1, fd, 1, op == DIF_OP_STTA);
		x->tdepth = 0;
		return;
	}
}

/* ---- stacks ---- */

/*
 * Kernel frames of the probe machinery to leave out: on a raw tracepoint
 * the program, bpf_trace_runN and the tracepoint's __bpf_trace_ stub
 * (perf events and kprobes take the stack from the probed context).
 */
static int stack_skip(const xl_t *x)
{
	switch (x->ctx) {
	case DT_BPF_CTX_SYSENTER:
	case DT_BPF_CTX_SYSEXIT:
	case DT_BPF_CTX_RAWTP:
		return 3;
	}
	return 0;
}

/*
 * Fill n bytes of scratch at off with this event's stack: kernel pcs, or
 * for a user stack the process id then pcs; unused frames stay 0 (the
 * consumer stops at the first).
 */
static void stack_fill(xl_t *x, uint32_t off, uint32_t n, int user)
{
	sczero(x, off, n);
	if (user) {
		E(CALL(BPF_FUNC_get_current_pid_tgid));
		E(ALU_I(BPF_RSH, R0, 32));
		E(STX(BPF_DW, R7, R0, (int16_t)off));
		off += 8;
		n -= 8;
	}
	if (n == 0)
		return;
	E(MOV_R(R1, R6));
	scptr(x, R2, off);
	E(MOV_I(R3, (int32_t)n));
	E(MOV_I(R4, user ? BPF_F_USER_STACK : stack_skip(x)));
	E(CALL(BPF_FUNC_get_stack));
}

/*
 * caller/ucaller (the second frame: the probed function's caller) and
 * stackdepth/ustackdepth, from a stack taken into static scratch.
 */
#define STACK_MAX 127 /* the kernel's default perf_event_max_stack */
static void stack_var(xl_t *x, int user, int depth)
{
	uint32_t off = salloc(x, 8 * STACK_MAX);

	E(MOV_R(R1, R6));
	scptr(x, R2, off);
	E(MOV_I(R3, 8 * STACK_MAX));
	E(MOV_I(R4, user ? BPF_F_USER_STACK : stack_skip(x)));
	E(CALL(BPF_FUNC_get_stack));
	if (depth) {
		E(J_I(BPF_JSGE, R0, 0, 1));
		E(MOV_I(R0, 0));
		E(ALU_I(BPF_RSH, R0, 3));
		return;
	}
	E(J_I(BPF_JSGE, R0, 16, 2));
	E(MOV_I(R0, 0));
	E(JA(1));
	E(LDX(BPF_DW, R0, R7, (int16_t)(off + 8)));
}

/*
 * uregs[i]: the user registers saved at kernel entry (bpf_task_pt_regs
 * of the current task), indexed as DTrace's R_* for x86-64 (R_R15 = 0 ..
 * R_RAX = 14, R_TRAPNO, R_ERR, R_RIP = 17, R_CS, R_RFL, R_RSP = 20,
 * R_SS = 21, then segment and base registers, which read as 0).  A larger
 * index is an illegal operation.
 */
static void uregs_var(xl_t *x, uint32_t pc)
{
	/* offset in struct pt_regs of each index; 0xff: not saved there */
	static const uint8_t regoff[28] = {
		0, 8, 16, 24, 48, 56, 64, 72, 112, 104, 32, 40, 96, 88, 80,
		0xff, 120, 128, 136, 144, 152, 160,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff
	};
	uint32_t tab = salloc(x, sizeof(regoff)), none = dt_bpf_label(&x->g),
		 out = dt_bpf_label(&x->g);
	uint32_t k;

	for (k = 0; k < sizeof(regoff); k++)
		E(ST(BPF_B, R7, (int16_t)(tab + k), regoff[k]));
	E(LDX(BPF_DW, R1, R7, (int16_t)x->lay->sc_tupv));
	E(J_I(BPF_JLT, R1, (int32_t)sizeof(regoff), 4));
	fault_stub(x, pc, DIF_FAULT_ILLOP);
	E(ALU_R(BPF_ADD, R1, R7));
	E(LDX(BPF_B, R1, R1, (int16_t)tab));
	EJ(J_I(BPF_JEQ, R1, 0xff, 0), none);
	E(STX(BPF_DW, FP, R1, SL_TMP2));
	E(CALL(BPF_FUNC_get_current_task_btf));
	E(MOV_R(R1, R0));
	E(CALL(BPF_FUNC_task_pt_regs));
	ptr2num(x, R3);
	E(LDX(BPF_DW, R1, FP, SL_TMP2));
	E(ALU_R(BPF_ADD, R3, R1));
	kread(x, 8);
	EJ(JA(0), out);
	dt_bpf_place(&x->g, none);
	E(MOV_I(R0, 0));
	dt_bpf_place(&x->g, out);
}

/*
 * The aggregation whose key a tuple push at pc builds: the next AGG,
 * unless another user of the tuple stack (a subroutine call, an
 * associative array, args[]/uregs[]) comes first.
 */
static const dt_aggdesc_t *agg_ahead(xl_t *x, uint32_t pc)
{
	const dt_program_t *p = x->env->prog;
	uint32_t k;

	for (k = pc + 1; k < x->dp->dtdo_len; k++) {
		dif_instr_t in = x->dp->dtdo_buf[k];
		uint32_t id = DIF_INSTR_UIMM(in);

		switch (DIF_INSTR_OP(in)) {
		case DIF_OP_CALL: case DIF_OP_LDGA: case DIF_OP_STGA:
		case DIF_OP_LDTA: case DIF_OP_STTA: case DIF_OP_FLUSHTS:
		case DIF_OP_POPTS:
			return NULL; /* another user of the tuple stack */
		case DIF_OP_LDGV:
			if (id == DIF_VAR_ARGS || id == DIF_VAR_UREGS)
				return NULL;
			break;
		}
		if (DIF_INSTR_OP(in) == DIF_OP_AGG)
			return id >= 1 && id <= p->dp_naggs ? &p->dp_aggs[id - 1] :
							      NULL;
	}
	return NULL;
}

/* ---- records ---- */

static void op_rec(xl_t *x, uint32_t pc, dif_instr_t in)
{
	const difo_t *dp = x->dp;
	uint32_t k = DIF_INSTR_UIMM(in);
	const dif_recslot_t *s;
	uint32_t dst;

	if (k >= dp->dtdo_nslots) {
		fail(x, "bad record slot %u", k);
		return;
	}
	s = &dp->dtdo_slots[k];
	if ((uint64_t)s->rs_offset + s->rs_size > dp->dtdo_recsize ||
	    dp->dtdo_recsize > x->lay->maxrec) {
		fail(x, "record slot %u is outside the record", k);
		return;
	}
	dst = x->lay->sc_rec + sizeof(dt_bpf_msg_t) + sizeof(dt_rechdr_t) +
	      s->rs_offset;
	if (x->inst->in_clause->dc_slotfmt != NULL &&
	    (x->inst->in_clause->dc_slotfmt[k] == DT_FMT_STACK ||
	     x->inst->in_clause->dc_slotfmt[k] == DT_FMT_USTACK)) {
		/* stack()/ustack(): the backend takes the stack itself */
		stack_fill(x, dst, s->rs_size,
			   x->inst->in_clause->dc_slotfmt[k] == DT_FMT_USTACK);
		return;
	}
	rget(x, R3, DIF_INSTR_R1(in));
	if (!s->rs_byref) {
		int sz = bpf_size(s->rs_size);

		if (sz < 0) {
			fail(x, "record slot of %u bytes", s->rs_size);
			return;
		}
		E(STX(sz, R7, R3, (int16_t)dst));
		return;
	}
	E(STX(BPF_DW, FP, R3, SL_FADDR));
	if (s->rs_string)
		sczero(x, dst, s->rs_size);
	scptr(x, R1, dst);
	E(MOV_I(R2, (int32_t)s->rs_size));
	if (s->rs_string) {
		E(CALL(s->rs_user ? BPF_FUNC_probe_read_user_str :
				    BPF_FUNC_probe_read_kernel_str));
		check_r0_neg(x, pc, DIF_FAULT_BADADDR);
	} else {
		E(CALL(s->rs_user ? BPF_FUNC_probe_read_user :
				    BPF_FUNC_probe_read_kernel));
		check_r0(x, pc, DIF_FAULT_BADADDR);
	}
}

/* ---- strings ---- */

/* copy the string at the address in R3 into scratch off (strsize bytes) */
static void str_in(xl_t *x, uint32_t pc, uint32_t off, int user)
{
	E(STX(BPF_DW, FP, R3, SL_FADDR));
	scptr(x, R1, off);
	E(MOV_I(R2, (int32_t)x->lay->strsize));
	E(CALL(user ? BPF_FUNC_probe_read_user_str :
		      BPF_FUNC_probe_read_kernel_str));
	check_r0_neg(x, pc, DIF_FAULT_BADADDR);
}

/* str_in, but a NULL string (R3 == 0) reads as the empty one */
static void str_in_or_empty(xl_t *x, uint32_t pc, uint32_t off)
{
	uint32_t read = dt_bpf_label(&x->g), done = dt_bpf_label(&x->g);

	EJ(J_I(BPF_JNE, R3, 0, 0), read);
	scptr(x, R1, off);
	E(ST(BPF_B, R1, 0, 0));
	EJ(JA(0), done);
	dt_bpf_place(&x->g, read);
	str_in(x, pc, off, 0);
	dt_bpf_place(&x->g, done);
}

static void op_scmp(xl_t *x, uint32_t pc, dif_instr_t in)
{
	uint32_t loop = dt_bpf_label(&x->g), out = dt_bpf_label(&x->g),
		 lt = dt_bpf_label(&x->g), gt = dt_bpf_label(&x->g);

	/* as in DTrace, s == NULL compares NULL as "" */
	rget(x, R3, DIF_INSTR_R1(in));
	str_in_or_empty(x, pc, x->lay->sc_stra);
	rget(x, R3, DIF_INSTR_R2(in));
	str_in_or_empty(x, pc, x->lay->sc_strb);
	/* bytewise compare, bounded by strsize */
	scptr(x, R1, x->lay->sc_stra);
	scptr(x, R2, x->lay->sc_strb);
	E(MOV_I(R5, 0));
	E(MOV_I(R0, 0));
	dt_bpf_place(&x->g, loop);
	EJ(J_I(BPF_JGE, R5, (int32_t)x->lay->strsize, 0), out);
	E(LDX(BPF_B, R3, R1, 0));
	E(LDX(BPF_B, R4, R2, 0));
	EJ(J_R(BPF_JLT, R3, R4, 0), lt);
	EJ(J_R(BPF_JGT, R3, R4, 0), gt);
	EJ(J_I(BPF_JEQ, R3, 0, 0), out);
	E(ALU_I(BPF_ADD, R1, 1));
	E(ALU_I(BPF_ADD, R2, 1));
	E(ALU_I(BPF_ADD, R5, 1));
	EJ(JA(0), loop);
	dt_bpf_place(&x->g, lt);
	E(MOV_I(R0, -1));
	EJ(JA(0), out);
	dt_bpf_place(&x->g, gt);
	E(MOV_I(R0, 1));
	dt_bpf_place(&x->g, out);
	rset(x, DIF_INSTR_RD(in), R0);
}

/* ---- dynamic scratch (alloca, copyin) ---- */

/*
 * Reserve R2 bytes of the dynamic pool; R1 = real pointer, R0 = its
 * number.  The pool is followed by as much slack as it is big, so the
 * verifier can see (offset <= pool, size <= pool) stays inside the value.
 */
static void pool_alloc(xl_t *x, uint32_t pc)
{
	uint32_t ps = x->lay->pool_size;

	E(J_I(BPF_JLE, R2, (int32_t)ps, 4));
	fault_stub(x, pc, DIF_FAULT_NOSCRATCH);
	E(LDX(BPF_DW, R1, FP, SL_POOL));
	E(MOV_R(R0, R1));
	E(ALU_R(BPF_ADD, R0, R2));
	E(ALU_I(BPF_ADD, R0, 7));
	E(ALU_I(BPF_AND, R0, ~7));
	E(J_I(BPF_JLE, R0, (int32_t)ps, 4));
	fault_stub(x, pc, DIF_FAULT_NOSCRATCH);
	E(STX(BPF_DW, FP, R0, SL_POOL));
	E(J_I(BPF_JLE, R1, (int32_t)ps, 1)); /* for the verifier */
	E(MOV_I(R1, 0));
	E(MOV_R(R0, R8));
	E(ALU_I(BPF_ADD, R0, (int32_t)x->lay->sc_pool));
	E(ALU_R(BPF_ADD, R0, R1));
	E(ALU_R(BPF_ADD, R1, R7));
	E(ALU_I(BPF_ADD, R1, (int32_t)x->lay->sc_pool));
}

/* R1 = real pointer for the pool address in R3 with room for R2 bytes */
static void pool_ptr(xl_t *x, uint32_t pc)
{
	E(STX(BPF_DW, FP, R3, SL_FADDR));
	E(MOV_R(R1, R3));
	E(ALU_R(BPF_SUB, R1, R8));
	E(ALU_I(BPF_SUB, R1, (int32_t)x->lay->sc_pool));
	E(J_I(BPF_JLE, R2, (int32_t)x->lay->pool_size, 4));
	fault_stub(x, pc, DIF_FAULT_BADADDR);
	E(J_I(BPF_JLE, R1, (int32_t)x->lay->pool_size, 4));
	fault_stub(x, pc, DIF_FAULT_BADADDR);
	E(MOV_R(R0, R1));
	E(ALU_R(BPF_ADD, R0, R2));
	E(J_I(BPF_JLE, R0, (int32_t)x->lay->pool_size, 4));
	fault_stub(x, pc, DIF_FAULT_BADADDR);
	E(ALU_R(BPF_ADD, R1, R7));
	E(ALU_I(BPF_ADD, R1, (int32_t)x->lay->sc_pool));
}

/*
 * After a loop: forget what the verifier knows of reg (a round trip
 * through map memory), bound it again and clear R1, then force a pruning
 * point, so code after the loop is verified once, not once per exit.
 */
static void launder(xl_t *x, int reg, int32_t max)
{
	E(STX(BPF_DW, R7, reg, SC_TMPP));
	E(LDX(BPF_DW, reg, R7, SC_TMPP));
	E(J_I(BPF_JLE, reg, max, 1));
	E(MOV_I(reg, 0));
	E(MOV_I(R1, 0));
	E(JA(0));
}

static void tuparg(xl_t *x, int reg, int k)
{
	E(LDX(BPF_DW, reg, R7, (int16_t)(x->lay->sc_tupv + 8 * k)));
}

/* the helpers dt_bpf_str.c uses */
void dt_bpf_xl_fault(xl_t *x, uint32_t pc, int code)
{
	fault_stub(x, pc, code);
}

void dt_bpf_xl_str_in(xl_t *x, uint32_t pc, uint32_t off)
{
	str_in(x, pc, off, 0);
}

uint32_t dt_bpf_xl_salloc(xl_t *x, uint32_t n)
{
	return salloc(x, n);
}

void dt_bpf_xl_sczero(xl_t *x, uint32_t off, uint32_t n)
{
	sczero(x, off, n);
}

void dt_bpf_xl_tuparg(xl_t *x, int reg, int k)
{
	tuparg(x, reg, k);
}

static void op_call(xl_t *x, uint32_t pc, dif_instr_t in)
{
	uint32_t subr = DIF_INSTR_UIMM(in);
	int nargs = x->tdepth;
	const char *name = dif_subr_name(subr);

	switch (subr) {
	case DIF_SUBR_RAND:
		E(CALL(BPF_FUNC_get_prandom_u32));
		break;
	case DIF_SUBR_STRLEN:
		if (nargs < 1)
			goto args;
		tuparg(x, R3, 0);
		str_in(x, pc, x->lay->sc_stra, 0);
		E(ALU_I(BPF_SUB, R0, 1));
		break;
	case DIF_SUBR_HTONS:
	case DIF_SUBR_NTOHS:
	case DIF_SUBR_HTONL:
	case DIF_SUBR_NTOHL:
	case DIF_SUBR_HTONLL:
	case DIF_SUBR_NTOHLL: {
		int bits = (subr == DIF_SUBR_HTONS || subr == DIF_SUBR_NTOHS) ?
				   16 :
			   (subr == DIF_SUBR_HTONL || subr == DIF_SUBR_NTOHL) ?
				   32 :
				   64;
		if (nargs < 1)
			goto args;
		tuparg(x, R0, 0);
		E(BSWAP_BE(R0, bits));
		break;
	}
	case DIF_SUBR_COPYINSTR: {
		uint32_t off = salloc(x, x->lay->strsize);

		if (nargs < 1)
			goto args;
		tuparg(x, R3, 0);
		sczero(x, off, x->lay->strsize);
		str_in(x, pc, off, 1);
		scaddr(x, R0, off);
		break;
	}
	case DIF_SUBR_COPYIN:
	case DIF_SUBR_ALLOCA: {
		if (nargs < (subr == DIF_SUBR_COPYIN ? 2 : 1))
			goto args;
		tuparg(x, R2, subr == DIF_SUBR_COPYIN ? 1 : 0);
		pool_alloc(x, pc);
		E(STX(BPF_DW, FP, R0, SL_TMP2));
		tuparg(x, R2, subr == DIF_SUBR_COPYIN ? 1 : 0);
		E(J_I(BPF_JLE, R2, (int32_t)x->lay->pool_size, 1));
		E(MOV_I(R2, 0));
		if (subr == DIF_SUBR_COPYIN) {
			tuparg(x, R3, 0);
			E(STX(BPF_DW, FP, R3, SL_FADDR));
			E(CALL(BPF_FUNC_probe_read_user));
			check_r0(x, pc, DIF_FAULT_BADADDR);
		} else {
			/* a failed read of address 0 zeroes the buffer */
			E(MOV_I(R3, 0));
			E(CALL(BPF_FUNC_probe_read_kernel));
		}
		E(LDX(BPF_DW, R0, FP, SL_TMP2));
		break;
	}
	case DIF_SUBR_BCOPY:
	case DIF_SUBR_COPYINTO: {
		int user = subr == DIF_SUBR_COPYINTO;

		if (nargs < 3)
			goto args;
		tuparg(x, R3, user ? 2 : 1); /* destination */
		tuparg(x, R2, user ? 1 : 2); /* size */
		pool_ptr(x, pc);
		tuparg(x, R2, user ? 1 : 2);
		E(J_I(BPF_JLE, R2, (int32_t)x->lay->pool_size, 1));
		E(MOV_I(R2, 0));
		tuparg(x, R3, 0);
		E(STX(BPF_DW, FP, R3, SL_FADDR));
		E(CALL(user ? BPF_FUNC_probe_read_user :
			      BPF_FUNC_probe_read_kernel));
		check_r0(x, pc, DIF_FAULT_BADADDR);
		E(MOV_I(R0, 0));
		break;
	}
	case DIF_SUBR_STRJOIN: {
		uint32_t off = salloc(x, 2 * x->lay->strsize);

		if (nargs < 2)
			goto args;
		sczero(x, off, x->lay->strsize);
		tuparg(x, R3, 0);
		str_in(x, pc, off, 0);
		/* second string starts on the first one's NUL */
		E(ALU_I(BPF_SUB, R0, 1));
		E(J_I(BPF_JLE, R0, (int32_t)x->lay->strsize - 1, 1));
		E(MOV_I(R0, 0));
		E(MOV_R(R1, R7));
		E(ALU_I(BPF_ADD, R1, (int32_t)off));
		E(ALU_R(BPF_ADD, R1, R0));
		E(MOV_I(R2, (int32_t)x->lay->strsize));
		E(ALU_R(BPF_SUB, R2, R0));
		tuparg(x, R3, 1);
		E(STX(BPF_DW, FP, R3, SL_FADDR));
		E(CALL(BPF_FUNC_probe_read_kernel_str));
		check_r0_neg(x, pc, DIF_FAULT_BADADDR);
		scaddr(x, R0, off);
		break;
	}
	case DIF_SUBR_TOUPPER:
	case DIF_SUBR_TOLOWER: {
		uint32_t off = salloc(x, x->lay->strsize);
		uint32_t loop = dt_bpf_label(&x->g), out = dt_bpf_label(&x->g),
			 nx = dt_bpf_label(&x->g);
		int lo = subr == DIF_SUBR_TOUPPER ? 'a' : 'A';

		if (nargs < 1)
			goto args;
		sczero(x, off, x->lay->strsize);
		tuparg(x, R3, 0);
		str_in(x, pc, off, 0);
		scptr(x, R1, off);
		E(MOV_I(R5, 0));
		dt_bpf_place(&x->g, loop);
		EJ(J_I(BPF_JGE, R5, (int32_t)x->lay->strsize, 0), out);
		E(LDX(BPF_B, R2, R1, 0));
		EJ(J_I(BPF_JEQ, R2, 0, 0), out);
		EJ(J_I(BPF_JLT, R2, lo, 0), nx);
		EJ(J_I(BPF_JGT, R2, lo + 25, 0), nx);
		E(ALU_I(BPF_XOR, R2, 0x20));
		E(STX(BPF_B, R1, R2, 0));
		dt_bpf_place(&x->g, nx);
		E(ALU_I(BPF_ADD, R1, 1));
		E(ALU_I(BPF_ADD, R5, 1));
		EJ(JA(0), loop);
		dt_bpf_place(&x->g, out);
		scaddr(x, R0, off);
		break;
	}
	case DIF_SUBR_STRCHR:
	case DIF_SUBR_STRRCHR: {
		uint32_t loop = dt_bpf_label(&x->g), next = dt_bpf_label(&x->g),
			 done = dt_bpf_label(&x->g), none = dt_bpf_label(&x->g),
			 out = dt_bpf_label(&x->g);

		if (nargs < 2)
			goto args;
		tuparg(x, R3, 0);
		str_in(x, pc, x->lay->sc_stra, 0);
		/* positions 0..len: the NUL can be searched for too */
		E(MOV_R(R5, R0));
		E(J_I(BPF_JLE, R5, (int32_t)x->lay->strsize, 1));
		E(MOV_I(R5, (int32_t)x->lay->strsize));
		tuparg(x, R4, 1);
		E(ALU_I(BPF_AND, R4, 0xff));
		E(STX(BPF_DW, FP, R4, SL_TMP2));
		scptr(x, R1, x->lay->sc_stra);
		E(MOV_I(R2, 0));
		E(MOV_I(R0, -1));
		dt_bpf_place(&x->g, loop);
		EJ(J_R(BPF_JGE, R2, R5, 0), done);
		E(LDX(BPF_B, R3, R1, 0));
		if (subr == DIF_SUBR_STRCHR) {
			EJ(J_R(BPF_JNE, R3, R4, 0), next);
			E(MOV_R(R0, R2));
			EJ(JA(0), done);
		} else {
			/*
			 * Without a branch, so the verifier walks the loop
			 * once: hit = (c ^ t) == 0; R0 += hit * (i - R0).
			 */
			E(LDX(BPF_DW, R4, FP, SL_TMP2));
			E(ALU_R(BPF_XOR, R3, R4));
			E(ALU_I(BPF_SUB, R3, 1));
			E(ALU_I(BPF_RSH, R3, 63));
			E(MOV_R(R4, R2));
			E(ALU_R(BPF_SUB, R4, R0));
			E(ALU_R(BPF_MUL, R4, R3));
			E(ALU_R(BPF_ADD, R0, R4));
		}
		dt_bpf_place(&x->g, next);
		E(ALU_I(BPF_ADD, R1, 1));
		E(ALU_I(BPF_ADD, R2, 1));
		EJ(JA(0), loop);
		dt_bpf_place(&x->g, done);
		EJ(J_I(BPF_JSLT, R0, 0, 0), none);
		tuparg(x, R1, 0);
		E(ALU_R(BPF_ADD, R0, R1));
		EJ(JA(0), out);
		dt_bpf_place(&x->g, none);
		E(MOV_I(R0, 0));
		dt_bpf_place(&x->g, out);
		break;
	}
	case DIF_SUBR_SUBSTR: {
		uint32_t off = salloc(x, x->lay->strsize);
		uint32_t l1 = dt_bpf_label(&x->g), l2 = dt_bpf_label(&x->g),
			 l3 = dt_bpf_label(&x->g), l4 = dt_bpf_label(&x->g),
			 l5 = dt_bpf_label(&x->g), l6 = dt_bpf_label(&x->g),
			 zero = dt_bpf_label(&x->g), copy = dt_bpf_label(&x->g),
			 out = dt_bpf_label(&x->g);
		int size = (int)x->lay->strsize;

		if (nargs < 2)
			goto args;
		sczero(x, off, x->lay->strsize);
		tuparg(x, R3, 0);
		str_in(x, pc, x->lay->sc_stra, 0);
		E(MOV_R(R3, R0));
		E(ALU_I(BPF_SUB, R3, 1)); /* len */
		tuparg(x, R1, 1); /* index */
		if (nargs > 2)
			tuparg(x, R2, 2); /* remaining */
		else
			E(MOV_I(R2, size));
		/* a negative index counts from the end; what lies before the
		 * start is cut off (as dif_subr.c does) */
		EJ(J_I(BPF_JSGE, R1, 0, 0), l1);
		E(ALU_R(BPF_ADD, R1, R3));
		EJ(J_I(BPF_JSGE, R1, 0, 0), l1);
		E(MOV_R(R4, R1));
		E(ALU_R(BPF_ADD, R4, R2));
		EJ(J_I(BPF_JSLE, R4, 0, 0), l1);
		E(MOV_R(R2, R4));
		E(MOV_I(R1, 0));
		dt_bpf_place(&x->g, l1);
		EJ(J_R(BPF_JSGE, R1, R3, 0), zero);
		EJ(J_I(BPF_JSLT, R1, 0, 0), zero);
		EJ(J_I(BPF_JSGE, R2, 0, 0), l2);
		E(ALU_R(BPF_ADD, R2, R3));
		E(ALU_R(BPF_SUB, R2, R1));
		EJ(JA(0), l3);
		dt_bpf_place(&x->g, l2);
		E(MOV_R(R4, R1));
		E(ALU_R(BPF_ADD, R4, R2));
		EJ(J_I(BPF_JSLE, R4, size, 0), l3);
		E(MOV_I(R2, size));
		E(ALU_R(BPF_SUB, R2, R1));
		dt_bpf_place(&x->g, l3);
		EJ(J_I(BPF_JSGE, R2, 0, 0), l4);
		E(MOV_I(R2, 0));
		dt_bpf_place(&x->g, l4);
		E(MOV_R(R4, R3));
		E(ALU_R(BPF_SUB, R4, R1));
		EJ(J_R(BPF_JSLE, R2, R4, 0), l5);
		E(MOV_R(R2, R4));
		EJ(J_I(BPF_JSGT, R2, 0, 0), l5);
		dt_bpf_place(&x->g, zero);
		E(MOV_I(R2, 0));
		dt_bpf_place(&x->g, l5);
		EJ(J_I(BPF_JSLE, R2, 0, 0), out);
		dt_bpf_place(&x->g, copy);
		/* copy R2 bytes from the copy at index R1 */
		E(J_I(BPF_JLE, R2, size - 1, 1));
		E(MOV_I(R2, size - 1));
		E(MOV_R(R3, R8));
		E(ALU_I(BPF_ADD, R3, (int32_t)x->lay->sc_stra));
		E(ALU_R(BPF_ADD, R3, R1));
		scptr(x, R1, off);
		E(CALL(BPF_FUNC_probe_read_kernel));
		EJ(JA(0), out);
		dt_bpf_place(&x->g, l6);
		dt_bpf_place(&x->g, out);
		scaddr(x, R0, off);
		break;
	}
	case DIF_SUBR_BASENAME:
	case DIF_SUBR_DIRNAME: {
		uint32_t off = salloc(x, x->lay->strsize);
		uint32_t e1 = dt_bpf_label(&x->g), e2 = dt_bpf_label(&x->g),
			 s1 = dt_bpf_label(&x->g), s2 = dt_bpf_label(&x->g),
			 dot = dt_bpf_label(&x->g), slash = dt_bpf_label(&x->g),
			 copy = dt_bpf_label(&x->g), out = dt_bpf_label(&x->g);
		int size = (int)x->lay->strsize;

		if (nargs < 1)
			goto args;
		sczero(x, off, x->lay->strsize);
		tuparg(x, R3, 0);
		str_in(x, pc, x->lay->sc_stra, 0);
		E(MOV_R(R3, R0));
		E(ALU_I(BPF_SUB, R3, 1)); /* len */
		E(J_I(BPF_JLE, R3, size - 1, 1));
		E(MOV_I(R3, size - 1));
		EJ(J_I(BPF_JEQ, R3, 0, 0), dot);
		/* end: drop trailing slashes (keep one character) */
		E(MOV_R(R4, R3));
		dt_bpf_place(&x->g, e1);
		EJ(J_I(BPF_JLE, R4, 1, 0), e2);
		E(MOV_R(R1, R7));
		E(ALU_I(BPF_ADD, R1, (int32_t)x->lay->sc_stra - 1));
		E(ALU_R(BPF_ADD, R1, R4));
		E(LDX(BPF_B, R1, R1, 0));
		EJ(J_I(BPF_JNE, R1, '/', 0), e2);
		E(ALU_I(BPF_SUB, R4, 1));
		EJ(JA(0), e1);
		dt_bpf_place(&x->g, e2);
		launder(x, R4, size - 1);
		/* "/" alone */
		E(LDX(BPF_B, R1, R7, (int16_t)x->lay->sc_stra));
		E(J_I(BPF_JNE, R4, 1, 1));
		EJ(J_I(BPF_JEQ, R1, '/', 0), slash);
		/* start: back to the last slash before end */
		E(MOV_R(R5, R4));
		dt_bpf_place(&x->g, s1);
		EJ(J_I(BPF_JEQ, R5, 0, 0), s2);
		E(J_I(BPF_JLE, R5, size - 1, 1));
		E(MOV_I(R5, size - 1));
		E(MOV_R(R1, R7));
		E(ALU_I(BPF_ADD, R1, (int32_t)x->lay->sc_stra - 1));
		E(ALU_R(BPF_ADD, R1, R5));
		E(LDX(BPF_B, R1, R1, 0));
		EJ(J_I(BPF_JEQ, R1, '/', 0), s2);
		E(ALU_I(BPF_SUB, R5, 1));
		EJ(JA(0), s1);
		dt_bpf_place(&x->g, s2);
		launder(x, R5, size - 1);
		if (subr == DIF_SUBR_BASENAME) {
			/* [start, end) */
			E(MOV_R(R2, R4));
			E(ALU_R(BPF_SUB, R2, R5));
			E(MOV_R(R1, R5));
			EJ(JA(0), copy);
		} else {
			uint32_t d1 = dt_bpf_label(&x->g), d2 = dt_bpf_label(&x->g);

			EJ(J_I(BPF_JEQ, R5, 0, 0), dot);
			/* [0, start) without its trailing slashes */
			E(MOV_R(R4, R5));
			dt_bpf_place(&x->g, d1);
			EJ(J_I(BPF_JLE, R4, 1, 0), d2);
			E(J_I(BPF_JLE, R4, size - 1, 1));
			E(MOV_I(R4, size - 1));
			E(MOV_R(R1, R7));
			E(ALU_I(BPF_ADD, R1, (int32_t)x->lay->sc_stra - 1));
			E(ALU_R(BPF_ADD, R1, R4));
			E(LDX(BPF_B, R1, R1, 0));
			EJ(J_I(BPF_JNE, R1, '/', 0), d2);
			E(ALU_I(BPF_SUB, R4, 1));
			EJ(JA(0), d1);
			dt_bpf_place(&x->g, d2);
			launder(x, R4, size - 1);
			E(MOV_R(R2, R4));
			E(MOV_I(R1, 0));
			EJ(JA(0), copy);
		}
		dt_bpf_place(&x->g, dot);
		E(ST(BPF_B, R7, (int16_t)off, '.'));
		EJ(JA(0), out);
		dt_bpf_place(&x->g, slash);
		E(ST(BPF_B, R7, (int16_t)off, '/'));
		EJ(JA(0), out);
		dt_bpf_place(&x->g, copy);
		E(J_I(BPF_JLE, R2, size - 1, 1));
		E(MOV_I(R2, size - 1));
		E(MOV_R(R3, R8));
		E(ALU_I(BPF_ADD, R3, (int32_t)x->lay->sc_stra));
		E(ALU_R(BPF_ADD, R3, R1));
		scptr(x, R1, off);
		E(CALL(BPF_FUNC_probe_read_kernel));
		dt_bpf_place(&x->g, out);
		scaddr(x, R0, off);
		break;
	}
	case DIF_SUBR_SPECULATION: {
		uint32_t got = dt_bpf_label(&x->g);
		uint32_t k;

		/* claim a free speculation: state 0 -> 1 with cmpxchg */
		E(MOV_I(R0, 0));
		E(STX(BPF_DW, FP, R0, SL_TMP2));
		for (k = 1; k <= x->env->nspec && k <= 16; k++) {
			uint32_t nx = dt_bpf_label(&x->g);

			E(ST(BPF_W, FP, SL_TMP, (int32_t)k));
			ldmap(x, R1, x->env->maps->spec);
			E(MOV_R(R2, FP));
			E(ALU_I(BPF_ADD, R2, SL_TMP));
			E(CALL(BPF_FUNC_map_lookup_elem));
			EJ(J_I(BPF_JEQ, R0, 0, 0), nx);
			E(MOV_R(R1, R0));
			E(MOV_I(R0, 0));
			E(MOV_I(R2, 1));
			E(BI(BPF_STX | BPF_DW | BPF_ATOMIC, R1, R2, 0,
			     BPF_CMPXCHG));
			EJ(J_I(BPF_JNE, R0, 0, 0), nx);
			E(ST(BPF_DW, FP, SL_TMP2, (int32_t)k));
			EJ(JA(0), got);
			dt_bpf_place(&x->g, nx);
		}
		stat_inc(x, DT_BPF_ST_SPECUNAVAIL); /* none free: returns 0 */
		dt_bpf_place(&x->g, got);
		E(LDX(BPF_DW, R0, FP, SL_TMP2));
		break;
	}
	case DIF_SUBR_PROGENYOF: {
		uint32_t yes = dt_bpf_label(&x->g), out = dt_bpf_label(&x->g);
		int k;

		if (nargs < 1)
			goto args;
		E(CALL(BPF_FUNC_get_current_task));
		E(STX(BPF_DW, FP, R0, SL_TMP2));
		for (k = 0; k < 32; k++) {
			E(LDX(BPF_DW, R3, FP, SL_TMP2));
			E(ALU_I(BPF_ADD, R3, x->lay->tgid_off));
			kread(x, 4);
			tuparg(x, R1, 0);
			EJ(J_R(BPF_JEQ, R0, R1, 0), yes);
			EJ(J_I(BPF_JEQ, R0, 1, 0), out); /* reached init */
			E(LDX(BPF_DW, R3, FP, SL_TMP2));
			E(ALU_I(BPF_ADD, R3, x->lay->parent_off));
			kread(x, 8);
			EJ(J_I(BPF_JEQ, R0, 0, 0), out);
			E(STX(BPF_DW, FP, R0, SL_TMP2));
		}
		dt_bpf_place(&x->g, out);
		E(MOV_I(R0, 0));
		E(JA(1));
		dt_bpf_place(&x->g, yes);
		E(MOV_I(R0, 1));
		break;
	}
	default:
		switch (dt_bpf_str_call(x, pc, subr, nargs)) {
		case 1:
			break;
		case -2:
			goto args;
		default:
			fail(x, "subroutine %s() is not supported by the BPF "
			     "backend", name != NULL ? name : "?");
			return;
		}
		break;
	}
	rset(x, DIF_INSTR_RD(in), R0);
	x->tdepth = 0;
	x->toff = 0;
	return;
args:
	fail(x, "subroutine %s() called with %d arguments",
	     name != NULL ? name : "?", nargs);
}

/* ---- speculation control messages ---- */

static void spec_msg(xl_t *x, uint32_t tag, unsigned r1)
{
	uint32_t off = x->lay->sc_err; /* reuse: 8 bytes are enough */

	E(CALL(BPF_FUNC_get_smp_processor_id));
	E(STX(BPF_W, R7, R0, (int16_t)off));
	rget(x, R1, r1);
	E(ALU_I(BPF_AND, R1, 0xffff));
	E(ALU_I(BPF_OR, R1, (int32_t)tag));
	E(STX(BPF_W, R7, R1, (int16_t)(off + 4)));
	scptr(x, R2, off);
	E(MOV_I(R3, 8));
	dt_bpf_xl_output(x);
}

/* ---- one clause ---- */

static int xl_clause(xl_t *x, const dt_bpf_inst_t *inst, int in_error);

/*
 * Signed BPF division (off = 1) came with cpu v4 in Linux 6.6; older
 * verifiers call it "reserved fields".  Ask the kernel once with a tiny
 * program.
 */
static int has_sdiv(void)
{
	static int known = -1;
	struct bpf_insn p[] = {
		MOV_I(R0, 7), MOV_I(R1, -2), SDIV_R(R0, R1), EXIT(),
	};
	int fd;

	if (known >= 0)
		return known;
	fd = bpf_prog_load(BPF_PROG_TYPE_SOCKET_FILTER, "dt_sdiv", "GPL", p,
			   sizeof(p) / sizeof(p[0]), NULL);
	known = fd >= 0;
	if (fd >= 0)
		close(fd);
	if (getenv("DT_BPF_NO_SDIV") != NULL) /* to test the fallback here */
		known = 0;
	return known;
}

/*
 * R1 = R1 s/ R2 (or s% R2), R2 != 0, through unsigned division of the
 * magnitudes: the quotient is negative when the signs differ, the
 * remainder takes the dividend's sign (C truncation).  INT64_MIN's
 * magnitude 2^63 is exact unsigned, so INT64_MIN / -1 = INT64_MIN and
 * INT64_MIN % -1 = 0 as in the VM.
 */
static void sdiv_emul(xl_t *x, int rem)
{
	E(MOV_R(R3, R1));
	if (!rem)
		E(ALU_R(BPF_XOR, R3, R2));
	E(J_I(BPF_JSGE, R1, 0, 1));
	E(ALU_I(BPF_NEG, R1, 0));
	E(J_I(BPF_JSGE, R2, 0, 1));
	E(ALU_I(BPF_NEG, R2, 0));
	E(ALU_R(rem ? BPF_MOD : BPF_DIV, R1, R2));
	E(J_I(BPF_JSGE, R3, 0, 1));
	E(ALU_I(BPF_NEG, R1, 0));
}
static int is_target(const difo_t *dp, uint32_t pc);

static void op_one(xl_t *x, uint32_t pc, dif_instr_t in)
{
	unsigned op = DIF_INSTR_OP(in), rd = DIF_INSTR_RD(in),
		 r1 = DIF_INSTR_R1(in), r2 = DIF_INSTR_R2(in);
	uint32_t len = x->dp->dtdo_len;

	switch (op) {
	case DIF_OP_NOP:
		return;
	case DIF_OP_ADD: case DIF_OP_SUB: case DIF_OP_MUL: case DIF_OP_AND:
	case DIF_OP_OR: case DIF_OP_XOR: case DIF_OP_SHL: case DIF_OP_SRL:
	case DIF_OP_SRA: {
		static const int bop[] = {
			[DIF_OP_ADD] = BPF_ADD, [DIF_OP_SUB] = BPF_SUB,
			[DIF_OP_MUL] = BPF_MUL, [DIF_OP_AND] = BPF_AND,
			[DIF_OP_OR] = BPF_OR, [DIF_OP_XOR] = BPF_XOR,
			[DIF_OP_SHL] = BPF_LSH, [DIF_OP_SRL] = BPF_RSH,
			[DIF_OP_SRA] = BPF_ARSH,
		};
		rget(x, R1, r1);
		rget(x, R2, r2);
		if (op == DIF_OP_SHL || op == DIF_OP_SRL || op == DIF_OP_SRA)
			E(ALU_I(BPF_AND, R2, 63));
		E(ALU_R(bop[op], R1, R2));
		rset(x, rd, R1);
		return;
	}
	case DIF_OP_SDIV: case DIF_OP_UDIV: case DIF_OP_SREM:
	case DIF_OP_UREM:
		rget(x, R1, r1);
		rget(x, R2, r2);
		E(J_I(BPF_JNE, R2, 0, 4));
		fault_stub(x, pc, DIF_FAULT_DIVZERO);
		if ((op == DIF_OP_SDIV || op == DIF_OP_SREM) && has_sdiv())
			E(op == DIF_OP_SDIV ? SDIV_R(R1, R2) : SMOD_R(R1, R2));
		else if (op == DIF_OP_SDIV || op == DIF_OP_SREM)
			sdiv_emul(x, op == DIF_OP_SREM);
		else
			E(ALU_R(op == DIF_OP_UDIV ? BPF_DIV : BPF_MOD, R1, R2));
		rset(x, rd, R1);
		return;
	case DIF_OP_NOT:
		rget(x, R1, r1);
		E(ALU_I(BPF_XOR, R1, -1));
		rset(x, rd, R1);
		return;
	case DIF_OP_MOV:
		rget(x, R1, r1);
		rset(x, rd, R1);
		return;
	case DIF_OP_SEXT:
	case DIF_OP_ZEXT: {
		uint32_t bits = DIF_INSTR_UIMM(in);

		rget(x, R1, r1);
		if (bits != 8 && bits != 16 && bits != 32) {
			fail(x, "%s by %u bits", op == DIF_OP_SEXT ? "sext" :
			     "zext", bits);
			return;
		}
		if (op == DIF_OP_SEXT) {
			E(ALU_I(BPF_LSH, R1, 64 - (int)bits));
			E(ALU_I(BPF_ARSH, R1, 64 - (int)bits));
		} else if (bits == 32) {
			E(ALU32_R(BPF_MOV, R1, R1));
		} else {
			E(ALU_I(BPF_AND, R1, bits == 8 ? 0xff : 0xffff));
		}
		rset(x, rd, R1);
		return;
	}
	case DIF_OP_LDI:
		E(MOV_I(R1, DIF_INSTR_IMM(in)));
		rset(x, rd, R1);
		return;
	case DIF_OP_SETX:
		if (DIF_INSTR_UIMM(in) >= x->dp->dtdo_intlen) {
			fail(x, "integer table index out of range");
			return;
		}
		ld64(x, R1, x->dp->dtdo_inttab[DIF_INSTR_UIMM(in)]);
		rset(x, rd, R1);
		return;
	case DIF_OP_SETS:
		if (DIF_INSTR_UIMM(in) >= x->dp->dtdo_strlen) {
			fail(x, "string table offset out of range");
			return;
		}
		E(LDX(BPF_DW, R1, FP, SL_CONST));
		E(ALU_I(BPF_ADD, R1,
			(int32_t)(x->lay->co_strtab[x->inst->in_clidx] +
				  DIF_INSTR_UIMM(in))));
		rset(x, rd, R1);
		return;
	case DIF_OP_BA: case DIF_OP_BEQ: case DIF_OP_BNE: case DIF_OP_BLT:
	case DIF_OP_BLE: case DIF_OP_BGT: case DIF_OP_BGE: case DIF_OP_BLTU:
	case DIF_OP_BLEU: case DIF_OP_BGTU: case DIF_OP_BGEU: {
		static const int jop[] = {
			[DIF_OP_BEQ] = BPF_JEQ, [DIF_OP_BNE] = BPF_JNE,
			[DIF_OP_BLT] = BPF_JSLT, [DIF_OP_BLE] = BPF_JSLE,
			[DIF_OP_BGT] = BPF_JSGT, [DIF_OP_BGE] = BPF_JSGE,
			[DIF_OP_BLTU] = BPF_JLT, [DIF_OP_BLEU] = BPF_JLE,
			[DIF_OP_BGTU] = BPF_JGT, [DIF_OP_BGEU] = BPF_JGE,
		};
		uint32_t to = DIF_INSTR_UIMM(in);

		if (to <= pc || to > len) {
			fail(x, "branch at DIF offset %u does not go forward",
			     pc * 8);
			return;
		}
		if (op == DIF_OP_BA) {
			EJ(JA(0), x->lab_pc0 + to);
			return;
		}
		rget(x, R1, r1);
		if (r2 == 0) {
			EJ(J_I(jop[op], R1, 0, 0), x->lab_pc0 + to);
		} else {
			rget(x, R2, r2);
			EJ(J_R(jop[op], R1, R2, 0), x->lab_pc0 + to);
		}
		return;
	}
	case DIF_OP_SCMP:
		op_scmp(x, pc, in);
		return;
	case DIF_OP_LDSB: case DIF_OP_LDSH: case DIF_OP_LDSW:
	case DIF_OP_LDUB: case DIF_OP_LDUH: case DIF_OP_LDUW:
	case DIF_OP_LDX: {
		static const int size[] = {
			[DIF_OP_LDSB] = 1, [DIF_OP_LDSH] = 2, [DIF_OP_LDSW] = 4,
			[DIF_OP_LDUB] = 1, [DIF_OP_LDUH] = 2, [DIF_OP_LDUW] = 4,
			[DIF_OP_LDX] = 8,
		};
		int n = size[op];

		rget(x, R3, r1);
		if (DIF_INSTR_IMM(in) != 0)
			E(ALU_I(BPF_ADD, R3, DIF_INSTR_IMM(in)));
		E(STX(BPF_DW, FP, R3, SL_FADDR));
		if (n > 1) {
			/* DTrace wants natural alignment */
			E(MOV_R(R1, R3));
			E(ALU_I(BPF_AND, R1, n - 1));
			E(J_I(BPF_JEQ, R1, 0, 4));
			fault_stub(x, pc, DIF_FAULT_BADALIGN);
		}
		E(ST(BPF_DW, FP, SL_TMP, 0));
		E(MOV_R(R1, FP));
		E(ALU_I(BPF_ADD, R1, SL_TMP));
		E(MOV_I(R2, n));
		E(CALL(BPF_FUNC_probe_read_kernel));
		check_r0(x, pc, DIF_FAULT_BADADDR);
		E(LDX(bpf_size((uint32_t)n), R0, FP, SL_TMP));
		if (op == DIF_OP_LDSB || op == DIF_OP_LDSH || op == DIF_OP_LDSW)
			extend(x, R0, (uint32_t)n, 1);
		rset(x, rd, R0);
		return;
	}
	case DIF_OP_STB: case DIF_OP_STH: case DIF_OP_STW: case DIF_OP_STX: {
		int n = op == DIF_OP_STB ? 1 : op == DIF_OP_STH ? 2 :
			op == DIF_OP_STW ? 4 : 8;

		rget(x, R3, rd);
		if (DIF_INSTR_IMM(in) != 0)
			E(ALU_I(BPF_ADD, R3, DIF_INSTR_IMM(in)));
		if (n > 1) {
			E(STX(BPF_DW, FP, R3, SL_FADDR));
			E(MOV_R(R1, R3));
			E(ALU_I(BPF_AND, R1, n - 1));
			E(J_I(BPF_JEQ, R1, 0, 4));
			fault_stub(x, pc, DIF_FAULT_BADALIGN);
		}
		E(MOV_I(R2, n));
		pool_ptr(x, pc);
		rget(x, R2, r1);
		E(STX(bpf_size((uint32_t)n), R1, R2, 0));
		return;
	}
	case DIF_OP_LDGV: case DIF_OP_STGV: case DIF_OP_LDTV: case DIF_OP_STTV:
	case DIF_OP_LDLV: case DIF_OP_STLV: case DIF_OP_LDGA: case DIF_OP_STGA:
	case DIF_OP_LDTA: case DIF_OP_STTA:
		op_var(x, pc, in);
		return;
	case DIF_OP_PUSHTV: {
		const dt_aggdesc_t *ag = agg_ahead(x, pc);
		uint32_t off;

		tuple_begin(x);
		if (ag != NULL && ag->ag_keyfmt != NULL &&
		    ag->ag_keytypes != NULL &&
		    (uint32_t)x->tdepth < ag->ag_nkeys &&
		    (ag->ag_keyfmt[x->tdepth] == DT_FMT_STACK ||
		     ag->ag_keyfmt[x->tdepth] == DT_FMT_USTACK)) {
			/* a stack() key: the stack itself, packed in place */
			uint32_t n = ag->ag_keytypes[x->tdepth].dt_size;

			off = tuple_slot(x, n);
			stack_fill(x, off, n,
				   ag->ag_keyfmt[x->tdepth] == DT_FMT_USTACK);
			E(ST(BPF_DW, R7,
			     (int16_t)(x->lay->sc_tupv + 8 * x->tdepth), 0));
			x->tdepth++;
			return;
		}
		off = tuple_slot(x, 8);
		rget(x, R1, r1);
		E(STX(BPF_DW, R7, R1, (int16_t)off));
		E(STX(BPF_DW, R7, R1,
		      (int16_t)(x->lay->sc_tupv + 8 * x->tdepth)));
		x->tdepth++;
		return;
	}
	case DIF_OP_PUSHTS:
	case DIF_OP_PUSHTR: {
		uint32_t n = op == DIF_OP_PUSHTS ? x->lay->strsize :
						   DIF_INSTR_UIMM(in);
		uint32_t off;
		uint32_t pk = pc;
		dif_instr_t pv = 0;

		/* the op that set r1, looking past flushts/nop (no jumps in) */
		while (pk > 0 && !is_target(x->dp, pk)) {
			pv = x->dp->dtdo_buf[--pk];
			if (DIF_INSTR_OP(pv) != DIF_OP_FLUSHTS &&
			    DIF_INSTR_OP(pv) != DIF_OP_NOP)
				break;
		}

		tuple_begin(x);
		off = tuple_slot(x, n);
		/*
		 * @[execname]: the name was just fetched (NUL-padded to 16
		 * bytes) and the key area is zeroed: two plain copies, no
		 * string helper.
		 */
		if (op == DIF_OP_PUSHTS && pc > 0 && n >= 16 &&
		    DIF_INSTR_OP(pv) == DIF_OP_LDGV &&
		    DIF_INSTR_UIMM(pv) == DIF_VAR_EXECNAME &&
		    DIF_INSTR_RD(pv) == r1 && r1 != 0 && !is_target(x->dp, pc)) {
			rget(x, R3, r1);
			E(STX(BPF_DW, R7, R3,
			      (int16_t)(x->lay->sc_tupv + 8 * x->tdepth)));
			E(LDX(BPF_DW, R1, R7, (int16_t)x->comm_off));
			E(STX(BPF_DW, R7, R1, (int16_t)off));
			E(LDX(BPF_DW, R1, R7, (int16_t)(x->comm_off + 8)));
			E(STX(BPF_DW, R7, R1, (int16_t)(off + 8)));
			x->tdepth++;
			return;
		}
		rget(x, R3, r1);
		E(STX(BPF_DW, R7, R3,
		      (int16_t)(x->lay->sc_tupv + 8 * x->tdepth)));
		E(STX(BPF_DW, FP, R3, SL_FADDR));
		scptr(x, R1, off);
		E(MOV_I(R2, (int32_t)n));
		if (op == DIF_OP_PUSHTS) {
			E(CALL(BPF_FUNC_probe_read_kernel_str));
			check_r0_neg(x, pc, DIF_FAULT_BADADDR);
		} else {
			E(CALL(BPF_FUNC_probe_read_kernel));
			check_r0(x, pc, DIF_FAULT_BADADDR);
		}
		x->tdepth++;
		return;
	}
	case DIF_OP_POPTS:
		if (x->tdepth > 0)
			x->tdepth--;
		return;
	case DIF_OP_FLUSHTS:
		x->tdepth = 0;
		x->toff = 0;
		return;
	case DIF_OP_CALL:
		op_call(x, pc, in);
		return;
	case DIF_OP_REC:
		op_rec(x, pc, in);
		return;
	case DIF_OP_AGG:
		op_agg(x, pc, in);
		return;
	case DIF_OP_SPEC:
		rget(x, R1, r1);
	{
		uint32_t ok = dt_bpf_label(&x->g), bad = dt_bpf_label(&x->g);

		E(STX(BPF_DW, FP, R1, SL_SPEC));
		/* speculate(0) or a bad id: the record is dropped */
		EJ(J_I(BPF_JEQ, R1, 0, 0), bad);
		EJ(J_I(BPF_JLE, R1, (int32_t)x->env->nspec, 0), ok);
		dt_bpf_place(&x->g, bad);
		stat_inc(x, DT_BPF_ST_SPECDROPS);
		EJ(JA(0), x->l_next);
		dt_bpf_place(&x->g, ok);
		return;
	}
	case DIF_OP_COMMIT:
	case DIF_OP_DISCARD:
		spec_msg(x, op == DIF_OP_COMMIT ? DT_BPF_TAG_COMMIT :
						  DT_BPF_TAG_DISCARD, r1);
		return;
	case DIF_OP_ALLOCS:
		rget(x, R2, r1);
		pool_alloc(x, pc);
		E(STX(BPF_DW, FP, R0, SL_TMP2));
		rget(x, R2, r1);
		E(J_I(BPF_JLE, R2, (int32_t)x->lay->pool_size, 1));
		E(MOV_I(R2, 0));
		E(MOV_I(R3, 0));
		E(CALL(BPF_FUNC_probe_read_kernel)); /* zeroes on failure */
		E(LDX(BPF_DW, R0, FP, SL_TMP2));
		rset(x, rd, R0);
		return;
	case DIF_OP_COPYS:
		rget(x, R3, rd);
		E(MOV_I(R2, (int32_t)DIF_INSTR_UIMM(in)));
		pool_ptr(x, pc);
		E(MOV_I(R2, (int32_t)DIF_INSTR_UIMM(in)));
		rget(x, R3, r1);
		E(STX(BPF_DW, FP, R3, SL_FADDR));
		E(CALL(BPF_FUNC_probe_read_kernel));
		check_r0(x, pc, DIF_FAULT_BADADDR);
		return;
	case DIF_OP_RET:
		/* zero before any action ran: the predicate was false (a
		 * RET that is itself the first action's op commits) */
		if (x->dp->dtdo_nacts > 0 && pc != x->dp->dtdo_actpc[0]) {
			rget(x, R1, r1);
			EJ(J_I(BPF_JNE, R1, 0, 0), x->l_end);
			E(LDX(BPF_DW, R1, FP, SL_ACT));
			EJ(J_I(BPF_JEQ, R1, 0, 0), x->l_next);
		}
		EJ(JA(0), x->l_end);
		return;
	case DIF_OP_DROP:
		EJ(JA(0), x->l_next);
		return;
	default:
		fail(x, "DIF op %u at offset %u is not supported", op, pc * 8);
	}
}

/* the clause's fault block: error record, then the ERROR clauses */
static void fault_block(xl_t *x)
{
	const dt_bpf_layout_t *lay = x->lay;
	uint32_t e = lay->sc_err;
	uint32_t r = e + sizeof(dt_bpf_msg_t) + sizeof(dt_rechdr_t);
	uint32_t k, next = x->l_next;

	if (x->faults == 0)
		return; /* never reached: the verifier refuses dead code */
	dt_bpf_place(&x->g, x->l_fault);
	if (x->in_error) {
		/* DTrace does not report faults of ERROR clauses */
		EJ(JA(0), next);
		return;
	}
	E(CALL(BPF_FUNC_get_smp_processor_id));
	E(STX(BPF_W, R7, R0, (int16_t)e));
	E(ST(BPF_W, R7, (int16_t)(e + 4), 0));
	E(ST(BPF_W, R7, (int16_t)(e + 8), 0));
	E(ST(BPF_W, R7, (int16_t)(e + 12), sizeof(dt_errrec_t)));
	E(CALL(BPF_FUNC_ktime_get_ns));
	E(STX(BPF_DW, R7, R0, (int16_t)(e + 16)));
	E(LDX(BPF_DW, R1, FP, SL_EPID));
	E(STX(BPF_W, R7, R1, (int16_t)(r + 0)));
	E(LDX(BPF_W, R1, FP, SL_FPC + 4));
	E(STX(BPF_W, R7, R1, (int16_t)(r + 4)));
	E(LDX(BPF_W, R1, FP, SL_FPC));
	E(STX(BPF_W, R7, R1, (int16_t)(r + 8)));
	E(LDX(BPF_W, R1, FP, SL_FCODE));
	E(STX(BPF_W, R7, R1, (int16_t)(r + 12)));
	E(LDX(BPF_DW, R1, FP, SL_FADDR));
	E(STX(BPF_DW, R7, R1, (int16_t)(r + 16)));
	scptr(x, R2, e);
	E(MOV_I(R3, (int32_t)(sizeof(dt_bpf_msg_t) + sizeof(dt_rechdr_t) +
			      sizeof(dt_errrec_t))));
	dt_bpf_xl_output(x);
	/* the ERROR probe's clauses (xl_clause saves this clause's state) */
	for (k = 0; k < x->env->nerrinst && !x->failed; k++)
		if (xl_clause(x, &x->env->errinst[k], 1) != 0)
			return;
	EJ(JA(0), next);
}

/*
 * Which DIF pcs can run (DIF may hold dead code; BPF may not), and whether
 * the clause can reach its end (RET or falling off the last op).
 */
static uint8_t *reachable(const difo_t *dp, int *endp)
{
	uint8_t *r = calloc(dp->dtdo_len + 1, 1);
	uint32_t pc;

	if (r == NULL)
		return NULL;
	if (dp->dtdo_len > 0)
		r[0] = 1;
	*endp = dp->dtdo_len == 0;
	for (pc = 0; pc < dp->dtdo_len; pc++) {
		dif_instr_t in = dp->dtdo_buf[pc];
		unsigned op = DIF_INSTR_OP(in);

		if (!r[pc])
			continue;
		if (op >= DIF_OP_BA && op <= DIF_OP_BGEU &&
		    DIF_INSTR_UIMM(in) > pc && DIF_INSTR_UIMM(in) <= dp->dtdo_len)
			r[DIF_INSTR_UIMM(in)] = 1;
		if (op == DIF_OP_RET)
			*endp = 1;
		if (op != DIF_OP_BA && op != DIF_OP_RET && op != DIF_OP_DROP)
			r[pc + 1] = 1;
	}
	if (r[dp->dtdo_len])
		*endp = 1;
	return r;
}

/* is pc the target of a branch? */
static int is_target(const difo_t *dp, uint32_t pc)
{
	uint32_t k;

	for (k = 0; k < pc; k++) {
		unsigned op = DIF_INSTR_OP(dp->dtdo_buf[k]);

		if (op >= DIF_OP_BA && op <= DIF_OP_BGEU &&
		    DIF_INSTR_UIMM(dp->dtdo_buf[k]) == pc)
			return 1;
	}
	return 0;
}

/* is DIF register r touched by this DIFO? */
static void regs_used(const difo_t *dp, uint8_t used[DIF_NREGS])
{
	uint32_t pc;

	memset(used, 0, DIF_NREGS);
	for (pc = 0; pc < dp->dtdo_len; pc++) {
		dif_instr_t in = dp->dtdo_buf[pc];

		if (DIF_INSTR_RD(in) < DIF_NREGS)
			used[DIF_INSTR_RD(in)] = 1;
		if (DIF_INSTR_R1(in) < DIF_NREGS)
			used[DIF_INSTR_R1(in)] = 1;
		if (DIF_INSTR_R2(in) < DIF_NREGS)
			used[DIF_INSTR_R2(in)] = 1;
	}
}

/* the epid at key R1 of the array map mapfd; none (0): not this clause */
static void epid_from_map(xl_t *x, int mapfd)
{
	E(STX(BPF_W, FP, R1, SL_TMP));
	ldmap(x, R1, mapfd);
	E(MOV_R(R2, FP));
	E(ALU_I(BPF_ADD, R2, SL_TMP));
	E(CALL(BPF_FUNC_map_lookup_elem));
	EJ(J_I(BPF_JEQ, R0, 0, 0), x->l_next);
	E(LDX(BPF_W, R1, R0, 0));
	EJ(J_I(BPF_JEQ, R1, 0, 0), x->l_next);
	E(STX(BPF_DW, FP, R1, SL_EPID));
}

/* a uprobe program of several probes: the attach cookie says which */
static int multi_probe(const xl_t *x)
{
	return (x->ctx == DT_BPF_CTX_UPROBE ||
		x->ctx == DT_BPF_CTX_URETPROBE) &&
	       x->env->bp != NULL && x->env->bp->bp_nprobes > 1;
}

static int xl_clause(xl_t *x, const dt_bpf_inst_t *inst, int in_error)
{
	const dt_clause_t *cl = inst->in_clause;
	const difo_t *dp = &cl->dc_difo;
	uint8_t used[DIF_NREGS], *live;
	uint32_t pc, k, body, rsz;
	int ends = 0;
	const dt_bpf_inst_t *osave = x->inst;
	const difo_t *dsave = x->dp;
	int esave = x->in_error, asave = x->abi, fsave = x->faults;
	uint32_t l0 = x->lab_pc0, le = x->l_end, lf = x->l_fault,
		 ln = x->l_next, sp = x->spool;

	x->inst = inst;
	x->dp = dp;
	x->in_error = in_error;
	x->faults = 0;
	x->spool = 0;
	x->tdepth = 0;
	x->toff = 0;
	x->l_end = dt_bpf_label(&x->g);
	x->l_fault = dt_bpf_label(&x->g);
	x->l_next = dt_bpf_label(&x->g);
	body = dt_bpf_label(&x->g);
	x->lab_pc0 = x->g.g_nlab;
	for (pc = 0; pc <= dp->dtdo_len; pc++)
		(void)dt_bpf_label(&x->g);

	/* which ECB is this event? */
	x->abi = -1;
	if (!in_error && multi_probe(x)) {
		/* a uprobe program of many probes: the cookie's low half is
		 * the probe's index in the program */
		E(LDX(BPF_DW, R1, FP, SL_KEY));
		E(ALU_I(BPF_LSH, R1, 32));
		E(ALU_I(BPF_RSH, R1, 32));
		if (inst->in_mapfd >= 0) {
			epid_from_map(x, inst->in_mapfd);
		} else {
			for (k = 0; k < inst->in_n; k++) {
				E(J_I(BPF_JNE, R1, (int32_t)inst->in_key[k],
				      2));
				E(ST(BPF_DW, FP, SL_EPID,
				     (int32_t)inst->in_epid[k]));
				EJ(JA(0), body);
			}
			EJ(JA(0), x->l_next);
		}
	} else if (in_error || (x->ctx != DT_BPF_CTX_SYSENTER &&
				x->ctx != DT_BPF_CTX_SYSEXIT)) {
		E(ST(BPF_DW, FP, SL_EPID, (int32_t)inst->in_epid[0]));
	} else if (inst->in_mapfd >= 0) {
		/* many syscalls: look the epid up by abi*1024+nr */
		E(LDX(BPF_DW, R1, FP, SL_KEY));
		E(MOV_R(R2, R1));
		E(ALU_I(BPF_RSH, R2, 16));
		E(ALU_I(BPF_AND, R1, 0xffff));
		EJ(J_I(BPF_JGE, R1, 1024, 0), x->l_next);
		E(ALU_I(BPF_LSH, R2, 10));
		E(ALU_R(BPF_ADD, R1, R2));
		epid_from_map(x, inst->in_mapfd);
	} else {
		int abi = -2;

		E(LDX(BPF_DW, R1, FP, SL_KEY));
		for (k = 0; k < inst->in_n; k++) {
			E(J_I(BPF_JNE, R1, (int32_t)inst->in_key[k], 2));
			E(ST(BPF_DW, FP, SL_EPID, (int32_t)inst->in_epid[k]));
			EJ(JA(0), body);
			if (abi == -2)
				abi = (int)(inst->in_key[k] >> 16);
			else if (abi != (int)(inst->in_key[k] >> 16))
				abi = -1;
		}
		EJ(JA(0), x->l_next);
		x->abi = abi;
	}
	if (x->abi == -1 && inst->in_mapfd >= 0 && inst->in_n > 0) {
		int abi = (int)(inst->in_key[0] >> 16);

		for (k = 1; k < inst->in_n; k++)
			if ((int)(inst->in_key[k] >> 16) != abi)
				abi = -1;
		x->abi = abi;
	}
	dt_bpf_place(&x->g, body);

	/* fresh clause state */
	regs_used(dp, used);
	for (k = 1; k < DIF_NREGS; k++)
		if (used[k])
			E(ST(BPF_DW, FP, SL_REG(k), 0));
	E(ST(BPF_DW, FP, SL_FADDR, 0));
	E(ST(BPF_DW, FP, SL_POOL, 0));
	E(ST(BPF_DW, FP, SL_SPEC, 0));
	E(ST(BPF_DW, FP, SL_ACT, 0));

	live = reachable(dp, &ends);
	if (live == NULL) {
		fail(x, "out of memory");
		return -1;
	}
	for (pc = 0; pc < dp->dtdo_len && !x->failed; pc++) {
		dt_bpf_place(&x->g, x->lab_pc0 + pc);
		if (!live[pc])
			continue;
		/* actions entered (at their start or at any jump into them) */
		if (dp->dtdo_nacts > 0 && pc >= dp->dtdo_actpc[0] &&
		    DIF_INSTR_OP(dp->dtdo_buf[pc]) != DIF_OP_RET &&
		    (pc == dp->dtdo_actpc[0] || is_target(dp, pc)))
			E(ST(BPF_DW, FP, SL_ACT, 1));
		op_one(x, pc, dp->dtdo_buf[pc]);
	}
	dt_bpf_place(&x->g, x->lab_pc0 + dp->dtdo_len);
	/* falling off the end is a RET */
	if (live[dp->dtdo_len])
		EJ(JA(0), x->l_end);
	free(live);

	/* commit the record */
	dt_bpf_place(&x->g, x->l_end);
	rsz = (dp->dtdo_recsize + 7) & ~7u;
	if (!ends) {
		/* every path drops: no commit code (it would be dead) */
	} else if (!cl->dc_aggonly) {
		uint32_t r = x->lay->sc_rec;

		E(CALL(BPF_FUNC_get_smp_processor_id));
		E(STX(BPF_W, R7, R0, (int16_t)r));
		E(LDX(BPF_DW, R1, FP, SL_SPEC));
		E(J_I(BPF_JEQ, R1, 0, 1));
		E(ALU_I(BPF_OR, R1, DT_BPF_TAG_SPEC));
		E(STX(BPF_W, R7, R1, (int16_t)(r + 4)));
		E(LDX(BPF_DW, R1, FP, SL_EPID));
		E(STX(BPF_W, R7, R1, (int16_t)(r + 8)));
		E(ST(BPF_W, R7, (int16_t)(r + 12), (int32_t)dp->dtdo_recsize));
		E(LDX(BPF_DW, R1, FP, SL_TS));
		E(STX(BPF_DW, R7, R1, (int16_t)(r + 16)));
		scptr(x, R2, r);
		E(MOV_I(R3, (int32_t)(sizeof(dt_bpf_msg_t) +
				      sizeof(dt_rechdr_t) + rsz)));
		dt_bpf_xl_output(x);
		EJ(J_I(BPF_JEQ, R0, 0, 0), x->l_next);
		stat_inc(x, DT_BPF_ST_DROPS);
		EJ(JA(0), x->l_next);
	} else {
		EJ(JA(0), x->l_next);
	}

	fault_block(x);
	dt_bpf_place(&x->g, x->l_next);

	x->inst = osave;
	x->dp = dsave;
	x->in_error = esave;
	x->abi = asave;
	x->faults = fsave;
	x->lab_pc0 = l0;
	x->l_end = le;
	x->l_fault = lf;
	x->l_next = ln;
	x->spool = sp;
	return x->failed ? -1 : 0;
}

/* ---- the program ---- */

#define NEED_TS 1
#define NEED_CONST 2
#define NEED_GLOB 4

/* what the prologue must prepare for these clauses */
static int needs_of(const dt_bpf_inst_t *inst, uint32_t n)
{
	uint32_t k, pc;
	int need = 0;

	for (k = 0; k < n; k++) {
		const dt_clause_t *cl = inst[k].in_clause;
		const difo_t *dp = &cl->dc_difo;

		if (!cl->dc_aggonly)
			need |= NEED_TS;
		for (pc = 0; pc < dp->dtdo_len; pc++) {
			dif_instr_t in = dp->dtdo_buf[pc];
			unsigned op = DIF_INSTR_OP(in);
			uint32_t id = DIF_INSTR_UIMM(in);

			if (op == DIF_OP_SETS)
				need |= NEED_CONST;
			if (op != DIF_OP_LDGV && op != DIF_OP_STGV)
				continue;
			if (id >= DIF_VAR_USER_BASE)
				need |= NEED_GLOB;
			else if (id == DIF_VAR_TIMESTAMP ||
				 id == DIF_VAR_VTIMESTAMP)
				need |= NEED_TS;
			else if (id == DIF_VAR_WALLTIMESTAMP)
				need |= NEED_TS | NEED_GLOB;
			else if (id == DIF_VAR_PROBEPROV ||
				 id == DIF_VAR_PROBEMOD ||
				 id == DIF_VAR_PROBEFUNC ||
				 id == DIF_VAR_PROBENAME || id == DIF_VAR_ID ||
				 id == DIF_VAR_ZONENAME)
				need |= NEED_CONST;
		}
	}
	return need;
}

static void prologue(xl_t *x, uint32_t l_out, uint32_t l_exit, int need)
{
	const dt_bpf_maps_t *m = x->env->maps;

	E(MOV_R(R6, R1));
	/* scratch: one value per CPU of a plain array */
	E(CALL(BPF_FUNC_get_smp_processor_id));
	E(STX(BPF_W, FP, R0, SL_TMP));
	ldmap(x, R1, m->scratch);
	E(MOV_R(R2, FP));
	E(ALU_I(BPF_ADD, R2, SL_TMP));
	E(CALL(BPF_FUNC_map_lookup_elem));
	EJ(J_I(BPF_JEQ, R0, 0, 0), l_exit);
	E(MOV_R(R7, R0));
	/* a probe firing inside another on this CPU would share scratch */
	{
		uint32_t free_ = dt_bpf_label(&x->g);

		E(LDX(BPF_DW, R1, R7, SC_BUSY));
		EJ(J_I(BPF_JEQ, R1, 0, 0), free_);
		stat_inc(x, DT_BPF_ST_NESTED);
		EJ(JA(0), l_exit);
		dt_bpf_place(&x->g, free_);
	}
	E(ST(BPF_DW, R7, SC_BUSY, 1));
	E(STX(BPF_DW, R7, R7, SC_SELF));
	E(LDX(BPF_DW, R8, R7, SC_SELF));
	/* constants (string tables, probe names): their address */
	E(ST(BPF_DW, FP, SL_CONST, 0));
	E(ST(BPF_DW, FP, SL_GLOB, 0));
	E(ST(BPF_DW, FP, SL_TS, 0));
	E(MOV_I(R9, 0));
	if (need & NEED_CONST) {
	E(ST(BPF_W, FP, SL_TMP, 0));
	ldmap(x, R1, m->consts);
	E(MOV_R(R2, FP));
	E(ALU_I(BPF_ADD, R2, SL_TMP));
	E(CALL(BPF_FUNC_map_lookup_elem));
	EJ(J_I(BPF_JEQ, R0, 0, 0), l_out);
	ptr2num(x, R1);
	E(STX(BPF_DW, FP, R1, SL_CONST));
	}
	/* globals */
	if (need & NEED_GLOB) {
	E(ST(BPF_W, FP, SL_TMP, 0));
	ldmap(x, R1, m->globals);
	E(MOV_R(R2, FP));
	E(ALU_I(BPF_ADD, R2, SL_TMP));
	E(CALL(BPF_FUNC_map_lookup_elem));
	EJ(J_I(BPF_JEQ, R0, 0, 0), l_out);
	E(MOV_R(R9, R0));
	ptr2num(x, R1);
	E(STX(BPF_DW, FP, R1, SL_GLOB));
	}
	if (need & NEED_TS) {
		E(CALL(BPF_FUNC_ktime_get_ns));
		E(STX(BPF_DW, FP, R0, SL_TS));
	}
	E(ST(BPF_DW, FP, SL_KEY, 0));
	E(ST(BPF_DW, FP, SL_ABI, 0));
	E(ST(BPF_DW, FP, SL_RET, 0));

	if (x->ctx == DT_BPF_CTX_SYSENTER || x->ctx == DT_BPF_CTX_SYSEXIT) {
		/* abi from the task's TS_COMPAT, nr, and the return value */
		/* a BTF task pointer: a direct (fault-safe) load */
		E(CALL(BPF_FUNC_get_current_task_btf));
		E(LDX(BPF_W, R0, R0, (int16_t)x->lay->status_off));
		E(ALU_I(BPF_AND, R0, TS_COMPAT));
		E(J_I(BPF_JEQ, R0, 0, 1));
		E(MOV_I(R0, 1));
		E(STX(BPF_DW, FP, R0, SL_ABI));
		if (x->ctx == DT_BPF_CTX_SYSENTER) {
			E(LDX(BPF_DW, R1, R6, 8));
		} else {
			E(LDX(BPF_DW, R1, R6, 8));
			E(STX(BPF_DW, FP, R1, SL_RET));
			E(LDX(BPF_DW, R3, R6, 0));
			E(ALU_I(BPF_ADD, R3, 120)); /* regs->orig_ax */
			kread(x, 8);
			E(MOV_R(R1, R0));
		}
		E(ALU_I(BPF_AND, R1, 0xffff));
		E(LDX(BPF_DW, R2, FP, SL_ABI));
		E(ALU_I(BPF_LSH, R2, 16));
		E(ALU_R(BPF_OR, R1, R2));
		E(STX(BPF_DW, FP, R1, SL_KEY));
	}
	if (multi_probe(x)) {
		E(MOV_R(R1, R6));
		E(CALL(BPF_FUNC_get_attach_cookie));
		E(STX(BPF_DW, FP, R0, SL_KEY));
	}
}

int dt_bpf_xlate(const dt_bpf_xenv_t *env, int ctxkind,
		 const dt_bpf_inst_t *inst, uint32_t ninst,
		 struct bpf_insn **insns, uint32_t *ninsns, char *err,
		 size_t errlen, uint32_t *badclause)
{
	xl_t x;
	uint32_t k, l_out, l_exit;

	memset(&x, 0, sizeof(x));
	x.env = env;
	x.lay = env->lay;
	x.ctx = ctxkind;
	x.err = err;
	x.errlen = errlen;
	x.abi = -1;
	l_out = dt_bpf_label(&x.g);
	l_exit = dt_bpf_label(&x.g);
	prologue(&x, l_out, l_exit,
		 needs_of(inst, ninst) | needs_of(env->errinst, env->nerrinst));
	for (k = 0; k < ninst; k++) {
		if (xl_clause(&x, &inst[k], 0) != 0) {
			*badclause = k;
			goto bad;
		}
	}
	dt_bpf_place(&x.g, l_out);
	dt_bpf_emit(&x.g, ST(BPF_DW, R7, SC_BUSY, 0));
	dt_bpf_place(&x.g, l_exit);
	dt_bpf_emit(&x.g, MOV_I(R0, 0));
	dt_bpf_emit(&x.g, EXIT());
	if (dt_bpf_resolve(&x.g) != 0) {
		snprintf(err, errlen, "program too large for BPF jumps");
		*badclause = 0;
		goto bad;
	}
	dt_bpf_gen_free(&x.g);
	*insns = x.g.g_in;
	*ninsns = x.g.g_n;
	return 0;
bad:
	dt_bpf_gen_free(&x.g);
	free(x.g.g_in);
	return -1;
}
