// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_buf.c - the principal buffer policies (bufpolicy option).
 *
 *  switch  records that do not fit are dropped and counted; the consumer
 *          swaps the halves whenever it likes (dt_fire.c).
 *  fill    the first record that does not fit (less the space END's
 *          records need) marks the CPU full: nothing more is recorded
 *          there, END excepted; the consumer sees ds_filled, stops
 *          tracing and prints everything.
 *  ring    the buffer wraps and the newest records overwrite the oldest;
 *          the consumer reads it once, after END.
 *
 * Only the firing CPU touches its buffer (interrupts off), so nothing
 * here locks.  Every record is 8-byte aligned and starts with a
 * struct dt_rec_hdr whose dr_size gives its length, which is how the
 * ring finds the oldest record to drop.
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>
#include "dt_trace.h"
#include "dt_consume_rec.h"

static u32 dt_reclen(const u8 *p)
{
	const struct dt_rec_hdr *h = (const struct dt_rec_hdr *)p;

	return (sizeof(*h) + h->dr_size + 7) & ~7U;
}

/*
 * fill: may a record of n bytes go into this CPU's buffer?  Called before
 * a clause runs, as DTrace reserves before it runs the actions: a clause
 * on a full CPU has no effect at all.  END may use the reserved space.
 */
int dt_buf_reserve(struct dt_cpu *c, u32 n)
{
	struct dt_sess *s = c->sess;
	struct dt_pbuf *b;
	int end = READ_ONCE(s->state) == DTD_ST_STOPPED;

	if (s->bufpolicy != DT_POLICY_FILL)
		return 1;
	if (c->full && !end)
		return 0;
	b = &c->buf[READ_ONCE(c->cur)];
	if ((u64)b->len + n + (end ? 0 : s->endreserve) <= s->bufsize)
		return 1;
	if (!end)
		c->full = 1;
	return 0;
}

/* ring: make room for n bytes at len, dropping the oldest records */
static void dt_ring_room(struct dt_pbuf *b, u32 n, u32 size)
{
	for (;;) {
		if (!b->wrapped) {
			/* records in [0, len) */
			if (b->len + n <= size)
				return;
			b->end = b->len;
			b->len = 0;
			b->tail = 0;
			b->wrapped = 1;
			continue;
		}
		/* records in [tail, end) then [0, len); free: [len, tail) */
		if (b->len + n <= b->tail)
			return;
		b->tail += dt_reclen(b->data + b->tail);
		if (b->tail >= b->end) {
			/* the older run is gone: records in [0, len) */
			b->wrapped = 0;
			b->tail = b->end = 0;
		}
	}
}

void dt_buf_append(struct dt_cpu *c, int half, const void *p, u32 n)
{
	struct dt_sess *s = c->sess;
	struct dt_pbuf *b = &c->buf[half];

	if (n > s->bufsize) {
		b->drops++;
		return;
	}
	if (s->bufpolicy == DT_POLICY_RING)
		dt_ring_room(b, n, s->bufsize);
	else if (b->len + n > s->bufsize) {
		b->drops++;
		return;
	}
	memcpy(b->data + b->len, p, n);
	/* the consumer reads len only after a grace period */
	b->len += n;
}

/* bytes a snapshot of b holds (oldest first) */
u32 dt_buf_bytes(const struct dt_pbuf *b)
{
	return b->wrapped ? b->end - b->tail + b->len : b->len;
}

/*
 * Copy a quiet half to user space, oldest record first; returns the
 * bytes copied, or U32_MAX on a fault.  The caller resets it.
 */
u32 dt_buf_copyout(struct dt_pbuf *b, u8 __user *dst)
{
	u32 first = 0;

	if (b->wrapped) {
		first = b->end - b->tail;
		if (copy_to_user(dst, b->data + b->tail, first))
			return U32_MAX;
	}
	if (copy_to_user(dst + first, b->data, b->len))
		return U32_MAX;
	return dt_buf_bytes(b);
}

void dt_buf_reset(struct dt_pbuf *b)
{
	b->len = 0;
	b->tail = 0;
	b->end = 0;
	b->wrapped = 0;
}
