/*
 * dt_kmod_ser.h - serialize a compiled program and its ECB table into the
 * byte layout DTD_IOC_LOAD takes (kernel/dtrace_ioctl.h).
 */
#ifndef DT_KMOD_SER_H
#define DT_KMOD_SER_H

#include <stddef.h>
#include "backend.h"

typedef struct dt_kmod_blob {
	void *kb_data; /* malloc'd */
	size_t kb_len;
} dt_kmod_blob_t;

/* 0, or -1 when out of memory */
int dt_kmod_serialize(const dt_program_t *prog, const dt_ecb_t *ecbs, uint32_t necbs,
		      const dt_runopts_t *ro, dt_kmod_blob_t *out);

/*
 * A clause's record slots as the module takes them: each stack() /
 * ustack() slot as an 8-byte integer slot (the DIF writes 0 there; the
 * module writes the stack over its real size, sent beside).  malloc'd;
 * NULL when out of memory or when the clause has no slot.
 */
dif_recslot_t *dt_kmod_slots(const dt_clause_t *cl);

#endif /* DT_KMOD_SER_H */
