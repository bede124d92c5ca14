/*
 * trig.c - a trigger: makes known system calls a known number of times.
 * Built twice, 64-bit and with gcc -m32 (32-bit syscalls through the
 * kernel's IA32 emulation), so the live tests can count exactly.
 *
 *   trig MODE N     waits for one byte on stdin (the tracer is ready),
 *                   then: getppid  N x getppid()
 *                         write    N x write(fd 1 of /dev/null, buf, i+1)
 *                         enoent   N x open("/nonexistent/...") -> ENOENT
 *                         spin     busy loop for N milliseconds
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char c, buf[4096];
	long n, i;
	int fd;

	if (argc != 3)
		return 2;
	n = atol(argv[2]);
	if (read(0, &c, 1) < 0)
		return 2;
	memset(buf, 'x', sizeof(buf));
	if (strcmp(argv[1], "getppid") == 0) {
		for (i = 0; i < n; i++)
			(void)getppid(); /* glibc does not cache it */
	} else if (strcmp(argv[1], "write") == 0) {
		fd = open("/dev/null", O_WRONLY);
		for (i = 0; i < n; i++)
			if (write(fd, buf, (size_t)(i % 4096) + 1) < 0)
				return 1;
		close(fd);
	} else if (strcmp(argv[1], "enoent") == 0) {
		for (i = 0; i < n; i++)
			(void)open("/nonexistent/dtrace-trigger", O_RDONLY);
	} else if (strcmp(argv[1], "spin") == 0) {
		struct timespec a, b;

		clock_gettime(CLOCK_MONOTONIC, &a);
		do {
			clock_gettime(CLOCK_MONOTONIC, &b);
		} while ((b.tv_sec - a.tv_sec) * 1000 +
				 (b.tv_nsec - a.tv_nsec) / 1000000 < n);
	} else {
		return 2;
	}
	return 0;
}
