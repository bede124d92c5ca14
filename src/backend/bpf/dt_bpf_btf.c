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

static struct btf *vmlinux;

static struct btf *kbtf(void)
{
	if (vmlinux == NULL)
		vmlinux = btf__load_vmlinux_btf();
	return vmlinux;
}

/* byte offset of member name in struct sname, or -1 */
static int member_off(struct btf *btf, const char *sname, const char *name)
{
	const struct btf_type *t;
	const struct btf_member *m;
	int id, k;

	id = btf__find_by_name_kind(btf, sname, BTF_KIND_STRUCT);
	if (id < 0)
		return -1;
	t = btf__type_by_id(btf, id);
	m = btf_members(t);
	for (k = 0; k < btf_vlen(t); k++, m++) {
		const char *n = btf__name_by_offset(btf, m->name_off);

		if (n != NULL && strcmp(n, name) == 0)
			return (int)(btf_member_bit_offset(t, k) / 8);
	}
	return -1;
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
	ti = member_off(btf, "task_struct", "thread_info");
	st = member_off(btf, "thread_info", "status");
	lay->parent_off = member_off(btf, "task_struct", "real_parent");
	lay->tgid_off = member_off(btf, "task_struct", "tgid");
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
 * Why fbt cannot run here, or NULL if it could: fentry needs a tracing
 * program to load against a kernel function, kprobes need the kprobe PMU.
 */
const char *dt_bpf_fbt_unavailable(void)
{
	static char why[200];
	struct bpf_insn prog[2] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	struct btf *btf = kbtf();
	int id, fd, fentry_errno = 0;
	struct stat st;

	if (btf != NULL &&
	    (id = btf__find_by_name_kind(btf, "do_nanosleep", BTF_KIND_FUNC)) > 0) {
		LIBBPF_OPTS(bpf_prog_load_opts, o,
			    .expected_attach_type = BPF_TRACE_FENTRY,
			    .attach_btf_id = (uint32_t)id);

		fd = bpf_prog_load(BPF_PROG_TYPE_TRACING, "dt_fbt_probe", "GPL",
				   prog, 2, &o);
		if (fd >= 0) {
			close(fd);
			return NULL;
		}
		fentry_errno = errno;
	}
	if (stat("/sys/bus/event_source/devices/kprobe", &st) == 0)
		return NULL;
	snprintf(why, sizeof(why), "fentry programs are refused (%s) and the "
		 "kernel has no kprobes", fentry_errno ? strerror(fentry_errno) :
		 "no kernel BTF");
	return why;
}
