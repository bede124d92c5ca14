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
 * Attaching is one BPF_TRACE_UPROBE_MULTI link per probe (all its sites)
 * filtered to the process, or on kernels before 6.6 perf_event_open(2) of
 * the "uprobe" PMU per site with the process as the event's task and
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
	/* the ABI the arguments follow: the translator hands p_abi << 16 |
	 * p_nr back to dt_bpf_pid_arg as the clause instance's key */
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
		errno = ENOENT; /* no uprobe PMU: CONFIG_UPROBE_EVENTS off */
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

/* DTRACE_UPROBE=perf: perf uprobes only (to test the fallback here) */
static int multi_wanted(void)
{
	const char *e = getenv("DTRACE_UPROBE");

	if (e != NULL && strcmp(e, "perf") == 0)
		have_multi = 0;
	return have_multi != 0;
}

enum bpf_prog_type dt_bpf_pid_load_opts(struct bpf_prog_load_opts *o)
{
	/* kernels without uprobe_multi ignore the attach type of a kprobe
	 * program, and still attach it through perf (see below) */
	if (multi_wanted())
		o->expected_attach_type =
			(enum bpf_attach_type)DT_TRACE_UPROBE_MULTI;
	return BPF_PROG_TYPE_KPROBE;
}

static int multi_link(const dt_upriv_t *up, int ret, int prog)
{
	struct dt_uprobe_multi_attr a;
	uint64_t off[DT_UP_MAXSITES], ref[DT_UP_MAXSITES];
	uint32_t s;
	int refs = 0;

	for (s = 0; s < up->up_nsites; s++) {
		off[s] = up->up_site[s].off;
		ref[s] = up->up_site[s].sema;
		refs |= ref[s] != 0;
	}
	memset(&a, 0, sizeof(a));
	a.prog_fd = (uint32_t)prog;
	a.attach_type = DT_TRACE_UPROBE_MULTI;
	a.path = (uint64_t)(uintptr_t)up->up_path;
	a.offsets = (uint64_t)(uintptr_t)off;
	a.ref_ctr_offsets = refs ? (uint64_t)(uintptr_t)ref : 0;
	a.cnt = up->up_nsites;
	a.uflags = ret ? DT_F_UPROBE_MULTI_RETURN : 0;
	a.pid = (uint32_t)up->up_pid;
	return (int)syscall(__NR_bpf, BPF_LINK_CREATE, &a, sizeof(a));
}

int dt_bpf_pid_attach(const dt_bpf_probe_t *pr, dt_bpf_prog_t *bp)
{
	const dt_upriv_t *up = pr->p_priv;
	int ret = pr->p_kind == DT_BPF_P_PID_RETURN;
	uint32_t s;
	int fd;

	if (up == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (multi_wanted()) {
		fd = multi_link(up, ret, bp->bp_fd);
		if (fd >= 0) {
			have_multi = 1;
			return dt_bpf_add_link(bp, fd);
		}
		if (errno == ENOTSUPP_UPROBE)
			goto cannot;
		if (have_multi == 1 || (errno != EINVAL && errno != ENOSYS &&
					errno != EOPNOTSUPP))
			return -1;
		have_multi = 0;
	}
	for (s = 0; s < up->up_nsites; s++) {
		fd = open_uprobe(up, s, ret);
		if (fd < 0) {
			if (errno == ENOTSUPP_UPROBE)
				goto cannot;
			return -1;
		}
		if (dt_bpf_perf_link(bp, fd) != 0)
			return -1;
	}
	return 0;
cannot:
	/* an instruction uprobes cannot step over (the kernel's ENOTSUPP):
	 * that probe stays quiet; the others go on */
	fprintf(stderr, "dtrace: %s:%s:%s:%s cannot be instrumented\n",
		pr->p_info.pi_prov, pr->p_info.pi_mod, pr->p_info.pi_func,
		pr->p_info.pi_name);
	return 0;
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

void dt_bpf_pid_arg(xl_t *x, int n)
{
	/* x86_64 SysV: rdi, rsi, rdx, rcx, r8, r9, then the stack above the
	 * return address; i386 cdecl: all on the stack, 4 bytes each */
	static const int regs[6] = { 112, 104, 96, 88, 72, 64 };
	uint32_t key = x->inst != NULL && x->inst->in_key != NULL &&
			       x->inst->in_n > 0 ? x->inst->in_key[0] : 0;
	uint32_t slot = key & 0xffff;
	int abi = (int)(key >> 16);

	if (x->ctx == DT_BPF_CTX_URETPROBE) {
		/* arg0 would be the offset of the returning instruction:
		 * a uretprobe does not know it, so it reads 0 */
		if (n == 1)
			E(LDX(BPF_DW, R0, R6, PT_AX));
		else
			E(MOV_I(R0, 0));
		return;
	}
	if (slot != 0) {
		dt_bpf_usdt_arg(x, slot - 1, n);
		return;
	}
	if (n >= 10)
		E(MOV_I(R0, 0));
	else if (abi == DT_BPF_ABI_X32)
		user_stack_word(x, 4 + 4 * n, 4);
	else if (n < 6)
		E(LDX(BPF_DW, R0, R6, regs[n]));
	else
		user_stack_word(x, 8 * (n - 5), 8);
}
