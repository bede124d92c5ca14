/*
 * test_ops.c - every DIF opcode's semantics, with exact results.
 */
#include "unit.h"

static tvm_t T;
static tasm_t A;

#define I64_MIN ((int64_t)0x8000000000000000ULL)
#define I64_MAX ((int64_t)0x7fffffffffffffffULL)

static void fresh(void)
{
	tvm_init(&T);
	tvm_start(&T, 256);
	ta_init(&A);
}

static uint64_t bin(unsigned op, uint64_t a, uint64_t b)
{
	fresh();
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, a));
	ta(&A, DIF_OP_SETX, 3, 0, 0, ta_int(&A, b));
	ta(&A, op, 1, 2, 3, 0);
	return tvm_eval(&T, &A);
}

static uint64_t un(unsigned op, uint64_t a, uint32_t imm)
{
	fresh();
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, a));
	ta(&A, op, 1, 2, 0, imm);
	return tvm_eval(&T, &A);
}

/* 1 if the branch op is taken for (a, b) */
static uint64_t br(unsigned op, uint64_t a, uint64_t b)
{
	fresh();
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, a));
	ta(&A, DIF_OP_SETX, 3, 0, 0, ta_int(&A, b));
	ta(&A, DIF_OP_LDI, 1, 0, 0, 1);
	ta(&A, op, 0, 2, 3, 5);
	ta(&A, DIF_OP_LDI, 1, 0, 0, 0);
	return tvm_eval(&T, &A); /* pc 5: RET %r1 */
}

static void test_alu(void)
{
	CHECK_EQ(bin(DIF_OP_ADD, 5, 7), 12);
	CHECK_EQ(bin(DIF_OP_ADD, (uint64_t)I64_MAX, 1), (uint64_t)I64_MIN);
	CHECK_EQ(bin(DIF_OP_SUB, 5, 7), (uint64_t)-2);
	CHECK_EQ(bin(DIF_OP_SUB, 0, 1), UINT64_MAX);
	CHECK_EQ(bin(DIF_OP_MUL, 6, 7), 42);
	CHECK_EQ(bin(DIF_OP_MUL, (uint64_t)-3, 7), (uint64_t)-21);
	CHECK_EQ(bin(DIF_OP_MUL, 0x100000001ULL, 0x100000001ULL),
		 0x0000000200000001ULL);

	/* signed division truncates toward zero; remainder follows dividend */
	CHECK_EQ(bin(DIF_OP_SDIV, 7, 2), 3);
	CHECK_EQ(bin(DIF_OP_SDIV, (uint64_t)-7, 2), (uint64_t)-3);
	CHECK_EQ(bin(DIF_OP_SDIV, 7, (uint64_t)-2), (uint64_t)-3);
	CHECK_EQ(bin(DIF_OP_SDIV, (uint64_t)-7, (uint64_t)-2), 3);
	CHECK_EQ(bin(DIF_OP_SDIV, (uint64_t)I64_MIN, (uint64_t)-1),
		 (uint64_t)I64_MIN);
	CHECK_EQ(bin(DIF_OP_SDIV, (uint64_t)I64_MIN, 2),
		 (uint64_t)(I64_MIN / 2));
	CHECK_EQ(bin(DIF_OP_SDIV, (uint64_t)I64_MAX, (uint64_t)I64_MIN), 0);
	CHECK_EQ(bin(DIF_OP_SDIV, 0x123456789abcdefULL, 0x12345),
		 0x123456789abcdefULL / 0x12345);
	CHECK_EQ(bin(DIF_OP_SREM, 7, 2), 1);
	CHECK_EQ(bin(DIF_OP_SREM, (uint64_t)-7, 2), (uint64_t)-1);
	CHECK_EQ(bin(DIF_OP_SREM, 7, (uint64_t)-2), 1);
	CHECK_EQ(bin(DIF_OP_SREM, (uint64_t)-7, (uint64_t)-2), (uint64_t)-1);
	CHECK_EQ(bin(DIF_OP_SREM, (uint64_t)I64_MIN, (uint64_t)-1), 0);
	CHECK_EQ(bin(DIF_OP_SREM, (uint64_t)I64_MIN, 10), (uint64_t)-8);
	CHECK_EQ(bin(DIF_OP_UDIV, UINT64_MAX, 3), 0x5555555555555555ULL);
	CHECK_EQ(bin(DIF_OP_UDIV, (uint64_t)-7, 2), 0x7ffffffffffffffcULL);
	CHECK_EQ(bin(DIF_OP_UDIV, 0xfedcba9876543210ULL, 0x1234567),
		 0xfedcba9876543210ULL / 0x1234567);
	CHECK_EQ(bin(DIF_OP_UREM, UINT64_MAX, 10), 5);
	CHECK_EQ(bin(DIF_OP_UREM, 0xfedcba9876543210ULL, 0x1234567),
		 0xfedcba9876543210ULL % 0x1234567);

	CHECK_EQ(bin(DIF_OP_AND, 0xf0f0, 0xff00), 0xf000);
	CHECK_EQ(bin(DIF_OP_OR, 0xf0f0, 0x0f00), 0xfff0);
	CHECK_EQ(bin(DIF_OP_XOR, 0xf0f0, 0xff00), 0x0ff0);
	CHECK_EQ(bin(DIF_OP_SHL, 1, 63), 0x8000000000000000ULL);
	CHECK_EQ(bin(DIF_OP_SHL, 1, 64), 1); /* count modulo 64 */
	CHECK_EQ(bin(DIF_OP_SHL, 3, 65), 6);
	CHECK_EQ(bin(DIF_OP_SRL, 0x8000000000000000ULL, 63), 1);
	CHECK_EQ(bin(DIF_OP_SRL, 0x8000000000000000ULL, 68),
		 0x0800000000000000ULL);
	CHECK_EQ(bin(DIF_OP_SRA, 0x8000000000000000ULL, 63), UINT64_MAX);
	CHECK_EQ(bin(DIF_OP_SRA, (uint64_t)-16, 2), (uint64_t)-4);
	CHECK_EQ(bin(DIF_OP_SRA, 16, 66), 4);
	CHECK_EQ(bin(DIF_OP_SRA, (uint64_t)-1, 0), UINT64_MAX);
	CHECK_EQ(un(DIF_OP_NOT, 0, 0), UINT64_MAX);
	CHECK_EQ(un(DIF_OP_NOT, 0x00ff00ff00ff00ffULL, 0),
		 0xff00ff00ff00ff00ULL);
	CHECK_EQ(un(DIF_OP_MOV, 0x1122334455667788ULL, 0),
		 0x1122334455667788ULL);

	CHECK_EQ(un(DIF_OP_SEXT, 0x80, 8), 0xffffffffffffff80ULL);
	CHECK_EQ(un(DIF_OP_SEXT, 0x17f, 8), 0x7f);
	CHECK_EQ(un(DIF_OP_SEXT, 0x8000, 16), 0xffffffffffff8000ULL);
	CHECK_EQ(un(DIF_OP_SEXT, 0x12347fff, 16), 0x7fff);
	CHECK_EQ(un(DIF_OP_SEXT, 0x80000000ULL, 32), 0xffffffff80000000ULL);
	CHECK_EQ(un(DIF_OP_SEXT, 0x1234567812345678ULL, 64),
		 0x1234567812345678ULL);
	CHECK_EQ(un(DIF_OP_ZEXT, (uint64_t)-1, 8), 0xff);
	CHECK_EQ(un(DIF_OP_ZEXT, (uint64_t)-1, 16), 0xffff);
	CHECK_EQ(un(DIF_OP_ZEXT, (uint64_t)-1, 32), 0xffffffffULL);
	CHECK_EQ(un(DIF_OP_ZEXT, (uint64_t)-1, 64), UINT64_MAX);
}

static void test_consts(void)
{
	uint32_t off;

	fresh();
	ta(&A, DIF_OP_LDI, 1, 0, 0, (uint32_t)-5);
	CHECK_EQ(tvm_eval(&T, &A), (uint64_t)-5);
	fresh();
	ta(&A, DIF_OP_LDI, 1, 0, 0, 0x7fffffff);
	CHECK_EQ(tvm_eval(&T, &A), 0x7fffffff);
	fresh();
	ta_int(&A, 1);
	ta(&A, DIF_OP_SETX, 1, 0, 0, ta_int(&A, 0xdeadbeefcafef00dULL));
	CHECK_EQ(tvm_eval(&T, &A), 0xdeadbeefcafef00dULL);

	/* SETS: the address of the string; read it back with LDUB */
	fresh();
	off = ta_str(&A, "hi");
	ta(&A, DIF_OP_SETS, 2, 0, 0, off);
	ta(&A, DIF_OP_LDUB, 1, 2, 0, 1);
	CHECK_EQ(tvm_eval(&T, &A), 'i');
	fresh();
	off = ta_str(&A, "xyz");
	ta(&A, DIF_OP_SETS, 1, 0, 0, off);
	CHECK_EQ(tvm_eval(&T, &A), (uint64_t)(uintptr_t)(A.str + off));

	/* NOP does nothing; %r0 reads 0 */
	fresh();
	ta(&A, DIF_OP_LDI, 1, 0, 0, 9);
	ta(&A, DIF_OP_NOP, 0, 0, 0, 0);
	ta(&A, DIF_OP_ADD, 1, 1, 0, 0);
	CHECK_EQ(tvm_eval(&T, &A), 9);
}

static void test_branches(void)
{
	uint64_t m1 = (uint64_t)-1;

	CHECK_EQ(br(DIF_OP_BA, 0, 0), 1);
	CHECK_EQ(br(DIF_OP_BEQ, 3, 3), 1);
	CHECK_EQ(br(DIF_OP_BEQ, 3, 4), 0);
	CHECK_EQ(br(DIF_OP_BNE, 3, 4), 1);
	CHECK_EQ(br(DIF_OP_BNE, 3, 3), 0);
	/* signed: -1 < 1; unsigned: 0xfff... > 1 */
	CHECK_EQ(br(DIF_OP_BLT, m1, 1), 1);
	CHECK_EQ(br(DIF_OP_BLT, 1, 1), 0);
	CHECK_EQ(br(DIF_OP_BLE, 1, 1), 1);
	CHECK_EQ(br(DIF_OP_BLE, 2, 1), 0);
	CHECK_EQ(br(DIF_OP_BGT, 1, m1), 1);
	CHECK_EQ(br(DIF_OP_BGT, 1, 1), 0);
	CHECK_EQ(br(DIF_OP_BGE, 1, 1), 1);
	CHECK_EQ(br(DIF_OP_BGE, m1, 1), 0);
	CHECK_EQ(br(DIF_OP_BLTU, 1, m1), 1);
	CHECK_EQ(br(DIF_OP_BLTU, m1, 1), 0);
	CHECK_EQ(br(DIF_OP_BLEU, m1, m1), 1);
	CHECK_EQ(br(DIF_OP_BLEU, m1, 1), 0);
	CHECK_EQ(br(DIF_OP_BGTU, m1, 1), 1);
	CHECK_EQ(br(DIF_OP_BGTU, 1, 1), 0);
	CHECK_EQ(br(DIF_OP_BGEU, 1, 1), 1);
	CHECK_EQ(br(DIF_OP_BGEU, 1, m1), 0);
}

static uint64_t scmp(const char *a, const char *b, uint32_t strsize)
{
	tvm_init(&T);
	tvm_start(&T, strsize);
	ta_init(&A);
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, a));
	ta(&A, DIF_OP_SETS, 3, 0, 0, ta_str(&A, b));
	ta(&A, DIF_OP_SCMP, 1, 2, 3, 0);
	return tvm_eval(&T, &A);
}

static void test_scmp(void)
{
	static char outside[] = "abd"; /* not VM memory: checked loads */

	CHECK_EQ(scmp("abc", "abc", 256), 0);
	CHECK_EQ(scmp("abc", "abd", 256), (uint64_t)-1);
	CHECK_EQ(scmp("abd", "abc", 256), 1);
	CHECK_EQ(scmp("ab", "abc", 256), (uint64_t)-1);
	CHECK_EQ(scmp("abc", "ab", 256), 1);
	CHECK_EQ(scmp("", "", 256), 0);
	CHECK_EQ(scmp("\xff", "a", 256), 1); /* bytes compare unsigned */
	CHECK_EQ(scmp("abcX", "abcY", 3), 0); /* bounded by strsize */
	CHECK_EQ(scmp("abcX", "abcY", 4), (uint64_t)-1);

	fresh();
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "abc"));
	ta(&A, DIF_OP_SETX, 3, 0, 0,
	   ta_int(&A, (uint64_t)(uintptr_t)outside));
	ta(&A, DIF_OP_SCMP, 1, 2, 3, 0);
	CHECK_EQ(tvm_eval(&T, &A), (uint64_t)-1);
	CHECK_EQ(T.ms.ms_scratch_used, 0); /* temporary copies released */
}

static void test_loads_stores(void)
{
	static union {
		uint64_t x;
		uint8_t b[16];
	} mem[2] = { { .b = { 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88,
			      0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 } } };
	uint64_t base = (uint64_t)(uintptr_t)mem[0].b;
	int little = mem[0].x == 0x8887868584838281ULL;
	struct {
		unsigned op;
		int32_t off;
		uint64_t le, be;
	} cases[] = {
		{ DIF_OP_LDSB, 0, 0xffffffffffffff81ULL, 0xffffffffffffff81ULL },
		{ DIF_OP_LDUB, 0, 0x81, 0x81 },
		{ DIF_OP_LDUB, 9, 0x02, 0x02 },
		{ DIF_OP_LDSH, 0, 0xffffffffffff8281ULL, 0xffffffffffff8182ULL },
		{ DIF_OP_LDUH, 0, 0x8281, 0x8182 },
		{ DIF_OP_LDSW, 0, 0xffffffff84838281ULL, 0xffffffff81828384ULL },
		{ DIF_OP_LDUW, 0, 0x84838281, 0x81828384 },
		{ DIF_OP_LDSW, 8, 0x04030201, 0x01020304 },
		{ DIF_OP_LDX, 0, 0x8887868584838281ULL, 0x8182838485868788ULL },
		{ DIF_OP_LDX, 8, 0x0807060504030201ULL, 0x0102030405060708ULL },
	};
	unsigned i;

	/* from memory that is not the VM's own: goes through dt_port_load */
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fresh();
		ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, base));
		ta(&A, cases[i].op, 1, 2, 0, (uint32_t)cases[i].off);
		CHECK_EQ(tvm_eval(&T, &A), little ? cases[i].le : cases[i].be);
	}
	/* negative offsets */
	fresh();
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, base + 16));
	ta(&A, DIF_OP_LDUB, 1, 2, 0, (uint32_t)-16);
	CHECK_EQ(tvm_eval(&T, &A), 0x81);

	/* stores into scratch, read back directly */
	fresh();
	ta(&A, DIF_OP_LDI, 2, 0, 0, 16);
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0); /* %r3 = 16 zeroed bytes */
	ta(&A, DIF_OP_SETX, 4, 0, 0, ta_int(&A, 0x1122334455667788ULL));
	ta(&A, DIF_OP_STX, 3, 4, 0, 8);
	ta(&A, DIF_OP_STW, 3, 4, 0, 4);
	ta(&A, DIF_OP_STH, 3, 4, 0, 2);
	ta(&A, DIF_OP_STB, 3, 4, 0, 1);
	ta(&A, DIF_OP_LDX, 5, 3, 0, 0);
	ta(&A, DIF_OP_LDX, 6, 3, 0, 8);
	ta(&A, DIF_OP_ADD, 1, 5, 6, 0);
	if (little)
		CHECK_EQ(tvm_eval(&T, &A), 0x5566778877888800ULL +
						   0x1122334455667788ULL);
	else
		CHECK_EQ(tvm_eval(&T, &A), 0x0088778855667788ULL +
						   0x1122334455667788ULL);
	/* a load of signed byte from scratch */
	fresh();
	ta(&A, DIF_OP_LDI, 2, 0, 0, 8);
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0);
	ta(&A, DIF_OP_LDI, 4, 0, 0, 0xfe);
	ta(&A, DIF_OP_STB, 3, 4, 0, 3);
	ta(&A, DIF_OP_LDSB, 1, 3, 0, 3);
	CHECK_EQ(tvm_eval(&T, &A), (uint64_t)-2);
}

static void test_scratch_ops(void)
{
	static const char src[8] = "copyme!";

	/* ALLOCS returns zeroed, 8-aligned, distinct chunks */
	fresh();
	ta(&A, DIF_OP_LDI, 2, 0, 0, 3);
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0);
	ta(&A, DIF_OP_ALLOCS, 4, 2, 0, 0);
	ta(&A, DIF_OP_SUB, 1, 4, 3, 0);
	CHECK_EQ(tvm_eval(&T, &A), 8);
	CHECK_EQ(T.ms.ms_scratch_used, 16);

	/* COPYS: uimm bytes from %r1 into scratch at %rd */
	fresh();
	ta(&A, DIF_OP_LDI, 2, 0, 0, 8);
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0);
	ta(&A, DIF_OP_SETX, 4, 0, 0, ta_int(&A, (uint64_t)(uintptr_t)src));
	ta(&A, DIF_OP_COPYS, 3, 4, 0, 8);
	ta(&A, DIF_OP_LDX, 1, 3, 0, 0);
	{
		uint64_t want;

		memcpy(&want, src, 8);
		CHECK_EQ(tvm_eval(&T, &A), want);
	}
}

static void test_ret_drop(void)
{
	/* RET returns %r1 and DONE */
	fresh();
	ta(&A, DIF_OP_LDI, 1, 0, 0, 77);
	CHECK_EQ(tvm_eval(&T, &A), 77);
	CHECK_EQ(T.res.dr_status, DIF_ST_DONE);

	/* DROP: predicate false */
	fresh();
	ta(&A, DIF_OP_DROP, 0, 0, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_PREDFALSE);

	/*
	 * A predicate branching over the actions to a final RET %r0 is
	 * false; the same RET reached after the actions is a DONE clause.
	 */
	fresh();
	ta(&A, DIF_OP_LDI, 2, 0, 0, 0); /* predicate value 0 */
	ta(&A, DIF_OP_BEQ, 0, 2, 0, 4);
	ta_action(&A);
	ta(&A, DIF_OP_LDI, 3, 0, 0, 1);
	ta(&A, DIF_OP_NOP, 0, 0, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0); /* pc 4 */
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_PREDFALSE);
	A.buf[0] = DIF_INSTR(DIF_OP_LDI, 2, 0, 0, 1); /* predicate true */
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_DONE);

	/* RET %r0 inside the predicate region, before the first action */
	fresh();
	ta(&A, DIF_OP_LDI, 2, 0, 0, 1);
	ta(&A, DIF_OP_BNE, 0, 2, 0, 3);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	ta_action(&A);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_DONE);
	A.buf[0] = DIF_INSTR(DIF_OP_LDI, 2, 0, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_PREDFALSE);

	/* no actions at all: RET %r0 is a plain DONE (e.g. BEGIN {}) */
	fresh();
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_DONE);
}

static void test_rec(void)
{
	static const char outside[] = "outside-string";
	uint32_t s1, s2, s4, s8, sstr, sbytes, sstr2;
	int64_t i64;
	int32_t i32;
	int16_t i16;

	fresh();
	s1 = ta_slot(&A, 1, 0, 0);
	s2 = ta_slot(&A, 2, 0, 0);
	s4 = ta_slot(&A, 4, 0, 0);
	s8 = ta_slot(&A, 8, 0, 0);
	sstr = ta_slot(&A, 16, 1, 1);
	sbytes = ta_slot(&A, 4, 1, 0);
	sstr2 = ta_slot(&A, 8, 1, 1);
	ta_action(&A);
	ta(&A, DIF_OP_LDI, 2, 0, 0, (uint32_t)-2);
	ta(&A, DIF_OP_REC, 0, 2, 0, s1);
	ta(&A, DIF_OP_REC, 0, 2, 0, s2);
	ta(&A, DIF_OP_REC, 0, 2, 0, s4);
	ta(&A, DIF_OP_REC, 0, 2, 0, s8);
	ta(&A, DIF_OP_SETS, 3, 0, 0, ta_str(&A, "hello"));
	ta(&A, DIF_OP_REC, 0, 3, 0, sstr);
	ta(&A, DIF_OP_REC, 0, 3, 0, sbytes);
	ta(&A, DIF_OP_SETX, 4, 0, 0,
	   ta_int(&A, (uint64_t)(uintptr_t)outside));
	ta(&A, DIF_OP_REC, 0, 4, 0, sstr2); /* truncated to 8 bytes */
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	memset(T.rec, 0x5a, sizeof(T.rec));
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_DONE);
	CHECK_EQ(A.recsize, 64); /* slots are 8-aligned */
	CHECK_EQ(T.rec[A.slots[s1].rs_offset], 0xfe);
	memcpy(&i16, T.rec + A.slots[s2].rs_offset, 2);
	CHECK_EQ((int64_t)i16, -2);
	memcpy(&i32, T.rec + A.slots[s4].rs_offset, 4);
	CHECK_EQ((int64_t)i32, -2);
	memcpy(&i64, T.rec + A.slots[s8].rs_offset, 8);
	CHECK_EQ(i64, -2);
	CHECK(memcmp(T.rec + A.slots[sstr].rs_offset,
		     "hello\0\0\0\0\0\0\0\0\0\0\0", 16) == 0);
	CHECK(memcmp(T.rec + A.slots[sbytes].rs_offset, "hell", 4) == 0);
	CHECK(memcmp(T.rec + A.slots[sstr2].rs_offset, "outside-", 8) == 0);
	/* bytes between slots were zeroed, not left as they were */
	CHECK_EQ(T.rec[1], 0);
}

static void test_tuple_call(void)
{
	/* CALL strlen with its argument on the tuple stack; stack emptied */
	fresh();
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "four"));
	ta(&A, DIF_OP_PUSHTV, 0, 2, 0, 0);
	ta(&A, DIF_OP_CALL, 1, 0, 0, DIF_SUBR_STRLEN);
	CHECK_EQ(tvm_eval(&T, &A), 4);
	CHECK_EQ(T.ms.ms_ntuple, 0);

	/* PUSHTS copies the string: the argument is the copy */
	fresh();
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "seven!!"));
	ta(&A, DIF_OP_PUSHTS, 0, 2, 0, 0);
	ta(&A, DIF_OP_CALL, 1, 0, 0, DIF_SUBR_STRLEN);
	CHECK_EQ(tvm_eval(&T, &A), 7);

	/* POPTS drops the top entry; FLUSHTS empties */
	fresh();
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "abc"));
	ta(&A, DIF_OP_PUSHTV, 0, 2, 0, 0);
	ta(&A, DIF_OP_LDI, 3, 0, 0, 99);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_POPTS, 0, 0, 0, 0);
	ta(&A, DIF_OP_CALL, 1, 0, 0, DIF_SUBR_STRLEN);
	CHECK_EQ(tvm_eval(&T, &A), 3);
	fresh();
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "abc"));
	ta(&A, DIF_OP_PUSHTV, 0, 2, 0, 0);
	ta(&A, DIF_OP_FLUSHTS, 0, 0, 0, 0);
	ta(&A, DIF_OP_CALL, 1, 0, 0, DIF_SUBR_STRLEN); /* no args: ILLOP */
	ta(&A, DIF_OP_RET, 0, 1, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_FAULT);
	CHECK_EQ(T.res.dr_fault, DIF_FAULT_ILLOP);

	/* PUSHTR: a raw key of uimm bytes, packed in the tuple buffer */
	fresh();
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "rawbytes"));
	ta(&A, DIF_OP_PUSHTR, 0, 2, 0, 3);
	ta(&A, DIF_OP_PUSHTR, 0, 2, 0, 5);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	tvm_run(&T, &A);
	/* RET does not flush; the packed bytes are visible */
	CHECK_EQ(T.ms.ms_ntuple, 2);
	CHECK_EQ(T.ms.ms_tbuf_used, 8);
	CHECK(memcmp(T.tbuf, "rawrawby", 8) == 0);
}

static void test_agg_spec_ops(void)
{
	uint32_t cnt, sum;
	const int64_t *v;
	uint64_t key[1];

	tvm_init(&T);
	cnt = tvm_agg(&T, DT_AGG_COUNT, 0, NULL);
	sum = tvm_agg(&T, DT_AGG_SUM, 8, NULL);
	tvm_start(&T, 256);
	ta_init(&A);
	ta(&A, DIF_OP_LDI, 2, 0, 0, 5);
	ta(&A, DIF_OP_AGG, 0, 2, 0, cnt);
	ta(&A, DIF_OP_AGG, 0, 2, 0, cnt);
	ta(&A, DIF_OP_LDI, 3, 0, 0, 42);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_AGG, 0, 2, 0, sum);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_AGG, 0, 2, 0, sum);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_DONE);
	v = dt_aggbuf_lookup(&T.ab, cnt, NULL);
	CHECK(v != NULL);
	if (v)
		CHECK_EQ(v[0], 2);
	key[0] = 42;
	v = dt_aggbuf_lookup(&T.ab, sum, key);
	CHECK(v != NULL);
	if (v)
		CHECK_EQ(v[0], 10);

	/* quantize with an increment in r2 */
	tvm_init(&T);
	cnt = tvm_agg(&T, DT_AGG_QUANTIZE, 0, NULL);
	tvm_start(&T, 256);
	ta_init(&A);
	ta(&A, DIF_OP_LDI, 2, 0, 0, 5);
	ta(&A, DIF_OP_LDI, 3, 0, 0, 3);
	ta(&A, DIF_OP_AGG, 0, 2, 3, cnt);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_DONE);
	v = dt_aggbuf_lookup(&T.ab, cnt, NULL);
	CHECK(v != NULL);
	if (v)
		CHECK_EQ(v[DT_QUANTIZE_ZERO + 3], 3);

	/* SPEC records the id in the result; COMMIT/DISCARD call the host */
	fresh();
	ta(&A, DIF_OP_CALL, 2, 0, 0, DIF_SUBR_SPECULATION);
	ta(&A, DIF_OP_SPEC, 0, 2, 0, 0);
	ta(&A, DIF_OP_LDI, 3, 0, 0, 3);
	ta(&A, DIF_OP_COMMIT, 0, 3, 0, 0);
	ta(&A, DIF_OP_LDI, 3, 0, 0, 2);
	ta(&A, DIF_OP_DISCARD, 0, 3, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_DONE);
	CHECK_EQ(T.res.dr_spec, 1);
	CHECK_EQ(T.committed, 3);
	CHECK_EQ(T.discarded, 2);
	/* a host op's fault is the op's fault */
	fresh();
	ta(&A, DIF_OP_DISCARD, 0, 0, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_FAULT);
	CHECK_EQ(T.res.dr_fault, DIF_FAULT_ILLOP);
}

/* NULL strings as DTrace has them: "" in SCMP, and a NULL PUSHTS that
 * lets strtok(NULL, d) go on in the string of the call before */
static void test_null_strings(void)
{
	fresh();
	ta(&A, DIF_OP_SETS, 3, 0, 0, ta_str(&A, ""));
	ta(&A, DIF_OP_SCMP, 1, 0, 3, 0); /* %r0 is NULL */
	CHECK_EQ(tvm_eval(&T, &A), 0);
	fresh();
	ta(&A, DIF_OP_SETS, 3, 0, 0, ta_str(&A, "a"));
	ta(&A, DIF_OP_SCMP, 1, 0, 3, 0);
	CHECK_EQ(tvm_eval(&T, &A), (uint64_t)-1);
	fresh();
	ta(&A, DIF_OP_SETS, 3, 0, 0, ta_str(&A, "a"));
	ta(&A, DIF_OP_SCMP, 1, 3, 0, 0);
	CHECK_EQ(tvm_eval(&T, &A), 1);
	fresh();
	ta(&A, DIF_OP_SCMP, 1, 0, 0, 0);
	CHECK_EQ(tvm_eval(&T, &A), 0);

	/* strtok("x,yz", ","), then strtok(NULL, ","): "yz" */
	fresh();
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "x,yz"));
	ta(&A, DIF_OP_SETS, 3, 0, 0, ta_str(&A, ","));
	ta(&A, DIF_OP_PUSHTS, 0, 2, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 3, 0, 0);
	ta(&A, DIF_OP_CALL, 4, 0, 0, DIF_SUBR_STRTOK);
	ta(&A, DIF_OP_FLUSHTS, 0, 0, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 0, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 3, 0, 0);
	ta(&A, DIF_OP_CALL, 1, 0, 0, DIF_SUBR_STRTOK);
	ta(&A, DIF_OP_SETS, 5, 0, 0, ta_str(&A, "yz"));
	ta(&A, DIF_OP_SCMP, 1, 1, 5, 0);
	CHECK_EQ(tvm_eval(&T, &A), 0);
	/* and a third call finds no more tokens: NULL */
	fresh();
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "x,yz"));
	ta(&A, DIF_OP_SETS, 3, 0, 0, ta_str(&A, ","));
	ta(&A, DIF_OP_PUSHTS, 0, 2, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 3, 0, 0);
	ta(&A, DIF_OP_CALL, 4, 0, 0, DIF_SUBR_STRTOK);
	ta(&A, DIF_OP_FLUSHTS, 0, 0, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 0, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 3, 0, 0);
	ta(&A, DIF_OP_CALL, 4, 0, 0, DIF_SUBR_STRTOK);
	ta(&A, DIF_OP_FLUSHTS, 0, 0, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 0, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 3, 0, 0);
	ta(&A, DIF_OP_CALL, 1, 0, 0, DIF_SUBR_STRTOK);
	CHECK_EQ(tvm_eval(&T, &A), 0);
}

void test_ops(void)
{
	test_alu();
	test_consts();
	test_branches();
	test_scmp();
	test_loads_stores();
	test_scratch_ops();
	test_ret_drop();
	test_rec();
	test_tuple_call();
	test_null_strings();
	test_agg_spec_ops();
}
