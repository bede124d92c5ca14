/*
 * dt_bpf_perfbuf.h - choosing the record channel and reading the
 * perf-buffer one (dt_bpf_perfbuf.c).  The translator's side,
 * dt_bpf_xl_output(), is declared in dt_bpf_impl.h.
 */
#ifndef DT_BPF_PERFBUF_H
#define DT_BPF_PERFBUF_H

#include <stddef.h>
#include <stdint.h>

#define DT_BPF_BUF_RING 0
#define DT_BPF_BUF_PERF 1

/*
 * DT_BPF_BUF_RING or DT_BPF_BUF_PERF: DTRACE_BPF_BUFFER=ring|perf forces
 * one, else (unset or "auto") a ring buffer if the kernel can make one.
 * -1 for any other value.
 */
int dt_bpf_buffer_mode(void);

/* the perf event array records are written to (one slot per CPU) */
int dt_bpf_pbuf_map(int ncpus);

/* a message as the ring buffer would have delivered it, and lost ones */
typedef int dt_bpf_msg_fn(void *ctx, void *data, size_t len);
typedef void dt_bpf_lost_fn(void *ctx, int cpu, uint64_t n);

typedef struct dt_bpf_pbuf dt_bpf_pbuf_t;
/* bufsize: bytes per CPU (rounded up to a power-of-2 page count) */
dt_bpf_pbuf_t *dt_bpf_pbuf_new(int mapfd, uint64_t bufsize,
			       dt_bpf_msg_fn *msg, dt_bpf_lost_fn *lost,
			       void *ctx);
/* like ring_buffer__poll: messages handled, or a negative error */
int dt_bpf_pbuf_poll(dt_bpf_pbuf_t *p, int timeout_ms);
void dt_bpf_pbuf_free(dt_bpf_pbuf_t *p);

#endif /* DT_BPF_PERFBUF_H */
