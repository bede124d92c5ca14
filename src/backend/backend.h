/*
 * backend.h - what every executor (user, bpf, kmod) offers the driver.
 *
 * The driver (src/libdtrace) compiles the D program, asks the chosen
 * backend for its probes, matches the clauses' probe descriptions against
 * them, numbers the enabled probes (epids), and hands the program and the
 * ECB table to the backend.  Then it loops: poll records into the
 * consumer, until exit() or a signal, then stop (END fires) and drain.
 */
#ifndef DT_BACKEND_H
#define DT_BACKEND_H

#include <stdint.h>
#include "dt_program.h"
#include "dt_consume.h"

typedef struct dt_probeinfo {
	uint32_t pi_id; /* stable for the life of the backend; BEGIN=1 END=2 ERROR=3 */
	const char *pi_prov;
	const char *pi_mod;
	const char *pi_func;
	const char *pi_name;
} dt_probeinfo_t;

/* run-time options the backends obey (from -x, -b, #pragma) */
typedef struct dt_runopts {
	uint64_t ro_bufsize; /* principal buffer size per CPU, bytes */
	uint64_t ro_aggsize;
	uint64_t ro_dynvarsize;
	uint64_t ro_specsize;
	uint32_t ro_nspec;
	uint32_t ro_strsize;
	uint32_t ro_switchrate_ms;
	uint32_t ro_aggrate_ms;
	int ro_bufpolicy; /* 0 switch, 1 fill, 2 ring */
	int ro_destructive; /* -w */
	int64_t ro_target; /* $target pid (-c/-p), 0 if none */
} dt_runopts_t;

typedef struct dt_backend dt_backend_t;

typedef struct dt_backend_ops {
	const char *bo_name; /* "user", "bpf", "kmod" */
	/* 1 if this backend can run here (cheap check; no side effects) */
	int (*bo_available)(void);
	dt_backend_t *(*bo_open)(const dt_runopts_t *opts, char *errbuf,
				 size_t errlen);
	/*
	 * Optional (may be NULL): create the probes a description names that
	 * exist only on demand, e.g. profile:::tick-5s.  Called for every
	 * clause's descriptions before bo_probe_iter is used for matching.
	 */
	int (*bo_provide)(dt_backend_t *be, const dt_probedesc_t *pd);
	/* call cb for every probe; stop early if cb returns non-zero */
	int (*bo_probe_iter)(dt_backend_t *be,
			     int (*cb)(const dt_probeinfo_t *pi, void *arg),
			     void *arg);
	/*
	 * Load the program and enable every ECB (ecbs[i].ec_epid == i+1).
	 * On failure return -1 with a one-line reason in errbuf, e.g. which
	 * clause the backend cannot run and why.
	 */
	int (*bo_enable)(dt_backend_t *be, const dt_program_t *prog,
			 const dt_ecb_t *ecbs, uint32_t necbs, char *errbuf,
			 size_t errlen);
	/* start tracing: BEGIN fires (and completes) before any other probe */
	int (*bo_go)(dt_backend_t *be);
	/*
	 * Wait up to timeout_ms for data, pass every record to
	 * dt_consume_records() and report drops with dt_consume_drops().
	 * Returns what dt_consume_records returned (1 after exit()), 0, or -1.
	 */
	int (*bo_poll)(dt_backend_t *be, dt_consumer_t *c, int timeout_ms);
	/* drain aggregation deltas into the consumer with dt_agg_add() */
	int (*bo_snapshot)(dt_backend_t *be, dt_consumer_t *c);
	/* stop tracing: END fires after every other probe has stopped */
	int (*bo_stop)(dt_backend_t *be);
	/* detach and free everything */
	void (*bo_close)(dt_backend_t *be);
	/*
	 * Appended (driver, optional, may be NULL): the C type of args[n]
	 * for the probes these descriptions match, e.g. "struct file *",
	 * "const char *" or "int", or NULL if unknown or not the same for
	 * all of them.  Called while compiling, so before bo_enable; the
	 * string must stay valid while the backend is open.
	 */
	const char *(*bo_argtype)(dt_backend_t *be, const dt_probedesc_t *pds,
				  uint32_t npds, int n);
} dt_backend_ops_t;

extern const dt_backend_ops_t dt_backend_user;
extern const dt_backend_ops_t dt_backend_bpf;
extern const dt_backend_ops_t dt_backend_kmod;

#endif /* DT_BACKEND_H */
