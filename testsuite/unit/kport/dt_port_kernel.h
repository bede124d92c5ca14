/* Stand-in for the module's dt_port_kernel.h: the port functions are
 * external, as they are in the kernel (memcpy/memset, div64 helpers). */
#ifndef KPORT_DT_PORT_KERNEL_H
#define KPORT_DT_PORT_KERNEL_H
void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
#define dt_port_memcpy(d, s, n) memcpy((d), (s), (n))
#define dt_port_memset(d, c, n) memset((d), (c), (n))
uint64_t dt_port_udiv64(uint64_t a, uint64_t b);
uint64_t dt_port_umod64(uint64_t a, uint64_t b);
#endif
