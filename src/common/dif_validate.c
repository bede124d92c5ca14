/*
 * dif_validate.c - static checks of a DIFO before any backend runs it.
 * The interpreter trusts what passed here (register numbers, table
 * indexes, branch targets), so everything it indexes is checked.
 */
#include "dif_vm.h"

/* ops whose rd is written (so rd must not be %r0) */
static int dif_writes_rd(unsigned op)
{
	switch (op) {
	case DIF_OP_ADD: case DIF_OP_SUB: case DIF_OP_MUL: case DIF_OP_SDIV:
	case DIF_OP_UDIV: case DIF_OP_SREM: case DIF_OP_UREM: case DIF_OP_AND:
	case DIF_OP_OR: case DIF_OP_XOR: case DIF_OP_SHL: case DIF_OP_SRL:
	case DIF_OP_SRA: case DIF_OP_NOT: case DIF_OP_MOV: case DIF_OP_SEXT:
	case DIF_OP_ZEXT: case DIF_OP_LDI: case DIF_OP_SETX: case DIF_OP_SETS:
	case DIF_OP_SCMP: case DIF_OP_LDSB: case DIF_OP_LDSH: case DIF_OP_LDSW:
	case DIF_OP_LDUB: case DIF_OP_LDUH: case DIF_OP_LDUW: case DIF_OP_LDX:
	case DIF_OP_LDGV: case DIF_OP_LDTV: case DIF_OP_LDLV: case DIF_OP_LDGA:
	case DIF_OP_LDTA: case DIF_OP_CALL: case DIF_OP_ALLOCS:
		return 1;
	}
	return 0;
}

static int dif_int_size_ok(uint32_t n)
{
	return n == 1 || n == 2 || n == 4 || n == 8;
}

/* the variable op's id must name a variable of the right kind */
static const char *dif_check_var(const dif_env_t *env, unsigned op,
				 uint32_t id)
{
	const dif_var_t *v;
	unsigned scope;
	int assoc;

	if (op == DIF_OP_LDGV && id < DIF_VAR_BUILTIN_MAX)
		return NULL;
	if (id < DIF_VAR_USER_BASE)
		return "variable id is not a user variable";
	if (env == NULL)
		return NULL;
	if ((v = dif_var_lookup(env, id)) == NULL)
		return "unknown variable id";
	switch (op) {
	case DIF_OP_LDGV: case DIF_OP_STGV:
		scope = DIF_SCOPE_GLOBAL, assoc = 0;
		break;
	case DIF_OP_LDTV: case DIF_OP_STTV:
		scope = DIF_SCOPE_THREAD, assoc = 0;
		break;
	case DIF_OP_LDLV: case DIF_OP_STLV:
		scope = DIF_SCOPE_LOCAL, assoc = 0;
		break;
	case DIF_OP_LDGA: case DIF_OP_STGA:
		scope = DIF_SCOPE_GLOBAL, assoc = 1;
		break;
	default:
		scope = DIF_SCOPE_THREAD, assoc = 1;
		break;
	}
	if (v->dv_scope != scope || !!v->dv_assoc != assoc)
		return "variable used with the wrong op for its kind";
	if (!v->dv_type.dt_byref && !dif_int_size_ok(v->dv_type.dt_size))
		return "integer variable of a bad size";
	if (v->dv_type.dt_byref && v->dv_type.dt_size == 0)
		return "by-reference variable of size 0";
	if (!assoc && scope == DIF_SCOPE_GLOBAL &&
	    (uint64_t)v->dv_offset + v->dv_type.dt_size > env->de_globsize)
		return "global variable outside the global area";
	if (!assoc && scope == DIF_SCOPE_LOCAL &&
	    (uint64_t)v->dv_offset + v->dv_type.dt_size > env->de_localsize)
		return "clause-local variable outside the this-> area";
	return NULL;
}

int dif_validate(const difo_t *dp, const dif_env_t *env, uint32_t *pcp,
		 const char **whyp)
{
	const char *why = NULL;
	uint32_t pc = 0, k;

	if (dp->dtdo_len == 0 || dp->dtdo_buf == NULL) {
		why = "empty program";
		goto bad;
	}
	if (dp->dtdo_strlen && dp->dtdo_strtab[dp->dtdo_strlen - 1] != '\0') {
		why = "string table not NUL-terminated";
		goto bad;
	}
	if ((dp->dtdo_intlen && dp->dtdo_inttab == NULL) ||
	    (dp->dtdo_nslots && dp->dtdo_slots == NULL) ||
	    (dp->dtdo_nacts && dp->dtdo_actpc == NULL)) {
		why = "missing table";
		goto bad;
	}
	for (k = 0; k < dp->dtdo_nacts; k++) {
		if (dp->dtdo_actpc[k] >= dp->dtdo_len ||
		    (k > 0 && dp->dtdo_actpc[k] < dp->dtdo_actpc[k - 1])) {
			why = "bad action boundary";
			goto bad;
		}
	}
	for (k = 0; k < dp->dtdo_nslots; k++) {
		const dif_recslot_t *rs = &dp->dtdo_slots[k];

		if ((uint64_t)rs->rs_offset + rs->rs_size > dp->dtdo_recsize ||
		    (!rs->rs_byref && !dif_int_size_ok(rs->rs_size))) {
			why = "bad record slot";
			goto bad;
		}
	}

	for (pc = 0; pc < dp->dtdo_len; pc++) {
		dif_instr_t in = dp->dtdo_buf[pc];
		unsigned op = DIF_INSTR_OP(in);
		uint32_t uimm = DIF_INSTR_UIMM(in);

		if (op >= DIF_OP_MAX) {
			why = "invalid opcode";
			goto bad;
		}
		if (DIF_INSTR_RD(in) >= DIF_NREGS ||
		    DIF_INSTR_R1(in) >= DIF_NREGS ||
		    DIF_INSTR_R2(in) >= DIF_NREGS) {
			why = "invalid register";
			goto bad;
		}
		if (dif_writes_rd(op) && DIF_INSTR_RD(in) == 0) {
			why = "cannot write to %r0";
			goto bad;
		}
		switch (op) {
		case DIF_OP_BA: case DIF_OP_BEQ: case DIF_OP_BNE:
		case DIF_OP_BLT: case DIF_OP_BLE: case DIF_OP_BGT:
		case DIF_OP_BGE: case DIF_OP_BLTU: case DIF_OP_BLEU:
		case DIF_OP_BGTU: case DIF_OP_BGEU:
			if (uimm <= pc) {
				why = "backward branch";
				goto bad;
			}
			if (uimm >= dp->dtdo_len) {
				why = "branch out of range";
				goto bad;
			}
			break;
		case DIF_OP_SEXT:
		case DIF_OP_ZEXT:
			if (uimm != 8 && uimm != 16 && uimm != 32 && uimm != 64) {
				why = "bad extension width";
				goto bad;
			}
			break;
		case DIF_OP_SETX:
			if (uimm >= dp->dtdo_intlen) {
				why = "integer table index out of range";
				goto bad;
			}
			break;
		case DIF_OP_SETS:
			if (uimm >= dp->dtdo_strlen) {
				why = "string table offset out of range";
				goto bad;
			}
			break;
		case DIF_OP_REC:
			if (uimm >= dp->dtdo_nslots) {
				why = "record slot out of range";
				goto bad;
			}
			break;
		case DIF_OP_AGG:
			if (uimm == 0 || (env != NULL && uimm > env->de_naggs)) {
				why = "aggregation id out of range";
				goto bad;
			}
			break;
		case DIF_OP_CALL:
			if (uimm >= DIF_SUBR_MAX) {
				why = "invalid subroutine";
				goto bad;
			}
			break;
		case DIF_OP_LDGV: case DIF_OP_STGV: case DIF_OP_LDTV:
		case DIF_OP_STTV: case DIF_OP_LDLV: case DIF_OP_STLV:
		case DIF_OP_LDGA: case DIF_OP_STGA: case DIF_OP_LDTA:
		case DIF_OP_STTA:
			if ((why = dif_check_var(env, op, uimm)) != NULL)
				goto bad;
			break;
		}
	}
	pc = dp->dtdo_len - 1;
	if (DIF_INSTR_OP(dp->dtdo_buf[pc]) != DIF_OP_RET &&
	    DIF_OP_DROP != DIF_INSTR_OP(dp->dtdo_buf[pc])) {
		why = "program does not end with RET";
		goto bad;
	}
	return 0;
bad:
	if (pcp)
		*pcp = pc;
	if (whyp)
		*whyp = why;
	return -1;
}
