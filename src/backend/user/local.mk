# src/backend/user/local.mk - the in-process executor (BEGIN/END/ERROR,
# tick-N, profile-N run through the shared DIF VM inside dtrace itself).
libdtrace_la_SOURCES += src/backend/user/dt_user.c src/backend/user/README.md
