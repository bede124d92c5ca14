/*
 * dt_proc.h - a -c command's process: started under ptrace, held at its
 * entry point (every library ld.so maps for it is mapped, none of its
 * code has run) until tracing has started, then let go.
 */
#ifndef DT_PROC_H
#define DT_PROC_H

#include <sys/types.h>

/*
 * Start cmd (words split at blanks).  Its pid, held (*ended = 0) or, when
 * it ended before its entry point, reaped with *status (*ended = 1); -1
 * with err ("failed to execute CMD: why") if it could not be executed.
 */
pid_t dt_proc_spawn(const char *cmd, int *ended, int *status, char *err,
		    size_t errlen);
/* let a held process run */
void dt_proc_release(pid_t pid);
/* waitpid(pid, status, 0), again after EINTR */
pid_t dt_proc_wait(pid_t pid, int *status);

#endif /* DT_PROC_H */
