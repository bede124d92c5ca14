/*
 * dt_cg.c - DIF code generation for one clause (see dt_cg.h).
 *
 * Values live in registers in canonical form: an integer of a type
 * narrower than 64 bits is kept sign- or zero-extended as its type says,
 * so after every operation that can overflow the narrow type we emit
 * SEXT/ZEXT.  By-reference objects (strings, structs, arrays) are held as
 * their address.  Keys and subroutine arguments are evaluated into
 * registers first and only then pushed, so a nested call cannot clobber a
 * half-built tuple.
 */
#include <string.h>
#include "dt_cg.h"
#include "dt_errtags.h"
#include "dt_grammar.h"
#include "dt_ident.h"

#define DT_CG_NOLABEL 0xffffffffu
#define DT_STACK_FRAMES 20 /* default stackframes option */
#define DT_USTACK_FRAMES 100 /* default ustackframes option */

typedef struct dt_cgfix {
	uint32_t f_pc;
	uint32_t f_label;
} dt_cgfix_t;

typedef struct dt_cg {
	dt_pcb_t *cg_pcb;
	dif_instr_t *cg_buf;
	uint32_t cg_len, cg_cap;
	uint64_t *cg_ints;
	uint32_t cg_nints, cg_intcap;
	char *cg_str;
	uint32_t cg_strlen, cg_strcap;
	dif_recslot_t *cg_slots;
	dt_slotfmt_t *cg_fmts;
	uint32_t cg_nslots, cg_slotcap;
	uint32_t cg_recsize;
	dt_action_t *cg_acts;
	uint32_t cg_nacts, cg_actcap;
	uint32_t *cg_actpc;
	uint32_t cg_nstmts, cg_actpccap;
	uint32_t *cg_labels;
	uint32_t cg_nlabels, cg_labcap;
	dt_cgfix_t *cg_fix;
	uint32_t cg_nfix, cg_fixcap;
	uint32_t cg_regs; /* bit i: %ri in use */
	int cg_line;
	/* while storing into a by-ref variable: its scratch copy */
	dt_node_t *cg_subst;
	unsigned cg_substreg;
} dt_cg_t;

/* grow an arena array to hold at least need elements */
static void *dt_cg_grow(dt_pcb_t *pcb, void *p, uint32_t *cap, size_t esz,
			uint32_t used, uint32_t need)
{
	void *np;
	uint32_t nc;

	if (need <= *cap)
		return p;
	nc = *cap ? *cap * 2 : 16;
	while (nc < need)
		nc *= 2;
	np = dt_arena_alloc(pcb->pcb_arena, esz * nc);
	if (used)
		memcpy(np, p, esz * used);
	*cap = nc;
	return np;
}

static void dt_cg_emit(dt_cg_t *cg, unsigned op, unsigned rd, unsigned r1,
		       unsigned r2, uint32_t imm)
{
	cg->cg_buf = dt_cg_grow(cg->cg_pcb, cg->cg_buf, &cg->cg_cap,
	    sizeof(dif_instr_t), cg->cg_len, cg->cg_len + 1);
	cg->cg_buf[cg->cg_len++] = DIF_INSTR(op, rd, r1, r2, imm);
}

static uint32_t dt_cg_label(dt_cg_t *cg)
{
	cg->cg_labels = dt_cg_grow(cg->cg_pcb, cg->cg_labels, &cg->cg_labcap,
	    sizeof(uint32_t), cg->cg_nlabels, cg->cg_nlabels + 1);
	cg->cg_labels[cg->cg_nlabels] = DT_CG_NOLABEL;
	return cg->cg_nlabels++;
}

static void dt_cg_place(dt_cg_t *cg, uint32_t l)
{
	cg->cg_labels[l] = cg->cg_len;
}

/* a forward branch to a label placed later */
static void dt_cg_branch(dt_cg_t *cg, unsigned op, unsigned r1, unsigned r2,
			 uint32_t l)
{
	cg->cg_fix = dt_cg_grow(cg->cg_pcb, cg->cg_fix, &cg->cg_fixcap,
	    sizeof(dt_cgfix_t), cg->cg_nfix, cg->cg_nfix + 1);
	cg->cg_fix[cg->cg_nfix].f_pc = cg->cg_len;
	cg->cg_fix[cg->cg_nfix++].f_label = l;
	dt_cg_emit(cg, op, 0, r1, r2, 0);
}

static unsigned dt_cg_reg(dt_cg_t *cg)
{
	unsigned r;
	for (r = 1; r < DIF_NREGS; r++)
		if (!(cg->cg_regs & (1u << r))) {
			cg->cg_regs |= 1u << r;
			return r;
		}
	dt_cc_error(cg->cg_pcb, cg->cg_line, D_NOREG,
	    "Insufficient registers to generate code");
}

static void dt_cg_free(dt_cg_t *cg, unsigned r)
{
	if (r != 0)
		cg->cg_regs &= ~(1u << r);
}

static uint32_t dt_cg_str(dt_cg_t *cg, const char *s)
{
	uint32_t off = 0, n = (uint32_t)strlen(s) + 1;

	/* reuse an identical string already in the table */
	while (off < cg->cg_strlen) {
		if (strcmp(cg->cg_str + off, s) == 0)
			return off;
		off += (uint32_t)strlen(cg->cg_str + off) + 1;
	}
	cg->cg_str = dt_cg_grow(cg->cg_pcb, cg->cg_str, &cg->cg_strcap, 1,
	    cg->cg_strlen, cg->cg_strlen + n);
	memcpy(cg->cg_str + cg->cg_strlen, s, n);
	off = cg->cg_strlen;
	cg->cg_strlen += n;
	return off;
}

static void dt_cg_setint(dt_cg_t *cg, unsigned rd, int64_t v)
{
	uint32_t i;

	if (v >= INT32_MIN && v <= INT32_MAX) {
		dt_cg_emit(cg, DIF_OP_LDI, rd, 0, 0, (uint32_t)(int32_t)v);
		return;
	}
	for (i = 0; i < cg->cg_nints; i++)
		if (cg->cg_ints[i] == (uint64_t)v)
			break;
	if (i == cg->cg_nints) {
		cg->cg_ints = dt_cg_grow(cg->cg_pcb, cg->cg_ints,
		    &cg->cg_intcap, sizeof(uint64_t), cg->cg_nints,
		    cg->cg_nints + 1);
		cg->cg_ints[cg->cg_nints++] = (uint64_t)v;
	}
	dt_cg_emit(cg, DIF_OP_SETX, rd, 0, 0, i);
}

dif_type_t dt_cg_diftype(dt_pcb_t *pcb, dt_type_t *t)
{
	dif_type_t d;
	dt_type_t *b = dt_type_base(t);

	memset(&d, 0, sizeof(d));
	d.dt_size = b->dt_size;
	if (b->dt_kind == DT_TK_STRING) {
		d.dt_byref = 1;
		d.dt_string = 1;
		d.dt_size = pcb->pcb_strsize;
	} else if (dt_type_is_byref(b)) {
		d.dt_byref = 1;
	} else if (b->dt_kind == DT_TK_PTR) {
		d.dt_size = 8;
	} else {
		d.dt_signed = dt_type_is_signed(b);
		if (d.dt_size == 0 || d.dt_size > 8)
			d.dt_size = 8;
	}
	return d;
}

uint32_t dt_cg_keysize(dt_pcb_t *pcb, dt_type_t *t)
{
	dt_type_t *b = dt_type_base(t);
	if (b->dt_kind == DT_TK_STRING)
		return pcb->pcb_strsize;
	if (dt_type_is_byref(b))
		return b->dt_size;
	return 8;
}

/* canonical form of a value of type from, converted to type to */
static void dt_cg_convert(dt_cg_t *cg, unsigned r, dt_type_t *from,
			  dt_type_t *to)
{
	dt_type_t *f = dt_type_base(from), *t = dt_type_base(to);
	int fint = dt_type_is_integer(f), tsgn;

	if (!dt_type_is_integer(t) || t->dt_size >= 8 || r == 0)
		return;
	tsgn = dt_type_is_signed(t);
	if (fint && f->dt_size < t->dt_size &&
	    (dt_type_is_signed(f) == tsgn || !dt_type_is_signed(f)))
		return;
	if (fint && f->dt_size == t->dt_size && dt_type_is_signed(f) == tsgn)
		return;
	dt_cg_emit(cg, tsgn ? DIF_OP_SEXT : DIF_OP_ZEXT, r, r, 0,
	    t->dt_size * 8);
}

/* re-canonicalize after an operation computed in type t */
static void dt_cg_narrow(dt_cg_t *cg, unsigned r, dt_type_t *t)
{
	t = dt_type_base(t);
	if (dt_type_is_integer(t) && t->dt_size < 8)
		dt_cg_emit(cg, dt_type_is_signed(t) ? DIF_OP_SEXT : DIF_OP_ZEXT,
		    r, r, 0, t->dt_size * 8);
}

static unsigned dt_cg_load_op(dt_type_t *t)
{
	t = dt_type_base(t);
	if (t->dt_kind == DT_TK_PTR)
		return DIF_OP_LDX;
	switch (t->dt_size) {
	case 1: return dt_type_is_signed(t) ? DIF_OP_LDSB : DIF_OP_LDUB;
	case 2: return dt_type_is_signed(t) ? DIF_OP_LDSH : DIF_OP_LDUH;
	case 4: return dt_type_is_signed(t) ? DIF_OP_LDSW : DIF_OP_LDUW;
	default: return DIF_OP_LDX;
	}
}

static unsigned dt_cg_store_op(dt_type_t *t)
{
	t = dt_type_base(t);
	switch (t->dt_kind == DT_TK_PTR ? 8 : t->dt_size) {
	case 1: return DIF_OP_STB;
	case 2: return DIF_OP_STH;
	case 4: return DIF_OP_STW;
	default: return DIF_OP_STX;
	}
}

static unsigned dt_cg_expr(dt_cg_t *cg, dt_node_t *n);

/* evaluate a key list into registers, then push them all */
static void dt_cg_pushkeys(dt_cg_t *cg, dt_node_t *keys, dt_type_t **ktypes)
{
	unsigned r[DIF_TUPLE_MAX];
	dt_node_t *k;
	int i, nk = 0;

	for (k = keys; k != NULL; k = k->n_next) {
		r[nk] = dt_cg_expr(cg, k);
		if (ktypes != NULL)
			dt_cg_convert(cg, r[nk], k->n_type, ktypes[nk]);
		nk++;
	}
	dt_cg_emit(cg, DIF_OP_FLUSHTS, 0, 0, 0, 0);
	for (k = keys, i = 0; k != NULL; k = k->n_next, i++) {
		dt_type_t *t = dt_type_base(k->n_type);
		if (t->dt_kind == DT_TK_STRING)
			dt_cg_emit(cg, DIF_OP_PUSHTS, 0, r[i], 0, 0);
		else if (dt_type_is_byref(t))
			dt_cg_emit(cg, DIF_OP_PUSHTR, 0, r[i], 0, t->dt_size);
		else
			dt_cg_emit(cg, DIF_OP_PUSHTV, 0, r[i], 0, 0);
		dt_cg_free(cg, r[i]);
	}
}

/* the address of an lvalue in memory (member, *p, p[i]) */
static unsigned dt_cg_addr(dt_cg_t *cg, dt_node_t *n)
{
	unsigned r, ri, rs;
	dt_type_t *t;

	switch (n->n_kind) {
	case DN_MEMBER:
		r = dt_cg_expr(cg, n->n_a); /* struct address or pointer */
		if (n->n_member->dm_offset != 0) {
			rs = dt_cg_reg(cg);
			dt_cg_setint(cg, rs, n->n_member->dm_offset);
			dt_cg_emit(cg, DIF_OP_ADD, r, r, rs, 0);
			dt_cg_free(cg, rs);
		}
		return r;
	case DN_UNARY: /* '*' */
		return dt_cg_expr(cg, n->n_a);
	case DN_INDEX:
		r = dt_cg_expr(cg, n->n_a);
		ri = dt_cg_expr(cg, n->n_list);
		t = dt_type_base(n->n_type);
		if (t->dt_size != 1) {
			rs = dt_cg_reg(cg);
			dt_cg_setint(cg, rs, t->dt_size);
			dt_cg_emit(cg, DIF_OP_MUL, ri, ri, rs, 0);
			dt_cg_free(cg, rs);
		}
		dt_cg_emit(cg, DIF_OP_ADD, r, r, ri, 0);
		dt_cg_free(cg, ri);
		return r;
	default:
		dt_cc_error(cg->cg_pcb, n->n_line, D_ADDROF_LVAL,
		    "unary & operator requires an lvalue as its operand");
	}
}

/* load the value an lvalue in memory holds (by-ref: its address) */
static unsigned dt_cg_memload(dt_cg_t *cg, dt_node_t *n)
{
	unsigned r = dt_cg_addr(cg, n);

	if (n->n_kind == DN_MEMBER && n->n_member->dm_bits != 0) {
		/* a bit-field: load its unit, shift it down, cut it out */
		const dt_member_t *m = n->n_member;
		dt_type_t *t = dt_type_base(m->dm_type);
		unsigned rt = dt_cg_reg(cg);
		dt_cg_emit(cg, t->dt_size == 1 ? DIF_OP_LDUB : t->dt_size == 2 ?
		    DIF_OP_LDUH : t->dt_size == 4 ? DIF_OP_LDUW : DIF_OP_LDX,
		    r, r, 0, 0);
		if (m->dm_bitoff != 0) {
			dt_cg_setint(cg, rt, m->dm_bitoff);
			dt_cg_emit(cg, DIF_OP_SRL, r, r, rt, 0);
		}
		if (m->dm_bits < 64) {
			if (dt_type_is_signed(t)) {
				dt_cg_setint(cg, rt, 64 - m->dm_bits);
				dt_cg_emit(cg, DIF_OP_SHL, r, r, rt, 0);
				dt_cg_emit(cg, DIF_OP_SRA, r, r, rt, 0);
			} else {
				dt_cg_setint(cg, rt,
				    (int64_t)((1ULL << m->dm_bits) - 1));
				dt_cg_emit(cg, DIF_OP_AND, r, r, rt, 0);
			}
		}
		dt_cg_free(cg, rt);
		return r;
	}
	if (!dt_type_is_byref(n->n_type))
		dt_cg_emit(cg, dt_cg_load_op(n->n_type), r, r, 0, 0);
	return r;
}

/* load a variable (scalar or associative) */
static unsigned dt_cg_varload(dt_cg_t *cg, dt_node_t *n)
{
	dt_ident_t *id = n->n_ident;
	unsigned rd;
	static const unsigned sop[] = { DIF_OP_LDGV, DIF_OP_LDTV, DIF_OP_LDLV };
	static const unsigned aop[] = { DIF_OP_LDGA, DIF_OP_LDTA, DIF_OP_LDGA };

	if (n->n_kind == DN_INDEX) {
		dt_cg_pushkeys(cg, n->n_list, id->di_keys);
		rd = dt_cg_reg(cg);
		dt_cg_emit(cg, aop[id->di_scope], rd, 0, 0, id->di_id);
		return rd;
	}
	rd = dt_cg_reg(cg);
	dt_cg_emit(cg, sop[id->di_scope], rd, 0, 0, id->di_id);
	return rd;
}

static int dt_cg_isvar(dt_node_t *n)
{
	return (n->n_kind == DN_IDENT || n->n_kind == DN_SELFVAR ||
	    n->n_kind == DN_THISVAR || n->n_kind == DN_INDEX) &&
	    n->n_ident != NULL && n->n_ident->di_kind == DI_VAR;
}

/* the by-ref variable a member/element lvalue lives in, if any */
static dt_node_t *dt_cg_byref_root(dt_node_t *l)
{
	dt_node_t *n = l;

	for (;;) {
		if (n->n_kind == DN_MEMBER && n->n_op == '.' && n->n_inl == NULL)
			n = n->n_a;
		else if (n->n_kind == DN_INDEX && n->n_ptrderef &&
		    dt_type_base(n->n_a->n_type)->dt_kind == DT_TK_ARRAY)
			n = n->n_a;
		else
			break;
	}
	if (n != l && dt_cg_isvar(n) && dt_type_is_byref(n->n_type))
		return n;
	return NULL;
}

/*
 * Store r into lvalue l.  For associative arrays the keys are evaluated
 * again here; keys of a D lvalue have no side effects we must preserve
 * except in pathological scripts.
 */
/*
 * A bit-field store: read its unit at address ra, clear the field's bits,
 * merge in the low bits of r (left as it is: the assignment's value) and
 * write the unit back.
 */
static void dt_cg_bitstore(dt_cg_t *cg, const dt_member_t *m, unsigned ra,
			   unsigned r)
{
	dt_type_t *t = dt_type_base(m->dm_type);
	uint64_t mask = (m->dm_bits < 64 ? (1ULL << m->dm_bits) - 1 : ~0ULL)
			<< m->dm_bitoff;
	unsigned ru = dt_cg_reg(cg), rv = dt_cg_reg(cg), rm = dt_cg_reg(cg);

	dt_cg_emit(cg, t->dt_size == 1 ? DIF_OP_LDUB : t->dt_size == 2 ?
	    DIF_OP_LDUH : t->dt_size == 4 ? DIF_OP_LDUW : DIF_OP_LDX,
	    ru, ra, 0, 0);
	dt_cg_setint(cg, rm, (int64_t)~mask);
	dt_cg_emit(cg, DIF_OP_AND, ru, ru, rm, 0);
	dt_cg_emit(cg, DIF_OP_MOV, rv, r, 0, 0);
	if (m->dm_bitoff != 0) {
		dt_cg_setint(cg, rm, m->dm_bitoff);
		dt_cg_emit(cg, DIF_OP_SHL, rv, rv, rm, 0);
	}
	dt_cg_setint(cg, rm, (int64_t)mask);
	dt_cg_emit(cg, DIF_OP_AND, rv, rv, rm, 0);
	dt_cg_emit(cg, DIF_OP_OR, ru, ru, rv, 0);
	dt_cg_emit(cg, dt_cg_store_op(t), ra, ru, 0, 0);
	dt_cg_free(cg, rm);
	dt_cg_free(cg, rv);
	dt_cg_free(cg, ru);
}

static void dt_cg_store(dt_cg_t *cg, dt_node_t *l, unsigned r)
{
	static const unsigned sop[] = { DIF_OP_STGV, DIF_OP_STTV, DIF_OP_STLV };
	static const unsigned aop[] = { DIF_OP_STGA, DIF_OP_STTA, DIF_OP_STGA };

	if (dt_cg_isvar(l)) {
		dt_ident_t *id = l->n_ident;
		if (l->n_kind == DN_INDEX) {
			dt_cg_pushkeys(cg, l->n_list, id->di_keys);
			dt_cg_emit(cg, aop[id->di_scope], 0, r, 0, id->di_id);
		} else {
			dt_cg_emit(cg, sop[id->di_scope], 0, r, 0, id->di_id);
		}
		return;
	}
	{
		dt_node_t *root = dt_cg_byref_root(l);
		unsigned ra, rs = 0;

		if (root != NULL) {
			/*
			 * A member or element of a struct/array variable: the
			 * VM stores only into scratch, so copy the variable
			 * there, store into the copy, and write it back.
			 */
			uint32_t sz = dt_type_base(root->n_type)->dt_size;
			unsigned rr = dt_cg_expr(cg, root), rz = dt_cg_reg(cg);
			rs = dt_cg_reg(cg);
			dt_cg_setint(cg, rz, sz);
			dt_cg_emit(cg, DIF_OP_ALLOCS, rs, rz, 0, 0);
			dt_cg_emit(cg, DIF_OP_COPYS, rs, rr, 0, sz);
			dt_cg_free(cg, rr);
			dt_cg_free(cg, rz);
			cg->cg_subst = root;
			cg->cg_substreg = rs;
		}
		ra = dt_cg_addr(cg, l);
		cg->cg_subst = NULL;
		if (l->n_kind == DN_MEMBER && l->n_member->dm_bits != 0)
			dt_cg_bitstore(cg, l->n_member, ra, r);
		else
			dt_cg_emit(cg, dt_cg_store_op(l->n_type), ra, r, 0, 0);
		dt_cg_free(cg, ra);
		if (root != NULL) {
			dt_cg_store(cg, root, rs);
			dt_cg_free(cg, rs);
		}
	}
}

/* rd = (ra op rb) as 0/1 */
static void dt_cg_cmp(dt_cg_t *cg, int op, unsigned rd, unsigned ra,
		      unsigned rb, int sgn)
{
	unsigned bop;
	uint32_t l = dt_cg_label(cg);

	switch (op) {
	case TK_EQ: bop = DIF_OP_BEQ; break;
	case TK_NE: bop = DIF_OP_BNE; break;
	case '<': bop = sgn ? DIF_OP_BLT : DIF_OP_BLTU; break;
	case '>': bop = sgn ? DIF_OP_BGT : DIF_OP_BGTU; break;
	case TK_LE: bop = sgn ? DIF_OP_BLE : DIF_OP_BLEU; break;
	default: bop = sgn ? DIF_OP_BGE : DIF_OP_BGEU; break;
	}
	/* rd may be ra or rb: compute into a fresh register */
	{
		unsigned t = dt_cg_reg(cg);
		dt_cg_emit(cg, DIF_OP_LDI, t, 0, 0, 1);
		dt_cg_branch(cg, bop, ra, rb, l);
		dt_cg_emit(cg, DIF_OP_LDI, t, 0, 0, 0);
		dt_cg_place(cg, l);
		dt_cg_emit(cg, DIF_OP_MOV, rd, t, 0, 0);
		dt_cg_free(cg, t);
	}
}

static unsigned dt_cg_arith_op(int op, int sgn)
{
	switch (op) {
	case '+': case TK_ADD_EQ: case TK_INC: return DIF_OP_ADD;
	case '-': case TK_SUB_EQ: case TK_DEC: return DIF_OP_SUB;
	case '*': case TK_MUL_EQ: return DIF_OP_MUL;
	case '/': case TK_DIV_EQ: return sgn ? DIF_OP_SDIV : DIF_OP_UDIV;
	case '%': case TK_MOD_EQ: return sgn ? DIF_OP_SREM : DIF_OP_UREM;
	case '&': case TK_AND_EQ: return DIF_OP_AND;
	case '|': case TK_OR_EQ: return DIF_OP_OR;
	case '^': case TK_XOR_EQ: return DIF_OP_XOR;
	case TK_LSH: case TK_LSH_EQ: return DIF_OP_SHL;
	case TK_RSH: case TK_RSH_EQ: return sgn ? DIF_OP_SRA : DIF_OP_SRL;
	default: return DIF_OP_NOP;
	}
}

/* pointer +/- integer: scale the integer register by the element size */
static void dt_cg_scale(dt_cg_t *cg, unsigned ri, dt_type_t *ptype)
{
	dt_type_t *p = dt_type_base(ptype);
	uint32_t sz = p->dt_ref ? dt_type_base(p->dt_ref)->dt_size : 1;
	unsigned rs;

	if (sz <= 1)
		return;
	rs = dt_cg_reg(cg);
	dt_cg_setint(cg, rs, sz);
	dt_cg_emit(cg, DIF_OP_MUL, ri, ri, rs, 0);
	dt_cg_free(cg, rs);
}

static unsigned dt_cg_binary(dt_cg_t *cg, dt_node_t *n)
{
	dt_node_t *a = n->n_a, *b = n->n_b;
	unsigned ra = dt_cg_expr(cg, a), rb = dt_cg_expr(cg, b);
	dt_type_t *rt = n->n_type;

	switch (n->n_op) {
	case TK_EQ:
	case TK_NE:
	case '<':
	case '>':
	case TK_LE:
	case TK_GE: {
		int sgn = 0;
		if (dt_type_is_string(a->n_type) || dt_type_is_string(b->n_type)) {
			dt_cg_emit(cg, DIF_OP_SCMP, ra, ra, rb, 0);
			dt_cg_cmp(cg, n->n_op, ra, ra, 0, 1);
		} else {
			if (dt_type_is_integer(a->n_type) &&
			    dt_type_is_integer(b->n_type)) {
				dt_type_t *ct = dt_type_base(a->n_type);
				dt_type_t *cb = dt_type_base(b->n_type);
				/* usual arithmetic conversions */
				dt_type_t *c = ct->dt_size < 4 &&
				    cb->dt_size < 4 ? NULL :
				    ct->dt_size > cb->dt_size ? ct :
				    cb->dt_size > ct->dt_size ? cb :
				    !ct->dt_signed ? ct : cb;
				if (c == NULL) {
					sgn = 1;
				} else {
					if (c->dt_size < 4)
						c = dt_type_lookup(
						    cg->cg_pcb->pcb_types, "int");
					sgn = dt_type_is_signed(c);
					dt_cg_convert(cg, ra, a->n_type, c);
					dt_cg_convert(cg, rb, b->n_type, c);
				}
			}
			dt_cg_cmp(cg, n->n_op, ra, ra, rb, sgn);
		}
		dt_cg_free(cg, rb);
		return ra;
	}
	case '+':
	case '-':
		if (dt_type_is_pointer(a->n_type) && dt_type_is_pointer(b->n_type)) {
			/* pointer difference in elements */
			dt_type_t *p = dt_type_base(a->n_type);
			uint32_t sz = dt_type_base(p->dt_ref)->dt_size;
			dt_cg_emit(cg, DIF_OP_SUB, ra, ra, rb, 0);
			if (sz > 1) {
				dt_cg_setint(cg, rb, sz);
				dt_cg_emit(cg, DIF_OP_SDIV, ra, ra, rb, 0);
			}
			dt_cg_free(cg, rb);
			return ra;
		}
		if (dt_type_is_pointer(a->n_type))
			dt_cg_scale(cg, rb, a->n_type);
		else if (dt_type_is_pointer(b->n_type))
			dt_cg_scale(cg, ra, b->n_type);
		break;
	default:
		break;
	}
	if (dt_type_is_integer(rt)) {
		if (n->n_op == TK_LSH || n->n_op == TK_RSH) {
			dt_cg_convert(cg, ra, a->n_type, rt);
		} else {
			dt_cg_convert(cg, ra, a->n_type, rt);
			dt_cg_convert(cg, rb, b->n_type, rt);
		}
	}
	dt_cg_emit(cg, dt_cg_arith_op(n->n_op, dt_type_is_signed(rt)), ra, ra,
	    rb, 0);
	dt_cg_narrow(cg, ra, rt);
	dt_cg_free(cg, rb);
	return ra;
}

static unsigned dt_cg_logical(dt_cg_t *cg, dt_node_t *n)
{
	unsigned rd = dt_cg_reg(cg), ra, rb;
	uint32_t l = dt_cg_label(cg);

	if (n->n_op == TK_LXOR) {
		ra = dt_cg_expr(cg, n->n_a);
		dt_cg_cmp(cg, TK_NE, ra, ra, 0, 0);
		rb = dt_cg_expr(cg, n->n_b);
		dt_cg_cmp(cg, TK_NE, rb, rb, 0, 0);
		dt_cg_emit(cg, DIF_OP_XOR, rd, ra, rb, 0);
		dt_cg_free(cg, ra);
		dt_cg_free(cg, rb);
		return rd;
	}
	if (n->n_op == TK_LAND) {
		dt_cg_emit(cg, DIF_OP_LDI, rd, 0, 0, 0);
		ra = dt_cg_expr(cg, n->n_a);
		dt_cg_branch(cg, DIF_OP_BEQ, ra, 0, l);
		dt_cg_free(cg, ra);
		rb = dt_cg_expr(cg, n->n_b);
		dt_cg_branch(cg, DIF_OP_BEQ, rb, 0, l);
		dt_cg_free(cg, rb);
		dt_cg_emit(cg, DIF_OP_LDI, rd, 0, 0, 1);
	} else {
		dt_cg_emit(cg, DIF_OP_LDI, rd, 0, 0, 1);
		ra = dt_cg_expr(cg, n->n_a);
		dt_cg_branch(cg, DIF_OP_BNE, ra, 0, l);
		dt_cg_free(cg, ra);
		rb = dt_cg_expr(cg, n->n_b);
		dt_cg_branch(cg, DIF_OP_BNE, rb, 0, l);
		dt_cg_free(cg, rb);
		dt_cg_emit(cg, DIF_OP_LDI, rd, 0, 0, 0);
	}
	dt_cg_place(cg, l);
	return rd;
}

static unsigned dt_cg_ternary(dt_cg_t *cg, dt_node_t *n)
{
	unsigned rd = dt_cg_reg(cg), rc, r;
	uint32_t lelse = dt_cg_label(cg), lend = dt_cg_label(cg);

	rc = dt_cg_expr(cg, n->n_a);
	dt_cg_branch(cg, DIF_OP_BEQ, rc, 0, lelse);
	dt_cg_free(cg, rc);
	r = dt_cg_expr(cg, n->n_b);
	dt_cg_convert(cg, r, n->n_b->n_type, n->n_type);
	dt_cg_emit(cg, DIF_OP_MOV, rd, r, 0, 0);
	dt_cg_free(cg, r);
	dt_cg_branch(cg, DIF_OP_BA, 0, 0, lend);
	dt_cg_place(cg, lelse);
	r = dt_cg_expr(cg, n->n_c);
	dt_cg_convert(cg, r, n->n_c->n_type, n->n_type);
	dt_cg_emit(cg, DIF_OP_MOV, rd, r, 0, 0);
	dt_cg_free(cg, r);
	dt_cg_place(cg, lend);
	return rd;
}

static unsigned dt_cg_lvalload(dt_cg_t *cg, dt_node_t *l)
{
	return dt_cg_isvar(l) ? dt_cg_varload(cg, l) : dt_cg_memload(cg, l);
}

static unsigned dt_cg_assign(dt_cg_t *cg, dt_node_t *n)
{
	dt_node_t *l = n->n_a, *r = n->n_b;
	unsigned rv = dt_cg_expr(cg, r), rl;

	if (n->n_op == '=') {
		dt_cg_convert(cg, rv, r->n_type, l->n_type);
		dt_cg_store(cg, l, rv);
		return rv;
	}
	rl = dt_cg_lvalload(cg, l);
	if (n->n_optype != NULL) {
		/* computed in the common type, then converted back */
		dt_type_t *ct = n->n_optype;
		dt_cg_convert(cg, rl, l->n_type, ct);
		if (n->n_op != TK_LSH_EQ && n->n_op != TK_RSH_EQ)
			dt_cg_convert(cg, rv, r->n_type, ct);
		dt_cg_emit(cg, dt_cg_arith_op(n->n_op, dt_type_is_signed(ct)),
		    rl, rl, rv, 0);
		dt_cg_narrow(cg, rl, ct);
		dt_cg_convert(cg, rl, ct, l->n_type);
	} else {
		if (dt_type_base(l->n_type)->dt_kind == DT_TK_PTR)
			dt_cg_scale(cg, rv, l->n_type);
		dt_cg_emit(cg, dt_cg_arith_op(n->n_op, 0), rl, rl, rv, 0);
	}
	dt_cg_narrow(cg, rl, l->n_type);
	dt_cg_free(cg, rv);
	dt_cg_store(cg, l, rl);
	return rl;
}

static unsigned dt_cg_incdec(dt_cg_t *cg, dt_node_t *n)
{
	dt_node_t *l = n->n_a;
	unsigned rl = dt_cg_lvalload(cg, l), rn = dt_cg_reg(cg), r1;
	dt_type_t *t = dt_type_base(l->n_type);

	r1 = dt_cg_reg(cg);
	dt_cg_setint(cg, r1, t->dt_kind == DT_TK_PTR ?
	    dt_type_base(t->dt_ref)->dt_size : 1);
	dt_cg_emit(cg, n->n_op == TK_INC ? DIF_OP_ADD : DIF_OP_SUB, rn, rl, r1,
	    0);
	dt_cg_free(cg, r1);
	dt_cg_narrow(cg, rn, t);
	dt_cg_store(cg, l, rn);
	if (n->n_post) {
		dt_cg_free(cg, rn);
		return rl;
	}
	dt_cg_free(cg, rl);
	return rn;
}

static unsigned dt_cg_call(dt_cg_t *cg, dt_node_t *n)
{
	unsigned r[DIF_TUPLE_MAX], rd;
	dt_node_t *a;
	int i, na = 0;

	if (n->n_func->df_kind == DF_FMT)
		return dt_cg_expr(cg, n->n_list);
	if (n->n_func->df_kind != DF_SUBR) /* stack()/ustack() as values */
		return 0;
	for (a = n->n_list; a != NULL; a = a->n_next)
		r[na++] = dt_cg_expr(cg, a);
	dt_cg_emit(cg, DIF_OP_FLUSHTS, 0, 0, 0, 0);
	for (a = n->n_list, i = 0; a != NULL; a = a->n_next, i++) {
		dt_cg_emit(cg, dt_type_is_string(a->n_type) ? DIF_OP_PUSHTS :
		    DIF_OP_PUSHTV, 0, r[i], 0, 0);
		dt_cg_free(cg, r[i]);
	}
	rd = dt_cg_reg(cg);
	dt_cg_emit(cg, DIF_OP_CALL, rd, 0, 0, (uint32_t)n->n_func->df_code);
	return rd;
}

/*
 * xlate<struct T>(e) as a whole: a zeroed T in scratch with every member
 * the translator defines stored into it; its address is the value.
 */
static unsigned dt_cg_xlate_whole(dt_cg_t *cg, dt_node_t *n)
{
	dt_node_t *xm;
	unsigned rs = dt_cg_reg(cg), rt = dt_cg_reg(cg);

	dt_cg_setint(cg, rt, dt_type_base(n->n_type)->dt_size);
	dt_cg_emit(cg, DIF_OP_ALLOCS, rs, rt, 0, 0);
	for (xm = n->n_list; xm != NULL; xm = xm->n_next) {
		const dt_member_t *m = xm->n_member;
		unsigned rv = dt_cg_expr(cg, xm->n_a);

		dt_cg_setint(cg, rt, m->dm_offset);
		dt_cg_emit(cg, DIF_OP_ADD, rt, rs, rt, 0);
		if (dt_type_is_byref(m->dm_type)) {
			dt_cg_emit(cg, DIF_OP_COPYS, rt, rv, 0,
			    dt_type_base(m->dm_type)->dt_size);
		} else {
			dt_cg_convert(cg, rv, xm->n_a->n_type, m->dm_type);
			if (m->dm_bits != 0)
				dt_cg_bitstore(cg, m, rt, rv);
			else
				dt_cg_emit(cg, dt_cg_store_op(m->dm_type), rt,
				    rv, 0, 0);
		}
		dt_cg_free(cg, rv);
	}
	dt_cg_free(cg, rt);
	return rs;
}

static unsigned dt_cg_expr(dt_cg_t *cg, dt_node_t *n)
{
	unsigned rd, r;

	cg->cg_line = n->n_line;
	if (n == cg->cg_subst) {
		rd = dt_cg_reg(cg);
		dt_cg_emit(cg, DIF_OP_MOV, rd, cg->cg_substreg, 0, 0);
		return rd;
	}
	if (n->n_isconst && dt_type_is_integer(n->n_type) &&
	    n->n_kind != DN_ASSIGN && n->n_kind != DN_INCDEC &&
	    n->n_kind != DN_COMMA) {
		rd = dt_cg_reg(cg);
		dt_cg_setint(cg, rd, n->n_ival);
		return rd;
	}
	if (n->n_inl != NULL) {
		r = dt_cg_expr(cg, n->n_inl);
		dt_cg_convert(cg, r, n->n_inl->n_type, n->n_type);
		return r;
	}
	switch (n->n_kind) {
	case DN_INT:
		rd = dt_cg_reg(cg);
		dt_cg_setint(cg, rd, n->n_ival);
		return rd;
	case DN_STR:
		rd = dt_cg_reg(cg);
		dt_cg_emit(cg, DIF_OP_SETS, rd, 0, 0, dt_cg_str(cg, n->n_sval));
		return rd;
	case DN_IDENT:
	case DN_SELFVAR:
	case DN_THISVAR:
		if (n->n_ident == NULL) { /* built-in variable */
			rd = dt_cg_reg(cg);
			dt_cg_emit(cg, DIF_OP_LDGV, rd, 0, 0, (uint32_t)n->n_ival);
			return rd;
		}
		return dt_cg_varload(cg, n);
	case DN_INDEX:
		if (n->n_ident != NULL)
			return dt_cg_varload(cg, n);
		if (!n->n_ptrderef) { /* args[] / uregs[] */
			r = dt_cg_expr(cg, n->n_list);
			dt_cg_emit(cg, DIF_OP_FLUSHTS, 0, 0, 0, 0);
			dt_cg_emit(cg, DIF_OP_PUSHTV, 0, r, 0, 0);
			dt_cg_emit(cg, DIF_OP_LDGV, r, 0, 0, (uint32_t)n->n_ival);
			/* a typed argument narrower than 64 bits */
			dt_cg_narrow(cg, r, n->n_type);
			return r;
		}
		return dt_cg_memload(cg, n);
	case DN_MEMBER:
		return dt_cg_memload(cg, n);
	case DN_UNARY:
		switch (n->n_op) {
		case '*':
			return dt_cg_memload(cg, n);
		case '&':
			if (n->n_a->n_kind == DN_SYM)
				return dt_cg_expr(cg, n->n_a);
			return dt_cg_addr(cg, n->n_a);
		case '!':
			r = dt_cg_expr(cg, n->n_a);
			dt_cg_cmp(cg, TK_EQ, r, r, 0, 0);
			return r;
		case '~':
			r = dt_cg_expr(cg, n->n_a);
			dt_cg_convert(cg, r, n->n_a->n_type, n->n_type);
			dt_cg_emit(cg, DIF_OP_NOT, r, r, 0, 0);
			dt_cg_narrow(cg, r, n->n_type);
			return r;
		case '-':
			r = dt_cg_expr(cg, n->n_a);
			dt_cg_convert(cg, r, n->n_a->n_type, n->n_type);
			dt_cg_emit(cg, DIF_OP_SUB, r, 0, r, 0);
			dt_cg_narrow(cg, r, n->n_type);
			return r;
		default:
			r = dt_cg_expr(cg, n->n_a);
			dt_cg_convert(cg, r, n->n_a->n_type, n->n_type);
			return r;
		}
	case DN_BINARY:
		return dt_cg_binary(cg, n);
	case DN_LOGICAL:
		return dt_cg_logical(cg, n);
	case DN_ASSIGN:
		return dt_cg_assign(cg, n);
	case DN_INCDEC:
		return dt_cg_incdec(cg, n);
	case DN_TERNARY:
		return dt_cg_ternary(cg, n);
	case DN_COMMA:
		dt_cg_free(cg, dt_cg_expr(cg, n->n_a));
		return dt_cg_expr(cg, n->n_b);
	case DN_CALL:
		return dt_cg_call(cg, n);
	case DN_CAST:
		r = dt_cg_expr(cg, n->n_a);
		dt_cg_convert(cg, r, n->n_a->n_type, n->n_type);
		return r;
	case DN_STRINGOF:
		return dt_cg_expr(cg, n->n_a);
	case DN_SYM:
		/* a function symbol is its address (checked in dt_check) */
		r = dt_cg_reg(cg);
		dt_cg_setint(cg, r, n->n_ival);
		return r;
	case DN_XLATE:
		if (n->n_list != NULL)
			return dt_cg_xlate_whole(cg, n);
		dt_cc_error(cg->cg_pcb, n->n_line, D_XLATE_NONE,
		    "xlate< >( ) may only be used to select a member of the "
		    "translated type");
	default:
		dt_cc_error(cg->cg_pcb, n->n_line, D_CG_EXPR,
		    "cannot generate code for this expression");
	}
}

/* ---- records and actions ---- */

static uint32_t dt_cg_slot(dt_cg_t *cg, uint32_t size, uint32_t align,
			   int byref, int string, dt_slotfmt_t fmt)
{
	dif_recslot_t *s;
	uint32_t i = cg->cg_nslots;

	cg->cg_slots = dt_cg_grow(cg->cg_pcb, cg->cg_slots, &cg->cg_slotcap,
	    sizeof(dif_recslot_t), i, i + 1);
	{
		uint32_t cap = cg->cg_slotcap - 1;
		(void)cap;
	}
	if (align == 0)
		align = 1;
	if (align > 8)
		align = 8;
	s = &cg->cg_slots[i];
	memset(s, 0, sizeof(*s));
	s->rs_offset = (cg->cg_recsize + align - 1) / align * align;
	s->rs_size = size;
	s->rs_byref = (uint8_t)byref;
	s->rs_string = (uint8_t)string;
	cg->cg_recsize = s->rs_offset + size;
	cg->cg_nslots++;
	/* the formats array is kept parallel to the slots */
	{
		dt_slotfmt_t *f = dt_arena_alloc(cg->cg_pcb->pcb_arena,
		    sizeof(dt_slotfmt_t) * cg->cg_nslots);
		if (i)
			memcpy(f, cg->cg_fmts, sizeof(dt_slotfmt_t) * i);
		f[i] = fmt;
		cg->cg_fmts = f;
	}
	return i;
}

/* evaluate n and record it into a new slot; returns the slot */
static uint32_t dt_cg_record(dt_cg_t *cg, dt_node_t *n)
{
	dt_type_t *t = dt_type_base(n->n_type);
	uint32_t slot;
	unsigned r;

	if (n->n_fmt == DT_FMT_STACK || n->n_fmt == DT_FMT_USTACK) {
		dt_node_t *fr = n->n_list;
		uint32_t frames = fr != NULL ? (uint32_t)fr->n_ival :
		    n->n_fmt == DT_FMT_STACK ? DT_STACK_FRAMES :
		    DT_USTACK_FRAMES;
		uint32_t sz = n->n_fmt == DT_FMT_STACK ? frames * 8 :
		    (frames + 1) * 8;
		slot = dt_cg_slot(cg, sz, 8, 0, 0, (dt_slotfmt_t)n->n_fmt);
		dt_cg_emit(cg, DIF_OP_REC, 0, 0, 0, slot);
		return slot;
	}
	r = dt_cg_expr(cg, n);
	if (n->n_fmt == DT_FMT_USYM || n->n_fmt == DT_FMT_UMOD) {
		/* pid, then the address: built in scratch */
		unsigned rp = dt_cg_reg(cg), rs = dt_cg_reg(cg);
		dt_cg_setint(cg, rs, 16);
		dt_cg_emit(cg, DIF_OP_ALLOCS, rp, rs, 0, 0);
		dt_cg_emit(cg, DIF_OP_LDGV, rs, 0, 0, DIF_VAR_PID);
		dt_cg_emit(cg, DIF_OP_STX, rp, rs, 0, 0);
		dt_cg_emit(cg, DIF_OP_STX, rp, r, 0, 8);
		slot = dt_cg_slot(cg, 16, 8, 1, 0, (dt_slotfmt_t)n->n_fmt);
		dt_cg_emit(cg, DIF_OP_REC, 0, rp, 0, slot);
		dt_cg_free(cg, rp);
		dt_cg_free(cg, rs);
		dt_cg_free(cg, r);
		return slot;
	}
	if (n->n_fmt == DT_FMT_SYM || n->n_fmt == DT_FMT_MOD) {
		slot = dt_cg_slot(cg, 8, 8, 0, 0, (dt_slotfmt_t)n->n_fmt);
	} else if (t->dt_kind == DT_TK_STRING) {
		slot = dt_cg_slot(cg, cg->cg_pcb->pcb_strsize, 1, 1, 1,
		    DT_FMT_STRING);
	} else if (t->dt_kind == DT_TK_ARRAY &&
	    dt_type_base(t->dt_ref)->dt_kind == DT_TK_INT &&
	    dt_type_base(t->dt_ref)->dt_size == 1) {
		slot = dt_cg_slot(cg, t->dt_size, 1, 1, 1, DT_FMT_STRING);
	} else if (dt_type_is_byref(t)) {
		slot = dt_cg_slot(cg, t->dt_size, t->dt_align, 1, 0,
		    DT_FMT_BYTES);
	} else if (t->dt_kind == DT_TK_PTR) {
		slot = dt_cg_slot(cg, 8, 8, 0, 0, DT_FMT_PTR);
	} else {
		uint32_t sz = t->dt_size ? t->dt_size : 8;
		if (sz > 8)
			sz = 8;
		slot = dt_cg_slot(cg, sz, sz, 0, 0, dt_type_is_signed(t) ?
		    DT_FMT_SINT : DT_FMT_UINT);
	}
	dt_cg_emit(cg, DIF_OP_REC, 0, r, 0, slot);
	dt_cg_free(cg, r);
	return slot;
}

/* record an integer constant (ids, defaults) into a new slot */
static uint32_t dt_cg_recint(dt_cg_t *cg, int64_t v, uint32_t size,
			     dt_slotfmt_t fmt)
{
	unsigned r = dt_cg_reg(cg);
	uint32_t slot;

	dt_cg_setint(cg, r, v);
	slot = dt_cg_slot(cg, size, size, 0, 0, fmt);
	dt_cg_emit(cg, DIF_OP_REC, 0, r, 0, slot);
	dt_cg_free(cg, r);
	return slot;
}

static dt_action_t *dt_cg_act(dt_cg_t *cg, dt_actkind_t k, int line)
{
	dt_action_t *a;

	cg->cg_acts = dt_cg_grow(cg->cg_pcb, cg->cg_acts, &cg->cg_actcap,
	    sizeof(dt_action_t), cg->cg_nacts, cg->cg_nacts + 1);
	a = &cg->cg_acts[cg->cg_nacts++];
	memset(a, 0, sizeof(*a));
	a->da_kind = k;
	a->da_slot = cg->cg_nslots;
	a->da_line = line;
	return a;
}

static void dt_cg_aggstmt(dt_cg_t *cg, dt_node_t *n)
{
	dt_node_t *l = n->n_a, *r = n->n_b, *a;
	dt_ident_t *id = l->n_ident;
	unsigned rv, rw;
	dt_node_t *incr = NULL;
	int argno = 1;

	for (a = r->n_list; a != NULL; a = a->n_next, argno++)
		if ((id->di_aggfunc == DT_AGG_QUANTIZE && argno == 2) ||
		    (id->di_aggfunc == DT_AGG_LQUANTIZE && argno == 5) ||
		    (id->di_aggfunc == DT_AGG_LLQUANTIZE && argno == 6))
			incr = a;
	if (id->di_aggfunc == DT_AGG_COUNT) {
		rv = dt_cg_reg(cg);
		dt_cg_emit(cg, DIF_OP_LDI, rv, 0, 0, 1);
	} else {
		rv = dt_cg_expr(cg, r->n_list);
	}
	if (incr != NULL) {
		rw = dt_cg_expr(cg, incr);
	} else {
		rw = dt_cg_reg(cg);
		dt_cg_emit(cg, DIF_OP_LDI, rw, 0, 0, 1);
	}
	if (l->n_kind == DN_INDEX) {
		/* stack() keys are filled in by the backend: push 0 */
		dt_node_t *k;
		unsigned kr[DIF_TUPLE_MAX];
		int i = 0;
		for (k = l->n_list; k != NULL; k = k->n_next, i++) {
			kr[i] = (k->n_fmt == DT_FMT_STACK ||
			    k->n_fmt == DT_FMT_USTACK) ? 0 : dt_cg_expr(cg, k);
			/* every use packs a key as the first use typed it */
			if (kr[i] != 0 && (uint32_t)i < id->di_nkeys)
				dt_cg_convert(cg, kr[i], k->n_type,
				    id->di_keys[i]);
			if (k->n_fmt == DT_FMT_USYM || k->n_fmt == DT_FMT_UMOD) {
				/* user symbols key on (pid, address) */
				unsigned rp = dt_cg_reg(cg), rt = dt_cg_reg(cg);
				dt_cg_setint(cg, rt, 16);
				dt_cg_emit(cg, DIF_OP_ALLOCS, rp, rt, 0, 0);
				dt_cg_emit(cg, DIF_OP_LDGV, rt, 0, 0, DIF_VAR_PID);
				dt_cg_emit(cg, DIF_OP_STX, rp, rt, 0, 0);
				dt_cg_emit(cg, DIF_OP_STX, rp, kr[i], 0, 8);
				dt_cg_free(cg, rt);
				dt_cg_free(cg, kr[i]);
				kr[i] = rp;
			}
		}
		dt_cg_emit(cg, DIF_OP_FLUSHTS, 0, 0, 0, 0);
		for (k = l->n_list, i = 0; k != NULL; k = k->n_next, i++) {
			dt_type_t *t = dt_type_base(k->n_type);
			if (k->n_fmt == DT_FMT_USYM || k->n_fmt == DT_FMT_UMOD)
				dt_cg_emit(cg, DIF_OP_PUSHTR, 0, kr[i], 0, 16);
			else if (t->dt_kind == DT_TK_STRING)
				dt_cg_emit(cg, DIF_OP_PUSHTS, 0, kr[i], 0, 0);
			else if (dt_type_is_byref(t))
				dt_cg_emit(cg, DIF_OP_PUSHTR, 0, kr[i], 0,
				    t->dt_size);
			else
				dt_cg_emit(cg, DIF_OP_PUSHTV, 0, kr[i], 0, 0);
			dt_cg_free(cg, kr[i]);
		}
	} else {
		dt_cg_emit(cg, DIF_OP_FLUSHTS, 0, 0, 0, 0);
	}
	dt_cg_emit(cg, DIF_OP_AGG, 0, rv, rw, id->di_id);
	dt_cg_free(cg, rv);
	dt_cg_free(cg, rw);
}

static char *dt_cg_fmtstr(dt_cg_t *cg, dt_node_t *n)
{
	return dt_arena_strdup(cg->cg_pcb->pcb_arena, n->n_sval);
}

static void dt_cg_action(dt_cg_t *cg, dt_node_t *n)
{
	const dt_func_t *f = n->n_func;
	dt_node_t *a = n->n_list;
	dt_action_t *act;
	unsigned r;

	if (f->df_kind == DF_FMT) {
		act = dt_cg_act(cg, DT_ACT_TRACE, n->n_line);
		dt_cg_record(cg, n);
		act->da_nslots = 1;
		return;
	}
	switch (f->df_code) {
	case DT_ACT_TRACE:
	case DT_ACT_PRINT:
		act = dt_cg_act(cg, (dt_actkind_t)f->df_code, n->n_line);
		dt_cg_record(cg, a);
		act->da_nslots = 1;
		return;
	case DT_ACT_PRINTF:
	case DT_ACT_SYSTEM:
	case DT_ACT_FREOPEN:
		act = dt_cg_act(cg, (dt_actkind_t)f->df_code, n->n_line);
		act->da_fmt = dt_cg_fmtstr(cg, a);
		for (a = a->n_next; a != NULL; a = a->n_next) {
			dt_cg_record(cg, a);
			act->da_nslots++;
		}
		return;
	case DT_ACT_PRINTA:
		act = dt_cg_act(cg, DT_ACT_PRINTA, n->n_line);
		if (a->n_kind == DN_STR) {
			act->da_fmt = dt_cg_fmtstr(cg, a);
			a = a->n_next;
		}
		act->da_aggid = a->n_ident->di_id;
		for (a = a->n_next; a != NULL; a = a->n_next) {
			dt_cg_recint(cg, a->n_ident->di_id, 4, DT_FMT_UINT);
			act->da_nslots++;
		}
		return;
	case DT_ACT_EXIT:
	case DT_ACT_RAISE:
		act = dt_cg_act(cg, (dt_actkind_t)f->df_code, n->n_line);
		r = dt_cg_expr(cg, a);
		dt_cg_emit(cg, DIF_OP_REC, 0, r, 0,
		    dt_cg_slot(cg, 4, 4, 0, 0, DT_FMT_SINT));
		dt_cg_free(cg, r);
		act->da_nslots = 1;
		return;
	case DT_ACT_CHILL:
		act = dt_cg_act(cg, DT_ACT_CHILL, n->n_line);
		r = dt_cg_expr(cg, a);
		dt_cg_emit(cg, DIF_OP_REC, 0, r, 0,
		    dt_cg_slot(cg, 8, 8, 0, 0, DT_FMT_SINT));
		dt_cg_free(cg, r);
		act->da_nslots = 1;
		return;
	case DT_ACT_CLEAR:
	case DT_ACT_DENORMALIZE:
		act = dt_cg_act(cg, (dt_actkind_t)f->df_code, n->n_line);
		act->da_aggid = a->n_ident->di_id;
		return;
	case DT_ACT_TRUNC:
	case DT_ACT_NORMALIZE:
		act = dt_cg_act(cg, (dt_actkind_t)f->df_code, n->n_line);
		act->da_aggid = a->n_ident->di_id;
		if (a->n_next != NULL) {
			r = dt_cg_expr(cg, a->n_next);
			dt_cg_emit(cg, DIF_OP_REC, 0, r, 0,
			    dt_cg_slot(cg, 8, 8, 0, 0, DT_FMT_SINT));
			dt_cg_free(cg, r);
		} else {
			dt_cg_recint(cg, 0, 8, DT_FMT_SINT);
		}
		act->da_nslots = 1;
		return;
	case DT_ACT_SETOPT:
		act = dt_cg_act(cg, DT_ACT_SETOPT, n->n_line);
		act->da_fmt = dt_cg_fmtstr(cg, a);
		if (a->n_next != NULL) {
			dt_cg_record(cg, a->n_next);
			act->da_nslots = 1;
		}
		return;
	case DT_ACT_TRACEMEM: {
		uint32_t sz = (uint32_t)a->n_next->n_ival;
		act = dt_cg_act(cg, DT_ACT_TRACEMEM, n->n_line);
		r = dt_cg_expr(cg, a);
		dt_cg_emit(cg, DIF_OP_REC, 0, r, 0,
		    dt_cg_slot(cg, sz, 1, 1, 0, DT_FMT_BYTES));
		dt_cg_free(cg, r);
		act->da_nslots = 1;
		if (a->n_next->n_next != NULL) {
			r = dt_cg_expr(cg, a->n_next->n_next);
			dt_cg_emit(cg, DIF_OP_REC, 0, r, 0,
			    dt_cg_slot(cg, 8, 8, 0, 0, DT_FMT_SINT));
			dt_cg_free(cg, r);
			act->da_nslots = 2;
		}
		return;
	}
	case DT_ACT_STACK:
	case DT_ACT_USTACK:
		act = dt_cg_act(cg, (dt_actkind_t)f->df_code, n->n_line);
		n->n_fmt = f->df_code == DT_ACT_STACK ? DT_FMT_STACK :
		    DT_FMT_USTACK;
		dt_cg_record(cg, n);
		act->da_nslots = 1;
		return;
	case DT_ACT_SPECULATE:
		act = dt_cg_act(cg, DT_ACT_SPECULATE, n->n_line);
		r = dt_cg_expr(cg, a);
		dt_cg_emit(cg, DIF_OP_SPEC, 0, r, 0, 0);
		dt_cg_free(cg, r);
		return;
	case DT_ACT_COMMIT:
	case DT_ACT_DISCARD:
		act = dt_cg_act(cg, (dt_actkind_t)f->df_code, n->n_line);
		r = dt_cg_expr(cg, a);
		dt_cg_emit(cg, DIF_OP_REC, 0, r, 0,
		    dt_cg_slot(cg, 8, 8, 0, 0, DT_FMT_SINT));
		dt_cg_emit(cg, f->df_code == DT_ACT_COMMIT ? DIF_OP_COMMIT :
		    DIF_OP_DISCARD, 0, r, 0, 0);
		dt_cg_free(cg, r);
		act->da_nslots = 1;
		return;
	default: /* stop, breakpoint, panic, ftruncate */
		dt_cg_act(cg, (dt_actkind_t)f->df_code, n->n_line);
		return;
	}
}

void dt_cg_clause(dt_pcb_t *pcb, dt_node_t *c, dt_cgout_t *out)
{
	dt_cg_t cgs, *cg = &cgs;
	dt_node_t *s;
	uint32_t i;
	int aggonly = 1, nstmts = 0;

	memset(cg, 0, sizeof(*cg));
	cg->cg_pcb = pcb;
	cg->cg_line = c->n_line;

	if (c->n_a != NULL && !(c->n_a->n_isconst && c->n_a->n_ival != 0)) {
		uint32_t ok = dt_cg_label(cg);
		unsigned r = dt_cg_expr(cg, c->n_a);
		dt_cg_branch(cg, DIF_OP_BNE, r, 0, ok);
		dt_cg_free(cg, r);
		dt_cg_emit(cg, DIF_OP_DROP, 0, 0, 0, 0);
		dt_cg_place(cg, ok);
	}
	for (s = c->n_b; s != NULL; s = s->n_next) {
		dt_node_t *e = s->n_a;
		if (e == NULL)
			continue;
		nstmts++;
		cg->cg_actpc = dt_cg_grow(pcb, cg->cg_actpc, &cg->cg_actpccap,
		    sizeof(uint32_t), cg->cg_nstmts, cg->cg_nstmts + 1);
		cg->cg_actpc[cg->cg_nstmts++] = cg->cg_len;
		cg->cg_line = e->n_line;
		if (e->n_kind == DN_ASSIGN && e->n_a->n_ident != NULL &&
		    e->n_a->n_ident->di_kind == DI_AGG) {
			dt_cg_aggstmt(cg, e);
			continue;
		}
		aggonly = 0;
		if (e->n_kind == DN_CALL && e->n_func != NULL &&
		    (e->n_func->df_kind == DF_ACT ||
		    e->n_func->df_kind == DF_FMT)) {
			dt_cg_action(cg, e);
			continue;
		}
		dt_cg_free(cg, dt_cg_expr(cg, e));
		cg->cg_regs = 0;
	}
	dt_cg_emit(cg, DIF_OP_RET, 0, 0, 0, 0);

	/* resolve the forward branches */
	for (i = 0; i < cg->cg_nfix; i++) {
		uint32_t pc = cg->cg_fix[i].f_pc;
		uint32_t to = cg->cg_labels[cg->cg_fix[i].f_label];
		dif_instr_t in = cg->cg_buf[pc];
		cg->cg_buf[pc] = DIF_INSTR(DIF_INSTR_OP(in), DIF_INSTR_RD(in),
		    DIF_INSTR_R1(in), DIF_INSTR_R2(in), to);
	}

	memset(out, 0, sizeof(*out));
	out->co_buf = cg->cg_buf;
	out->co_len = cg->cg_len;
	out->co_ints = cg->cg_ints;
	out->co_nints = cg->cg_nints;
	out->co_str = cg->cg_str;
	out->co_strlen = cg->cg_strlen;
	out->co_slots = cg->cg_slots;
	out->co_fmts = cg->cg_fmts;
	out->co_nslots = cg->cg_nslots;
	out->co_recsize = cg->cg_recsize;
	out->co_acts = cg->cg_acts;
	out->co_nacts = cg->cg_nacts;
	out->co_actpc = cg->cg_actpc;
	out->co_nstmts = cg->cg_nstmts;
	out->co_aggonly = nstmts > 0 && aggonly;
}
