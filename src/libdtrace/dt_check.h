/*
 * dt_check.h - the checker: resolves identifiers, gives every expression
 * node its D type, folds integer constants and raises DTrace's D_* errors.
 * After it, dt_cg.c only has to emit code.
 */
#ifndef DT_CHECK_H
#define DT_CHECK_H

#include "dt_ast.h"

/* type-check an expression (rvalue use) */
void dt_check_expr(dt_pcb_t *pcb, dt_node_t *n);
/* an integer constant expression: its value, or the error tag given */
int64_t dt_check_intconst(dt_pcb_t *pcb, dt_node_t *n, const char *tag,
			  const char *what);
/* check all clauses and declarations of the program in order */
void dt_check_program(dt_pcb_t *pcb);
/* make an integer constant node */
dt_node_t *dt_check_mkint(dt_pcb_t *pcb, int64_t v, dt_type_t *t, int line);

#endif /* DT_CHECK_H */
