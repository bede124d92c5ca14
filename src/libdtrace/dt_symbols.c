/*
 * dt_symbols.c - symbol lookup for the consumer.  Nothing is resolved yet:
 * every address is unknown, so frames print as bare addresses.
 */
#include <stdlib.h>
#include "dt_symbols.h"

struct dt_symbols {
	int unused;
};

dt_symbols_t *dt_symbols_create(void)
{
	return calloc(1, sizeof(dt_symbols_t));
}

void dt_symbols_destroy(dt_symbols_t *s)
{
	free(s);
}

int dt_symbols_lookup(void *arg, int user, int64_t pid, uint64_t addr,
		      const char **mod, const char **sym, uint64_t *symaddr)
{
	(void)arg; (void)user; (void)pid; (void)addr;
	(void)mod; (void)sym; (void)symaddr;
	return -1;
}
