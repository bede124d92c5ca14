# src/libdtrace/compiler.mk - the D compiler: flex lexer, bison parser,
# types, checker, DIF code generator, and dt_compile() itself.
#
# Makefile.am includes this fragment before driver.mk, which sets
# libdtrace_la_SOURCES with '=', so the sources are named in a variable:
# driver.mk adds $(dt_compiler_sources) to libdtrace_la_SOURCES (as it does
# for the consumer's).  The test program compiles them in directly.
dt_compiler_sources = \
	src/libdtrace/dt_grammar.y \
	src/libdtrace/dt_lex.l \
	src/libdtrace/dt_arena.c src/libdtrace/dt_arena.h \
	src/libdtrace/dt_ast.h \
	src/libdtrace/dt_errtags.h \
	src/libdtrace/dt_types.c src/libdtrace/dt_types.h \
	src/libdtrace/dt_btf.c src/libdtrace/dt_btf.h \
	src/libdtrace/dt_ident.c src/libdtrace/dt_ident.h \
	src/libdtrace/dt_decl.c src/libdtrace/dt_decl.h \
	src/libdtrace/dt_check.c src/libdtrace/dt_check.h \
	src/libdtrace/dt_cg.c src/libdtrace/dt_cg.h \
	src/libdtrace/dt_pragma.c \
	src/libdtrace/dt_cpp.c src/libdtrace/dt_cpp.h \
	src/libdtrace/dt_stability.c src/libdtrace/dt_stability.h \
	src/libdtrace/dt_ksym.c src/libdtrace/dt_ksym.h \
	src/libdtrace/dt_compile.c src/libdtrace/dt_compile.h

# the lexer includes the parser's token header
BUILT_SOURCES += src/libdtrace/dt_grammar.h
EXTRA_DIST += src/libdtrace/README.compiler.md
