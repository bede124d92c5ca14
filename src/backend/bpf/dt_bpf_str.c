/*
 * dt_bpf_str.c - string subroutines that need loops: index, rindex,
 * strstr, strtok, cleanpath, inet_ntoa/inet_ntoa6/inet_ntop, lltostr,
 * strtoll.
 *
 * Each is a loop (an open-coded bpf_iter_num iterator) whose body does
 * one step of a small state machine kept in scratch (the "string area" at
 * the end of the static string scratch).  The body reads every piece of
 * state back from map memory, so the verifier sees unknown (bounded)
 * values and checks it about once per call site, however long the
 * strings are; the call site copies the inputs in, runs the loop and
 * reads the result out.
 * Inputs are in the two string temporaries (sc_stra, sc_strb); results
 * built byte by byte go to the area's output buffer and are copied to the
 * call site's own static scratch.  Semantics follow src/common/dif_subr.c.
 */
#include <stdlib.h>
#include <string.h>
#include "dt_bpf_xl.h"
#include "dt_bpf_btf.h"

enum { CB_INDEX, CB_STRTOK, CB_CLEAN, CB_INET, CB_LLTOSTR, CB_STRTOLL,
       CB_PATH };

#define NW 16 /* state words */
#define NCOMP 32 /* cwd/rootdir: path components kept */
#define MAXLOOPS (1u << 23) /* bpf_loop's limit */

/* where the string area's parts are (fixed per program) */
typedef struct area {
	uint32_t st; /* NW u64 state words */
	uint32_t dset; /* strtok: 256-bit delimiter set */
	uint32_t saved; /* strtok: where strtok(NULL, ...) goes on; kept */
	uint32_t by; /* inet: the address bytes (16) */
	uint32_t comp; /* cwd/rootdir: NCOMP name pointers, leaf first */
	uint32_t out; /* output buffer: 2 x strsize, so any write of up to
		       * strsize bytes at an index below strsize fits */
	uint32_t outsz;
	uint32_t total;
} area_t;

static void area(const dt_bpf_layout_t *l, area_t *a)
{
	a->outsz = ((2 * l->strsize > 96 ? 2 * l->strsize : 96) + 7) & ~7u;
	a->total = 8 * NW + 32 + 8 + 16 + 8 * NCOMP + a->outsz;
	a->st = l->sc_spool + l->spool_size - a->total;
	a->dset = a->st + 8 * NW;
	a->saved = a->dset + 32;
	a->by = a->saved + 8;
	a->comp = a->by + 16;
	a->out = a->comp + 8 * NCOMP;
}

uint32_t dt_bpf_str_reserve(const dt_bpf_layout_t *l)
{
	area_t a;

	area(l, &a);
	return a.total;
}

#define W(k) ((int16_t)(A.st + 8 * (k)))
#define LW(r, k) E(LDX(BPF_DW, r, R7, W(k)))
#define SW(k, r) E(STX(BPF_DW, R7, r, W(k)))
#define SWI(k, v) E(ST(BPF_DW, R7, W(k), v))
#define L() dt_bpf_label(&x->g)
#define P(l) dt_bpf_place(&x->g, l)

/* dst = base + off (an immediate) */
static void reg_off(xl_t *x, int dst, int base, uint32_t off)
{
	E(MOV_R(dst, base));
	E(ALU_I(BPF_ADD, dst, (int32_t)off));
}

/* R6 = R7 + idx: where scratch byte idx (plus an offset) is */
static void at_idx(xl_t *x, int idx)
{
	E(MOV_R(R6, R7));
	E(ALU_R(BPF_ADD, R6, idx));
}

/* byte R6[off] = src (src < 0: the immediate imm) */
static void put_b(xl_t *x, uint32_t off, int src, int imm)
{
	if (src < 0)
		E(ST(BPF_B, R6, (int16_t)off, imm));
	else
		E(STX(BPF_B, R6, src, (int16_t)off));
}

/* dst = byte base[idx] of scratch; idx >= max leaves through bail */
static void ldb(xl_t *x, int dst, int idx, uint32_t base, uint32_t max,
		uint32_t bail)
{
	EJ(J_I(BPF_JGE, idx, (int32_t)max, 0), bail);
	at_idx(x, idx);
	E(LDX(BPF_B, dst, R6, (int16_t)base));
}

/* base[idx] = src (src < 0: the immediate imm) */
static void stb(xl_t *x, int idx, uint32_t base, uint32_t max, int src,
		int imm, uint32_t bail)
{
	EJ(J_I(BPF_JGE, idx, (int32_t)max, 0), bail);
	at_idx(x, idx);
	put_b(x, base, src, imm);
}

/* out[R5] = src or imm (as put_b), unchecked: the caller bounds R5 */
static void out_put(xl_t *x, uint32_t out, int src, int imm)
{
	at_idx(x, R5);
	put_b(x, out, src, imm);
}

/* state words 0..NW-1 whose bits are set in mask = 0, lowest first */
#define ZERO(mask)                                                             \
	do {                                                                   \
		for (int zk = 0; zk < NW; zk++)                                \
			if ((mask) & (1u << zk))                               \
				SWI(zk, 0);                                    \
	} while (0)

/* phase (word 0) k + 1 goes to lab[k] */
#define PHASES(...)                                                            \
	do {                                                                   \
		const uint32_t pl[] = { __VA_ARGS__ };                         \
		LW(R1, 0);                                                     \
		for (size_t pk = 0; pk < sizeof(pl) / sizeof(pl[0]); pk++)     \
			EJ(J_I(BPF_JEQ, R1, (int32_t)pk + 1, 0), pl[pk]);      \
	} while (0)

/* on in phase n at the next step */
#define NEXT_PHASE(n, cont)                                                    \
	do {                                                                   \
		SWI(0, n);                                                     \
		EJ(JA(0), cont);                                               \
	} while (0)

/* one step of each loop; cont: next step, stop: out of the loop */
typedef void body_fn(xl_t *x, area_t A, uint32_t cont, uint32_t stop,
		     uint32_t bail);
static body_fn cb_index, cb_strtok, cb_clean, cb_inet, cb_lltostr,
	cb_strtoll, cb_path;
static body_fn *const body[] = {
	[CB_INDEX] = cb_index, [CB_STRTOK] = cb_strtok, [CB_CLEAN] = cb_clean,
	[CB_INET] = cb_inet, [CB_LLTOSTR] = cb_lltostr,
	[CB_STRTOLL] = cb_strtoll, [CB_PATH] = cb_path,
};

/* what cwd and rootdir walk: offsets from the kernel's BTF */
static struct pathoff {
	int done, ok;
	int task_fs, fs_pwd, fs_root, path_mnt, path_dentry, d_parent,
		d_name, qstr_name, mnt_root, mount_parent, mount_mountpoint,
		mount_mnt;
} po;

static int path_offsets(void)
{
	static const struct {
		int *at;
		const char *sname, *name;
	} want[] = {
		{ &po.task_fs, "task_struct", "fs" },
		{ &po.fs_pwd, "fs_struct", "pwd" },
		{ &po.fs_root, "fs_struct", "root" },
		{ &po.path_mnt, "path", "mnt" },
		{ &po.path_dentry, "path", "dentry" },
		{ &po.d_parent, "dentry", "d_parent" },
		{ &po.d_name, "dentry", "d_name" },
		{ &po.qstr_name, "qstr", "name" },
		{ &po.mnt_root, "vfsmount", "mnt_root" },
		{ &po.mount_parent, "mount", "mnt_parent" },
		{ &po.mount_mountpoint, "mount", "mnt_mountpoint" },
		{ &po.mount_mnt, "mount", "mnt" },
	};
	size_t k;

	if (po.done)
		return po.ok;
	po.done = po.ok = 1;
	for (k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		*want[k].at = dt_bpf_btf_member(want[k].sname, want[k].name);
		if (*want[k].at < 0)
			po.ok = 0;
	}
	return po.ok;
}

/* R0 = the kernel pointer at R3 + off (0 if it cannot be read) */
static void kptr(xl_t *x, int off)
{
	E(ALU_I(BPF_ADD, R3, off));
	E(ST(BPF_DW, FP, SL_TMP, 0));
	reg_off(x, R1, FP, (uint32_t)SL_TMP);
	E(MOV_I(R2, 8));
	E(CALL(BPF_FUNC_probe_read_kernel));
	E(LDX(BPF_DW, R0, FP, SL_TMP));
}

/* the D subroutine being translated, for kcall's refusal */
static const char *loop_user = "a string subroutine";

static void kcall(xl_t *x, const char *name)
{
	int id = dt_bpf_btf_func(name, NULL); /* the iterator kfuncs */

	if (id < 0)
		fail(x, "%s() needs the bpf_iter_num kfunc (Linux 6.4+)",
		     loop_user);
	reg_off(x, R1, FP, (uint32_t)SL_ITER);
	E(BI(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_KFUNC_CALL, 0, id));
}

/*
 * Run body kind at most n times, inline, as an open-coded bpf_iter_num
 * loop: the verifier checks the body until its state repeats, which is at
 * once as every value comes from scratch.  R6 (the context) serves as a
 * temporary inside and is kept in the stack meanwhile.
 */
static void loop_run(xl_t *x, int kind, uint64_t n)
{
	uint32_t head = L(), stop = L();
	area_t A;

	area(x->lay, &A);
	if (n > MAXLOOPS)
		n = MAXLOOPS;
	E(STX(BPF_DW, FP, R6, SL_SAVE6));
	E(MOV_I(R2, 0));
	E(MOV_I(R3, (int32_t)n));
	kcall(x, "bpf_iter_num_new");
	P(head);
	kcall(x, "bpf_iter_num_next");
	EJ(J_I(BPF_JEQ, R0, 0, 0), stop);
	body[kind](x, A, head, stop, stop);
	P(stop);
	kcall(x, "bpf_iter_num_destroy");
	E(LDX(BPF_DW, R6, FP, SL_SAVE6));
}

/* the string at R3 into scratch off (sc_stra/sc_strb); its length into
 * word w */
static void str_in(xl_t *x, uint32_t pc, uint32_t off, int w)
{
	area_t A;

	area(x->lay, &A);
	dt_bpf_xl_str_in(x, pc, off);
	E(ALU_I(BPF_SUB, R0, 1));
	SW(w, R0);
}

/* string argument k into scratch off; its length into word w */
static void str_arg(xl_t *x, uint32_t pc, int k, uint32_t off, int w)
{
	dt_bpf_xl_tuparg(x, R3, k);
	str_in(x, pc, off, w);
}

/* the base argument k into word w: 2..36 or an illegal-operation fault;
 * 10 when the call has no argument k */
static void base_arg(xl_t *x, uint32_t pc, int nargs, int k, int w)
{
	uint32_t ill = L(), ok = L();
	area_t A;

	area(x->lay, &A);
	if (nargs <= k) {
		SWI(w, 10);
		return;
	}
	dt_bpf_xl_tuparg(x, R2, k);
	EJ(J_I(BPF_JLT, R2, 2, 0), ill);
	EJ(J_I(BPF_JLE, R2, 36, 0), ok);
	P(ill);
	dt_bpf_xl_fault(x, pc, DIF_FAULT_ILLOP);
	P(ok);
	SW(w, R2);
}

/*
 * Copy n bytes (n < 0: R2 of them) of scratch from from + R3 (idx: R3
 * holds an index; else from itself) into slot; R0 = slot.
 */
static void copy_out(xl_t *x, int idx, uint32_t from, uint32_t slot,
		     int32_t n)
{
	if (idx)
		E(ALU_R(BPF_ADD, R3, R8));
	else
		E(MOV_R(R3, R8));
	E(ALU_I(BPF_ADD, R3, (int32_t)from));
	reg_off(x, R1, R7, slot);
	if (n >= 0)
		E(MOV_I(R2, n));
	E(CALL(BPF_FUNC_probe_read_kernel));
	reg_off(x, R0, R8, slot);
}

/* ---- call sites ---- */

int dt_bpf_str_call(xl_t *x, uint32_t pc, uint32_t subr, int nargs)
{
	const dt_bpf_layout_t *l = x->lay;
	uint32_t ss = l->strsize;
	area_t A;

	area(l, &A);
	loop_user = dif_subr_name(subr) ? dif_subr_name(subr) : "?";
	switch (subr) {
	case DIF_SUBR_INDEX:
	case DIF_SUBR_RINDEX:
	case DIF_SUBR_STRSTR:
		if (nargs < 2)
			return -2;
		dt_bpf_xl_tuparg(x, R1, 0);
		SW(12, R1);
		str_arg(x, pc, 0, l->sc_stra, 1);
		str_arg(x, pc, 1, l->sc_strb, 2);
		SWI(3, subr == DIF_SUBR_INDEX ? 0 :
		       subr == DIF_SUBR_RINDEX ? 1 : 2);
		SWI(4, nargs > 2);
		if (nargs > 2 && subr != DIF_SUBR_STRSTR) {
			dt_bpf_xl_tuparg(x, R1, 2);
			SW(5, R1);
		}
		SWI(0, 0);
		loop_run(x, CB_INDEX, (uint64_t)(ss + 2) * (ss + 1) + 4);
		LW(R0, 10);
		return 1;
	case DIF_SUBR_STRTOK: {
		uint32_t have = L(), go = L(), done = L();
		uint32_t slot = dt_bpf_xl_salloc(x, ss);

		if (nargs < 2)
			return -2;
		dt_bpf_xl_tuparg(x, R3, 0);
		EJ(J_I(BPF_JNE, R3, 0, 0), have);
		E(LDX(BPF_DW, R3, R7, (int16_t)A.saved));
		P(have);
		EJ(J_I(BPF_JNE, R3, 0, 0), go);
		E(MOV_I(R0, 0));
		EJ(JA(0), done);
		P(go);
		SW(3, R3);
		str_in(x, pc, l->sc_stra, 1);
		str_arg(x, pc, 1, l->sc_strb, 2);
		for (int k = 0; k < 4; k++)
			E(ST(BPF_DW, R7, (int16_t)(A.dset + 8 * k), 0));
		ZERO(1u << 0 | 1u << 6 | 1u << 7 | 1u << 8);
		loop_run(x, CB_STRTOK, 3 * (uint64_t)ss + 8);
		LW(R1, 10);
		E(STX(BPF_DW, R7, R1, (int16_t)A.saved));
		dt_bpf_xl_sczero(x, slot, ss);
		/* the token: [i, j) of the copy */
		LW(R2, 7);
		LW(R3, 6);
		E(ALU_R(BPF_SUB, R2, R3));
		E(J_I(BPF_JLE, R2, (int32_t)ss - 1, 1));
		E(MOV_I(R2, 0));
		E(J_I(BPF_JLE, R3, (int32_t)ss - 1, 1));
		E(MOV_I(R3, 0));
		copy_out(x, 1, l->sc_stra, slot, -1);
		LW(R1, 9); /* found: 1, else the result is NULL */
		E(ALU_R(BPF_MUL, R0, R1));
		P(done);
		return 1;
	}
	case DIF_SUBR_CLEANPATH: {
		uint32_t slot = dt_bpf_xl_salloc(x, ss);

		if (nargs < 1)
			return -2;
		str_arg(x, pc, 0, l->sc_stra, 1);
		dt_bpf_xl_sczero(x, A.out, ss);
		ZERO(1u << 0 | 1u << 6 | 1u << 7 | 1u << 8);
		loop_run(x, CB_CLEAN, 6 * (uint64_t)ss + 16);
		copy_out(x, 0, A.out, slot, (int32_t)ss);
		return 1;
	}
	case DIF_SUBR_INET_NTOA:
	case DIF_SUBR_INET_NTOA6:
	case DIF_SUBR_INET_NTOP: {
		uint32_t slot = dt_bpf_xl_salloc(x, 48), go = L();
		int ai = subr == DIF_SUBR_INET_NTOP ? 1 : 0, v;
		uint32_t lab[2] = { L(), L() };

		if (nargs < ai + 1)
			return -2;
		if (subr == DIF_SUBR_INET_NTOP) {
			dt_bpf_xl_tuparg(x, R1, 0);
			EJ(J_I(BPF_JEQ, R1, 2, 0), lab[0]);
			EJ(J_I(BPF_JEQ, R1, 10, 0), lab[1]);
			dt_bpf_xl_fault(x, pc, DIF_FAULT_ILLOP);
		}
		for (v = 0; v < 2; v++) {
			/* only the families this call can have */
			if ((subr == DIF_SUBR_INET_NTOA && v == 1) ||
			    (subr == DIF_SUBR_INET_NTOA6 && v == 0))
				continue;
			P(lab[v]);
			SWI(1, v ? 10 : 2);
			dt_bpf_xl_tuparg(x, R3, ai);
			E(STX(BPF_DW, FP, R3, SL_FADDR));
			reg_off(x, R1, R7, A.by);
			E(MOV_I(R2, v ? 16 : 4));
			E(CALL(BPF_FUNC_probe_read_kernel));
			E(J_I(BPF_JEQ, R0, 0, 4));
			dt_bpf_xl_fault(x, pc, DIF_FAULT_BADADDR);
			EJ(JA(0), go);
		}
		P(go);
		SWI(0, 0);
		loop_run(x, CB_INET, 32);
		copy_out(x, 0, A.out, slot, 48);
		return 1;
	}
	case DIF_SUBR_LLTOSTR: {
		uint32_t slot = dt_bpf_xl_salloc(x, 72);

		if (nargs < 1)
			return -2;
		base_arg(x, pc, nargs, 1, 2);
		dt_bpf_xl_tuparg(x, R1, 0);
		SW(3, R1);
		SWI(0, 0);
		loop_run(x, CB_LLTOSTR, 72);
		LW(R3, 7);
		E(J_I(BPF_JLE, R3, 71, 1));
		E(MOV_I(R3, 71));
		copy_out(x, 1, A.out, slot, 72);
		return 1;
	}
	case DIF_SUBR_STRTOLL:
		if (nargs < 1)
			return -2;
		base_arg(x, pc, nargs, 1, 2);
		str_arg(x, pc, 0, l->sc_stra, 1);
		ZERO(1u << 0 | 1u << 4 | 1u << 5 | 1u << 6);
		loop_run(x, CB_STRTOLL, 2 * (uint64_t)ss + 8);
		LW(R0, 10);
		return 1;
	}
	return 0;
}

/*
 * cwd / rootdir: the current task's fs->pwd / fs->root, as a path from
 * the global root (dentry names upwards, crossing mounts), at most NCOMP
 * components.  Result (a scratch string) in R0.
 */
int dt_bpf_str_path(xl_t *x, int root)
{
	uint32_t slot;
	area_t A;

	if (!path_offsets()) {
		fail(x, "cwd/rootdir: the kernel's BTF lacks the fs_struct, "
		     "path, dentry or mount members they need");
		return -1;
	}
	area(x->lay, &A);
	loop_user = root ? "rootdir" : "cwd";
	slot = dt_bpf_xl_salloc(x, x->lay->strsize);
	E(CALL(BPF_FUNC_get_current_task));
	E(MOV_R(R3, R0));
	kptr(x, po.task_fs);
	E(MOV_R(R3, R0));
	E(ALU_I(BPF_ADD, R3, root ? po.fs_root : po.fs_pwd));
	SW(7, R3);
	kptr(x, po.path_dentry);
	SW(1, R0);
	LW(R3, 7);
	kptr(x, po.path_mnt);
	SW(2, R0);
	ZERO(1u << 0 | 1u << 3 | 1u << 6);
	loop_run(x, CB_PATH, 2 * NCOMP + NCOMP + 8);
	copy_out(x, 0, A.out, slot, (int32_t)x->lay->strsize);
	return 0;
}

/* ---- loop bodies (R6 is free: a temporary) ---- */

/* R2 = word wi, R3 = word wl; at the end (R2 >= R3) to end, else R4 =
 * the character sc_stra[R2] */
static void at_char(xl_t *x, area_t A, int wi, int wl, uint32_t end,
		    uint32_t bail)
{
	LW(R2, wi);
	LW(R3, wl);
	EJ(J_R(BPF_JGE, R2, R3, 0), end);
	ldb(x, R4, R2, x->lay->sc_stra, x->lay->strsize, bail);
}

/* word wi = R2 + 1, then the next step */
static void step_on(xl_t *x, area_t A, int wi, uint32_t cont)
{
	E(ALU_I(BPF_ADD, R2, 1));
	SW(wi, R2);
	EJ(JA(0), cont);
}

/*
 * index(s, t [, pos]), rindex(s, t [, pos]), strstr(s, t): words 1 len,
 * 2 sublen, 3 kind (0 index, 1 rindex, 2 strstr), 4 has pos, 5 pos,
 * 6 i, 7 j, 8 lo, 9 hi, 10 result, 11 step, 12 address of s.  Phase 0
 * sets the range up; then each step compares one character.
 */
static void cb_index(xl_t *x, area_t A, uint32_t cont, uint32_t stop,
		     uint32_t bail)
{
	uint32_t ss = x->lay->strsize;
	uint32_t step = L(), rsetup = L(), fwd = L(), rchk = L(), rgo = L(),
		 go = L(), cmp = L(), miss = L(), notss = L();

	LW(R1, 0);
	EJ(J_I(BPF_JNE, R1, 0, 0), step);
	LW(R1, 1);
	LW(R2, 2);
	E(MOV_R(R3, R1));
	E(ALU_R(BPF_SUB, R3, R2)); /* last possible match */
	LW(R4, 3);
	SWI(10, -1);
	E(J_I(BPF_JNE, R4, 2, 1));
	SWI(10, 0);
	EJ(J_I(BPF_JEQ, R4, 1, 0), rsetup);
	E(MOV_I(R5, 0));
	EJ(J_I(BPF_JNE, R4, 0, 0), fwd);
	LW(R0, 4);
	EJ(J_I(BPF_JEQ, R0, 0, 0), fwd);
	LW(R5, 5);
	E(J_I(BPF_JSGE, R5, 0, 1));
	E(MOV_I(R5, 0));
	EJ(J_R(BPF_JSLT, R5, R1, 0), fwd);
	/* start at or past the end: only "" is found (at len) */
	EJ(J_I(BPF_JNE, R2, 0, 0), stop);
	SW(10, R1);
	EJ(JA(0), stop);
	P(fwd);
	SW(6, R5);
	SW(8, R5);
	SW(9, R3);
	SWI(11, 1);
	EJ(JA(0), go);
	P(rsetup);
	E(MOV_R(R5, R3));
	LW(R0, 4);
	EJ(J_I(BPF_JEQ, R0, 0, 0), rgo);
	LW(R5, 5);
	EJ(J_I(BPF_JSGE, R5, 0, 0), rchk);
	/* a negative start: only "" is found (at 0) */
	EJ(J_I(BPF_JNE, R2, 0, 0), stop);
	SWI(10, 0);
	EJ(JA(0), stop);
	P(rchk);
	E(J_R(BPF_JSLE, R5, R1, 1));
	E(MOV_R(R5, R1));
	E(J_R(BPF_JSLE, R5, R3, 1));
	E(MOV_R(R5, R3));
	P(rgo);
	SW(6, R5);
	SWI(8, 0);
	SW(9, R5);
	SWI(11, -1);
	P(go);
	SWI(7, 0);
	NEXT_PHASE(1, cont);

	P(step);
	LW(R1, 6);
	LW(R2, 8);
	EJ(J_R(BPF_JSLT, R1, R2, 0), stop);
	LW(R2, 9);
	EJ(J_R(BPF_JSGT, R1, R2, 0), stop);
	LW(R3, 7);
	LW(R2, 2);
	EJ(J_R(BPF_JSLT, R3, R2, 0), cmp);
	/* all of t matched at i */
	LW(R4, 3);
	EJ(J_I(BPF_JNE, R4, 2, 0), notss);
	LW(R2, 12);
	E(ALU_R(BPF_ADD, R1, R2));
	P(notss);
	SW(10, R1);
	EJ(JA(0), stop);
	P(cmp);
	E(MOV_R(R4, R1));
	E(ALU_R(BPF_ADD, R4, R3));
	ldb(x, R5, R4, x->lay->sc_stra, ss, bail);
	ldb(x, R0, R3, x->lay->sc_strb, ss, bail);
	EJ(J_R(BPF_JNE, R5, R0, 0), miss);
	E(ALU_I(BPF_ADD, R3, 1));
	SW(7, R3);
	EJ(JA(0), cont);
	P(miss);
	SWI(7, 0);
	LW(R2, 11);
	E(ALU_R(BPF_ADD, R1, R2));
	SW(6, R1);
	EJ(JA(0), cont);
}

/* R5 = where the delimiter set's byte for the byte in R4 is; R0 = it */
static void dset_byte(xl_t *x, area_t A)
{
	E(MOV_R(R5, R4));
	E(ALU_I(BPF_RSH, R5, 3));
	E(ALU_I(BPF_AND, R5, 31));
	E(ALU_R(BPF_ADD, R5, R7));
	E(LDX(BPF_B, R0, R5, (int16_t)A.dset));
}

/* R0 = 1 if the byte in R4 is in the delimiter set */
static void isdelim(xl_t *x, area_t A)
{
	dset_byte(x, A);
	E(MOV_R(R5, R4));
	E(ALU_I(BPF_AND, R5, 7));
	E(ALU_R(BPF_RSH, R0, R5));
	E(ALU_I(BPF_AND, R0, 1));
}

/*
 * strtok: words 1 len, 2 delimiters' length, 3 address of the string,
 * 6 i (token start), 7 j (token end), 8 k, 9 found, 10 where to go on.
 * Phase 0 builds the delimiter set, 1 skips delimiters, 2 scans the token.
 */
static void cb_strtok(xl_t *x, area_t A, uint32_t cont, uint32_t stop,
		      uint32_t bail)
{
	uint32_t ss = x->lay->strsize;
	uint32_t skip = L(), scan = L(), add = L(), tok = L(), found = L(),
		 none = L();

	PHASES(skip, scan);
	LW(R2, 8);
	LW(R3, 2);
	EJ(J_R(BPF_JLT, R2, R3, 0), add);
	NEXT_PHASE(1, cont);
	P(add);
	ldb(x, R4, R2, x->lay->sc_strb, ss, bail);
	dset_byte(x, A);
	E(MOV_I(R1, 1));
	E(ALU_I(BPF_AND, R4, 7));
	E(ALU_R(BPF_LSH, R1, R4));
	E(ALU_R(BPF_OR, R0, R1));
	E(STX(BPF_B, R5, R0, (int16_t)A.dset));
	E(ALU_I(BPF_ADD, R2, 1));
	SW(8, R2);
	EJ(JA(0), cont);

	P(skip);
	at_char(x, A, 6, 1, none, bail);
	isdelim(x, A);
	EJ(J_I(BPF_JEQ, R0, 0, 0), tok);
	step_on(x, A, 6, cont);
	P(tok);
	SW(7, R2);
	NEXT_PHASE(2, cont);

	P(scan);
	at_char(x, A, 7, 1, found, bail);
	isdelim(x, A);
	EJ(J_I(BPF_JNE, R0, 0, 0), found);
	step_on(x, A, 7, cont);
	P(found);
	/* go on after the delimiter, in the caller's string */
	SWI(9, 1);
	LW(R1, 3);
	E(ALU_R(BPF_ADD, R1, R2));
	E(J_R(BPF_JGE, R2, R3, 1));
	E(ALU_I(BPF_ADD, R1, 1));
	SW(10, R1);
	EJ(JA(0), stop);
	P(none);
	SWI(9, 0);
	SWI(10, 0);
	SWI(6, 0);
	SWI(7, 0);
	EJ(JA(0), stop);
}

/* R0 = the last byte out (word 7 - 1, in R4; word 7 in R5); none: to
 * empty */
static void out_last(xl_t *x, area_t A, uint32_t empty, uint32_t bail)
{
	LW(R5, 7);
	EJ(J_I(BPF_JEQ, R5, 0, 0), empty);
	E(MOV_R(R4, R5));
	E(ALU_I(BPF_SUB, R4, 1));
	ldb(x, R0, R4, A.out, x->lay->strsize, bail);
}

/* out[idx] = src or imm (as stb), then word 7 = idx + 1 */
static void out_add(xl_t *x, area_t A, int idx, int src, int imm,
		    uint32_t bail)
{
	stb(x, idx, A.out, x->lay->strsize - 1, src, imm, bail);
	E(ALU_I(BPF_ADD, idx, 1));
	SW(7, idx);
}

/*
 * cleanpath: words 1 len, 6 i (input), 7 j (output), 8 b (component
 * start).  Phases: 0 at a component boundary, 1 scanning a component,
 * 2 backing up over the previous component (".."), 3 copying one.
 */
static void cb_clean(xl_t *x, area_t A, uint32_t cont, uint32_t stop,
		     uint32_t bail)
{
	uint32_t ss = x->lay->strsize, sa = x->lay->sc_stra;
	uint32_t p1 = L(), p2 = L(), p3 = L(), fin = L(), slash = L(),
		 put = L(), comp = L(), dot = L(), dd = L(), copy = L(),
		 tob = L(), p2end = L(), p2i = L(), p3end = L(), term = L();

	PHASES(p1, p2, p3);
	at_char(x, A, 6, 1, fin, bail);
	EJ(J_I(BPF_JEQ, R4, '/', 0), slash);
	SW(8, R2);
	NEXT_PHASE(1, cont);
	P(slash);
	/* one slash, however many there are */
	E(ALU_I(BPF_ADD, R2, 1));
	SW(6, R2);
	out_last(x, A, put, bail);
	EJ(J_I(BPF_JEQ, R0, '/', 0), cont);
	P(put);
	out_add(x, A, R5, -1, '/', bail);
	EJ(JA(0), cont);

	P(p1);
	at_char(x, A, 6, 1, comp, bail);
	EJ(J_I(BPF_JEQ, R4, '/', 0), comp);
	step_on(x, A, 6, cont);
	P(comp);
	LW(R5, 8);
	E(MOV_R(R4, R2));
	E(ALU_R(BPF_SUB, R4, R5));
	EJ(J_I(BPF_JEQ, R4, 1, 0), dot);
	EJ(J_I(BPF_JEQ, R4, 2, 0), dd);
	EJ(JA(0), copy);
	P(dot);
	ldb(x, R0, R5, sa, ss, bail);
	EJ(J_I(BPF_JNE, R0, '.', 0), copy);
	/* "." : skip it and its slash */
	E(J_R(BPF_JGE, R2, R3, 2));
	E(ALU_I(BPF_ADD, R2, 1));
	SW(6, R2);
	NEXT_PHASE(0, cont);
	P(dd);
	ldb(x, R0, R5, sa, ss, bail);
	EJ(J_I(BPF_JNE, R0, '.', 0), copy);
	E(MOV_R(R1, R5));
	E(ALU_I(BPF_ADD, R1, 1));
	ldb(x, R0, R1, sa, ss, bail);
	EJ(J_I(BPF_JNE, R0, '.', 0), copy);
	/* "..": drop the slash before, then the component */
	out_last(x, A, tob, bail);
	EJ(J_I(BPF_JNE, R0, '/', 0), tob);
	SW(7, R4);
	P(tob);
	NEXT_PHASE(2, cont);
	P(copy);
	NEXT_PHASE(3, cont);

	P(p2);
	out_last(x, A, p2end, bail);
	EJ(J_I(BPF_JEQ, R0, '/', 0), p2end);
	SW(7, R4);
	EJ(JA(0), cont);
	P(p2end);
	LW(R5, 7);
	EJ(J_I(BPF_JNE, R5, 0, 0), p2i);
	LW(R3, 1);
	EJ(J_I(BPF_JEQ, R3, 0, 0), p2i);
	E(LDX(BPF_B, R0, R7, (int16_t)sa));
	EJ(J_I(BPF_JNE, R0, '/', 0), p2i);
	out_add(x, A, R5, -1, '/', bail);
	P(p2i);
	LW(R2, 6);
	LW(R3, 1);
	E(J_R(BPF_JGE, R2, R3, 2));
	E(ALU_I(BPF_ADD, R2, 1));
	SW(6, R2);
	NEXT_PHASE(0, cont);

	P(p3);
	LW(R5, 8);
	LW(R2, 6);
	EJ(J_R(BPF_JGE, R5, R2, 0), p3end);
	ldb(x, R0, R5, sa, ss, bail);
	LW(R4, 7);
	out_add(x, A, R4, R0, 0, bail);
	E(ALU_I(BPF_ADD, R5, 1));
	SW(8, R5);
	EJ(JA(0), cont);
	P(p3end);
	NEXT_PHASE(0, cont);

	P(fin);
	LW(R5, 7);
	EJ(J_I(BPF_JNE, R5, 0, 0), term);
	LW(R3, 1);
	EJ(J_I(BPF_JEQ, R3, 0, 0), term);
	E(LDX(BPF_B, R0, R7, (int16_t)sa));
	E(MOV_I(R1, '.'));
	E(J_I(BPF_JNE, R0, '/', 1));
	E(MOV_I(R1, '/'));
	out_add(x, A, R5, R1, 0, bail);
	P(term);
	LW(R5, 7);
	stb(x, R5, A.out, ss, -1, 0, bail);
	EJ(JA(0), stop);
}

/*
 * After a digit at out[R5]: R5 += 1, or (lead) only when R4 + add carries
 * into bit sh, i.e. when the value reaches this digit: leading zeros are
 * written and then overwritten.
 */
static void digit_adv(xl_t *x, int lead, int32_t add, int sh)
{
	if (!lead) {
		E(ALU_I(BPF_ADD, R5, 1));
		return;
	}
	E(MOV_R(R1, R4));
	E(ALU_I(BPF_ADD, R1, add));
	E(ALU_I(BPF_RSH, R1, sh));
	E(ALU_R(BPF_ADD, R5, R1));
}

/* the byte R4 (0..255) in decimal at out[R5], R5 advanced */
static void dec8(xl_t *x, area_t A)
{
	int k;

	for (k = 0; k < 3; k++) {
		E(MOV_R(R0, R4));
		if (k == 0)
			E(ALU_I(BPF_DIV, R0, 100));
		if (k == 1)
			E(ALU_I(BPF_DIV, R0, 10));
		if (k > 0)
			E(ALU_I(BPF_MOD, R0, 10));
		E(ALU_I(BPF_ADD, R0, '0'));
		out_put(x, A.out, R0, 0);
		/* 100 and 10 carry 156 and 246 into bit 8 */
		digit_adv(x, k < 2, k == 0 ? 156 : 246, 8);
	}
}

/* R5 = word 7, the output length; past 40 (no room for a group or a
 * dotted quad in 48) to bail */
static void inet_len(xl_t *x, area_t A, uint32_t bail)
{
	LW(R5, 7);
	EJ(J_I(BPF_JGT, R5, 40, 0), bail);
}

/* out[R5 - 1] (R5 > 0) is a ':': to lab */
static void after_colon(xl_t *x, area_t A, uint32_t lab)
{
	at_idx(x, R5);
	E(LDX(BPF_B, R0, R6, (int16_t)(A.out - 1)));
	EJ(J_I(BPF_JEQ, R0, ':', 0), lab);
}

/* dotted quad of the address bytes at by+off, appended at word 7 */
static void dotted(xl_t *x, area_t A, int off, uint32_t bail)
{
	int k;

	inet_len(x, A, bail);
	for (k = 0; k < 4; k++) {
		if (k) {
			out_put(x, A.out, -1, '.');
			E(ALU_I(BPF_ADD, R5, 1));
		}
		E(LDX(BPF_B, R4, R7, (int16_t)(A.by + off + k)));
		dec8(x, A);
	}
	SW(7, R5);
}

/* R4 = 16-bit group R2 (0..7) of the address, big endian */
static void group(xl_t *x, area_t A, uint32_t bail)
{
	EJ(J_I(BPF_JGT, R2, 7, 0), bail);
	E(MOV_R(R6, R2));
	E(ALU_I(BPF_LSH, R6, 1));
	E(ALU_R(BPF_ADD, R6, R7));
	E(LDX(BPF_B, R4, R6, (int16_t)A.by));
	E(ALU_I(BPF_LSH, R4, 8));
	E(LDX(BPF_B, R0, R6, (int16_t)(A.by + 1)));
	E(ALU_R(BPF_OR, R4, R0));
}

/*
 * inet: words 1 family, 4 IPv4 tail, 6 i (group), 7 n (output length),
 * 8 current zero run, 9 best run start, 10 its length, 11 groups shown
 * in hex, 12 current run start.  Phase 0 decides the form, 1 finds the
 * first longest zero run, 2 prints the groups, 3 the dotted tail.
 */
static void cb_inet(xl_t *x, area_t A, uint32_t cont, uint32_t stop,
		    uint32_t bail)
{
	uint32_t p1 = L(), p2 = L(), p3 = L(), v6 = L(), ismap = L(),
		 nomap = L(), init = L(), nz = L(), next = L(), p1end = L(),
		 grp = L(), hex = L(), colon = L(), v4 = L(), term = L();
	int sh;

	PHASES(p1, p2, p3);
	LW(R1, 1);
	SWI(7, 0);
	EJ(J_I(BPF_JNE, R1, 2, 0), v6);
	dotted(x, A, 0, bail);
	EJ(JA(0), term);
	P(v6);
	/* IPv4-mapped (::ffff:a.b.c.d) and -compatible (::a.b.c.d) */
	E(LDX(BPF_DW, R2, R7, (int16_t)A.by));
	EJ(J_I(BPF_JNE, R2, 0, 0), nomap);
	E(LDX(BPF_H, R2, R7, (int16_t)(A.by + 8)));
	EJ(J_I(BPF_JNE, R2, 0, 0), nomap);
	E(LDX(BPF_H, R2, R7, (int16_t)(A.by + 10)));
	EJ(J_I(BPF_JEQ, R2, 0xffff, 0), ismap);
	EJ(J_I(BPF_JNE, R2, 0, 0), nomap);
	E(LDX(BPF_H, R3, R7, (int16_t)(A.by + 12)));
	EJ(J_I(BPF_JNE, R3, 0, 0), ismap);
	E(LDX(BPF_B, R3, R7, (int16_t)(A.by + 14)));
	E(ALU_I(BPF_LSH, R3, 8));
	E(LDX(BPF_B, R4, R7, (int16_t)(A.by + 15)));
	E(ALU_R(BPF_OR, R3, R4));
	EJ(J_I(BPF_JGT, R3, 1, 0), ismap);
	EJ(JA(0), nomap);
	P(ismap);
	SWI(4, 1);
	SWI(11, 6);
	EJ(JA(0), init);
	P(nomap);
	SWI(4, 0);
	SWI(11, 8);
	P(init);
	SWI(6, 0);
	SWI(8, 0);
	SWI(9, 8);
	SWI(10, 0);
	SWI(12, 0);
	NEXT_PHASE(1, cont);

	P(p1);
	LW(R2, 6);
	LW(R3, 11);
	EJ(J_R(BPF_JGE, R2, R3, 0), p1end);
	group(x, A, bail);
	LW(R5, 8);
	EJ(J_I(BPF_JNE, R4, 0, 0), nz);
	E(J_I(BPF_JNE, R5, 0, 1));
	SW(12, R2);
	E(ALU_I(BPF_ADD, R5, 1));
	SW(8, R5);
	LW(R1, 10);
	EJ(J_R(BPF_JLE, R5, R1, 0), next);
	SW(10, R5);
	LW(R1, 12);
	SW(9, R1);
	EJ(JA(0), next);
	P(nz);
	SWI(8, 0);
	P(next);
	E(ALU_I(BPF_ADD, R2, 1));
	SW(6, R2);
	EJ(JA(0), cont);
	P(p1end);
	/* a single zero group is not shortened */
	LW(R1, 10);
	E(J_I(BPF_JGE, R1, 2, 1));
	SWI(9, 8);
	SWI(6, 0);
	NEXT_PHASE(2, cont);

	P(p2);
	LW(R2, 6);
	LW(R3, 11);
	EJ(J_R(BPF_JGE, R2, R3, 0), p3);
	inet_len(x, A, bail);
	LW(R1, 9);
	EJ(J_R(BPF_JNE, R2, R1, 0), grp);
	out_put(x, A.out, -1, ':');
	E(ST(BPF_B, R6, (int16_t)(A.out + 1), ':'));
	E(ALU_I(BPF_ADD, R5, 2));
	SW(7, R5);
	LW(R1, 10);
	E(ALU_R(BPF_ADD, R2, R1));
	SW(6, R2);
	EJ(JA(0), cont);
	P(grp);
	EJ(J_I(BPF_JEQ, R2, 0, 0), hex);
	EJ(J_I(BPF_JEQ, R5, 0, 0), hex);
	after_colon(x, A, hex);
	put_b(x, A.out, -1, ':');
	E(ALU_I(BPF_ADD, R5, 1));
	P(hex);
	group(x, A, bail);
	/* lowercase hex without leading zeros */
	for (sh = 12; sh >= 0; sh -= 4) {
		E(MOV_R(R0, R4));
		E(ALU_I(BPF_RSH, R0, sh));
		E(ALU_I(BPF_AND, R0, 15));
		E(MOV_R(R1, R0));
		E(ALU_I(BPF_ADD, R1, 6));
		E(ALU_I(BPF_RSH, R1, 4));
		E(ALU_I(BPF_MUL, R1, 'a' - '0' - 10));
		E(ALU_R(BPF_ADD, R0, R1));
		E(ALU_I(BPF_ADD, R0, '0'));
		out_put(x, A.out, R0, 0);
		digit_adv(x, sh != 0, 0x10000 - (1 << sh), 16);
	}
	SW(7, R5);
	E(ALU_I(BPF_ADD, R2, 1));
	SW(6, R2);
	EJ(JA(0), cont);

	P(p3);
	LW(R1, 4);
	EJ(J_I(BPF_JEQ, R1, 0, 0), term);
	inet_len(x, A, bail);
	EJ(J_I(BPF_JEQ, R5, 0, 0), colon);
	after_colon(x, A, v4);
	P(colon);
	out_put(x, A.out, -1, ':');
	E(ALU_I(BPF_ADD, R5, 1));
	SW(7, R5);
	P(v4);
	dotted(x, A, 12, bail);
	P(term);
	LW(R5, 7);
	stb(x, R5, A.out, 64, -1, 0, bail);
	EJ(JA(0), stop);
}

/* out[--R5] = src or imm (as put_b): lltostr writes from the end */
static void out_pre(xl_t *x, area_t A, int src, int imm)
{
	E(ALU_I(BPF_SUB, R5, 1));
	out_put(x, A.out, src, imm);
}

/*
 * lltostr: words 1 value left, 2 base, 3 the argument, 7 n (first
 * character in out[0..71]).  Digits from the end, then the prefixes:
 * "0x" for hex, "0" for octal and zero, "-" for negative decimal.
 */
static void cb_lltostr(xl_t *x, area_t A, uint32_t cont, uint32_t stop,
		       uint32_t bail)
{
	uint32_t p1 = L(), st = L(), fin = L(), dig = L(), f1 = L(),
		 f2 = L(), z = L(), f3 = L(), f4 = L();

	LW(R1, 0);
	EJ(J_I(BPF_JNE, R1, 0, 0), p1);
	LW(R3, 3);
	E(MOV_R(R1, R3));
	LW(R2, 2);
	EJ(J_I(BPF_JNE, R2, 10, 0), st);
	EJ(J_I(BPF_JSGE, R3, 0, 0), st);
	E(ALU_I(BPF_NEG, R1, 0));
	P(st);
	SW(1, R1);
	SWI(7, 71);
	E(ST(BPF_B, R7, (int16_t)(A.out + 71), 0));
	NEXT_PHASE(1, cont);

	P(p1);
	LW(R1, 1);
	EJ(J_I(BPF_JEQ, R1, 0, 0), fin);
	LW(R2, 2);
	EJ(J_I(BPF_JEQ, R2, 0, 0), bail);
	E(MOV_R(R0, R1));
	E(ALU_R(BPF_MOD, R0, R2));
	E(ALU_R(BPF_DIV, R1, R2));
	SW(1, R1);
	EJ(J_I(BPF_JLT, R0, 10, 0), dig);
	E(ALU_I(BPF_ADD, R0, 'a' - 10 - '0'));
	P(dig);
	E(ALU_I(BPF_ADD, R0, '0'));
	LW(R5, 7);
	EJ(J_I(BPF_JLE, R5, 4, 0), bail);
	EJ(J_I(BPF_JGT, R5, 71, 0), bail);
	out_pre(x, A, R0, 0);
	SW(7, R5);
	EJ(JA(0), cont);

	P(fin);
	LW(R5, 7);
	EJ(J_I(BPF_JLT, R5, 4, 0), bail);
	EJ(J_I(BPF_JGT, R5, 71, 0), bail);
	LW(R3, 3);
	LW(R2, 2);
	EJ(J_I(BPF_JNE, R3, 0, 0), f1);
	EJ(J_I(BPF_JNE, R2, 16, 0), f1);
	out_pre(x, A, -1, '0');
	P(f1);
	EJ(J_I(BPF_JNE, R2, 16, 0), f2);
	out_pre(x, A, -1, 'x');
	P(f2);
	EJ(J_I(BPF_JEQ, R3, 0, 0), z);
	EJ(J_I(BPF_JEQ, R2, 8, 0), z);
	EJ(J_I(BPF_JEQ, R2, 16, 0), z);
	EJ(JA(0), f3);
	P(z);
	out_pre(x, A, -1, '0');
	P(f3);
	EJ(J_I(BPF_JNE, R2, 10, 0), f4);
	EJ(J_I(BPF_JSGE, R3, 0, 0), f4);
	out_pre(x, A, -1, '-');
	P(f4);
	SW(7, R5);
	EJ(JA(0), stop);
}

/*
 * strtoll: words 1 len, 2 base, 4 negative, 5 value, 6 i, 10 result.
 * Phase 0 skips white space, 1 takes a sign and a "0x" for base 16,
 * 2 adds digits.
 */
static void cb_strtoll(xl_t *x, area_t A, uint32_t cont, uint32_t stop,
		       uint32_t bail)
{
	uint32_t ss = x->lay->strsize, sa = x->lay->sc_stra;
	uint32_t p1 = L(), p2 = L(), adv = L(), tosign = L(), neg = L(),
		 sadv = L(), pfx = L(), digs = L(), done = L(), have = L();
	static const struct { int lo, hi, val; } range[3] = {
		{ '0', '9', 0 }, { 'A', 'Z', 10 }, { 'a', 'z', 10 },
	};
	int k;

	PHASES(p1, p2);
	at_char(x, A, 6, 1, tosign, bail);
	EJ(J_I(BPF_JEQ, R4, ' ', 0), adv);
	EJ(J_I(BPF_JLT, R4, '\t', 0), tosign);
	EJ(J_I(BPF_JGT, R4, '\r', 0), tosign);
	P(adv);
	step_on(x, A, 6, cont);
	P(tosign);
	NEXT_PHASE(1, cont);

	P(p1);
	at_char(x, A, 6, 1, pfx, bail);
	EJ(J_I(BPF_JEQ, R4, '-', 0), neg);
	EJ(J_I(BPF_JNE, R4, '+', 0), pfx);
	EJ(JA(0), sadv);
	P(neg);
	SWI(4, 1);
	P(sadv);
	E(ALU_I(BPF_ADD, R2, 1));
	SW(6, R2);
	P(pfx);
	LW(R1, 2);
	EJ(J_I(BPF_JNE, R1, 16, 0), digs);
	E(MOV_R(R0, R2));
	E(ALU_I(BPF_ADD, R0, 1));
	EJ(J_R(BPF_JGE, R0, R3, 0), digs);
	ldb(x, R4, R2, sa, ss, bail);
	EJ(J_I(BPF_JNE, R4, '0', 0), digs);
	ldb(x, R4, R0, sa, ss, bail);
	E(ALU_I(BPF_OR, R4, 0x20));
	EJ(J_I(BPF_JNE, R4, 'x', 0), digs);
	E(ALU_I(BPF_ADD, R2, 2));
	SW(6, R2);
	P(digs);
	NEXT_PHASE(2, cont);

	P(p2);
	at_char(x, A, 6, 1, done, bail);
	/* R0 = the digit's value, 99 for none */
	E(MOV_I(R0, 99));
	for (k = 0; k < 3; k++) {
		uint32_t next = L();

		EJ(J_I(BPF_JLT, R4, range[k].lo, 0), have);
		EJ(J_I(BPF_JGT, R4, range[k].hi, 0), next);
		E(MOV_R(R0, R4));
		E(ALU_I(BPF_SUB, R0, range[k].lo - range[k].val));
		if (k < 2)
			EJ(JA(0), have);
		P(next);
	}
	P(have);
	LW(R1, 2);
	EJ(J_R(BPF_JGE, R0, R1, 0), done);
	LW(R5, 5);
	E(ALU_R(BPF_MUL, R5, R1));
	E(ALU_R(BPF_ADD, R5, R0));
	SW(5, R5);
	step_on(x, A, 6, cont);
	P(done);
	LW(R5, 5);
	LW(R1, 4);
	E(J_I(BPF_JEQ, R1, 0, 1));
	E(ALU_I(BPF_NEG, R5, 0));
	SW(10, R5);
	EJ(JA(0), stop);
}

/* R6 = R7 + 8 * R2: where component pointer R2 is (at A.comp) */
static void comp_at(xl_t *x)
{
	E(MOV_R(R6, R2));
	E(ALU_I(BPF_LSH, R6, 3));
	E(ALU_R(BPF_ADD, R6, R7));
}

/*
 * cwd/rootdir: words 1 dentry, 2 vfsmount, 3 components found, 4 output
 * length, 5 component being written, 6 walking steps.  Phase 0 walks up
 * one dentry (or from a mount's root to where it is mounted) per step,
 * keeping name pointers; phase 1 writes "/name" per step, root first.
 */
static void cb_path(xl_t *x, area_t A, uint32_t cont, uint32_t stop,
		    uint32_t bail)
{
	uint32_t ss = x->lay->strsize;
	uint32_t p1 = L(), notroot = L(), to1 = L(), fin = L(), nz = L();

	PHASES(p1);
	LW(R1, 6);
	EJ(J_I(BPF_JGE, R1, 2 * NCOMP, 0), to1);
	E(ALU_I(BPF_ADD, R1, 1));
	SW(6, R1);
	LW(R3, 2);
	kptr(x, po.mnt_root);
	LW(R1, 1);
	EJ(J_R(BPF_JNE, R0, R1, 0), notroot);
	/* the root of a mount: go on where it is mounted */
	LW(R3, 2);
	E(ALU_I(BPF_SUB, R3, po.mount_mnt));
	SW(8, R3);
	kptr(x, po.mount_parent);
	LW(R1, 8);
	EJ(J_R(BPF_JEQ, R0, R1, 0), to1);
	EJ(J_I(BPF_JEQ, R0, 0, 0), to1);
	E(ALU_I(BPF_ADD, R0, po.mount_mnt));
	SW(2, R0);
	LW(R3, 8);
	kptr(x, po.mount_mountpoint);
	SW(1, R0);
	EJ(JA(0), cont);
	P(notroot);
	LW(R3, 1);
	kptr(x, po.d_parent);
	LW(R1, 1);
	EJ(J_R(BPF_JEQ, R0, R1, 0), to1);
	EJ(J_I(BPF_JEQ, R0, 0, 0), to1);
	SW(9, R0);
	LW(R3, 1);
	kptr(x, po.d_name + po.qstr_name);
	LW(R2, 3);
	EJ(J_I(BPF_JGE, R2, NCOMP, 0), to1);
	comp_at(x);
	E(STX(BPF_DW, R6, R0, (int16_t)A.comp));
	E(ALU_I(BPF_ADD, R2, 1));
	SW(3, R2);
	LW(R1, 9);
	SW(1, R1);
	EJ(JA(0), cont);
	P(to1);
	SWI(0, 1);
	LW(R1, 3);
	SW(5, R1);
	SWI(4, 0);
	EJ(JA(0), cont);

	P(p1);
	LW(R2, 5);
	EJ(J_I(BPF_JEQ, R2, 0, 0), fin);
	EJ(J_I(BPF_JGT, R2, NCOMP, 0), fin);
	E(ALU_I(BPF_SUB, R2, 1));
	SW(5, R2);
	LW(R5, 4);
	EJ(J_I(BPF_JGE, R5, (int32_t)ss - 1, 0), fin);
	out_put(x, A.out, -1, '/');
	E(ALU_I(BPF_ADD, R5, 1));
	SW(4, R5);
	comp_at(x);
	E(LDX(BPF_DW, R3, R6, (int16_t)A.comp));
	E(MOV_R(R1, R7));
	E(ALU_R(BPF_ADD, R1, R5));
	E(ALU_I(BPF_ADD, R1, (int32_t)A.out));
	E(MOV_I(R2, (int32_t)ss));
	E(CALL(BPF_FUNC_probe_read_kernel_str));
	EJ(J_I(BPF_JSLE, R0, 0, 0), cont);
	LW(R5, 4);
	E(ALU_R(BPF_ADD, R5, R0));
	E(ALU_I(BPF_SUB, R5, 1));
	SW(4, R5);
	EJ(JA(0), cont);
	P(fin);
	LW(R5, 4);
	EJ(J_I(BPF_JNE, R5, 0, 0), nz);
	E(ST(BPF_B, R7, (int16_t)A.out, '/'));
	E(MOV_I(R5, 1));
	P(nz);
	E(J_I(BPF_JLE, R5, (int32_t)ss - 1, 1));
	E(MOV_I(R5, (int32_t)ss - 1));
	out_put(x, A.out, -1, 0);
	EJ(JA(0), stop);
	(void)bail;
}
