/*
 * dt_bpf_xl.h - the translator's private state and emission helpers,
 * shared by dt_bpf_xlate.c (DIF ops) and the files that emit
 * context-dependent code (dt_bpf_args.c: how each probe kind's arguments
 * are fetched).
 */
#ifndef DT_BPF_XL_H
#define DT_BPF_XL_H

#include <stdio.h>
#include <stdarg.h>
#include "dt_bpf_impl.h"
#include "dt_bpf_insn.h"
#include "dt_bpf_gen.h"

/* stack frame slots (offsets from R10) */
#define SL_REG(i) (-8 * ((int)(i) + 1)) /* DIF %r0..%r15: -8..-128 */
#define SL_EPID (-136)
#define SL_KEY (-144)
#define SL_TS (-152)
#define SL_POOL (-160)
#define SL_FPC (-168) /* u32 DIF offset, then u32 action */
#define SL_FCODE (-176)
#define SL_FADDR (-184)
#define SL_TMP (-192)
#define SL_CONST (-200)
#define SL_RET (-208)
#define SL_SPEC (-216)
#define SL_GLOB (-224)
#define SL_TKEY (-232)
#define SL_TMP2 (-240)
#define SL_ABI (-248)
#define SL_ACT (-256) /* 1 once an action's first op ran */
#define SL_ITER (-264) /* dt_bpf_str.c: a struct bpf_iter_num */
#define SL_SAVE6 (-272) /* dt_bpf_str.c: R6 while a loop uses it */

#define R0 BPF_REG_0
#define R1 BPF_REG_1
#define R2 BPF_REG_2
#define R3 BPF_REG_3
#define R4 BPF_REG_4
#define R5 BPF_REG_5
#define R6 BPF_REG_6
#define R7 BPF_REG_7
#define R8 BPF_REG_8
#define R9 BPF_REG_9
#define FP BPF_REG_10

#define TS_COMPAT 0x0002 /* x86 thread_info.status: in a 32-bit syscall */

typedef struct xl {
	dt_bpf_gen_t g;
	const dt_bpf_xenv_t *env;
	const dt_bpf_layout_t *lay;
	int ctx;
	char *err;
	size_t errlen;
	int failed;
	/* the clause being translated */
	const dt_bpf_inst_t *inst;
	const difo_t *dp;
	int in_error;
	uint32_t lab_pc0, l_end, l_fault, l_next;
	uint32_t spool; /* bytes of static scratch handed out */
	int tdepth;
	uint32_t toff;
	int abi; /* -1: decided at run time */
	int faults; /* fault exits emitted for this clause */
	uint32_t comm_off; /* scratch of the last execname, for PUSHTS */
} xl_t;

#define E(i) dt_bpf_emit(&x->g, (i))
#define EJ(i, l) dt_bpf_emit_jump(&x->g, (i), (l))

static inline void fail(xl_t *x, const char *fmt, ...)
{
	va_list ap;

	if (x->failed)
		return;
	x->failed = 1;
	va_start(ap, fmt);
	vsnprintf(x->err, x->errlen, fmt, ap);
	va_end(ap);
}

static inline void ld64(xl_t *x, int reg, uint64_t v)
{
	if ((int64_t)v == (int64_t)(int32_t)v) {
		E(MOV_I(reg, (int32_t)v));
		return;
	}
	E(LD64_A(reg, v));
	E(LD64_B(v));
}

static inline void ldmap(xl_t *x, int reg, int fd)
{
	E(LDMAP_A(reg, fd));
	E(LD64_B(0));
}

/* argument n of the current context into R0 (dt_bpf_args.c) */
void dt_bpf_xl_arg(xl_t *x, int n);

/* emission helpers of dt_bpf_xlate.c, for dt_bpf_str.c */
void dt_bpf_xl_fault(xl_t *x, uint32_t pc, int code); /* 4 instructions */
void dt_bpf_xl_str_in(xl_t *x, uint32_t pc, uint32_t off); /* R3 -> off */
uint32_t dt_bpf_xl_salloc(xl_t *x, uint32_t n);
void dt_bpf_xl_sczero(xl_t *x, uint32_t off, uint32_t n);
void dt_bpf_xl_tuparg(xl_t *x, int reg, int k);

/*
 * String subroutines with loops (dt_bpf_str.c): emit a call, result in
 * R0: 1 done, 0 not one of these, -2 too few arguments.  The string area
 * they keep state in is the last dt_bpf_str_reserve() bytes of the static
 * string scratch.
 */
int dt_bpf_str_call(xl_t *x, uint32_t pc, uint32_t subr, int nargs);
uint32_t dt_bpf_str_reserve(const dt_bpf_layout_t *lay);
/* the cwd (root 0) or rootdir (root 1) string into R0; -1 if refused */
int dt_bpf_str_path(xl_t *x, int root);

#endif /* DT_BPF_XL_H */
