/*
 * dt_bpf_fbt.c - the fbt provider on BPF: kernel function entry and
 * return.  Probes are fbt:MODULE:FUNCTION:entry|return for every function
 * ftrace can trace (tracefs available_filter_functions; vmlinux BTF when
 * that file cannot be read), created only when a description names fbt.
 *
 * Each probe gets its own program.  A vmlinux function with BTF runs on
 * fentry/fexit (arguments through bpf_get_func_arg, the result through
 * bpf_get_func_ret); the rest, or every probe when DTRACE_FBT=kprobe is
 * set, on kprobe/kretprobe events of the kprobe PMU (arguments from the
 * saved registers).  Functions a trampoline might refuse (more than six
 * arguments, a structure passed by value) go to kprobes as well.  On return arg0 is the return offset, which neither
 * mechanism reports: it is 0; arg1 is the return value.
 *
 * As DTrace's fbt offers only functions it can instrument, a function a
 * glob matched that the kernel then refuses to attach (on the kprobe
 * blacklist, a trampoline refused) is skipped and the rest attached; the
 * enable fails, with one line naming the reason, only when nothing that
 * description matched could be attached, or when the description named
 * that one function exactly.
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <linux/perf_event.h>
#include <bpf/bpf.h>
#include "dt_bpf_xl.h"

#define TRACEFS "/sys/kernel/tracing"
#define KPROBE_PMU "/sys/bus/event_source/devices/kprobe"

enum { FBT_NONE, FBT_FENTRY, FBT_KPROBE };

/* what each fbt probe carries in p_priv (freed with free()) */
typedef struct fbt_info {
	int fi_btfid; /* vmlinux BTF FUNC id, or -1 */
	int fi_kprobe; /* attach as kprobe/kretprobe */
	int fi_grp; /* the description that offered it (grps), or -1 */
} fbt_info_t;

/* one description's probes: how many were offered, how many refused */
typedef struct fbt_grp {
	char *fg_text;
	int fg_glob; /* the function field is a glob */
	unsigned fg_probes, fg_refused;
} fbt_grp_t;

static fbt_grp_t *grps;
static size_t ngrps;

/* traceable functions, sorted by name then module */
typedef struct fbt_fn {
	char *fn_name;
	char *fn_mod;
	unsigned char fn_added; /* 1 entry, 2 return: already in the table */
} fbt_fn_t;

static fbt_fn_t *fns;
static size_t nfns, capfns;
static const dt_bpf_ptab_t *fns_owner; /* table the fn_added bits refer to */

static int kprobe_pmu(void)
{
	struct stat st;

	return stat(KPROBE_PMU "/type", &st) == 0;
}

/* how fbt runs here, decided once; *why says why not */
static int fbt_mode(const char **why)
{
	static int mode = -1;
	static const char *reason;
	const char *force = getenv("DTRACE_FBT");

	if (mode >= 0) {
		*why = reason;
		return mode;
	}
	if (force != NULL && strcmp(force, "kprobe") == 0) {
		mode = kprobe_pmu() ? FBT_KPROBE : FBT_NONE;
		reason = "DTRACE_FBT=kprobe but the kernel has no kprobes";
	} else if (dt_bpf_fentry_works()) {
		mode = FBT_FENTRY;
	} else if (kprobe_pmu()) {
		mode = FBT_KPROBE;
	} else {
		mode = FBT_NONE;
		reason = dt_bpf_fbt_unavailable();
	}
	*why = reason;
	return mode;
}

static int fncmp(const void *a, const void *b)
{
	const fbt_fn_t *x = a, *y = b;
	int c = strcmp(x->fn_name, y->fn_name);

	return c != 0 ? c : strcmp(x->fn_mod, y->fn_mod);
}

static void fn_add(const char *name, const char *mod)
{
	if (nfns == capfns) {
		size_t nc = capfns ? capfns * 2 : 8192;
		fbt_fn_t *nv = realloc(fns, nc * sizeof(*nv));

		if (nv == NULL)
			return;
		fns = nv;
		capfns = nc;
	}
	fns[nfns].fn_name = strdup(name);
	fns[nfns].fn_mod = strdup(mod);
	fns[nfns].fn_added = 0;
	if (fns[nfns].fn_name == NULL || fns[nfns].fn_mod == NULL) {
		free(fns[nfns].fn_name);
		free(fns[nfns].fn_mod);
		return;
	}
	nfns++;
}

static void btf_cb(const char *name, void *arg)
{
	(void)arg;
	fn_add(name, "vmlinux");
}

/* "name" or "name [module]" per line */
static int read_ftrace(void)
{
	FILE *f;
	char line[512], *sp, *mod;
	struct stat st;

	if (stat(TRACEFS "/available_filter_functions", &st) != 0)
		(void)mount("nodev", TRACEFS, "tracefs", 0, NULL);
	f = fopen(TRACEFS "/available_filter_functions", "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		mod = "vmlinux";
		if ((sp = strchr(line, ' ')) != NULL) {
			*sp = '\0';
			if (sp[1] == '[') {
				mod = sp + 2;
				mod[strcspn(mod, "]")] = '\0';
			}
		}
		/* placeholders for functions the linker dropped */
		if (line[0] == '\0' ||
		    strncmp(line, "__ftrace_invalid_address__", 26) == 0)
			continue;
		fn_add(line, mod);
	}
	fclose(f);
	return nfns > 0 ? 0 : -1;
}

static void fn_index(void)
{
	size_t i, o;

	if (fns != NULL)
		return;
	if (read_ftrace() != 0)
		(void)dt_bpf_btf_funcs(btf_cb, NULL);
	qsort(fns, nfns, sizeof(*fns), fncmp);
	/* a static function may be listed once per copy: keep one */
	for (i = o = 0; i < nfns; i++) {
		if (o > 0 && fncmp(&fns[o - 1], &fns[i]) == 0) {
			free(fns[i].fn_name);
			free(fns[i].fn_mod);
			continue;
		}
		fns[o++] = fns[i];
	}
	nfns = o;
}

/* a description field: NULL or "" matches anything, else a glob */
static int field_match(const char *pat, const char *s)
{
	if (pat == NULL || pat[0] == '\0')
		return 1;
	if (strpbrk(pat, "*?[\\") != NULL)
		return fnmatch(pat, s, 0) == 0;
	return strcmp(pat, s) == 0;
}

static int add_probe(dt_bpf_ptab_t *t, const fbt_fn_t *fn, int ret, int mode,
		     int grp)
{
	fbt_info_t *fi;
	int nargs = 0, id = -1;

	if (strcmp(fn->fn_mod, "vmlinux") == 0)
		id = dt_bpf_btf_func(fn->fn_name, &nargs);
	/*
	 * no BTF (module, or a compiler-made clone like foo.isra.0), or
	 * arguments a trampoline may not take: kprobes, if there are any
	 */
	if (mode == FBT_FENTRY && (id < 0 || !dt_bpf_btf_fentry_ok(id)) &&
	    !kprobe_pmu())
		return 0;
	fi = malloc(sizeof(*fi));
	if (fi == NULL)
		return -1;
	fi->fi_btfid = id;
	fi->fi_grp = grp;
	fi->fi_kprobe = mode == FBT_KPROBE || id < 0 ||
			!dt_bpf_btf_fentry_ok(id);
	if (dt_bpf_probe_add(t, "fbt", fn->fn_mod, fn->fn_name,
			     ret ? "return" : "entry",
			     ret ? DT_BPF_P_FBT_RETURN : DT_BPF_P_FBT_ENTRY) != 0) {
		free(fi);
		return -1;
	}
	t->pt[t->n - 1].p_priv = fi;
	t->pt[t->n - 1].p_nr = nargs;
	if (grp >= 0)
		grps[grp].fg_probes++;
	return 0;
}

static void grps_free(void)
{
	size_t k;

	for (k = 0; k < ngrps; k++)
		free(grps[k].fg_text);
	free(grps);
	grps = NULL;
	ngrps = 0;
}

/* a group for the probes pd offers, or -1 (then none is counted) */
static int grp_new(const dt_probedesc_t *pd)
{
	fbt_grp_t *nv = realloc(grps, (ngrps + 1) * sizeof(*nv));
	char buf[1024];

	if (nv == NULL)
		return -1;
	grps = nv;
	snprintf(buf, sizeof(buf), "%s:%s:%s:%s", pd->pd_prov ? pd->pd_prov : "",
		 pd->pd_mod ? pd->pd_mod : "", pd->pd_func ? pd->pd_func : "",
		 pd->pd_name ? pd->pd_name : "");
	grps[ngrps].fg_text = strdup(buf);
	if (grps[ngrps].fg_text == NULL)
		return -1;
	grps[ngrps].fg_glob = pd->pd_func == NULL || pd->pd_func[0] == '\0' ||
			      strpbrk(pd->pd_func, "*?[\\") != NULL;
	grps[ngrps].fg_probes = grps[ngrps].fg_refused = 0;
	return (int)ngrps++;
}

int dt_bpf_fbt_provide(dt_bpf_ptab_t *t, const dt_probedesc_t *pd)
{
	static int told;
	const char *why;
	int mode, want_e, want_r, grp = -1;
	size_t k, lo, hi;

	if (!field_match(pd->pd_prov, "fbt"))
		return 0;
	want_e = field_match(pd->pd_name, "entry");
	want_r = field_match(pd->pd_name, "return");
	if (!want_e && !want_r)
		return 0;
	mode = fbt_mode(&why);
	if (mode == FBT_NONE) {
		/* only when fbt is named, not for every "*" */
		if (!told && pd->pd_prov != NULL &&
		    strcmp(pd->pd_prov, "fbt") == 0) {
			fprintf(stderr, "dtrace: fbt provider is not available "
				"with the BPF backend: %s\n", why);
			told = 1;
		}
		return 0;
	}
	fn_index();
	if (fns_owner != t) {
		for (k = 0; k < nfns; k++)
			fns[k].fn_added = 0;
		fns_owner = t;
		grps_free();
	}
	lo = 0;
	hi = nfns;
	if (pd->pd_func != NULL && pd->pd_func[0] != '\0' &&
	    strpbrk(pd->pd_func, "*?[\\") == NULL) {
		/* one function: its run of the sorted index */
		size_t a = 0, b = nfns;

		while (a < b) {
			size_t m = (a + b) / 2;

			if (strcmp(fns[m].fn_name, pd->pd_func) < 0)
				a = m + 1;
			else
				b = m;
		}
		lo = hi = a;
		while (hi < nfns && strcmp(fns[hi].fn_name, pd->pd_func) == 0)
			hi++;
	}
	for (k = lo; k < hi; k++) {
		fbt_fn_t *fn = &fns[k];

		if (!field_match(pd->pd_mod, fn->fn_mod) ||
		    !field_match(pd->pd_func, fn->fn_name))
			continue;
		if (grp < 0 && ((want_e && !(fn->fn_added & 1)) ||
				(want_r && !(fn->fn_added & 2))))
			grp = grp_new(pd);
		if (want_e && !(fn->fn_added & 1)) {
			if (add_probe(t, fn, 0, mode, grp) != 0)
				return -1;
			fn->fn_added |= 1;
		}
		if (want_r && !(fn->fn_added & 2)) {
			if (add_probe(t, fn, 1, mode, grp) != 0)
				return -1;
			fn->fn_added |= 2;
		}
	}
	return 0;
}

static const fbt_info_t *info(const dt_bpf_probe_t *pr)
{
	static const fbt_info_t none = { -1, 1, -1 };

	return pr->p_priv != NULL ? pr->p_priv : &none;
}

int dt_bpf_fbt_ctx(const dt_bpf_probe_t *pr)
{
	int ret = pr->p_kind == DT_BPF_P_FBT_RETURN;

	if (info(pr)->fi_kprobe)
		return ret ? DT_BPF_CTX_KRETPROBE : DT_BPF_CTX_KPROBE;
	return ret ? DT_BPF_CTX_FEXIT : DT_BPF_CTX_FENTRY;
}

enum bpf_prog_type dt_bpf_fbt_load_opts(const dt_bpf_probe_t *pr,
					struct bpf_prog_load_opts *o)
{
	const fbt_info_t *fi = info(pr);

	if (fi->fi_kprobe)
		return BPF_PROG_TYPE_KPROBE;
	o->expected_attach_type = pr->p_kind == DT_BPF_P_FBT_RETURN ?
					  BPF_TRACE_FEXIT : BPF_TRACE_FENTRY;
	o->attach_btf_id = (uint32_t)fi->fi_btfid;
	return BPF_PROG_TYPE_TRACING;
}

/* a number from a sysfs file: the PMU type, or the retprobe bit */
static int pmu_num(const char *path, const char *prefix)
{
	char buf[64];
	FILE *f = fopen(path, "r");
	int v = -1;
	size_t l = strlen(prefix);

	if (f == NULL)
		return -1;
	if (fgets(buf, sizeof(buf), f) != NULL &&
	    strncmp(buf, prefix, l) == 0)
		v = atoi(buf + l);
	fclose(f);
	return v;
}

static int kprobe_open(const char *func, int ret)
{
	struct perf_event_attr a;
	int type = pmu_num(KPROBE_PMU "/type", "");
	int bit = ret ? pmu_num(KPROBE_PMU "/format/retprobe", "config:") : 0;

	if (type < 0 || bit < 0) {
		errno = ENOENT;
		return -1;
	}
	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	a.type = (uint32_t)type;
	a.config = ret ? 1ull << bit : 0;
	a.config1 = (uint64_t)(uintptr_t)func; /* kprobe_func */
	a.config2 = 0; /* offset */
	a.sample_period = 1;
	a.wakeup_events = 1;
	/* a trace event's program runs on every CPU: open it on one */
	return (int)syscall(__NR_perf_event_open, &a, -1, 0, -1,
			    PERF_FLAG_FD_CLOEXEC);
}

/*
 * The kernel refused pr, when its program was loaded (the fentry deny
 * list) or attached: 1 if a glob offered it and another probe of that
 * glob may still attach, so pr is skipped.
 */
int dt_bpf_fbt_skip(const dt_bpf_probe_t *pr)
{
	int g = info(pr)->fi_grp;
	fbt_grp_t *gp = g >= 0 && (size_t)g < ngrps ? &grps[g] : NULL;

	return gp != NULL && gp->fg_glob && ++gp->fg_refused < gp->fg_probes;
}

/* the kernel refused to attach pr (errno e): skip it, or say why and fail */
static int refused(const dt_bpf_probe_t *pr, int e)
{
	int g = info(pr)->fi_grp;
	fbt_grp_t *gp = g >= 0 && (size_t)g < ngrps ? &grps[g] : NULL;

	if (dt_bpf_fbt_skip(pr))
		return 0;
	if (gp != NULL && gp->fg_glob)
		fprintf(stderr, "dtrace: no probe of %s could be "
			"instrumented: %s\n", gp->fg_text, strerror(e));
	else
		fprintf(stderr, "dtrace: %s:%s:%s:%s cannot be instrumented: "
			"%s\n", pr->p_info.pi_prov, pr->p_info.pi_mod,
			pr->p_info.pi_func, pr->p_info.pi_name, strerror(e));
	errno = e;
	return -1;
}

int dt_bpf_fbt_attach(const dt_bpf_probe_t *pr, dt_bpf_prog_t *bp)
{
	int fd, r;

	if (!info(pr)->fi_kprobe) {
		fd = bpf_raw_tracepoint_open(NULL, bp->bp_fd);
		r = fd < 0 ? -1 : dt_bpf_add_link(bp, fd);
	} else {
		fd = kprobe_open(pr->p_info.pi_func,
				 pr->p_kind == DT_BPF_P_FBT_RETURN);
		r = fd < 0 ? -1 : dt_bpf_perf_link(bp, fd);
	}
	return r == 0 ? 0 : refused(pr, errno);
}

/* helper(ctx, [n,] &tmp) -> R0; tmp is 0 if the helper fails */
static void via_helper(xl_t *x, int helper, int n)
{
	E(ST(BPF_DW, FP, SL_TMP, 0));
	E(MOV_R(R1, R6));
	if (helper == BPF_FUNC_get_func_arg) {
		E(MOV_I(R2, n));
		E(MOV_R(R3, FP));
		E(ALU_I(BPF_ADD, R3, SL_TMP));
	} else {
		E(MOV_R(R2, FP));
		E(ALU_I(BPF_ADD, R2, SL_TMP));
	}
	E(CALL(helper));
	E(LDX(BPF_DW, R0, FP, SL_TMP));
}

void dt_bpf_fbt_arg(xl_t *x, int n)
{
	/* x86-64 struct pt_regs: rdi rsi rdx rcx r8 r9, ax, sp */
	static const int16_t regs[6] = { 112, 104, 96, 88, 72, 64 };

	switch (x->ctx) {
	case DT_BPF_CTX_FENTRY:
		via_helper(x, BPF_FUNC_get_func_arg, n);
		return;
	case DT_BPF_CTX_FEXIT:
		if (n == 1)
			via_helper(x, BPF_FUNC_get_func_ret, 0);
		else
			E(MOV_I(R0, 0));
		return;
	case DT_BPF_CTX_KPROBE:
		if (n < 6) {
			E(LDX(BPF_DW, R0, R6, regs[n]));
			return;
		}
		/* the seventh on: on the stack above the return address */
		E(LDX(BPF_DW, R3, R6, 152));
		E(ALU_I(BPF_ADD, R3, 8 * (n - 5)));
		E(MOV_R(R1, FP));
		E(ALU_I(BPF_ADD, R1, SL_TMP));
		E(MOV_I(R2, 8));
		E(CALL(BPF_FUNC_probe_read_kernel));
		E(LDX(BPF_DW, R0, FP, SL_TMP));
		return;
	case DT_BPF_CTX_KRETPROBE:
		if (n == 1)
			E(LDX(BPF_DW, R0, R6, 80));
		else
			E(MOV_I(R0, 0));
		return;
	}
	E(MOV_I(R0, 0));
}

const char *dt_bpf_fbt_argtype(const dt_bpf_probe_t *pr, int n)
{
	const fbt_info_t *fi = info(pr);

	if (pr->p_kind == DT_BPF_P_FBT_RETURN)
		return n == 0 ? "int" :
		       n == 1 ? dt_bpf_btf_argtype(fi->fi_btfid, -1) : NULL;
	return dt_bpf_btf_argtype(fi->fi_btfid, n);
}

/*
 * args[n]'s C type for the compiler (bo_argtype): known when every
 * description names one fbt probe literally (fbt:[mod]:func:entry|return)
 * and they all agree; NULL otherwise, and args[n] stays an integer.
 */
const char *dt_bpf_fbt_argtypes(const dt_probedesc_t *pds, uint32_t npds,
				int n)
{
	const char *ty = NULL;
	uint32_t k;

	for (k = 0; k < npds; k++) {
		const dt_probedesc_t *pd = &pds[k];
		const char *t;
		int id, ret;

		if (pd->pd_prov == NULL || strcmp(pd->pd_prov, "fbt") != 0 ||
		    pd->pd_func == NULL || pd->pd_func[0] == '\0' ||
		    strpbrk(pd->pd_func, "*?[\\") != NULL || pd->pd_name == NULL)
			return NULL;
		if (strcmp(pd->pd_name, "entry") == 0)
			ret = 0;
		else if (strcmp(pd->pd_name, "return") == 0)
			ret = 1;
		else
			return NULL;
		id = dt_bpf_btf_func(pd->pd_func, NULL);
		if (ret)
			t = n == 0 ? "int" :
			    n == 1 ? dt_bpf_btf_argtype(id, -1) : NULL;
		else
			t = dt_bpf_btf_argtype(id, n);
		if (t == NULL || (ty != NULL && strcmp(t, ty) != 0))
			return NULL;
		ty = t;
	}
	return ty;
}
