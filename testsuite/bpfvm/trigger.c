/*
 * trigger.c - the known workload of the fbt tests in the guest:
 *   trigger N    N getppid() syscalls, then two opens whose results the
 *                tests know: a missing file (-ENOENT, so -2) and
 *                /tmp/dt-bpfvm-N created with mode 0640 (fd 3: nothing
 *                else is open), then exit.
 * Static, so no loader or library opens files before main().
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
	(void)open("/nonexistent-dt-bpfvm", O_RDONLY);
	snprintf(path, sizeof(path), "/tmp/dt-bpfvm-%ld", n);
	fd = open(path, O_WRONLY | O_CREAT, 0640);
	if (fd >= 0)
		close(fd);
	return 0;
}
