/*
 * dt_dis.h - the DIF disassembler behind `dtrace -S`.
 */
#ifndef DT_DIS_H
#define DT_DIS_H

#include <stdio.h>
#include "dif.h"

/* where variable names come from (any field may be NULL/0) */
typedef struct dt_dis_ctx {
	const dif_var_t *dd_vars;
	uint32_t dd_nvars;
	const char *dd_strtab; /* dif_var_t.dv_name offsets point here */
	uint32_t dd_strlen;
} dt_dis_ctx_t;

/*
 * Format instruction pc of dp as "mnemonic operands ! comment" into buf;
 * returns buf.
 */
const char *dt_dis_insn(const difo_t *dp, uint32_t pc, const dt_dis_ctx_t *ctx,
			char *buf, size_t len);

/*
 * Print the whole DIFO: a header line with title, one line per instruction
 * (byte offset, hex word, text), then the integer and string tables, the
 * record slots and the action boundaries.
 */
void dt_dis_difo(FILE *fp, const char *title, const difo_t *dp,
		 const dt_dis_ctx_t *ctx);

/* the listing without a title or variable names (dtrace -S) */
void dt_dis(FILE *fp, const difo_t *dp);

#endif /* DT_DIS_H */
