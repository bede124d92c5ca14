/*
 * dt_bpf_attach.c - from probe kinds to BPF program types and attach
 * points: raw tracepoints (syscalls, sdt), perf cpu-clock events (profile,
 * tick); fbt and pid programs through their files.  BEGIN and END are
 * never attached: dt_bpf.c runs them with BPF_PROG_TEST_RUN.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <linux/perf_event.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "dt_bpf_impl.h"
#include "dt_bpf_uprobe.h"

static int kind_ctx(int kind)
{
	switch (kind) {
	case DT_BPF_P_BEGIN: case DT_BPF_P_END: return DT_BPF_CTX_DTRACE;
	case DT_BPF_P_PROFILE: case DT_BPF_P_TICK: return DT_BPF_CTX_PERF;
	case DT_BPF_P_SYSENTRY: return DT_BPF_CTX_SYSENTER;
	case DT_BPF_P_SYSRETURN: return DT_BPF_CTX_SYSEXIT;
	case DT_BPF_P_SDT: return DT_BPF_CTX_RAWTP;
	}
	return 0;
}

/* the context of a probe: fbt and pid decide by what the kernel offers */
static int probe_ctx(const dt_bpf_probe_t *pr)
{
	switch (pr->p_kind) {
	case DT_BPF_P_FBT_ENTRY: case DT_BPF_P_FBT_RETURN:
		return dt_bpf_fbt_ctx(pr);
	case DT_BPF_P_PID_ENTRY: case DT_BPF_P_PID_RETURN:
	case DT_BPF_P_PID_OFFSET: case DT_BPF_P_USDT:
		return dt_bpf_pid_ctx(pr);
	}
	return kind_ctx(pr->p_kind);
}

int dt_bpf_ctx_of(const dt_bpf_probe_t *pr)
{
	return probe_ctx(pr);
}

int dt_bpf_ctx_per_probe(int ctx)
{
	return ctx != DT_BPF_CTX_DTRACE && ctx != DT_BPF_CTX_SYSENTER &&
	       ctx != DT_BPF_CTX_SYSEXIT;
}

enum bpf_prog_type dt_bpf_load_opts(const dt_bpf_ptab_t *pt,
				    const dt_bpf_prog_t *bp,
				    struct bpf_prog_load_opts *o)
{
	switch (bp->bp_ctx) {
	case DT_BPF_CTX_PERF:
		return BPF_PROG_TYPE_PERF_EVENT;
	case DT_BPF_CTX_FENTRY: case DT_BPF_CTX_FEXIT:
	case DT_BPF_CTX_KPROBE: case DT_BPF_CTX_KRETPROBE:
		return dt_bpf_fbt_load_opts(dt_bpf_probe_byid(pt, bp->bp_probe),
					    o);
	case DT_BPF_CTX_UPROBE: case DT_BPF_CTX_URETPROBE:
		return dt_bpf_pid_load_opts(o);
	}
	return BPF_PROG_TYPE_RAW_TRACEPOINT;
}

static int perf_open(uint64_t period, int cpu)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_SOFTWARE;
	a.size = sizeof(a);
	a.config = PERF_COUNT_SW_CPU_CLOCK;
	a.sample_period = period;
	a.disabled = 1;
	return (int)syscall(__NR_perf_event_open, &a, -1, cpu, -1,
			    PERF_FLAG_FD_CLOEXEC);
}

int dt_bpf_add_link(dt_bpf_prog_t *bp, int fd)
{
	int *nl = realloc(bp->bp_links, (bp->bp_nlinks + 1) * sizeof(int));

	if (nl == NULL) {
		close(fd);
		return -1;
	}
	bp->bp_links = nl;
	bp->bp_links[bp->bp_nlinks++] = fd;
	return 0;
}

int dt_bpf_perf_link(dt_bpf_prog_t *bp, int fd)
{
	if (ioctl(fd, PERF_EVENT_IOC_SET_BPF, bp->bp_fd) != 0 ||
	    ioctl(fd, PERF_EVENT_IOC_ENABLE, 0) != 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return dt_bpf_add_link(bp, fd);
}

int dt_bpf_attach(const dt_bpf_ptab_t *pt, int ncpus, dt_bpf_prog_t *bp)
{
	const dt_bpf_probe_t *pr;
	int fd, c;

	switch (bp->bp_ctx) {
	case DT_BPF_CTX_SYSENTER:
	case DT_BPF_CTX_SYSEXIT:
		fd = bpf_raw_tracepoint_open(bp->bp_ctx == DT_BPF_CTX_SYSENTER ?
						     "sys_enter" : "sys_exit",
					     bp->bp_fd);
		return fd < 0 ? -1 : dt_bpf_add_link(bp, fd);
	case DT_BPF_CTX_RAWTP:
		pr = dt_bpf_probe_byid(pt, bp->bp_probe);
		fd = bpf_raw_tracepoint_open(pr->p_info.pi_name, bp->bp_fd);
		return fd < 0 ? -1 : dt_bpf_add_link(bp, fd);
	case DT_BPF_CTX_PERF:
		pr = dt_bpf_probe_byid(pt, bp->bp_probe);
		for (c = 0; c < ncpus; c++) {
			if (pr->p_kind == DT_BPF_P_TICK && c > 0)
				break;
			fd = perf_open(pr->p_period_ns, c);
			if (fd < 0) {
				if (errno == ENODEV || errno == EINVAL)
					continue; /* CPU not online */
				return -1;
			}
			if (dt_bpf_perf_link(bp, fd) != 0)
				return -1;
		}
		return 0;
	case DT_BPF_CTX_FENTRY: case DT_BPF_CTX_FEXIT:
	case DT_BPF_CTX_KPROBE: case DT_BPF_CTX_KRETPROBE:
		return dt_bpf_fbt_attach(dt_bpf_probe_byid(pt, bp->bp_probe),
					 bp);
	case DT_BPF_CTX_UPROBE: case DT_BPF_CTX_URETPROBE:
		return dt_bpf_pid_attach(pt, bp);
	}
	return 0;
}

