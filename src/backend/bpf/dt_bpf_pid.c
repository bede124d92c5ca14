/*
 * dt_bpf_pid.c - the pid provider on BPF: pidN:MOD:FUNC:entry, :return
 * and :OFFSET (hex) on uprobes, filtered to process N; also where USDT
 * probes (dt_bpf_usdt.c) attach and fetch their arguments.
 *
 * A probe is a uprobe at a file offset of an object the process maps:
 * entry and OFFSET are uprobes, return a uretprobe at the function's
 * start.  Probes of a module are added the first time a description
 * names pidN and that module (entry and return of every function symbol);
 * OFFSET probes when a description names the function exactly: decoding
 * its instructions (dt_bpf_x86len.c) gives every offset where one starts,
 * and no other.
 *
 * With BPF_TRACE_UPROBE_MULTI links (Linux 6.6), the pid probes of one
 * object in one process share one program and one link (USDT probes
 * another) (all their sites,
 * filtered to the process); the attach cookie of each site says which
 * probe fired (see dt_bpf_prog_t).  Loading a program per probe was what
 * made a glob over a library slow.  Without them (or DTRACE_UPROBE=perf)
 * each probe has its own program, attached with perf_event_open(2) of the
 * "uprobe" PMU per site with the process as the event's task and
 * PERF_EVENT_IOC_SET_BPF.  Every link and perf fd is ours, so a consumer
 * killed with SIGKILL leaves no uprobe behind.  The process's objects
 * come from dt_bpf_uproc.c.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <linux/perf_event.h>
#include <bpf/bpf.h>
#include "dt_bpf_xl.h"
#include "dt_bpf_uprobe.h"

/* ---- providing ---- */

dt_upriv_t *dt_upriv_new(int pid, const char *path)
{
	size_t l = strlen(path) + 1;
	dt_upriv_t *u = calloc(1, sizeof(*u) + l);

	if (u == NULL)
		return NULL;
	u->up_pid = pid;
	memcpy(u->up_path, path, l);
	return u;
}

static int has_glob(const char *s)
{
	return s != NULL && strpbrk(s, "*?[\\") != NULL;
}

/* "pid1234" -> "pid", 1234; "dttest99" -> "dttest", 99 */
static int split_prov(const char *prov, char *prefix, size_t len, int *pid)
{
	size_t l = strlen(prov), d = l;
	long v;

	while (d > 0 && isdigit((unsigned char)prov[d - 1]))
		d--;
	if (d == 0 || d == l || d >= len || prov[d] == '0' || l - d > 9)
		return -1;
	v = strtol(prov + d, NULL, 10);
	memcpy(prefix, prov, d);
	prefix[d] = '\0';
	*pid = (int)v;
	return 0;
}

static int have_mod(const dt_bpf_ptab_t *t, const char *prov, const char *mod)
{
	uint32_t k;

	for (k = 0; k < t->n; k++)
		if (t->pt[k].p_kind == DT_BPF_P_PID_ENTRY &&
		    strcmp(t->pt[k].p_info.pi_prov, prov) == 0 &&
		    strcmp(t->pt[k].p_info.pi_mod, mod) == 0)
			return 1;
	return 0;
}

static int have_probe(const dt_bpf_ptab_t *t, const char *prov,
		      const char *mod, const char *func, const char *name)
{
	uint32_t k;

	for (k = 0; k < t->n; k++)
		if (strcmp(t->pt[k].p_info.pi_name, name) == 0 &&
		    strcmp(t->pt[k].p_info.pi_func, func) == 0 &&
		    strcmp(t->pt[k].p_info.pi_mod, mod) == 0 &&
		    strcmp(t->pt[k].p_info.pi_prov, prov) == 0)
			return 1;
	return 0;
}

static int add_uprobe(dt_bpf_ptab_t *t, const char *prov, const dt_uobj_t *u,
		      const char *func, const char *name, int kind, int pid,
		      uint64_t off, int abi)
{
	dt_upriv_t *up = dt_upriv_new(pid, u->uo_path);

	if (up == NULL || dt_bpf_probe_add(t, prov, u->uo_base, func, name,
					   kind) != 0) {
		free(up);
		return -1;
	}
	up->up_nsites = 1;
	up->up_site[0].off = off;
	t->pt[t->n - 1].p_priv = up;
	/* the ABI the arguments follow (dt_bpf_pid_arg) */
	t->pt[t->n - 1].p_abi = abi;
	return 0;
}

/* "1a" or "0x1a": an offset probe's name */
static int hex_name(const char *s, uint64_t *v)
{
	char *end;

	if (s == NULL || !isxdigit((unsigned char)s[0]))
		return -1;
	errno = 0;
	*v = strtoull(s, &end, 16);
	return errno == 0 && *end == '\0' ? 0 : -1;
}

/* the function's bytes from the file (caller frees), or NULL */
static uint8_t *read_code(const char *path, uint64_t off, uint64_t size)
{
	uint8_t *b;
	int fd;

	if (size == 0 || size > (1u << 24))
		return NULL;
	b = malloc(size);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (b == NULL || fd < 0 ||
	    pread(fd, b, size, (off_t)off) != (ssize_t)size) {
		free(b);
		b = NULL;
	}
	if (fd >= 0)
		close(fd);
	return b;
}

/*
 * Offset probes of a function named exactly: the one a hex name asks for,
 * or every instruction's when the name is empty or a pattern (as DTrace
 * lists them).  Offsets come from decoding the function, so none lands
 * inside an instruction.
 */
static int add_offsets(dt_bpf_ptab_t *t, const dt_probedesc_t *pd,
		       const char *prov, int pid, const dt_uobj_t *u,
		       const dt_elf_func_t *f, uint64_t off, int is64, int abi)
{
	const char *pn = pd->pd_name;
	int every = pn == NULL || pn[0] == '\0' || has_glob(pn);
	uint64_t want = 0, at = 0;
	uint8_t *code;
	int rc = 0;

	if (!every && hex_name(pn, &want) != 0)
		return 0;
	code = read_code(u->uo_path, off, f->ef_size);
	if (code == NULL)
		return 0;
	while (at < f->ef_size && rc == 0) {
		int l = dt_x86_insn_len(code + at, f->ef_size - at, is64);
		char name[32];

		if (l <= 0)
			break; /* not understood: no offsets past here */
		/* DTrace names offset probes in lower-case hex */
		snprintf(name, sizeof(name), "%llx", (unsigned long long)at);
		if ((every || at == want) &&
		    !have_probe(t, prov, u->uo_base, f->ef_name, name))
			rc = add_uprobe(t, prov, u, f->ef_name, name,
					DT_BPF_P_PID_OFFSET, pid, off + at,
					abi);
		if (!every && at >= want)
			break;
		at += (uint64_t)l;
	}
	free(code);
	return rc;
}

static int pid_obj(dt_bpf_ptab_t *t, const dt_probedesc_t *pd,
		   const char *prov, int pid, const dt_uobj_t *u)
{
	dt_elf_obj_t o;
	size_t k;
	int rc = 0, abi;
	int all = !have_mod(t, prov, u->uo_base);
	int offp = !has_glob(pd->pd_func) && pd->pd_func != NULL &&
		   pd->pd_func[0] != '\0';

	if (!all && !offp)
		return 0;
	if (dt_elf_open(u->uo_path, &o) != 0)
		return 0; /* not an ELF file we can read: no probes */
	abi = o.eo_is64 ? DT_BPF_ABI_X64 : DT_BPF_ABI_X32;
	for (k = 0; k < o.eo_nfuncs && rc == 0; k++) {
		const dt_elf_func_t *f = &o.eo_funcs[k];
		uint64_t off = dt_elf_off(&o, f->ef_vaddr);

		if (off == (uint64_t)-1)
			continue;
		if (all)
			rc = add_uprobe(t, prov, u, f->ef_name, "entry",
					DT_BPF_P_PID_ENTRY, pid, off, abi) ||
			     add_uprobe(t, prov, u, f->ef_name, "return",
					DT_BPF_P_PID_RETURN, pid, off, abi);
		if (rc == 0 && offp && strcmp(f->ef_name, pd->pd_func) == 0)
			rc = add_offsets(t, pd, prov, pid, u, f, off,
					 o.eo_is64, abi);
	}
	dt_elf_close(&o);
	return rc;
}

int dt_bpf_pid_provide(dt_bpf_ptab_t *t, const dt_probedesc_t *pd)
{
	char prefix[64];
	dt_uobj_t *objs;
	size_t n, k;
	int pid, rc = 0;

	if (pd->pd_prov == NULL || pd->pd_prov[0] == '\0' ||
	    has_glob(pd->pd_prov) ||
	    split_prov(pd->pd_prov, prefix, sizeof(prefix), &pid) != 0)
		return 0;
	if (strcmp(prefix, "pid") != 0)
		return dt_bpf_usdt_provide(t, pd, prefix, pid);
	if (dt_uobj_list(pid, &objs, &n) != 0)
		return 0; /* no such process: the description matches nothing */
	for (k = 0; k < n && rc == 0; k++)
		if (dt_uobj_mod_match(&objs[k], pd->pd_mod))
			rc = pid_obj(t, pd, pd->pd_prov, pid, &objs[k]);
	dt_uobj_free(objs, n);
	return rc;
}

int dt_bpf_pid_ctx(const dt_bpf_probe_t *pr)
{
	return pr->p_kind == DT_BPF_P_PID_RETURN ? DT_BPF_CTX_URETPROBE :
						   DT_BPF_CTX_UPROBE;
}

/* ---- attaching ---- */

#define ENOTSUPP_UPROBE 524 /* the kernel's ENOTSUPP: cannot probe here */

/* the perf type of the uprobe PMU and the bit of config a field uses */
static int pmu_read(const char *file, char *buf, size_t len)
{
	FILE *f = fopen(file, "r");
	size_t n;

	if (f == NULL)
		return -1;
	n = fread(buf, 1, len - 1, f);
	fclose(f);
	buf[n] = '\0';
	return 0;
}

static int pmu_bit(const char *field, int dflt)
{
	char p[128], buf[64];
	int bit;

	snprintf(p, sizeof(p), "/sys/bus/event_source/devices/uprobe/format/%s",
		 field);
	if (pmu_read(p, buf, sizeof(buf)) != 0 ||
	    sscanf(buf, "config:%d", &bit) != 1)
		return dflt;
	return bit;
}

static int open_uprobe(const dt_upriv_t *up, uint32_t site, int ret)
{
	struct perf_event_attr a;
	char buf[32];
	int type, fd;

	if (pmu_read("/sys/bus/event_source/devices/uprobe/type", buf,
		     sizeof(buf)) != 0) {
		/* no uprobe PMU: CONFIG_UPROBE_EVENTS off (or no fd left) */
		if (errno != EMFILE && errno != ENFILE)
			errno = ENOENT;
		return -1;
	}
	type = atoi(buf);
	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	a.type = (uint32_t)type;
	if (ret)
		a.config |= 1ULL << pmu_bit("retprobe", 0);
	if (up->up_site[site].sema != 0)
		a.config |= up->up_site[site].sema << pmu_bit("ref_ctr_offset", 32);
	a.config1 = (uint64_t)(uintptr_t)up->up_path;
	a.config2 = up->up_site[site].off;
	a.sample_period = 1;
	a.wakeup_events = 1;
	/* armed by PERF_EVENT_IOC_ENABLE, once the program is attached */
	a.disabled = 1;
	/* the target as the event's task: only its address space traps */
	fd = (int)syscall(__NR_perf_event_open, &a, up->up_pid, -1, -1,
			  PERF_FLAG_FD_CLOEXEC);
	return fd;
}

/*
 * BPF_LINK_CREATE with BPF_TRACE_UPROBE_MULTI (Linux 6.6): one link for
 * every site of a probe, filtered to the process; its release costs about
 * a quarter of a perf uprobe's close.  Our uapi headers may predate it, so
 * the attribute is spelled out here.
 */
#define DT_TRACE_UPROBE_MULTI 48
#define DT_F_UPROBE_MULTI_RETURN 1u

struct dt_uprobe_multi_attr {
	uint32_t prog_fd, target_fd, attach_type, flags;
	uint64_t path, offsets, ref_ctr_offsets, cookies;
	uint32_t cnt, uflags, pid, pad;
	uint64_t spare[4]; /* the kernel wants the rest of bpf_attr zero */
};

/* -1: not tried yet, 0: the kernel has no uprobe_multi, 1: it has */
static int have_multi = -1;

/*
 * Whether uprobe_multi links work here, found once before programs are
 * grouped (grouping depends on it): a link on a directory is refused with
 * EBADF by a kernel that knows the attach type, EINVAL by one that does
 * not.  DTRACE_UPROBE=perf forces perf uprobes (to test the fallback).
 */
static int multi_wanted(void)
{
	static const struct bpf_insn ret0[2] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	const char *e = getenv("DTRACE_UPROBE");
	LIBBPF_OPTS(bpf_prog_load_opts, o);
	struct dt_uprobe_multi_attr a;
	uint64_t off = 0;
	int prog, link;

	if (have_multi >= 0)
		return have_multi;
	have_multi = 0;
	if (e != NULL && strcmp(e, "perf") == 0)
		return 0;
	o.expected_attach_type = (enum bpf_attach_type)DT_TRACE_UPROBE_MULTI;
	prog = bpf_prog_load(BPF_PROG_TYPE_KPROBE, "dt_probe", "GPL", ret0, 2,
			     &o);
	if (prog < 0)
		return 0;
	memset(&a, 0, sizeof(a));
	a.prog_fd = (uint32_t)prog;
	a.attach_type = DT_TRACE_UPROBE_MULTI;
	a.path = (uint64_t)(uintptr_t)"/";
	a.offsets = (uint64_t)(uintptr_t)&off;
	a.cnt = 1;
	link = (int)syscall(__NR_bpf, BPF_LINK_CREATE, &a, sizeof(a));
	if (link >= 0)
		close(link);
	else if (errno == EBADF)
		have_multi = 1;
	close(prog);
	return have_multi;
}

enum bpf_prog_type dt_bpf_pid_load_opts(struct bpf_prog_load_opts *o)
{
	if (multi_wanted())
		o->expected_attach_type =
			(enum bpf_attach_type)DT_TRACE_UPROBE_MULTI;
	return BPF_PROG_TYPE_KPROBE;
}

/*
 * With uprobe_multi, the pid probes of one object in one process share a
 * program (and a link), and so do its USDT probes: return probes already
 * differ by context kind; USDT probes are few, and apart their argument
 * dispatch stays out of the pid program a glob over a library makes.  Without it each probe keeps its own program on perf uprobes:
 * the attach cookie would need BPF_LINK_CREATE on perf events (5.15), and
 * the kernels this fallback is for include older ones.
 */
int dt_bpf_pid_same_prog(const dt_bpf_probe_t *a, const dt_bpf_probe_t *b)
{
	const dt_upriv_t *ua = a->p_priv, *ub = b->p_priv;

	return multi_wanted() && ua != NULL && ub != NULL &&
	       dt_bpf_pid_ctx(a) == dt_bpf_pid_ctx(b) &&
	       (a->p_kind == DT_BPF_P_USDT) == (b->p_kind == DT_BPF_P_USDT) &&
	       ua->up_pid == ub->up_pid &&
	       strcmp(ua->up_path, ub->up_path) == 0;
}

/* a probe's attach cookie: its index in the program, its USDT slot + 1 */
static uint64_t cookie_of(const dt_bpf_probe_t *pr, uint32_t idx)
{
	uint64_t slot = pr->p_kind == DT_BPF_P_USDT ? (uint64_t)pr->p_nr : 0;

	return slot << 32 | idx;
}

/* one uprobe_multi link for probes [from, to) of bp; its fd or -1 */
static int multi_link(const dt_bpf_ptab_t *pt, const dt_bpf_prog_t *bp,
		      uint32_t from, uint32_t to)
{
	const dt_bpf_probe_t *pr = dt_bpf_probe_byid(pt, bp->bp_probe);
	const dt_upriv_t *up0 = pr->p_priv;
	struct dt_uprobe_multi_attr a;
	uint64_t *off, *ref, *ck;
	size_t n = 0, cap = 0;
	uint32_t k, s;
	int refs = 0, fd, e;

	for (k = from; k < to; k++) {
		const dt_upriv_t *up =
			dt_bpf_probe_byid(pt, bp->bp_probes[k])->p_priv;

		cap += up != NULL ? up->up_nsites : 0;
	}
	off = calloc(cap + 1, sizeof(*off));
	ref = calloc(cap + 1, sizeof(*ref));
	ck = calloc(cap + 1, sizeof(*ck));
	if (off == NULL || ref == NULL || ck == NULL) {
		fd = -1;
		goto out;
	}
	for (k = from; k < to; k++) {
		const dt_upriv_t *up;

		pr = dt_bpf_probe_byid(pt, bp->bp_probes[k]);
		up = pr->p_priv;
		for (s = 0; up != NULL && s < up->up_nsites; s++) {
			off[n] = up->up_site[s].off;
			ref[n] = up->up_site[s].sema;
			ck[n] = cookie_of(pr, k);
			refs |= ref[n] != 0;
			n++;
		}
	}
	memset(&a, 0, sizeof(a));
	a.prog_fd = (uint32_t)bp->bp_fd;
	a.attach_type = DT_TRACE_UPROBE_MULTI;
	a.path = (uint64_t)(uintptr_t)up0->up_path;
	a.offsets = (uint64_t)(uintptr_t)off;
	a.ref_ctr_offsets = refs ? (uint64_t)(uintptr_t)ref : 0;
	a.cookies = (uint64_t)(uintptr_t)ck;
	a.cnt = (uint32_t)n;
	a.uflags = bp->bp_ctx == DT_BPF_CTX_URETPROBE ?
			   DT_F_UPROBE_MULTI_RETURN : 0;
	a.pid = (uint32_t)up0->up_pid;
	fd = (int)syscall(__NR_bpf, BPF_LINK_CREATE, &a, sizeof(a));
out:
	e = errno;
	free(off);
	free(ref);
	free(ck);
	errno = e;
	return fd;
}

static void cannot(const dt_bpf_probe_t *pr)
{
	/* an instruction uprobes cannot step over (the kernel's ENOTSUPP):
	 * that probe stays quiet; the others go on */
	fprintf(stderr, "dtrace: %s:%s:%s:%s cannot be instrumented\n",
		pr->p_info.pi_prov, pr->p_info.pi_mod, pr->p_info.pi_func,
		pr->p_info.pi_name);
}

/* perf uprobes: the program's one probe, one perf event per site */
static int perf_attach(const dt_bpf_probe_t *pr, dt_bpf_prog_t *bp)
{
	const dt_upriv_t *up = pr->p_priv;
	int ret = pr->p_kind == DT_BPF_P_PID_RETURN;
	uint32_t s;
	int fd;

	for (s = 0; s < up->up_nsites; s++) {
		fd = open_uprobe(up, s, ret);
		if (fd < 0) {
			if (errno == ENOTSUPP_UPROBE) {
				cannot(pr);
				return 0;
			}
			return -1;
		}
		if (dt_bpf_perf_link(bp, fd) != 0)
			return -1;
	}
	return 0;
}

/*
 * Probes [from, to) of bp on one link; if some site cannot be probed (the
 * kernel's ENOTSUPP, without saying which), each half on its own, down to
 * the probes that cannot: a few links per object however many probes.
 */
static int multi_range(const dt_bpf_ptab_t *pt, dt_bpf_prog_t *bp,
		       uint32_t from, uint32_t to)
{
	uint32_t mid = from + (to - from) / 2;
	int fd = multi_link(pt, bp, from, to);

	if (fd >= 0)
		return dt_bpf_add_link(bp, fd);
	if (errno != ENOTSUPP_UPROBE)
		return -1;
	if (to - from == 1) {
		cannot(dt_bpf_probe_byid(pt, bp->bp_probes[from]));
		return 0;
	}
	if (multi_range(pt, bp, from, mid) != 0)
		return -1;
	return multi_range(pt, bp, mid, to);
}

int dt_bpf_pid_attach(const dt_bpf_ptab_t *pt, dt_bpf_prog_t *bp)
{
	uint32_t k;

	for (k = 0; k < bp->bp_nprobes; k++)
		if (dt_bpf_probe_byid(pt, bp->bp_probes[k])->p_priv == NULL) {
			errno = EINVAL;
			return -1;
		}
	if (bp->bp_nprobes == 0)
		return 0;
	if (!multi_wanted())
		return perf_attach(dt_bpf_probe_byid(pt, bp->bp_probes[0]), bp);
	return multi_range(pt, bp, 0, bp->bp_nprobes);
}

/* ---- arguments ---- */

/* x86_64 struct pt_regs offsets */
#define PT_SP 152
#define PT_AX 80

/* R0 = the user word of size sz at regs->sp + off (0 if unreadable) */
static void user_stack_word(xl_t *x, int off, int sz)
{
	E(ST(BPF_DW, FP, SL_TMP, 0));
	E(LDX(BPF_DW, R3, R6, PT_SP));
	E(ALU_I(BPF_ADD, R3, off));
	E(MOV_R(R1, FP));
	E(ALU_I(BPF_ADD, R1, SL_TMP));
	E(MOV_I(R2, sz));
	E(CALL(BPF_FUNC_probe_read_user));
	E(LDX(BPF_DW, R0, FP, SL_TMP));
}

/* argument n of a pid probe (not a return probe) of the given ABI */
static void pid_arg(xl_t *x, int abi, int n)
{
	/* x86_64 SysV: rdi, rsi, rdx, rcx, r8, r9, then the stack above the
	 * return address; i386 cdecl: all on the stack, 4 bytes each */
	static const int regs[6] = { 112, 104, 96, 88, 72, 64 };

	if (n >= 10)
		E(MOV_I(R0, 0));
	else if (abi == DT_BPF_ABI_X32)
		user_stack_word(x, 4 + 4 * n, 4);
	else if (n < 6)
		E(LDX(BPF_DW, R0, R6, regs[n]));
	else
		user_stack_word(x, 8 * (n - 5), 8);
}

/* a probe's argument source: its USDT slot + 1, or 0 (pid: by ABI) */
static uint32_t src_of(const dt_bpf_probe_t *pr)
{
	return pr->p_kind == DT_BPF_P_USDT ? (uint32_t)pr->p_nr : 0;
}

/* the probe of clause instance entry k of the program being translated */
static const dt_bpf_probe_t *inst_probe(const xl_t *x, uint32_t k)
{
	const dt_bpf_prog_t *bp = x->env->bp;
	uint32_t idx = x->inst->in_key[k];

	if (bp == NULL || idx >= bp->bp_nprobes)
		return NULL;
	return dt_bpf_probe_byid(x->env->pt, bp->bp_probes[idx]);
}

/*
 * The clause's probes may read their arguments in different ways (USDT
 * sites with different specs): then the attach cookie's high half (the
 * firing probe's slot + 1) picks the code.  Pid probes of one program
 * share their object's ABI.
 */
void dt_bpf_pid_arg(xl_t *x, int n)
{
	const dt_bpf_probe_t *pr;
	uint32_t *srcs = NULL, nsrc = 0, k, j, l_done;
	int abi = DT_BPF_ABI_X64;

	if (x->ctx == DT_BPF_CTX_URETPROBE) {
		/* arg0 would be the offset of the returning instruction:
		 * a uretprobe does not know it, so it reads 0 */
		if (n == 1)
			E(LDX(BPF_DW, R0, R6, PT_AX));
		else
			E(MOV_I(R0, 0));
		return;
	}
	if (x->inst == NULL || x->inst->in_key == NULL || x->inst->in_n == 0 ||
	    x->in_error) {
		E(MOV_I(R0, 0));
		return;
	}
	srcs = calloc(x->inst->in_n, sizeof(*srcs));
	if (srcs == NULL) {
		fail(x, "out of memory");
		return;
	}
	for (k = 0; k < x->inst->in_n; k++) {
		uint32_t s;

		pr = inst_probe(x, k);
		if (pr == NULL)
			continue;
		if (pr->p_kind != DT_BPF_P_USDT)
			abi = pr->p_abi;
		s = src_of(pr);
		for (j = 0; j < nsrc && srcs[j] != s; j++)
			;
		if (j == nsrc)
			srcs[nsrc++] = s;
	}
	if (nsrc <= 1) {
		if (nsrc == 1 && srcs[0] != 0)
			dt_bpf_usdt_arg(x, srcs[0] - 1, n);
		else
			pid_arg(x, abi, n);
		free(srcs);
		return;
	}
	l_done = dt_bpf_label(&x->g);
	for (j = 0; j < nsrc; j++) {
		uint32_t l_skip = dt_bpf_label(&x->g);

		E(LDX(BPF_DW, R1, FP, SL_KEY));
		E(ALU_I(BPF_RSH, R1, 32));
		EJ(J_I(BPF_JNE, R1, (int32_t)srcs[j], 0), l_skip);
		if (srcs[j] != 0)
			dt_bpf_usdt_arg(x, srcs[j] - 1, n);
		else
			pid_arg(x, abi, n);
		EJ(JA(0), l_done);
		dt_bpf_place(&x->g, l_skip);
	}
	E(MOV_I(R0, 0));
	dt_bpf_place(&x->g, l_done);
	free(srcs);
}
