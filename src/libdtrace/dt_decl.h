/*
 * dt_decl.h - declarations: declaration specifiers and declarators to
 * types, and the effect of a top-level declaration (typedef, variable,
 * inline, struct/union/enum definition, translator).
 */
#ifndef DT_DECL_H
#define DT_DECL_H

#include "dt_ast.h"

/* the type a DN_TYPENAME names; *name gets the declared name if any */
dt_type_t *dt_decl_typename(dt_pcb_t *pcb, dt_node_t *tn, const char **name);
dt_type_t *dt_decl_spectype(dt_pcb_t *pcb, dt_declspec_t *ds, int line);
/*
 * apply a declarator to a base type; associative key types of a
 * "name[type, ...]" declarator are returned in *keys (NULL if none)
 */
dt_type_t *dt_decl_apply(dt_pcb_t *pcb, dt_type_t *base, dt_node_t *d,
			 const char **name, dt_node_t **keys, int line);
/* a top-level DN_DECL or DN_XLATOR */
void dt_decl_process(dt_pcb_t *pcb, dt_node_t *decl);
void dt_xlator_process(dt_pcb_t *pcb, dt_node_t *x);
/* a C type given as text, e.g. "struct file *"; NULL if unknown */
dt_type_t *dt_decl_typestr(dt_pcb_t *pcb, const char *s);

#endif /* DT_DECL_H */
