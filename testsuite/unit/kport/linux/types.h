/* Stand-in for <linux/types.h>: lets the shared DIF files be compiled the
 * way the kernel module compiles them (-D__KERNEL__, freestanding) without
 * kernel headers, to catch libgcc division helpers and large frames. */
#ifndef KPORT_LINUX_TYPES_H
#define KPORT_LINUX_TYPES_H
typedef signed char int8_t;
typedef unsigned char uint8_t;
typedef short int16_t;
typedef unsigned short uint16_t;
typedef int int32_t;
typedef unsigned int uint32_t;
typedef long long int64_t;
typedef unsigned long long uint64_t;
typedef unsigned long uintptr_t;
typedef unsigned long size_t;
#endif
