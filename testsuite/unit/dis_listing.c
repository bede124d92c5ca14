/*
 * dis_listing.c - the `dtrace -S` listing of a DIFO that uses every operand
 * form, compared byte for byte with dis-expected.txt.
 *   dif-dis [expected-file]   (default: $srcdir/testsuite/unit/dis-expected.txt)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dt_dis.h"

static const char strtab[] = "\0hello\0tab\there\0x";
static const char names[] = "\0count\0self_str";
static const uint64_t ints[] = { 0xdeadbeefcafef00dULL, (uint64_t)-2 };
static const dif_recslot_t slots[] = {
	{ 0, 8, 0, 0, 0, 0 },
	{ 8, 256, 1, 1, 0, 0 },
	{ 264, 16, 1, 0, 1, 0 },
};
static const uint32_t actpc[] = { 3, 30 };
static const dif_var_t vars[] = {
	{ .dv_id = 256, .dv_scope = DIF_SCOPE_GLOBAL, .dv_name = 1 },
	{ .dv_id = 257, .dv_scope = DIF_SCOPE_THREAD, .dv_name = 7 },
};

#define I DIF_INSTR
static const dif_instr_t text[] = {
	I(DIF_OP_LDGV, 1, 0, 0, DIF_VAR_PID),
	I(DIF_OP_SETX, 2, 0, 0, 0),
	I(DIF_OP_BGEU, 0, 1, 2, 36),
	I(DIF_OP_ADD, 3, 1, 2, 0),
	I(DIF_OP_SCMP, 4, 1, 2, 0),
	I(DIF_OP_NOT, 5, 3, 0, 0),
	I(DIF_OP_SEXT, 5, 5, 0, 16),
	I(DIF_OP_LDI, 6, 0, 0, -42),
	I(DIF_OP_SETS, 7, 0, 0, 1),
	I(DIF_OP_SETS, 7, 0, 0, 7),
	I(DIF_OP_LDSW, 8, 7, 0, -4),
	I(DIF_OP_STX, 9, 8, 0, 16),
	I(DIF_OP_STGV, 0, 8, 0, 256),
	I(DIF_OP_LDTV, 10, 0, 0, 257),
	I(DIF_OP_LDGA, 10, 0, 0, 999),
	I(DIF_OP_PUSHTV, 0, 1, 0, 0),
	I(DIF_OP_PUSHTS, 0, 7, 0, 0),
	I(DIF_OP_PUSHTR, 0, 7, 0, 24),
	I(DIF_OP_POPTS, 0, 0, 0, 0),
	I(DIF_OP_FLUSHTS, 0, 0, 0, 0),
	I(DIF_OP_CALL, 11, 0, 0, DIF_SUBR_STRJOIN),
	I(DIF_OP_REC, 0, 1, 0, 0),
	I(DIF_OP_REC, 0, 11, 0, 1),
	I(DIF_OP_REC, 0, 11, 0, 2),
	I(DIF_OP_AGG, 0, 1, 0, 3),
	I(DIF_OP_SPEC, 0, 1, 0, 0),
	I(DIF_OP_ALLOCS, 12, 1, 0, 0),
	I(DIF_OP_COPYS, 12, 1, 0, 32),
	I(DIF_OP_BA, 0, 0, 0, 31),
	I(DIF_OP_NOP, 0, 0, 0, 0),
	I(DIF_OP_COMMIT, 0, 1, 0, 0),
	I(DIF_OP_ZEXT, 13, 1, 0, 8),
	I(DIF_OP_SRA, 14, 13, 1, 0),
	I(DIF_OP_STTA, 0, 14, 0, 257),
	I(DIF_OP_RET, 0, 14, 0, 0),
	0xfe,
	I(DIF_OP_DROP, 0, 0, 0, 0),
};

int main(int argc, char **argv)
{
	difo_t d = { 0 };
	dt_dis_ctx_t ctx = { vars, 2, names, sizeof(names) };
	char path[4096], *got = NULL, want[16384];
	size_t gotlen = 0, wantlen;
	const char *srcdir = getenv("srcdir");
	FILE *fp;
	int ok;

	d.dtdo_buf = text;
	d.dtdo_len = sizeof(text) / sizeof(text[0]);
	d.dtdo_inttab = ints;
	d.dtdo_intlen = 2;
	d.dtdo_strtab = strtab;
	d.dtdo_strlen = sizeof(strtab);
	d.dtdo_slots = slots;
	d.dtdo_nslots = 3;
	d.dtdo_recsize = 280;
	d.dtdo_actpc = actpc;
	d.dtdo_nacts = 2;
	d.dtdo_rtype.dt_size = 8;

	fp = open_memstream(&got, &gotlen);
	dt_dis_difo(fp, "test clause", &d, &ctx);
	fclose(fp);
	if (argc > 1 && strcmp(argv[1], "-p") == 0) {
		fputs(got, stdout);
		return 0;
	}
	snprintf(path, sizeof(path), "%s",
		 argc > 1 ? argv[1] : "testsuite/unit/dis-expected.txt");
	if (argc <= 1 && srcdir)
		snprintf(path, sizeof(path), "%s/testsuite/unit/dis-expected.txt",
			 srcdir);
	if ((fp = fopen(path, "r")) == NULL) {
		perror(path);
		printf("0 passed, 1 failed\n");
		return 1;
	}
	wantlen = fread(want, 1, sizeof(want) - 1, fp);
	fclose(fp);
	want[wantlen] = '\0';
	ok = gotlen == wantlen && memcmp(got, want, wantlen) == 0;
	if (!ok)
		fprintf(stderr, "listing differs from %s; got:\n%s", path, got);
	printf("%d passed, %d failed\n", ok, !ok);
	free(got);
	return ok ? 0 : 1;
}
