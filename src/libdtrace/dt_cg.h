/*
 * dt_cg.h - code generation: one checked clause to one DIFO (predicate,
 * then each statement; see dif.h and dt_program.h for the conventions),
 * plus its record slots and consumer actions.
 */
#ifndef DT_CG_H
#define DT_CG_H

#include "dt_ast.h"
#include "dt_program.h"

typedef struct dt_cgout {
	dif_instr_t *co_buf;
	uint32_t co_len;
	uint64_t *co_ints;
	uint32_t co_nints;
	char *co_str;
	uint32_t co_strlen;
	dif_recslot_t *co_slots;
	dt_slotfmt_t *co_fmts;
	uint32_t co_nslots;
	uint32_t co_recsize;
	dt_action_t *co_acts;
	uint32_t co_nacts;
	uint32_t *co_actpc;
	uint32_t co_nstmts;
	int co_aggonly;
} dt_cgout_t;

/* everything lands in the pcb arena; the caller copies it out */
void dt_cg_clause(dt_pcb_t *pcb, dt_node_t *clause, dt_cgout_t *out);

/* the VM's view of a D type */
dif_type_t dt_cg_diftype(dt_pcb_t *pcb, dt_type_t *t);
/* bytes an associative key of type t takes in a packed key */
uint32_t dt_cg_keysize(dt_pcb_t *pcb, dt_type_t *t);

#endif /* DT_CG_H */
