/*
 * dt_options.c - the option table: names, defaults and value syntax
 * (sizes with k/m/g/t suffixes, rates with time or hz suffixes), as DTrace
 * users write them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stddef.h>

#include "dt_options.h"

#define NANOSEC 1000000000ULL

void dt_opts_init(dt_opts_t *o)
{
	memset(o, 0, sizeof(*o));
	o->bufsize = 4ULL << 20;
	o->aggsize = 4ULL << 20;
	o->dynvarsize = 1ULL << 20;
	o->specsize = 1ULL << 20;
	o->nspec = 1;
	o->strsize = 256;
	o->switchrate_ns = NANOSEC; /* 1 Hz */
	o->aggrate_ns = NANOSEC;
	o->statusrate_ns = NANOSEC;
	o->cleanrate_ns = NANOSEC / 101;
	o->stackframes = 20;
	o->ustackframes = 20;
}

static int parse_size(const char *v, uint64_t *out)
{
	char *end;
	unsigned long long n;

	if (v == NULL || *v == '\0')
		return -1;
	errno = 0;
	n = strtoull(v, &end, 0);
	if (errno != 0 || end == v)
		return -1;
	switch (*end) {
	case 't': case 'T': n <<= 10; /* fall through */
	case 'g': case 'G': n <<= 10; /* fall through */
	case 'm': case 'M': n <<= 10; /* fall through */
	case 'k': case 'K': n <<= 10; end++; break;
	default: break;
	}
	if (*end != '\0')
		return -1;
	*out = n;
	return 0;
}

/* a rate: "10hz", "1s", "500ms", "250us", "1000ns"; a bare number is ns */
static int parse_rate(const char *v, uint64_t *out)
{
	static const struct { const char *sfx; uint64_t mul; } tab[] = {
		{ "", 1 }, { "ns", 1 }, { "nsec", 1 },
		{ "us", 1000 }, { "usec", 1000 },
		{ "ms", 1000000 }, { "msec", 1000000 },
		{ "s", NANOSEC }, { "sec", NANOSEC },
		{ "m", 60 * NANOSEC }, { "min", 60 * NANOSEC },
		{ "h", 3600 * NANOSEC }, { "hour", 3600 * NANOSEC },
		{ "d", 86400 * NANOSEC }, { "day", 86400 * NANOSEC },
		{ "hz", 0 },
	};
	char *end;
	unsigned long long n;
	size_t i;

	if (v == NULL || *v == '\0')
		return -1;
	errno = 0;
	n = strtoull(v, &end, 0);
	if (errno != 0 || end == v)
		return -1;
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		if (strcasecmp(tab[i].sfx, end) != 0)
			continue;
		if (tab[i].mul == 0)
			*out = n ? NANOSEC / n : 0;
		else
			*out = n * tab[i].mul;
		return 0;
	}
	return -1;
}

static int parse_bool(const char *v, int *out)
{
	if (v == NULL) {
		*out = 1;
		return 0;
	}
	/* DTrace takes "-x quiet" and also "-x quiet=..." values loosely */
	*out = !(strcmp(v, "0") == 0 || strcasecmp(v, "false") == 0 ||
		 strcasecmp(v, "no") == 0 || strcasecmp(v, "off") == 0);
	return 0;
}

enum optkind { OK_SIZE, OK_RATE, OK_BOOL, OK_COUNT, OK_POLICY, OK_BACKEND, OK_IGNORE };

typedef struct optdef {
	const char *name;
	enum optkind kind;
	size_t off; /* offset in dt_opts_t */
	int is_static; /* only before tracing starts */
} optdef_t;

#define OFF(f) offsetof(dt_opts_t, f)

static const optdef_t opttab[] = {
	{ "aggpercpu", OK_BOOL, OFF(aggpercpu), 0 },
	{ "aggrate", OK_RATE, OFF(aggrate_ns), 0 },
	{ "aggsize", OK_SIZE, OFF(aggsize), 1 },
	{ "aggsortkey", OK_BOOL, OFF(aggsortkey), 0 },
	{ "aggsortkeypos", OK_COUNT, OFF(aggsortkeypos), 0 },
	{ "aggsortpos", OK_COUNT, OFF(aggsortpos), 0 },
	{ "aggsortrev", OK_BOOL, OFF(aggsortrev), 0 },
	{ "backend", OK_BACKEND, OFF(backend), 1 },
	{ "bufpolicy", OK_POLICY, OFF(bufpolicy), 1 },
	{ "bufresize", OK_IGNORE, 0, 1 },
	{ "bufsize", OK_SIZE, OFF(bufsize), 1 },
	{ "cleanrate", OK_RATE, OFF(cleanrate_ns), 1 },
	{ "cpu", OK_IGNORE, 0, 1 },
	{ "defaultargs", OK_BOOL, OFF(defaultargs), 1 },
	{ "destructive", OK_BOOL, OFF(destructive), 1 },
	{ "dynvarsize", OK_SIZE, OFF(dynvarsize), 1 },
	{ "errtags", OK_BOOL, OFF(errtags), 1 },
	{ "flowindent", OK_BOOL, OFF(flowindent), 0 },
	{ "grabanon", OK_IGNORE, 0, 1 },
	{ "jstackframes", OK_IGNORE, 0, 1 },
	{ "jstackstrsize", OK_IGNORE, 0, 1 },
	{ "nspec", OK_COUNT, OFF(nspec), 1 },
	{ "quiet", OK_BOOL, OFF(quiet), 0 },
	{ "rawbytes", OK_BOOL, OFF(rawbytes), 0 },
	{ "specsize", OK_SIZE, OFF(specsize), 1 },
	{ "stackframes", OK_COUNT, OFF(stackframes), 1 },
	{ "stackindent", OK_COUNT, OFF(stackindent), 0 },
	{ "statusrate", OK_RATE, OFF(statusrate_ns), 1 },
	{ "strsize", OK_SIZE, OFF(strsize), 1 },
	{ "switchrate", OK_RATE, OFF(switchrate_ns), 1 },
	{ "ustackframes", OK_COUNT, OFF(ustackframes), 1 },
	{ "zdefs", OK_BOOL, OFF(zdefs), 1 },
};

static const optdef_t *lookup(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(opttab) / sizeof(opttab[0]); i++)
		if (strcmp(opttab[i].name, name) == 0)
			return &opttab[i];
	return NULL;
}

int dt_opts_is_static(const char *name)
{
	const optdef_t *d = lookup(name);

	return d != NULL && d->is_static;
}

int dt_opts_set(dt_opts_t *o, const char *name, const char *value,
		char *err, size_t errlen)
{
	const optdef_t *d = lookup(name);
	char *base = (char *)o;
	uint64_t u;
	int b;

	if (d == NULL) {
		snprintf(err, errlen, "Invalid option name");
		return -1;
	}
	switch (d->kind) {
	case OK_SIZE:
		if (parse_size(value, &u) != 0)
			goto bad;
		*(uint64_t *)(base + d->off) = u;
		return 0;
	case OK_RATE:
		if (parse_rate(value, &u) != 0)
			goto bad;
		*(uint64_t *)(base + d->off) = u;
		return 0;
	case OK_COUNT:
		if (value == NULL || parse_size(value, &u) != 0)
			goto bad;
		if (d->off == OFF(aggsortkeypos) || d->off == OFF(aggsortpos) ||
		    d->off == OFF(stackindent))
			*(int *)(base + d->off) = (int)u;
		else
			*(uint64_t *)(base + d->off) = u;
		return 0;
	case OK_BOOL:
		parse_bool(value, &b);
		*(int *)(base + d->off) = b;
		return 0;
	case OK_POLICY:
		if (value == NULL)
			goto bad;
		if (strcmp(value, "switch") == 0)
			o->bufpolicy = 0;
		else if (strcmp(value, "fill") == 0)
			o->bufpolicy = 1;
		else if (strcmp(value, "ring") == 0)
			o->bufpolicy = 2;
		else
			goto bad;
		return 0;
	case OK_BACKEND:
		if (value == NULL || (strcmp(value, "user") != 0 &&
				      strcmp(value, "bpf") != 0 &&
				      strcmp(value, "kmod") != 0))
			goto bad;
		snprintf(o->backend, sizeof(o->backend), "%s", value);
		return 0;
	case OK_IGNORE:
		return 0;
	}
bad:
	snprintf(err, errlen, "Invalid value for specified option");
	return -1;
}
