/*
 * dt_port.h - the only header src/common includes.
 *
 * The DIF virtual machine and the aggregation math are compiled twice: into
 * user space (libdtrace, tests, the in-process executor) and into the
 * dtracedrv kernel module.  Everything they need from their host comes
 * through this header, so the shared files never include libc or kernel
 * headers themselves.
 *
 * A host provides (as functions or macros, declared here):
 *   dt_port_memcpy(dst, src, n)      plain copy between memory known to be safe
 *   dt_port_memset(dst, c, n)
 *   dt_port_load(dst, addr, n)       fault-safe copy from an arbitrary
 *                                    (possibly bad) kernel-side address;
 *                                    returns 0 or -1 on fault
 *   dt_port_uload(dst, addr, n)      the same for a user-space address
 *                                    (copyin); returns 0 or -1
 *   dt_port_udiv64(a, b), dt_port_umod64(a, b)
 *                                    64-bit unsigned divide; on 32-bit kernels
 *                                    this is the helper configure chose
 *                                    (__aeabi_uldivmod on ARM, div64_u64 on i386)
 */
#ifndef DT_PORT_H
#define DT_PORT_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/stddef.h>
#else
#include <stdint.h>
#include <stddef.h>
#endif

int dt_port_load(void *dst, uint64_t addr, size_t n);
int dt_port_uload(void *dst, uint64_t addr, size_t n);

#if defined(__KERNEL__)
#include "dt_port_kernel.h"
#else
#include <string.h>
#define dt_port_memcpy(d, s, n) memcpy((d), (s), (n))
#define dt_port_memset(d, c, n) memset((d), (c), (n))
static inline uint64_t dt_port_udiv64(uint64_t a, uint64_t b) { return a / b; }
static inline uint64_t dt_port_umod64(uint64_t a, uint64_t b) { return a % b; }
#endif

#endif /* DT_PORT_H */
