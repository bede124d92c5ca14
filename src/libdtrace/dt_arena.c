/* dt_arena.c - the compiler's bump allocator (see dt_arena.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dt_arena.h"

#define DT_ARENA_CHUNK 65536

typedef struct dt_chunk {
	struct dt_chunk *c_next;
	size_t c_used, c_size;
	_Alignas(16) unsigned char c_data[];
} dt_chunk_t;

struct dt_arena {
	dt_chunk_t *a_head;
};

dt_arena_t *dt_arena_create(void)
{
	dt_arena_t *a = calloc(1, sizeof(*a));
	if (a == NULL)
		abort();
	return a;
}

void dt_arena_destroy(dt_arena_t *a)
{
	dt_chunk_t *c, *n;

	if (a == NULL)
		return;
	for (c = a->a_head; c != NULL; c = n) {
		n = c->c_next;
		free(c);
	}
	free(a);
}

void *dt_arena_alloc(dt_arena_t *a, size_t n)
{
	dt_chunk_t *c = a->a_head;
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (c == NULL || c->c_size - c->c_used < n) {
		size_t sz = n > DT_ARENA_CHUNK ? n : DT_ARENA_CHUNK;
		c = malloc(sizeof(*c) + sz);
		if (c == NULL)
			abort();
		c->c_used = 0;
		c->c_size = sz;
		c->c_next = a->a_head;
		a->a_head = c;
	}
	p = c->c_data + c->c_used;
	c->c_used += n;
	memset(p, 0, n);
	return p;
}

char *dt_arena_strndup(dt_arena_t *a, const char *s, size_t n)
{
	char *p = dt_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *dt_arena_strdup(dt_arena_t *a, const char *s)
{
	return dt_arena_strndup(a, s, strlen(s));
}

char *dt_arena_printf(dt_arena_t *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p, probe[1];

	/* measure into a real byte: gcc 12 -fsanitize=address at -O1 warns
	 * (format-truncation) about a NULL buffer */
	va_start(ap, fmt);
	n = vsnprintf(probe, sizeof(probe), fmt, ap);
	va_end(ap);
	p = dt_arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
