/*
 * dt_stability.c - stability attributes for dtrace -v.
 *
 * DTrace reports, for each program, the lowest attributes among its probe
 * descriptions and among what its statements use.  Every built-in
 * variable, action and subroutine is Stable/Stable/Common except the few
 * listed below; user variables and constants are too.  Providers carry a
 * table of five triplets (provider, module, function, name, arguments),
 * whose values are DTrace's for the providers we share with it.
 */
#include <string.h>

#include "dt_ast.h"
#include "dt_ident.h"
#include "dt_stability.h"

#define A(n, d, c) { DT_STAB_##n, DT_STAB_##d, DT_CLASS_##c }

const dt_attr_t dt_attr_max = A(STANDARD, STANDARD, COMMON);
const dt_attr_t dt_attr_default = A(STABLE, STABLE, COMMON);

dt_attr_t dt_attr_min(dt_attr_t a, dt_attr_t b)
{
	dt_attr_t r;

	r.at_name = a.at_name < b.at_name ? a.at_name : b.at_name;
	r.at_data = a.at_data < b.at_data ? a.at_data : b.at_data;
	r.at_class = a.at_class < b.at_class ? a.at_class : b.at_class;
	return r;
}

const char *dt_stability_name(unsigned s)
{
	static const char *const names[] = {
		"Internal", "Private", "Obsolete", "External",
		"Unstable", "Evolving", "Stable", "Standard",
	};

	return s < 8 ? names[s] : "Unknown";
}

const char *dt_class_name(unsigned c)
{
	static const char *const names[] = {
		"Unknown", "CPU", "Platform", "Group", "ISA", "Common",
	};

	return c < 6 ? names[c] : "Unknown";
}

/* ---- providers ---- */

enum { P_PROV, P_MOD, P_FUNC, P_NAME, P_ARGS };

typedef struct dt_provattr {
	const char *pa_name;
	dt_attr_t pa_attr[5];
} dt_provattr_t;

static const dt_provattr_t provattrs[] = {
	{ "dtrace", { A(STABLE, STABLE, COMMON), A(PRIVATE, PRIVATE, UNKNOWN),
		      A(PRIVATE, PRIVATE, UNKNOWN), A(STABLE, STABLE, COMMON),
		      A(STABLE, STABLE, COMMON) } },
	{ "profile", { A(EVOLVING, EVOLVING, COMMON),
		       A(UNSTABLE, UNSTABLE, UNKNOWN),
		       A(PRIVATE, PRIVATE, UNKNOWN),
		       A(EVOLVING, EVOLVING, COMMON),
		       A(EVOLVING, EVOLVING, COMMON) } },
	{ "syscall", { A(EVOLVING, EVOLVING, COMMON),
		       A(PRIVATE, PRIVATE, UNKNOWN), A(PRIVATE, PRIVATE, ISA),
		       A(EVOLVING, EVOLVING, COMMON),
		       A(PRIVATE, PRIVATE, ISA) } },
	{ "fbt", { A(EVOLVING, EVOLVING, ISA), A(PRIVATE, PRIVATE, UNKNOWN),
		   A(PRIVATE, PRIVATE, UNKNOWN), A(EVOLVING, EVOLVING, ISA),
		   A(PRIVATE, PRIVATE, ISA) } },
	{ "sdt", { A(EVOLVING, EVOLVING, ISA), A(PRIVATE, PRIVATE, UNKNOWN),
		   A(PRIVATE, PRIVATE, UNKNOWN), A(PRIVATE, PRIVATE, ISA),
		   A(PRIVATE, PRIVATE, ISA) } },
	{ "pid", { A(EVOLVING, EVOLVING, ISA), A(PRIVATE, PRIVATE, UNKNOWN),
		   A(PRIVATE, PRIVATE, UNKNOWN), A(EVOLVING, EVOLVING, ISA),
		   A(PRIVATE, PRIVATE, UNKNOWN) } },
};

/* what DTrace gives a description with no (or a pattern) provider */
static const dt_provattr_t unknown_prov = {
	"", { A(UNSTABLE, UNSTABLE, COMMON), A(UNSTABLE, UNSTABLE, COMMON),
	      A(UNSTABLE, UNSTABLE, COMMON), A(UNSTABLE, UNSTABLE, COMMON),
	      A(UNSTABLE, UNSTABLE, COMMON) }
};

static int is_pattern(const char *s)
{
	return s == NULL || s[0] == '\0' || strpbrk(s, "*?[") != NULL;
}

/* pid123 is the pid provider for process 123 */
static const dt_provattr_t *provattr(const char *prov)
{
	size_t i, n;

	if (is_pattern(prov))
		return NULL;
	for (i = 0; i < sizeof(provattrs) / sizeof(provattrs[0]); i++) {
		n = strlen(provattrs[i].pa_name);
		if (strncmp(prov, provattrs[i].pa_name, n) != 0)
			continue;
		if (prov[n] == '\0' ||
		    (strcmp(provattrs[i].pa_name, "pid") == 0 &&
		     strspn(prov + n, "0123456789") == strlen(prov + n)))
			return &provattrs[i];
	}
	return NULL;
}

dt_attr_t dt_attr_desc(const dt_probedesc_t *pd, int matched, dt_attr_t *args)
{
	const dt_provattr_t *pa = provattr(pd->pd_prov);
	dt_attr_t a;

	if (!matched) {
		/* DTrace found no probe: the Unstable defaults, as they are */
		if (args != NULL)
			*args = unknown_prov.pa_attr[P_ARGS];
		return unknown_prov.pa_attr[P_PROV];
	}
	if (pa == NULL)
		pa = &unknown_prov; /* no provider, a pattern, or not DTrace's */
	if (args != NULL)
		*args = pa->pa_attr[P_ARGS];
	a = pa->pa_attr[P_PROV];
	if (!is_pattern(pd->pd_mod))
		a = dt_attr_min(a, pa->pa_attr[P_MOD]);
	if (!is_pattern(pd->pd_func))
		a = dt_attr_min(a, pa->pa_attr[P_FUNC]);
	if (!is_pattern(pd->pd_name))
		a = dt_attr_min(a, pa->pa_attr[P_NAME]);
	return a;
}

dt_attr_t dt_attr_clause(const dt_clause_t *cl, const dt_probedesc_t *pd,
			 int matched)
{
	dt_attr_t a = { cl->dc_attr[0], cl->dc_attr[1], cl->dc_attr[2] };
	dt_attr_t args;

	if (cl->dc_usesargs) {
		dt_attr_desc(pd, matched, &args);
		a = dt_attr_min(a, args);
	}
	return a;
}

/* ---- what statements use ---- */

/* the identifiers whose attributes are not Stable/Stable/Common */
static const struct {
	const char *name;
	dt_attr_t attr;
} identattrs[] = {
	{ "curthread", A(STABLE, PRIVATE, COMMON) },
	{ "ddi_pathname", A(EVOLVING, EVOLVING, COMMON) },
	{ "getmajor", A(EVOLVING, EVOLVING, COMMON) },
	{ "getminor", A(EVOLVING, EVOLVING, COMMON) },
	{ "htonl", A(EVOLVING, EVOLVING, COMMON) },
	{ "htonll", A(EVOLVING, EVOLVING, COMMON) },
	{ "htons", A(EVOLVING, EVOLVING, COMMON) },
	{ "ntohl", A(EVOLVING, EVOLVING, COMMON) },
	{ "ntohll", A(EVOLVING, EVOLVING, COMMON) },
	{ "ntohs", A(EVOLVING, EVOLVING, COMMON) },
	{ "mutex_owned", A(EVOLVING, EVOLVING, COMMON) },
	{ "mutex_owner", A(EVOLVING, EVOLVING, COMMON) },
	{ "mutex_type_adaptive", A(EVOLVING, EVOLVING, COMMON) },
	{ "mutex_type_spin", A(EVOLVING, EVOLVING, COMMON) },
	{ "rw_iswriter", A(EVOLVING, EVOLVING, COMMON) },
	{ "rw_read_held", A(EVOLVING, EVOLVING, COMMON) },
	{ "rw_write_held", A(EVOLVING, EVOLVING, COMMON) },
};

typedef struct walk {
	dt_attr_t attr;
	int usesargs;
} walk_t;

static void ident_attr(walk_t *w, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(identattrs) / sizeof(identattrs[0]); i++)
		if (strcmp(identattrs[i].name, name) == 0)
			w->attr = dt_attr_min(w->attr, identattrs[i].attr);
}

static void walk_node(walk_t *w, const dt_node_t *n);

static void walk_list(walk_t *w, const dt_node_t *n)
{
	for (; n != NULL; n = n->n_next)
		walk_node(w, n);
}

static void walk_node(walk_t *w, const dt_node_t *n)
{
	if (n == NULL)
		return;
	switch (n->n_kind) {
	case DN_IDENT:
		/* built-ins only: user variables, inlines have n_ident */
		if (n->n_ident == NULL && n->n_sval != NULL) {
			if (strcmp(n->n_sval, "args") == 0)
				w->usesargs = 1;
			ident_attr(w, n->n_sval);
		}
		break;
	case DN_CALL:
		if (n->n_sval != NULL)
			ident_attr(w, n->n_sval);
		break;
	case DN_SYM: {
		/* kernel symbols are the kernel's private interfaces */
		static const dt_attr_t sym = A(PRIVATE, PRIVATE, UNKNOWN);

		w->attr = dt_attr_min(w->attr, sym);
		break;
	}
	default:
		break;
	}
	walk_node(w, n->n_a);
	walk_node(w, n->n_b);
	walk_node(w, n->n_c);
	walk_list(w, n->n_list);
	/* an inline's or translator's expression is what really runs */
	if (n->n_inl != NULL && n->n_inl != n)
		walk_node(w, n->n_inl);
}

void dt_attr_compute(const dt_node_t *clause, dt_clause_t *dc)
{
	walk_t w;

	w.attr = dt_attr_default;
	w.usesargs = 0;
	walk_node(&w, clause->n_a);
	walk_list(&w, clause->n_b);
	dc->dc_attr[0] = w.attr.at_name;
	dc->dc_attr[1] = w.attr.at_data;
	dc->dc_attr[2] = w.attr.at_class;
	dc->dc_usesargs = (uint8_t)w.usesargs;
}
