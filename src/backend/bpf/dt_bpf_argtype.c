/*
 * dt_bpf_argtype.c - bo_argtype for the BPF backend: the C type of
 * args[n], so that the compiler can type sdt:sched::sched_switch's
 * args[1] as "struct task_struct *" and args[1]->comm works.
 *
 * sdt probes are raw tracepoints; their arguments are the tracepoint's
 * prototype, which vmlinux BTF keeps as the typedef btf_trace_<event>:
 * a pointer to a function prototype whose first parameter is the
 * tracepoint's private data (skipped).  Type names come from
 * dt_bpf_btf_argtype(), which names a FUNC's parameters: the FUNC is the
 * tracepoint class's __bpf_trace_<class> whose parameter types are those
 * of the typedef (events of one class share it, and its name is the
 * class's, not the event's).  fbt asks dt_bpf_fbt_argtypes(); syscall
 * arguments stay int64_t, as in DTrace.  (The tracefs format file is no
 * help here: it describes the trace record, not the raw arguments.)
 */
#include <stdlib.h>
#include <string.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include "dt_bpf_impl.h"

static struct btf *argbtf;

static struct btf *btf_get(void)
{
	if (argbtf == NULL)
		argbtf = btf__load_vmlinux_btf();
	return argbtf;
}

/* the function prototype behind typedef btf_trace_<ev>, or NULL */
static const struct btf_type *tp_proto(struct btf *btf, const char *ev)
{
	char name[256];
	const struct btf_type *t;
	int id;

	snprintf(name, sizeof(name), "btf_trace_%s", ev);
	id = btf__find_by_name_kind(btf, name, BTF_KIND_TYPEDEF);
	if (id <= 0)
		return NULL;
	t = btf__type_by_id(btf, (uint32_t)id);
	t = t != NULL ? btf__type_by_id(btf, t->type) : NULL;
	if (t == NULL || !btf_is_ptr(t))
		return NULL;
	t = btf__type_by_id(btf, t->type);
	return t != NULL && btf_is_func_proto(t) ? t : NULL;
}

/* whether FUNC id's parameter types are exactly those of proto p */
static int same_params(struct btf *btf, uint32_t id,
		       const struct btf_type *p)
{
	const struct btf_type *f = btf__type_by_id(btf, id), *q;
	int k;

	if (f == NULL || !btf_is_func(f))
		return 0;
	q = btf__type_by_id(btf, f->type);
	if (q == NULL || !btf_is_func_proto(q) || btf_vlen(q) != btf_vlen(p))
		return 0;
	for (k = 0; k < btf_vlen(p); k++)
		if (btf_params(q)[k].type != btf_params(p)[k].type)
			return 0;
	return 1;
}

/* the name of the __bpf_trace_<class> function serving event ev */
static const char *tp_class_func(const char *ev)
{
	static char last_ev[256];
	static const char *last_fn;
	struct btf *btf = btf_get();
	const struct btf_type *p;
	char name[280];
	uint32_t id, n;
	int fid;

	if (btf == NULL)
		return NULL;
	if (strcmp(ev, last_ev) == 0)
		return last_fn;
	snprintf(last_ev, sizeof(last_ev), "%s", ev);
	last_fn = NULL;
	p = tp_proto(btf, ev);
	if (p == NULL)
		return NULL;
	/* TRACE_EVENT: the class is named as the event */
	snprintf(name, sizeof(name), "__bpf_trace_%s", ev);
	fid = btf__find_by_name_kind(btf, name, BTF_KIND_FUNC);
	if (fid > 0 && same_params(btf, (uint32_t)fid, p)) {
		last_fn = btf__name_by_offset(btf, btf__type_by_id(
					btf, (uint32_t)fid)->name_off);
		return last_fn;
	}
	/* DEFINE_EVENT: any class with the same parameter types will do */
	n = btf__type_cnt(btf);
	for (id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(btf, id);
		const char *fn;

		if (!btf_is_func(t))
			continue;
		fn = btf__name_by_offset(btf, t->name_off);
		if (fn != NULL && strncmp(fn, "__bpf_trace_", 12) == 0 &&
		    same_params(btf, id, p)) {
			last_fn = fn;
			break;
		}
	}
	return last_fn;
}

/* args[n] of raw tracepoint ev */
static const char *sdt_argtype(const char *ev, int n)
{
	const char *fn = tp_class_func(ev);
	int id;

	if (fn == NULL || n < 0)
		return NULL;
	id = dt_bpf_btf_func(fn, NULL);
	/* parameter 0 is the tracepoint's private data */
	return id > 0 ? dt_bpf_btf_argtype(id, n + 1) : NULL;
}

static int literal(const char *s)
{
	return s != NULL && s[0] != '\0' && strpbrk(s, "*?[\\") == NULL;
}

/*
 * Every description must name probes whose args[n] is one known type:
 * sdt descriptions with a literal event name (the group may be anything:
 * a raw tracepoint is named by its event alone), or fbt ones.
 */
const char *dt_bpf_argtype(dt_backend_t *be, const dt_probedesc_t *pds,
			   uint32_t npds, int n)
{
	const char *ty = NULL;
	uint32_t k;

	(void)be;
	if (npds == 0)
		return NULL;
	if (pds[0].pd_prov != NULL && strcmp(pds[0].pd_prov, "fbt") == 0)
		return dt_bpf_fbt_argtypes(pds, npds, n);
	for (k = 0; k < npds; k++) {
		const dt_probedesc_t *pd = &pds[k];
		const char *t;

		if (pd->pd_prov == NULL || strcmp(pd->pd_prov, "sdt") != 0 ||
		    !literal(pd->pd_name) ||
		    (pd->pd_func != NULL && pd->pd_func[0] != '\0'))
			return NULL;
		t = sdt_argtype(pd->pd_name, n);
		if (t == NULL || (ty != NULL && strcmp(t, ty) != 0))
			return NULL;
		ty = t;
	}
	return ty;
}
