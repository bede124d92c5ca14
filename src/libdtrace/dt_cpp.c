/* dt_cpp.c - run the system C preprocessor for -C (see dt_cpp.h). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "dt_cpp.h"
#include "dt_errtags.h"

static const char *dt_cpp_path(void)
{
	static const char *const paths[] = { "/usr/bin/cpp", "/bin/cpp",
		"/usr/local/bin/cpp" };
	size_t i;
	const char *e = getenv("DTRACE_CPP");

	if (e != NULL && *e != '\0')
		return e;
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		if (access(paths[i], X_OK) == 0)
			return paths[i];
	return "cpp";
}

char *dt_cpp_run(dt_pcb_t *pcb, const char *src)
{
	const dt_cc_opts_t *o = pcb->pcb_opts;
	int in[2], out[2], status, i, argc = 0;
	char **argv;
	pid_t pid;
	size_t srclen = strlen(src), woff = 0, len = 0, cap = 8192;
	char *buf;

	argv = calloc((size_t)o->cc_ncppargs + 8, sizeof(char *));
	if (argv == NULL)
		abort();
	argv[argc++] = (char *)dt_cpp_path();
	argv[argc++] = (char *)"-D__dtrace=1";
	argv[argc++] = (char *)"-D__linux_dtrace=1";
	if (o->cc_cpp_H)
		argv[argc++] = (char *)"-H";
	for (i = 0; i < o->cc_ncppargs; i++)
		argv[argc++] = o->cc_cppargs[i];
	argv[argc++] = (char *)"-";
	argv[argc] = NULL;

	if (pipe(in) != 0 || pipe(out) != 0) {
		free(argv);
		dt_cc_error(pcb, 0, D_UNKNOWN, "failed to run cpp: %s",
		    strerror(errno));
	}
	pid = fork();
	if (pid < 0) {
		free(argv);
		close(in[0]); close(in[1]); close(out[0]); close(out[1]);
		dt_cc_error(pcb, 0, D_UNKNOWN, "failed to run cpp: %s",
		    strerror(errno));
	}
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]); close(in[1]); close(out[0]); close(out[1]);
		execvp(argv[0], argv);
		fprintf(stderr, "dtrace: failed to exec %s: %s\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	free(argv);
	close(in[0]);
	close(out[1]);
	if ((buf = malloc(cap)) == NULL)
		abort();
	/* feed the source and read the output without deadlocking */
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	{
		struct sigaction sa, old;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = SIG_IGN;
		sigaction(SIGPIPE, &sa, &old);
		for (;;) {
			struct pollfd pf[2];
			int np = 0, outi = -1, ini = -1;
			if (woff < srclen) {
				pf[np].fd = in[1];
				pf[np].events = POLLOUT;
				ini = np++;
			}
			pf[np].fd = out[0];
			pf[np].events = POLLIN;
			outi = np++;
			if (poll(pf, (nfds_t)np, -1) < 0) {
				if (errno == EINTR)
					continue;
				break;
			}
			if (ini >= 0 && (pf[ini].revents & (POLLOUT | POLLERR |
			    POLLHUP))) {
				ssize_t w = write(in[1], src + woff,
				    srclen - woff);
				if (w > 0)
					woff += (size_t)w;
				else if (w < 0 && errno != EAGAIN)
					woff = srclen;
				if (woff >= srclen)
					close(in[1]);
			}
			if (pf[outi].revents & (POLLIN | POLLHUP | POLLERR)) {
				ssize_t r;
				if (cap - len < 4096) {
					cap *= 2;
					if ((buf = realloc(buf, cap)) == NULL)
						abort();
				}
				r = read(out[0], buf + len, cap - len - 1);
				if (r <= 0)
					break;
				len += (size_t)r;
			}
		}
		sigaction(SIGPIPE, &old, NULL);
	}
	if (woff < srclen)
		close(in[1]);
	close(out[0]);
	buf[len] = '\0';
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		free(buf);
		dt_cc_error(pcb, 0, D_UNKNOWN,
		    "preprocessor failed to process input program");
	}
	return buf;
}
