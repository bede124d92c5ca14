/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dtrace_ioctl.h - the /dev/dtrace protocol, shared by dtracedrv and the
 * kmod backend (src/backend/kmod).  doc/dtrace-device.md describes it.
 *
 * Every structure uses fixed-width fields and user pointers travel as u64,
 * so the layout is the same for every ABI.  The serialized program holds
 * the shared DIF structures (dif_var_t, dif_aggspec_t, dif_recslot_t) as
 * the consumer's compiler laid them out: the consumer must have the
 * kernel's word size (DTD_IOC_VERSION tells it), and the header carries
 * their sizes so the module refuses a mismatch.
 */
#ifndef DTRACE_IOCTL_H
#define DTRACE_IOCTL_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/ioctl.h>
#else
#include <stdint.h>
#include <sys/ioctl.h>
#endif

#define DTD_VERSION 2
#define DTD_PROG_MAGIC 0x44547047u /* "DTpG" */

/* probe listing entry: fixed size, NUL-terminated strings */
#define DTD_PROVLEN 16
#define DTD_MODLEN 32
#define DTD_FUNCLEN 96
#define DTD_NAMELEN 40
struct dtd_probe {
	uint32_t dp_id;
	uint32_t dp_pad;
	char dp_prov[DTD_PROVLEN];
	char dp_mod[DTD_MODLEN];
	char dp_func[DTD_FUNCLEN];
	char dp_name[DTD_NAMELEN];
};

struct dtd_version {
	uint32_t dv_version; /* DTD_VERSION */
	uint32_t dv_ncpus; /* nr_cpu_ids: CPU numbers are below this */
	uint32_t dv_ptrsize; /* sizeof(void *) in the kernel */
	uint32_t dv_nprobes; /* probes listed right now */
	char dv_release[64]; /* the kernel release the module was built for */
};

/* a user buffer: in dy_addr/dy_len; out dy_used (bytes written or needed) */
struct dtd_ubuf {
	uint64_t dy_addr;
	uint64_t dy_len;
	uint64_t dy_used;
};

/*
 * DTD_IOC_PROVIDE: create probes that exist on demand.  dq_prov is
 * "fbt" (dq_func names one kernel function: its entry and return probes),
 * "profile" (dq_name is profile-N or tick-N with DTrace's units) or "pid"
 * (entry and return probes of user function dq_func of process dq_pid, at
 * file offset dq_offset of the executable dq_path; dq_mod is the module
 * name the probes show).  dq_id returns the first probe's id (0: nothing
 * created, already there).
 */
#define DTD_PATHLEN 256
struct dtd_provide {
	char dq_prov[DTD_PROVLEN];
	char dq_mod[DTD_MODLEN];
	char dq_func[DTD_FUNCLEN];
	char dq_name[DTD_NAMELEN];
	char dq_path[DTD_PATHLEN];
	uint64_t dq_offset;
	uint32_t dq_pid;
	uint32_t dq_id;
};

/* the serialized program (DTD_IOC_LOAD), all sections 8-byte aligned:
 *   struct dtd_prog_hdr
 *   dif_var_t vars[nvars]            (padded to 8)
 *   dif_aggspec_t aggs[naggs]        (padded to 8)
 *   struct dtd_aggkey akeys[nakeys]  (every key of each aggregation that
 *                                     has a stack()/ustack() key)
 *   nclauses x { struct dtd_clause; dif_instr_t buf[len]; uint64_t
 *     inttab[intlen]; dif_recslot_t slots[nslots] (pad 8); uint32_t
 *     actpc[nacts] (pad 8); char strtab[strlen] (pad 8); struct
 *     dtd_slotx slotx[nslots] }
 *   struct dtd_ecb ecbs[necbs]       (ecbs[i].de_epid == i + 1)
 */
struct dtd_prog_hdr {
	uint32_t ph_magic;
	uint32_t ph_version;
	uint32_t ph_size; /* bytes of the whole program */
	uint32_t ph_nclauses;
	uint32_t ph_nvars;
	uint32_t ph_naggs;
	uint32_t ph_necbs;
	uint32_t ph_globsize;
	uint32_t ph_localsize;
	uint32_t ph_strsize;
	uint32_t ph_nspec;
	uint32_t ph_bufpolicy; /* 0 switch, 1 fill, 2 ring */
	uint32_t ph_varsz; /* sizeof(dif_var_t) */
	uint32_t ph_aggsz; /* sizeof(dif_aggspec_t) */
	uint32_t ph_slotsz; /* sizeof(dif_recslot_t) */
	uint32_t ph_nakeys; /* struct dtd_aggkey entries */
	uint64_t ph_bufsize; /* principal buffer bytes per CPU (each half) */
	uint64_t ph_aggsize; /* aggregation buffer bytes per CPU (each half) */
	uint64_t ph_dynvarsize;
	uint64_t ph_specsize;
};

struct dtd_clause {
	uint32_t dc_len; /* instructions */
	uint32_t dc_intlen;
	uint32_t dc_strlen;
	uint32_t dc_nslots;
	uint32_t dc_recsize;
	uint32_t dc_nacts;
	uint32_t dc_aggonly;
	uint32_t dc_rtsize; /* dtdo_rtype */
	uint8_t dc_rtbyref, dc_rtstring, dc_rtsigned, dc_rtpad;
	uint32_t dc_exit; /* the clause calls exit(): the module notes it */
};

/* what the module fills in itself: a record slot or an aggregation key */
#define DTD_SLOT_PLAIN 0 /* written by the DIF */
#define DTD_SLOT_STACK 1 /* kernel stack: pcs, 0-terminated */
#define DTD_SLOT_USTACK 2 /* user stack: pid, then pcs, 0-terminated */

/*
 * What each record slot holds.  A stack slot travels in dif_recslot_t as
 * an 8-byte integer slot (the DIF writes 0 there with REC %r0; dif_validate
 * takes integer slots of 1-8 bytes only) and here with its real size: the
 * module writes the stack over sx_size bytes after the clause ran.
 */
struct dtd_slotx {
	uint32_t sx_fmt; /* DTD_SLOT_* */
	uint32_t sx_size; /* bytes of the stack (0 for plain slots) */
};

/*
 * One key of an aggregation with a stack key.  The DIF packs a stack key
 * as 8 zero bytes (ak_vmsize); the module moves the keys after it and
 * writes the stack there in ak_size bytes (ak_size == ak_vmsize for the
 * other keys).  An aggregation's keys are consecutive, in order.
 */
struct dtd_aggkey {
	uint32_t ak_aggid;
	uint32_t ak_fmt; /* DTD_SLOT_* */
	uint32_t ak_vmsize; /* bytes the DIF packed */
	uint32_t ak_size; /* bytes in the aggregation's key */
};

struct dtd_ecb {
	uint32_t de_epid;
	uint32_t de_probe; /* probe id */
	uint32_t de_clause; /* index of the clause */
	uint32_t de_pad;
};

/*
 * DTD_IOC_BUFSNAP / DTD_IOC_AGGSNAP write, per CPU with data, a
 * struct dtd_cpuhdr followed by dh_len bytes (padded to 8).
 * Principal buffers: the records, as dt_consume.h lays them out.
 * Aggregations: dh_count elements, each a struct dtd_aggel followed by
 * ae_keysize key bytes (padded to 8) and ae_nvals int64 values.
 */
struct dtd_cpuhdr {
	uint32_t dh_cpu;
	uint32_t dh_len;
	uint32_t dh_count;
	uint32_t dh_pad;
	uint64_t dh_drops; /* principal or aggregation drops so far */
};

struct dtd_aggel {
	uint32_t ae_aggid;
	uint32_t ae_keysize;
	uint32_t ae_nvals;
	uint32_t ae_pad;
};

#define DTD_MAXCPUS 64
struct dtd_status {
	uint32_t ds_state; /* enum dtd_state */
	uint32_t ds_ncpus;
	uint64_t ds_dyndrops;
	uint64_t ds_errors; /* runtime errors (error records written) */
	uint64_t ds_specdrops;
	uint64_t ds_specbusy;
	uint64_t ds_fbt_failed; /* fbt probes the kernel refused to enable */
	uint64_t ds_recursion; /* firings skipped: a probe inside a probe */
	uint64_t ds_fired; /* probe firings that ran clauses */
	uint32_t ds_pending[DTD_MAXCPUS]; /* bytes waiting in each CPU's buffer */
	uint64_t ds_drops[DTD_MAXCPUS];
	uint64_t ds_aggdrops[DTD_MAXCPUS];
	uint32_t ds_filled; /* bufpolicy=fill: CPUs whose buffer filled */
	uint32_t ds_exiting; /* a clause with exit() ran: with fill and ring
				the consumer reads nothing before the end */
};

enum dtd_state {
	DTD_ST_IDLE = 0,
	DTD_ST_LOADED,
	DTD_ST_ENABLED,
	DTD_ST_ACTIVE,
	DTD_ST_STOPPED
};

#define DTD_IOC_MAGIC 0xd7
#define DTD_IOC_VERSION _IOR(DTD_IOC_MAGIC, 1, struct dtd_version)
#define DTD_IOC_PROBES _IOWR(DTD_IOC_MAGIC, 2, struct dtd_ubuf)
#define DTD_IOC_PROVIDE _IOWR(DTD_IOC_MAGIC, 3, struct dtd_provide)
#define DTD_IOC_LOAD _IOWR(DTD_IOC_MAGIC, 4, struct dtd_ubuf)
#define DTD_IOC_ENABLE _IO(DTD_IOC_MAGIC, 5)
#define DTD_IOC_GO _IO(DTD_IOC_MAGIC, 6)
#define DTD_IOC_STOP _IO(DTD_IOC_MAGIC, 7)
#define DTD_IOC_BUFSNAP _IOWR(DTD_IOC_MAGIC, 8, struct dtd_ubuf)
#define DTD_IOC_AGGSNAP _IOWR(DTD_IOC_MAGIC, 9, struct dtd_ubuf)
#define DTD_IOC_STATUS _IOR(DTD_IOC_MAGIC, 10, struct dtd_status)

#endif /* DTRACE_IOCTL_H */
