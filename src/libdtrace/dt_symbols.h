/*
 * dt_symbols.h - address -> module and symbol, for stack()/ustack()
 * frames, %a/%A and sym()/usym(): the consumer's cc_lookup.
 */
#ifndef DT_SYMBOLS_H
#define DT_SYMBOLS_H

#include <stdint.h>

typedef struct dt_symbols dt_symbols_t;

dt_symbols_t *dt_symbols_create(void);
void dt_symbols_destroy(dt_symbols_t *s);

/* read a traced process's mappings now, while it lives (its frames are
   named from them after it exits) */
void dt_symbols_grab(dt_symbols_t *s, int64_t pid);

/* dt_consumer_conf_t.cc_lookup, with arg = a dt_symbols_t */
int dt_symbols_lookup(void *arg, int user, int64_t pid, uint64_t addr,
		      const char **mod, const char **sym, uint64_t *symaddr);

#endif /* DT_SYMBOLS_H */
