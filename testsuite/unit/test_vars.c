/*
 * test_vars.c - variable ops: globals, this->, self->, associative
 * arrays (global and thread-local), built-ins, deletion and drops.
 */
#include "unit.h"

static tvm_t T;
static tasm_t A;

static uint32_t v_s8, v_u16, v_s32, v_x, v_str, v_loc, v_self, v_selfstr;
static uint32_t v_ga, v_gastr, v_ta;

static void setup(uint32_t strsize)
{
	tvm_init(&T);
	v_s8 = tvm_var(&T, DIF_SCOPE_GLOBAL, 0, 1, 0, 0, 1, 0, 0);
	v_u16 = tvm_var(&T, DIF_SCOPE_GLOBAL, 0, 2, 0, 0, 0, 2, 0);
	v_s32 = tvm_var(&T, DIF_SCOPE_GLOBAL, 0, 4, 0, 0, 1, 4, 0);
	v_x = tvm_var(&T, DIF_SCOPE_GLOBAL, 0, 8, 0, 0, 1, 8, 0);
	v_str = tvm_var(&T, DIF_SCOPE_GLOBAL, 0, strsize, 1, 1, 0, 16, 0);
	v_loc = tvm_var(&T, DIF_SCOPE_LOCAL, 0, 8, 0, 0, 1, 8, 0);
	v_self = tvm_var(&T, DIF_SCOPE_THREAD, 0, 8, 0, 0, 1, 0, 0);
	v_selfstr = tvm_var(&T, DIF_SCOPE_THREAD, 0, strsize, 1, 1, 0, 0, 0);
	v_ga = tvm_var(&T, DIF_SCOPE_GLOBAL, 1, 8, 0, 0, 1, 0, 8 + strsize);
	v_gastr = tvm_var(&T, DIF_SCOPE_GLOBAL, 1, strsize, 1, 1, 0, 0, 8);
	v_ta = tvm_var(&T, DIF_SCOPE_THREAD, 1, 8, 0, 0, 1, 0, 8);
	tvm_start(&T, strsize);
	ta_init(&A);
}

/* run what is assembled, expecting DONE; reset the assembler */
static uint64_t run(void)
{
	uint64_t rv = tvm_eval(&T, &A);

	ta_init(&A);
	return rv;
}

static void store_int(unsigned op, uint32_t id, int64_t v)
{
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, (uint64_t)v));
	ta(&A, op, 0, 2, 0, id);
}

static uint64_t load(unsigned op, uint32_t id)
{
	ta(&A, op, 1, 0, 0, id);
	return run();
}

static void test_globals(void)
{
	setup(32);
	store_int(DIF_OP_STGV, v_s8, 0x1ff); /* truncated to 1 byte: -1 */
	store_int(DIF_OP_STGV, v_u16, -1);
	store_int(DIF_OP_STGV, v_s32, 0x80000000LL);
	store_int(DIF_OP_STGV, v_x, 0x123456789LL);
	run();
	CHECK_EQ(load(DIF_OP_LDGV, v_s8), (uint64_t)-1);
	CHECK_EQ(load(DIF_OP_LDGV, v_u16), 0xffff);
	CHECK_EQ(load(DIF_OP_LDGV, v_s32), 0xffffffff80000000ULL);
	CHECK_EQ(load(DIF_OP_LDGV, v_x), 0x123456789ULL);

	/* by-ref string: LDGV gives its address; STGV copies and pads */
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "global!"));
	ta(&A, DIF_OP_STGV, 0, 2, 0, v_str);
	run();
	CHECK_EQ(load(DIF_OP_LDGV, v_str),
		 (uint64_t)(uintptr_t)((uint8_t *)T.glob + 16));
	CHECK_STR((char *)T.glob + 16, "global!");
	/* a shorter string overwrites all of it */
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "ab"));
	ta(&A, DIF_OP_STGV, 0, 2, 0, v_str);
	run();
	CHECK(memcmp((char *)T.glob + 16, "ab\0\0\0\0\0\0", 8) == 0);
	/* longer than strsize: cut at strsize */
	ta(&A, DIF_OP_SETS, 2, 0, 0,
	   ta_str(&A, "0123456789abcdefghijklmnopqrstuvwxyz"));
	ta(&A, DIF_OP_STGV, 0, 2, 0, v_str);
	run();
	CHECK(memcmp((char *)T.glob + 16, "0123456789abcdefghijklmnopqrstuv",
		     32) == 0);

	/* this-> lives in the local area; dif_mstate_fire() clears it */
	store_int(DIF_OP_STLV, v_loc, -77);
	run();
	CHECK_EQ(load(DIF_OP_LDLV, v_loc), (uint64_t)-77);
	dif_mstate_fire(&T.ms);
	CHECK_EQ(load(DIF_OP_LDLV, v_loc), 0);
}

static void test_builtins(void)
{
	setup(32);
	CHECK_EQ(load(DIF_OP_LDGV, DIF_VAR_PID), 4242);
	CHECK_EQ(load(DIF_OP_LDGV, DIF_VAR_ARG0 + 3), 103);
	ta(&A, DIF_OP_LDI, 2, 0, 0, 5);
	ta(&A, DIF_OP_PUSHTV, 0, 2, 0, 0);
	CHECK_EQ(load(DIF_OP_LDGV, DIF_VAR_ARGS), 1005);
	CHECK_EQ(T.ms.ms_ntuple, 0);
	/* a string built-in compared with SCMP */
	ta(&A, DIF_OP_LDGV, 2, 0, 0, DIF_VAR_EXECNAME);
	ta(&A, DIF_OP_SETS, 3, 0, 0, ta_str(&A, "unit-test"));
	ta(&A, DIF_OP_SCMP, 1, 2, 3, 0);
	CHECK_EQ(run(), 0);
	/* host memory declared readable is read directly */
	CHECK_EQ(dif_mstate_add_range(&T.ms, T.execname, sizeof(T.execname)),
		 0);
	ta(&A, DIF_OP_LDGV, 2, 0, 0, DIF_VAR_EXECNAME);
	ta(&A, DIF_OP_PUSHTV, 0, 2, 0, 0);
	ta(&A, DIF_OP_CALL, 1, 0, 0, DIF_SUBR_STRLEN);
	CHECK_EQ(run(), 9);
}

static void test_self(void)
{
	setup(32);
	/* self-> is per thread key; missing reads 0 */
	T.tkey = 1;
	store_int(DIF_OP_STTV, v_self, 11);
	run();
	T.tkey = 2;
	CHECK_EQ(load(DIF_OP_LDTV, v_self), 0);
	store_int(DIF_OP_STTV, v_self, 22);
	run();
	T.tkey = 1;
	CHECK_EQ(load(DIF_OP_LDTV, v_self), 11);
	CHECK_EQ(T.dv.dd_count, 2);
	/* storing 0 deletes */
	store_int(DIF_OP_STTV, v_self, 0);
	run();
	CHECK_EQ(T.dv.dd_count, 1);
	CHECK_EQ(load(DIF_OP_LDTV, v_self), 0);
	T.tkey = 2;
	CHECK_EQ(load(DIF_OP_LDTV, v_self), 22);
	CHECK_EQ(dt_dynvar_purge_thread(&T.dv, 2), 1);
	CHECK_EQ(load(DIF_OP_LDTV, v_self), 0);

	/* string self->: missing reads as ""; "" deletes */
	ta(&A, DIF_OP_LDTV, 2, 0, 0, v_selfstr);
	ta(&A, DIF_OP_LDUB, 1, 2, 0, 0);
	CHECK_EQ(run(), 0);
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "mine"));
	ta(&A, DIF_OP_STTV, 0, 2, 0, v_selfstr);
	run();
	ta(&A, DIF_OP_LDTV, 2, 0, 0, v_selfstr);
	ta(&A, DIF_OP_PUSHTV, 0, 2, 0, 0);
	ta(&A, DIF_OP_CALL, 1, 0, 0, DIF_SUBR_STRLEN);
	CHECK_EQ(run(), 4);
	CHECK_EQ(T.dv.dd_count, 1);
	ta(&A, DIF_OP_SETS, 2, 0, 0, 0); /* "" */
	ta(&A, DIF_OP_STTV, 0, 2, 0, v_selfstr);
	run();
	CHECK_EQ(T.dv.dd_count, 0);
}

static void test_assoc(void)
{
	uint32_t i;

	setup(32);
	/* a[123, "k"] = 5; a[123, "j"] = 6; a[124, "k"] = 7 */
	ta(&A, DIF_OP_LDI, 3, 0, 0, 123);
	ta(&A, DIF_OP_SETS, 4, 0, 0, ta_str(&A, "k"));
	ta(&A, DIF_OP_SETS, 5, 0, 0, ta_str(&A, "j"));
	ta(&A, DIF_OP_LDI, 6, 0, 0, 124);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 4, 0, 0);
	store_int(DIF_OP_STGA, v_ga, 5);
	CHECK_EQ(T.ms.ms_ntuple, 0);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 5, 0, 0);
	store_int(DIF_OP_STGA, v_ga, 6);
	ta(&A, DIF_OP_PUSHTV, 0, 6, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 4, 0, 0);
	store_int(DIF_OP_STGA, v_ga, 7);
	/* read them back in one program: 5*100 + 6*10 + 7 */
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 4, 0, 0);
	ta(&A, DIF_OP_LDGA, 7, 0, 0, v_ga);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 5, 0, 0);
	ta(&A, DIF_OP_LDGA, 8, 0, 0, v_ga);
	ta(&A, DIF_OP_PUSHTV, 0, 6, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 4, 0, 0);
	ta(&A, DIF_OP_LDGA, 9, 0, 0, v_ga);
	ta(&A, DIF_OP_LDI, 10, 0, 0, 100);
	ta(&A, DIF_OP_MUL, 7, 7, 10, 0);
	ta(&A, DIF_OP_LDI, 10, 0, 0, 10);
	ta(&A, DIF_OP_MUL, 8, 8, 10, 0);
	ta(&A, DIF_OP_ADD, 1, 7, 8, 0);
	ta(&A, DIF_OP_ADD, 1, 1, 9, 0);
	CHECK_EQ(run(), 567);
	CHECK_EQ(T.dv.dd_count, 3);
	/* a missing key reads 0 */
	ta(&A, DIF_OP_LDI, 3, 0, 0, 9);
	ta(&A, DIF_OP_SETS, 4, 0, 0, ta_str(&A, "k"));
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 4, 0, 0);
	CHECK_EQ(load(DIF_OP_LDGA, v_ga), 0);
	CHECK_EQ(T.ms.ms_ntuple, 0);
	/* PUSHTS of the address 9: a fault, not a crash */
	ta(&A, DIF_OP_LDI, 3, 0, 0, 9);
	ta(&A, DIF_OP_PUSHTS, 0, 3, 0, 0);
	ta(&A, DIF_OP_RET, 0, 0, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_FAULT);
	CHECK_EQ(T.res.dr_fault, DIF_FAULT_BADADDR);
	CHECK_EQ(T.res.dr_addr, 9);
	ta_init(&A);
	/* delete one by storing 0 */
	ta(&A, DIF_OP_LDI, 3, 0, 0, 123);
	ta(&A, DIF_OP_SETS, 4, 0, 0, ta_str(&A, "k"));
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 4, 0, 0);
	store_int(DIF_OP_STGA, v_ga, 0);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_PUSHTS, 0, 4, 0, 0);
	ta(&A, DIF_OP_LDGA, 1, 0, 0, v_ga);
	CHECK_EQ(run(), 0);
	CHECK_EQ(T.dv.dd_count, 2);

	/* string values keyed by integer */
	ta(&A, DIF_OP_LDI, 3, 0, 0, 1);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "one"));
	ta(&A, DIF_OP_STGA, 0, 2, 0, v_gastr);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_LDGA, 2, 0, 0, v_gastr);
	ta(&A, DIF_OP_SETS, 4, 0, 0, ta_str(&A, "one"));
	ta(&A, DIF_OP_SCMP, 1, 2, 4, 0);
	CHECK_EQ(run(), 0);

	/* thread-local arrays: same key, different threads */
	T.tkey = 100;
	ta(&A, DIF_OP_LDI, 3, 0, 0, 5);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	store_int(DIF_OP_STTA, v_ta, 55);
	run();
	T.tkey = 200;
	ta(&A, DIF_OP_LDI, 3, 0, 0, 5);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	CHECK_EQ(load(DIF_OP_LDTA, v_ta), 0);
	T.tkey = 100;
	ta(&A, DIF_OP_LDI, 3, 0, 0, 5);
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	CHECK_EQ(load(DIF_OP_LDTA, v_ta), 55);

	/* fill the arena: stores beyond it are drops, not faults */
	for (i = 0; i < 100000 && T.dv.dd_drops == 0; i++) {
		ta(&A, DIF_OP_SETX, 3, 0, 0, ta_int(&A, 1000 + i));
		ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
		ta(&A, DIF_OP_LDI, 2, 0, 0, 1);
		ta(&A, DIF_OP_STTA, 0, 2, 0, v_ta);
		run();
	}
	CHECK_EQ(T.dv.dd_drops, 1);
	CHECK_EQ(T.ms.ms_dyndrops, 1);
	CHECK(i > 100);
	CHECK_EQ(T.dv.dd_count, T.dv.dd_nchunks);
	/* deleting one makes room again */
	ta(&A, DIF_OP_SETX, 3, 0, 0, ta_int(&A, 1000));
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_STTA, 0, 0, 0, v_ta);
	ta(&A, DIF_OP_SETX, 3, 0, 0, ta_int(&A, 999999));
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	ta(&A, DIF_OP_LDI, 2, 0, 0, 3);
	ta(&A, DIF_OP_STTA, 0, 2, 0, v_ta);
	ta(&A, DIF_OP_SETX, 3, 0, 0, ta_int(&A, 999999));
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0);
	CHECK_EQ(load(DIF_OP_LDTA, v_ta), 3);
	CHECK_EQ(T.dv.dd_drops, 1);
}

void test_vars(void)
{
	test_globals();
	test_builtins();
	test_self();
	test_assoc();
}
