/*
 * test_misc.c - opcode/subroutine/variable names and the user-space port
 * (fault-safe loads of truly unmapped memory).
 */
#include <sys/mman.h>
#include <unistd.h>

#include "unit.h"

void test_names(void)
{
	unsigned i;

	CHECK_STR(dif_op_name(DIF_OP_NOP), "nop");
	CHECK_STR(dif_op_name(DIF_OP_SDIV), "sdiv");
	CHECK_STR(dif_op_name(DIF_OP_PUSHTS), "pushts");
	CHECK_STR(dif_op_name(DIF_OP_DROP), "drop");
	CHECK(dif_op_name(DIF_OP_MAX) == NULL);
	CHECK_STR(dif_subr_name(DIF_SUBR_STRJOIN), "strjoin");
	CHECK_STR(dif_subr_name(DIF_SUBR_INET_NTOA6), "inet_ntoa6");
	CHECK_STR(dif_subr_name(DIF_SUBR_STRTOLL), "strtoll");
	CHECK_STR(dif_subr_name(DIF_SUBR_RAND), "rand");
	CHECK(dif_subr_name(DIF_SUBR_MAX) == NULL);
	CHECK_STR(dif_var_name(DIF_VAR_EXECNAME), "execname");
	CHECK_STR(dif_var_name(DIF_VAR_ARGS), "args");
	CHECK_STR(dif_var_name(DIF_VAR_ARG0), "arg0");
	CHECK_STR(dif_var_name(DIF_VAR_ARG9), "arg9");
	CHECK_STR(dif_var_name(DIF_VAR_CURCPU), "curcpu");
	CHECK(dif_var_name(DIF_VAR_BUILTIN_MAX) == NULL);
	/* no hole in any table */
	for (i = 0; i < DIF_OP_MAX; i++)
		CHECK(dif_op_name(i) != NULL);
	for (i = 0; i < DIF_SUBR_MAX; i++)
		CHECK(dif_subr_name(i) != NULL);
	for (i = 0; i < DIF_VAR_BUILTIN_MAX; i++)
		CHECK(dif_var_name(i) != NULL);
}

void test_port(void)
{
	static const char good[] = "readable";
	long pg = sysconf(_SC_PAGESIZE);
	char buf[16];
	char *p;

	memset(buf, 0, sizeof(buf));
	CHECK_EQ(dt_port_load(buf, (uintptr_t)good, 9), 0);
	CHECK_STR(buf, "readable");
	CHECK_EQ(dt_port_uload(buf, (uintptr_t)good + 4, 5), 0);
	CHECK_STR(buf, "able");
	CHECK_EQ(dt_port_load(buf, 0, 1), -1);
	CHECK_EQ(dt_port_load(buf, unit_bad_addr(), 8), -1);
	CHECK_EQ(dt_port_uload(buf, unit_bad_addr(), 1), -1);
	CHECK_EQ(dt_port_load(buf, UINT64_MAX - 3, 8), -1);
	CHECK_EQ(dt_port_load(buf, 0, 0), 0);
	/* a read that runs off the end of a mapping into a hole fails, the
	 * part before the hole reads fine */
	p = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		munmap(p + pg, (size_t)pg);
		memcpy(p + pg - 4, "end", 4);
		CHECK_EQ(dt_port_load(buf, (uintptr_t)(p + pg - 4), 4), 0);
		CHECK_STR(buf, "end");
		CHECK_EQ(dt_port_load(buf, (uintptr_t)(p + pg - 4), 5), -1);
		/* PROT_NONE memory is refused as well */
		mprotect(p, (size_t)pg, PROT_NONE);
		CHECK_EQ(dt_port_load(buf, (uintptr_t)p, 1), -1);
		munmap(p, (size_t)pg);
	}
#if UINTPTR_MAX == 0xffffffffu
	/* a 32-bit process has no memory above 4 GiB */
	CHECK_EQ(dt_port_load(buf, 0x100000000ULL, 1), -1);
#endif
}
