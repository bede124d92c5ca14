/*
 * dt_handle.c - the driver: compile programs, choose a backend, match
 * probe descriptions, number the enabled probes, run the trace loop and
 * hand everything the backend produces to the consumer.
 *
 * Several programs (-n a -n b -s c.d) share one namespace of variables and
 * aggregations, as in DTrace: each is compiled after the ones before it
 * (their text first), so it may use what they declared; its own messages
 * and "matched N probes" line come from its own clauses.  The last compile
 * holds every clause: that is the one program the backend runs.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "backend.h"
#include "dt_consume.h"
#include "dt_dis.h"
#include "dt_handle.h"
#include "dt_proc.h"
#include "dt_stability.h"
#include "dt_symbols.h"

typedef struct dt_src {
	char *text; /* as compiled (descriptions made into clauses) */
	char *label; /* file name, or -n text as given (for errors) */
	char *desc; /* "matched" line: a -n text up to its body */
	dt_srckind_t kind;
	dt_program_t *prog; /* this and every earlier program, compiled */
	uint32_t first, nclauses; /* its own clauses in prog */
} dt_src_t;

struct dt_handle {
	dt_opts_t opts;
	dt_cc_opts_t cc;
	int have_cc;
	dt_src_t *srcs;
	int nsrcs;
	dt_program_t *prog; /* what runs */
	const dt_backend_ops_t *ops;
	dt_backend_t *be;
	dt_runopts_t be_ro; /* what be was opened with */
	dt_ecb_t *ecbs;
	uint32_t necbs, ecbcap;
	dt_target_t *targets; /* -c and -p processes, in command-line order */
	int ntargets, nlive;
	dt_consumer_t *cons;
	dt_symbols_t *syms; /* cc_lookup */
	FILE *vout; /* -v: stability reports go here */
};

static volatile sig_atomic_t dt_interrupted;

static void on_signal(int sig)
{
	(void)sig;
	dt_interrupted = 1;
}

dt_handle_t *dt_open(void)
{
	dt_handle_t *h = calloc(1, sizeof(*h));

	if (h == NULL)
		return NULL;
	dt_opts_init(&h->opts);
	/* before any target: a grabbed process's maps are read at once */
	h->syms = dt_symbols_create();
	return h;
}

dt_opts_t *dt_options(dt_handle_t *h)
{
	return &h->opts;
}

const char *dt_backend_name(dt_handle_t *h)
{
	return h->ops != NULL ? h->ops->bo_name : "none";
}

static dt_target_t *new_target(dt_handle_t *h, pid_t pid)
{
	dt_target_t *t = realloc(h->targets,
				 (h->ntargets + 1) * sizeof(*t));

	if (t == NULL)
		return NULL;
	h->targets = t;
	t = &h->targets[h->ntargets++];
	memset(t, 0, sizeof(*t));
	t->pid = pid;
	h->nlive++;
	return t;
}

int dt_add_target(dt_handle_t *h, pid_t pid)
{
	if (new_target(h, pid) == NULL)
		return -1;
	dt_symbols_grab(h->syms, pid);
	return 0;
}

pid_t dt_proc_create(dt_handle_t *h, const char *cmd, char *err,
		     size_t errlen)
{
	int ended, status;
	dt_target_t *t;
	pid_t pid = dt_proc_spawn(cmd, &ended, &status, err, errlen);

	if (pid < 0)
		return -1;
	t = new_target(h, pid);
	if (t == NULL) {
		kill(pid, SIGKILL);
		dt_proc_wait(pid, &status);
		snprintf(err, errlen, "failed to execute %s: %s", cmd,
			 strerror(ENOMEM));
		return -1;
	}
	t->is_child = 1;
	if (ended) {
		t->ended = 1;
		t->status = status;
	} else {
		t->held = 1;
		dt_symbols_grab(h->syms, pid);
	}
	return pid;
}

/* let a held -c command run */
static void release_target(dt_target_t *t)
{
	if (!t->held)
		return;
	t->held = 0;
	dt_proc_release(t->pid);
}

int dt_setopt(dt_handle_t *h, const char *name, const char *value,
	      char *err, size_t errlen)
{
	return dt_opts_set(&h->opts, name, value, err, errlen);
}

static void print_cc_error(dt_handle_t *h, const dt_src_t *s,
			   const dt_cc_error_t *e)
{
	char where[64] = "";
	char tag[48] = "";

	if (h->opts.errtags && e->ce_tag[0] != '\0')
		snprintf(tag, sizeof(tag), "[%s] ", e->ce_tag);
	if (e->ce_line > 0 && s->kind == DT_SRC_SCRIPT)
		snprintf(where, sizeof(where), "line %d: ", e->ce_line);
	if (s->kind == DT_SRC_SCRIPT)
		fprintf(stderr, "dtrace: failed to compile script %s: %s%s%s\n",
			s->label, tag, where, e->ce_msg);
	else
		fprintf(stderr, "dtrace: invalid probe specifier %s: %s%s\n",
			s->label, tag, e->ce_msg);
}

/* #pragma D option lines act on the handle's options */
static int apply_pragmas(dt_handle_t *h, const dt_src_t *s)
{
	char err[128];
	uint32_t i;

	for (i = 0; i < s->prog->dp_nopts; i++) {
		const dt_option_t *o = &s->prog->dp_opts[i];

		if (dt_opts_set(&h->opts, o->op_name, o->op_value, err,
				sizeof(err)) != 0) {
			dt_cc_error_t e = { "D_PRAGMA_OPTSET", 0, "" };

			snprintf(e.ce_msg, sizeof(e.ce_msg),
				 "failed to set option '%s' to '%s': %s",
				 o->op_name, o->op_value ? o->op_value : "", err);
			print_cc_error(h, s, &e);
			return -1;
		}
	}
	return 0;
}

/*
 * The text of every program added so far, then text; *lines is how many
 * lines come before text (to give errors their own line numbers).
 */
static char *with_earlier(dt_handle_t *h, const char *text, int *lines)
{
	size_t len = strlen(text) + 1;
	char *all, *p;
	int i;

	*lines = 0;
	for (i = 0; i < h->nsrcs - 1; i++)
		len += strlen(h->srcs[i].text) + 1;
	all = malloc(len);
	if (all == NULL)
		return NULL;
	p = all;
	for (i = 0; i < h->nsrcs - 1; i++) {
		const char *t = h->srcs[i].text;

		p = stpcpy(p, t);
		*p++ = '\n';
		for (; *t != '\0'; t++)
			*lines += *t == '\n';
		(*lines)++;
	}
	strcpy(p, text);
	return all;
}

static int choose_backend(dt_handle_t *h, const dt_cc_opts_t *cc);

/* args[n]'s C type is the backend's to say: it knows the probes */
static const char *argtype_cb(void *arg, const dt_probedesc_t *pds,
			      uint32_t npds, int n)
{
	dt_handle_t *h = arg;

	return h->ops->bo_argtype(h->be, pds, npds, n);
}

int dt_add_program(dt_handle_t *h, const char *text, dt_srckind_t kind,
		   const char *label, const dt_cc_opts_t *cc)
{
	dt_src_t *s;
	dt_cc_error_t err;
	dt_cc_opts_t o = *cc;
	char *full;
	int prefix_lines;

	s = realloc(h->srcs, (h->nsrcs + 1) * sizeof(*s));
	if (s == NULL)
		return -1;
	h->srcs = s;
	s = &h->srcs[h->nsrcs];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->label = strdup(label);
	/* DTrace names a -n program by its description: text before the body */
	s->desc = kind == DT_SRC_DESC ? strndup(label, strcspn(label, "/{;")) :
		  strdup(label);
	/* a bare description is a clause with the default action */
	if (kind == DT_SRC_DESC && strchr(text, '{') == NULL) {
		size_t n = strlen(text) + 4;

		s->text = malloc(n);
		if (s->text != NULL)
			snprintf(s->text, n, "%s {}", text);
	} else {
		s->text = strdup(text);
	}
	h->nsrcs++; /* counted first, so dt_close() frees a partial one */
	if (s->label == NULL || s->desc == NULL || s->text == NULL)
		return -1;
	/* the backend is chosen first: the compiler asks it for arg types */
	if (choose_backend(h, cc) != 0)
		return -1;
	if (h->ops->bo_argtype != NULL) {
		o.cc_argtype = argtype_cb;
		o.cc_argtype_arg = h;
	}

	o.cc_strsize = (uint32_t)h->opts.strsize;
	o.cc_zdefs = h->opts.zdefs;
	o.cc_defaultargs = h->opts.defaultargs;
	/* as in DTrace, -C preprocesses script files only, never -n text */
	if (kind != DT_SRC_SCRIPT)
		o.cc_cpp = 0;
	/* -P/-m/-f arrive as full descriptions; a bare one got a body */
	o.cc_probespec = 0;
	memset(&err, 0, sizeof(err));
	full = with_earlier(h, s->text, &prefix_lines);
	if (full == NULL)
		return -1;
	/* -C preprocesses this program's own text, not the earlier ones */
	o.cc_cppskip = strlen(full) - strlen(s->text);
	s->prog = dt_compile(full, &o, &err);
	free(full);
	if (s->prog == NULL) {
		if (err.ce_line > prefix_lines)
			err.ce_line -= prefix_lines;
		print_cc_error(h, s, &err);
		return -1;
	}
	s->first = h->nsrcs > 1 ? h->srcs[h->nsrcs - 2].prog->dp_nclauses : 0;
	s->nclauses = s->prog->dp_nclauses - s->first;
	if (!h->have_cc) {
		h->cc = *cc;
		h->have_cc = 1;
	}
	return apply_pragmas(h, s);
}

/* ---- backends ---- */

static const dt_backend_ops_t *const backends[] = {
	&dt_backend_kmod,
#ifdef HAVE_BPF_BACKEND
	&dt_backend_bpf,
#endif
	&dt_backend_user,
};

static void runopts(const dt_handle_t *h, const dt_cc_opts_t *cc,
		    dt_runopts_t *ro_out)
{
	dt_runopts_t ro;

	memset(&ro, 0, sizeof(ro)); /* compared with memcmp */
	ro.ro_bufsize = h->opts.bufsize;
	ro.ro_aggsize = h->opts.aggsize;
	ro.ro_dynvarsize = h->opts.dynvarsize;
	ro.ro_specsize = h->opts.specsize;
	ro.ro_nspec = (uint32_t)h->opts.nspec;
	ro.ro_strsize = (uint32_t)h->opts.strsize;
	ro.ro_switchrate_ms = (uint32_t)(h->opts.switchrate_ns / 1000000);
	ro.ro_aggrate_ms = (uint32_t)(h->opts.aggrate_ns / 1000000);
	ro.ro_bufpolicy = h->opts.bufpolicy;
	ro.ro_destructive = h->opts.destructive;
	ro.ro_target = cc != NULL ? cc->cc_target :
		       h->have_cc ? h->cc.cc_target : 0;
	*ro_out = ro;
}

/*
 * Open the backend once, before the first program is compiled (or for
 * -l/-i).  cc is NULL when no program is being added.
 */
static int choose_backend(dt_handle_t *h, const dt_cc_opts_t *cc)
{
	size_t i;
	char err[256] = "";
	dt_runopts_t ro;

	if (h->be != NULL)
		return 0;
	runopts(h, cc, &ro);
	for (i = 0; i < sizeof(backends) / sizeof(backends[0]); i++) {
		const dt_backend_ops_t *b = backends[i];

		if (h->opts.backend[0] != '\0') {
			if (strcmp(h->opts.backend, b->bo_name) != 0)
				continue;
			if (!b->bo_available()) {
				fprintf(stderr, "dtrace: backend not available: %s "
					"(not supported on this system)\n", b->bo_name);
				return -1;
			}
		} else if (!b->bo_available()) {
			continue;
		}
		h->be = b->bo_open(&ro, err, sizeof(err));
		if (h->be == NULL) {
			fprintf(stderr, "dtrace: failed to open backend %s: %s\n",
				b->bo_name, err);
			return -1;
		}
		h->ops = b;
		h->be_ro = ro;
		return 0;
	}
	if (h->opts.backend[0] != '\0')
		fprintf(stderr, "dtrace: backend not available: %s (not built "
			"in)\n", h->opts.backend);
	else
		fprintf(stderr, "dtrace: no backend available\n");
	return -1;
}

/* ---- probe matching ---- */

static int field_match(const char *pat, const char *s)
{
	if (pat == NULL || pat[0] == '\0')
		return 1;
	return fnmatch(pat, s, 0) == 0;
}

int dt_desc_match(const dt_probedesc_t *pd, const dt_probeinfo_t *pi)
{
	return field_match(pd->pd_prov, pi->pi_prov) &&
	       field_match(pd->pd_mod, pi->pi_mod) &&
	       field_match(pd->pd_func, pi->pi_func) &&
	       field_match(pd->pd_name, pi->pi_name);
}

typedef struct match_ctx {
	const dt_probedesc_t *pd;
	dt_probeinfo_t *found;
	char **strs;
	uint32_t n, cap;
} match_ctx_t;

static int match_cb(const dt_probeinfo_t *pi, void *arg)
{
	match_ctx_t *m = arg;

	if (!dt_desc_match(m->pd, pi))
		return 0;
	if (m->n == m->cap) {
		uint32_t cap = m->cap ? m->cap * 2 : 16;
		dt_probeinfo_t *f = realloc(m->found, cap * sizeof(*f));

		if (f == NULL)
			return -1;
		m->found = f;
		m->cap = cap;
	}
	/* the backend's strings stay valid while it is open */
	m->found[m->n++] = *pi;
	return 0;
}

static int cmp_probe_id(const void *a, const void *b)
{
	const dt_probeinfo_t *x = a, *y = b;

	return x->pi_id < y->pi_id ? -1 : x->pi_id > y->pi_id;
}

/*
 * The pid and USDT providers take the module "a.out" for the process's
 * executable, whose probes carry the executable's own file name: the name
 * is put in the description's place before matching (buf holds the path).
 */
static const char *exe_mod(const dt_probedesc_t *pd, char *buf, size_t len)
{
	const char *p;
	char link[64];
	ssize_t r;

	if (pd->pd_mod == NULL || strcmp(pd->pd_mod, "a.out") != 0 ||
	    pd->pd_prov == NULL)
		return NULL;
	p = pd->pd_prov + strlen(pd->pd_prov);
	while (p > pd->pd_prov && isdigit((unsigned char)p[-1]))
		p--;
	if (*p == '\0' || p == pd->pd_prov)
		return NULL;
	snprintf(link, sizeof(link), "/proc/%s/exe", p);
	r = readlink(link, buf, len - 1);
	if (r <= 0)
		return NULL;
	buf[r] = '\0';
	return strrchr(buf, '/') != NULL ? strrchr(buf, '/') + 1 : buf;
}

/* every probe a description matches, in id order; caller frees */
static int match_desc(dt_handle_t *h, const dt_probedesc_t *pd,
		      dt_probeinfo_t **out, uint32_t *n)
{
	match_ctx_t m = { pd, NULL, NULL, 0, 0 };
	dt_probedesc_t exe;
	char path[4096];
	const char *base = exe_mod(pd, path, sizeof(path));

	if (base != NULL) {
		exe = *pd;
		exe.pd_mod = (char *)base;
		pd = m.pd = &exe;
	}
	if (h->ops->bo_provide != NULL)
		h->ops->bo_provide(h->be, pd);
	if (h->ops->bo_probe_iter(h->be, match_cb, &m) < 0) {
		free(m.found);
		return -1;
	}
	if (m.n > 1)
		qsort(m.found, m.n, sizeof(*m.found), cmp_probe_id);
	*out = m.found;
	*n = m.n;
	return 0;
}

static int add_ecb(dt_handle_t *h, const dt_probeinfo_t *pi,
		   const dt_clause_t *cl)
{
	dt_ecb_t *e;

	if (h->necbs == h->ecbcap) {
		uint32_t cap = h->ecbcap ? h->ecbcap * 2 : 16;

		e = realloc(h->ecbs, cap * sizeof(*e));
		if (e == NULL)
			return -1;
		h->ecbs = e;
		h->ecbcap = cap;
	}
	e = &h->ecbs[h->necbs];
	e->ec_epid = h->necbs + 1;
	e->ec_probeid = pi->pi_id;
	e->ec_prov = strdup(pi->pi_prov);
	e->ec_mod = strdup(pi->pi_mod);
	e->ec_func = strdup(pi->pi_func);
	e->ec_name = strdup(pi->pi_name);
	e->ec_clause = cl;
	h->necbs++;
	return 0;
}

static void zero_match_error(dt_handle_t *h, const dt_src_t *s,
			     const dt_probedesc_t *pd)
{
	dt_cc_error_t e;

	memset(&e, 0, sizeof(e));
	snprintf(e.ce_tag, sizeof(e.ce_tag), "D_PDESC_ZERO");
	e.ce_line = pd->pd_line;
	snprintf(e.ce_msg, sizeof(e.ce_msg),
		 "probe description %s:%s:%s:%s does not match any probes",
		 pd->pd_prov, pd->pd_mod, pd->pd_func, pd->pd_name);
	print_cc_error(h, s, &e);
}

/* actions that change the system, allowed only with -w */
static int uses_destructive(const dt_program_t *p)
{
	uint32_t c, a;

	for (c = 0; c < p->dp_nclauses; c++) {
		for (a = 0; a < p->dp_clauses[c].dc_nacts; a++) {
			switch (p->dp_clauses[c].dc_acts[a].da_kind) {
			case DT_ACT_SYSTEM:
			case DT_ACT_FREOPEN:
			case DT_ACT_RAISE:
			case DT_ACT_STOP:
			case DT_ACT_BREAKPOINT:
			case DT_ACT_PANIC:
			case DT_ACT_CHILL:
				return 1;
			default:
				break;
			}
		}
	}
	return 0;
}

/*
 * The backend was opened before the programs' #pragma D options were
 * known; backends take their run-time options at open, so open it again
 * when those options changed them (nothing has been enabled yet).
 */
static int reopen_for_pragmas(dt_handle_t *h)
{
	dt_runopts_t ro;

	runopts(h, NULL, &ro);
	if (memcmp(&ro, &h->be_ro, sizeof(ro)) == 0 &&
	    (h->opts.backend[0] == '\0' ||
	     strcmp(h->opts.backend, h->ops->bo_name) == 0))
		return 0;
	h->ops->bo_close(h->be);
	h->be = NULL;
	h->ops = NULL;
	return choose_backend(h, NULL);
}

void dt_set_verbose(dt_handle_t *h, FILE *out)
{
	h->vout = out;
}

/* dtrace -v: the lowest attributes of one program (on stdout, as DTrace) */
static void print_attr(FILE *out, const char *what, dt_attr_t a)
{
	fprintf(out, "\n\tMinimum %s Attributes\n", what);
	fprintf(out, "\t\tIdentifier Names: %s\n", dt_stability_name(a.at_name));
	fprintf(out, "\t\tData Semantics:   %s\n", dt_stability_name(a.at_data));
	fprintf(out, "\t\tDependency Class: %s\n", dt_class_name(a.at_class));
}

static void print_stability(dt_handle_t *h, const dt_src_t *s, dt_attr_t desc,
			    dt_attr_t stmt)
{
	fprintf(h->vout, "\nStability attributes for %s %s:\n",
		s->kind == DT_SRC_SCRIPT ? "script" : "description", s->desc);
	print_attr(h->vout, "Probe Description", desc);
	print_attr(h->vout, "Statement", stmt);
	fprintf(h->vout, "\n");
}

/* a probe description matched n probes: lower the program's attributes */
static void add_attrs(const dt_clause_t *cl, const dt_probedesc_t *pd,
		      uint32_t n, dt_attr_t *desc, dt_attr_t *stmt)
{
	*desc = dt_attr_min(*desc, dt_attr_desc(pd, n > 0, NULL));
	*stmt = dt_attr_min(*stmt, dt_attr_clause(cl, pd, n > 0));
}

int dt_report_stability(dt_handle_t *h)
{
	uint32_t c, d, n;
	int i;

	if (h->vout == NULL || choose_backend(h, NULL) != 0)
		return -1;
	for (i = 0; i < h->nsrcs; i++) {
		const dt_src_t *s = &h->srcs[i];
		dt_attr_t desc = dt_attr_max, stmt = dt_attr_max;

		for (c = s->first; c < s->first + s->nclauses; c++) {
			const dt_clause_t *cl = &s->prog->dp_clauses[c];

			for (d = 0; d < cl->dc_nprobes; d++) {
				dt_probeinfo_t *found;

				if (match_desc(h, &cl->dc_probes[d], &found,
					       &n) != 0)
					return -1;
				free(found);
				add_attrs(cl, &cl->dc_probes[d], n, &desc,
					  &stmt);
			}
		}
		print_stability(h, s, desc, stmt);
	}
	return 0;
}

int dt_attach(dt_handle_t *h)
{
	char ebuf[512] = "";
	uint32_t c, d;
	int i;

	if (choose_backend(h, NULL) != 0)
		return -1;
	if (h->nsrcs == 0)
		return -1;
	h->prog = h->srcs[h->nsrcs - 1].prog;
	if (reopen_for_pragmas(h) != 0)
		return -1;

	/* number the enabled probes: clause order, then probe id order */
	for (i = 0; i < h->nsrcs; i++) {
		const dt_src_t *s = &h->srcs[i];
		uint32_t before = h->necbs;
		dt_attr_t desc = dt_attr_max, stmt = dt_attr_max;

		for (c = s->first; c < s->first + s->nclauses; c++) {
			const dt_clause_t *cl = &h->prog->dp_clauses[c];

			for (d = 0; d < cl->dc_nprobes; d++) {
				dt_probeinfo_t *found;
				uint32_t n, k;

				if (match_desc(h, &cl->dc_probes[d], &found,
					       &n) != 0)
					return -1;
				if (n == 0 && !h->opts.zdefs) {
					zero_match_error(h, s, &cl->dc_probes[d]);
					free(found);
					return -1;
				}
				for (k = 0; k < n; k++)
					if (add_ecb(h, &found[k], cl) != 0)
						return -1;
				free(found);
				add_attrs(cl, &cl->dc_probes[d], n, &desc,
					  &stmt);
			}
		}
		if (!h->opts.quiet) {
			uint32_t n = h->necbs - before;

			fprintf(stderr, "dtrace: %s '%s' matched %u probe%s\n",
				s->kind == DT_SRC_SCRIPT ? "script" :
				"description", s->desc, n, n == 1 ? "" : "s");
		}
		if (h->vout != NULL)
			print_stability(h, s, desc, stmt);
	}

	if (!h->opts.destructive && uses_destructive(h->prog)) {
		fprintf(stderr, "dtrace: could not enable tracing: "
			"Destructive actions not allowed\n");
		return -1;
	}
	if (h->ops->bo_enable(h->be, h->prog, h->ecbs, h->necbs, ebuf,
			      sizeof(ebuf)) != 0) {
		fprintf(stderr, "dtrace: could not enable tracing: %s\n", ebuf);
		return -1;
	}
	return 0;
}

typedef struct id_ctx {
	uint32_t id;
	char *buf;
	size_t len;
	int found;
} id_ctx_t;

static int id_cb(const dt_probeinfo_t *pi, void *arg)
{
	id_ctx_t *x = arg;

	if (pi->pi_id != x->id)
		return 0;
	snprintf(x->buf, x->len, "%s:%s:%s:%s", pi->pi_prov, pi->pi_mod,
		 pi->pi_func, pi->pi_name);
	x->found = 1;
	return 1;
}

int dt_probe_by_id(dt_handle_t *h, uint32_t id, char *buf, size_t len)
{
	id_ctx_t x = { id, buf, len, 0 };

	if (choose_backend(h, NULL) != 0)
		return -1;
	h->ops->bo_probe_iter(h->be, id_cb, &x);
	return x.found ? 0 : -1;
}

/* ---- listing ---- */

static int list_cb(const dt_probeinfo_t *pi, void *arg)
{
	FILE *out = arg;

	fprintf(out, "%5u %10s %17s %33s %s\n", pi->pi_id, pi->pi_prov,
		pi->pi_mod, pi->pi_func, pi->pi_name);
	return 0;
}

int dt_list(dt_handle_t *h, FILE *out)
{
	int i;
	uint32_t c, d, k;

	if (choose_backend(h, NULL) != 0)
		return 1;
	fprintf(out, "%5s %10s %17s %33s %s\n", "ID", "PROVIDER", "MODULE",
		"FUNCTION", "NAME");
	if (h->nsrcs == 0) {
		h->ops->bo_probe_iter(h->be, list_cb, out);
		return 0;
	}
	for (i = 0; i < h->nsrcs; i++) {
		const dt_src_t *s = &h->srcs[i];
		const dt_program_t *p = s->prog;

		for (c = s->first; c < s->first + s->nclauses; c++) {
			for (d = 0; d < p->dp_clauses[c].dc_nprobes; d++) {
				dt_probeinfo_t *found;
				uint32_t n;

				if (match_desc(h, &p->dp_clauses[c].dc_probes[d],
					       &found, &n) != 0)
					return 1;
				for (k = 0; k < n; k++)
					list_cb(&found[k], out);
				free(found);
			}
		}
	}
	return 0;
}

void dt_print_dif(dt_handle_t *h, FILE *out)
{
	int i;
	uint32_t c;

	for (i = 0; i < h->nsrcs; i++) {
		const dt_src_t *s = &h->srcs[i];
		const dt_program_t *p = s->prog;

		for (c = s->first; c < s->first + s->nclauses; c++) {
			const dt_clause_t *cl = &p->dp_clauses[c];

			fprintf(out, "\nDIFO for clause %u (%s):\n", c + 1,
				cl->dc_nprobes ? cl->dc_probes[0].pd_text : "");
			dt_dis(out, &cl->dc_difo);
		}
	}
}

/* ---- the trace loop ---- */

static void snapshot_cb(void *arg)
{
	dt_handle_t *h = arg;

	h->ops->bo_snapshot(h->be, h->cons);
}

static int lookup_cb(void *arg, int user, int64_t pid, uint64_t addr,
		     const char **mod, const char **sym, uint64_t *symaddr)
{
	dt_handle_t *h = arg;

	return dt_symbols_lookup(h->syms, user, pid, addr, mod, sym, symaddr);
}

static int setopt_cb(void *arg, const char *name, const char *value)
{
	dt_handle_t *h = arg;
	char err[128];

	return dt_opts_set(&h->opts, name, value, err, sizeof(err));
}

/* the signal's name as DTrace reports a target's death, or NULL */
static const char *signame(int sig)
{
	static const struct {
		int sig;
		const char *name;
	} names[] = {
		{ SIGHUP, "SIGHUP" }, { SIGINT, "SIGINT" },
		{ SIGQUIT, "SIGQUIT" }, { SIGILL, "SIGILL" },
		{ SIGTRAP, "SIGTRAP" }, { SIGABRT, "SIGABRT" },
		{ SIGBUS, "SIGBUS" }, { SIGFPE, "SIGFPE" },
		{ SIGKILL, "SIGKILL" }, { SIGUSR1, "SIGUSR1" },
		{ SIGSEGV, "SIGSEGV" }, { SIGUSR2, "SIGUSR2" },
		{ SIGPIPE, "SIGPIPE" }, { SIGALRM, "SIGALRM" },
		{ SIGTERM, "SIGTERM" }, { SIGSTOP, "SIGSTOP" },
		{ SIGSYS, "SIGSYS" }, { SIGXCPU, "SIGXCPU" },
		{ SIGXFSZ, "SIGXFSZ" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].sig == sig)
			return names[i].name;
	return NULL;
}

/* 1 once t has gone (and its notice is printed) */
static int one_gone(dt_handle_t *h, dt_target_t *t)
{
	int status, gone;

	if (t->pid <= 0)
		return 0;
	status = 0; /* a grabbed process's status is not ours to know */
	if (t->ended) {
		status = t->status;
		gone = 1;
	} else if (t->is_child)
		gone = waitpid(t->pid, &status, WNOHANG) == t->pid;
	else
		gone = kill(t->pid, 0) != 0 && errno == ESRCH;
	if (!gone)
		return 0;
	/* DTrace's notices: like the "matched" ones, silenced by quiet */
	if (h->opts.quiet) {
		/* nothing */
	} else if (WIFSIGNALED(status)) {
		const char *sig = signame(WTERMSIG(status));

		if (sig != NULL)
			fprintf(stderr, "dtrace: pid %d terminated by %s\n",
				(int)t->pid, sig);
		else
			fprintf(stderr, "dtrace: pid %d terminated by %d\n",
				(int)t->pid, WTERMSIG(status));
	} else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		fprintf(stderr, "dtrace: pid %d exited with status %d\n",
			(int)t->pid, WEXITSTATUS(status));
	} else {
		fprintf(stderr, "dtrace: pid %d has exited\n", (int)t->pid);
	}
	t->pid = -1;
	return 1;
}

/* as in DTrace, the session ends when every -c/-p process has gone */
static int targets_gone(dt_handle_t *h)
{
	int i;

	if (h->nlive == 0)
		return 0;
	for (i = 0; i < h->ntargets; i++)
		if (one_gone(h, &h->targets[i]))
			h->nlive--;
	return h->nlive == 0;
}

int dt_run(dt_handle_t *h, FILE *out)
{
	dt_consumer_conf_t conf;
	struct sigaction sa;
	int r = 0, done = 0, status, i;
	int timeout = (int)(h->opts.switchrate_ns / 1000000);

	if (timeout <= 0 || timeout > 1000)
		timeout = 1000;
	if (h->nlive > 0 && timeout > 50)
		timeout = 50; /* notice the child's exit promptly */

	memset(&conf, 0, sizeof(conf));
	conf.cc_prog = h->prog;
	conf.cc_ecbs = h->ecbs;
	conf.cc_necbs = h->necbs;
	conf.cc_out = out;
	conf.cc_err = stderr;
	conf.cc_quiet = h->opts.quiet;
	conf.cc_flowindent = h->opts.flowindent;
	conf.cc_aggsortkey = h->opts.aggsortkey;
	conf.cc_aggsortrev = h->opts.aggsortrev;
	conf.cc_aggsortpos = h->opts.aggsortpos;
	conf.cc_aggsortkeypos = h->opts.aggsortkeypos;
	conf.cc_strsize = (uint32_t)h->opts.strsize;
	conf.cc_snapshot = snapshot_cb;
	conf.cc_setopt = setopt_cb;
	conf.cc_arg = h;
	if (h->syms != NULL)
		conf.cc_lookup = lookup_cb;
	h->cons = dt_consumer_create(&conf);
	if (h->cons == NULL)
		return 1;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	if (h->ops->bo_go(h->be) != 0) {
		fprintf(stderr, "dtrace: could not start tracing\n");
		return 1;
	}
	/* tracing is on: let the -c commands run */
	for (i = 0; i < h->ntargets; i++)
		release_target(&h->targets[i]);
	while (!done) {
		r = h->ops->bo_poll(h->be, h->cons, timeout);
		if (r != 0 || dt_interrupted || targets_gone(h))
			done = 1;
	}
	h->ops->bo_stop(h->be);
	/* END's records, then whatever was still buffered */
	if (r >= 0) {
		while ((r = h->ops->bo_poll(h->be, h->cons, 0)) > 0)
			;
	}
	h->ops->bo_snapshot(h->be, h->cons);
	dt_consume_final_aggs(h->cons);
	fflush(out);
	status = r < 0 ? 1 : dt_consumer_exit_status(h->cons);
	return status;
}

void dt_close(dt_handle_t *h)
{
	uint32_t i;
	int s;

	if (h == NULL)
		return;
	if (h->cons != NULL)
		dt_consumer_destroy(h->cons);
	dt_symbols_destroy(h->syms);
	if (h->be != NULL)
		h->ops->bo_close(h->be);
	for (i = 0; i < h->necbs; i++) {
		free((char *)h->ecbs[i].ec_prov);
		free((char *)h->ecbs[i].ec_mod);
		free((char *)h->ecbs[i].ec_func);
		free((char *)h->ecbs[i].ec_name);
	}
	free(h->ecbs);
	for (s = 0; s < h->nsrcs; s++) {
		dt_program_free(h->srcs[s].prog);
		free(h->srcs[s].text);
		free(h->srcs[s].label);
		free(h->srcs[s].desc);
	}
	free(h->srcs);
	/* a -c command that never got to run must not run now */
	for (s = 0; s < h->ntargets; s++) {
		dt_target_t *t = &h->targets[s];
		int st;

		if (t->held && t->pid > 0) {
			kill(t->pid, SIGKILL);
			dt_proc_wait(t->pid, &st);
		}
	}
	free(h->targets);
	free(h);
}
