/*
 * dif-vm-ips.c - DIF interpreter speed: instructions per second on a
 * long straight-line ALU program (no branches, no memory), run many
 * times through dif_vm_exec(), as a probe firing would.  Goal: >= 100 M/s.
 *
 * Build and run from the top of the tree (every .c of src/common plus the
 * user port):
 *   gcc -O2 -Isrc/common -o dif-vm-ips testsuite/bench/dif-vm-ips.c \
 *       $(ls src/common/[a-z]*.c) src/libdtrace/dt_port_user.c
 *   ./dif-vm-ips [runs]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dif_vm.h"
#include "dt_aggbuf.h"

#define NINSTR 1000

static dif_instr_t text[NINSTR];
static uint64_t ints[1] = { 0x9e3779b97f4a7c15ULL };
static uint64_t scratch[512], tbuf[512], local[8], glob[8];

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	static const unsigned ops[] = { DIF_OP_ADD, DIF_OP_XOR, DIF_OP_SUB,
					DIF_OP_SHL, DIF_OP_OR,  DIF_OP_MUL,
					DIF_OP_SRL, DIF_OP_AND };
	long runs = argc > 1 ? atol(argv[1]) : 200000;
	dif_env_t env;
	dif_mstate_t ms;
	dif_result_t res;
	difo_t d;
	uint64_t check = 0;
	double t0, t1;
	long i;
	unsigned pc;

	/* seed registers, then a dependent chain over %r1..%r8 */
	text[0] = DIF_INSTR(DIF_OP_SETX, 1, 0, 0, 0);
	for (pc = 1; pc < 8; pc++)
		text[pc] = DIF_INSTR(DIF_OP_LDI, pc + 1, 0, 0, pc * 7 + 3);
	for (; pc < NINSTR - 1; pc++) {
		unsigned rd = 1 + pc % 8, r1 = 1 + (pc + 3) % 8;
		unsigned r2 = 1 + (pc + 5) % 8;

		text[pc] = DIF_INSTR(ops[pc % 8], rd, r1, r2, 0);
	}
	text[NINSTR - 1] = DIF_INSTR(DIF_OP_RET, 0, 1, 0, 0);

	memset(&d, 0, sizeof(d));
	d.dtdo_buf = text;
	d.dtdo_len = NINSTR;
	d.dtdo_inttab = ints;
	d.dtdo_intlen = 1;
	memset(&env, 0, sizeof(env));
	env.de_glob = (uint8_t *)glob;
	env.de_globsize = sizeof(glob);
	env.de_strsize = 256;
	env.de_localsize = sizeof(local);
	if (dif_validate(&d, &env, NULL, NULL) != 0) {
		fprintf(stderr, "benchmark program rejected\n");
		return 1;
	}
	dif_mstate_init(&ms, &env, NULL, scratch, sizeof(scratch), local,
			tbuf, sizeof(tbuf), NULL);

	/* warm up, then time */
	for (i = 0; i < runs / 10 + 1; i++)
		dif_vm_exec(&ms, &d, NULL, &res);
	t0 = now();
	for (i = 0; i < runs; i++) {
		dif_mstate_fire(&ms);
		dif_vm_exec(&ms, &d, NULL, &res);
		check += res.dr_rv;
	}
	t1 = now();
	printf("DIF VM: %.1f M instructions/s (%ld runs of %d instructions "
	       "in %.3f s; checksum %016llx)\n",
	       (double)runs * NINSTR / (t1 - t0) / 1e6, runs, NINSTR, t1 - t0,
	       (unsigned long long)check);
	return res.dr_status == DIF_ST_DONE ? 0 : 1;
}
