/*
 * dt_compile.h - the D compiler's entry point: D source in, dt_program_t
 * out (see dt_program.h), or a DTrace-style error.
 */
#ifndef DT_COMPILE_H
#define DT_COMPILE_H

#include <stddef.h>
#include <stdint.h>
#include "dt_program.h"

typedef struct dt_cc_opts {
	/* macro arguments: argv[0] is $0 (script name), argv[1].. are $1.. */
	char **cc_argv;
	int cc_argc;
	int64_t cc_pid; /* $pid of the consumer */
	int64_t cc_target; /* $target (-c/-p), 0 if none */
	uint32_t cc_strsize; /* strsize option, default 256 */
	int cc_cpp; /* -C: run the C preprocessor first */
	char **cc_cppargs; /* -D/-U/-I options for cpp, as given */
	int cc_ncppargs;
	int cc_cpp_H; /* -H: print included files */
	/* -Z: probe descriptions that match nothing are allowed */
	int cc_zdefs;
	/*
	 * Probe specifier mode: the source is the argument of -P/-m/-f/-n/-i
	 * with this default field (1 prov, 2 mod, 3 func, 4 name, 0 full
	 * program text as -n gives it).
	 */
	int cc_probespec;
	/*
	 * Appended (compiler): -x defaultargs: macro arguments that were not
	 * given read as 0 (or "" for $$N) instead of failing D_MACRO_UNDEF.
	 */
	int cc_defaultargs;
	/*
	 * Appended (compiler): the C type of args[n] for a clause's probe
	 * descriptions, e.g. "struct file *", "const char *" or "int" (kernel
	 * struct/union/enum names resolve through BTF), or NULL if unknown or
	 * not the same for every probe they match: args[n] is then int64_t.
	 * Optional; asked once per clause and constant index n used.
	 */
	const char *(*cc_argtype)(void *arg, const dt_probedesc_t *pds,
				  uint32_t npds, int n);
	void *cc_argtype_arg;
	/*
	 * Appended (driver): with cc_cpp, the first cc_cppskip bytes of the
	 * source (earlier programs, already compiled as written) are not
	 * preprocessed; only the rest is.
	 */
	size_t cc_cppskip;
} dt_cc_opts_t;

typedef struct dt_cc_error {
	char ce_tag[32]; /* e.g. "D_SYNTAX" */
	int ce_line; /* 0 if not tied to a line */
	char ce_msg[512]; /* e.g. "syntax error near \"}\"" */
} dt_cc_error_t;

/* Returns NULL and fills *err on failure. */
dt_program_t *dt_compile(const char *src, const dt_cc_opts_t *opts,
			 dt_cc_error_t *err);
void dt_program_free(dt_program_t *prog);

#endif /* DT_COMPILE_H */
