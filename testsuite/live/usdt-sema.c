/*
 * usdt-sema.c - part of usdt-trig: a USDT probe guarded by its semaphore,
 * as code built from a dtrace -h header does it.  The probe only runs
 * while a tracer holds the semaphore up (the kernel raises it for a
 * uprobe attached with a reference counter offset).
 */
#define _SDT_HAS_SEMAPHORES 1
#include <sys/sdt.h>

__extension__ unsigned short dttest_guarded_semaphore
	__attribute__((unused)) __attribute__((section(".probes")));

long dt_trig_guarded(long i);

__attribute__((noinline)) long dt_trig_guarded(long i)
{
	if (dttest_guarded_semaphore)
		STAP_PROBE1(dttest, guarded, i);
	return i;
}
