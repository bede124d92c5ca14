/*
 * dt_options.h - DTrace's options (-x name=value, #pragma D option, the
 * short flags that are options in disguise such as -q, -F, -b, -w, -Z).
 */
#ifndef DT_OPTIONS_H
#define DT_OPTIONS_H

#include <stdint.h>

typedef struct dt_opts {
	uint64_t bufsize; /* bytes per CPU */
	uint64_t aggsize;
	uint64_t dynvarsize;
	uint64_t specsize;
	uint64_t nspec;
	uint64_t strsize;
	uint64_t switchrate_ns;
	uint64_t aggrate_ns;
	uint64_t statusrate_ns;
	uint64_t cleanrate_ns;
	uint64_t stackframes;
	uint64_t ustackframes;
	int bufpolicy; /* 0 switch, 1 fill, 2 ring */
	int quiet;
	int flowindent;
	int destructive;
	int zdefs;
	int errtags;
	int aggsortkey, aggsortrev, aggsortpos, aggsortkeypos;
	int aggpercpu;
	int rawbytes;
	int stackindent;
	int defaultargs;
	char backend[16]; /* "", "user", "bpf", "kmod" */
} dt_opts_t;

void dt_opts_init(dt_opts_t *o);

/*
 * Set one option.  value is NULL for "-x name" with no "=value".
 * Returns 0, or -1 with DTrace's reason in err ("Invalid option name",
 * "Invalid value for specified option").
 */
int dt_opts_set(dt_opts_t *o, const char *name, const char *value,
		char *err, size_t errlen);

/* 1 if the option may only be set before tracing starts (e.g. bufsize) */
int dt_opts_is_static(const char *name);

#endif /* DT_OPTIONS_H */
