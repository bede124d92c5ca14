/*
 * dt_bpf_perfbuf.c - the record channel: which one this run uses, the
 * output call the translator emits for it, and reading the perf-buffer
 * kind (the ring-buffer kind is read with libbpf's ring_buffer in
 * dt_bpf.c).
 *
 * BPF ring buffers need Linux 5.8.  On older kernels (or when
 * DTRACE_BPF_BUFFER=perf asks for it, which the tests use to cover this
 * path on new kernels) records go through a BPF_MAP_TYPE_PERF_EVENT_ARRAY:
 * one perf ring per CPU, written with bpf_perf_event_output.  A full ring
 * is counted twice: by the program when the helper fails (from Linux 5.4,
 * exact) and by the kernel as lost samples, which it reports only with the
 * next record that fits (so the last losses never arrive), and which are all
 * there is before 5.4, where the helper cannot fail.  dt_bpf.c reports the
 * larger count of each CPU.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "dt_bpf_xl.h"
#include "dt_bpf_perfbuf.h"

int dt_bpf_buffer_mode(void)
{
	const char *e = getenv("DTRACE_BPF_BUFFER");
	int fd;

	if (e != NULL && strcmp(e, "perf") == 0)
		return DT_BPF_BUF_PERF;
	if (e != NULL && strcmp(e, "ring") == 0)
		return DT_BPF_BUF_RING;
	if (e != NULL && *e != '\0' && strcmp(e, "auto") != 0)
		return -1;
	/* the smallest ring buffer there is: one page */
	fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, NULL, 0, 0,
			    (uint32_t)sysconf(_SC_PAGESIZE), NULL);
	if (fd < 0)
		return DT_BPF_BUF_PERF;
	close(fd);
	return DT_BPF_BUF_RING;
}

int dt_bpf_pbuf_map(int ncpus)
{
	return bpf_map_create(BPF_MAP_TYPE_PERF_EVENT_ARRAY, "dt_records", 4, 4,
			      (uint32_t)ncpus, NULL);
}

void dt_bpf_xl_output(xl_t *x)
{
	if (!x->env->use_perfbuf) {
		ldmap(x, R1, x->env->maps->rb);
		E(MOV_I(R4, 0));
		E(CALL(BPF_FUNC_ringbuf_output));
		return;
	}
	/* perf_event_output(ctx, map, BPF_F_CURRENT_CPU, data, size) */
	E(MOV_R(R5, R3));
	E(MOV_R(R4, R2));
	ldmap(x, R2, x->env->maps->rb);
	ld64(x, R3, BPF_F_CURRENT_CPU);
	E(MOV_R(R1, R6));
	E(CALL(BPF_FUNC_perf_event_output));
}

struct dt_bpf_pbuf {
	struct perf_buffer *pb;
	dt_bpf_msg_fn *msg;
	dt_bpf_lost_fn *lost;
	void *ctx;
};

/*
 * A perf sample is padded to 8 bytes after its 4-byte size word, so it
 * holds up to 7 bytes more than was written: cut the message back to its
 * own length (prefix, record header, data rounded to 8 as written).
 */
static size_t msg_len(const unsigned char *d, size_t len)
{
	const dt_bpf_msg_t *m = (const void *)d;
	dt_rechdr_t h;
	size_t want;

	if (len < sizeof(*m))
		return len;
	if ((m->m_tag & DT_BPF_TAG_KIND) == DT_BPF_TAG_COMMIT ||
	    (m->m_tag & DT_BPF_TAG_KIND) == DT_BPF_TAG_DISCARD)
		return sizeof(*m);
	if (len < sizeof(*m) + sizeof(h))
		return len;
	memcpy(&h, d + sizeof(*m), sizeof(h));
	want = sizeof(*m) + sizeof(h) + h.dr_size;
	if (h.dr_epid != 0)
		want = (want + 7) & ~(size_t)7;
	return want < len ? want : len;
}

static void on_sample(void *ctx, int cpu, void *data, __u32 size)
{
	dt_bpf_pbuf_t *p = ctx;

	(void)cpu; /* the message says which CPU made it */
	p->msg(p->ctx, data, msg_len(data, size));
}

static void on_lost(void *ctx, int cpu, __u64 n)
{
	dt_bpf_pbuf_t *p = ctx;

	p->lost(p->ctx, cpu, n);
}

dt_bpf_pbuf_t *dt_bpf_pbuf_new(int mapfd, uint64_t bufsize,
			       dt_bpf_msg_fn *msg, dt_bpf_lost_fn *lost,
			       void *ctx)
{
	dt_bpf_pbuf_t *p = calloc(1, sizeof(*p));
	size_t page = (size_t)sysconf(_SC_PAGESIZE), pages = 1;

	if (p == NULL)
		return NULL;
	/* bufsize is per CPU, as DTrace's is; perf wants a power of 2 */
	while (pages * page < bufsize && pages < (1u << 16))
		pages <<= 1;
	p->msg = msg;
	p->lost = lost;
	p->ctx = ctx;
	p->pb = perf_buffer__new(mapfd, pages, on_sample, on_lost, p, NULL);
	if (p->pb == NULL) {
		free(p);
		return NULL;
	}
	return p;
}

int dt_bpf_pbuf_poll(dt_bpf_pbuf_t *p, int timeout_ms)
{
	return perf_buffer__poll(p->pb, timeout_ms);
}

void dt_bpf_pbuf_free(dt_bpf_pbuf_t *p)
{
	if (p == NULL)
		return;
	perf_buffer__free(p->pb);
	free(p);
}
