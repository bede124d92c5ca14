/*
 * dt_kmod.c - the kmod backend's user side: talks to dtracedrv through
 * the /dev/dtrace ioctls (kernel/dtrace_ioctl.h, doc/dtrace-device.md).
 * The module runs the same DIF VM; here we only list and provide probes,
 * serialize the program, and move buffers and aggregation deltas into
 * the consumer.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stddef.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "backend.h"
#include "dif_vm.h"
#include "dt_kmod_ser.h"
#include "dt_kmod_elf.h"
#include "../../../kernel/dtrace_ioctl.h"

#define DT_KMOD_DEV "/dev/dtrace"

/* the module writes these layouts (kernel/dt_consume_rec.h) */
_Static_assert(sizeof(dt_rechdr_t) == 16 && offsetof(dt_rechdr_t, dr_timestamp) == 8,
	       "dt_rechdr_t layout");
_Static_assert(sizeof(dt_errrec_t) == 24 && offsetof(dt_errrec_t, de_addr) == 16,
	       "dt_errrec_t layout");

struct dt_backend {
	int fd;
	dt_runopts_t opts;
	struct dtd_version ver;
	struct dtd_probe *probes;
	uint32_t nprobes;
	int stale; /* probes were provided: list again */
	char **ksyms; /* kernel text symbols, for fbt globs */
	size_t nksyms;
	int ksyms_read;
	void *snapbuf;
	size_t snaplen;
	void *aggbuf;
	size_t agglen;
	uint64_t drops[DTD_MAXCPUS], aggdrops[DTD_MAXCPUS];
	uint64_t dyndrops, specdrops, specbusy;
	int started, stopped;
};

static int kmod_available(void)
{
	return access(DT_KMOD_DEV, F_OK) == 0;
}

static int kmod_list(dt_backend_t *be)
{
	struct dtd_ubuf ub;

	for (;;) {
		memset(&ub, 0, sizeof(ub));
		ub.dy_addr = (uintptr_t)be->probes;
		ub.dy_len = (uint64_t)be->nprobes * sizeof(struct dtd_probe);
		if (ioctl(be->fd, DTD_IOC_PROBES, &ub) != 0)
			return -1;
		if (ub.dy_used <= ub.dy_len && be->probes != NULL)
			break;
		free(be->probes);
		be->probes = malloc(ub.dy_used + sizeof(struct dtd_probe));
		if (be->probes == NULL)
			return -1;
		be->nprobes = (uint32_t)(ub.dy_used / sizeof(struct dtd_probe));
	}
	be->nprobes = (uint32_t)(ub.dy_used / sizeof(struct dtd_probe));
	be->stale = 0;
	return 0;
}

static dt_backend_t *kmod_open(const dt_runopts_t *opts, char *err, size_t errlen)
{
	dt_backend_t *be = calloc(1, sizeof(*be));

	if (be == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	be->opts = *opts;
	be->fd = open(DT_KMOD_DEV, O_RDWR | O_CLOEXEC);
	if (be->fd < 0) {
		snprintf(err, errlen, "%s: %s", DT_KMOD_DEV, strerror(errno));
		free(be);
		return NULL;
	}
	if (ioctl(be->fd, DTD_IOC_VERSION, &be->ver) != 0 ||
	    be->ver.dv_version != DTD_VERSION) {
		snprintf(err, errlen, "%s speaks another protocol version", DT_KMOD_DEV);
		goto fail;
	}
	if (be->ver.dv_ptrsize != sizeof(void *)) {
		snprintf(err, errlen, "dtrace is %zu-bit, the kernel %u-bit",
			 sizeof(void *) * 8, be->ver.dv_ptrsize * 8);
		goto fail;
	}
	if (kmod_list(be) != 0) {
		snprintf(err, errlen, "listing probes: %s", strerror(errno));
		goto fail;
	}
	return be;
fail:
	close(be->fd);
	free(be);
	return NULL;
}

static int kmod_provide_one(dt_backend_t *be, const char *prov, const char *func,
			    const char *name)
{
	struct dtd_provide pq;

	memset(&pq, 0, sizeof(pq));
	snprintf(pq.dq_prov, sizeof(pq.dq_prov), "%s", prov);
	snprintf(pq.dq_func, sizeof(pq.dq_func), "%s", func);
	snprintf(pq.dq_name, sizeof(pq.dq_name), "%s", name);
	if (ioctl(be->fd, DTD_IOC_PROVIDE, &pq) != 0)
		return errno == ENOSPC ? -1 : 0; /* refused functions are skipped */
	if (pq.dq_id != 0)
		be->stale = 1;
	return 0;
}

/* the core kernel's text symbols (no modules, no compiler clones) */
static void kmod_read_ksyms(dt_backend_t *be)
{
	FILE *fp = fopen("/proc/kallsyms", "r");
	char line[512], sym[256], type;
	unsigned long long addr;

	be->ksyms_read = 1;
	if (fp == NULL)
		return;
	while (fgets(line, sizeof(line), fp) != NULL) {
		char **n;

		if (strchr(line, '[') != NULL)
			continue;
		if (sscanf(line, "%llx %c %255s", &addr, &type, sym) != 3)
			continue;
		if ((type != 't' && type != 'T') || strchr(sym, '.') != NULL ||
		    strlen(sym) >= DTD_FUNCLEN)
			continue;
		if (be->nksyms > 0 && strcmp(be->ksyms[be->nksyms - 1], sym) == 0)
			continue;
		n = realloc(be->ksyms, (be->nksyms + 1) * sizeof(*n));
		if (n == NULL)
			break;
		be->ksyms = n;
		be->ksyms[be->nksyms] = strdup(sym);
		if (be->ksyms[be->nksyms] != NULL)
			be->nksyms++;
	}
	fclose(fp);
}

static int glob_ok(const char *pat, const char *s)
{
	return pat == NULL || pat[0] == '\0' || fnmatch(pat, s, 0) == 0;
}

typedef struct pidreq {
	dt_backend_t *be;
	const dt_probedesc_t *pd;
	const char *path, *mod;
	unsigned pid;
	unsigned n;
} pidreq_t;

static int pid_sym(void *arg, const char *name, uint64_t off)
{
	pidreq_t *r = arg;
	struct dtd_provide pq;

	if (!glob_ok(r->pd->pd_func, name) || strlen(name) >= DTD_FUNCLEN)
		return 0;
	memset(&pq, 0, sizeof(pq));
	snprintf(pq.dq_prov, sizeof(pq.dq_prov), "pid");
	snprintf(pq.dq_mod, sizeof(pq.dq_mod), "%s", r->mod);
	snprintf(pq.dq_func, sizeof(pq.dq_func), "%s", name);
	snprintf(pq.dq_path, sizeof(pq.dq_path), "%s", r->path);
	pq.dq_offset = off;
	pq.dq_pid = r->pid;
	if (ioctl(r->be->fd, DTD_IOC_PROVIDE, &pq) != 0)
		return errno == ENOSPC ? 1 : 0;
	if (pq.dq_id != 0)
		r->be->stale = 1;
	return 0;
}

/* pidN:MOD:FUNC:entry|return - functions of the process's executable */
static int kmod_provide_pid(dt_backend_t *be, const dt_probedesc_t *pd)
{
	char link[64], path[DTD_PATHLEN];
	const char *base;
	pidreq_t r;
	ssize_t n;
	char *end;
	unsigned long pid = strtoul(pd->pd_prov + 3, &end, 10);

	if (pd->pd_prov[3] < '1' || pd->pd_prov[3] > '9' || *end != '\0')
		return 0;
	snprintf(link, sizeof(link), "/proc/%lu/exe", pid);
	n = readlink(link, path, sizeof(path) - 1);
	if (n <= 0)
		return 0;
	path[n] = '\0';
	base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	/* "a.out" arrives as the executable's name (the driver's exe_mod) */
	if (pd->pd_mod != NULL && pd->pd_mod[0] != '\0' && !glob_ok(pd->pd_mod, base))
		return 0;
	memset(&r, 0, sizeof(r));
	r.be = be;
	r.pd = pd;
	r.path = path;
	r.mod = base;
	r.pid = (unsigned)pid;
	dt_kmod_elf_funcs(path, pid_sym, &r);
	return 0;
}

static int kmod_provide(dt_backend_t *be, const dt_probedesc_t *pd)
{
	size_t i;

	if (pd->pd_prov != NULL && strncmp(pd->pd_prov, "pid", 3) == 0)
		return kmod_provide_pid(be, pd);

	if (pd->pd_name != NULL && pd->pd_name[0] != '\0' &&
	    strpbrk(pd->pd_name, "*?[") == NULL &&
	    (strncmp(pd->pd_name, "tick-", 5) == 0 ||
	     strncmp(pd->pd_name, "profile-", 8) == 0) &&
	    glob_ok(pd->pd_prov, "profile"))
		kmod_provide_one(be, "profile", "", pd->pd_name);

	/* fbt only when the provider is named: fbt probes cost a kprobe each */
	if (pd->pd_prov == NULL || pd->pd_prov[0] == '\0' ||
	    fnmatch(pd->pd_prov, "fbt", 0) != 0)
		return 0;
	if (!glob_ok(pd->pd_name, "entry") && !glob_ok(pd->pd_name, "return"))
		return 0;
	if (pd->pd_func != NULL && pd->pd_func[0] != '\0' &&
	    strpbrk(pd->pd_func, "*?[") == NULL)
		return kmod_provide_one(be, "fbt", pd->pd_func, "entry") ? -1 : 0;
	if (!be->ksyms_read)
		kmod_read_ksyms(be);
	for (i = 0; i < be->nksyms; i++)
		if (glob_ok(pd->pd_func, be->ksyms[i]) &&
		    kmod_provide_one(be, "fbt", be->ksyms[i], "entry") != 0)
			break; /* the module's fbt limit */
	return 0;
}

static int kmod_probe_iter(dt_backend_t *be, int (*cb)(const dt_probeinfo_t *pi, void *arg),
			   void *arg)
{
	uint32_t i;
	int r;

	if (be->stale && kmod_list(be) != 0)
		return -1;
	for (i = 0; i < be->nprobes; i++) {
		const struct dtd_probe *p = &be->probes[i];
		dt_probeinfo_t pi = { p->dp_id, p->dp_prov, p->dp_mod, p->dp_func, p->dp_name };

		r = cb(&pi, arg);
		if (r != 0)
			return r < 0 ? -1 : 0;
	}
	return 0;
}

static int kmod_enable(dt_backend_t *be, const dt_program_t *prog, const dt_ecb_t *ecbs,
		       uint32_t necbs, char *err, size_t errlen)
{
	struct dtd_ubuf ub;
	dt_kmod_blob_t blob;
	uint32_t c;
	uint64_t bs;

	for (c = 0; c < prog->dp_nclauses; c++) {
		const dt_clause_t *cl = &prog->dp_clauses[c];
		difo_t d = cl->dc_difo;
		dif_recslot_t *rs = dt_kmod_slots(cl);
		uint32_t pc;
		const char *why;
		int bad, oom = d.dtdo_nslots && rs == NULL;

		if (oom) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		/* as the module will see it (stack slots as 8-byte integers) */
		d.dtdo_slots = rs;
		bad = dif_validate(&d, NULL, &pc, &why) != 0;
		free(rs);
		if (bad) {
			snprintf(err, errlen, "clause at line %d: invalid DIF at offset %u: %s",
				 cl->dc_line, pc * 8, why);
			return -1;
		}
	}
	if (be->opts.ro_bufpolicy == 1) {
		/* fill: END's records must fit in a full buffer */
		uint64_t need = 0, size = be->opts.ro_bufsize ? be->opts.ro_bufsize : (1U << 20);

		for (c = 0; c < necbs; c++)
			if (ecbs[c].ec_probeid == 2 && !ecbs[c].ec_clause->dc_aggonly)
				need += (sizeof(dt_rechdr_t) + ecbs[c].ec_clause->dc_difo.dtdo_recsize +
					 7) & ~(uint64_t)7;
		if (size > (64U << 20))
			size = 64U << 20;
		if (need > size) {
			snprintf(err, errlen, "END enablings exceed size of principal buffer");
			return -1;
		}
	}
	if (dt_kmod_serialize(prog, ecbs, necbs, &be->opts, &blob) != 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memset(&ub, 0, sizeof(ub));
	ub.dy_addr = (uintptr_t)blob.kb_data;
	ub.dy_len = blob.kb_len;
	if (ioctl(be->fd, DTD_IOC_LOAD, &ub) != 0) {
		snprintf(err, errlen, "%s refused the program: %s%s", DT_KMOD_DEV,
			 strerror(errno), errno == EBUSY ? " (another consumer is tracing)" : "");
		free(blob.kb_data);
		return -1;
	}
	free(blob.kb_data);
	if (ioctl(be->fd, DTD_IOC_ENABLE, 0) != 0) {
		snprintf(err, errlen, "enabling probes: %s", strerror(errno));
		return -1;
	}
	bs = be->opts.ro_bufsize ? be->opts.ro_bufsize : (1U << 20);
	if (bs > (64U << 20))
		bs = 64U << 20;
	be->snaplen = (size_t)be->ver.dv_ncpus * (bs + 64);
	be->snapbuf = malloc(be->snaplen);
	{
		uint64_t as = be->opts.ro_aggsize ? be->opts.ro_aggsize : (1U << 20);

		if (as > (64U << 20))
			as = 64U << 20;
		/* a drained element is never bigger than in the arena + 16 */
		be->agglen = (size_t)be->ver.dv_ncpus * (2 * as + 4096);
	}
	be->aggbuf = malloc(be->agglen);
	if (be->snapbuf == NULL || be->aggbuf == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

/* BEGIN and END report CPU 0, as the other backends do: run them there */
static int on_cpu0(dt_backend_t *be, unsigned long req)
{
	cpu_set_t old, zero;
	int r, pinned;

	CPU_ZERO(&zero);
	CPU_SET(0, &zero);
	pinned = sched_getaffinity(0, sizeof(old), &old) == 0 &&
		 sched_setaffinity(0, sizeof(zero), &zero) == 0;
	r = ioctl(be->fd, req, 0);
	if (pinned)
		sched_setaffinity(0, sizeof(old), &old);
	return r;
}

static int kmod_go(dt_backend_t *be)
{
	if (on_cpu0(be, DTD_IOC_GO) != 0)
		return -1;
	be->started = 1;
	return 0;
}

static void report_drops(dt_backend_t *be, dt_consumer_t *c, const struct dtd_status *st)
{
	uint32_t i;

	for (i = 0; i < st->ds_ncpus && i < DTD_MAXCPUS; i++) {
		if (st->ds_drops[i] > be->drops[i])
			dt_consume_drop(c, DT_DROP_PRINCIPAL, (int)i, st->ds_drops[i] - be->drops[i]);
		be->drops[i] = st->ds_drops[i];
		if (st->ds_aggdrops[i] > be->aggdrops[i])
			dt_consume_drop(c, DT_DROP_AGGREGATION, (int)i,
					st->ds_aggdrops[i] - be->aggdrops[i]);
		be->aggdrops[i] = st->ds_aggdrops[i];
	}
	if (st->ds_dyndrops > be->dyndrops)
		dt_consume_drop(c, DT_DROP_DYNAMIC, 0, st->ds_dyndrops - be->dyndrops);
	be->dyndrops = st->ds_dyndrops;
	if (st->ds_specdrops > be->specdrops)
		dt_consume_drop(c, DT_DROP_SPEC, 0, st->ds_specdrops - be->specdrops);
	be->specdrops = st->ds_specdrops;
	if (st->ds_specbusy > be->specbusy)
		dt_consume_drop(c, DT_DROP_SPECUNAVAIL, 0, st->ds_specbusy - be->specbusy);
	be->specbusy = st->ds_specbusy;
}

static int drain(dt_backend_t *be, dt_consumer_t *c)
{
	struct dtd_ubuf ub;
	size_t off = 0;
	int r = 0;

	memset(&ub, 0, sizeof(ub));
	ub.dy_addr = (uintptr_t)be->snapbuf;
	ub.dy_len = be->snaplen;
	if (ioctl(be->fd, DTD_IOC_BUFSNAP, &ub) != 0)
		return -1;
	while (off + sizeof(struct dtd_cpuhdr) <= ub.dy_used) {
		const struct dtd_cpuhdr *dh = (const void *)((char *)be->snapbuf + off);
		int rr;

		if (dh->dh_len > 0) {
			rr = dt_consume_records(c, (int)dh->dh_cpu, dh + 1, dh->dh_len);
			if (rr != 0 && r == 0)
				r = rr;
		}
		off += sizeof(*dh) + ((dh->dh_len + 7) & ~7U);
	}
	return r;
}

static int kmod_poll(dt_backend_t *be, dt_consumer_t *c, int timeout_ms)
{
	struct dtd_status st;
	int waited = 0, r;
	uint32_t i;

	for (;;) {
		int pending = 0;

		if (ioctl(be->fd, DTD_IOC_STATUS, &st) != 0)
			return -1;
		for (i = 0; i < st.ds_ncpus && i < DTD_MAXCPUS; i++)
			pending |= st.ds_pending[i] != 0;
		if (be->stopped)
			break;
		if (be->opts.ro_bufpolicy != 0) {
			/* fill and ring buffers are read once, after END */
			if (st.ds_exiting || st.ds_filled)
				return 1;
			pending = 0;
		}
		if (pending || waited >= timeout_ms)
			break;
		/* the probe path never wakes anyone (it may run under the
		 * scheduler's locks): look again in 5 ms */
		{
			struct timespec ts = { 0, 5000000 };

			if (nanosleep(&ts, NULL) != 0)
				return 0; /* a signal: let the driver look */
		}
		waited += 5;
	}
	if (be->opts.ro_bufpolicy != 0 && !be->stopped) {
		report_drops(be, c, &st);
		return 0;
	}
	r = drain(be, c);
	report_drops(be, c, &st);
	return r;
}

static int kmod_snapshot(dt_backend_t *be, dt_consumer_t *c)
{
	struct dtd_ubuf ub;
	size_t off = 0;

	for (;;) {
		memset(&ub, 0, sizeof(ub));
		ub.dy_addr = (uintptr_t)be->aggbuf;
		ub.dy_len = be->agglen;
		if (ioctl(be->fd, DTD_IOC_AGGSNAP, &ub) == 0)
			break;
		if (errno != ENOSPC || be->agglen >= (1U << 30))
			return -1;
		/* cannot happen with the size chosen in enable; the
		 * elements that did not fit are lost, the next fit */
		free(be->aggbuf);
		be->agglen *= 4;
		be->aggbuf = malloc(be->agglen);
		if (be->aggbuf == NULL)
			return -1;
	}
	while (off + sizeof(struct dtd_cpuhdr) <= ub.dy_used) {
		const struct dtd_cpuhdr *dh = (const void *)((char *)be->aggbuf + off);
		const char *p = (const char *)(dh + 1), *end = p + dh->dh_len;

		while (p + sizeof(struct dtd_aggel) <= end) {
			const struct dtd_aggel *ae = (const void *)p;
			const char *key = p + sizeof(*ae);
			const int64_t *vals = (const void *)(key + ((ae->ae_keysize + 7) & ~7U));

			dt_agg_add(c, ae->ae_aggid, key, vals);
			p = (const char *)(vals + ae->ae_nvals);
		}
		off += sizeof(*dh) + dh->dh_len;
	}
	return 0;
}

static int kmod_stop(dt_backend_t *be)
{
	if (be->started && !be->stopped)
		on_cpu0(be, DTD_IOC_STOP);
	be->stopped = 1;
	return 0;
}

static void kmod_close(dt_backend_t *be)
{
	size_t i;

	close(be->fd); /* the module disables and frees everything */
	for (i = 0; i < be->nksyms; i++)
		free(be->ksyms[i]);
	free(be->ksyms);
	free(be->probes);
	free(be->snapbuf);
	free(be->aggbuf);
	free(be);
}

const dt_backend_ops_t dt_backend_kmod = {
	.bo_name = "kmod",
	.bo_available = kmod_available,
	.bo_open = kmod_open,
	.bo_provide = kmod_provide,
	.bo_probe_iter = kmod_probe_iter,
	.bo_enable = kmod_enable,
	.bo_go = kmod_go,
	.bo_poll = kmod_poll,
	.bo_snapshot = kmod_snapshot,
	.bo_stop = kmod_stop,
	.bo_close = kmod_close,
};
