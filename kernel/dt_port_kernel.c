// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_port_kernel.c - fault-safe loads for the shared DIF code (dt_port.h).
 */
#include "dt_port.h"
#include "dt_compat_nofault.h"

int dt_port_load(void *dst, uint64_t addr, size_t n)
{
	return dt_read_kernel_nofault(dst, (const void *)(unsigned long)addr, n) ? -1 : 0;
}

int dt_port_uload(void *dst, uint64_t addr, size_t n)
{
	return dt_read_user_nofault(dst, (const void __user *)(unsigned long)addr, n) ? -1 : 0;
}
