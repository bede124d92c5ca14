/* dt_decl.c - declarations to types (see dt_decl.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dt_decl.h"
#include "dt_check.h"
#include "dt_errtags.h"
#include "dt_grammar.h"
#include "dt_ident.h"

static dt_type_t *dt_decl_sou(dt_pcb_t *pcb, dt_node_t *n)
{
	dt_tkind_t k = n->n_op == TK_STRUCT ? DT_TK_STRUCT : DT_TK_UNION;
	const char *kw = k == DT_TK_STRUCT ? "struct" : "union";
	dt_type_t *t;
	dt_node_t *m, *d;

	/* a definition is ours; a reference may name a kernel type */
	t = n->n_sval == NULL ? dt_type_anon(pcb->pcb_types, k) : n->n_ival ?
	    dt_type_tagged_local(pcb->pcb_types, k, n->n_sval) :
	    dt_type_tagged(pcb->pcb_types, k, n->n_sval);
	if (t->dt_kind != k)
		dt_cc_error(pcb, n->n_line, D_DECL_TYPERED,
		    "type redeclared: %s %s", kw, n->n_sval);
	if (!n->n_ival)
		return t;
	if (t->dt_complete)
		dt_cc_error(pcb, n->n_line, D_DECL_TYPERED,
		    "type redeclared: %s %s", kw, n->n_sval);
	for (m = n->n_list; m != NULL; m = m->n_next) {
		dt_type_t *base = dt_decl_spectype(pcb, m->n_spec, m->n_line);
		if (m->n_list == NULL) {
			/* anonymous member struct/union: hoist its members */
			uint32_t i, off;
			dt_type_t *bb = dt_type_base(base);
			if (!dt_type_is_sou(base))
				continue;
			off = dt_type_is_sou(t) && k == DT_TK_STRUCT ?
			    t->dt_size : 0;
			dt_type_add_member(pcb->pcb_types, t, NULL, base);
			off = t->dt_members[t->dt_nmembers - 1].dm_offset;
			for (i = 0; i < bb->dt_nmembers; i++) {
				dt_member_t *mm;
				if (dt_type_add_member(pcb->pcb_types, t,
				    bb->dt_members[i].dm_name,
				    bb->dt_members[i].dm_type) != 0)
					continue;
				/* undo the layout: it lives inside the anon */
				mm = &t->dt_members[t->dt_nmembers - 1];
				t->dt_size -= mm->dm_type->dt_size;
				mm->dm_offset = off + bb->dt_members[i].dm_offset;
				if (mm->dm_offset + mm->dm_type->dt_size >
				    t->dt_size)
					t->dt_size = mm->dm_offset +
					    mm->dm_type->dt_size;
			}
			continue;
		}
		for (d = m->n_list; d != NULL; d = d->n_next) {
			const char *name = NULL;
			dt_type_t *mt = base;
			if (d->n_a != NULL)
				mt = dt_decl_apply(pcb, base, d->n_a, &name,
				    NULL, d->n_line);
			if (d->n_b != NULL) {
				int64_t w = dt_check_intconst(pcb, d->n_b,
				    D_DECL_BFCONST, "bit-field width");
				if (!dt_type_is_integer(mt) || w < 0 ||
				    w > (int64_t)mt->dt_size * 8)
					dt_cc_error(pcb, d->n_line,
					    D_DECL_BFCONST,
					    "positive integral constant "
					    "expression expected as bit-field "
					    "size");
				if (dt_type_add_bitfield(pcb->pcb_types, t,
				    name, mt, (uint32_t)w) != 0)
					dt_cc_error(pcb, d->n_line,
					    D_DECL_IDRED,
					    "identifier redeclared: %s", name);
				continue;
			}
			if (dt_type_is_void(mt))
				dt_cc_error(pcb, d->n_line, D_DECL_VOIDOBJ,
				    "cannot have void object: %s",
				    name ? name : "");
			if (dt_type_base(mt)->dt_kind != DT_TK_PTR &&
			    dt_type_is_sou(mt) && !dt_type_base(mt)->dt_complete)
				dt_cc_error(pcb, d->n_line, D_DECL_INCOMPLETE,
				    "declaration of member %s requires complete "
				    "type", name ? name : "");
			if (dt_type_add_member(pcb->pcb_types, t, name, mt))
				dt_cc_error(pcb, d->n_line, D_DECL_IDRED,
				    "identifier redeclared: %s", name);
		}
	}
	dt_type_close(t);
	return t;
}

static dt_type_t *dt_decl_enum(dt_pcb_t *pcb, dt_node_t *n)
{
	dt_type_t *t;
	dt_node_t *e;
	int64_t v = 0;

	t = n->n_sval == NULL ? dt_type_anon(pcb->pcb_types, DT_TK_ENUM) :
	    n->n_ival ? dt_type_tagged_local(pcb->pcb_types, DT_TK_ENUM,
	    n->n_sval) : dt_type_tagged(pcb->pcb_types, DT_TK_ENUM, n->n_sval);
	if (t->dt_kind != DT_TK_ENUM)
		dt_cc_error(pcb, n->n_line, D_DECL_TYPERED,
		    "type redeclared: enum %s", n->n_sval);
	if (!n->n_ival)
		return t;
	if (t->dt_complete && t->dt_nmembers > 0)
		dt_cc_error(pcb, n->n_line, D_DECL_TYPERED,
		    "type redeclared: enum %s", n->n_sval);
	for (e = n->n_list; e != NULL; e = e->n_next) {
		dt_ident_t *id;
		if (e->n_a != NULL)
			v = dt_check_intconst(pcb, e->n_a, D_DECL_ENCONST,
			    "enumerator");
		if (v < INT32_MIN || v > INT32_MAX)
			dt_cc_error(pcb, e->n_line, D_DECL_ENOFLOW,
			    "enumerator '%s' overflows maximum (%d)",
			    e->n_sval, INT32_MAX);
		if (dt_id_lookup(&pcb->pcb_ids->is_globals, e->n_sval) ||
		    dt_builtin_lookup(e->n_sval) != NULL)
			dt_cc_error(pcb, e->n_line, D_DECL_IDRED,
			    "identifier redeclared: %s", e->n_sval);
		dt_type_add_enumerator(pcb->pcb_types, t, e->n_sval, v);
		id = dt_id_insert(pcb, &pcb->pcb_ids->is_globals, e->n_sval,
		    DI_ENUM);
		id->di_type = t;
		id->di_value = v;
		id->di_line = e->n_line;
		v++;
	}
	t->dt_complete = 1;
	return t;
}

dt_type_t *dt_decl_spectype(dt_pcb_t *pcb, dt_declspec_t *ds, int line)
{
	char name[64];
	dt_type_t *t;
	int mods = ds->ds_nlong + ds->ds_nshort + ds->ds_signed +
	    ds->ds_unsigned;

	if (ds->ds_tagged != NULL) {
		if (mods || ds->ds_base || ds->ds_tname)
			dt_cc_error(pcb, line, D_DECL_COMBO,
			    "invalid type combination");
		return ds->ds_tagged->n_kind == DN_SOU ?
		    dt_decl_sou(pcb, ds->ds_tagged) :
		    dt_decl_enum(pcb, ds->ds_tagged);
	}
	if (ds->ds_tname != NULL) {
		if (mods || ds->ds_base)
			dt_cc_error(pcb, line, D_DECL_COMBO,
			    "invalid type combination");
		if ((t = dt_type_lookup(pcb->pcb_types, ds->ds_tname)) == NULL)
			dt_cc_error(pcb, line, D_TYPE_ERR,
			    "failed to resolve type %s", ds->ds_tname);
		return t;
	}
	if ((ds->ds_signed && ds->ds_unsigned) ||
	    (ds->ds_nshort && ds->ds_nlong) || ds->ds_nlong > 2 ||
	    ds->ds_nshort > 1)
		dt_cc_error(pcb, line, D_DECL_COMBO, "invalid type combination");
	if (ds->ds_base == NULL || strcmp(ds->ds_base, "int") == 0) {
		const char *b = ds->ds_nshort ? "short" :
		    ds->ds_nlong == 2 ? "long long" : ds->ds_nlong ? "long" :
		    "int";
		snprintf(name, sizeof(name), "%s%s", ds->ds_unsigned ?
		    "unsigned " : "", b);
	} else if (strcmp(ds->ds_base, "char") == 0) {
		if (ds->ds_nshort || ds->ds_nlong)
			dt_cc_error(pcb, line, D_DECL_COMBO,
			    "invalid type combination");
		snprintf(name, sizeof(name), "%schar", ds->ds_unsigned ?
		    "unsigned " : ds->ds_signed ? "signed " : "");
	} else if (strcmp(ds->ds_base, "double") == 0 && ds->ds_nlong == 1 &&
	    !ds->ds_nshort && !ds->ds_signed && !ds->ds_unsigned) {
		snprintf(name, sizeof(name), "long double");
	} else {
		if (mods)
			dt_cc_error(pcb, line, D_DECL_COMBO,
			    "invalid type combination");
		snprintf(name, sizeof(name), "%s", ds->ds_base);
	}
	t = dt_type_lookup(pcb->pcb_types, name);
	if (t == NULL)
		dt_cc_error(pcb, line, D_TYPE_ERR, "failed to resolve type %s",
		    name);
	return t;
}

dt_type_t *dt_decl_apply(dt_pcb_t *pcb, dt_type_t *t, dt_node_t *d,
			 const char **name, dt_node_t **keys, int line)
{
	while (d != NULL) {
		switch (d->n_kind) {
		case DN_D_IDENT:
			if (name != NULL)
				*name = d->n_sval;
			return t;
		case DN_D_PTR:
			t = dt_type_pointer(pcb->pcb_types, t);
			d = d->n_a;
			break;
		case DN_D_ARRAY:
			if (d->n_b != NULL && d->n_b->n_kind == DN_TYPENAME) {
				/* name[type, ...]: an associative array */
				if (keys == NULL || d->n_a->n_kind != DN_D_IDENT)
					dt_cc_error(pcb, line, D_DECL_ARRSUB,
					    "associative array may only be "
					    "declared as a variable");
				*keys = d->n_b->n_list;
			} else if (d->n_b == NULL) {
				if (keys != NULL && d->n_a->n_kind == DN_D_IDENT)
					dt_cc_error(pcb, line, D_DECL_ARRNULL,
					    "array declaration requires array "
					    "dimension or tuple signature: %s",
					    d->n_a->n_sval);
				t = dt_type_array(pcb->pcb_types, t, 0);
			} else {
				int64_t n;

				dt_check_expr(pcb, d->n_b);
				n = d->n_b->n_ival;
				if (!d->n_b->n_isconst ||
				    !dt_type_is_integer(d->n_b->n_type) ||
				    n == 0 || (n < 0 &&
				    dt_type_is_signed(d->n_b->n_type)))
					dt_cc_error(pcb, line, D_DECL_ARRSUB,
					    "positive integral constant "
					    "expression or tuple signature "
					    "expected as array declaration "
					    "subscript");
				/* DTrace's limit is the dimension's; ours
				 * also keeps the size in 32 bits */
				if ((uint64_t)n > UINT32_MAX ||
				    n > 0x7fffffff / (t->dt_size ? t->dt_size : 1))
					dt_cc_error(pcb, line, D_DECL_ARRBIG,
					    "array dimension too big");
				if (dt_type_is_void(t))
					dt_cc_error(pcb, line, D_DECL_VOIDOBJ,
					    "cannot have array of void");
				t = dt_type_array(pcb->pcb_types, t,
				    (uint32_t)n);
			}
			d = d->n_a;
			break;
		case DN_D_FUNC: {
			dt_type_t *ps[64];
			uint32_t n = 0;
			int va = 0;
			dt_node_t *p;
			for (p = d->n_list; p != NULL; p = p->n_next) {
				dt_type_t *pt;
				if (p->n_op == TK_ELLIPSIS) {
					va = 1;
					continue;
				}
				pt = dt_decl_typename(pcb, p, NULL);
				if (dt_type_is_void(pt) && p->n_a == NULL)
					continue;
				if (n < 64)
					ps[n++] = pt;
			}
			t = dt_type_func(pcb->pcb_types, t, ps, n, va);
			d = d->n_a;
			break;
		}
		default:
			return t;
		}
	}
	return t;
}

dt_type_t *dt_decl_typename(dt_pcb_t *pcb, dt_node_t *tn, const char **name)
{
	dt_type_t *t = dt_decl_spectype(pcb, tn->n_spec, tn->n_line);
	if (tn->n_a != NULL)
		t = dt_decl_apply(pcb, t, tn->n_a, name, NULL, tn->n_line);
	return t;
}

static void dt_decl_var(dt_pcb_t *pcb, dt_declspec_t *ds, dt_type_t *t,
			const char *name, dt_node_t *keys, int line)
{
	dt_idstate_t *is = pcb->pcb_ids;
	dt_idhash_t *h;
	dt_ident_t *id;
	int scope;
	dt_type_t *kt[DIF_TUPLE_MAX];
	uint32_t nk = 0, i;
	dt_node_t *k;

	scope = ds->ds_class == DT_DC_SELF ? DIF_SCOPE_THREAD :
	    ds->ds_class == DT_DC_THIS ? DIF_SCOPE_LOCAL : DIF_SCOPE_GLOBAL;
	h = scope == DIF_SCOPE_THREAD ? &is->is_tls :
	    scope == DIF_SCOPE_LOCAL ? &is->is_locals : &is->is_globals;
	if (dt_type_is_void(t))
		dt_cc_error(pcb, line, D_DECL_VOIDOBJ,
		    "cannot have void object: %s", name);
	if (dt_type_base(t)->dt_kind == DT_TK_FUNC) {
		/* a function prototype: D has no user functions; accept it */
		return;
	}
	if (keys != NULL && scope == DIF_SCOPE_LOCAL)
		dt_cc_error(pcb, line, D_DECL_LOCASSC,
		    "associative arrays may not be declared as local "
		    "variables: %s", name);
	for (k = keys; k != NULL; k = k->n_next) {
		if (nk == DIF_TUPLE_MAX)
			dt_cc_error(pcb, line, D_DECL_ARRSUB,
			    "too many associative array keys");
		kt[nk++] = dt_decl_typename(pcb, k, NULL);
	}
	if (scope == DIF_SCOPE_GLOBAL && dt_builtin_lookup(name) != NULL)
		dt_cc_error(pcb, line, D_DECL_IDRED,
		    "built-in identifier redeclared: %s", name);
	if ((id = dt_id_lookup(h, name)) != NULL) {
		int same = id->di_kind == DI_VAR && id->di_type != NULL &&
		    dt_type_compat(id->di_type, t) &&
		    id->di_assoc == (keys != NULL) && id->di_nkeys == nk;
		for (i = 0; same && i < nk; i++)
			same = dt_type_compat(id->di_keys[i], kt[i]);
		if (!same) {
			char b1[128], b2[128];
			if (id->di_kind != DI_VAR || id->di_type == NULL)
				dt_cc_error(pcb, line, D_DECL_IDRED,
				    "identifier redeclared: %s", name);
			dt_cc_error(pcb, line, D_DECL_IDRED,
			    "identifier redeclared: %s\n\t current: %s %s\n"
			    "\tprevious: %s %s", name,
			    keys != NULL ? "array" : "scalar",
			    dt_type_name(t, b1, sizeof(b1)),
			    id->di_assoc ? "array" : "scalar",
			    dt_type_name(id->di_type, b2, sizeof(b2)));
		}
		return;
	}
	id = dt_id_insert(pcb, h, name, DI_VAR);
	id->di_scope = scope;
	id->di_type = t;
	id->di_line = line;
	id->di_declared = 1;
	if (keys != NULL) {
		id->di_assoc = 1;
		id->di_nkeys = nk;
		id->di_keys = dt_arena_alloc(pcb->pcb_arena,
		    sizeof(dt_type_t *) * (nk + 1));
		memcpy(id->di_keys, kt, sizeof(dt_type_t *) * nk);
	}
	dt_id_newvar(pcb, id);
	dt_id_layout(pcb, id);
}

void dt_decl_process(dt_pcb_t *pcb, dt_node_t *decl)
{
	dt_declspec_t *ds = decl->n_spec;
	dt_type_t *base;
	dt_node_t *d;

	if (ds->ds_class == DT_DC_STATIC || ds->ds_class == DT_DC_REGISTER ||
	    ds->ds_class == DT_DC_AUTO)
		dt_cc_error(pcb, decl->n_line, D_DECL_BADCLASS,
		    "specified storage class not appropriate in D");
	if (decl->n_list == NULL && ds->ds_tagged == NULL)
		dt_cc_error(pcb, decl->n_line, D_DECL_USELESS,
		    "useless declaration");
	base = dt_decl_spectype(pcb, ds, decl->n_line);

	for (d = decl->n_list; d != NULL; d = d->n_next) {
		const char *name = NULL;
		dt_node_t *keys = NULL;
		int line = d->n_line;
		dt_type_t *t = dt_decl_apply(pcb, base, d->n_a, &name, &keys,
		    line);

		if (name == NULL)
			dt_cc_error(pcb, line, D_DECL_IDENT,
			    "declaration requires an identifier");
		if (ds->ds_class == DT_DC_TYPEDEF) {
			dt_type_t *old = dt_type_lookup(pcb->pcb_types, name);
			if (d->n_b != NULL)
				dt_cc_error(pcb, line, D_SYNTAX,
				    "syntax error near \"=\"");
			if (old != NULL) {
				if (dt_type_compat(old, t))
					continue;
				dt_cc_error(pcb, line, D_DECL_IDRED,
				    "identifier redeclared: %s", name);
			}
			dt_type_typedef(pcb->pcb_types, name, t);
			continue;
		}
		if (ds->ds_class == DT_DC_INLINE) {
			dt_ident_t *id;
			char b1[128], b2[128];
			if (d->n_b == NULL)
				dt_cc_error(pcb, line, D_SYNTAX,
				    "inline definition of %s requires an "
				    "initializer", name);
			{
				dt_ident_t *old = dt_id_lookup(
				    &pcb->pcb_ids->is_globals, name);
				if (old != NULL && old->di_kind == DI_INLINE)
					dt_cc_error(pcb, line, D_DECL_IDRED,
					    "identifier redefined: %s\n\t "
					    "current: inline definition\n"
					    "\tprevious: scalar inline", name);
				if (old != NULL || dt_builtin_lookup(name))
					dt_cc_error(pcb, line, D_DECL_IDRED,
					    "identifier redeclared: %s", name);
			}
			dt_check_expr(pcb, d->n_b);
			if (!((dt_type_is_arith(t) &&
			    dt_type_is_arith(d->n_b->n_type)) ||
			    (dt_type_is_scalar(t) &&
			    dt_type_is_scalar(d->n_b->n_type)) ||
			    dt_type_compat(t, d->n_b->n_type)))
				dt_cc_error(pcb, line, D_OP_INCOMPAT,
				    "inline %s definition uses incompatible "
				    "types: \"%s\" = \"%s\"", name,
				    dt_type_name(t, b1, sizeof(b1)),
				    dt_type_name(d->n_b->n_type, b2,
				    sizeof(b2)));
			id = dt_id_insert(pcb, &pcb->pcb_ids->is_globals, name,
			    DI_INLINE);
			id->di_type = t;
			id->di_inline = d->n_b;
			id->di_line = line;
			continue;
		}
		if (d->n_b != NULL)
			dt_cc_error(pcb, line, D_SYNTAX, "syntax error near \"=\"");
		dt_decl_var(pcb, ds, t, name, keys, line);
	}
}

/*
 * A C type spelled as text ("struct file *", "unsigned int",
 * "const char *", "u64[4]"), as a backend describes probe arguments.
 * NULL if it names something unknown.
 */
dt_type_t *dt_decl_typestr(dt_pcb_t *pcb, const char *s)
{
	char w[128], base[160] = "";
	dt_type_t *t = NULL;
	int nlong = 0, uns = 0, sgn = 0, nshort = 0;
	dt_tkind_t tag = DT_TK_VOID;

	for (;;) {
		size_t n;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0' || *s == '*' || *s == '[')
			break;
		n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
		if (n == 0 || n >= sizeof(w))
			return NULL;
		memcpy(w, s, n);
		w[n] = '\0';
		s += n;
		if (tag != DT_TK_VOID) {
			t = dt_type_tagged(pcb->pcb_types, tag, w);
			tag = DT_TK_VOID;
		} else if (strcmp(w, "const") == 0 ||
		    strcmp(w, "volatile") == 0 || strcmp(w, "restrict") == 0) {
			continue;
		} else if (strcmp(w, "struct") == 0) {
			tag = DT_TK_STRUCT;
		} else if (strcmp(w, "union") == 0) {
			tag = DT_TK_UNION;
		} else if (strcmp(w, "enum") == 0) {
			tag = DT_TK_ENUM;
		} else if (strcmp(w, "long") == 0) {
			nlong++;
		} else if (strcmp(w, "short") == 0) {
			nshort++;
		} else if (strcmp(w, "unsigned") == 0) {
			uns = 1;
		} else if (strcmp(w, "signed") == 0) {
			sgn = 1;
		} else if (strcmp(w, "int") == 0) {
			continue;
		} else if (t == NULL && base[0] == '\0') {
			snprintf(base, sizeof(base), "%s", w);
		} else {
			return NULL;
		}
	}
	if (t == NULL) {
		char name[200];
		if (base[0] == '\0' || strcmp(base, "char") == 0)
			snprintf(name, sizeof(name), "%s%s%s",
			    uns ? "unsigned " : sgn && base[0] ? "signed " : "",
			    nshort ? "short" : nlong >= 2 ? "long long" :
			    nlong ? "long" : base[0] ? base : "int", "");
		else
			snprintf(name, sizeof(name), "%s", base);
		if ((t = dt_type_lookup(pcb->pcb_types, name)) == NULL)
			return NULL;
	}
	for (; *s != '\0'; s++) {
		if (*s == '*')
			t = dt_type_pointer(pcb->pcb_types, t);
		else if (*s == '[')
			t = dt_type_array(pcb->pcb_types, t,
			    (uint32_t)strtoul(s + 1, NULL, 10));
	}
	return t;
}

void dt_xlator_process(dt_pcb_t *pcb, dt_node_t *x)
{
	dt_xlator_t *dx = dt_arena_alloc(pcb->pcb_arena, sizeof(*dx));
	dt_xlator_t *o;
	dt_node_t *m;
	const char *arg = NULL;
	char b1[128], b2[128];

	dx->dx_to = dt_decl_typename(pcb, x->n_tn, NULL);
	dx->dx_from = dt_decl_typename(pcb, x->n_a, &arg);
	dx->dx_arg = arg;
	dx->dx_members = x->n_list;
	dx->dx_line = x->n_line;
	if (!dt_type_is_sou(dx->dx_to))
		dt_cc_error(pcb, x->n_line, D_XLATE_SOU,
		    "translator output type must be a struct or union");
	for (o = pcb->pcb_ids->is_xlators; o != NULL; o = o->dx_next)
		if (dt_type_compat(o->dx_to, dx->dx_to) &&
		    dt_type_compat(o->dx_from, dx->dx_from))
			dt_cc_error(pcb, x->n_line, D_XLATE_REDECL,
			    "translator from %s to %s has already been "
			    "declared", dt_type_name(dx->dx_from, b1, sizeof(b1)),
			    dt_type_name(dx->dx_to, b2, sizeof(b2)));
	for (m = x->n_list; m != NULL; m = m->n_next)
		if (dt_type_member(dt_type_base(dx->dx_to), m->n_sval) == NULL)
			dt_cc_error(pcb, m->n_line, D_XLATE_MEMB,
			    "translator member %s is not a member of %s",
			    m->n_sval, dt_type_name(dx->dx_to, b1, sizeof(b1)));
	dx->dx_next = pcb->pcb_ids->is_xlators;
	pcb->pcb_ids->is_xlators = dx;
}
