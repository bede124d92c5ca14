/*
 * trigger.c - a known workload for the live provider tests in the guest:
 *   trigger N [S]  sleep S seconds (default 0), then N calls of
 *                  dt_trigger_fn() (the pid provider's target) and N
 *                  getppid() syscalls, then open /tmp/dt-trigger-N (an
 *                  openat with a known path) and exit.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

/* noinline and used: the pid provider probes it by name */
__attribute__((noinline)) long dt_trigger_fn(long i)
{
	__asm__ __volatile__("" ::: "memory");
	return i + 1;
}

int main(int argc, char **argv)
{
	long i, n = argc > 1 ? atol(argv[1]) : 1000;
	volatile long sink = 0;
	char path[64];
	int fd;

	if (argc > 2)
		sleep((unsigned)atoi(argv[2]));
	for (i = 0; i < n; i++)
		sink += dt_trigger_fn(i);
	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	snprintf(path, sizeof(path), "/tmp/dt-trigger-%ld", n);
	fd = open(path, O_RDONLY);
	if (fd >= 0)
		close(fd);
	return 0;
}
