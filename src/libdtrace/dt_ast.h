/*
 * dt_ast.h - the parse tree of a D program and the compiler's state (the
 * "pcb": program control block) shared by the lexer, the parser, the
 * checker and the code generator.
 */
#ifndef DT_AST_H
#define DT_AST_H

#include <setjmp.h>
#include <stdint.h>
#include "dt_arena.h"
#include "dt_types.h"
#include "dt_compile.h"

typedef enum dt_nkind {
	/* expressions */
	DN_INT = 1, /* n_ival; n_type set by the lexer */
	DN_STR, /* n_sval */
	DN_IDENT, /* n_sval */
	DN_AGG, /* @name: n_sval without '@' */
	DN_SELFVAR, /* self->name */
	DN_THISVAR, /* this->name */
	DN_UNARY, /* n_op, n_a */
	DN_BINARY, /* n_a n_op n_b */
	DN_LOGICAL, /* && || ^^ */
	DN_ASSIGN, /* n_a n_op n_b: = += -= ... */
	DN_INCDEC, /* n_op INC/DEC, n_post */
	DN_TERNARY, /* n_a ? n_b : n_c */
	DN_COMMA, /* n_a , n_b */
	DN_CALL, /* n_sval(n_list) */
	DN_INDEX, /* n_a[n_list] */
	DN_MEMBER, /* n_a . n_sval or n_a -> n_sval (n_op) */
	DN_CAST, /* (n_tn) n_a */
	DN_SIZEOF_T, /* sizeof (n_tn) */
	DN_SIZEOF_E, /* sizeof n_a */
	DN_OFFSETOF, /* offsetof(n_tn, n_sval) */
	DN_STRINGOF, /* stringof n_a */
	DN_XLATE, /* xlate<n_tn>(n_a) */
	DN_ARGV, /* $N not given, as an identifier */
	DN_SYM, /* n_sval: a kernel symbol, `name or module`name */

	/* type names and declarators */
	DN_TYPENAME, /* n_spec + n_a (declarator or NULL) */
	DN_D_IDENT, /* n_sval; NULL for abstract */
	DN_D_PTR, /* n_a */
	DN_D_ARRAY, /* n_a [n_b] or [n_list of type names] */
	DN_D_FUNC, /* n_a (n_list params) */
	DN_SOU, /* n_op STRUCT/UNION, n_sval tag, n_list member decls */
	DN_ENUM, /* n_sval tag, n_list enumerators */
	DN_ENUMERATOR, /* n_sval = n_a */
	DN_MEMBERDECL, /* n_a declarator, n_b bit width */

	/* top level */
	DN_CLAUSE, /* n_list probe descs, n_a predicate, n_b statements */
	DN_PDESC, /* n_sval text */
	DN_DECL, /* n_spec, n_list of DN_INITDECL */
	DN_INITDECL, /* n_a declarator, n_b initializer */
	DN_XLATOR, /* n_tn output type, n_a input type name (with ident),
		      n_list members */
	DN_XMEMBER, /* n_sval = n_a */
	DN_PROVIDER, /* ignored by the checker */
	DN_EXPRSTMT /* n_a (NULL: empty statement) */
} dt_nkind_t;

/* storage classes of a declaration */
enum {
	DT_DC_NONE = 0,
	DT_DC_TYPEDEF,
	DT_DC_EXTERN,
	DT_DC_STATIC,
	DT_DC_REGISTER,
	DT_DC_AUTO,
	DT_DC_SELF,
	DT_DC_THIS,
	DT_DC_INLINE
};

struct dt_node;

/* declaration specifiers as the parser collects them */
typedef struct dt_declspec {
	int ds_class;
	int ds_line;
	int ds_nlong, ds_nshort, ds_signed, ds_unsigned;
	int ds_const, ds_volatile, ds_restrict, ds_userland;
	const char *ds_base; /* "int", "char", "void", "string", ... */
	const char *ds_tname; /* a typedef name */
	struct dt_node *ds_tagged; /* DN_SOU or DN_ENUM */
} dt_declspec_t;

struct dt_ident;
struct dt_func;

typedef struct dt_node {
	dt_nkind_t n_kind;
	int n_op; /* token of the operator */
	int n_line;
	int n_post; /* DN_INCDEC: postfix */
	int64_t n_ival;
	char *n_sval;
	struct dt_node *n_a, *n_b, *n_c;
	struct dt_node *n_list; /* first of a list linked by n_next */
	struct dt_node *n_next;
	struct dt_node *n_tn; /* a DN_TYPENAME */
	dt_declspec_t *n_spec;

	/* filled by the checker */
	dt_type_t *n_type;
	int n_isconst; /* integer constant expression: value in n_ival */
	int n_lvalue;
	int n_writable;
	struct dt_ident *n_ident; /* variables, aggregations, inlines */
	const struct dt_func *n_func; /* calls */
	const dt_member_t *n_member; /* member access */
	int n_ptrderef; /* member/index through a pointer: address + load */
	int n_fmt; /* dt_slotfmt_t override: sym(), stack() ... (0: by type) */
	dt_type_t *n_optype; /* compound assignment: type the op works in */
	struct dt_node *n_inl; /* inline / translated expression to use */
} dt_node_t;

/* lexer modes: what a word at the current position can be */
enum {
	DT_LEX_OUTER = 0, /* between clauses: probe descriptions, decls */
	DT_LEX_PRED, /* inside / predicate / */
	DT_LEX_BODY, /* inside { } of a clause */
	DT_LEX_DECL /* a top-level declaration up to its ';' */
};

typedef struct dt_pcb {
	const dt_cc_opts_t *pcb_opts;
	dt_cc_error_t *pcb_err;
	int pcb_failed;
	jmp_buf pcb_jmp;
	dt_arena_t *pcb_arena;
	dt_typetab_t *pcb_types;
	uint32_t pcb_strsize;

	/* lexer */
	void *pcb_scanner;
	const char *pcb_src;
	size_t pcb_srclen;
	int pcb_lexmode;
	int pcb_depth; /* brace depth */
	int pcb_parendepth;
	int pcb_nparen, pcb_nbrack; /* open ( and [ */
	int pcb_lastline;
	char *pcb_lasttok; /* text of the last token, for syntax errors */
	int pcb_pspec_default; /* field a bare word names: 1..4 */
	uint8_t *pcb_argused; /* macro arguments referenced */
	const char **pcb_tnames; /* typedef names declared while parsing */
	int pcb_ntnames, pcb_maxtnames;

	/* parser result: top-level items in order */
	dt_node_t *pcb_root, *pcb_roottail;

	/* identifiers and program state: see dt_ident.h */
	struct dt_idstate *pcb_ids;
	/* options from #pragma D option */
	struct dt_optlist *pcb_opthead, *pcb_opttail;
	int pcb_nopts;
	/* a parsed printf format being checked: freed if an error jumps */
	struct dt_pffmt *pcb_pf;
	int pcb_nest; /* expression nesting being checked */
	/* the probe descriptions of the clause being checked (args[] types) */
	dt_probedesc_t *pcb_pds;
	uint32_t pcb_npds;
	/* what dt_compile() must free if an error jumps out */
	char *pcb_cppout;
	char *pcb_cppin; /* cpp input, freed also when cpp fails (longjmp) */
	dt_arena_t *pcb_parena;
	void *pcb_progmem;
} dt_pcb_t;

typedef struct dt_optlist {
	struct dt_optlist *ol_next;
	char *ol_name, *ol_value;
} dt_optlist_t;

/* the first error wins; dt_cc_error() records it and longjmps */
void dt_cc_seterr(dt_pcb_t *pcb, int line, const char *tag, const char *fmt,
		  ...) __attribute__((format(printf, 4, 5)));
_Noreturn void dt_cc_error(dt_pcb_t *pcb, int line, const char *tag,
			   const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

dt_node_t *dt_node_new(dt_pcb_t *pcb, dt_nkind_t k, int line);
dt_node_t *dt_node_op2(dt_pcb_t *pcb, dt_nkind_t k, int op, dt_node_t *a,
		       dt_node_t *b);
dt_node_t *dt_node_append(dt_node_t *list, dt_node_t *n);
int dt_node_count(const dt_node_t *list);
dt_declspec_t *dt_declspec_new(dt_pcb_t *pcb, int line);
/* merge b into a (for decl_specs rules); errors on conflicts */
dt_declspec_t *dt_declspec_merge(dt_pcb_t *pcb, dt_declspec_t *a,
				 dt_declspec_t *b);
void dt_pcb_addroot(dt_pcb_t *pcb, dt_node_t *n);
void dt_pcb_addtname(dt_pcb_t *pcb, const char *name);
int dt_pcb_istname(dt_pcb_t *pcb, const char *name);
/* the name a declarator declares (NULL if abstract) */
const char *dt_declr_name(const dt_node_t *d);

/* lexer/parser glue (dt_lex.l, dt_grammar.y) */
int dt_parse(dt_pcb_t *pcb);
/* a clause's probe descriptions, macro arguments expanded (dt_compile.c) */
dt_probedesc_t *dt_cc_pdescs(dt_pcb_t *pcb, dt_arena_t *a, dt_node_t *clause,
			     uint32_t *np);
/* #pragma and # line handling (dt_pragma.c) */
void dt_pragma(dt_pcb_t *pcb, const char *text, int line);
/* macro argument text for $N / $name; NULL with an error set if undefined */
const char *dt_macro_value(dt_pcb_t *pcb, const char *name, int isstr,
			   int line, int *isint, int64_t *ival);
/* names assigned anywhere in the program (declared by use) */
int dt_pcb_assigned(dt_pcb_t *pcb, int kind, const char *name);

#endif /* DT_AST_H */
