/*
 * dif_impl.h - helpers shared by the DIF interpreter (dif_vm.c) and the
 * subroutines (dif_subr.c).  Not an interface for backends.
 */
#ifndef DIF_IMPL_H
#define DIF_IMPL_H

#include "dif_vm.h"

/* 64-bit signed division built from the port's unsigned one, so 32-bit
 * kernels never reference __divdi3/__moddi3.  b != 0. */
static inline uint64_t dif_uabs(int64_t v)
{
	return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

static inline int64_t dif_sdiv(int64_t a, int64_t b)
{
	uint64_t q = dt_port_udiv64(dif_uabs(a), dif_uabs(b));

	/* INT64_MIN / -1 wraps to INT64_MIN instead of trapping */
	return (int64_t)(((a < 0) != (b < 0)) ? 0 - q : q);
}

static inline int64_t dif_srem(int64_t a, int64_t b)
{
	uint64_t r = dt_port_umod64(dif_uabs(a), dif_uabs(b));

	return (int64_t)(a < 0 ? 0 - r : r);
}

/* 1 if [addr, addr+size) lies inside memory the VM owns */
static inline int dif_in_ranges(const dif_mstate_t *ms, uint64_t addr,
				uint64_t size)
{
	uint32_t i;

	if (addr + size < addr)
		return 0;
	for (i = 0; i < ms->ms_nranges; i++) {
		if (addr >= ms->ms_ranges[i].dr_base &&
		    addr + size <= ms->ms_ranges[i].dr_end)
			return 1;
	}
	return 0;
}

static inline void *dif_ptr(uint64_t addr)
{
	return (void *)(uintptr_t)addr;
}

static inline uint64_t dif_addr(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* checked copy of n bytes from D address addr into dst; 0 or -1 */
int dif_copyin_checked(dif_mstate_t *ms, void *dst, uint64_t addr,
		       uint64_t n);

/* scratch allocation (8-byte aligned); NULL when scratch is exhausted */
void *dif_scratch_alloc(dif_mstate_t *ms, uint64_t size);

/* 1 if [addr, addr+size) is inside allocated scratch */
int dif_in_scratch(const dif_mstate_t *ms, uint64_t addr, uint64_t size);

/*
 * Make the string at addr readable: *sp points to it (directly when it is
 * in our own memory, else to a NUL-terminated copy in scratch) and *lenp is
 * its length, at most strsize.  Returns 0 or a dif_fault (*faddr set).
 */
int dif_str_get(dif_mstate_t *ms, uint64_t addr, const char **sp,
		uint32_t *lenp, uint64_t *faddr);

/*
 * Copy a string from addr (user space if user) into a fresh scratch buffer
 * of max+1 bytes, stopping at NUL or max bytes.  Returns 0 or a fault.
 */
int dif_str_copy(dif_mstate_t *ms, uint64_t addr, uint32_t max, int user,
		 char **dstp, uint32_t *lenp, uint64_t *faddr);

/* subroutine dispatcher: arguments are ms->ms_tuple[0..ntuple) */
int dif_subr_call(dif_mstate_t *ms, unsigned subr, uint64_t *rvp,
		  uint64_t *faddr);

#endif /* DIF_IMPL_H */
