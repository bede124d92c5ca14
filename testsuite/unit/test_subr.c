/*
 * test_subr.c - every subroutine through DIF_OP_CALL, with exact results,
 * and the faults they raise.
 */
#include <stdlib.h>

#include "unit.h"

static tvm_t T;
static tasm_t A;

typedef struct targ {
	int isstr;
	uint64_t v;
	const char *s;
} targ_t;

#define I(x) ((targ_t){ 0, (uint64_t)(x), NULL })
#define S(x) ((targ_t){ 1, 0, (x) })
#define ARGS(...)                                                              \
	(targ_t[]){ __VA_ARGS__ },                                             \
		(int)(sizeof((targ_t[]){ __VA_ARGS__ }) / sizeof(targ_t))

static uint32_t strsize = 256;
static int keep_state; /* 1: do not reset the VM between calls */

/* call subr with the arguments; returns the run status */
static int call(unsigned subr, targ_t *args, int n, uint64_t *rv)
{
	int i;

	if (!keep_state) {
		tvm_init(&T);
		tvm_start(&T, strsize);
	} else {
		dif_mstate_fire(&T.ms);
	}
	ta_init(&A);
	for (i = 0; i < n; i++) {
		if (args[i].isstr)
			ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, args[i].s));
		else
			ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, args[i].v));
		ta(&A, DIF_OP_PUSHTV, 0, 2, 0, 0);
	}
	ta(&A, DIF_OP_CALL, 1, 0, 0, subr);
	ta(&A, DIF_OP_RET, 0, 1, 0, 0);
	if (tvm_run(&T, &A) == DIF_ST_DONE)
		*rv = T.res.dr_rv;
	return T.res.dr_status;
}

static uint64_t ci(unsigned subr, targ_t *args, int n)
{
	uint64_t rv = 0xbad;

	if (call(subr, args, n, &rv) != DIF_ST_DONE)
		return 0xfa000000u + T.res.dr_fault;
	return rv;
}

/* string result, "<null>" for 0, "<fault N>" for a fault */
static const char *cs(unsigned subr, targ_t *args, int n)
{
	static char buf[64];
	uint64_t rv = 0;

	if (call(subr, args, n, &rv) != DIF_ST_DONE) {
		snprintf(buf, sizeof(buf), "<fault %u>", T.res.dr_fault);
		return buf;
	}
	if (rv == 0)
		return "<null>";
	return (const char *)(uintptr_t)rv;
}

#define FAULTED(f) (0xfa000000u + (f))

static void test_strings(void)
{
	static char outside[] = "outside memory";

	CHECK_EQ(ci(DIF_SUBR_STRLEN, ARGS(S("hello"))), 5);
	CHECK_EQ(ci(DIF_SUBR_STRLEN, ARGS(S(""))), 0);
	CHECK_EQ(ci(DIF_SUBR_STRLEN, ARGS(I((uintptr_t)outside))), 14);
	strsize = 8;
	CHECK_EQ(ci(DIF_SUBR_STRLEN, ARGS(S("0123456789"))), 8);
	CHECK_EQ(ci(DIF_SUBR_STRLEN, ARGS(I((uintptr_t)outside))), 8);
	CHECK_STR(cs(DIF_SUBR_STRJOIN, ARGS(S("abcd"), S("efg"))), "abcdefg");
	CHECK_STR(cs(DIF_SUBR_STRJOIN, ARGS(S("abcd"), S("efgh"))),
		  "<fault 5>");
	strsize = 256;
	CHECK_STR(cs(DIF_SUBR_STRJOIN, ARGS(S("foo"), S("bar"))), "foobar");
	CHECK_STR(cs(DIF_SUBR_STRJOIN, ARGS(S(""), S(""))), "");
	CHECK_STR(cs(DIF_SUBR_STRJOIN, ARGS(I((uintptr_t)outside), S("!"))),
		  "outside memory!");
	CHECK_EQ(ci(DIF_SUBR_STRJOIN, ARGS(S("x"))),
		 FAULTED(DIF_FAULT_ILLOP));
	CHECK_EQ(ci(DIF_SUBR_STRLEN, ARGS(I(unit_bad_addr()))),
		 FAULTED(DIF_FAULT_BADADDR));
	CHECK_EQ(T.res.dr_addr, unit_bad_addr());

	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(1))), "ello");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(1), I(3))), "ell");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(-2))), "lo");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(-2), I(1))), "l");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(-7), I(3))), "h");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(-7), I(2))), "");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(-5))), "hello");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(5))), "");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(10), I(2))), "");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(1), I(-1))), "ell");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(1), I(-10))), "");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(0), I(0))), "");
	CHECK_STR(cs(DIF_SUBR_SUBSTR, ARGS(S("hello"), I(0), I(100))),
		  "hello");

	CHECK_EQ(ci(DIF_SUBR_INDEX, ARGS(S("hello"), S("l"))), 2);
	CHECK_EQ(ci(DIF_SUBR_INDEX, ARGS(S("hello"), S("z"))), (uint64_t)-1);
	CHECK_EQ(ci(DIF_SUBR_INDEX, ARGS(S("hello"), S("lo"))), 3);
	CHECK_EQ(ci(DIF_SUBR_INDEX, ARGS(S("hello"), S("l"), I(3))), 3);
	CHECK_EQ(ci(DIF_SUBR_INDEX, ARGS(S("hello"), S("l"), I(4))),
		 (uint64_t)-1);
	CHECK_EQ(ci(DIF_SUBR_INDEX, ARGS(S("hello"), S("l"), I(-5))), 2);
	CHECK_EQ(ci(DIF_SUBR_INDEX, ARGS(S("hello"), S(""), I(2))), 2);
	CHECK_EQ(ci(DIF_SUBR_INDEX, ARGS(S("hello"), S(""), I(10))), 5);
	CHECK_EQ(ci(DIF_SUBR_INDEX, ARGS(S("hello"), S("hellos"))),
		 (uint64_t)-1);
	CHECK_EQ(ci(DIF_SUBR_INDEX, ARGS(S(""), S(""))), 0);
	CHECK_EQ(ci(DIF_SUBR_RINDEX, ARGS(S("hello"), S("l"))), 3);
	CHECK_EQ(ci(DIF_SUBR_RINDEX, ARGS(S("hello"), S("l"), I(2))), 2);
	CHECK_EQ(ci(DIF_SUBR_RINDEX, ARGS(S("hello"), S("l"), I(1))),
		 (uint64_t)-1);
	CHECK_EQ(ci(DIF_SUBR_RINDEX, ARGS(S("hello"), S("l"), I(-1))),
		 (uint64_t)-1);
	CHECK_EQ(ci(DIF_SUBR_RINDEX, ARGS(S("hello"), S(""), I(-1))), 0);
	CHECK_EQ(ci(DIF_SUBR_RINDEX, ARGS(S("hello"), S("l"), I(100))), 3);
	CHECK_EQ(ci(DIF_SUBR_RINDEX, ARGS(S("hello"), S(""))), 5);
	CHECK_EQ(ci(DIF_SUBR_RINDEX, ARGS(S("hello"), S("h"))), 0);

	CHECK_STR(cs(DIF_SUBR_STRSTR, ARGS(S("hello"), S("ll"))), "llo");
	CHECK_STR(cs(DIF_SUBR_STRSTR, ARGS(S("hello"), S("x"))), "<null>");
	CHECK_STR(cs(DIF_SUBR_STRSTR, ARGS(S("hello"), S(""))), "hello");
	CHECK_STR(cs(DIF_SUBR_STRCHR, ARGS(S("hello"), I('l'))), "llo");
	CHECK_STR(cs(DIF_SUBR_STRRCHR, ARGS(S("hello"), I('l'))), "lo");
	CHECK_STR(cs(DIF_SUBR_STRCHR, ARGS(S("hello"), I('z'))), "<null>");
	CHECK_STR(cs(DIF_SUBR_STRCHR, ARGS(S("hello"), I(0))), "");
	CHECK_STR(cs(DIF_SUBR_STRRCHR, ARGS(S("hello"), I('h'))), "hello");
	/* from memory outside the VM: the address is the caller's */
	CHECK_EQ(ci(DIF_SUBR_STRCHR, ARGS(I((uintptr_t)outside), I('m'))),
		 (uintptr_t)outside + 8);

	CHECK_STR(cs(DIF_SUBR_TOUPPER, ARGS(S("Hello, World1"))),
		  "HELLO, WORLD1");
	CHECK_STR(cs(DIF_SUBR_TOLOWER, ARGS(S("Hello, World1"))),
		  "hello, world1");
	CHECK_STR(cs(DIF_SUBR_TOUPPER, ARGS(S(""))), "");
}

static void test_strtok(void)
{
	static char str[] = "a,b,,c";
	static char delims[] = ",";
	static char empty[] = ",,,";

	tvm_init(&T);
	tvm_start(&T, 256);
	keep_state = 1;
	CHECK_STR(cs(DIF_SUBR_STRTOK, ARGS(I((uintptr_t)str), I((uintptr_t)delims))),
		  "a");
	CHECK_STR(cs(DIF_SUBR_STRTOK, ARGS(I(0), I((uintptr_t)delims))), "b");
	CHECK_STR(cs(DIF_SUBR_STRTOK, ARGS(I(0), S(","))), "c");
	CHECK_STR(cs(DIF_SUBR_STRTOK, ARGS(I(0), S(","))), "<null>");
	CHECK_STR(cs(DIF_SUBR_STRTOK, ARGS(I(0), S(","))), "<null>");
	CHECK_STR(cs(DIF_SUBR_STRTOK, ARGS(I((uintptr_t)empty), S(","))),
		  "<null>");
	CHECK_STR(cs(DIF_SUBR_STRTOK, ARGS(I((uintptr_t)str), S(",b"))), "a");
	CHECK_STR(cs(DIF_SUBR_STRTOK, ARGS(I(0), S(",b"))), "c");
	keep_state = 0;
	CHECK_STR(str, "a,b,,c"); /* the input is never modified */
}

static void test_numbers(void)
{
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(123))), "123");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(-123))), "-123");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(0))), "0");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(0x8000000000000000ULL))),
		  "-9223372036854775808");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(255), I(16))), "0xff");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(0), I(16))), "0x0");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(-1), I(16))),
		  "0xffffffffffffffff");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(8), I(8))), "010");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(0), I(8))), "0");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(5), I(2))), "101");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(-1), I(2))),
		  "1111111111111111111111111111111111111111111111111111111111111111");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(71), I(36))), "1z");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(1), I(1))), "<fault 3>");
	CHECK_STR(cs(DIF_SUBR_LLTOSTR, ARGS(I(1), I(37))), "<fault 3>");

	CHECK_EQ(ci(DIF_SUBR_STRTOLL, ARGS(S("123"))), 123);
	CHECK_EQ(ci(DIF_SUBR_STRTOLL, ARGS(S("-42"))), (uint64_t)-42);
	CHECK_EQ(ci(DIF_SUBR_STRTOLL, ARGS(S(" \t+7"))), 7);
	CHECK_EQ(ci(DIF_SUBR_STRTOLL, ARGS(S("12abc"))), 12);
	CHECK_EQ(ci(DIF_SUBR_STRTOLL, ARGS(S("abc"))), 0);
	CHECK_EQ(ci(DIF_SUBR_STRTOLL, ARGS(S("ff"), I(16))), 255);
	CHECK_EQ(ci(DIF_SUBR_STRTOLL, ARGS(S("0x1F"), I(16))), 31);
	CHECK_EQ(ci(DIF_SUBR_STRTOLL, ARGS(S("777"), I(8))), 511);
	CHECK_EQ(ci(DIF_SUBR_STRTOLL, ARGS(S("z"), I(36))), 35);
	CHECK_EQ(ci(DIF_SUBR_STRTOLL, ARGS(S("102"), I(2))), 2);
	CHECK_EQ(ci(DIF_SUBR_STRTOLL, ARGS(S("1"), I(1))),
		 FAULTED(DIF_FAULT_ILLOP));

	CHECK_EQ(ci(DIF_SUBR_HTONS, ARGS(I(0x1234))), 0x3412);
	CHECK_EQ(ci(DIF_SUBR_NTOHS, ARGS(I(0xabcd))), 0xcdab);
	CHECK_EQ(ci(DIF_SUBR_HTONS, ARGS(I(0x51234))), 0x3412);
	CHECK_EQ(ci(DIF_SUBR_HTONL, ARGS(I(0x12345678))), 0x78563412);
	CHECK_EQ(ci(DIF_SUBR_NTOHL, ARGS(I(0x1122334455667788ULL))),
		 0x88776655);
	CHECK_EQ(ci(DIF_SUBR_HTONLL, ARGS(I(0x0102030405060708ULL))),
		 0x0807060504030201ULL);
	CHECK_EQ(ci(DIF_SUBR_NTOHLL, ARGS(I(0x0807060504030201ULL))),
		 0x0102030405060708ULL);

	/* rand(): 31-bit values, a sequence fixed by the seed */
	{
		uint64_t a, b, c;

		tvm_init(&T);
		tvm_start(&T, 256);
		keep_state = 1;
		dif_mstate_seed(&T.ms, 12345);
		a = ci(DIF_SUBR_RAND, ARGS(I(0)));
		b = ci(DIF_SUBR_RAND, ARGS(I(0)));
		dif_mstate_seed(&T.ms, 12345);
		c = ci(DIF_SUBR_RAND, ARGS(I(0)));
		keep_state = 0;
		CHECK(a < 0x80000000ULL && b < 0x80000000ULL);
		CHECK(a != b);
		CHECK_EQ(a, c);
	}
}

static void test_paths(void)
{
	static const struct {
		const char *in, *base, *dir;
	} p[] = {
		{ "/usr/bin/ls", "ls", "/usr/bin" },
		{ "/usr/bin/", "bin", "/usr" },
		{ "/usr", "usr", "/" },
		{ "usr", "usr", "." },
		{ "/", "/", "/" },
		{ "//", "/", "/" },
		{ "", ".", "." },
		{ "a//b//", "b", "a" },
		{ "//a", "a", "/" },
		{ "a/b/c", "c", "a/b" },
	};
	unsigned i;

	for (i = 0; i < sizeof(p) / sizeof(p[0]); i++) {
		CHECK_STR(cs(DIF_SUBR_BASENAME, ARGS(S(p[i].in))), p[i].base);
		CHECK_STR(cs(DIF_SUBR_DIRNAME, ARGS(S(p[i].in))), p[i].dir);
	}
	CHECK_STR(cs(DIF_SUBR_CLEANPATH, ARGS(S("/foo/../bar"))), "/bar");
	CHECK_STR(cs(DIF_SUBR_CLEANPATH, ARGS(S("/foo/./bar"))), "/foo/bar");
	CHECK_STR(cs(DIF_SUBR_CLEANPATH, ARGS(S("//foo//bar"))), "/foo/bar");
	CHECK_STR(cs(DIF_SUBR_CLEANPATH, ARGS(S("/foo/bar/"))), "/foo/bar/");
	CHECK_STR(cs(DIF_SUBR_CLEANPATH, ARGS(S("/.."))), "/");
	CHECK_STR(cs(DIF_SUBR_CLEANPATH, ARGS(S("/a/b/../../c"))), "/c");
	CHECK_STR(cs(DIF_SUBR_CLEANPATH, ARGS(S("a/b/../c"))), "a/c");
	CHECK_STR(cs(DIF_SUBR_CLEANPATH, ARGS(S("/usr/bin"))), "/usr/bin");
	CHECK_STR(cs(DIF_SUBR_CLEANPATH, ARGS(S("/"))), "/");
}

static void test_inet(void)
{
	static const uint8_t v4[4] = { 192, 168, 1, 2 };
	static const uint8_t v6[][16] = {
		{ 0 },
		{ [15] = 1 },
		{ 0x20, 0x01, 0x0d, 0xb8, [15] = 1 },
		{ 0xfe, 0x80, [13] = 1, [15] = 2 },
		{ [10] = 0xff, [11] = 0xff, 1, 2, 3, 4 },
		{ [12] = 1, 2, 3, 4 },
		{ 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1 },
		{ 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3 },
		{ 0, 1, [15] = 0 },
		{ 0xab, 0xcd, 0x00, 0x12, 0x0f, 0xff, 0xff, 0xff, 1, 0, 0, 0,
		  0, 0, 0, 0 },
	};
	static const char *want[] = {
		"::",
		"::1",
		"2001:db8::1",
		"fe80::1:2",
		"::ffff:1.2.3.4",
		"::1.2.3.4",
		"2001:db8:0:1:1:1:1:1",
		"1:0:0:2::3",
		"1::",
		"abcd:12:fff:ffff:100::",
	};
	unsigned i;

	CHECK_STR(cs(DIF_SUBR_INET_NTOA, ARGS(I((uintptr_t)v4))),
		  "192.168.1.2");
	CHECK_STR(cs(DIF_SUBR_INET_NTOP, ARGS(I(2), I((uintptr_t)v4))),
		  "192.168.1.2");
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		CHECK_STR(cs(DIF_SUBR_INET_NTOA6, ARGS(I((uintptr_t)v6[i]))),
			  want[i]);
		CHECK_STR(cs(DIF_SUBR_INET_NTOP,
			     ARGS(I(10), I((uintptr_t)v6[i]))),
			  want[i]);
	}
	CHECK_STR(cs(DIF_SUBR_INET_NTOP, ARGS(I(3), I((uintptr_t)v4))),
		  "<fault 3>");
	CHECK_STR(cs(DIF_SUBR_INET_NTOA, ARGS(I(unit_bad_addr()))),
		  "<fault 1>");
}

static void test_memory(void)
{
	static char user[] = "user string";
	uint64_t rv = 0, p;

	/* copyin: a scratch copy of user memory */
	CHECK_STR(cs(DIF_SUBR_COPYIN, ARGS(I((uintptr_t)user), I(12))),
		  "user string");
	CHECK_EQ(T.ms.ms_scratch_used, 16);
	CHECK_EQ(ci(DIF_SUBR_COPYIN, ARGS(I(unit_bad_addr()), I(4))),
		 FAULTED(DIF_FAULT_BADADDR));
	CHECK_EQ(T.res.dr_addr, unit_bad_addr());
	CHECK_EQ(ci(DIF_SUBR_COPYIN, ARGS(I((uintptr_t)user),
					  I(TVM_SCRATCH + 1))),
		 FAULTED(DIF_FAULT_NOSCRATCH));
	CHECK_STR(cs(DIF_SUBR_COPYINSTR, ARGS(I((uintptr_t)user))),
		  "user string");
	CHECK_STR(cs(DIF_SUBR_COPYINSTR, ARGS(I((uintptr_t)user), I(4))),
		  "user");
	CHECK_STR(cs(DIF_SUBR_COPYINSTR, ARGS(I(0))), "<fault 1>");
	strsize = 6;
	CHECK_STR(cs(DIF_SUBR_COPYINSTR, ARGS(I((uintptr_t)user))), "user s");
	strsize = 256;

	/* alloca: zeroed, 8-aligned scratch */
	p = ci(DIF_SUBR_ALLOCA, ARGS(I(10)));
	CHECK_EQ(p, (uintptr_t)T.ms.ms_scratch);
	CHECK_EQ(T.ms.ms_scratch_used, 16);
	CHECK_EQ(ci(DIF_SUBR_ALLOCA, ARGS(I(TVM_SCRATCH + 8))),
		 FAULTED(DIF_FAULT_NOSCRATCH));

	/* bcopy and copyinto into alloca'd memory */
	tvm_init(&T);
	tvm_start(&T, 256);
	ta_init(&A);
	ta(&A, DIF_OP_LDI, 2, 0, 0, 16);
	ta(&A, DIF_OP_PUSHTV, 0, 2, 0, 0);
	ta(&A, DIF_OP_CALL, 3, 0, 0, DIF_SUBR_ALLOCA);
	ta(&A, DIF_OP_SETX, 4, 0, 0, ta_int(&A, (uintptr_t)user));
	ta(&A, DIF_OP_PUSHTV, 0, 4, 0, 0); /* src */
	ta(&A, DIF_OP_PUSHTV, 0, 3, 0, 0); /* dst */
	ta(&A, DIF_OP_LDI, 2, 0, 0, 4);
	ta(&A, DIF_OP_PUSHTV, 0, 2, 0, 0); /* size */
	ta(&A, DIF_OP_CALL, 5, 0, 0, DIF_SUBR_BCOPY);
	ta(&A, DIF_OP_PUSHTV, 0, 4, 0, 0); /* uaddr */
	ta(&A, DIF_OP_LDI, 2, 0, 0, 3);
	ta(&A, DIF_OP_PUSHTV, 0, 2, 0, 0); /* size */
	ta(&A, DIF_OP_LDI, 2, 0, 0, 5);
	ta(&A, DIF_OP_ADD, 6, 3, 2, 0);
	ta(&A, DIF_OP_PUSHTV, 0, 6, 0, 0); /* dst + 5 */
	ta(&A, DIF_OP_CALL, 5, 0, 0, DIF_SUBR_COPYINTO);
	ta(&A, DIF_OP_MOV, 1, 3, 0, 0);
	ta(&A, DIF_OP_RET, 0, 1, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_DONE);
	CHECK(memcmp((char *)(uintptr_t)T.res.dr_rv, "user\0use\0\0", 10) ==
	      0);
	/* destinations outside scratch fault */
	CHECK_EQ(ci(DIF_SUBR_BCOPY, ARGS(I((uintptr_t)user), I((uintptr_t)user),
					 I(1))),
		 FAULTED(DIF_FAULT_BADADDR));
	CHECK_EQ(T.res.dr_addr, (uintptr_t)user);
	CHECK_EQ(ci(DIF_SUBR_COPYINTO, ARGS(I((uintptr_t)user), I(1),
					    I((uintptr_t)user))),
		 FAULTED(DIF_FAULT_BADADDR));
	(void)rv;
}

static void test_host_and_illop(void)
{
	static const unsigned illop[] = {
		DIF_SUBR_MUTEX_OWNED, DIF_SUBR_MUTEX_OWNER,
		DIF_SUBR_MUTEX_TYPE_ADAPTIVE, DIF_SUBR_MUTEX_TYPE_SPIN,
		DIF_SUBR_RW_READ_HELD, DIF_SUBR_RW_WRITE_HELD,
		DIF_SUBR_RW_ISWRITER, DIF_SUBR_COPYOUT, DIF_SUBR_COPYOUTSTR,
		DIF_SUBR_MSGDSIZE, DIF_SUBR_MSGSIZE, DIF_SUBR_GETMAJOR,
		DIF_SUBR_GETMINOR, DIF_SUBR_DDI_PATHNAME, DIF_SUBR_GETF,
		DIF_SUBR_RAISE_UNUSED,
	};
	unsigned i;

	for (i = 0; i < sizeof(illop) / sizeof(illop[0]); i++)
		CHECK_EQ(ci(illop[i], ARGS(I(1), I(2), I(3))),
			 FAULTED(DIF_FAULT_ILLOP));
	tvm_init(&T);
	tvm_start(&T, 256);
	keep_state = 1;
	CHECK_EQ(ci(DIF_SUBR_SPECULATION, ARGS(I(0))), 1);
	CHECK_EQ(ci(DIF_SUBR_SPECULATION, ARGS(I(0))), 2);
	keep_state = 0;
	CHECK_EQ(ci(DIF_SUBR_PROGENYOF, ARGS(I(1))), 1);
	CHECK_EQ(ci(DIF_SUBR_PROGENYOF, ARGS(I(5))), 0);
	/* without host support these are illegal, not crashes */
	tvm_init(&T);
	tvm_start(&T, 256);
	T.ops.ho_spec_alloc = NULL;
	T.ops.ho_progenyof = NULL;
	keep_state = 1;
	CHECK_EQ(ci(DIF_SUBR_SPECULATION, ARGS(I(0))),
		 FAULTED(DIF_FAULT_ILLOP));
	CHECK_EQ(ci(DIF_SUBR_PROGENYOF, ARGS(I(1))), FAULTED(DIF_FAULT_ILLOP));
	keep_state = 0;
}

static void test_scratch_exhaustion(void)
{
	/* string results need strsize+1... bytes: fill scratch first */
	tvm_init(&T);
	tvm_start(&T, 256);
	ta_init(&A);
	ta(&A, DIF_OP_SETX, 2, 0, 0, ta_int(&A, TVM_SCRATCH - 8));
	ta(&A, DIF_OP_ALLOCS, 3, 2, 0, 0);
	ta(&A, DIF_OP_SETS, 2, 0, 0, ta_str(&A, "abcdefghijklmnop"));
	ta(&A, DIF_OP_PUSHTV, 0, 2, 0, 0);
	ta_action(&A);
	ta(&A, DIF_OP_CALL, 1, 0, 0, DIF_SUBR_TOUPPER);
	ta(&A, DIF_OP_RET, 0, 1, 0, 0);
	CHECK_EQ(tvm_run(&T, &A), DIF_ST_FAULT);
	CHECK_EQ(T.res.dr_fault, DIF_FAULT_NOSCRATCH);
	CHECK_EQ(T.res.dr_pc, 4);
	CHECK_EQ(T.res.dr_action, 1);
}

void test_subr(void)
{
	test_strings();
	test_strtok();
	test_numbers();
	test_paths();
	test_inet();
	test_memory();
	test_host_and_illop();
	test_scratch_exhaustion();
}
