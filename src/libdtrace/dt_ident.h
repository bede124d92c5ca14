/*
 * dt_ident.h - identifiers of a D program: user variables (global,
 * self->, this->, scalar or associative), aggregations, inlines, enum
 * constants, and the tables of built-in variables and functions.
 */
#ifndef DT_IDENT_H
#define DT_IDENT_H

#include "dt_ast.h"
#include "dt_agg.h"
#include "dif.h"

typedef enum dt_idkind {
	DI_VAR = 1, /* user variable */
	DI_BUILTIN, /* built-in variable (DIF_VAR_*) */
	DI_AGG, /* @aggregation */
	DI_INLINE, /* inline name = expr */
	DI_ENUM /* enumerator constant */
} dt_idkind_t;

typedef struct dt_ident {
	const char *di_name;
	dt_idkind_t di_kind;
	int di_scope; /* enum dif_var_scope */
	int di_assoc; /* 1: associative array */
	uint32_t di_nkeys;
	dt_type_t **di_keys; /* key types */
	dt_type_t *di_type; /* value type; NULL until first assignment */
	uint32_t di_id; /* variable id, built-in id, aggregation id */
	uint32_t di_offset; /* globals and this->: byte offset */
	int di_line; /* where it was declared or first used */
	int di_declared;
	dt_node_t *di_inline; /* DI_INLINE: the expression */
	int64_t di_value; /* DI_ENUM */
	/* aggregations */
	unsigned di_aggfunc;
	dt_aggparams_t di_params;
	int di_aggsigned;
	struct dt_ident *di_next; /* hash chain */
	struct dt_ident *di_lnext; /* creation order */
} dt_ident_t;

#define DT_IDHASH 251

typedef struct dt_idhash {
	dt_ident_t *ih_buckets[DT_IDHASH];
} dt_idhash_t;

typedef struct dt_idstate {
	dt_idhash_t is_globals; /* variables, inlines, enumerators */
	dt_idhash_t is_tls; /* self-> */
	dt_idhash_t is_locals; /* this-> */
	dt_idhash_t is_aggs;
	dt_ident_t *is_vars, *is_varstail; /* user variables, in id order */
	uint32_t is_nvars;
	dt_ident_t *is_aggl, *is_aggltail;
	uint32_t is_naggs;
	uint32_t is_globsize, is_localsize;
	struct dt_xlator *is_xlators;
	/*
	 * Names that some statement of the program assigns (globals, self->,
	 * this->): reading one before its assignment is checked gives it
	 * int64_t instead of an undefined-variable error, as DTrace does.
	 */
	dt_idhash_t is_assigned[3];
} dt_idstate_t;

/* a translator: xlate<to>(from-expression) */
typedef struct dt_xlator {
	dt_type_t *dx_to, *dx_from;
	const char *dx_arg; /* name of the input parameter */
	dt_node_t *dx_members; /* DN_XMEMBER list */
	int dx_line;
	struct dt_xlator *dx_next;
} dt_xlator_t;

dt_ident_t *dt_id_lookup(dt_idhash_t *h, const char *name);
dt_ident_t *dt_id_insert(dt_pcb_t *pcb, dt_idhash_t *h, const char *name,
			 dt_idkind_t kind);
/* give a user variable its id (and area offset once its type is known) */
void dt_id_newvar(dt_pcb_t *pcb, dt_ident_t *id);
void dt_id_layout(dt_pcb_t *pcb, dt_ident_t *id);

/* built-in variables */
typedef struct dt_builtin {
	const char *db_name;
	unsigned db_id;
	const char *db_type;
} dt_builtin_t;
const dt_builtin_t *dt_builtin_lookup(const char *name);

/* functions: actions, subroutines, aggregating functions */
/* DF_FMT: sym() and friends, an address to print as a symbol */
typedef enum dt_fkind { DF_ACT = 1, DF_SUBR, DF_AGG, DF_FMT } dt_fkind_t;

typedef struct dt_func {
	const char *df_name;
	dt_fkind_t df_kind;
	int df_code; /* dt_actkind_t, enum dif_subr, enum dt_aggfunc,
		       dt_slotfmt_t */
	int df_minargs, df_maxargs; /* maxargs -1: variadic */
	const char *df_ret; /* subroutines: type name of the result */
	const char *df_proto; /* prototype, for D_PROTO_* messages */
} dt_func_t;
const dt_func_t *dt_func_lookup(const char *name);

#endif /* DT_IDENT_H */
