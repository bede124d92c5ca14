/*
 * unit.h - the unit test driver's checks and the DIF test fixture:
 * a hand assembler for DIFOs and a VM with a small fake host (built-in
 * variables with fixed values, a settable thread key, speculation
 * counters).  Nothing here imitates the kernel: bad addresses are real
 * unmapped memory.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dif_vm.h"
#include "dt_dynvar.h"
#include "dt_aggbuf.h"

extern unsigned unit_passed, unit_failed;

void unit_fail_at(const char *file, int line, const char *what);

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (cond)                                                      \
			unit_passed++;                                         \
		else                                                           \
			unit_fail_at(__FILE__, __LINE__, #cond);               \
	} while (0)

#define CHECK_EQ(got, want)                                                    \
	do {                                                                   \
		uint64_t g_ = (uint64_t)(got), w_ = (uint64_t)(want);          \
		if (g_ == w_) {                                                \
			unit_passed++;                                         \
		} else {                                                       \
			char m_[256];                                          \
			snprintf(m_, sizeof(m_),                               \
				 "%s: got %lld (0x%llx), want %lld (0x%llx)",  \
				 #got, (long long)g_, (unsigned long long)g_,  \
				 (long long)w_, (unsigned long long)w_);       \
			unit_fail_at(__FILE__, __LINE__, m_);                  \
		}                                                              \
	} while (0)

void unit_check_str(const char *file, int line, const char *expr,
		    const char *got, const char *want);
#define CHECK_STR(got, want) unit_check_str(__FILE__, __LINE__, #got, got, want)

/* a DIFO being assembled */
typedef struct tasm {
	dif_instr_t buf[1024];
	uint32_t len;
	uint64_t ints[32];
	uint32_t nints;
	char str[1024];
	uint32_t strlen;
	dif_recslot_t slots[16];
	uint32_t nslots;
	uint32_t recsize;
	uint32_t actpc[16];
	uint32_t nacts;
	difo_t d;
} tasm_t;

void ta_init(tasm_t *a);
/* append an instruction, return its pc */
uint32_t ta(tasm_t *a, unsigned op, unsigned rd, unsigned r1, unsigned r2,
	    uint32_t imm);
uint32_t ta_int(tasm_t *a, uint64_t v); /* inttab index */
uint32_t ta_str(tasm_t *a, const char *s); /* strtab offset */
uint32_t ta_slot(tasm_t *a, uint32_t size, int byref, int string);
void ta_action(tasm_t *a); /* the next instruction starts an action */
const difo_t *ta_difo(tasm_t *a);

/* the VM under test with a fake host */
#define TVM_SCRATCH 4096
typedef struct tvm {
	dif_env_t env;
	dif_hostops_t ops;
	dif_mstate_t ms;
	uint64_t scratch[TVM_SCRATCH / 8] __attribute__((aligned(8)));
	uint64_t local[32];
	uint64_t tbuf[1024];
	uint64_t glob[64];
	uint64_t dynarena[4096];
	dt_dynvars_t dv;
	uint64_t aggarena[8192];
	dt_aggbuf_t ab;
	dif_var_t vars[16];
	uint32_t nvars;
	dif_aggspec_t aggs[8];
	uint32_t naggs;
	uint8_t rec[512];
	dif_result_t res;
	/* host state */
	uint64_t tkey;
	uint64_t nextspec;
	uint64_t committed, discarded;
	char execname[16];
} tvm_t;

/* add a variable (before tvm_start); returns its id */
uint32_t tvm_var(tvm_t *t, unsigned scope, int assoc, uint32_t size,
		 int byref, int string, int sign, uint32_t offset,
		 uint32_t keysize);
uint32_t tvm_agg(tvm_t *t, unsigned func, uint32_t keysize,
		 const dt_aggparams_t *p);
void tvm_init(tvm_t *t);
void tvm_start(tvm_t *t, uint32_t strsize);
/* validate (a failure is a test failure) and run; returns dr_status */
int tvm_run(tvm_t *t, tasm_t *a);
/* run a program that computes into %r1 then RETs it; returns dr_rv */
uint64_t tvm_eval(tvm_t *t, tasm_t *a);

/* an address that is certainly not mapped in this process */
uint64_t unit_bad_addr(void);

/* test groups */
void test_ops(void);
void test_faults(void);
void test_validate(void);
void test_vars(void);
void test_subr(void);
void test_dynvar(void);
void test_aggbuf(void);
void test_agg(void);
void test_names(void);
void test_port(void);

#endif /* UNIT_H */
