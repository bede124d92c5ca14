/*
 * dt_grammar.y - the D grammar (bison, pure, prefix dt_yy).  Builds the
 * parse tree of dt_ast.h; every type or semantic check is left to
 * dt_check.c, except registering typedef names, which the lexer needs to
 * tell a cast from a parenthesized expression.
 */
%code requires {
#include "dt_ast.h"
}

%code {
#include <stdio.h>
#include <string.h>
#include "dt_errtags.h"

int dt_yylex(DT_YYSTYPE *lval, dt_pcb_t *pcb);
static void dt_yyerror(dt_pcb_t *pcb, const char *msg);

#define N(k) dt_node_new(pcb, (k), pcb->pcb_lastline)
}

%define api.pure full
%define api.prefix {dt_yy}
%parse-param {dt_pcb_t *pcb}
%lex-param {dt_pcb_t *pcb}

%union {
	dt_node_t *node;
	char *str;
	dt_declspec_t *spec;
	int op;
}

%token <node> TK_INT TK_STR
%token <str> TK_IDENT TK_TNAME TK_AGG TK_PSPEC TK_SYM
%token TK_PRED_BEGIN TK_PRED_END
%token TK_AUTO TK_BREAK TK_CASE TK_CHAR TK_CONST TK_CONTINUE TK_COUNTER
%token TK_DEFAULT TK_DO TK_DOUBLE TK_ELSE TK_ENUM TK_EXTERN TK_FLOAT TK_FOR
%token TK_GOTO TK_IF TK_IMPORT TK_INLINE TK_INTKW TK_LONG TK_OFFSETOF
%token TK_PROBE TK_PROVIDER TK_REGISTER TK_RESTRICT TK_RETURN TK_SELF
%token TK_SHORT TK_SIGNED TK_SIZEOF TK_STATIC TK_STRING TK_STRINGOF
%token TK_STRUCT TK_SWITCH TK_THIS TK_TRANSLATOR TK_TYPEDEF TK_UNION
%token TK_UNSIGNED TK_USERLAND TK_VOID TK_VOLATILE TK_WHILE TK_XLATE
%token TK_ARROW TK_INC TK_DEC TK_LSH TK_RSH TK_LE TK_GE TK_EQ TK_NE
%token TK_LAND TK_LOR TK_LXOR TK_ELLIPSIS
%token TK_MUL_EQ TK_DIV_EQ TK_MOD_EQ TK_ADD_EQ TK_SUB_EQ TK_LSH_EQ
%token TK_RSH_EQ TK_AND_EQ TK_XOR_EQ TK_OR_EQ
%token TK_BAD

%type <node> clause pdescs pdesc body_opt stmt stmts expr aexpr cexpr uexpr
%type <node> pexpr primary args_opt args type_name declarator dir_declr
%type <node> abs_declr dir_abs ptr_declr params_opt params param
%type <node> init_declrs init_declr sou_spec enum_spec members member
%type <node> member_declrs member_declr enumerators enumerator xmembers
%type <node> xmember array_dim declaration translator provider pprobes
%type <node> pprobe initializer
%type <spec> decl_specs decl_spec
%type <str> ident_any
%type <op> assign_op unary_op sou_kw

%right '=' TK_MUL_EQ TK_DIV_EQ TK_MOD_EQ TK_ADD_EQ TK_SUB_EQ TK_LSH_EQ TK_RSH_EQ TK_AND_EQ TK_XOR_EQ TK_OR_EQ
%right '?' ':'
%left TK_LOR
%left TK_LXOR
%left TK_LAND
%left '|'
%left '^'
%left '&'
%left TK_EQ TK_NE
%left '<' '>' TK_LE TK_GE
%left TK_LSH TK_RSH
%left '+' '-'
%left '*' '/' '%'

%start program

%%

program
	: items
	;

items
	: %empty
	| items item
	;

item
	: clause { dt_pcb_addroot(pcb, $1); }
	| declaration { dt_pcb_addroot(pcb, $1); }
	| translator { dt_pcb_addroot(pcb, $1); }
	| provider { dt_pcb_addroot(pcb, $1); }
	| ';'
	;

clause
	: pdescs {
		if (pcb->pcb_opts->cc_probespec == 0) {
			dt_cc_seterr(pcb, pcb->pcb_lastline, D_SYNTAX,
			    "expected predicate and/or actions following "
			    "probe description");
			YYABORT;
		}
		$$ = N(DN_CLAUSE); $$->n_list = $1; $$->n_line = $1->n_line;
	  }
	| pdescs '{' stmts '}' {
		$$ = N(DN_CLAUSE); $$->n_list = $1; $$->n_b = $3;
		$$->n_line = $1->n_line;
	  }
	| pdescs TK_PRED_BEGIN expr TK_PRED_END body_opt {
		$$ = N(DN_CLAUSE); $$->n_list = $1; $$->n_a = $3;
		$$->n_b = $5; $$->n_line = $1->n_line;
	  }
	;

body_opt
	: %empty { $$ = NULL; }
	| '{' stmts '}' { $$ = $2; }
	;

pdescs
	: pdesc
	| pdescs ',' pdesc { $$ = dt_node_append($1, $3); }
	;

pdesc
	: TK_PSPEC { $$ = N(DN_PDESC); $$->n_sval = $1; }
	;

stmts
	: stmt { $$ = $1; }
	| stmts ';' stmt { $$ = dt_node_append($1, $3); }
	;

stmt
	: %empty { $$ = N(DN_EXPRSTMT); }
	| expr { $$ = N(DN_EXPRSTMT); $$->n_a = $1; $$->n_line = $1->n_line; }
	;

expr
	: aexpr
	| expr ',' aexpr { $$ = dt_node_op2(pcb, DN_COMMA, ',', $1, $3); }
	;

aexpr
	: cexpr
	| aexpr assign_op aexpr %prec '=' {
		$$ = dt_node_op2(pcb, DN_ASSIGN, $2, $1, $3);
	  }
	| aexpr '?' expr ':' aexpr {
		$$ = N(DN_TERNARY); $$->n_a = $1; $$->n_b = $3; $$->n_c = $5;
		$$->n_line = $1->n_line;
	  }
	| aexpr TK_LOR aexpr { $$ = dt_node_op2(pcb, DN_LOGICAL, TK_LOR, $1, $3); }
	| aexpr TK_LXOR aexpr { $$ = dt_node_op2(pcb, DN_LOGICAL, TK_LXOR, $1, $3); }
	| aexpr TK_LAND aexpr { $$ = dt_node_op2(pcb, DN_LOGICAL, TK_LAND, $1, $3); }
	| aexpr '|' aexpr { $$ = dt_node_op2(pcb, DN_BINARY, '|', $1, $3); }
	| aexpr '^' aexpr { $$ = dt_node_op2(pcb, DN_BINARY, '^', $1, $3); }
	| aexpr '&' aexpr { $$ = dt_node_op2(pcb, DN_BINARY, '&', $1, $3); }
	| aexpr TK_EQ aexpr { $$ = dt_node_op2(pcb, DN_BINARY, TK_EQ, $1, $3); }
	| aexpr TK_NE aexpr { $$ = dt_node_op2(pcb, DN_BINARY, TK_NE, $1, $3); }
	| aexpr '<' aexpr { $$ = dt_node_op2(pcb, DN_BINARY, '<', $1, $3); }
	| aexpr '>' aexpr { $$ = dt_node_op2(pcb, DN_BINARY, '>', $1, $3); }
	| aexpr TK_LE aexpr { $$ = dt_node_op2(pcb, DN_BINARY, TK_LE, $1, $3); }
	| aexpr TK_GE aexpr { $$ = dt_node_op2(pcb, DN_BINARY, TK_GE, $1, $3); }
	| aexpr TK_LSH aexpr { $$ = dt_node_op2(pcb, DN_BINARY, TK_LSH, $1, $3); }
	| aexpr TK_RSH aexpr { $$ = dt_node_op2(pcb, DN_BINARY, TK_RSH, $1, $3); }
	| aexpr '+' aexpr { $$ = dt_node_op2(pcb, DN_BINARY, '+', $1, $3); }
	| aexpr '-' aexpr { $$ = dt_node_op2(pcb, DN_BINARY, '-', $1, $3); }
	| aexpr '*' aexpr { $$ = dt_node_op2(pcb, DN_BINARY, '*', $1, $3); }
	| aexpr '/' aexpr { $$ = dt_node_op2(pcb, DN_BINARY, '/', $1, $3); }
	| aexpr '%' aexpr { $$ = dt_node_op2(pcb, DN_BINARY, '%', $1, $3); }
	;

assign_op
	: '=' { $$ = '='; }
	| TK_MUL_EQ { $$ = TK_MUL_EQ; }
	| TK_DIV_EQ { $$ = TK_DIV_EQ; }
	| TK_MOD_EQ { $$ = TK_MOD_EQ; }
	| TK_ADD_EQ { $$ = TK_ADD_EQ; }
	| TK_SUB_EQ { $$ = TK_SUB_EQ; }
	| TK_LSH_EQ { $$ = TK_LSH_EQ; }
	| TK_RSH_EQ { $$ = TK_RSH_EQ; }
	| TK_AND_EQ { $$ = TK_AND_EQ; }
	| TK_XOR_EQ { $$ = TK_XOR_EQ; }
	| TK_OR_EQ { $$ = TK_OR_EQ; }
	;

cexpr
	: uexpr
	| '(' type_name ')' cexpr {
		$$ = N(DN_CAST); $$->n_tn = $2; $$->n_a = $4;
	  }
	;

uexpr
	: pexpr
	| TK_INC uexpr { $$ = N(DN_INCDEC); $$->n_op = TK_INC; $$->n_a = $2; }
	| TK_DEC uexpr { $$ = N(DN_INCDEC); $$->n_op = TK_DEC; $$->n_a = $2; }
	| unary_op cexpr { $$ = N(DN_UNARY); $$->n_op = $1; $$->n_a = $2; }
	| TK_SIZEOF uexpr { $$ = N(DN_SIZEOF_E); $$->n_a = $2; }
	| TK_SIZEOF '(' type_name ')' { $$ = N(DN_SIZEOF_T); $$->n_tn = $3; }
	| TK_STRINGOF uexpr { $$ = N(DN_STRINGOF); $$->n_a = $2; }
	;

unary_op
	: '&' { $$ = '&'; }
	| '*' { $$ = '*'; }
	| '+' { $$ = '+'; }
	| '-' { $$ = '-'; }
	| '~' { $$ = '~'; }
	| '!' { $$ = '!'; }
	;

pexpr
	: primary
	| pexpr '[' args ']' { $$ = N(DN_INDEX); $$->n_a = $1; $$->n_list = $3; }
	| pexpr '(' args_opt ')' {
		if ($1->n_kind != DN_IDENT) {
			dt_cc_seterr(pcb, $1->n_line, D_FUNC_IDENT,
			    "function designator is not of function type");
			YYABORT;
		}
		$$ = N(DN_CALL); $$->n_sval = $1->n_sval; $$->n_list = $3;
		$$->n_line = $1->n_line;
	  }
	| pexpr '.' ident_any {
		$$ = N(DN_MEMBER); $$->n_op = '.'; $$->n_a = $1; $$->n_sval = $3;
	  }
	| pexpr TK_ARROW ident_any {
		$$ = N(DN_MEMBER); $$->n_op = TK_ARROW; $$->n_a = $1;
		$$->n_sval = $3;
	  }
	| pexpr TK_INC {
		$$ = N(DN_INCDEC); $$->n_op = TK_INC; $$->n_a = $1; $$->n_post = 1;
	  }
	| pexpr TK_DEC {
		$$ = N(DN_INCDEC); $$->n_op = TK_DEC; $$->n_a = $1; $$->n_post = 1;
	  }
	| TK_OFFSETOF '(' type_name ',' ident_any ')' {
		$$ = N(DN_OFFSETOF); $$->n_tn = $3; $$->n_sval = $5;
	  }
	| TK_XLATE '<' type_name '>' '(' expr ')' {
		$$ = N(DN_XLATE); $$->n_tn = $3; $$->n_a = $6;
	  }
	;

primary
	: TK_INT
	| TK_STR
	| TK_IDENT { $$ = N(DN_IDENT); $$->n_sval = $1; }
	| TK_AGG { $$ = N(DN_AGG); $$->n_sval = $1; }
	| TK_SYM { $$ = N(DN_SYM); $$->n_sval = $1; }
	| TK_SELF TK_ARROW ident_any { $$ = N(DN_SELFVAR); $$->n_sval = $3; }
	| TK_THIS TK_ARROW ident_any { $$ = N(DN_THISVAR); $$->n_sval = $3; }
	| '(' expr ')' { $$ = $2; }
	;

ident_any
	: TK_IDENT
	| TK_TNAME
	;

args_opt
	: %empty { $$ = NULL; }
	| args
	;

args
	: aexpr
	| args ',' aexpr { $$ = dt_node_append($1, $3); }
	;

/* declarations */

declaration
	: decl_specs ';' {
		$$ = N(DN_DECL); $$->n_spec = $1; $$->n_line = $1->ds_line;
	  }
	| decl_specs init_declrs ';' {
		$$ = N(DN_DECL); $$->n_spec = $1; $$->n_list = $2;
		$$->n_line = $1->ds_line;
		if ($1->ds_class == DT_DC_TYPEDEF) {
			dt_node_t *d;
			for (d = $2; d != NULL; d = d->n_next)
				if (dt_declr_name(d->n_a) != NULL)
					dt_pcb_addtname(pcb, dt_declr_name(d->n_a));
		}
	  }
	;

decl_specs
	: decl_spec
	| decl_specs decl_spec {
		if (($$ = dt_declspec_merge(pcb, $1, $2)) == NULL)
			YYABORT;
	  }
	;

decl_spec
	: TK_TYPEDEF { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_class = DT_DC_TYPEDEF; }
	| TK_EXTERN { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_class = DT_DC_EXTERN; }
	| TK_STATIC { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_class = DT_DC_STATIC; }
	| TK_REGISTER { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_class = DT_DC_REGISTER; }
	| TK_AUTO { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_class = DT_DC_AUTO; }
	| TK_SELF { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_class = DT_DC_SELF; }
	| TK_THIS { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_class = DT_DC_THIS; }
	| TK_INLINE { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_class = DT_DC_INLINE; }
	| TK_CONST { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_const = 1; }
	| TK_VOLATILE { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_volatile = 1; }
	| TK_RESTRICT { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_restrict = 1; }
	| TK_USERLAND { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_userland = 1; }
	| TK_VOID { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_base = "void"; }
	| TK_CHAR { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_base = "char"; }
	| TK_INTKW { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_base = "int"; }
	| TK_FLOAT { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_base = "float"; }
	| TK_DOUBLE { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_base = "double"; }
	| TK_STRING { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_base = "string"; }
	| TK_SHORT { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_nshort = 1; }
	| TK_LONG { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_nlong = 1; }
	| TK_SIGNED { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_signed = 1; }
	| TK_UNSIGNED { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_unsigned = 1; }
	| TK_TNAME { $$ = dt_declspec_new(pcb, pcb->pcb_lastline); $$->ds_tname = $1; }
	| sou_spec { $$ = dt_declspec_new(pcb, $1->n_line); $$->ds_tagged = $1; }
	| enum_spec { $$ = dt_declspec_new(pcb, $1->n_line); $$->ds_tagged = $1; }
	;

sou_kw
	: TK_STRUCT { $$ = TK_STRUCT; }
	| TK_UNION { $$ = TK_UNION; }
	;

sou_spec
	: sou_kw ident_any '{' members '}' {
		$$ = N(DN_SOU); $$->n_op = $1; $$->n_sval = $2; $$->n_list = $4;
		$$->n_ival = 1;
	  }
	| sou_kw '{' members '}' {
		$$ = N(DN_SOU); $$->n_op = $1; $$->n_list = $3; $$->n_ival = 1;
	  }
	| sou_kw ident_any {
		$$ = N(DN_SOU); $$->n_op = $1; $$->n_sval = $2;
	  }
	;

members
	: member
	| members member { $$ = dt_node_append($1, $2); }
	;

member
	: decl_specs member_declrs ';' {
		$$ = N(DN_DECL); $$->n_spec = $1; $$->n_list = $2;
	  }
	| decl_specs ';' {
		/* anonymous struct/union member */
		$$ = N(DN_DECL); $$->n_spec = $1;
	  }
	;

member_declrs
	: member_declr
	| member_declrs ',' member_declr { $$ = dt_node_append($1, $3); }
	;

member_declr
	: declarator { $$ = N(DN_MEMBERDECL); $$->n_a = $1; }
	| declarator ':' cexpr { $$ = N(DN_MEMBERDECL); $$->n_a = $1; $$->n_b = $3; }
	| ':' cexpr { $$ = N(DN_MEMBERDECL); $$->n_b = $2; }
	;

enum_spec
	: TK_ENUM ident_any '{' enumerators comma_opt '}' {
		$$ = N(DN_ENUM); $$->n_sval = $2; $$->n_list = $4; $$->n_ival = 1;
	  }
	| TK_ENUM '{' enumerators comma_opt '}' {
		$$ = N(DN_ENUM); $$->n_list = $3; $$->n_ival = 1;
	  }
	| TK_ENUM ident_any { $$ = N(DN_ENUM); $$->n_sval = $2; }
	;

comma_opt
	: %empty
	| ','
	;

enumerators
	: enumerator
	| enumerators ',' enumerator { $$ = dt_node_append($1, $3); }
	;

enumerator
	: TK_IDENT { $$ = N(DN_ENUMERATOR); $$->n_sval = $1; }
	| TK_IDENT '=' aexpr {
		$$ = N(DN_ENUMERATOR); $$->n_sval = $1; $$->n_a = $3;
	  }
	;

init_declrs
	: init_declr
	| init_declrs ',' init_declr { $$ = dt_node_append($1, $3); }
	;

init_declr
	: declarator { $$ = N(DN_INITDECL); $$->n_a = $1; }
	| declarator '=' initializer {
		$$ = N(DN_INITDECL); $$->n_a = $1; $$->n_b = $3;
	  }
	;

initializer
	: aexpr
	;

declarator
	: dir_declr
	| '*' ptr_quals declarator { $$ = N(DN_D_PTR); $$->n_a = $3; }
	;

ptr_quals
	: %empty
	| ptr_quals TK_CONST
	| ptr_quals TK_VOLATILE
	| ptr_quals TK_RESTRICT
	;

dir_declr
	: TK_IDENT { $$ = N(DN_D_IDENT); $$->n_sval = $1; }
	| '(' declarator ')' { $$ = $2; }
	| dir_declr '[' array_dim ']' {
		$$ = N(DN_D_ARRAY); $$->n_a = $1; $$->n_b = $3;
	  }
	| dir_declr '(' params_opt ')' {
		$$ = N(DN_D_FUNC); $$->n_a = $1; $$->n_list = $3;
	  }
	;

array_dim
	: %empty { $$ = NULL; }
	| aexpr
	| params { $$ = N(DN_TYPENAME); $$->n_list = $1; $$->n_ival = 1; }
	;

params_opt
	: %empty { $$ = NULL; }
	| params
	;

params
	: param
	| params ',' param { $$ = dt_node_append($1, $3); }
	;

param
	: type_name
	| decl_specs declarator {
		$$ = N(DN_TYPENAME); $$->n_spec = $1; $$->n_a = $2;
	  }
	| TK_ELLIPSIS { $$ = N(DN_TYPENAME); $$->n_op = TK_ELLIPSIS; }
	;

type_name
	: decl_specs { $$ = N(DN_TYPENAME); $$->n_spec = $1; }
	| decl_specs abs_declr {
		$$ = N(DN_TYPENAME); $$->n_spec = $1; $$->n_a = $2;
	  }
	;

abs_declr
	: ptr_declr
	| dir_abs
	;

ptr_declr
	: '*' ptr_quals {
		$$ = N(DN_D_PTR); $$->n_a = N(DN_D_IDENT);
	  }
	| '*' ptr_quals abs_declr { $$ = N(DN_D_PTR); $$->n_a = $3; }
	;

dir_abs
	: '(' abs_declr ')' { $$ = $2; }
	| '[' array_dim ']' {
		$$ = N(DN_D_ARRAY); $$->n_a = N(DN_D_IDENT); $$->n_b = $2;
	  }
	| dir_abs '[' array_dim ']' {
		$$ = N(DN_D_ARRAY); $$->n_a = $1; $$->n_b = $3;
	  }
	;

translator
	: TK_TRANSLATOR type_name '<' decl_specs declarator '>' '{' xmembers '}' ';' {
		$$ = N(DN_XLATOR); $$->n_tn = $2;
		$$->n_a = N(DN_TYPENAME); $$->n_a->n_spec = $4; $$->n_a->n_a = $5;
		$$->n_list = $8; $$->n_line = pcb->pcb_lastline;
	  }
	| TK_TRANSLATOR type_name '<' decl_specs declarator '>' '{' '}' ';' {
		$$ = N(DN_XLATOR); $$->n_tn = $2;
		$$->n_a = N(DN_TYPENAME); $$->n_a->n_spec = $4; $$->n_a->n_a = $5;
		$$->n_line = pcb->pcb_lastline;
	  }
	;

xmembers
	: xmember
	| xmembers xmember { $$ = dt_node_append($1, $2); }
	;

xmember
	: ident_any '=' expr ';' {
		$$ = N(DN_XMEMBER); $$->n_sval = $1; $$->n_a = $3;
	  }
	;

provider
	: TK_PROVIDER ident_any '{' pprobes '}' ';' { $$ = N(DN_PROVIDER); $$->n_sval = $2; }
	| TK_PROVIDER ident_any '{' '}' ';' { $$ = N(DN_PROVIDER); $$->n_sval = $2; }
	;

pprobes
	: pprobe
	| pprobes pprobe { $$ = dt_node_append($1, $2); }
	;

pprobe
	: TK_PROBE ident_any '(' params_opt ')' ';' { $$ = N(DN_PROVIDER); }
	| TK_PROBE ident_any '(' params_opt ')' ':' '(' params_opt ')' ';' {
		$$ = N(DN_PROVIDER);
	  }
	;

%%

static void dt_yyerror(dt_pcb_t *pcb, const char *msg)
{
	(void)msg;
	if (pcb->pcb_lasttok == NULL)
		dt_cc_seterr(pcb, pcb->pcb_lastline, D_SYNTAX,
		    "syntax error near end of input");
	else
		dt_cc_seterr(pcb, pcb->pcb_lastline, D_SYNTAX,
		    "syntax error near \"%s\"", pcb->pcb_lasttok);
}
