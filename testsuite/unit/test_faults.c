/*
 * test_faults.c - runtime faults: code, pc, action number, address.
 */
#include "unit.h"

static tvm_t T;
static tasm_t A;

static void fresh(uint32_t strsize)
{
	tvm_init(&T);
	tvm_start(&T, strsize);
	ta_init(&A);
}

static void expect_fault(unsigned fault, uint32_t pc, uint32_t action,
			 uint64_t addr, int line)
{
	char m[160];

	if (tvm_run(&T, &A) != DIF_ST_FAULT || T.res.dr_fault != fault ||
	    T.res.dr_pc != pc || T.res.dr_action != action ||
	    T.res.dr_addr != addr) {
		snprintf(m, sizeof(m),
			 "line %d: status %d fault %u pc %u action %u addr "
			 "0x%llx",
			 line, T.res.dr_status, T.res.dr_fault, T.res.dr_pc,
			 T.res.dr_action, (unsigned long long)T.res.dr_addr);
		unit_fail_at(__FILE__, __LINE__, m);
	} else {
		unit_passed++;
	}
}
#define FAULT(f, pc, act, addr) expect_fault(f, pc, act, addr, __LINE__)

static void div_fault(unsigned op)
{
	fresh(256);
	ta(&A, DIF_OP_LDI, 2, 0, 0, 10);
	ta_action(&A);
	ta(&A, op, 1, 2, 0, 0); /* / %r0 */
	ta(&A, DIF_OP_RET, 0, 1, 0, 0);
	FAULT(DIF_FAULT_DIVZERO, 1, 1, 0);
}

void test_faults(void)
{
	uint64_t bad = unit_bad_addr();
	static uint64_t aligned[2];
	unsigned i;

	div_fault(DIF_OP_SDIV);
	div_fault(DIF_OP_UDIV);
	div_fault(DIF_OP_SREM);
	div_fault(DIF_OP_UREM);

	/* truly unmapped memory, and NULL, through each load width */
	for (i = DIF_OP_LDSB; i <= DIF_OP_LDX; i++) {
		fresh(256);
		ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, bad));
		ta(&A, i, 1, 2, 0, 8);
		ta(&A, DIF_OP_RET, 0, 1, 0, 0);
		FAULT(DIF_FAULT_BADADDR, 1, 0, bad + 8);
	}
	fresh(256);
	ta_action(&A);
	ta(&A, DIF_OP_LDX, 1, 0, 0, 0);
	ta(&A, DIF_OP_RET, 0, 1, 0, 0);
	FAULT(DIF_FAULT_BADADDR, 0, 1, 0);

	/* misaligned loads and stores */
	fresh(256);
	ta(&A, DIF_OP_SETX, 2, 0, 0,
	   ta_int(&A, (uint64_t)(uintptr_t)aligned));
	ta(&A, DIF_OP_LDUH, 1, 2, 0, 1);
	ta(&A, DIF_OP_RET, 0, 1, 0, 0);
	FAULT(DIF_FAULT_BADALIGN, 1, 0, (uint64_t)(uintptr_t)aligned + 1);
	fresh(256);
	ta(&A, DIF_OP_SETX, 2, 0, 0,
	   ta_int(&A, (uint64_t)(uintptr_t)aligned));
	ta(&A, DIF_OP_LDX, 1, 2, 0, 4);
	ta(&A, DIF_OP_RET, 0, 1, 0, 0);
	FAULT(DIF_FAULT_BADALIGN, 1, 0, (uint64_t)(uintptr_t)aligned + 4);
	fresh(256);
	ta(&A, DIF_OP_LDI, 2, 0, 0, 16);
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0);
	ta(&A, DIF_OP_STW, 3, 2, 0, 2);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_BADALIGN, 2, 0, (uint64_t)(uintptr_t)T.ms.ms_scratch + 2);

	/* a store into the global area (a member of a global struct) is
	 * fine; one byte past its end is not, nor beyond the allocated part
	 * of scratch */
	fresh(256);
	ta(&A, DIF_OP_SETX, 3, 0, 0,
	   ta_int(&A, (uint64_t)(uintptr_t)&T.glob[63]));
	ta(&A, DIF_OP_LDI, 2, 0, 0, 77);
	ta_action(&A);
	ta(&A, DIF_OP_STX, 3, 2, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	CHECK(tvm_run(&T, &A) == DIF_ST_DONE);
	CHECK(T.glob[63] == 77);
	fresh(256);
	ta(&A, DIF_OP_SETX, 3, 0, 0,
	   ta_int(&A, (uint64_t)(uintptr_t)&T.glob[63]));
	ta_action(&A);
	ta(&A, DIF_OP_STX, 3, 0, 0, 8);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_BADADDR, 1, 1, (uint64_t)(uintptr_t)&T.glob[64]);
	fresh(256);
	ta(&A, DIF_OP_LDI, 2, 0, 0, 8);
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0);
	ta(&A, DIF_OP_STB, 3, 2, 0, 8);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_BADADDR, 2, 0, (uint64_t)(uintptr_t)T.ms.ms_scratch + 8);

	/* scratch exhaustion */
	fresh(256);
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, TVM_SCRATCH + 1));
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_NOSCRATCH, 1, 0, 0);
	fresh(256);
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, TVM_SCRATCH - 8));
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0);
	ta(&A, DIF_OP_LDI, 2, 0, 0, 8);
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0); /* exactly full: fine */
	ta(&A, DIF_OP_LDI, 2, 0, 0, 1);
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_NOSCRATCH, 5, 0, 0);
	fresh(256);
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, UINT64_MAX));
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_NOSCRATCH, 1, 0, 0);

	/* tuple stack overflow: DIF_TUPLE_MAX entries fit, one more faults */
	fresh(256);
	for (i = 0; i < DIF_TUPLE_MAX; i++)
		ta(&A, DIF_OP_PUSHTV, 0, 0, 0, 0);
	ta_action(&A);
	ta(&A, DIF_OP_PUSHTV, 0, 0, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_TUPOFLOW, DIF_TUPLE_MAX, 1, 0);
	/* and by bytes: a raw entry bigger than the tuple buffer */
	fresh(256);
	ta(&A, DIF_OP_PUSHTR, 0, 0, 0, sizeof(T.tbuf) + 1);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_TUPOFLOW, 0, 0, 0);
	/* strings: PUSHTS from a bad address */
	fresh(256);
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, bad));
	ta(&A, DIF_OP_PUSHTS, 0, 2, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_BADADDR, 1, 0, bad);
	CHECK_EQ(T.ms.ms_ntuple, 0);

	/* SCMP of a bad string */
	fresh(256);
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, bad));
	ta(&A, DIF_OP_SETS, 3, 0, 0, ta_str(&A, "x"));
	ta_action(&A);
	ta(&A, DIF_OP_NOP, 0, 0, 0, 0);
	ta_action(&A);
	ta(&A, DIF_OP_SCMP, 1, 3, 2, 0);
	ta(&A, DIF_OP_RET, 0, 1, 0, 0);
	FAULT(DIF_FAULT_BADADDR, 3, 2, bad);

	/* REC of a bad by-ref address, and of a NULL string */
	fresh(256);
	ta_slot(&A, 8, 1, 0);
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, bad));
	ta(&A, DIF_OP_REC, 0, 2, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_BADADDR, 1, 0, bad);
	fresh(256);
	ta_slot(&A, 16, 1, 1);
	ta(&A, DIF_OP_REC, 0, 0, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_BADADDR, 0, 0, 0);

	/* COPYS from a bad address; COPYS to outside scratch */
	fresh(256);
	ta(&A, DIF_OP_LDI, 2, 0, 0, 8);
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0);
	ta(&A, DIF_OP_SETX, 4, 0, 0, ta_int(&A, bad));
	ta(&A, DIF_OP_COPYS, 3, 4, 0, 8);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_BADADDR, 3, 0, bad);
	fresh(256);
	ta(&A, DIF_OP_SETS, 4, 0, 0, ta_str(&A, "abcdefg"));
	ta(&A, DIF_OP_COPYS, 4, 4, 0, 8);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_BADADDR, 1, 0, (uint64_t)(uintptr_t)(A.str + 1));

	/* a built-in the host does not know */
	fresh(256);
	ta(&A, DIF_OP_LDGV, 1, 0, 0, DIF_VAR_IPL);
	ta(&A, DIF_OP_RET, 0, 1, 0, 0);
	FAULT(DIF_FAULT_ILLOP, 0, 0, 0);

	/* action numbering: #K is the largest k with actpc[k-1] <= pc */
	fresh(256);
	ta(&A, DIF_OP_NOP, 0, 0, 0, 0);
	ta_action(&A); /* 1 */
	ta(&A, DIF_OP_NOP, 0, 0, 0, 0);
	ta_action(&A); /* 2 */
	ta(&A, DIF_OP_NOP, 0, 0, 0, 0);
	ta(&A, DIF_OP_NOP, 0, 0, 0, 0);
	ta_action(&A); /* 3 */
	ta(&A, DIF_OP_UDIV, 1, 0, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_DIVZERO, 4, 3, 0);
	CHECK_EQ(dif_pc_action(ta_difo(&A), 0), 0);
	CHECK_EQ(dif_pc_action(ta_difo(&A), 1), 1);
	CHECK_EQ(dif_pc_action(ta_difo(&A), 2), 2);
	CHECK_EQ(dif_pc_action(ta_difo(&A), 3), 2);
	CHECK_EQ(dif_pc_action(ta_difo(&A), 5), 3);

	/* a fault leaves the tuple stack empty for the next clause */
	fresh(256);
	ta(&A, DIF_OP_PUSHTV, 0, 0, 0, 0);
	ta(&A, DIF_OP_UDIV, 1, 0, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	FAULT(DIF_FAULT_DIVZERO, 1, 0, 0);
	CHECK_EQ(T.ms.ms_ntuple, 0);
}
