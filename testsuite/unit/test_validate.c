/*
 * test_validate.c - dif_validate() accepts good DIFOs and rejects each
 * kind of bad one at the right pc.
 */
#include "unit.h"

static tvm_t T;
static tasm_t A;
static uint32_t gvar, tvar, lvar, gavar, tavar;

static void fresh(void)
{
	tvm_init(&T);
	gvar = tvm_var(&T, DIF_SCOPE_GLOBAL, 0, 8, 0, 0, 1, 0, 0);
	tvar = tvm_var(&T, DIF_SCOPE_THREAD, 0, 8, 0, 0, 1, 0, 0);
	lvar = tvm_var(&T, DIF_SCOPE_LOCAL, 0, 4, 0, 0, 1, 0, 0);
	gavar = tvm_var(&T, DIF_SCOPE_GLOBAL, 1, 8, 0, 0, 1, 0, 8);
	tavar = tvm_var(&T, DIF_SCOPE_THREAD, 1, 8, 0, 0, 1, 0, 8);
	tvm_agg(&T, DT_AGG_COUNT, 0, NULL);
	tvm_start(&T, 256);
	ta_init(&A);
}

static void expect(int ok, uint32_t pc, const char *why, int line)
{
	const char *w = NULL;
	uint32_t p = 12345;
	int rv = dif_validate(ta_difo(&A), &T.env, &p, &w);
	char m[200];

	if (ok ? rv == 0
	       : (rv == -1 && p == pc && w != NULL && strcmp(w, why) == 0)) {
		unit_passed++;
		return;
	}
	snprintf(m, sizeof(m), "line %d: rv %d pc %u why %s", line, rv, p,
		 w ? w : "(none)");
	unit_fail_at(__FILE__, __LINE__, m);
}
#define ACCEPT() expect(1, 0, NULL, __LINE__)
#define REJECT(pc, why) expect(0, pc, why, __LINE__)

/* one-instruction body followed by RET */
static void one(unsigned op, unsigned rd, unsigned r1, unsigned r2,
		uint32_t imm)
{
	fresh();
	ta(&A, op, rd, r1, r2, imm);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
}

void test_validate(void)
{
	fresh();
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	ACCEPT();

	fresh();
	REJECT(0, "empty program");

	one(DIF_OP_MAX, 0, 0, 0, 0);
	REJECT(0, "invalid opcode");
	one(0xff, 0, 0, 0, 0);
	REJECT(0, "invalid opcode");

	one(DIF_OP_ADD, DIF_NREGS, 1, 2, 0);
	REJECT(0, "invalid register");
	one(DIF_OP_ADD, 1, DIF_NREGS, 2, 0);
	REJECT(0, "invalid register");
	one(DIF_OP_ADD, 1, 2, 0xff, 0);
	REJECT(0, "invalid register");
	one(DIF_OP_ADD, 1, 2, DIF_NREGS - 1, 0);
	ACCEPT();

	one(DIF_OP_ADD, 0, 1, 2, 0);
	REJECT(0, "cannot write to %r0");
	one(DIF_OP_LDI, 0, 0, 0, 1);
	REJECT(0, "cannot write to %r0");
	one(DIF_OP_CALL, 0, 0, 0, DIF_SUBR_RAND);
	REJECT(0, "cannot write to %r0");
	one(DIF_OP_LDGV, 0, 0, 0, DIF_VAR_PID);
	REJECT(0, "cannot write to %r0");
	/* stores use rd as an address: %r0 allowed (it faults at run time) */
	one(DIF_OP_STX, 0, 1, 0, 0);
	ACCEPT();

	/* branches: forward only, inside the program */
	fresh();
	ta(&A, DIF_OP_NOP, 0, 0, 0, 0);
	ta(&A, DIF_OP_BA, 0, 0, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	REJECT(1, "backward branch");
	fresh();
	ta(&A, DIF_OP_BEQ, 0, 1, 2, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	REJECT(0, "backward branch"); /* a branch to itself loops */
	fresh();
	ta(&A, DIF_OP_BGEU, 0, 1, 2, 2);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	REJECT(0, "branch out of range");
	fresh();
	ta(&A, DIF_OP_BLT, 0, 1, 2, 1);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	ACCEPT();

	/* table indexes */
	one(DIF_OP_SETX, 1, 0, 0, 0);
	REJECT(0, "integer table index out of range");
	fresh();
	ta(&A, DIF_OP_SETX, 1, 0, 0, ta_int(&A, 5));
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	ACCEPT();
	fresh();
	ta(&A, DIF_OP_SETS, 1, 0, 0, A.strlen);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	REJECT(0, "string table offset out of range");
	one(DIF_OP_REC, 0, 1, 0, 0);
	REJECT(0, "record slot out of range");
	fresh();
	ta_slot(&A, 3, 0, 0); /* integers are 1, 2, 4 or 8 bytes */
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	REJECT(0, "bad record slot");
	fresh();
	ta_slot(&A, 8, 0, 0);
	A.slots[0].rs_offset = 4; /* past dtdo_recsize */
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	REJECT(0, "bad record slot");
	one(DIF_OP_AGG, 0, 1, 0, 2);
	REJECT(0, "aggregation id out of range");
	one(DIF_OP_AGG, 0, 1, 0, 0);
	REJECT(0, "aggregation id out of range");
	one(DIF_OP_AGG, 0, 1, 0, 1);
	ACCEPT();
	one(DIF_OP_CALL, 1, 0, 0, DIF_SUBR_MAX);
	REJECT(0, "invalid subroutine");
	one(DIF_OP_SEXT, 1, 2, 0, 12);
	REJECT(0, "bad extension width");
	one(DIF_OP_ZEXT, 1, 2, 0, 0);
	REJECT(0, "bad extension width");

	/* variables: the op must match the variable's kind */
	one(DIF_OP_LDGV, 1, 0, 0, gvar);
	ACCEPT();
	one(DIF_OP_LDGV, 1, 0, 0, tvar);
	REJECT(0, "variable used with the wrong op for its kind");
	one(DIF_OP_STTV, 0, 1, 0, tvar);
	ACCEPT();
	one(DIF_OP_LDLV, 1, 0, 0, lvar);
	ACCEPT();
	one(DIF_OP_LDLV, 1, 0, 0, gvar);
	REJECT(0, "variable used with the wrong op for its kind");
	one(DIF_OP_LDGA, 1, 0, 0, gavar);
	ACCEPT();
	one(DIF_OP_LDGA, 1, 0, 0, tavar);
	REJECT(0, "variable used with the wrong op for its kind");
	one(DIF_OP_STTA, 0, 1, 0, tavar);
	ACCEPT();
	one(DIF_OP_STGV, 0, 1, 0, DIF_VAR_PID);
	REJECT(0, "variable id is not a user variable");
	one(DIF_OP_LDGV, 1, 0, 0, DIF_VAR_BUILTIN_MAX);
	REJECT(0, "variable id is not a user variable");
	one(DIF_OP_LDGV, 1, 0, 0, DIF_VAR_USER_BASE + 100);
	REJECT(0, "unknown variable id");
	one(DIF_OP_LDGV, 1, 0, 0, gvar);
	T.vars[0].dv_offset = sizeof(T.glob) - 4; /* 8 bytes past the end */
	REJECT(0, "global variable outside the global area");

	/* the program must end in RET or DROP */
	fresh();
	ta(&A, DIF_OP_NOP, 0, 0, 0, 0);
	REJECT(0, "program does not end with RET");
	fresh();
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	ta(&A, DIF_OP_LDI, 1, 0, 0, 0);
	REJECT(1, "program does not end with RET");
	fresh();
	ta(&A, DIF_OP_DROP, 0, 0, 0, 0);
	ACCEPT();

	/* tables themselves */
	fresh();
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	A.str[0] = 'x';
	REJECT(0, "string table not NUL-terminated");
	fresh();
	ta(&A, DIF_OP_NOP, 0, 0, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	A.actpc[A.nacts++] = 1;
	A.actpc[A.nacts++] = 0;
	REJECT(0, "bad action boundary");
}
