/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dt_port_kernel.h - the kernel side of src/common/dt_port.h: what the shared
 * DIF VM and aggregation code get from their host inside dtracedrv.
 * dt_port_load/dt_port_uload are functions in dt_port_kernel.c.
 */
#ifndef DT_PORT_KERNEL_H
#define DT_PORT_KERNEL_H

#include <linux/string.h>
#include <linux/math64.h>
#include <linux/limits.h>

/* <stdint.h> limits the shared code may use; the kernel spells them U32_MAX etc. */
#ifndef UINT8_MAX
#define UINT8_MAX U8_MAX
#define UINT16_MAX U16_MAX
#define UINT32_MAX U32_MAX
#define UINT64_MAX U64_MAX
#define INT8_MAX S8_MAX
#define INT8_MIN S8_MIN
#define INT16_MAX S16_MAX
#define INT16_MIN S16_MIN
#define INT32_MAX S32_MAX
#define INT32_MIN S32_MIN
#define INT64_MAX S64_MAX
#define INT64_MIN S64_MIN
#endif

#define dt_port_memcpy(d, s, n) memcpy((d), (s), (n))
#define dt_port_memset(d, c, n) memset((d), (c), (n))

/*
 * 64-bit division: a plain '/' only where the probe pass showed it links in
 * a module (x86-64); elsewhere (i386 has no __udivdi3, ARM 6.1 does not
 * export __aeabi_uldivmod) the kernel's div64_u64 helpers.
 */
#if defined(HAVE_DIV64_NATIVE)
#define DT_PORT_UDIV64_HOW "native"
static inline uint64_t dt_port_udiv64(uint64_t a, uint64_t b) { return a / b; }
static inline uint64_t dt_port_umod64(uint64_t a, uint64_t b) { return a % b; }
#elif defined(HAVE_DIV64_U64)
#define DT_PORT_UDIV64_HOW "div64_u64"
static inline uint64_t dt_port_udiv64(uint64_t a, uint64_t b) { return div64_u64(a, b); }
static inline uint64_t dt_port_umod64(uint64_t a, uint64_t b)
{
	u64 rem;

	div64_u64_rem(a, b, &rem);
	return rem;
}
#else
#error "no 64-bit divide for modules on this kernel"
#endif

#endif /* DT_PORT_KERNEL_H */
