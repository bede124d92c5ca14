/*
 * dt_proc.c - starting a -c command: it execs under ptrace and is held at
 * its entry point until tracing has started (see run_to_entry).
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dt_proc.h"

pid_t dt_proc_wait(pid_t pid, int *status)
{
	pid_t r;

	while ((r = waitpid(pid, status, 0)) < 0 && errno == EINTR)
		;
	return r;
}

#if defined(__x86_64__) || defined(__i386__)
/* AT_ENTRY from /proc/PID/auxv, whose words are the target's size */
static int auxv_entry(pid_t pid, unsigned long *entry)
{
	unsigned char ident[EI_NIDENT], buf[8192];
	char p[64];
	size_t w, k;
	ssize_t n;
	int fd;

	snprintf(p, sizeof(p), "/proc/%d/exe", (int)pid);
	fd = open(p, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, ident, sizeof(ident));
	close(fd);
	if (n != (ssize_t)sizeof(ident))
		return -1;
	w = ident[EI_CLASS] == ELFCLASS32 ? 4 : 8;
	snprintf(p, sizeof(p), "/proc/%d/auxv", (int)pid);
	fd = open(p, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	for (k = 0; n > 0 && k + 2 * w <= (size_t)n; k += 2 * w) {
		uint64_t type = 0, val = 0;

		if (w == 4) {
			uint32_t a[2];

			memcpy(a, buf + k, sizeof(a));
			type = a[0];
			val = a[1];
		} else {
			memcpy(&type, buf + k, 8);
			memcpy(&val, buf + k + 8, 8);
		}
		if (type == AT_ENTRY) {
			*entry = (unsigned long)val;
			return 0;
		}
		if (type == AT_NULL)
			break;
	}
	return -1;
}

/*
 * From the exec stop to the program's entry point: by then the dynamic
 * linker has mapped every library the program needs (DT_NEEDED, found
 * through RPATH/RUNPATH, LD_LIBRARY_PATH and ld.so.cache, its way), and
 * no code of the program itself has run.  A breakpoint (int3) on
 * AT_ENTRY stops it there; the original byte is put back and the
 * instruction pointer moved back onto it, so the program starts at its
 * entry as if nothing happened.  Signals it gets meanwhile are passed
 * on.  0: held at entry; 1: it ended (*status); -1: not possible here
 * (it stays at the exec stop, which is also a correct place to hold it,
 * only with fewer objects mapped).
 */
static int run_to_entry(pid_t pid, int *status)
{
	struct user_regs_struct regs;
	unsigned long entry, addr;
	long word, bp;
	int sig = 0;

	if (auxv_entry(pid, &entry) != 0)
		return -1;
	/* an aligned word never crosses into an unmapped page */
	addr = entry & ~(unsigned long)(sizeof(long) - 1);
	errno = 0;
	word = ptrace(PTRACE_PEEKTEXT, pid, (void *)addr, NULL);
	if (errno != 0)
		return -1;
	bp = word;
	((unsigned char *)&bp)[entry - addr] = 0xcc;
	if (ptrace(PTRACE_POKETEXT, pid, (void *)addr, (void *)bp) != 0)
		return -1;
	for (;;) {
		if (ptrace(PTRACE_CONT, pid, NULL, (void *)(long)sig) != 0 ||
		    dt_proc_wait(pid, status) != pid)
			return -1;
		if (!WIFSTOPPED(*status))
			return 1;
		sig = WSTOPSIG(*status);
		if (sig == SIGTRAP) {
			if (ptrace(PTRACE_GETREGS, pid, NULL, &regs) != 0)
				return -1;
#ifdef __x86_64__
			if (regs.rip == entry + 1)
				break;
#else
			if ((unsigned long)regs.eip == entry + 1)
				break;
#endif
		} else {
			siginfo_t si;

			/* a group stop (not a signal to deliver): go on */
			if (ptrace(PTRACE_GETSIGINFO, pid, NULL, &si) != 0)
				sig = 0;
		}
	}
	if (ptrace(PTRACE_POKETEXT, pid, (void *)addr, (void *)word) != 0)
		return -1;
#ifdef __x86_64__
	regs.rip = entry;
#else
	regs.eip = (long)entry;
#endif
	return ptrace(PTRACE_SETREGS, pid, NULL, &regs) == 0 ? 0 : -1;
}
#else
/* no breakpoint code for this machine: hold it at the exec stop */
static int run_to_entry(pid_t pid, int *status)
{
	(void)pid;
	(void)status;
	return -1;
}
#endif

pid_t dt_proc_spawn(const char *cmd, int *ended, int *status, char *err,
		    size_t errlen)
{
	char *copy = strdup(cmd), *tok, *save = NULL, **argv;
	int argc = 0, efd[2], e = 0;
	pid_t pid;

	argv = calloc(strlen(cmd) / 2 + 2, sizeof(char *));
	if (copy == NULL || argv == NULL) {
		snprintf(err, errlen, "failed to execute %s: %s", cmd,
			 strerror(ENOMEM));
		free(copy);
		free(argv);
		return -1;
	}
	for (tok = strtok_r(copy, " \t", &save); tok != NULL;
	     tok = strtok_r(NULL, " \t", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;
	if (argc == 0) {
		snprintf(err, errlen, "failed to execute %s: %s", cmd,
			 strerror(ENOENT));
		goto fail;
	}
	/* the child tells why exec failed through a close-on-exec pipe */
	if (pipe(efd) != 0 || fcntl(efd[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(efd[1], F_SETFD, FD_CLOEXEC) != 0) {
		snprintf(err, errlen, "failed to execute %s: %s", argv[0],
			 strerror(errno));
		goto fail;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		close(efd[0]);
		/* exec stops it with SIGTRAP before its first instruction */
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) == 0)
			execvp(argv[0], argv);
		e = errno;
		if (write(efd[1], &e, sizeof(e)) != (ssize_t)sizeof(e))
			_exit(126);
		_exit(127);
	}
	close(efd[1]);
	if (pid < 0 || dt_proc_wait(pid, status) != pid ||
	    !WIFSTOPPED(*status)) {
		e = pid < 0 ? errno : ECHILD;
		if (pid > 0 && read(efd[0], &e, sizeof(e)) != (ssize_t)sizeof(e))
			e = ECHILD;
		close(efd[0]);
		snprintf(err, errlen, "failed to execute %s: %s", argv[0],
			 strerror(e));
		goto fail;
	}
	close(efd[0]);
	/* if we die before letting it go, it must not run on untraced */
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)(long)PTRACE_O_EXITKILL);
	/* 1: it ended first, e.g. the dynamic linker found no library */
	*ended = run_to_entry(pid, status) == 1;
	free(copy);
	free(argv);
	return pid;
fail:
	free(copy);
	free(argv);
	return -1;
}

/* let a held command run */
void dt_proc_release(pid_t pid)
{
	if (ptrace(PTRACE_DETACH, pid, NULL, NULL) != 0)
		perror("dtrace: starting command");
}
