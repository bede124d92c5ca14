/*
 * trigger.c - a known workload for the live provider tests in the guest:
 *   trigger N     N getppid() syscalls, then opens /tmp/dt-trigger-N
 *                 (an openat with a known path) and exits.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long i, n = argc > 1 ? atol(argv[1]) : 1000;
	char path[64];
	int fd;

	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	snprintf(path, sizeof(path), "/tmp/dt-trigger-%ld", n);
	fd = open(path, O_RDONLY);
	if (fd >= 0)
		close(fd);
	return 0;
}
