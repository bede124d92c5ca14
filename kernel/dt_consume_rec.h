/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dt_consume_rec.h - the record layout of src/libdtrace/dt_consume.h
 * (dt_rechdr_t, dt_errrec_t), spelled for the kernel: that header is user
 * space only.  The two must stay identical: both sides assert the sizes
 * and offsets at compile time (here and in src/backend/kmod/dt_kmod.c).
 */
#ifndef DT_CONSUME_REC_H
#define DT_CONSUME_REC_H

#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/build_bug.h>

struct dt_rec_hdr {
	u32 dr_epid; /* 0: runtime error record */
	u32 dr_size; /* bytes of data after the header */
	u64 dr_timestamp;
};

struct dt_err_rec {
	u32 de_epid;
	u32 de_action;
	u32 de_offset;
	u32 de_fault;
	u64 de_addr;
};

static_assert(sizeof(struct dt_rec_hdr) == 16 &&
	      offsetof(struct dt_rec_hdr, dr_timestamp) == 8, "dt_rechdr_t layout");
static_assert(sizeof(struct dt_err_rec) == 24 &&
	      offsetof(struct dt_err_rec, de_addr) == 16, "dt_errrec_t layout");

#endif /* DT_CONSUME_REC_H */
