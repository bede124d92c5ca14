/*
 * dt_cpp.h - -C: run the C preprocessor over a D program.  Its output
 * keeps "# N" line markers so errors name the lines of the original.
 */
#ifndef DT_CPP_H
#define DT_CPP_H

#include "dt_ast.h"

/* malloc'ed preprocessed text; on failure dt_cc_error() (longjmp) */
char *dt_cpp_run(dt_pcb_t *pcb, const char *src);

#endif /* DT_CPP_H */
