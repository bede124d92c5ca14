/*
 * dt_handle.h - libdtrace's driver: one tracing session from compiled
 * programs to printed output.  dtrace(1) is a thin shell around this.
 *
 *   h = dt_open();  dt_setopt(h, ...);
 *   dt_add_program(h, source, ...)   (once per -n/-s/-P/-m/-f/-i; the
 *                                    first opens the backend: the compiler
 *                                    asks it the types of args[])
 *   dt_attach(h)                     probes matched, ECBs enabled
 *   dt_run(h)                        BEGIN ... exit()/signal ... END
 *   dt_close(h)
 */
#ifndef DT_HANDLE_H
#define DT_HANDLE_H

#include <stdio.h>
#include <sys/types.h>

#include "dt_compile.h"
#include "dt_options.h"

typedef struct dt_handle dt_handle_t;

/* how a program's text was given, for messages */
typedef enum dt_srckind {
	DT_SRC_SCRIPT, /* -s file: "script 'f' matched ..." */
	DT_SRC_DESC /* -n/-P/-m/-f/-i: "description '...' matched ..." */
} dt_srckind_t;

dt_handle_t *dt_open(void);
void dt_close(dt_handle_t *h);
dt_opts_t *dt_options(dt_handle_t *h);

/* -x name[=value]; prints nothing, returns -1 with err on failure */
int dt_setopt(dt_handle_t *h, const char *name, const char *value,
	      char *err, size_t errlen);

/*
 * Compile one program.  label is the script file name or the probe
 * description as given.  On failure prints DTrace's message on stderr and
 * returns -1.
 */
int dt_add_program(dt_handle_t *h, const char *text, dt_srckind_t kind,
		   const char *label, const dt_cc_opts_t *cc);

/* Match every program's probes (the backend is opened again if #pragma
 * options changed its run-time options), print the
 * "matched N probes" lines (unless quiet) and enable.  -1 on failure
 * (message printed). */
int dt_attach(dt_handle_t *h);

/* dtrace -l: list the probes the programs name (all if none), -v adds
 * nothing yet.  Returns the exit status. */
int dt_list(dt_handle_t *h, FILE *out);

/*
 * -i: the full description of probe id (opens the backend).  -1 if no
 * such probe (or no backend; a message was printed then).
 */
int dt_probe_by_id(dt_handle_t *h, uint32_t id, char *buf, size_t len);

/*
 * -v: dt_attach() prints each program's stability report on out after its
 * "matched" line; dt_report_stability() prints them all without enabling
 * anything (-e).
 */
void dt_set_verbose(dt_handle_t *h, FILE *out);
int dt_report_stability(dt_handle_t *h);

/* Print each program's DIF (-S) on stderr, as dtrace -S does. */
void dt_print_dif(dt_handle_t *h, FILE *out);

/*
 * A process whose end ends the session (when all of them have ended): a
 * -c child, or a -p process (not our child).  Added in command-line
 * order; the first is $target (the caller's cc_target).
 */
typedef struct dt_target {
	pid_t pid; /* -1 once its end has been reported */
	int is_child;
	int held; /* -c: stopped under ptrace until tracing has started */
	int ended; /* -c: ended before tracing started; status holds how */
	int status;
} dt_target_t;

/* -p: grab pid (nothing is done to it; its end ends the session) */
int dt_add_target(dt_handle_t *h, pid_t pid);

/*
 * -c: run cmd (split at blanks, looked up in PATH) as DTrace does: it
 * execs under ptrace and is held at its entry point, its program and
 * the libraries the dynamic linker loaded for it mapped, so the pid and
 * usdt providers see its objects in /proc/PID/maps; dt_run() lets it go
 * once tracing has started.  Returns its pid, or -1 with DTrace's reason
 * in err ("failed to execute CMD: No such file or directory").
 */
pid_t dt_proc_create(dt_handle_t *h, const char *cmd, char *err,
		     size_t errlen);

/* Trace until exit(), a signal, or the -c child's death; print the
 * aggregations; return the exit status DTrace would. */
int dt_run(dt_handle_t *h, FILE *out);

/* the backend's name once attached ("user", "bpf", "kmod") */
const char *dt_backend_name(dt_handle_t *h);

#endif /* DT_HANDLE_H */
