/* dt_ident.c - identifier tables and the built-in names of D. */
#include <string.h>
#include "dt_ident.h"
#include "dt_program.h"

static unsigned dt_id_hash(const char *s)
{
	unsigned h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h % DT_IDHASH;
}

dt_ident_t *dt_id_lookup(dt_idhash_t *h, const char *name)
{
	dt_ident_t *id;
	for (id = h->ih_buckets[dt_id_hash(name)]; id != NULL; id = id->di_next)
		if (strcmp(id->di_name, name) == 0)
			return id;
	return NULL;
}

dt_ident_t *dt_id_insert(dt_pcb_t *pcb, dt_idhash_t *h, const char *name,
			 dt_idkind_t kind)
{
	dt_ident_t *id = dt_arena_alloc(pcb->pcb_arena, sizeof(*id));
	unsigned b = dt_id_hash(name);

	id->di_name = dt_arena_strdup(pcb->pcb_arena, name);
	id->di_kind = kind;
	id->di_next = h->ih_buckets[b];
	h->ih_buckets[b] = id;
	return id;
}

void dt_id_newvar(dt_pcb_t *pcb, dt_ident_t *id)
{
	dt_idstate_t *is = pcb->pcb_ids;

	id->di_id = DIF_VAR_USER_BASE + is->is_nvars++;
	if (is->is_varstail != NULL)
		is->is_varstail->di_lnext = id;
	else
		is->is_vars = id;
	is->is_varstail = id;
}

/* scalars of the global and this-> areas get an aligned offset */
void dt_id_layout(dt_pcb_t *pcb, dt_ident_t *id)
{
	dt_idstate_t *is = pcb->pcb_ids;
	uint32_t *area, al, sz;

	if (id->di_assoc || id->di_scope == DIF_SCOPE_THREAD)
		return;
	area = id->di_scope == DIF_SCOPE_GLOBAL ? &is->is_globsize :
	    &is->is_localsize;
	sz = id->di_type->dt_size ? id->di_type->dt_size : 8;
	al = dt_type_is_byref(id->di_type) ? 8 : sz;
	if (al > 8 || al == 0)
		al = 8;
	id->di_offset = (*area + al - 1) / al * al;
	*area = id->di_offset + sz;
}

static const dt_builtin_t dt_builtins[] = {
	{ "args", DIF_VAR_ARGS, "int64_t" },
	{ "arg0", DIF_VAR_ARG0 + 0, "int64_t" },
	{ "arg1", DIF_VAR_ARG0 + 1, "int64_t" },
	{ "arg2", DIF_VAR_ARG0 + 2, "int64_t" },
	{ "arg3", DIF_VAR_ARG0 + 3, "int64_t" },
	{ "arg4", DIF_VAR_ARG0 + 4, "int64_t" },
	{ "arg5", DIF_VAR_ARG0 + 5, "int64_t" },
	{ "arg6", DIF_VAR_ARG0 + 6, "int64_t" },
	{ "arg7", DIF_VAR_ARG0 + 7, "int64_t" },
	{ "arg8", DIF_VAR_ARG0 + 8, "int64_t" },
	{ "arg9", DIF_VAR_ARG0 + 9, "int64_t" },
	{ "timestamp", DIF_VAR_TIMESTAMP, "uint64_t" },
	{ "vtimestamp", DIF_VAR_VTIMESTAMP, "uint64_t" },
	{ "walltimestamp", DIF_VAR_WALLTIMESTAMP, "int64_t" },
	{ "pid", DIF_VAR_PID, "pid_t" },
	{ "ppid", DIF_VAR_PPID, "pid_t" },
	{ "tid", DIF_VAR_TID, "id_t" },
	{ "uid", DIF_VAR_UID, "uid_t" },
	{ "gid", DIF_VAR_GID, "gid_t" },
	{ "execname", DIF_VAR_EXECNAME, "string" },
	{ "probeprov", DIF_VAR_PROBEPROV, "string" },
	{ "probemod", DIF_VAR_PROBEMOD, "string" },
	{ "probefunc", DIF_VAR_PROBEFUNC, "string" },
	{ "probename", DIF_VAR_PROBENAME, "string" },
	{ "cpu", DIF_VAR_CPU, "processorid_t" },
	{ "id", DIF_VAR_ID, "uint_t" },
	{ "epid", DIF_VAR_EPID, "uint_t" },
	{ "errno", DIF_VAR_ERRNO, "int" },
	{ "curthread", DIF_VAR_CURTHREAD, "void *" },
	{ "caller", DIF_VAR_CALLER, "uintptr_t" },
	{ "ucaller", DIF_VAR_UCALLER, "uint64_t" },
	{ "stackdepth", DIF_VAR_STACKDEPTH, "uint32_t" },
	{ "ustackdepth", DIF_VAR_USTACKDEPTH, "uint32_t" },
	{ "ipl", DIF_VAR_IPL, "uint_t" },
	{ "uregs", DIF_VAR_UREGS, "uint64_t" },
	{ "zonename", DIF_VAR_ZONENAME, "string" },
	{ "cwd", DIF_VAR_CWD, "string" },
	{ "root", DIF_VAR_ROOTDIR, "string" },
	{ "curcpu", DIF_VAR_CURCPU, "void *" },
};

const dt_builtin_t *dt_builtin_lookup(const char *name)
{
	size_t i;
	for (i = 0; i < sizeof(dt_builtins) / sizeof(dt_builtins[0]); i++)
		if (strcmp(dt_builtins[i].db_name, name) == 0)
			return &dt_builtins[i];
	return NULL;
}

static const dt_func_t dt_funcs[] = {
	/* actions */
	{ "trace", DF_ACT, DT_ACT_TRACE, 1, 1, "void", "void (@)" },
	{ "print", DF_ACT, DT_ACT_PRINT, 1, 1, "void", "void (@)" },
	{ "printf", DF_ACT, DT_ACT_PRINTF, 1, -1, "void",
	  "void (string, ...)" },
	{ "printa", DF_ACT, DT_ACT_PRINTA, 1, -1, "void",
	  "void (@, ...)" },
	{ "tracemem", DF_ACT, DT_ACT_TRACEMEM, 2, 3, "void",
	  "void (@, size_t, ...)" },
	{ "stack", DF_ACT, DT_ACT_STACK, 0, 1, "stack", "stack(...)" },
	{ "ustack", DF_ACT, DT_ACT_USTACK, 0, 2, "stack", "stack(...)" },
	{ "jstack", DF_ACT, DT_ACT_USTACK, 0, 2, "stack", "stack(...)" },
	{ "exit", DF_ACT, DT_ACT_EXIT, 1, 1, "void", "void (int)" },
	{ "clear", DF_ACT, DT_ACT_CLEAR, 1, 1, "void", "void (...)" },
	{ "trunc", DF_ACT, DT_ACT_TRUNC, 1, 2, "void", "void (...)" },
	{ "normalize", DF_ACT, DT_ACT_NORMALIZE, 2, 2, "void",
	  "void (...)" },
	{ "denormalize", DF_ACT, DT_ACT_DENORMALIZE, 1, 1, "void",
	  "void (...)" },
	{ "setopt", DF_ACT, DT_ACT_SETOPT, 1, 2, "void",
	  "void (const char *, [const char *])" },
	{ "system", DF_ACT, DT_ACT_SYSTEM, 1, -1, "void",
	  "void (@, ...)" },
	{ "freopen", DF_ACT, DT_ACT_FREOPEN, 1, -1, "void",
	  "void (@, ...)" },
	{ "raise", DF_ACT, DT_ACT_RAISE, 1, 1, "void", "void (int)" },
	{ "stop", DF_ACT, DT_ACT_STOP, 0, 0, "void", "void ()" },
	{ "breakpoint", DF_ACT, DT_ACT_BREAKPOINT, 0, 0, "void", "void ()" },
	{ "panic", DF_ACT, DT_ACT_PANIC, 0, 0, "void", "void ()" },
	{ "chill", DF_ACT, DT_ACT_CHILL, 1, 1, "void", "void (int)" },
	{ "ftruncate", DF_ACT, DT_ACT_FTRUNCATE, 0, 0, "void", "void ()" },
	{ "speculate", DF_ACT, DT_ACT_SPECULATE, 1, 1, "void", "void (int)" },
	{ "commit", DF_ACT, DT_ACT_COMMIT, 1, 1, "void", "void (int)" },
	{ "discard", DF_ACT, DT_ACT_DISCARD, 1, 1, "void", "void (int)" },
	/* aggregating functions */
	{ "count", DF_AGG, DT_AGG_COUNT, 0, 0, NULL, "count()" },
	{ "sum", DF_AGG, DT_AGG_SUM, 1, 1, NULL, "sum(@)" },
	{ "avg", DF_AGG, DT_AGG_AVG, 1, 1, NULL, "avg(@)" },
	{ "min", DF_AGG, DT_AGG_MIN, 1, 1, NULL, "min(@)" },
	{ "max", DF_AGG, DT_AGG_MAX, 1, 1, NULL, "max(@)" },
	{ "stddev", DF_AGG, DT_AGG_STDDEV, 1, 1, NULL, "stddev(@)" },
	{ "quantize", DF_AGG, DT_AGG_QUANTIZE, 1, 2, NULL, "quantize(@, ...)" },
	{ "lquantize", DF_AGG, DT_AGG_LQUANTIZE, 3, 5, NULL,
	  "lquantize(@, int32_t, int32_t, ...)" },
	{ "llquantize", DF_AGG, DT_AGG_LLQUANTIZE, 5, 6, NULL,
	  "llquantize(@, int32_t, int32_t, int32_t, int32_t, ...)" },
	/* subroutines */
	{ "rand", DF_SUBR, DIF_SUBR_RAND, 0, 0, "int", "int ()" },
	{ "mutex_owned", DF_SUBR, DIF_SUBR_MUTEX_OWNED, 1, 1, "int",
	  "int (void *)" },
	{ "mutex_owner", DF_SUBR, DIF_SUBR_MUTEX_OWNER, 1, 1, "void *",
	  "void *(void *)" },
	{ "mutex_type_adaptive", DF_SUBR, DIF_SUBR_MUTEX_TYPE_ADAPTIVE, 1, 1,
	  "int", "int (void *)" },
	{ "mutex_type_spin", DF_SUBR, DIF_SUBR_MUTEX_TYPE_SPIN, 1, 1, "int",
	  "int (void *)" },
	{ "rw_read_held", DF_SUBR, DIF_SUBR_RW_READ_HELD, 1, 1, "int",
	  "int (void *)" },
	{ "rw_write_held", DF_SUBR, DIF_SUBR_RW_WRITE_HELD, 1, 1, "int",
	  "int (void *)" },
	{ "rw_iswriter", DF_SUBR, DIF_SUBR_RW_ISWRITER, 1, 1, "int",
	  "int (void *)" },
	{ "copyin", DF_SUBR, DIF_SUBR_COPYIN, 2, 2, "void *",
	  "void *(uintptr_t, size_t)" },
	{ "copyinstr", DF_SUBR, DIF_SUBR_COPYINSTR, 1, 2, "string",
	  "string (uintptr_t, [size_t])" },
	{ "speculation", DF_SUBR, DIF_SUBR_SPECULATION, 0, 0, "int", "int ()" },
	{ "progenyof", DF_SUBR, DIF_SUBR_PROGENYOF, 1, 1, "int",
	  "int (pid_t)" },
	{ "strlen", DF_SUBR, DIF_SUBR_STRLEN, 1, 1, "size_t",
	  "size_t (const char *)" },
	{ "copyout", DF_SUBR, DIF_SUBR_COPYOUT, 3, 3, "void",
	  "void (void *, uintptr_t, size_t)" },
	{ "copyoutstr", DF_SUBR, DIF_SUBR_COPYOUTSTR, 3, 3, "void",
	  "void (char *, uintptr_t, size_t)" },
	{ "alloca", DF_SUBR, DIF_SUBR_ALLOCA, 1, 1, "void *",
	  "void *(size_t)" },
	{ "bcopy", DF_SUBR, DIF_SUBR_BCOPY, 3, 3, "void",
	  "void (void *, void *, size_t)" },
	{ "copyinto", DF_SUBR, DIF_SUBR_COPYINTO, 3, 3, "void",
	  "void (uintptr_t, size_t, void *)" },
	{ "msgdsize", DF_SUBR, DIF_SUBR_MSGDSIZE, 1, 1, "size_t",
	  "size_t (mblk_t *)" },
	{ "msgsize", DF_SUBR, DIF_SUBR_MSGSIZE, 1, 1, "size_t",
	  "size_t (mblk_t *)" },
	{ "getmajor", DF_SUBR, DIF_SUBR_GETMAJOR, 1, 1, "major_t",
	  "major_t (dev_t)" },
	{ "getminor", DF_SUBR, DIF_SUBR_GETMINOR, 1, 1, "minor_t",
	  "minor_t (dev_t)" },
	{ "ddi_pathname", DF_SUBR, DIF_SUBR_DDI_PATHNAME, 2, 2, "string",
	  "string (void *, int64_t)" },
	{ "strjoin", DF_SUBR, DIF_SUBR_STRJOIN, 2, 2, "string",
	  "string (const char *, const char *)" },
	{ "lltostr", DF_SUBR, DIF_SUBR_LLTOSTR, 1, 2, "string",
	  "string (int64_t, [int])" },
	{ "basename", DF_SUBR, DIF_SUBR_BASENAME, 1, 1, "string",
	  "string (const char *)" },
	{ "dirname", DF_SUBR, DIF_SUBR_DIRNAME, 1, 1, "string",
	  "string (const char *)" },
	{ "cleanpath", DF_SUBR, DIF_SUBR_CLEANPATH, 1, 1, "string",
	  "string (const char *)" },
	{ "strchr", DF_SUBR, DIF_SUBR_STRCHR, 2, 2, "string",
	  "string (const char *, char)" },
	{ "strrchr", DF_SUBR, DIF_SUBR_STRRCHR, 2, 2, "string",
	  "string (const char *, char)" },
	{ "strstr", DF_SUBR, DIF_SUBR_STRSTR, 2, 2, "string",
	  "string (const char *, const char *)" },
	{ "strtok", DF_SUBR, DIF_SUBR_STRTOK, 2, 2, "string",
	  "string (const char *, const char *)" },
	{ "substr", DF_SUBR, DIF_SUBR_SUBSTR, 2, 3, "string",
	  "string (const char *, int, [int])" },
	{ "index", DF_SUBR, DIF_SUBR_INDEX, 2, 3, "int",
	  "int (const char *, const char *, [int])" },
	{ "rindex", DF_SUBR, DIF_SUBR_RINDEX, 2, 3, "int",
	  "int (const char *, const char *, [int])" },
	{ "htons", DF_SUBR, DIF_SUBR_HTONS, 1, 1, "uint16_t",
	  "uint16_t (uint16_t)" },
	{ "htonl", DF_SUBR, DIF_SUBR_HTONL, 1, 1, "uint32_t",
	  "uint32_t (uint32_t)" },
	{ "htonll", DF_SUBR, DIF_SUBR_HTONLL, 1, 1, "uint64_t",
	  "uint64_t (uint64_t)" },
	{ "ntohs", DF_SUBR, DIF_SUBR_NTOHS, 1, 1, "uint16_t",
	  "uint16_t (uint16_t)" },
	{ "ntohl", DF_SUBR, DIF_SUBR_NTOHL, 1, 1, "uint32_t",
	  "uint32_t (uint32_t)" },
	{ "ntohll", DF_SUBR, DIF_SUBR_NTOHLL, 1, 1, "uint64_t",
	  "uint64_t (uint64_t)" },
	{ "inet_ntop", DF_SUBR, DIF_SUBR_INET_NTOP, 2, 2, "string",
	  "string (int, void *)" },
	{ "inet_ntoa", DF_SUBR, DIF_SUBR_INET_NTOA, 1, 1, "string",
	  "string (ipaddr_t *)" },
	{ "inet_ntoa6", DF_SUBR, DIF_SUBR_INET_NTOA6, 1, 1, "string",
	  "string (in6_addr_t *)" },
	{ "toupper", DF_SUBR, DIF_SUBR_TOUPPER, 1, 1, "string",
	  "string (const char *)" },
	{ "tolower", DF_SUBR, DIF_SUBR_TOLOWER, 1, 1, "string",
	  "string (const char *)" },
	{ "getf", DF_SUBR, DIF_SUBR_GETF, 1, 1, "void *",
	  "file_t *(int)" },
	{ "strtoll", DF_SUBR, DIF_SUBR_STRTOLL, 1, 2, "int64_t",
	  "int64_t (const char *, [int])" },
	/* symbol formatting functions: values printed as symbols */
	{ "sym", DF_FMT, DT_FMT_SYM, 1, 1, "_symaddr", "_symaddr (uintptr_t)" },
	{ "func", DF_FMT, DT_FMT_SYM, 1, 1, "_symaddr", "_symaddr (uintptr_t)" },
	{ "mod", DF_FMT, DT_FMT_MOD, 1, 1, "_symaddr", "_symaddr (uintptr_t)" },
	{ "usym", DF_FMT, DT_FMT_USYM, 1, 1, "_usymaddr", "_usymaddr (uintptr_t)" },
	{ "ufunc", DF_FMT, DT_FMT_USYM, 1, 1, "_usymaddr", "_usymaddr (uintptr_t)" },
	{ "uaddr", DF_FMT, DT_FMT_USYM, 1, 1, "_usymaddr", "_usymaddr (uintptr_t)" },
	{ "umod", DF_FMT, DT_FMT_UMOD, 1, 1, "_usymaddr", "_usymaddr (uintptr_t)" },
};

const dt_func_t *dt_func_lookup(const char *name)
{
	size_t i;
	for (i = 0; i < sizeof(dt_funcs) / sizeof(dt_funcs[0]); i++)
		if (strcmp(dt_funcs[i].df_name, name) == 0)
			return &dt_funcs[i];
	return NULL;
}
