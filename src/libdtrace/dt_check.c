/*
 * dt_check.c - the checker (see dt_check.h): types every expression as C
 * and D do, resolves identifiers, folds integer constants and enforces the
 * rules of D's actions, aggregations and speculations.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "dt_check.h"
#include "dt_ksym.h"
#include "dt_decl.h"
#include "dt_errtags.h"
#include "dt_grammar.h"
#include "dt_ident.h"
#include "dt_printf_fmt.h"
#include "dt_program.h"

#define TN(t, b) dt_type_name((t), (b), sizeof(b))

static dt_type_t *dt_T(dt_pcb_t *pcb, const char *name)
{
	return dt_type_lookup(pcb->pcb_types, name);
}

/* a type name spelled as in DTrace's messages, e.g. "int", "char *" */
static const char *dt_ck_opname(int op)
{
	switch (op) {
	case TK_LOR: return "||";
	case TK_LXOR: return "^^";
	case TK_LAND: return "&&";
	case TK_EQ: return "==";
	case TK_NE: return "!=";
	case TK_LE: return "<=";
	case TK_GE: return ">=";
	case TK_LSH: return "<<";
	case TK_RSH: return ">>";
	case TK_INC: return "++";
	case TK_DEC: return "--";
	case TK_MUL_EQ: return "*=";
	case TK_DIV_EQ: return "/=";
	case TK_MOD_EQ: return "%=";
	case TK_ADD_EQ: return "+=";
	case TK_SUB_EQ: return "-=";
	case TK_LSH_EQ: return "<<=";
	case TK_RSH_EQ: return ">>=";
	case TK_AND_EQ: return "&=";
	case TK_XOR_EQ: return "^=";
	case TK_OR_EQ: return "|=";
	case TK_ARROW: return "->";
	case '=': return "=";
	case '+': return "+";
	case '-': return "-";
	case '*': return "*";
	case '/': return "/";
	case '%': return "%";
	case '&': return "&";
	case '|': return "|";
	case '^': return "^";
	case '<': return "<";
	case '>': return ">";
	case '~': return "~";
	case '!': return "!";
	case '.': return ".";
	default: return "?";
	}
}

dt_node_t *dt_check_mkint(dt_pcb_t *pcb, int64_t v, dt_type_t *t, int line)
{
	dt_node_t *n = dt_node_new(pcb, DN_INT, line);
	n->n_ival = v;
	n->n_type = t;
	n->n_isconst = 1;
	return n;
}

/* value of v converted to integer type t, as C does */
static int64_t dt_ck_convert(int64_t v, dt_type_t *t)
{
	t = dt_type_base(t);
	switch (t->dt_size) {
	case 1: return t->dt_signed ? (int64_t)(int8_t)v : (int64_t)(uint8_t)v;
	case 2: return t->dt_signed ? (int64_t)(int16_t)v : (int64_t)(uint16_t)v;
	case 4: return t->dt_signed ? (int64_t)(int32_t)v : (int64_t)(uint32_t)v;
	default: return v;
	}
}

/* integer promotion */
static dt_type_t *dt_ck_promote(dt_pcb_t *pcb, dt_type_t *t)
{
	dt_type_t *b = dt_type_base(t);
	if (b->dt_kind == DT_TK_ENUM || (b->dt_kind == DT_TK_INT &&
	    b->dt_size < 4))
		return dt_T(pcb, "int");
	return t;
}

/* the usual arithmetic conversions */
static dt_type_t *dt_ck_arith(dt_pcb_t *pcb, dt_type_t *a, dt_type_t *b)
{
	dt_type_t *pa = dt_ck_promote(pcb, a), *pb = dt_ck_promote(pcb, b);
	dt_type_t *ba = dt_type_base(pa), *bb = dt_type_base(pb);

	if (ba->dt_size > bb->dt_size)
		return pa;
	if (bb->dt_size > ba->dt_size)
		return pb;
	if (!ba->dt_signed)
		return pa;
	if (!bb->dt_signed)
		return pb;
	return pa;
}

int64_t dt_check_intconst(dt_pcb_t *pcb, dt_node_t *n, const char *tag,
			  const char *what)
{
	dt_check_expr(pcb, n);
	if (!n->n_isconst || !dt_type_is_integer(n->n_type))
		dt_cc_error(pcb, n->n_line, tag,
		    "%s must be an integer constant", what);
	return n->n_ival;
}

static void dt_ck_node(dt_pcb_t *pcb, dt_node_t *n);

static int dt_ck_isagg(dt_node_t *n)
{
	return n->n_kind == DN_AGG ||
	    (n->n_kind == DN_INDEX && n->n_a->n_kind == DN_AGG);
}

static void dt_ck_noagg(dt_pcb_t *pcb, dt_node_t *n)
{
	if (dt_ck_isagg(n))
		dt_cc_error(pcb, n->n_line, D_AGG_FUNC,
		    "@%s must be assigned the result of an aggregating "
		    "function", n->n_kind == DN_AGG ? n->n_sval :
		    n->n_a->n_sval);
}

/* deeper expressions than this are refused: every pass recurses */
#define DT_CK_MAXNEST 1000

void dt_check_expr(dt_pcb_t *pcb, dt_node_t *n)
{
	if (n->n_type != NULL && n->n_kind != DN_INT && n->n_kind != DN_STR)
		return; /* already checked (shared inline expressions) */
	if (++pcb->pcb_nest > DT_CK_MAXNEST)
		dt_cc_error(pcb, n->n_line, D_SYNTAX,
		    "expression is nested too deeply");
	dt_ck_noagg(pcb, n);
	dt_ck_node(pcb, n);
	pcb->pcb_nest--;
	if (n->n_type == NULL)
		n->n_type = dt_type_builtin_void(pcb->pcb_types);
	if (n->n_isconst && dt_type_is_integer(n->n_type))
		n->n_ival = dt_ck_convert(n->n_ival, n->n_type);
}

static void dt_ck_scalar(dt_pcb_t *pcb, dt_node_t *n, const char *op)
{
	if (!dt_type_is_scalar(n->n_type))
		dt_cc_error(pcb, n->n_line, D_OP_SCALAR,
		    "operator %s requires operands of scalar type", op);
}

static void dt_ck_int(dt_pcb_t *pcb, dt_node_t *n, const char *op)
{
	if (!dt_type_is_integer(n->n_type))
		dt_cc_error(pcb, n->n_line, D_OP_INT,
		    "operator %s requires operands of integral type", op);
}

static void dt_ck_arithop(dt_pcb_t *pcb, dt_node_t *n, const char *op)
{
	if (!dt_type_is_arith(n->n_type))
		dt_cc_error(pcb, n->n_line, D_OP_ARITH,
		    "operator %s requires operands of arithmetic type", op);
	if (dt_type_base(n->n_type)->dt_kind == DT_TK_FLOAT)
		dt_cc_error(pcb, n->n_line, D_OP_ARITH,
		    "floating-point arithmetic is not supported");
}

/* does a value of type s fit where type d is wanted (assignment rules) */
static int dt_ck_assignable(dt_type_t *d, dt_type_t *s, dt_node_t *sn)
{
	dt_type_t *bd = dt_type_base(d), *bs = dt_type_base(s);

	if (dt_type_is_integer(d) && dt_type_is_integer(s))
		return 1;
	if (bd->dt_kind == DT_TK_STRING)
		return bs->dt_kind == DT_TK_STRING ||
		    (bs->dt_kind == DT_TK_ARRAY &&
		    dt_type_base(bs->dt_ref)->dt_kind == DT_TK_INT &&
		    dt_type_base(bs->dt_ref)->dt_size == 1);
	if (bd->dt_kind == DT_TK_PTR) {
		if (dt_type_is_pointer(s))
			return dt_type_is_void(bd->dt_ref) ||
			    (bs->dt_kind == DT_TK_PTR &&
			    dt_type_is_void(bs->dt_ref)) ||
			    dt_type_compat(bd->dt_ref, bs->dt_ref);
		return dt_type_is_integer(s) && sn != NULL && sn->n_isconst &&
		    sn->n_ival == 0;
	}
	if (dt_type_is_integer(d) && bs->dt_kind == DT_TK_PTR)
		return 0;
	return dt_type_compat(d, s);
}

static void dt_ck_incompat(dt_pcb_t *pcb, int line, dt_type_t *l, int op,
			   dt_type_t *r)
{
	char b1[128], b2[128];
	dt_cc_error(pcb, line, D_OP_INCOMPAT,
	    "operands have incompatible types: \"%s\" %s \"%s\"", TN(l, b1),
	    dt_ck_opname(op), TN(r, b2));
}

/* ---- identifiers and variables ---- */

static void dt_ck_builtin(dt_pcb_t *pcb, dt_node_t *n,
			  const dt_builtin_t *b)
{
	if (b->db_id == DIF_VAR_CURTHREAD) {
		/* the kernel's task: members come from BTF on first use */
		n->n_type = dt_type_pointer(pcb->pcb_types,
		    dt_type_tagged_local(pcb->pcb_types, DT_TK_STRUCT,
		    "task_struct"));
		n->n_ident = NULL;
		n->n_ival = b->db_id;
		return;
	}
	n->n_type = strcmp(b->db_type, "void *") == 0 ?
	    dt_type_pointer(pcb->pcb_types, dt_type_builtin_void(pcb->pcb_types)) :
	    dt_T(pcb, b->db_type);
	n->n_ident = NULL;
	n->n_ival = b->db_id;
}

static void dt_ck_ident(dt_pcb_t *pcb, dt_node_t *n)
{
	const dt_builtin_t *b;
	dt_ident_t *id;

	if ((id = dt_id_lookup(&pcb->pcb_ids->is_globals, n->n_sval)) != NULL) {
		n->n_ident = id;
		switch (id->di_kind) {
		case DI_ENUM:
			n->n_type = id->di_type;
			n->n_isconst = 1;
			n->n_ival = id->di_value;
			return;
		case DI_INLINE:
			n->n_type = id->di_type;
			n->n_inl = id->di_inline;
			if (id->di_inline->n_isconst &&
			    dt_type_is_integer(id->di_type)) {
				n->n_isconst = 1;
				n->n_ival = id->di_inline->n_ival;
			}
			return;
		case DI_VAR:
			if (id->di_type == NULL)
				break;
			if (id->di_assoc)
				dt_cc_error(pcb, n->n_line, D_ARR_BADREF,
				    "%s[ ] must be referenced using [ ] "
				    "subscripts", n->n_sval);
			n->n_type = id->di_type;
			n->n_lvalue = n->n_writable = 1;
			return;
		default:
			break;
		}
	}
	if ((b = dt_builtin_lookup(n->n_sval)) != NULL) {
		if (b->db_id == DIF_VAR_ARGS || b->db_id == DIF_VAR_UREGS)
			dt_cc_error(pcb, n->n_line, D_ARR_BADREF,
			    "%s[ ] must be referenced using [ ] subscripts",
			    n->n_sval);
		dt_ck_builtin(pcb, n, b);
		return;
	}
	if (dt_pcb_assigned(pcb, DIF_SCOPE_GLOBAL, n->n_sval)) {
		/* assigned later in the program: an int64_t until then */
		if (id == NULL) {
			id = dt_id_insert(pcb, &pcb->pcb_ids->is_globals,
			    n->n_sval, DI_VAR);
			id->di_scope = DIF_SCOPE_GLOBAL;
			id->di_line = n->n_line;
		}
		id->di_type = dt_T(pcb, "int64_t");
		dt_id_newvar(pcb, id);
		dt_id_layout(pcb, id);
		n->n_ident = id;
		n->n_type = id->di_type;
		n->n_lvalue = n->n_writable = 1;
		return;
	}
	if (dt_func_lookup(n->n_sval) != NULL)
		dt_cc_error(pcb, n->n_line, D_IDENT_BADREF,
		    "%s( ) must be called as a function", n->n_sval);
	{
		/* a kernel enum constant (BTF) */
		int64_t v;
		dt_type_t *et = dt_type_enumconst(pcb->pcb_types, n->n_sval,
		    &v);
		if (et != NULL) {
			n->n_type = et;
			n->n_isconst = 1;
			n->n_ival = v;
			return;
		}
	}
	dt_cc_error(pcb, n->n_line, D_IDENT_UNDEF,
	    "failed to resolve %s: Unknown variable name", n->n_sval);
}

/* self->x / this->x: an undeclared one read before any store is an int */
static dt_ident_t *dt_ck_dynvar(dt_pcb_t *pcb, dt_node_t *n, int create)
{
	int tls = n->n_kind == DN_SELFVAR;
	dt_idhash_t *h = tls ? &pcb->pcb_ids->is_tls : &pcb->pcb_ids->is_locals;
	dt_ident_t *id = dt_id_lookup(h, n->n_sval);

	if (id == NULL && create) {
		id = dt_id_insert(pcb, h, n->n_sval, DI_VAR);
		id->di_scope = tls ? DIF_SCOPE_THREAD : DIF_SCOPE_LOCAL;
		id->di_line = n->n_line;
	}
	return id;
}

static void dt_ck_dynvar_read(dt_pcb_t *pcb, dt_node_t *n)
{
	dt_ident_t *id = dt_ck_dynvar(pcb, n, 0);
	int scope = n->n_kind == DN_SELFVAR ? DIF_SCOPE_THREAD :
	    DIF_SCOPE_LOCAL;

	if ((id == NULL || id->di_type == NULL) &&
	    !dt_pcb_assigned(pcb, scope, n->n_sval))
		dt_cc_error(pcb, n->n_line, D_VAR_UNDEF,
		    "%s%s has not yet been declared or assigned",
		    scope == DIF_SCOPE_THREAD ? "self->" : "this->", n->n_sval);
	if (id == NULL)
		id = dt_ck_dynvar(pcb, n, 1);
	if (id->di_type == NULL) {
		id->di_type = dt_T(pcb, "int64_t");
		dt_id_newvar(pcb, id);
		dt_id_layout(pcb, id);
	}
	if (id->di_assoc)
		dt_cc_error(pcb, n->n_line, D_ARR_BADREF,
		    "%s%s[ ] must be referenced using [ ] subscripts",
		    n->n_kind == DN_SELFVAR ? "self->" : "this->", n->n_sval);
	n->n_ident = id;
	n->n_type = id->di_type;
	n->n_lvalue = n->n_writable = 1;
}

/* check the keys of an associative reference against the prototype */
static void dt_ck_keys(dt_pcb_t *pcb, dt_node_t *n, dt_ident_t *id,
		       const char *pfx)
{
	dt_node_t *k;
	uint32_t i = 0, nk = (uint32_t)dt_node_count(n->n_list);
	char b1[128], b2[128];

	for (k = n->n_list; k != NULL; k = k->n_next) {
		dt_check_expr(pcb, k);
		if (dt_type_is_void(k->n_type))
			dt_cc_error(pcb, k->n_line, D_KEY_TYPE,
			    "%s%s[ ] key #%u is of void type", pfx,
			    id->di_name, i + 1);
		i++;
	}
	if (nk > DIF_TUPLE_MAX)
		dt_cc_error(pcb, n->n_line, D_ARR_BADREF,
		    "too many keys in %s%s[ ]", pfx, id->di_name);
	if (id->di_keys == NULL) {
		id->di_assoc = 1;
		id->di_nkeys = nk;
		id->di_keys = dt_arena_alloc(pcb->pcb_arena,
		    sizeof(dt_type_t *) * (nk + 1));
		for (k = n->n_list, i = 0; k != NULL; k = k->n_next, i++)
			id->di_keys[i] = dt_type_is_integer(k->n_type) ?
			    dt_ck_promote(pcb, k->n_type) : k->n_type;
		return;
	}
	if (nk != id->di_nkeys)
		dt_cc_error(pcb, n->n_line, D_PROTO_LEN,
		    "%s%s[ ] prototype mismatch: %u args passed, %u expected",
		    pfx, id->di_name, nk, id->di_nkeys);
	for (k = n->n_list, i = 0; k != NULL; k = k->n_next, i++)
		if (!dt_ck_assignable(id->di_keys[i], k->n_type, k))
			dt_cc_error(pcb, k->n_line, D_PROTO_ARG,
			    "%s%s[ ] argument #%u is incompatible with "
			    "prototype:\n\tprototype: %s\n\t argument: %s",
			    pfx, id->di_name, i + 1,
			    TN(id->di_keys[i], b1), TN(k->n_type, b2));
}

/*
 * An associative array reference.  create: the array may be born here (it
 * is being assigned); its value type is then set by the caller.
 */
static dt_ident_t *dt_ck_assoc(dt_pcb_t *pcb, dt_node_t *n, int create)
{
	dt_node_t *b = n->n_a;
	dt_ident_t *id;
	const char *pfx = "";

	if (b->n_kind == DN_IDENT) {
		id = dt_id_lookup(&pcb->pcb_ids->is_globals, b->n_sval);
		if (id != NULL && id->di_kind != DI_VAR)
			return NULL;
		if (id == NULL) {
			if (dt_builtin_lookup(b->n_sval) != NULL)
				return NULL;
			if (!create && !dt_pcb_assigned(pcb, DIF_SCOPE_GLOBAL,
			    b->n_sval))
				dt_cc_error(pcb, b->n_line, D_IDENT_UNDEF,
				    "failed to resolve %s: Unknown variable "
				    "name", b->n_sval);
			id = dt_id_insert(pcb, &pcb->pcb_ids->is_globals,
			    b->n_sval, DI_VAR);
			id->di_scope = DIF_SCOPE_GLOBAL;
			id->di_line = b->n_line;
		} else if (!id->di_assoc && id->di_type != NULL) {
			if (!dt_type_is_pointer(id->di_type))
				dt_cc_error(pcb, n->n_line, D_ARR_BADREF,
				    "cannot access scalar %s as an associative "
				    "array", b->n_sval);
			return NULL; /* a scalar: array or pointer indexing */
		}
	} else if (b->n_kind == DN_SELFVAR || b->n_kind == DN_THISVAR) {
		pfx = b->n_kind == DN_SELFVAR ? "self->" : "this->";
		id = dt_ck_dynvar(pcb, b, 1);
		if (id->di_type != NULL && !id->di_assoc)
			return NULL;
		if (b->n_kind == DN_THISVAR)
			dt_cc_error(pcb, n->n_line, D_ARR_LOCAL,
			    "local variables may not be used as associative "
			    "arrays: %s", b->n_sval);
	} else {
		return NULL;
	}
	if (!create && id->di_type == NULL) {
		int scope = b->n_kind == DN_SELFVAR ? DIF_SCOPE_THREAD :
		    DIF_SCOPE_GLOBAL;
		if (!dt_pcb_assigned(pcb, scope, b->n_sval))
			dt_cc_error(pcb, b->n_line, D_IDENT_UNDEF,
			    "failed to resolve %s%s: Unknown variable name",
			    pfx, b->n_sval);
		dt_ck_keys(pcb, n, id, pfx);
		id->di_type = dt_T(pcb, "int64_t");
		dt_id_newvar(pcb, id);
		n->n_ident = id;
		n->n_type = id->di_type;
		n->n_lvalue = n->n_writable = 1;
		return id;
	}
	dt_ck_keys(pcb, n, id, pfx);
	n->n_ident = id;
	n->n_type = id->di_type;
	n->n_lvalue = n->n_writable = 1;
	return id;
}

/* ---- translators ---- */

static dt_node_t *dt_ck_clone(dt_pcb_t *pcb, dt_node_t *n, const char *param,
			      dt_node_t *arg)
{
	dt_node_t *c, *l, **lp;

	if (n == NULL)
		return NULL;
	if (n->n_kind == DN_IDENT && param != NULL &&
	    strcmp(n->n_sval, param) == 0)
		return dt_ck_clone(pcb, arg, NULL, NULL);
	c = dt_node_new(pcb, n->n_kind, n->n_line);
	*c = *n;
	c->n_next = NULL;
	if (n->n_kind != DN_INT && n->n_kind != DN_STR) {
		c->n_type = NULL;
		c->n_isconst = 0;
		c->n_ident = NULL;
		c->n_inl = NULL;
	}
	c->n_a = dt_ck_clone(pcb, n->n_a, param, arg);
	c->n_b = dt_ck_clone(pcb, n->n_b, param, arg);
	c->n_c = dt_ck_clone(pcb, n->n_c, param, arg);
	lp = &c->n_list;
	*lp = NULL;
	for (l = n->n_list; l != NULL; l = l->n_next) {
		*lp = dt_ck_clone(pcb, l, param, arg);
		lp = &(*lp)->n_next;
	}
	return c;
}

static dt_xlator_t *dt_ck_xlator(dt_pcb_t *pcb, dt_type_t *to, dt_type_t *from)
{
	dt_xlator_t *x;
	for (x = pcb->pcb_ids->is_xlators; x != NULL; x = x->dx_next)
		if (dt_type_compat(x->dx_to, to) &&
		    dt_ck_assignable(x->dx_from, from, NULL))
			return x;
	return NULL;
}

/* xlate<T>(e).member: the member's expression with e for the input */
static void dt_ck_xlate_member(dt_pcb_t *pcb, dt_node_t *n, dt_node_t *xn)
{
	dt_node_t *m;
	dt_type_t *to = dt_decl_typename(pcb, xn->n_tn, NULL);
	dt_xlator_t *x;
	char b1[128], b2[128];
	int ptr = 0;

	dt_check_expr(pcb, xn->n_a);
	if (dt_type_base(to)->dt_kind == DT_TK_PTR) {
		to = dt_type_base(to)->dt_ref;
		ptr = 1;
	}
	if ((n->n_op == TK_ARROW) != ptr)
		dt_cc_error(pcb, n->n_line, ptr ? D_OP_SOU : D_OP_PTR,
		    "operator %s cannot be applied to a translated %s",
		    dt_ck_opname(n->n_op), ptr ? "pointer" : "struct");
	if ((x = dt_ck_xlator(pcb, to, xn->n_a->n_type)) == NULL)
		dt_cc_error(pcb, n->n_line, D_XLATE_NONE,
		    "cannot translate from \"%s\" to \"%s\"",
		    TN(xn->n_a->n_type, b1), TN(to, b2));
	for (m = x->dx_members; m != NULL; m = m->n_next)
		if (strcmp(m->n_sval, n->n_sval) == 0)
			break;
	if (m == NULL) {
		if (dt_type_member(dt_type_base(to), n->n_sval) == NULL)
			dt_cc_error(pcb, n->n_line, D_TYPE_MEMBER,
			    "%s is not a member of %s", n->n_sval, TN(to, b1));
		dt_cc_error(pcb, n->n_line, D_XLATE_NOCONV,
		    "translator does not define conversion for member: %s",
		    n->n_sval);
	}
	n->n_inl = dt_ck_clone(pcb, m->n_a, x->dx_arg, xn->n_a);
	dt_check_expr(pcb, n->n_inl);
	n->n_type = dt_type_member(dt_type_base(to), n->n_sval)->dm_type;
	if (!dt_ck_assignable(n->n_type, n->n_inl->n_type, n->n_inl))
		dt_cc_error(pcb, m->n_line, D_XLATE_INCOMPAT,
		    "translator member %s definition uses incompatible types: "
		    "\"%s\" = \"%s\"", m->n_sval, TN(n->n_type, b1),
		    TN(n->n_inl->n_type, b2));
	if (n->n_inl->n_isconst && dt_type_is_integer(n->n_type)) {
		n->n_isconst = 1;
		n->n_ival = n->n_inl->n_ival;
	}
}

/*
 * xlate<struct T>(e) as a value: every member the translator defines,
 * each a DN_XMEMBER in n_list (n_member, n_a its checked expression);
 * the code generator builds the struct from them in scratch.
 */
static void dt_ck_xlate_whole(dt_pcb_t *pcb, dt_node_t *n, dt_type_t *st)
{
	dt_xlator_t *x = dt_ck_xlator(pcb, st, n->n_a->n_type);
	dt_node_t *m, *list = NULL;
	char b1[128], b2[128];

	for (m = x->dx_members; m != NULL; m = m->n_next) {
		dt_node_t *xm = dt_node_new(pcb, DN_XMEMBER, m->n_line);

		xm->n_sval = m->n_sval;
		xm->n_member = dt_type_member(dt_type_base(st), m->n_sval);
		xm->n_a = dt_ck_clone(pcb, m->n_a, x->dx_arg, n->n_a);
		dt_check_expr(pcb, xm->n_a);
		xm->n_type = xm->n_member->dm_type;
		if (!dt_ck_assignable(xm->n_type, xm->n_a->n_type, xm->n_a))
			dt_cc_error(pcb, m->n_line, D_XLATE_INCOMPAT,
			    "translator member %s definition uses "
			    "incompatible types: \"%s\" = \"%s\"", m->n_sval,
			    TN(xm->n_type, b1), TN(xm->n_a->n_type, b2));
		list = dt_node_append(list, xm);
	}
	n->n_list = list;
}

/* ---- operators ---- */

static void dt_ck_fold2(dt_pcb_t *pcb, dt_node_t *n)
{
	dt_node_t *a = n->n_a, *b = n->n_b;
	int64_t x = a->n_ival, y = b->n_ival, r;
	int sgn = dt_type_is_signed(n->n_type);
	/* comparisons use the common operand type */
	dt_type_t *ct = dt_ck_arith(pcb, a->n_type, b->n_type);
	int csgn = dt_type_is_signed(ct);

	if (!a->n_isconst || !b->n_isconst || !dt_type_is_integer(a->n_type) ||
	    !dt_type_is_integer(b->n_type))
		return;
	switch (n->n_op) {
	case '+': r = (int64_t)((uint64_t)x + (uint64_t)y); break;
	case '-': r = (int64_t)((uint64_t)x - (uint64_t)y); break;
	case '*': r = (int64_t)((uint64_t)x * (uint64_t)y); break;
	case '/':
	case '%':
		x = dt_ck_convert(x, n->n_type);
		y = dt_ck_convert(y, n->n_type);
		if (y == 0)
			dt_cc_error(pcb, n->n_line, D_DIV_ZERO,
			    "expression contains division by zero");
		if (sgn && y == -1)
			r = n->n_op == '/' ? (int64_t)(0 - (uint64_t)x) : 0;
		else if (sgn)
			r = n->n_op == '/' ? x / y : x % y;
		else
			r = n->n_op == '/' ? (int64_t)((uint64_t)x / (uint64_t)y) :
			    (int64_t)((uint64_t)x % (uint64_t)y);
		break;
	case '&': r = x & y; break;
	case '|': r = x | y; break;
	case '^': r = x ^ y; break;
	case TK_LSH: r = (int64_t)((uint64_t)x << (y & 63)); break;
	case TK_RSH:
		x = dt_ck_convert(x, n->n_type);
		r = sgn ? x >> (y & 63) :
		    (int64_t)((uint64_t)x >> (y & 63));
		break;
	case TK_EQ: r = dt_ck_convert(x, ct) == dt_ck_convert(y, ct); break;
	case TK_NE: r = dt_ck_convert(x, ct) != dt_ck_convert(y, ct); break;
	case '<':
	case '>':
	case TK_LE:
	case TK_GE: {
		int c;
		x = dt_ck_convert(x, ct);
		y = dt_ck_convert(y, ct);
		c = csgn ? (x < y ? -1 : x > y) :
		    ((uint64_t)x < (uint64_t)y ? -1 : (uint64_t)x > (uint64_t)y);
		r = n->n_op == '<' ? c < 0 : n->n_op == '>' ? c > 0 :
		    n->n_op == TK_LE ? c <= 0 : c >= 0;
		break;
	}
	default:
		return;
	}
	n->n_isconst = 1;
	n->n_ival = dt_ck_convert(r, n->n_type);
}

static void dt_ck_binary(dt_pcb_t *pcb, dt_node_t *n)
{
	dt_node_t *a = n->n_a, *b = n->n_b;
	const char *op = dt_ck_opname(n->n_op);
	dt_type_t *ta, *tb;

	dt_check_expr(pcb, a);
	dt_check_expr(pcb, b);
	ta = a->n_type;
	tb = b->n_type;
	switch (n->n_op) {
	case '+':
	case '-':
		if (dt_type_is_pointer(ta) && dt_type_is_integer(tb)) {
			n->n_type = dt_type_base(ta)->dt_kind == DT_TK_ARRAY ?
			    dt_type_pointer(pcb->pcb_types,
			    dt_type_base(ta)->dt_ref) : ta;
			return;
		}
		if (n->n_op == '+' && dt_type_is_integer(ta) &&
		    dt_type_is_pointer(tb)) {
			n->n_type = dt_type_base(tb)->dt_kind == DT_TK_ARRAY ?
			    dt_type_pointer(pcb->pcb_types,
			    dt_type_base(tb)->dt_ref) : tb;
			return;
		}
		if (n->n_op == '-' && dt_type_is_pointer(ta) &&
		    dt_type_is_pointer(tb)) {
			if (!dt_type_compat(dt_type_base(ta)->dt_ref,
			    dt_type_base(tb)->dt_ref))
				dt_ck_incompat(pcb, n->n_line, ta, '-', tb);
			n->n_type = dt_T(pcb, "long");
			return;
		}
		if (!dt_type_is_arith(ta) || !dt_type_is_arith(tb))
			dt_ck_incompat(pcb, n->n_line, ta, n->n_op, tb);
		/* FALLTHROUGH */
	case '*':
	case '/':
		dt_ck_arithop(pcb, a, op);
		dt_ck_arithop(pcb, b, op);
		n->n_type = dt_ck_arith(pcb, ta, tb);
		break;
	case '%':
	case '&':
	case '|':
	case '^':
		dt_ck_int(pcb, a, op);
		dt_ck_int(pcb, b, op);
		n->n_type = dt_ck_arith(pcb, ta, tb);
		break;
	case TK_LSH:
	case TK_RSH:
		dt_ck_int(pcb, a, op);
		dt_ck_int(pcb, b, op);
		n->n_type = dt_ck_promote(pcb, ta);
		break;
	case TK_EQ:
	case TK_NE:
	case '<':
	case '>':
	case TK_LE:
	case TK_GE: {
		int sa = dt_type_is_string(ta), sb = dt_type_is_string(tb);
		n->n_type = dt_T(pcb, "int");
		if (sa || sb) {
			/* strings compare with strings or char arrays/ptrs */
			dt_type_t *o = dt_type_base(sa ? tb : ta);
			if (!(sa && sb) && !((o->dt_kind == DT_TK_PTR ||
			    o->dt_kind == DT_TK_ARRAY) &&
			    dt_type_base(o->dt_ref)->dt_kind == DT_TK_INT &&
			    dt_type_base(o->dt_ref)->dt_size == 1))
				dt_ck_incompat(pcb, n->n_line, ta, n->n_op, tb);
			n->n_ival = 0;
			return;
		}
		if (dt_type_is_arith(ta) && dt_type_is_arith(tb)) {
			dt_ck_arithop(pcb, a, op);
			dt_ck_arithop(pcb, b, op);
			break;
		}
		if (dt_type_is_pointer(ta) && dt_type_is_pointer(tb)) {
			dt_type_t *ra = dt_type_base(ta)->dt_ref;
			dt_type_t *rb = dt_type_base(tb)->dt_ref;
			if (!dt_type_is_void(ra) && !dt_type_is_void(rb) &&
			    !dt_type_compat(ra, rb))
				dt_ck_incompat(pcb, n->n_line, ta, n->n_op, tb);
			return;
		}
		if ((dt_type_is_pointer(ta) && dt_type_is_integer(tb)) ||
		    (dt_type_is_integer(ta) && dt_type_is_pointer(tb)))
			return;
		dt_ck_incompat(pcb, n->n_line, ta, n->n_op, tb);
		return;
	}
	default:
		break;
	}
	dt_ck_fold2(pcb, n);
}

static void dt_ck_logical(dt_pcb_t *pcb, dt_node_t *n)
{
	const char *op = dt_ck_opname(n->n_op);
	dt_node_t *a = n->n_a, *b = n->n_b;

	dt_check_expr(pcb, a);
	dt_check_expr(pcb, b);
	dt_ck_scalar(pcb, a, op);
	dt_ck_scalar(pcb, b, op);
	n->n_type = dt_T(pcb, "int");
	if (a->n_isconst && b->n_isconst) {
		int x = a->n_ival != 0, y = b->n_ival != 0;
		n->n_isconst = 1;
		n->n_ival = n->n_op == TK_LAND ? (x && y) :
		    n->n_op == TK_LOR ? (x || y) : (x != y);
	}
}

/*
 * `name, module`name: a kernel symbol.  Its address comes from kallsyms
 * and its type from BTF, which describes functions (not, on most kernels,
 * variables): a function is its address, typed as a pointer to it; a
 * symbol without a type is D_SYM_NOTYPES, as in DTrace without CTF.
 */
static void dt_ck_sym(dt_pcb_t *pcb, dt_node_t *n)
{
	const char *bq = strchr(n->n_sval, '`'), *name = bq + 1, *m;
	char mod[64];
	uint64_t addr;
	char kind;
	dt_type_t *t;

	snprintf(mod, sizeof(mod), "%.*s", (int)(bq - n->n_sval), n->n_sval);
	if (dt_ksym_lookup(mod, name, &addr, &kind, &m) != 0)
		dt_cc_error(pcb, n->n_line, D_IDENT_UNDEF,
		    "failed to resolve %s: Unknown symbol name", n->n_sval);
	t = (kind == 'T' || kind == 't') ?
	    dt_type_symbol(pcb->pcb_types, name) : NULL;
	if (t == NULL || dt_type_base(t)->dt_kind != DT_TK_FUNC)
		dt_cc_error(pcb, n->n_line, D_SYM_NOTYPES,
		    "no symbolic type information is available for %s`%s: "
		    "No type information available for symbol", m, name);
	n->n_type = dt_type_pointer(pcb->pcb_types, t);
	n->n_ival = (int64_t)addr;
}

static void dt_ck_unary(dt_pcb_t *pcb, dt_node_t *n)
{
	dt_node_t *a = n->n_a;
	const char *op = dt_ck_opname(n->n_op);
	char b1[128];

	if (n->n_op == '&') {
		dt_check_expr(pcb, a);
		if (a->n_kind == DN_SYM) {
			/* &`func: the function's address, as `func is */
			n->n_type = a->n_type;
			return;
		}
		if (a->n_kind == DN_MEMBER && a->n_member != NULL &&
		    a->n_member->dm_bits != 0)
			dt_cc_error(pcb, n->n_line, D_ADDROF_BITFIELD,
			    "cannot take address of bit-field");
		if (a->n_kind == DN_IDENT || a->n_kind == DN_SELFVAR ||
		    a->n_kind == DN_THISVAR ||
		    (a->n_kind == DN_INDEX && a->n_ident != NULL))
			dt_cc_error(pcb, n->n_line, D_ADDROF_VAR,
			    "cannot take address of dynamic variable");
		if (!((a->n_kind == DN_MEMBER && a->n_inl == NULL) ||
		    (a->n_kind == DN_UNARY && a->n_op == '*') ||
		    (a->n_kind == DN_INDEX && a->n_ptrderef)))
			dt_cc_error(pcb, n->n_line, D_ADDROF_LVAL,
			    "unacceptable operand for unary & operator");
		n->n_type = dt_type_pointer(pcb->pcb_types, a->n_type);
		return;
	}
	dt_check_expr(pcb, a);
	switch (n->n_op) {
	case '*': {
		dt_type_t *t = dt_type_base(a->n_type);
		if (t->dt_kind != DT_TK_PTR && t->dt_kind != DT_TK_ARRAY)
			dt_cc_error(pcb, n->n_line, D_DEREF_NONPTR,
			    "cannot dereference non-pointer type");
		if (dt_type_is_void(t->dt_ref))
			dt_cc_error(pcb, n->n_line, D_DEREF_VOID,
			    "cannot dereference pointer to void");
		if (dt_type_base(t->dt_ref)->dt_kind == DT_TK_FUNC)
			dt_cc_error(pcb, n->n_line, D_DEREF_FUNC,
			    "cannot dereference pointer to function");
		n->n_type = t->dt_ref;
		n->n_lvalue = n->n_writable = 1;
		if (dt_type_is_sou(t->dt_ref) &&
		    !dt_type_complete(pcb->pcb_types, t->dt_ref))
			dt_cc_error(pcb, n->n_line, D_OP_INCOMPLETE,
			    "operator * cannot be applied to a pointer to "
			    "incomplete type \"%s\"", TN(t->dt_ref, b1));
		return;
	}
	case '!':
		if (!dt_type_is_scalar(a->n_type))
			dt_cc_error(pcb, n->n_line, D_OP_SCALAR,
			    "operator %s requires an operand of scalar type", op);
		n->n_type = dt_T(pcb, "int");
		if (a->n_isconst) {
			n->n_isconst = 1;
			n->n_ival = a->n_ival == 0;
		}
		return;
	case '~':
		if (!dt_type_is_integer(a->n_type))
			dt_cc_error(pcb, n->n_line, D_OP_INT,
			    "operator %s requires an operand of integral type", op);
		n->n_type = dt_ck_promote(pcb, a->n_type);
		if (a->n_isconst) {
			n->n_isconst = 1;
			n->n_ival = ~a->n_ival;
		}
		return;
	default: /* + - */
		if (!dt_type_is_arith(a->n_type))
			dt_cc_error(pcb, n->n_line, D_OP_ARITH,
			    "operator %s requires an operand of arithmetic type",
			    op);
		dt_ck_arithop(pcb, a, op);
		n->n_type = dt_ck_promote(pcb, a->n_type);
		if (a->n_isconst) {
			n->n_isconst = 1;
			n->n_ival = n->n_op == '-' ?
			    (int64_t)(0 - (uint64_t)a->n_ival) : a->n_ival;
		}
		return;
	}
}

static void dt_ck_member(dt_pcb_t *pcb, dt_node_t *n)
{
	dt_node_t *a = n->n_a;
	dt_type_t *t;
	const dt_member_t *m;
	char b1[128];

	if (a->n_kind == DN_XLATE) {
		dt_ck_xlate_member(pcb, n, a);
		return;
	}
	if (a->n_kind == DN_IDENT) {
		/* inline T *name = xlate<T *>(e); name->member */
		dt_ident_t *id = dt_id_lookup(&pcb->pcb_ids->is_globals,
		    a->n_sval);
		if (id != NULL && id->di_kind == DI_INLINE &&
		    id->di_inline->n_kind == DN_XLATE) {
			dt_ck_xlate_member(pcb, n, id->di_inline);
			return;
		}
	}
	dt_check_expr(pcb, a);
	t = dt_type_base(a->n_type);
	if (n->n_op == TK_ARROW) {
		if (t->dt_kind != DT_TK_PTR && t->dt_kind != DT_TK_ARRAY)
			dt_cc_error(pcb, n->n_line, D_OP_PTR,
			    "operator -> must be applied to a pointer");
		t = dt_type_base(t->dt_ref);
		if (t->dt_kind != DT_TK_STRUCT && t->dt_kind != DT_TK_UNION)
			dt_cc_error(pcb, n->n_line, D_OP_SOU,
			    "operator -> cannot be applied to pointer to type "
			    "\"%s\"; must be applied to a struct or union "
			    "pointer", TN(t, b1));
	} else if (t->dt_kind != DT_TK_STRUCT && t->dt_kind != DT_TK_UNION) {
		dt_cc_error(pcb, n->n_line, D_OP_SOU,
		    "operator . cannot be applied to type \"%s\"; must be "
		    "applied to a struct or union", TN(a->n_type, b1));
	}
	if (!dt_type_complete(pcb->pcb_types, t))
		dt_cc_error(pcb, n->n_line, D_OP_INCOMPLETE,
		    "operator %s cannot be applied to incomplete type \"%s\"",
		    dt_ck_opname(n->n_op), TN(t, b1));
	if ((m = dt_type_member(t, n->n_sval)) == NULL)
		dt_cc_error(pcb, n->n_line, D_TYPE_MEMBER,
		    "%s is not a member of %s", n->n_sval, TN(t, b1));
	n->n_member = m;
	n->n_type = m->dm_type;
	n->n_lvalue = n->n_writable = 1;
}

/*
 * The dtrace provider's probes (BEGIN, END, ERROR) have no args[]: every
 * index is out of range when the clause names only them.
 */
static int dt_ck_noargs(dt_pcb_t *pcb)
{
	uint32_t i;

	if (pcb->pcb_npds == 0)
		return 0;
	for (i = 0; i < pcb->pcb_npds; i++) {
		const dt_probedesc_t *pd = &pcb->pcb_pds[i];

		if (strcmp(pd->pd_prov, "dtrace") == 0 &&
		    strpbrk(pd->pd_name, "*?[") == NULL && pd->pd_name[0])
			continue;
		if (pd->pd_prov[0] == '\0' && pd->pd_mod[0] == '\0' &&
		    pd->pd_func[0] == '\0' && (strcmp(pd->pd_name, "BEGIN") == 0 ||
		    strcmp(pd->pd_name, "END") == 0 ||
		    strcmp(pd->pd_name, "ERROR") == 0))
			continue;
		return 0;
	}
	return 1;
}

static void dt_ck_index(dt_pcb_t *pcb, dt_node_t *n)
{
	dt_node_t *b = n->n_a;
	const dt_builtin_t *bi;
	dt_type_t *t;

	if (b->n_kind == DN_INDEX && b->n_a->n_kind == DN_AGG)
		dt_cc_error(pcb, n->n_line, D_AGG_MDIM,
		    "improper attempt to reference @%s as a multi-dimensional "
		    "array", b->n_a->n_sval);
	if (b->n_kind == DN_AGG)
		dt_ck_noagg(pcb, n);
	if (b->n_kind == DN_IDENT &&
	    dt_id_lookup(&pcb->pcb_ids->is_globals, b->n_sval) == NULL &&
	    (bi = dt_builtin_lookup(b->n_sval)) != NULL) {
		dt_node_t *k = n->n_list;
		if (bi->db_id != DIF_VAR_ARGS && bi->db_id != DIF_VAR_UREGS)
			dt_cc_error(pcb, n->n_line, D_ARR_BADREF,
			    "%s is not an array", b->n_sval);
		if (k == NULL || k->n_next != NULL)
			dt_cc_error(pcb, n->n_line, D_PROTO_LEN,
			    "%s[ ] prototype mismatch: %d args passed, 1 "
			    "expected", b->n_sval, dt_node_count(k));
		dt_check_expr(pcb, k);
		if (!dt_type_is_integer(k->n_type))
			dt_cc_error(pcb, k->n_line, D_PROTO_ARG,
			    "%s[ ] argument #1 is incompatible with prototype",
			    b->n_sval);
		if (bi->db_id == DIF_VAR_ARGS && k->n_isconst &&
		    (k->n_ival < 0 || k->n_ival > 9 || dt_ck_noargs(pcb))) {
			const dt_probedesc_t *pd = pcb->pcb_npds > 0 ?
			    &pcb->pcb_pds[0] : NULL;
			/* DTrace names the description as prov:mod:func:name */
			dt_cc_error(pcb, k->n_line, D_ARGS_IDX,
			    "index %lld is out of range for %s:%s:%s:%s args[ ]",
			    (long long)k->n_ival, pd ? pd->pd_prov : "",
			    pd ? pd->pd_mod : "", pd ? pd->pd_func : "",
			    pd ? pd->pd_name : "");
		}
		dt_ck_builtin(pcb, n, bi);
		n->n_ival = bi->db_id;
		if (bi->db_id == DIF_VAR_ARGS && k->n_isconst &&
		    pcb->pcb_opts->cc_argtype != NULL && pcb->pcb_npds > 0) {
			/* typed by what the backend says the probes pass */
			const char *ts = pcb->pcb_opts->cc_argtype(
			    pcb->pcb_opts->cc_argtype_arg, pcb->pcb_pds,
			    pcb->pcb_npds, (int)k->n_ival);
			dt_type_t *at = ts != NULL ?
			    dt_decl_typestr(pcb, ts) : NULL;
			if (at != NULL && dt_type_is_scalar(at))
				n->n_type = at;
		}
		return;
	}
	if (dt_ck_assoc(pcb, n, 0) != NULL)
		return;
	/* pointer or array indexing: *(base + index) */
	dt_check_expr(pcb, b);
	t = dt_type_base(b->n_type);
	if (t->dt_kind != DT_TK_PTR && t->dt_kind != DT_TK_ARRAY)
		dt_cc_error(pcb, n->n_line, D_OP_PTR,
		    "operator [ ] must be applied to a pointer or array");
	if (n->n_list->n_next != NULL)
		dt_cc_error(pcb, n->n_line, D_OP_INT,
		    "operator [ ] requires a single integer index");
	dt_check_expr(pcb, n->n_list);
	if (!dt_type_is_integer(n->n_list->n_type))
		dt_cc_error(pcb, n->n_line, D_OP_INT,
		    "operator [ ] requires an integer index");
	if (dt_type_is_void(t->dt_ref))
		dt_cc_error(pcb, n->n_line, D_DEREF_VOID,
		    "cannot dereference pointer to void");
	n->n_ptrderef = 1;
	n->n_type = t->dt_ref;
	n->n_lvalue = n->n_writable = 1;
}

static void dt_ck_cast(dt_pcb_t *pcb, dt_node_t *n)
{
	dt_type_t *t = dt_decl_typename(pcb, n->n_tn, NULL);
	dt_type_t *f, *bt;
	char b1[128], b2[128];

	dt_check_expr(pcb, n->n_a);
	f = n->n_a->n_type;
	bt = dt_type_base(t);
	n->n_type = t;
	if (bt->dt_kind == DT_TK_VOID)
		return;
	if ((dt_type_is_scalar(t) && dt_type_is_scalar(f)) ||
	    (bt->dt_kind == DT_TK_PTR && dt_type_is_string(f)) ||
	    dt_type_compat(t, f)) {
		if (n->n_a->n_isconst && dt_type_is_integer(t)) {
			n->n_isconst = 1;
			n->n_ival = dt_ck_convert(n->n_a->n_ival, t);
		}
		return;
	}
	dt_cc_error(pcb, n->n_line, D_CAST_INVAL,
	    "invalid cast expression: \"%s\" to \"%s\"", TN(f, b1), TN(t, b2));
}

static void dt_ck_ternary(dt_pcb_t *pcb, dt_node_t *n)
{
	dt_type_t *ta, *tb;
	char b1[128], b2[128];

	dt_check_expr(pcb, n->n_a);
	dt_check_expr(pcb, n->n_b);
	dt_check_expr(pcb, n->n_c);
	if (!dt_type_is_scalar(n->n_a->n_type))
		dt_cc_error(pcb, n->n_line, D_OP_SCALAR,
		    "operator ?: expression must be of scalar type");
	ta = n->n_b->n_type;
	tb = n->n_c->n_type;
	if (dt_type_is_arith(ta) && dt_type_is_arith(tb))
		n->n_type = dt_ck_arith(pcb, ta, tb);
	else if (dt_type_is_string(ta) && dt_type_is_string(tb))
		n->n_type = ta;
	else if (dt_type_compat(ta, tb))
		n->n_type = ta;
	else if (dt_type_is_pointer(ta) && dt_type_is_integer(tb) &&
	    n->n_c->n_isconst && n->n_c->n_ival == 0)
		n->n_type = ta;
	else if (dt_type_is_pointer(tb) && dt_type_is_integer(ta) &&
	    n->n_b->n_isconst && n->n_b->n_ival == 0)
		n->n_type = tb;
	else
		dt_cc_error(pcb, n->n_line, D_OP_INCOMPAT,
		    "operator ?: operands must have compatible types");
	(void)b1;
	(void)b2;
	if (n->n_a->n_isconst && n->n_b->n_isconst && n->n_c->n_isconst &&
	    dt_type_is_integer(n->n_type)) {
		n->n_isconst = 1;
		n->n_ival = n->n_a->n_ival ? n->n_b->n_ival : n->n_c->n_ival;
	}
}

/* ---- assignment ---- */

/* the variable an lvalue names is given type t if it has none yet */
static void dt_ck_settype(dt_pcb_t *pcb, dt_ident_t *id, dt_type_t *t,
			  int line)
{
	if (id->di_type != NULL)
		return;
	if (dt_type_is_void(t))
		dt_cc_error(pcb, line, D_OP_VFPTR,
		    "cannot assign void to %s", id->di_name);
	if (dt_type_is_integer(t) && dt_type_base(t)->dt_kind == DT_TK_ENUM)
		t = dt_T(pcb, "int");
	id->di_type = t;
	dt_id_newvar(pcb, id);
	dt_id_layout(pcb, id);
}

static void dt_ck_lvalue(dt_pcb_t *pcb, dt_node_t *l, dt_node_t *r, int op)
{
	dt_ident_t *id;
	const char *ops = dt_ck_opname(op);

	switch (l->n_kind) {
	case DN_IDENT:
		id = dt_id_lookup(&pcb->pcb_ids->is_globals, l->n_sval);
		if (id == NULL) {
			if (dt_builtin_lookup(l->n_sval) != NULL)
				dt_cc_error(pcb, l->n_line, D_OP_WRITE,
				    "operator %s can only be applied to a "
				    "writable variable", ops);
			id = dt_id_insert(pcb, &pcb->pcb_ids->is_globals,
			    l->n_sval, DI_VAR);
			id->di_scope = DIF_SCOPE_GLOBAL;
			id->di_line = l->n_line;
		}
		if (id->di_kind != DI_VAR)
			dt_cc_error(pcb, l->n_line, D_OP_WRITE,
			    "operator %s can only be applied to a writable "
			    "variable", ops);
		if (id->di_assoc)
			dt_cc_error(pcb, l->n_line, D_ARR_BADREF,
			    "%s[ ] must be referenced using [ ] subscripts",
			    l->n_sval);
		if (id->di_type == NULL)
			dt_ck_settype(pcb, id, r != NULL ? r->n_type :
			    dt_T(pcb, "int64_t"), l->n_line);
		l->n_ident = id;
		l->n_type = id->di_type;
		break;
	case DN_SELFVAR:
	case DN_THISVAR:
		id = dt_ck_dynvar(pcb, l, 1);
		if (id->di_assoc)
			dt_cc_error(pcb, l->n_line, D_ARR_BADREF,
			    "%s%s[ ] must be referenced using [ ] subscripts",
			    l->n_kind == DN_SELFVAR ? "self->" : "this->",
			    l->n_sval);
		if (id->di_type == NULL)
			dt_ck_settype(pcb, id, r != NULL ? r->n_type :
			    dt_T(pcb, "int64_t"), l->n_line);
		l->n_ident = id;
		l->n_type = id->di_type;
		break;
	case DN_INDEX:
		if ((id = dt_ck_assoc(pcb, l, 1)) != NULL) {
			if (id->di_type == NULL)
				dt_ck_settype(pcb, id, r != NULL ? r->n_type :
				    dt_T(pcb, "int64_t"), l->n_line);
			l->n_type = id->di_type;
			break;
		}
		dt_check_expr(pcb, l);
		break;
	case DN_MEMBER:
	case DN_UNARY:
		dt_check_expr(pcb, l);
		if (!l->n_lvalue || l->n_inl != NULL)
			dt_cc_error(pcb, l->n_line, D_OP_LVAL,
			    "operator %s requires modifiable lvalue as an "
			    "operand", ops);
		if (dt_type_is_byref(l->n_type))
			dt_cc_error(pcb, l->n_line, D_OP_INCOMPAT,
			    "operator %s cannot store to a non-scalar "
			    "object", ops);
		break;
	default:
		dt_check_expr(pcb, l);
		dt_cc_error(pcb, l->n_line, D_OP_LVAL,
		    "operator %s requires modifiable lvalue as an operand",
		    ops);
	}
	l->n_lvalue = l->n_writable = 1;
}

static void dt_ck_assign(dt_pcb_t *pcb, dt_node_t *n)
{
	dt_node_t *l = n->n_a, *r = n->n_b;

	dt_check_expr(pcb, r);
	if (dt_type_is_void(r->n_type) && r->n_kind == DN_CALL)
		dt_cc_error(pcb, r->n_line, D_OP_VFPTR,
		    "%s( ) returns void and may not be used in an expression",
		    r->n_sval);
	dt_ck_lvalue(pcb, l, r, n->n_op);
	n->n_type = l->n_type;
	if (n->n_op == '=') {
		if (!dt_ck_assignable(l->n_type, r->n_type, r))
			dt_ck_incompat(pcb, n->n_line, l->n_type, '=',
			    r->n_type);
		return;
	}
	/* compound: the operator's own operand rules */
	switch (n->n_op) {
	case TK_ADD_EQ:
	case TK_SUB_EQ:
		if (dt_type_base(l->n_type)->dt_kind == DT_TK_PTR &&
		    dt_type_is_integer(r->n_type))
			return;
		if (!dt_type_is_arith(l->n_type) || !dt_type_is_arith(r->n_type))
			dt_ck_incompat(pcb, n->n_line, l->n_type, n->n_op,
			    r->n_type);
		/* FALLTHROUGH */
	case TK_MUL_EQ:
	case TK_DIV_EQ:
		dt_ck_arithop(pcb, l, dt_ck_opname(n->n_op));
		dt_ck_arithop(pcb, r, dt_ck_opname(n->n_op));
		break;
	default:
		dt_ck_int(pcb, l, dt_ck_opname(n->n_op));
		dt_ck_int(pcb, r, dt_ck_opname(n->n_op));
		break;
	}
	if (n->n_op == TK_DIV_EQ || n->n_op == TK_MOD_EQ) {
		if (r->n_isconst && r->n_ival == 0)
			dt_cc_error(pcb, n->n_line, D_DIV_ZERO,
			    "expression contains division by zero");
	}
	/* x op= y computes x op y in the usual arithmetic conversions */
	if (dt_type_is_integer(l->n_type) && dt_type_is_integer(r->n_type))
		n->n_optype = n->n_op == TK_LSH_EQ || n->n_op == TK_RSH_EQ ?
		    dt_ck_promote(pcb, l->n_type) :
		    dt_ck_arith(pcb, l->n_type, r->n_type);
}

static void dt_ck_incdec(dt_pcb_t *pcb, dt_node_t *n)
{
	const char *op = dt_ck_opname(n->n_op);

	dt_ck_lvalue(pcb, n->n_a, NULL, n->n_op);
	if (!dt_type_is_integer(n->n_a->n_type) &&
	    dt_type_base(n->n_a->n_type)->dt_kind != DT_TK_PTR)
		dt_cc_error(pcb, n->n_line, D_OP_SCALAR,
		    "operator %s requires operand of scalar type", op);
	n->n_type = n->n_a->n_type;
}

/* ---- calls ---- */

static dt_type_t *dt_ck_rettype(dt_pcb_t *pcb, const char *s)
{
	size_t n = strlen(s);
	if (n > 2 && s[n - 1] == '*') {
		char b[64];
		snprintf(b, sizeof(b), "%.*s", (int)(n - 2), s);
		return dt_type_pointer(pcb->pcb_types, dt_T(pcb, b));
	}
	return dt_T(pcb, s);
}

static void dt_ck_nargs(dt_pcb_t *pcb, dt_node_t *n, const dt_func_t *f)
{
	int na = dt_node_count(n->n_list);
	const char *tag = D_PROTO_LEN, *s = na == 1 ? "" : "s";

	if (f->df_kind == DF_ACT) {
		/* the aggregation actions have tags of their own */
		switch (f->df_code) {
		case DT_ACT_CLEAR: tag = D_CLEAR_PROTO; s = "s"; break;
		case DT_ACT_NORMALIZE:
		case DT_ACT_DENORMALIZE: tag = D_NORMALIZE_PROTO; s = "s"; break;
		case DT_ACT_TRUNC: tag = D_TRUNC_PROTO; s = "s"; break;
		case DT_ACT_PRINTA: tag = D_PRINTA_PROTO; s = "s"; break;
		case DT_ACT_STACK: tag = D_STACK_PROTO; break;
		case DT_ACT_USTACK: tag = D_USTACK_PROTO; break;
		case DT_ACT_TRACEMEM: tag = D_TRACEMEM_ARGS; break;
		default: break;
		}
	}
	if (na < f->df_minargs || (f->df_maxargs >= 0 && na > f->df_maxargs)) {
		if (f->df_minargs == f->df_maxargs)
			dt_cc_error(pcb, n->n_line, tag,
			    "%s( ) prototype mismatch: %d arg%s passed, %d "
			    "expected", f->df_name, na, s, f->df_minargs);
		dt_cc_error(pcb, n->n_line, tag,
		    "%s( ) prototype mismatch: %d arg%s passed, %s %d "
		    "expected", f->df_name, na, s,
		    na < f->df_minargs ? "at least" : "no more than",
		    na < f->df_minargs ? f->df_minargs : f->df_maxargs);
	}
}

/* argument k (1-based) of a subroutine against its prototype */
static void dt_ck_subrarg(dt_pcb_t *pcb, const dt_func_t *f, dt_node_t *a,
			  int k)
{
	const char *p = f->df_proto, *q;
	char want[64], b1[128];
	int i;
	size_t len;

	/* find the k-th parameter in "ret (p1, p2, [p3])" */
	if ((p = strchr(p, '(')) == NULL)
		return;
	p++;
	for (i = 1; i < k && p != NULL; i++) {
		p = strchr(p, ',');
		if (p != NULL)
			p++;
	}
	if (p == NULL)
		return;
	while (*p == ' ' || *p == '[')
		p++;
	for (q = p; *q && *q != ',' && *q != ')' && *q != ']'; q++)
		;
	len = (size_t)(q - p);
	snprintf(want, sizeof(want), "%.*s", (int)len, p);
	if (strstr(want, "char *") != NULL || strcmp(want, "string") == 0) {
		dt_type_t *b = dt_type_base(a->n_type);
		if (dt_type_is_string(a->n_type) || ((b->dt_kind == DT_TK_PTR ||
		    b->dt_kind == DT_TK_ARRAY) &&
		    dt_type_base(b->dt_ref)->dt_kind == DT_TK_INT &&
		    dt_type_base(b->dt_ref)->dt_size == 1))
			return;
	} else if (strchr(want, '*') != NULL) {
		if (dt_type_is_scalar(a->n_type) ||
		    dt_type_is_string(a->n_type))
			return;
	} else if (strcmp(want, "...") == 0 || want[0] == '@') {
		return;
	} else {
		if (dt_type_is_integer(a->n_type) ||
		    (dt_type_is_pointer(a->n_type) &&
		    (strcmp(want, "uintptr_t") == 0 ||
		    strcmp(want, "int64_t") == 0)))
			return;
	}
	dt_cc_error(pcb, a->n_line, D_PROTO_ARG,
	    "%s( ) argument #%d is incompatible with prototype:\n"
	    "\tprototype: %s\n\t argument: %s", f->df_name, k, want,
	    TN(a->n_type, b1));
}

static void dt_ck_call(dt_pcb_t *pcb, dt_node_t *n, int stmt)
{
	const dt_func_t *f = dt_func_lookup(n->n_sval);
	dt_node_t *a;
	int k = 1;

	if (f == NULL) {
		if (dt_builtin_lookup(n->n_sval) != NULL ||
		    dt_id_lookup(&pcb->pcb_ids->is_globals, n->n_sval) != NULL)
			dt_cc_error(pcb, n->n_line, D_FUNC_IDKIND,
			    "scalar '%s' may not be referenced as a function",
			    n->n_sval);
		dt_cc_error(pcb, n->n_line, D_FUNC_UNDEF,
		    "undefined function name: %s", n->n_sval);
	}
	n->n_func = f;
	if (f->df_kind == DF_AGG)
		dt_cc_error(pcb, n->n_line, D_AGG_FUNC,
		    "%s( ) may only be used as the value of an aggregation "
		    "assignment", f->df_name);
	if (f->df_kind == DF_ACT && !stmt && f->df_code != DT_ACT_STACK &&
	    f->df_code != DT_ACT_USTACK)
		dt_cc_error(pcb, n->n_line, D_CG_EXPR,
		    "%s( ) may not be called from a D expression (D program "
		    "context required)", f->df_name);
	dt_ck_nargs(pcb, n, f);
	if (f->df_kind == DF_ACT && !stmt) {
		/* stack()/ustack() as a value: printf("%k"), keys, trace */
		for (a = n->n_list; a != NULL; a = a->n_next) {
			dt_check_expr(pcb, a);
			if (!a->n_isconst || !dt_type_is_integer(a->n_type) ||
			    a->n_ival < (a == n->n_list ? 1 : 0) ||
			    a->n_ival > 1024)
				dt_cc_error(pcb, a->n_line, f->df_code ==
				    DT_ACT_STACK ? D_STACK_SIZE :
				    D_USTACK_FRAMES, "%s( ) size must be a "
				    "non-zero positive integral constant "
				    "expression", f->df_name);
		}
		n->n_type = dt_T(pcb, "uint64_t");
		n->n_fmt = f->df_code == DT_ACT_STACK ? DT_FMT_STACK :
		    DT_FMT_USTACK;
		return;
	}
	if (f->df_kind == DF_ACT)
		return; /* checked by dt_ck_action */
	for (a = n->n_list; a != NULL; a = a->n_next, k++) {
		dt_check_expr(pcb, a);
		dt_ck_noagg(pcb, a);
		if (f->df_kind == DF_SUBR)
			dt_ck_subrarg(pcb, f, a, k);
		else if (!dt_type_is_scalar(a->n_type))
			dt_ck_subrarg(pcb, f, a, k);
	}
	if (f->df_kind == DF_FMT) {
		n->n_type = dt_T(pcb, "uintptr_t");
		n->n_fmt = f->df_code;
		return;
	}
	n->n_type = dt_ck_rettype(pcb, f->df_ret);
	if (n->n_type == NULL)
		n->n_type = dt_type_builtin_void(pcb->pcb_types);
}

static void dt_ck_node(dt_pcb_t *pcb, dt_node_t *n)
{
	char b1[128];

	switch (n->n_kind) {
	case DN_INT:
	case DN_STR:
		return;
	case DN_IDENT:
		dt_ck_ident(pcb, n);
		return;
	case DN_AGG:
		dt_ck_noagg(pcb, n);
		return;
	case DN_SELFVAR:
	case DN_THISVAR:
		dt_ck_dynvar_read(pcb, n);
		return;
	case DN_UNARY:
		dt_ck_unary(pcb, n);
		return;
	case DN_BINARY:
		dt_ck_binary(pcb, n);
		return;
	case DN_LOGICAL:
		dt_ck_logical(pcb, n);
		return;
	case DN_ASSIGN:
		if (dt_ck_isagg(n->n_a))
			dt_cc_error(pcb, n->n_line, D_AGG_NULL,
			    "expression has null effect: aggregation "
			    "assignment may only be used as a statement");
		dt_ck_assign(pcb, n);
		return;
	case DN_INCDEC:
		dt_ck_incdec(pcb, n);
		return;
	case DN_TERNARY:
		dt_ck_ternary(pcb, n);
		return;
	case DN_COMMA:
		if (dt_ck_isagg(n->n_a) || dt_ck_isagg(n->n_b))
			dt_cc_error(pcb, n->n_line, D_OP_DYN,
			    "operator , operands cannot be of dynamic type");
		dt_check_expr(pcb, n->n_a);
		dt_check_expr(pcb, n->n_b);
		n->n_type = n->n_b->n_type;
		if (n->n_b->n_isconst) {
			n->n_isconst = n->n_a->n_isconst;
			n->n_ival = n->n_b->n_ival;
		}
		return;
	case DN_CALL:
		dt_ck_call(pcb, n, 0);
		return;
	case DN_INDEX:
		dt_ck_index(pcb, n);
		return;
	case DN_MEMBER:
		dt_ck_member(pcb, n);
		return;
	case DN_CAST:
		dt_ck_cast(pcb, n);
		return;
	case DN_SIZEOF_T:
	case DN_SIZEOF_E: {
		dt_type_t *t;
		if (n->n_kind == DN_SIZEOF_T) {
			t = dt_decl_typename(pcb, n->n_tn, NULL);
		} else {
			dt_check_expr(pcb, n->n_a);
			t = n->n_a->n_type;
			if (n->n_a->n_kind == DN_MEMBER &&
			    n->n_a->n_member != NULL &&
			    n->n_a->n_member->dm_bits != 0)
				dt_cc_error(pcb, n->n_line, D_SIZEOF_BITFIELD,
				    "cannot apply sizeof to a bit-field member");
		}
		if (dt_type_is_void(t) || dt_type_base(t)->dt_kind == DT_TK_FUNC ||
		    (dt_type_is_sou(t) && !dt_type_complete(pcb->pcb_types, t)))
			dt_cc_error(pcb, n->n_line, D_SIZEOF_TYPE,
			    "cannot apply sizeof to an operand of unknown size");
		n->n_type = dt_T(pcb, "size_t");
		n->n_isconst = 1;
		n->n_ival = dt_type_base(t)->dt_size;
		return;
	}
	case DN_OFFSETOF: {
		dt_type_t *t = dt_decl_typename(pcb, n->n_tn, NULL);
		const dt_member_t *m;
		if (!dt_type_is_sou(t))
			dt_cc_error(pcb, n->n_line, D_OFFSETOF_TYPE,
			    "offsetof operand must be a struct or union type");
		dt_type_complete(pcb->pcb_types, t);
		if ((m = dt_type_member(dt_type_base(t), n->n_sval)) == NULL)
			dt_cc_error(pcb, n->n_line, D_TYPE_MEMBER,
			    "%s is not a member of %s", n->n_sval, TN(t, b1));
		if (m->dm_bits != 0)
			dt_cc_error(pcb, n->n_line, D_OFFSETOF_BITFIELD,
			    "cannot take offset of a bit-field: %s", n->n_sval);
		n->n_type = dt_T(pcb, "size_t");
		n->n_isconst = 1;
		n->n_ival = m->dm_offset;
		return;
	}
	case DN_SYM:
		dt_ck_sym(pcb, n);
		return;
	case DN_STRINGOF: {
		dt_type_t *t;
		dt_check_expr(pcb, n->n_a);
		t = n->n_a->n_type;
		if (!dt_type_is_scalar(t) && !dt_type_is_string(t))
			dt_cc_error(pcb, n->n_line, D_STRINGOF_TYPE,
			    "cannot apply stringof to a value of type %s",
			    TN(t, b1));
		n->n_type = dt_type_builtin_string(pcb->pcb_types);
		return;
	}
	case DN_XLATE: {
		/* checked here; only its members can be used (see cg) */
		dt_type_t *to = dt_decl_typename(pcb, n->n_tn, NULL), *st = to;
		dt_check_expr(pcb, n->n_a);
		if (dt_type_base(to)->dt_kind == DT_TK_PTR)
			st = dt_type_base(to)->dt_ref;
		if (dt_ck_xlator(pcb, st, n->n_a->n_type) == NULL) {
			char b2[128];
			dt_cc_error(pcb, n->n_line, D_XLATE_NONE,
			    "cannot translate from \"%s\" to \"%s\"",
			    TN(n->n_a->n_type, b1), TN(st, b2));
		}
		n->n_type = to;
		if (st == to)
			dt_ck_xlate_whole(pcb, n, st);
		return;
	}
	default:
		dt_cc_error(pcb, n->n_line, D_SYNTAX, "invalid expression");
	}
}

/* ---- statements, actions, aggregations ---- */

typedef struct dt_ckclause {
	int cc_spec; /* speculate() seen */
	int cc_commit; /* commit() seen */
	int cc_drec; /* a data-recording action seen */
	int cc_agg; /* an aggregation seen */
	int cc_exit;
} dt_ckclause_t;

static const char *dt_ck_aggfname(unsigned f)
{
	static const char *const names[] = { "?", "count", "sum", "avg",
		"min", "max", "stddev", "quantize", "lquantize", "llquantize" };
	return f < sizeof(names) / sizeof(names[0]) ? names[f] : "?";
}

/* an integer constant parameter of lquantize/llquantize */
static int64_t dt_ck_aggconst(dt_pcb_t *pcb, dt_node_t *a, const char *tag,
			      const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int64_t dt_ck_aggconst(dt_pcb_t *pcb, dt_node_t *a, const char *tag,
			      const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	dt_check_expr(pcb, a);
	if (!a->n_isconst || !dt_type_is_integer(a->n_type)) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		dt_cc_error(pcb, a->n_line, tag, "%s", msg);
	}
	return a->n_ival;
}

/*
 * The parameters of lquantize(x, base, limit[, step]) and
 * llquantize(x, factor, low, high, nsteps); DTrace numbers them from the
 * first parameter after the value.
 */
static void dt_ck_aggparams(dt_pcb_t *pcb, dt_node_t *call, unsigned fn,
			    dt_aggparams_t *p)
{
	dt_node_t *a = call->n_list;

	memset(p, 0, sizeof(*p));
	if (fn == DT_AGG_LQUANTIZE) {
		dt_node_t *b = a->n_next, *l = b->n_next, *s = l->n_next;
		p->ap_base = dt_ck_aggconst(pcb, b, D_LQUANT_BASETYPE,
		    "lquantize( ) argument #1 must be an integer constant");
		p->ap_limit = dt_ck_aggconst(pcb, l, D_LQUANT_LIMTYPE,
		    "lquantize( ) argument #2 must be an integer constant");
		if (p->ap_base < INT32_MIN || p->ap_base > INT32_MAX)
			dt_cc_error(pcb, b->n_line, D_LQUANT_BASEVAL,
			    "lquantize( ) argument #1 must be a 32-bit "
			    "quantity");
		if (p->ap_limit < INT32_MIN || p->ap_limit > INT32_MAX)
			dt_cc_error(pcb, l->n_line, D_LQUANT_LIMVAL,
			    "lquantize( ) argument #2 must be a 32-bit "
			    "quantity");
		p->ap_step = 1;
		if (s != NULL) {
			p->ap_step = dt_ck_aggconst(pcb, s, D_LQUANT_STEPTYPE,
			    "lquantize( ) argument #3 must be a non-zero "
			    "positive integer constant");
			if (p->ap_step <= 0)
				dt_cc_error(pcb, s->n_line, D_LQUANT_STEPTYPE,
				    "lquantize( ) argument #3 must be a "
				    "non-zero positive integer constant");
			if (p->ap_step > UINT16_MAX)
				dt_cc_error(pcb, s->n_line, D_LQUANT_STEPVAL,
				    "lquantize( ) argument #3 must be a 16-bit "
				    "quantity");
		}
		if (p->ap_limit <= p->ap_base)
			dt_cc_error(pcb, l->n_line, D_LQUANT_MISMATCH,
			    "lquantize( ) base (argument #1) must be less "
			    "than limit (argument #2)");
		if ((p->ap_limit - p->ap_base) / p->ap_step == 0)
			dt_cc_error(pcb, call->n_line, D_LQUANT_STEPLARGE,
			    "lquantize( ) step (argument #3) too large: must "
			    "have at least one quantization level");
		if ((p->ap_limit - p->ap_base) / p->ap_step > UINT16_MAX)
			dt_cc_error(pcb, call->n_line, D_LQUANT_STEPSMALL,
			    "lquantize( ) step (argument #3) too small: "
			    "number of quantization levels must be a 16-bit "
			    "quantity");
	} else if (fn == DT_AGG_LLQUANTIZE) {
		dt_node_t *f = a->n_next, *lo = f->n_next, *hi = lo->n_next;
		dt_node_t *ns = hi->n_next;
		int64_t pw;
		int i;

		p->ap_factor = dt_ck_aggconst(pcb, f, D_LLQUANT_FACTORTYPE,
		    "llquantize( ) argument #1 (factor) must be an integer "
		    "constant");
		if (p->ap_factor < 2)
			dt_cc_error(pcb, f->n_line, D_LLQUANT_FACTORSMALL,
			    "llquantize( ) factor (argument #1) must be two or "
			    "more");
		if (p->ap_factor > UINT16_MAX)
			dt_cc_error(pcb, f->n_line, D_LLQUANT_FACTORVAL,
			    "llquantize( ) factor (argument #1) must be an "
			    "unsigned 16-bit quantity");
		p->ap_low = dt_ck_aggconst(pcb, lo, D_LLQUANT_LOWTYPE,
		    "llquantize( ) argument #2 (low magnitude) must be an "
		    "integer constant");
		if (p->ap_low < 0 || p->ap_low > UINT16_MAX)
			dt_cc_error(pcb, lo->n_line, D_LLQUANT_LOWVAL,
			    "llquantize( ) low magnitude (argument #2) must be "
			    "an unsigned 16-bit quantity");
		p->ap_high = dt_ck_aggconst(pcb, hi, D_LLQUANT_HIGHTYPE,
		    "llquantize( ) argument #3 (high magnitude) must be an "
		    "integer constant");
		if (p->ap_high < 0 || p->ap_high > UINT16_MAX)
			dt_cc_error(pcb, hi->n_line, D_LLQUANT_HIGHVAL,
			    "llquantize( ) high magnitude (argument #3) must be "
			    "an unsigned 16-bit quantity");
		p->ap_nsteps = dt_ck_aggconst(pcb, ns, D_LLQUANT_NSTEPTYPE,
		    "llquantize( ) argument #4 (linear steps per magnitude) "
		    "must be an integer constant");
		if (p->ap_nsteps < 1 || p->ap_nsteps > UINT16_MAX)
			dt_cc_error(pcb, ns->n_line, D_LLQUANT_NSTEPVAL,
			    "llquantize( ) linear steps per magnitude (argument "
			    "#4) must be an unsigned 16-bit quantity");
		if (p->ap_high <= p->ap_low)
			dt_cc_error(pcb, hi->n_line, D_LLQUANT_MAGRANGE,
			    "llquantize( ) high magnitude (argument #3) must be "
			    "greater than low magnitude (argument #2)");
		if (p->ap_factor > p->ap_nsteps)
			dt_cc_error(pcb, ns->n_line, D_LLQUANT_FACTORNSTEPS,
			    "llquantize( ) factor (argument #1) must be less "
			    "than or equal to the number of linear steps per "
			    "magnitude (argument #4)");
		{
			/* nsteps must divide a power of the factor, and the
			 * factor must divide nsteps */
			int64_t q = p->ap_factor;
			int ok = p->ap_nsteps % p->ap_factor == 0;
			while (ok && q < p->ap_nsteps && q <= INT64_MAX /
			    p->ap_factor)
				q *= p->ap_factor;
			if (!ok || q % p->ap_nsteps != 0)
				dt_cc_error(pcb, ns->n_line,
				    D_LLQUANT_FACTOREVEN,
				    "llquantize( ) factor (argument #1) must "
				    "evenly divide the number of steps per "
				    "magnitude (argument #4), and the number of "
				    "steps per magnitude must evenly divide a "
				    "power of the factor");
		}
		for (pw = 1, i = 0; i <= p->ap_high; i++) {
			if (pw > INT64_MAX / p->ap_factor)
				dt_cc_error(pcb, hi->n_line,
				    D_LLQUANT_MAGTOOBIG,
				    "llquantize( ) factor (%lld) raised to "
				    "power of high magnitude (%lld) plus 1 "
				    "overflows 64-bits", (long long)p->ap_factor,
				    (long long)p->ap_high);
			pw *= p->ap_factor;
		}
	}
}

static void dt_ck_aggstmt(dt_pcb_t *pcb, dt_node_t *n, dt_ckclause_t *cc)
{
	dt_node_t *l = n->n_a, *r = n->n_b, *agg, *a, *k;
	const dt_func_t *f;
	dt_ident_t *id;
	dt_aggparams_t p;
	const char *name;
	uint32_t nk, i;
	int argno;
	char b1[128], b2[128];

	agg = l->n_kind == DN_AGG ? l : l->n_a;
	name = agg->n_sval;
	if (n->n_op != '=' || r->n_kind != DN_CALL ||
	    (f = dt_func_lookup(r->n_sval)) == NULL || f->df_kind != DF_AGG)
		dt_cc_error(pcb, n->n_line, D_AGG_FUNC,
		    "@%s must be assigned the result of an aggregating "
		    "function", name);
	if (cc->cc_spec)
		dt_cc_error(pcb, n->n_line, D_AGG_SPEC,
		    "aggregating actions may not follow speculate( )");
	if (cc->cc_commit)
		dt_cc_error(pcb, n->n_line, D_AGG_COMM,
		    "aggregating actions may not follow commit( )");
	r->n_func = f;
	dt_ck_nargs(pcb, r, f);
	/* the value (and the optional increment) */
	argno = 1;
	for (a = r->n_list; a != NULL; a = a->n_next, argno++) {
		int isval = argno == 1;
		int isincr = (f->df_code == DT_AGG_QUANTIZE && argno == 2) ||
		    (f->df_code == DT_AGG_LQUANTIZE && argno == 5) ||
		    (f->df_code == DT_AGG_LLQUANTIZE && argno == 6);
		if (!isval && !isincr)
			continue;
		dt_check_expr(pcb, a);
		dt_ck_noagg(pcb, a);
		if (!dt_type_is_scalar(a->n_type))
			dt_cc_error(pcb, a->n_line, D_AGG_SCALAR,
			    "%s( ) argument #%d must be of scalar type",
			    f->df_name, argno);
	}
	dt_ck_aggparams(pcb, r, (unsigned)f->df_code, &p);
	nk = l->n_kind == DN_INDEX ? (uint32_t)dt_node_count(l->n_list) : 0;
	if (nk > DIF_TUPLE_MAX)
		dt_cc_error(pcb, n->n_line, D_ARR_BADREF,
		    "too many keys for @%s", name);
	for (k = l->n_kind == DN_INDEX ? l->n_list : NULL; k; k = k->n_next) {
		if (k->n_kind == DN_CALL && (f = dt_func_lookup(k->n_sval)) &&
		    f->df_kind == DF_ACT && (f->df_code == DT_ACT_STACK ||
		    f->df_code == DT_ACT_USTACK)) {
			dt_ck_call(pcb, k, 0);
			k->n_type = dt_T(pcb, "uint64_t");
			k->n_fmt = f->df_code == DT_ACT_STACK ? DT_FMT_STACK :
			    DT_FMT_USTACK;
			continue;
		}
		dt_check_expr(pcb, k);
		dt_ck_noagg(pcb, k);
		if (dt_type_is_void(k->n_type))
			dt_cc_error(pcb, k->n_line, D_KEY_TYPE,
			    "@%s[ ] key #%d is of void type", name,
			    dt_node_count(l->n_list) - dt_node_count(k) + 1);
	}
	f = r->n_func;
	if ((id = dt_id_lookup(&pcb->pcb_ids->is_aggs, name)) == NULL) {
		dt_idstate_t *is = pcb->pcb_ids;
		id = dt_id_insert(pcb, &is->is_aggs, name, DI_AGG);
		id->di_id = ++is->is_naggs;
		id->di_aggfunc = (unsigned)f->df_code;
		id->di_params = p;
		id->di_line = n->n_line;
		id->di_nkeys = nk;
		id->di_keys = dt_arena_alloc(pcb->pcb_arena,
		    sizeof(dt_type_t *) * (nk + 1));
		for (k = nk ? l->n_list : NULL, i = 0; k; k = k->n_next, i++)
			id->di_keys[i] = k->n_type;
		id->di_aggsigned = 1;
		if (f->df_code != DT_AGG_COUNT && r->n_list != NULL &&
		    !dt_type_is_signed(r->n_list->n_type) &&
		    f->df_code != DT_AGG_QUANTIZE &&
		    f->df_code != DT_AGG_LQUANTIZE &&
		    f->df_code != DT_AGG_LLQUANTIZE)
			id->di_aggsigned = 0;
		if (is->is_aggltail != NULL)
			is->is_aggltail->di_lnext = id;
		else
			is->is_aggl = id;
		is->is_aggltail = id;
		/* ident type for messages and printa checks */
		id->di_type = dt_T(pcb, "int64_t");
		(void)b1; (void)b2;
	} else {
		if (id->di_aggfunc != (unsigned)f->df_code)
			dt_cc_error(pcb, n->n_line, D_AGG_REDEF,
			    "aggregation redefined: @%s\n\t current: @%s = "
			    "%s( )\n\tprevious: @%s = %s( ) : line %d",
			    name, name, f->df_name, name,
			    dt_ck_aggfname(id->di_aggfunc), id->di_line);
		if (f->df_code == DT_AGG_LQUANTIZE) {
			if (p.ap_base != id->di_params.ap_base)
				dt_cc_error(pcb, n->n_line, D_LQUANT_MATCHBASE,
				    "lquantize( ) base (argument #2) doesn't "
				    "match previous declaration: expected %lld",
				    (long long)id->di_params.ap_base);
			if (p.ap_limit != id->di_params.ap_limit)
				dt_cc_error(pcb, n->n_line, D_LQUANT_MATCHLIM,
				    "lquantize( ) limit (argument #3) doesn't "
				    "match previous declaration: expected %lld",
				    (long long)id->di_params.ap_limit);
			if (p.ap_step != id->di_params.ap_step)
				dt_cc_error(pcb, n->n_line, D_LQUANT_MATCHSTEP,
				    "lquantize( ) step (argument #4) doesn't "
				    "match previous declaration: expected %lld",
				    (long long)id->di_params.ap_step);
		}
		if (f->df_code == DT_AGG_LLQUANTIZE) {
			if (p.ap_factor != id->di_params.ap_factor)
				dt_cc_error(pcb, n->n_line,
				    D_LLQUANT_FACTORMATCH,
				    "llquantize( ) argument #2 (factor) "
				    "doesn't match previous declaration: "
				    "expected %lld",
				    (long long)id->di_params.ap_factor);
			if (p.ap_low != id->di_params.ap_low)
				dt_cc_error(pcb, n->n_line, D_LLQUANT_LOWMATCH,
				    "llquantize( ) argument #3 (low magnitude) "
				    "doesn't match previous declaration: "
				    "expected %lld",
				    (long long)id->di_params.ap_low);
			if (p.ap_high != id->di_params.ap_high)
				dt_cc_error(pcb, n->n_line,
				    D_LLQUANT_HIGHMATCH,
				    "llquantize( ) argument #4 (high "
				    "magnitude) doesn't match previous "
				    "declaration: expected %lld",
				    (long long)id->di_params.ap_high);
			if (p.ap_nsteps != id->di_params.ap_nsteps)
				dt_cc_error(pcb, n->n_line,
				    D_LLQUANT_NSTEPMATCH,
				    "llquantize( ) argument #5 (number of "
				    "steps) doesn't match previous "
				    "declaration: expected %lld",
				    (long long)id->di_params.ap_nsteps);
		}
		if (nk != id->di_nkeys)
			dt_cc_error(pcb, n->n_line, D_AGG_MDIM,
			    "@%s[ ] prototype mismatch: %u key%s given, %u "
			    "expected", name, nk, nk == 1 ? "" : "s",
			    id->di_nkeys);
		for (k = nk ? l->n_list : NULL, i = 0; k; k = k->n_next, i++) {
			dt_type_t *o = id->di_keys[i];
			int ok = (dt_type_is_integer(o) &&
			    dt_type_is_integer(k->n_type)) ||
			    (dt_type_is_string(o) &&
			    dt_type_is_string(k->n_type)) ||
			    dt_type_compat(o, k->n_type);
			if (!ok)
				dt_cc_error(pcb, k->n_line, D_PROTO_ARG,
				    "@%s[ ] argument #%u is incompatible with "
				    "prototype:\n\tprototype: %s\n\t "
				    "argument: %s", name, i + 1,
				    TN(o, b1), TN(k->n_type, b2));
		}
	}
	agg->n_ident = id;
	l->n_ident = id;
	cc->cc_agg = 1;
}

/* the single aggregation argument of printa/clear/trunc/normalize */
static dt_ident_t *dt_ck_aggarg(dt_pcb_t *pcb, dt_node_t *a, const char *fn,
				int argno, const char *argtag,
				const char *badtag)
{
	dt_ident_t *id;
	char b1[128];

	if (a->n_kind != DN_AGG) {
		dt_check_expr(pcb, a);
		dt_cc_error(pcb, a->n_line, argtag,
		    "%s( ) argument #%d is incompatible with prototype:\n"
		    "\tprototype: aggregation\n\t argument: %s", fn, argno,
		    TN(a->n_type, b1));
	}
	if ((id = dt_id_lookup(&pcb->pcb_ids->is_aggs, a->n_sval)) == NULL)
		dt_cc_error(pcb, a->n_line, D_IDENT_UNDEF,
		    "failed to resolve @%s: Unknown variable name", a->n_sval);
	(void)badtag;
	a->n_ident = id;
	a->n_type = id->di_type;
	return id;
}

static void dt_ck_printf(dt_pcb_t *pcb, dt_node_t *n, const char *fn,
			 int isprinta)
{
	dt_node_t *fmt = n->n_list, *a;
	dt_pffmt_t *pf;
	char err[256], b1[128], ct[64];
	uint32_t argi = 0;

	dt_check_expr(pcb, fmt);
	if (fmt->n_kind != DN_STR)
		dt_cc_error(pcb, fmt->n_line, D_PRINTF_ARG_FMT,
		    "%s( ) argument #1 is incompatible with prototype:\n"
		    "\tprototype: string constant\n\t argument: %s", fn,
		    TN(fmt->n_type, b1));
	if (fmt->n_sval[0] == '\0' && !isprinta)
		dt_cc_error(pcb, fmt->n_line, D_PRINTF_FMT_EMPTY,
		    "%s( ) format string is empty", fn);
	if ((pf = dt_pf_parse(fmt->n_sval, err, sizeof(err))) == NULL)
		dt_cc_error(pcb, fmt->n_line, D_PRINTF_ARG_FMT, "%s( ) %s", fn,
		    err);
	pcb->pcb_pf = pf;
	if (!isprinta && pf->pf_naggs > 0) {
		dt_cc_error(pcb, fmt->n_line, D_PRINTF_AGG_CONV,
		    "%%@ conversion requires an aggregation and is not for "
		    "use with %s( )", fn);
	}
	for (a = fmt->n_next; a != NULL; a = a->n_next, argi++) {
		int star = 0, ok = 1;
		uint32_t cno = 0;
		const dt_pfconv_t *pc;
		dt_type_t *t, *bt;

		if (isprinta) {
			dt_ck_aggarg(pcb, a, fn, (int)argi + 2, D_PRINTA_AGGARG,
			    D_PRINTA_AGGBAD);
			continue;
		}
		dt_check_expr(pcb, a);
		dt_ck_noagg(pcb, a);
		t = a->n_type;
		bt = dt_type_base(t);
		pc = dt_pf_arg(pf, argi, &star, &cno);
		if (pc == NULL) {
			dt_cc_error(pcb, a->n_line, D_PRINTF_ARG_EXTRA,
			    "%s( ) prototype mismatch: only %u arguments "
			    "required by this format string", fn, argi);
		}
		if (star) {
			if (!dt_type_is_integer(t)) {
				dt_cc_error(pcb, a->n_line, D_PRINTF_DYN_TYPE,
				    "%s( ) argument #%u is incompatible with "
				    "conversion #%u prototype:\n\tconversion: "
				    "%% *\n\t prototype: int\n\t  argument: %s",
				    fn, argi + 2, cno, TN(t, b1));
			}
			continue;
		}
		switch (pc->pc_kind) {
		case DT_PFK_SINT:
		case DT_PFK_UINT:
		case DT_PFK_CHAR:
		case DT_PFK_TIME:
			ok = dt_type_is_integer(t) ||
			    (pc->pc_kind != DT_PFK_CHAR &&
			    bt->dt_kind == DT_TK_PTR && pc->pc_kind != DT_PFK_TIME);
			break;
		case DT_PFK_FLOAT:
			ok = dt_type_is_arith(t);
			break;
		case DT_PFK_STRING:
		case DT_PFK_ESTRING:
			ok = dt_type_is_string(t) || ((bt->dt_kind == DT_TK_ARRAY ||
			    bt->dt_kind == DT_TK_PTR) &&
			    dt_type_base(bt->dt_ref)->dt_kind == DT_TK_INT &&
			    dt_type_base(bt->dt_ref)->dt_size == 1 &&
			    bt->dt_kind == DT_TK_ARRAY);
			break;
		case DT_PFK_POINTER:
		case DT_PFK_KSYM:
		case DT_PFK_USYM:
			ok = dt_type_is_scalar(t);
			break;
		case DT_PFK_STACK:
			ok = a->n_fmt == DT_FMT_STACK ||
			    a->n_fmt == DT_FMT_USTACK;
			break;
		default:
			ok = 1;
		}
		if (!ok) {
			const char *proto = pc->pc_proto ? pc->pc_proto : "?";
			/* DTrace names the conversion without its flags */
			snprintf(ct, sizeof(ct), "%s%c", pc->pc_length,
			    pc->pc_conv);
			snprintf(err, sizeof(err), "%s", proto);
			dt_cc_error(pcb, a->n_line, D_PRINTF_ARG_TYPE,
			    "%s( ) argument #%u is incompatible with "
			    "conversion #%u prototype:\n\tconversion: %%%s\n"
			    "\t prototype: %s\n\t  argument: %s", fn, argi + 2,
			    cno, ct, err, TN(t, b1));
		}
	}
	if (!isprinta && argi < pf->pf_nargs) {
		int star = 0;
		uint32_t cno = 0;
		const dt_pfconv_t *pc = dt_pf_arg(pf, argi, &star, &cno);
		if (pc != NULL) {
			snprintf(ct, sizeof(ct), "%s%c", pc->pc_length,
			    pc->pc_conv);
			if (star)
				dt_cc_error(pcb, n->n_line, D_PRINTF_DYN_PROTO,
				    "%s( ) prototype mismatch: conversion #%u "
				    "(%%%s) is missing a corresponding \"*\" "
				    "argument", fn, cno, ct);
			dt_cc_error(pcb, n->n_line, D_PRINTF_ARG_PROTO,
			    "%s( ) prototype mismatch: conversion #%u (%%%s) "
			    "is missing a corresponding value argument", fn,
			    cno, ct);
		}
	}
	pcb->pcb_pf = NULL;
	dt_pf_free(pf);
}

static void dt_ck_drec(dt_pcb_t *pcb, dt_node_t *n, dt_ckclause_t *cc)
{
	if (cc->cc_commit)
		dt_cc_error(pcb, n->n_line, D_DREC_COMM,
		    "data-recording actions may not follow commit( )");
	cc->cc_drec = 1;
}

static void dt_ck_action(dt_pcb_t *pcb, dt_node_t *n, dt_ckclause_t *cc)
{
	const dt_func_t *f = n->n_func;
	dt_node_t *a = n->n_list;
	char b1[128];

	switch (f->df_kind == DF_FMT ? DT_ACT_TRACE : f->df_code) {
	case DT_ACT_TRACE:
	case DT_ACT_PRINT:
		if (f->df_kind == DF_FMT) {
			dt_ck_call(pcb, n, 0);
			dt_ck_drec(pcb, n, cc);
			return;
		}
		if (dt_ck_isagg(a))
			dt_cc_error(pcb, a->n_line,
			    f->df_code == DT_ACT_PRINT ? D_PRINT_DYN :
			    D_TRACE_DYN, "%s( ) may not be applied to a dynamic "
			    "expression", f->df_name);
		if (a->n_kind == DN_CALL && dt_func_lookup(a->n_sval) != NULL &&
		    dt_func_lookup(a->n_sval)->df_kind == DF_ACT &&
		    (dt_func_lookup(a->n_sval)->df_code == DT_ACT_STACK ||
		    dt_func_lookup(a->n_sval)->df_code == DT_ACT_USTACK)) {
			dt_ck_call(pcb, a, 0);
			a->n_type = dt_T(pcb, "uint64_t");
			a->n_fmt = dt_func_lookup(a->n_sval)->df_code ==
			    DT_ACT_STACK ? DT_FMT_STACK : DT_FMT_USTACK;
		} else {
			dt_check_expr(pcb, a);
		}
		if (dt_type_is_void(a->n_type))
			dt_cc_error(pcb, a->n_line,
			    f->df_code == DT_ACT_PRINT ? D_PRINT_VOID :
			    D_TRACE_VOID, "%s( ) may not be applied to a void "
			    "expression", f->df_name);
		dt_ck_drec(pcb, n, cc);
		return;
	case DT_ACT_PRINTF:
	case DT_ACT_SYSTEM:
	case DT_ACT_FREOPEN:
		dt_ck_printf(pcb, n, f->df_name, 0);
		dt_ck_drec(pcb, n, cc);
		return;
	case DT_ACT_PRINTA:
		if (a->n_kind != DN_STR) {
			/* printa(@a [, @b ...]) */
			dt_node_t *x;
			int k = 1;
			for (x = a; x != NULL; x = x->n_next, k++)
				dt_ck_aggarg(pcb, x, "printa", k,
				    D_PRINTA_AGGARG, D_PRINTA_AGGBAD);
		} else {
			if (a->n_next == NULL)
				dt_cc_error(pcb, n->n_line, D_PRINTA_PROTO,
				    "printa( ) prototype mismatch: 1 args "
				    "passed, 2 expected");
			dt_ck_printf(pcb, n, "printa", 1);
		}
		dt_ck_drec(pcb, n, cc);
		return;
	case DT_ACT_EXIT:
		dt_check_expr(pcb, a);
		if (!dt_type_is_integer(a->n_type))
			dt_cc_error(pcb, a->n_line, D_PROTO_ARG,
			    "exit( ) argument #1 is incompatible with "
			    "prototype:\n\tprototype: int\n\t argument: %s",
			    TN(a->n_type, b1));
		if (cc->cc_spec)
			dt_cc_error(pcb, n->n_line, D_EXIT_SPEC,
			    "exit( ) may not follow speculate( )");
		return; /* exit( ) may follow commit( ) */
	case DT_ACT_CLEAR:
	case DT_ACT_DENORMALIZE:
		dt_ck_aggarg(pcb, a, f->df_name, 1, D_CLEAR_AGGARG,
		    D_CLEAR_AGGBAD);
		dt_ck_drec(pcb, n, cc);
		return;
	case DT_ACT_TRUNC:
		dt_ck_aggarg(pcb, a, "trunc", 1, D_TRUNC_AGGARG, D_TRUNC_AGGBAD);
		if (a->n_next != NULL) {
			dt_check_expr(pcb, a->n_next);
			if (!dt_type_is_integer(a->n_next->n_type))
				dt_cc_error(pcb, a->n_next->n_line,
				    D_TRUNC_SCALAR, "trunc( ) argument #2 must "
				    "be of scalar type");
		}
		dt_ck_drec(pcb, n, cc);
		return;
	case DT_ACT_NORMALIZE:
		dt_ck_aggarg(pcb, a, "normalize", 1, D_NORMALIZE_AGGARG,
		    D_NORMALIZE_AGGBAD);
		dt_check_expr(pcb, a->n_next);
		if (!dt_type_is_integer(a->n_next->n_type))
			dt_cc_error(pcb, a->n_next->n_line, D_NORMALIZE_SCALAR,
			    "normalize( ) argument #2 must be of scalar type");
		dt_ck_drec(pcb, n, cc);
		return;
	case DT_ACT_SETOPT:
		for (; a != NULL; a = a->n_next) {
			dt_check_expr(pcb, a);
			if (a->n_kind != DN_STR)
				dt_cc_error(pcb, a->n_line, D_PROTO_ARG,
				    "setopt( ) argument #%d is incompatible "
				    "with prototype:\n\tprototype: string "
				    "constant\n\t argument: %s",
				    a == n->n_list ? 1 : 2, TN(a->n_type, b1));
		}
		dt_ck_drec(pcb, n, cc);
		return;
	case DT_ACT_TRACEMEM:
		dt_check_expr(pcb, a);
		if (!dt_type_is_scalar(a->n_type))
			dt_cc_error(pcb, a->n_line, D_TRACEMEM_ADDR,
			    "tracemem( ) argument #1 is incompatible with "
			    "prototype:\n\tprototype: pointer or integer\n\t "
			    "argument: %s", TN(a->n_type, b1));
		dt_check_expr(pcb, a->n_next);
		if (!a->n_next->n_isconst ||
		    !dt_type_is_integer(a->n_next->n_type) ||
		    a->n_next->n_ival <= 0 || a->n_next->n_ival > 65536)
			dt_cc_error(pcb, a->n_next->n_line, D_TRACEMEM_SIZE,
			    "tracemem( ) argument #2 must be a non-zero "
			    "positive integral constant expression");
		if (a->n_next->n_next != NULL) {
			dt_check_expr(pcb, a->n_next->n_next);
			if (!dt_type_is_integer(a->n_next->n_next->n_type))
				dt_cc_error(pcb, a->n_line, D_TRACEMEM_DYNSIZE,
				    "tracemem( ) argument #3 must be an "
				    "integer");
		}
		dt_ck_drec(pcb, n, cc);
		return;
	case DT_ACT_STACK:
		if (a != NULL) {
			dt_check_expr(pcb, a);
			if (!a->n_isconst || !dt_type_is_integer(a->n_type) ||
			    a->n_ival <= 0 || a->n_ival > 1024)
				dt_cc_error(pcb, a->n_line, D_STACK_SIZE,
				    "stack( ) size must be a non-zero "
				    "positive integral constant expression");
		}
		dt_ck_drec(pcb, n, cc);
		return;
	case DT_ACT_USTACK:
		if (a != NULL) {
			dt_check_expr(pcb, a);
			if (!a->n_isconst || !dt_type_is_integer(a->n_type) ||
			    a->n_ival <= 0 || a->n_ival > 1024)
				dt_cc_error(pcb, a->n_line, D_USTACK_FRAMES,
				    "%s( ) argument #1 must be a non-zero "
				    "positive integer constant", f->df_name);
			if (a->n_next != NULL) {
				dt_check_expr(pcb, a->n_next);
				if (!a->n_next->n_isconst ||
				    !dt_type_is_integer(a->n_next->n_type) ||
				    a->n_next->n_ival < 0)
					dt_cc_error(pcb, a->n_line,
					    D_USTACK_STRSIZE, "%s( ) argument "
					    "#2 must be a positive integer "
					    "constant", f->df_name);
			}
		}
		dt_ck_drec(pcb, n, cc);
		return;
	case DT_ACT_SPECULATE:
		dt_check_expr(pcb, a);
		if (!dt_type_is_integer(a->n_type))
			dt_cc_error(pcb, a->n_line, D_PROTO_ARG,
			    "speculate( ) argument #1 is incompatible with "
			    "prototype:\n\tprototype: int\n\t argument: %s",
			    TN(a->n_type, b1));
		if (cc->cc_spec)
			dt_cc_error(pcb, n->n_line, D_SPEC_SPEC,
			    "speculate( ) may not follow speculate( )");
		if (cc->cc_commit)
			dt_cc_error(pcb, n->n_line, D_SPEC_COMM,
			    "speculate( ) may not follow commit( )");
		if (cc->cc_drec)
			dt_cc_error(pcb, n->n_line, D_SPEC_DREC,
			    "speculate( ) may not follow data-recording "
			    "action(s)");
		if (cc->cc_agg)
			dt_cc_error(pcb, n->n_line, D_SPEC_DREC,
			    "speculate( ) may not follow data-recording "
			    "action(s)");
		cc->cc_spec = 1;
		return;
	case DT_ACT_COMMIT:
	case DT_ACT_DISCARD:
		dt_check_expr(pcb, a);
		if (!dt_type_is_integer(a->n_type))
			dt_cc_error(pcb, a->n_line, D_PROTO_ARG,
			    "%s( ) argument #1 is incompatible with "
			    "prototype:\n\tprototype: int\n\t argument: %s",
			    f->df_name, TN(a->n_type, b1));
		if (f->df_code == DT_ACT_COMMIT) {
			if (cc->cc_commit)
				dt_cc_error(pcb, n->n_line, D_COMM_COMM,
				    "commit( ) may not follow commit( )");
			if (cc->cc_drec)
				dt_cc_error(pcb, n->n_line, D_COMM_DREC,
				    "commit( ) may not follow data-recording "
				    "action(s)");
			cc->cc_commit = 1;
		}
		if (cc->cc_spec)
			dt_cc_error(pcb, n->n_line, D_ACT_SPEC,
			    "%s( ) may not follow speculate( )", f->df_name);
		return;
	case DT_ACT_RAISE:
	case DT_ACT_CHILL:
		dt_check_expr(pcb, a);
		if (!dt_type_is_integer(a->n_type))
			dt_cc_error(pcb, a->n_line, D_PROTO_ARG,
			    "%s( ) argument #1 is incompatible with "
			    "prototype:\n\tprototype: int\n\t argument: %s",
			    f->df_name, TN(a->n_type, b1));
		/* FALLTHROUGH */
	default: /* stop, breakpoint, panic, ftruncate */
		if (cc->cc_spec)
			dt_cc_error(pcb, n->n_line, D_ACT_SPEC,
			    "destructive actions may not follow speculate( )");
		dt_ck_drec(pcb, n, cc);
		return;
	}
}

static void dt_ck_stmt(dt_pcb_t *pcb, dt_node_t *s, dt_ckclause_t *cc)
{
	dt_node_t *e = s->n_a;

	if (e == NULL)
		return;
	if (e->n_kind == DN_ASSIGN && e->n_a->n_kind == DN_INDEX &&
	    e->n_a->n_a->n_kind == DN_INDEX &&
	    e->n_a->n_a->n_a->n_kind == DN_AGG)
		dt_cc_error(pcb, e->n_line, D_AGG_MDIM,
		    "improper attempt to reference @%s as a multi-dimensional "
		    "array", e->n_a->n_a->n_a->n_sval);
	if (e->n_kind == DN_ASSIGN && dt_ck_isagg(e->n_a)) {
		dt_ck_aggstmt(pcb, e, cc);
		return;
	}
	if (e->n_kind == DN_CALL) {
		const dt_func_t *f = dt_func_lookup(e->n_sval);
		if (f != NULL && (f->df_kind == DF_ACT || f->df_kind == DF_FMT)) {
			e->n_func = f;
			dt_ck_nargs(pcb, e, f);
			dt_ck_action(pcb, e, cc);
			return;
		}
	}
	if (dt_ck_isagg(e))
		dt_cc_error(pcb, e->n_line, D_AGG_NULL,
		    "expression has null effect: @%s",
		    e->n_kind == DN_AGG ? e->n_sval : e->n_a->n_sval);
	dt_check_expr(pcb, e);
	if (cc->cc_spec && e->n_kind != DN_ASSIGN && e->n_kind != DN_INCDEC &&
	    e->n_kind != DN_CALL) {
		/* an expression statement records nothing */
	}
}

static void dt_ck_clause(dt_pcb_t *pcb, dt_node_t *c)
{
	dt_ckclause_t cc;
	dt_node_t *s;

	memset(&cc, 0, sizeof(cc));
	/* args[] checks and types need the clause's descriptions */
	pcb->pcb_pds = dt_cc_pdescs(pcb, pcb->pcb_arena, c, &pcb->pcb_npds);
	if (c->n_a != NULL) {
		dt_check_expr(pcb, c->n_a);
		if (!dt_type_is_scalar(c->n_a->n_type))
			dt_cc_error(pcb, c->n_a->n_line, D_PRED_SCALAR,
			    "predicate result must be of scalar type");
	}
	for (s = c->n_b; s != NULL; s = s->n_next)
		dt_ck_stmt(pcb, s, &cc);
}

/* record the variables every assignment / ++ / -- of n writes */
static void dt_ck_prescan(dt_pcb_t *pcb, dt_node_t *n, int depth)
{
	dt_node_t *l;

	if (n != NULL && depth > DT_CK_MAXNEST)
		dt_cc_error(pcb, n->n_line, D_SYNTAX,
		    "expression is nested too deeply");
	for (; n != NULL; n = n->n_next) {
		if (n->n_kind == DN_ASSIGN || n->n_kind == DN_INCDEC) {
			int scope = -1;
			l = n->n_a;
			if (l->n_kind == DN_INDEX)
				l = l->n_a;
			if (l->n_kind == DN_IDENT)
				scope = DIF_SCOPE_GLOBAL;
			else if (l->n_kind == DN_SELFVAR)
				scope = DIF_SCOPE_THREAD;
			else if (l->n_kind == DN_THISVAR)
				scope = DIF_SCOPE_LOCAL;
			if (scope >= 0 && !dt_pcb_assigned(pcb, scope, l->n_sval))
				dt_id_insert(pcb,
				    &pcb->pcb_ids->is_assigned[scope],
				    l->n_sval, DI_VAR);
		}
		dt_ck_prescan(pcb, n->n_a, depth + 1);
		dt_ck_prescan(pcb, n->n_b, depth + 1);
		dt_ck_prescan(pcb, n->n_c, depth + 1);
		if (n->n_kind != DN_CLAUSE)
			dt_ck_prescan(pcb, n->n_list, depth + 1);
	}
}

int dt_pcb_assigned(dt_pcb_t *pcb, int scope, const char *name)
{
	return dt_id_lookup(&pcb->pcb_ids->is_assigned[scope], name) != NULL;
}

void dt_check_program(dt_pcb_t *pcb)
{
	dt_node_t *n;

	for (n = pcb->pcb_root; n != NULL; n = n->n_next)
		if (n->n_kind == DN_CLAUSE) {
			dt_ck_prescan(pcb, n->n_a, 0);
			dt_ck_prescan(pcb, n->n_b, 0);
		} else if (n->n_kind == DN_XLATOR) {
			dt_ck_prescan(pcb, n->n_list, 0); /* depth check only */
		}

	for (n = pcb->pcb_root; n != NULL; n = n->n_next) {
		switch (n->n_kind) {
		case DN_DECL:
			dt_decl_process(pcb, n);
			break;
		case DN_XLATOR:
			dt_xlator_process(pcb, n);
			break;
		case DN_CLAUSE:
			dt_ck_clause(pcb, n);
			break;
		default:
			break;
		}
	}
}
