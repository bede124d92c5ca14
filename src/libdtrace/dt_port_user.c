/*
 * dt_port_user.c - the user-space port of the shared DIF code: fault-safe
 * loads for the in-process executor and the unit tests.
 *
 * A D program may hand the VM any address.  Reading it directly could
 * crash the process, so loads outside the VM's own memory go through
 * process_vm_readv(2) on our own pid: the kernel does the copy and
 * reports EFAULT for unmapped memory instead of raising SIGSEGV.  Where
 * that system call is refused (seccomp), a pipe does the same job: write(2)
 * from a bad buffer fails with EFAULT too.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "dt_port.h"

/* -1: untried, 0: process_vm_readv works, 1: use the pipe */
static int dt_port_mode = -1;
static int dt_port_pipe[2] = { -1, -1 };

static int dt_port_pipe_load(void *dst, uintptr_t src, size_t n)
{
	char *d = dst;

	if (dt_port_pipe[0] < 0 && pipe2(dt_port_pipe, O_CLOEXEC) != 0)
		return -1;
	while (n > 0) {
		size_t piece = n > 4096 ? 4096 : n;
		ssize_t w = write(dt_port_pipe[1], (const void *)src, piece);
		ssize_t r;

		if (w <= 0)
			return -1;
		r = read(dt_port_pipe[0], d, (size_t)w);
		if (r != w)
			return -1;
		d += w;
		src += (size_t)w;
		n -= (size_t)w;
	}
	return 0;
}

int dt_port_load(void *dst, uint64_t addr, size_t n)
{
	struct iovec local, remote;
	ssize_t got;

	if (n == 0)
		return 0;
	/* addresses beyond this process's pointer width cannot be valid */
	if (addr > UINTPTR_MAX || addr + n < addr || addr + n - 1 > UINTPTR_MAX)
		return -1;
	if (dt_port_mode != 1) {
		local.iov_base = dst;
		local.iov_len = n;
		remote.iov_base = (void *)(uintptr_t)addr;
		remote.iov_len = n;
		/* getpid() each time: a cached pid would read the parent's
		 * memory after fork() */
		got = process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
		if (got == (ssize_t)n) {
			dt_port_mode = 0;
			return 0;
		}
		if (got >= 0 || errno == EFAULT || errno == ESRCH ||
		    dt_port_mode == 0)
			return -1;
		dt_port_mode = 1; /* ENOSYS/EPERM: fall back for good */
	}
	return dt_port_pipe_load(dst, (uintptr_t)addr, n);
}

/* the in-process executor shares one address space with its "user" */
int dt_port_uload(void *dst, uint64_t addr, size_t n)
{
	return dt_port_load(dst, addr, n);
}
