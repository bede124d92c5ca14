/*
 * dt_stability.h - DTrace's interface stability attributes (dtrace -v):
 * a name stability, a data stability and a dependency class for every
 * probe description and for what a clause's statements use.
 */
#ifndef DT_STABILITY_H
#define DT_STABILITY_H

#include <stdint.h>
#include "dt_program.h"

/* stability levels, lowest first (DTrace's order) */
enum {
	DT_STAB_INTERNAL, DT_STAB_PRIVATE, DT_STAB_OBSOLETE, DT_STAB_EXTERNAL,
	DT_STAB_UNSTABLE, DT_STAB_EVOLVING, DT_STAB_STABLE, DT_STAB_STANDARD
};

/* dependency classes, narrowest first */
enum {
	DT_CLASS_UNKNOWN, DT_CLASS_CPU, DT_CLASS_PLATFORM, DT_CLASS_GROUP,
	DT_CLASS_ISA, DT_CLASS_COMMON
};

/* one triplet, in the layout of dt_clause_t.dc_attr */
typedef struct dt_attr {
	uint8_t at_name, at_data, at_class;
} dt_attr_t;

extern const dt_attr_t dt_attr_max; /* Standard/Standard/Common */
extern const dt_attr_t dt_attr_default; /* Stable/Stable/Common */

dt_attr_t dt_attr_min(dt_attr_t a, dt_attr_t b);
const char *dt_stability_name(unsigned s);
const char *dt_class_name(unsigned c);

/*
 * The attributes of a probe description, as DTrace computes them: its
 * provider's, lowered by those of each field given without a pattern; an
 * empty or pattern provider, or a description that matched nothing, has
 * Unstable ones.  *args gets the provider's argument attributes.
 */
dt_attr_t dt_attr_desc(const dt_probedesc_t *pd, int matched, dt_attr_t *args);

/* the statement attributes of a compiled clause (dc_attr, dc_usesargs) */
dt_attr_t dt_attr_clause(const dt_clause_t *cl, const dt_probedesc_t *pd,
			 int matched);

struct dt_node;
/* compiler: fill dc_attr and dc_usesargs from the checked clause */
void dt_attr_compute(const struct dt_node *clause, dt_clause_t *dc);

#endif /* DT_STABILITY_H */
