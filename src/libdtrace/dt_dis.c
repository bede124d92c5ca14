/*
 * dt_dis.c - readable listing of a DIFO for `dtrace -S`.
 *
 * Operand order follows the data flow: sources first, the destination
 * register last ("add %r1, %r2, %r3" computes %r3 = %r1 + %r2).
 */
#include <inttypes.h>
#include <string.h>

#include "dt_dis.h"

static const char *dis_var(const dt_dis_ctx_t *ctx, uint32_t id)
{
	uint32_t i;

	if (id < DIF_VAR_BUILTIN_MAX)
		return dif_var_name(id);
	if (ctx == NULL)
		return NULL;
	for (i = 0; i < ctx->dd_nvars; i++) {
		const dif_var_t *v = &ctx->dd_vars[i];

		if (v->dv_id == id && ctx->dd_strtab != NULL &&
		    v->dv_name < ctx->dd_strlen)
			return ctx->dd_strtab + v->dv_name;
	}
	return NULL;
}

/* a string table entry, quoted, with control characters escaped */
static void dis_quote(char *out, size_t len, const char *s, size_t max)
{
	size_t n = 0, i;

	if (len < 8)
		return;
	out[n++] = '"';
	for (i = 0; i < max && s[i] != '\0' && n + 6 < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			out[n++] = '\\';
			out[n++] = (char)c;
		} else if (c == '\n') {
			out[n++] = '\\';
			out[n++] = 'n';
		} else if (c == '\t') {
			out[n++] = '\\';
			out[n++] = 't';
		} else if (c < 0x20 || c >= 0x7f) {
			n += (size_t)snprintf(out + n, len - n, "\\%03o", c);
		} else {
			out[n++] = (char)c;
		}
	}
	out[n++] = '"';
	out[n] = '\0';
}

static const char *dis_rd_form(unsigned op)
{
	switch (op) {
	case DIF_OP_ADD: case DIF_OP_SUB: case DIF_OP_MUL: case DIF_OP_SDIV:
	case DIF_OP_UDIV: case DIF_OP_SREM: case DIF_OP_UREM: case DIF_OP_AND:
	case DIF_OP_OR: case DIF_OP_XOR: case DIF_OP_SHL: case DIF_OP_SRL:
	case DIF_OP_SRA: case DIF_OP_SCMP:
		return "3";
	}
	return NULL;
}

const char *dt_dis_insn(const difo_t *dp, uint32_t pc, const dt_dis_ctx_t *ctx,
			char *buf, size_t len)
{
	dif_instr_t in = dp->dtdo_buf[pc];
	unsigned op = DIF_INSTR_OP(in), rd = DIF_INSTR_RD(in);
	unsigned r1 = DIF_INSTR_R1(in), r2 = DIF_INSTR_R2(in);
	uint32_t u = DIF_INSTR_UIMM(in);
	int32_t s = DIF_INSTR_IMM(in);
	const char *name = dif_op_name(op), *vn;
	char q[96];

	if (name == NULL) {
		snprintf(buf, len, "invalid opcode %u", op);
		return buf;
	}
	if (dis_rd_form(op)) {
		snprintf(buf, len, "%-7s %%r%u, %%r%u, %%r%u", name, r1, r2, rd);
		return buf;
	}
	switch (op) {
	case DIF_OP_NOP:
	case DIF_OP_POPTS:
	case DIF_OP_FLUSHTS:
	case DIF_OP_DROP:
		snprintf(buf, len, "%s", name);
		break;
	case DIF_OP_NOT:
	case DIF_OP_MOV:
	case DIF_OP_ALLOCS:
		snprintf(buf, len, "%-7s %%r%u, %%r%u", name, r1, rd);
		break;
	case DIF_OP_SEXT:
	case DIF_OP_ZEXT:
		snprintf(buf, len, "%-7s %%r%u, %u, %%r%u", name, r1, u, rd);
		break;
	case DIF_OP_LDI:
		snprintf(buf, len, "%-7s %d, %%r%u", name, s, rd);
		break;
	case DIF_OP_SETX:
		if (u < dp->dtdo_intlen)
			snprintf(buf, len,
				 "%-7s DT_INTEGER[%u], %%r%u ! 0x%" PRIx64,
				 name, u, rd, dp->dtdo_inttab[u]);
		else
			snprintf(buf, len, "%-7s DT_INTEGER[%u], %%r%u", name,
				 u, rd);
		break;
	case DIF_OP_SETS:
		q[0] = '\0';
		if (u < dp->dtdo_strlen)
			dis_quote(q, sizeof(q), dp->dtdo_strtab + u,
				  dp->dtdo_strlen - u);
		snprintf(buf, len, "%-7s DT_STRING[%u], %%r%u ! %s", name, u, rd,
			 q);
		break;
	case DIF_OP_BA:
		snprintf(buf, len, "%-7s %u", name, u);
		break;
	case DIF_OP_BEQ: case DIF_OP_BNE: case DIF_OP_BLT: case DIF_OP_BLE:
	case DIF_OP_BGT: case DIF_OP_BGE: case DIF_OP_BLTU: case DIF_OP_BLEU:
	case DIF_OP_BGTU: case DIF_OP_BGEU:
		snprintf(buf, len, "%-7s %%r%u, %%r%u, %u", name, r1, r2, u);
		break;
	case DIF_OP_LDSB: case DIF_OP_LDSH: case DIF_OP_LDSW:
	case DIF_OP_LDUB: case DIF_OP_LDUH: case DIF_OP_LDUW: case DIF_OP_LDX:
		snprintf(buf, len, "%-7s [%%r%u%+d], %%r%u", name, r1, s, rd);
		break;
	case DIF_OP_STB: case DIF_OP_STH: case DIF_OP_STW: case DIF_OP_STX:
		snprintf(buf, len, "%-7s %%r%u, [%%r%u%+d]", name, r1, rd, s);
		break;
	case DIF_OP_LDGV: case DIF_OP_LDTV: case DIF_OP_LDLV:
	case DIF_OP_LDGA: case DIF_OP_LDTA:
		vn = dis_var(ctx, u);
		snprintf(buf, len, "%-7s DT_VAR(%u), %%r%u%s%s", name, u, rd,
			 vn ? " ! " : "", vn ? vn : "");
		break;
	case DIF_OP_STGV: case DIF_OP_STTV: case DIF_OP_STLV:
	case DIF_OP_STGA: case DIF_OP_STTA:
		vn = dis_var(ctx, u);
		snprintf(buf, len, "%-7s %%r%u, DT_VAR(%u)%s%s", name, r1, u,
			 vn ? " ! " : "", vn ? vn : "");
		break;
	case DIF_OP_PUSHTV:
	case DIF_OP_PUSHTS:
		snprintf(buf, len, "%-7s %%r%u", name, r1);
		break;
	case DIF_OP_PUSHTR:
		snprintf(buf, len, "%-7s %%r%u, %u", name, r1, u);
		break;
	case DIF_OP_CALL:
		vn = dif_subr_name(u);
		snprintf(buf, len, "%-7s DIF_SUBR(%u), %%r%u%s%s", name, u, rd,
			 vn ? " ! " : "", vn ? vn : "");
		break;
	case DIF_OP_REC:
		if (u < dp->dtdo_nslots)
			snprintf(buf, len, "%-7s %%r%u, slot %u ! %s%u bytes at %u",
				 name, r1, u,
				 dp->dtdo_slots[u].rs_string  ? "string, "
				 : dp->dtdo_slots[u].rs_byref ? "by ref, "
							      : "",
				 dp->dtdo_slots[u].rs_size,
				 dp->dtdo_slots[u].rs_offset);
		else
			snprintf(buf, len, "%-7s %%r%u, slot %u", name, r1, u);
		break;
	case DIF_OP_AGG:
		snprintf(buf, len, "%-7s @%u, %%r%u, %%r%u", name, u, r1, r2);
		break;
	case DIF_OP_SPEC:
	case DIF_OP_COMMIT:
	case DIF_OP_DISCARD:
	case DIF_OP_RET:
		snprintf(buf, len, "%-7s %%r%u", name, r1);
		break;
	case DIF_OP_COPYS:
		snprintf(buf, len, "%-7s %%r%u, %%r%u, %u", name, r1, rd, u);
		break;
	default:
		snprintf(buf, len, "%-7s %%r%u, %%r%u, %%r%u, %u", name, r1, r2,
			 rd, u);
		break;
	}
	return buf;
}

void dt_dis_difo(FILE *fp, const char *title, const difo_t *dp,
		 const dt_dis_ctx_t *ctx)
{
	char line[256], q[96];
	uint32_t pc, k, off;

	if (title != NULL)
		fprintf(fp, "\nDIFO %s: ", title);
	fprintf(fp, "%u instructions, returns %s (%u bytes)\n", dp->dtdo_len,
		dp->dtdo_rtype.dt_string  ? "string"
		: dp->dtdo_rtype.dt_byref ? "by-reference"
					  : "integer",
		dp->dtdo_rtype.dt_size);
	fprintf(fp, "%-4s %-16s  %s\n", "OFF", "OPCODE", "INSTRUCTION");
	for (pc = 0; pc < dp->dtdo_len; pc++) {
		for (k = 0; k < dp->dtdo_nacts; k++) {
			if (dp->dtdo_actpc[k] == pc)
				fprintf(fp, "                        ! action #%u\n",
					k + 1);
		}
		fprintf(fp, "%04x %016" PRIx64 "  %s\n", pc * 8,
			(uint64_t)dp->dtdo_buf[pc],
			dt_dis_insn(dp, pc, ctx, line, sizeof(line)));
	}
	if (dp->dtdo_intlen) {
		fprintf(fp, "\n%-6s %-18s %s\n", "INT", "VALUE", "DECIMAL");
		for (k = 0; k < dp->dtdo_intlen; k++)
			fprintf(fp, "%-6u 0x%016" PRIx64 " %" PRId64 "\n", k,
				dp->dtdo_inttab[k], (int64_t)dp->dtdo_inttab[k]);
	}
	if (dp->dtdo_strlen > 1 ||
	    (dp->dtdo_strlen == 1 && dp->dtdo_strtab[0] != '\0')) {
		fprintf(fp, "\n%-6s %s\n", "STROFF", "STRING");
		for (off = 0; off < dp->dtdo_strlen;) {
			size_t n = strnlen(dp->dtdo_strtab + off,
					   dp->dtdo_strlen - off);

			dis_quote(q, sizeof(q), dp->dtdo_strtab + off, n);
			fprintf(fp, "%-6u %s\n", off, q);
			off += (uint32_t)n + 1;
		}
	}
	if (dp->dtdo_nslots) {
		fprintf(fp, "\n%-6s %-6s %-6s %s\n", "SLOT", "OFFSET", "SIZE",
			"KIND");
		for (k = 0; k < dp->dtdo_nslots; k++) {
			const dif_recslot_t *rs = &dp->dtdo_slots[k];

			fprintf(fp, "%-6u %-6u %-6u %s%s\n", k, rs->rs_offset,
				rs->rs_size,
				rs->rs_string  ? "string"
				: rs->rs_byref ? "by-reference"
					       : "value",
				rs->rs_user ? " (user)" : "");
		}
		fprintf(fp, "record size %u bytes\n", dp->dtdo_recsize);
	}
}

void dt_dis(FILE *fp, const difo_t *dp)
{
	dt_dis_difo(fp, NULL, dp, NULL);
}
