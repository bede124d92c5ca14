/*
 * core-timer.c - run a command N times and report its median and minimum
 * wall time and its peak resident set size.
 *
 * The peak RSS comes from the rusage wait4() returns for each child, so no
 * GNU time is needed; wall time is CLOCK_MONOTONIC around fork..wait4.
 * The command's stdout and stderr go to /dev/null (start-up is measured,
 * not the terminal).  One line is printed:
 *
 *   median_ms=M min_ms=M maxrss_kb=K runs=N failures=F
 *
 * usage: core-timer RUNS command [args ...]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	long runs, i, failures = 0, maxrss = 0;
	double *ms, median;

	if (argc < 3 || (runs = atol(argv[1])) <= 0) {
		fprintf(stderr, "usage: core-timer RUNS command [args ...]\n");
		return 2;
	}
	ms = calloc((size_t)runs, sizeof(*ms));
	if (ms == NULL)
		return 1;

	for (i = 0; i < runs; i++) {
		struct rusage ru;
		double t0 = now_ms();
		int status;
		pid_t pid = fork();

		if (pid < 0) {
			perror("core-timer: fork");
			return 1;
		}
		if (pid == 0) {
			int fd = open("/dev/null", O_RDWR);

			if (fd >= 0) {
				dup2(fd, 0);
				dup2(fd, 1);
				dup2(fd, 2);
			}
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		while (wait4(pid, &status, 0, &ru) < 0) {
			if (errno != EINTR) {
				perror("core-timer: wait4");
				return 1;
			}
		}
		ms[i] = now_ms() - t0;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failures++;
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
	}

	qsort(ms, (size_t)runs, sizeof(*ms), cmp_double);
	median = runs % 2 ? ms[runs / 2] :
		 (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
	printf("median_ms=%.2f min_ms=%.2f maxrss_kb=%ld runs=%ld "
	       "failures=%ld\n", median, ms[0], maxrss, runs, failures);
	free(ms);
	return failures == runs ? 1 : 0;
}
