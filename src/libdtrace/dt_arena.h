/*
 * dt_arena.h - bump allocator for the compiler: every AST node, type and
 * string of one compilation lives in one arena, freed at once.  That is
 * what lets the checker bail out with longjmp without leaking.
 */
#ifndef DT_ARENA_H
#define DT_ARENA_H

#include <stddef.h>

typedef struct dt_arena dt_arena_t;

dt_arena_t *dt_arena_create(void);
void dt_arena_destroy(dt_arena_t *a);
/* zeroed memory, aligned to 16; aborts on out-of-memory */
void *dt_arena_alloc(dt_arena_t *a, size_t n);
char *dt_arena_strdup(dt_arena_t *a, const char *s);
char *dt_arena_strndup(dt_arena_t *a, const char *s, size_t n);
char *dt_arena_printf(dt_arena_t *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* DT_ARENA_H */
