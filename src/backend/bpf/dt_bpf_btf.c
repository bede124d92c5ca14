/*
 * dt_bpf_btf.c - facts about the running kernel read from its BTF
 * (/sys/kernel/btf/vmlinux): structure offsets the programs need and the
 * argument counts of raw tracepoints.  Nothing is assumed from headers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include "dt_bpf_impl.h"
#include "dt_bpf_btf.h"

static struct btf *vmlinux;

static struct btf *kbtf(void)
{
	if (vmlinux == NULL)
		vmlinux = btf__load_vmlinux_btf();
	return vmlinux;
}

/* byte offset of member name in the struct or union id, looking into
 * anonymous members, or -1 */
static int member_in(struct btf *btf, int id, const char *name, int depth)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	const struct btf_member *m;
	int k, off;

	while (t != NULL && (btf_is_typedef(t) || btf_is_mod(t)))
		t = btf__type_by_id(btf, t->type);
	if (t == NULL || !btf_is_composite(t) || depth > 4)
		return -1;
	m = btf_members(t);
	for (k = 0; k < btf_vlen(t); k++, m++) {
		const char *n = btf__name_by_offset(btf, m->name_off);

		if (n != NULL && strcmp(n, name) == 0)
			return (int)(btf_member_bit_offset(t, k) / 8);
		if ((n == NULL || *n == '\0') &&
		    (off = member_in(btf, (int)m->type, name, depth + 1)) >= 0)
			return (int)(btf_member_bit_offset(t, k) / 8) + off;
	}
	return -1;
}

int dt_bpf_btf_member(const char *sname, const char *name)
{
	struct btf *btf = kbtf();
	int id;

	if (btf == NULL ||
	    (id = btf__find_by_name_kind(btf, sname, BTF_KIND_STRUCT)) < 0)
		return -1;
	return member_in(btf, id, name, 0);
}

int dt_bpf_btf_offsets(dt_bpf_layout_t *lay, char *err, size_t errlen)
{
	struct btf *btf = kbtf();
	int ti, st;

	if (btf == NULL) {
		snprintf(err, errlen, "kernel BTF (/sys/kernel/btf/vmlinux) "
			 "is not available");
		return -1;
	}
	ti = dt_bpf_btf_member("task_struct", "thread_info");
	st = dt_bpf_btf_member("thread_info", "status");
	lay->parent_off = dt_bpf_btf_member("task_struct", "real_parent");
	lay->tgid_off = dt_bpf_btf_member("task_struct", "tgid");
	if (ti < 0 || st < 0 || lay->parent_off < 0 || lay->tgid_off < 0) {
		snprintf(err, errlen, "kernel BTF lacks task_struct fields "
			 "the syscall provider needs");
		return -1;
	}
	lay->status_off = ti + st;
	return 0;
}

/* raw tracepoints by name with their arity, indexed once per process */
typedef struct tpent {
	const char *te_name; /* without "btf_trace_" */
	int te_nargs;
} tpent_t;
static tpent_t *tpidx;
static size_t ntpidx;

static int tpcmp(const void *a, const void *b)
{
	return strcmp(((const tpent_t *)a)->te_name,
		      ((const tpent_t *)b)->te_name);
}

static void tp_index(struct btf *btf)
{
	uint32_t id, n = btf__type_cnt(btf);
	size_t cap = 0;

	for (id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(btf, id);
		const char *name;

		if (!btf_is_typedef(t))
			continue;
		name = btf__name_by_offset(btf, t->name_off);
		if (name == NULL || strncmp(name, "btf_trace_", 10) != 0)
			continue;
		t = btf__type_by_id(btf, t->type); /* pointer */
		if (t == NULL || !btf_is_ptr(t))
			continue;
		t = btf__type_by_id(btf, t->type);
		if (t == NULL || !btf_is_func_proto(t))
			continue;
		if (ntpidx == cap) {
			tpent_t *nv;

			cap = cap ? cap * 2 : 1024;
			nv = realloc(tpidx, cap * sizeof(*nv));
			if (nv == NULL)
				return;
			tpidx = nv;
		}
		tpidx[ntpidx].te_name = name + 10;
		/* the first parameter is the tracepoint's private data */
		tpidx[ntpidx].te_nargs = btf_vlen(t) > 0 ? btf_vlen(t) - 1 : 0;
		ntpidx++;
	}
	qsort(tpidx, ntpidx, sizeof(*tpidx), tpcmp);
}

/* number of arguments of raw tracepoint tp, -1 if there is none */
int dt_bpf_sdt_nargs(const char *tp)
{
	struct btf *btf = kbtf();
	tpent_t key, *e;

	if (btf == NULL)
		return -1;
	if (tpidx == NULL)
		tp_index(btf);
	key.te_name = tp;
	e = bsearch(&key, tpidx, ntpidx, sizeof(*tpidx), tpcmp);
	return e != NULL ? e->te_nargs : -1;
}

/*
 * Whether a tracing program loads against a kernel function (fentry);
 * tested once.  0 if not, with the reason's errno kept for the message.
 */
static int fentry_errno = -1;

int dt_bpf_fentry_works(void)
{
	struct bpf_insn prog[2] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	struct btf *btf;
	int id, fd;

	if (fentry_errno >= 0)
		return fentry_errno == 0;
	btf = kbtf();
	id = btf != NULL ? btf__find_by_name_kind(btf, "do_nanosleep",
						   BTF_KIND_FUNC) : -1;
	if (id <= 0) {
		fentry_errno = ENOENT;
		return 0;
	}
	{
		LIBBPF_OPTS(bpf_prog_load_opts, o,
			    .expected_attach_type = BPF_TRACE_FENTRY,
			    .attach_btf_id = (uint32_t)id);

		fd = bpf_prog_load(BPF_PROG_TYPE_TRACING, "dt_fbt_probe", "GPL",
				   prog, 2, &o);
	}
	if (fd >= 0) {
		close(fd);
		fentry_errno = 0;
		return 1;
	}
	fentry_errno = errno ? errno : EPERM;
	return 0;
}

/*
 * Why fbt cannot run here, or NULL if it could: fentry needs a tracing
 * program to load against a kernel function, kprobes need the kprobe PMU.
 */
const char *dt_bpf_fbt_unavailable(void)
{
	static char why[200];
	struct stat st;

	if (dt_bpf_fentry_works())
		return NULL;
	if (stat("/sys/bus/event_source/devices/kprobe", &st) == 0)
		return NULL;
	snprintf(why, sizeof(why), "fentry programs are refused (%s) and the "
		 "kernel has no kprobes", fentry_errno != ENOENT ?
		 strerror(fentry_errno) : "no kernel BTF");
	return why;
}

/* kernel functions by name with their BTF id, indexed once per process */
typedef struct fnent {
	const char *fe_name;
	int fe_id;
} fnent_t;
static fnent_t *fnidx;
static size_t nfnidx;

static int fncmp(const void *a, const void *b)
{
	return strcmp(((const fnent_t *)a)->fe_name,
		      ((const fnent_t *)b)->fe_name);
}

static void fn_index(struct btf *btf)
{
	uint32_t id, n = btf__type_cnt(btf);
	size_t cap = 0;

	for (id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(btf, id);

		if (!btf_is_func(t))
			continue;
		if (nfnidx == cap) {
			fnent_t *nv;

			cap = cap ? cap * 2 : 4096;
			nv = realloc(fnidx, cap * sizeof(*nv));
			if (nv == NULL)
				return;
			fnidx = nv;
		}
		fnidx[nfnidx].fe_name = btf__name_by_offset(btf, t->name_off);
		fnidx[nfnidx].fe_id = (int)id;
		nfnidx++;
	}
	qsort(fnidx, nfnidx, sizeof(*fnidx), fncmp);
}

int dt_bpf_btf_func(const char *name, int *nargs)
{
	struct btf *btf = kbtf();
	fnent_t key, *e;
	const struct btf_type *t;

	if (btf == NULL)
		return -1;
	if (fnidx == NULL)
		fn_index(btf);
	key.fe_name = name;
	e = bsearch(&key, fnidx, nfnidx, sizeof(*fnidx), fncmp);
	if (e == NULL)
		return -1;
	t = btf__type_by_id(btf, btf__type_by_id(btf, (uint32_t)e->fe_id)->type);
	if (nargs != NULL)
		*nargs = t != NULL && btf_is_func_proto(t) ? btf_vlen(t) : 0;
	return e->fe_id;
}

int dt_bpf_btf_funcs(void (*cb)(const char *name, void *arg), void *arg)
{
	struct btf *btf = kbtf();
	size_t k;

	if (btf == NULL)
		return -1;
	if (fnidx == NULL)
		fn_index(btf);
	for (k = 0; k < nfnidx; k++)
		if (k == 0 || strcmp(fnidx[k].fe_name, fnidx[k - 1].fe_name))
			cb(fnidx[k].fe_name, arg);
	return 0;
}

/* append the C spelling of type id to buf (a declaration without a name) */
static int type_str(struct btf *btf, uint32_t id, char *buf, size_t len)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	const char *n, *kw = NULL;
	size_t l = strlen(buf);

	if (id == 0) {
		snprintf(buf + l, len - l, "void");
		return 0;
	}
	if (t == NULL)
		return -1;
	n = btf__name_by_offset(btf, t->name_off);
	switch (btf_kind(t)) {
	case BTF_KIND_INT: case BTF_KIND_FLOAT: case BTF_KIND_TYPEDEF:
		break;
	case BTF_KIND_STRUCT: kw = "struct "; break;
	case BTF_KIND_UNION: kw = "union "; break;
	case BTF_KIND_ENUM: case BTF_KIND_ENUM64: kw = "enum "; break;
	case BTF_KIND_FWD: kw = btf_kflag(t) ? "union " : "struct "; break;
	case BTF_KIND_CONST:
		snprintf(buf + l, len - l, "const ");
		return type_str(btf, t->type, buf, len);
	case BTF_KIND_VOLATILE:
		snprintf(buf + l, len - l, "volatile ");
		return type_str(btf, t->type, buf, len);
	case BTF_KIND_RESTRICT: case BTF_KIND_TYPE_TAG:
		return type_str(btf, t->type, buf, len);
	case BTF_KIND_PTR: {
		const struct btf_type *r = btf__type_by_id(btf, t->type);

		/* function pointers: as an untyped pointer */
		if (r != NULL && btf_is_func_proto(r)) {
			snprintf(buf + l, len - l, "void *");
			return 0;
		}
		if (type_str(btf, t->type, buf, len) != 0)
			return -1;
		l = strlen(buf);
		snprintf(buf + l, len - l, " *");
		return 0;
	}
	default:
		return -1;
	}
	if (n == NULL || n[0] == '\0')
		return -1; /* anonymous: cannot be named in D */
	snprintf(buf + l, len - l, "%s%s", kw ? kw : "", n);
	return strlen(buf) + 1 < len ? 0 : -1;
}

/* type strings handed out stay valid for the life of the process */
static const char *intern(const char *s)
{
	static char **v;
	static size_t n, cap;
	size_t k;

	for (k = 0; k < n; k++)
		if (strcmp(v[k], s) == 0)
			return v[k];
	if (n == cap) {
		char **nv = realloc(v, (cap ? cap * 2 : 16) * sizeof(*nv));

		if (nv == NULL)
			return NULL;
		v = nv;
		cap = cap ? cap * 2 : 16;
	}
	if ((v[n] = strdup(s)) == NULL)
		return NULL;
	return v[n++];
}

const char *dt_bpf_btf_argtype(int funcid, int n)
{
	struct btf *btf = kbtf();
	const struct btf_type *t;
	static char buf[256];
	uint32_t tid;

	if (btf == NULL || funcid <= 0)
		return NULL;
	t = btf__type_by_id(btf, (uint32_t)funcid);
	if (t == NULL || !btf_is_func(t))
		return NULL;
	t = btf__type_by_id(btf, t->type);
	if (t == NULL || !btf_is_func_proto(t))
		return NULL;
	if (n < 0)
		tid = t->type;
	else if (n < btf_vlen(t))
		tid = btf_params(t)[n].type;
	else
		return NULL;
	buf[0] = '\0';
	if (type_str(btf, tid, buf, sizeof(buf)) != 0)
		return NULL;
	return intern(buf);
}

/* int, enum or pointer, after typedefs and qualifiers */
static int scalar_type(struct btf *btf, uint32_t id)
{
	const struct btf_type *t = btf__type_by_id(btf, id);

	while (t != NULL && (btf_is_typedef(t) || btf_is_const(t) ||
			     btf_is_volatile(t) || btf_is_restrict(t) ||
			     btf_is_type_tag(t)))
		t = btf__type_by_id(btf, t->type);
	return t != NULL && (btf_is_int(t) || btf_is_any_enum(t) ||
			     btf_is_ptr(t)) && (btf_is_ptr(t) || t->size <= 8);
}

/*
 * Whether a trampoline (fentry/fexit) can take this function on any kernel
 * we meet: at most six parameters, each a scalar or a pointer, and a
 * scalar, pointer or void result.  The rest go to kprobes.
 */
int dt_bpf_btf_fentry_ok(int funcid)
{
	struct btf *btf = kbtf();
	const struct btf_type *t;
	const struct btf_param *p;
	int k;

	if (btf == NULL || funcid <= 0)
		return 0;
	t = btf__type_by_id(btf, (uint32_t)funcid);
	if (t == NULL || !btf_is_func(t))
		return 0;
	t = btf__type_by_id(btf, t->type);
	if (t == NULL || !btf_is_func_proto(t) || btf_vlen(t) > 6)
		return 0;
	if (t->type != 0 && !scalar_type(btf, t->type))
		return 0;
	p = btf_params(t);
	for (k = 0; k < btf_vlen(t); k++)
		if (p[k].type == 0 || !scalar_type(btf, p[k].type))
			return 0; /* 0: variadic */
	return 1;
}
