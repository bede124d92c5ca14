/*
 * dif.h - the DIF instruction set: the contract between the D compiler and
 * every backend (in-process executor, kernel module, BPF translator).
 *
 * Design rules (see doc/ARCHITECTURE.md):
 *  - register machine, DIF_NREGS 64-bit registers, %r0 always reads 0;
 *  - branches go forward only (target > pc), so every program terminates;
 *  - every load from D-visible memory is checked; a bad address is a
 *    DTrace runtime error (DIF_FAULT_BADADDR), never a crash;
 *  - one op per variable class (global, thread-local, clause-local,
 *    associative), keys of associative arrays and subroutine arguments go
 *    through the tuple stack;
 *  - a clause is ONE DIFO: predicate then actions; record data is written
 *    by REC into slots the compiler laid out statically.
 *
 * Encoding: one 64-bit word per instruction.
 *
 *   63            32 31    24 23    16 15     8 7      0
 *  +----------------+--------+--------+--------+--------+
 *  |     imm32      |   r2   |   r1   |   rd   |   op   |
 *  +----------------+--------+--------+--------+--------+
 *
 * imm32 is read signed (DIF_INSTR_IMM) or unsigned (DIF_INSTR_UIMM) as the
 * op requires.  A "DIF offset" in error messages is pc * 8 (a byte offset).
 */
#ifndef DIF_H
#define DIF_H

#include "dt_port.h"

typedef uint64_t dif_instr_t;

#define DIF_NREGS 16 /* %r0..%r15; %r0 is hard-wired to zero */
#define DIF_TUPLE_MAX 10 /* deepest tuple stack: keys and subr arguments */

#define DIF_INSTR_OP(i) ((unsigned)((i) & 0xff))
#define DIF_INSTR_RD(i) ((unsigned)(((i) >> 8) & 0xff))
#define DIF_INSTR_R1(i) ((unsigned)(((i) >> 16) & 0xff))
#define DIF_INSTR_R2(i) ((unsigned)(((i) >> 24) & 0xff))
#define DIF_INSTR_IMM(i) ((int32_t)(uint32_t)((i) >> 32))
#define DIF_INSTR_UIMM(i) ((uint32_t)((i) >> 32))
#define DIF_INSTR(op, rd, r1, r2, imm)                                          \
	((dif_instr_t)(op) | ((dif_instr_t)(rd) << 8) |                        \
	 ((dif_instr_t)(r1) << 16) | ((dif_instr_t)(r2) << 24) |               \
	 ((dif_instr_t)(uint32_t)(imm) << 32))

/*
 * Opcodes.  "rd = r1 op r2" unless stated.  The numbering is part of the
 * kernel ABI (programs cross /dev/dtrace): append, never renumber.
 */
enum dif_op {
	DIF_OP_NOP = 0,

	/* arithmetic and logic; division by zero faults DIF_FAULT_DIVZERO */
	DIF_OP_ADD,
	DIF_OP_SUB,
	DIF_OP_MUL,
	DIF_OP_SDIV, /* C semantics: truncates toward zero */
	DIF_OP_UDIV,
	DIF_OP_SREM, /* sign of the result follows the dividend, as in C */
	DIF_OP_UREM,
	DIF_OP_AND,
	DIF_OP_OR,
	DIF_OP_XOR,
	DIF_OP_SHL, /* shift count taken modulo 64 */
	DIF_OP_SRL, /* logical right shift */
	DIF_OP_SRA, /* arithmetic right shift */
	DIF_OP_NOT, /* rd = ~r1 */
	DIF_OP_MOV, /* rd = r1 */
	DIF_OP_SEXT, /* rd = r1 sign-extended from imm bits (8,16,32) */
	DIF_OP_ZEXT, /* rd = r1 truncated to imm bits (8,16,32), zero-extended */

	/* constants */
	DIF_OP_LDI, /* rd = (int64_t)imm */
	DIF_OP_SETX, /* rd = inttab[uimm] */
	DIF_OP_SETS, /* rd = address of strtab + uimm (a NUL-terminated string) */

	/* branches: if (r1 cond r2) pc = uimm; uimm must be > pc */
	DIF_OP_BA, /* always */
	DIF_OP_BEQ,
	DIF_OP_BNE,
	DIF_OP_BLT, /* signed */
	DIF_OP_BLE,
	DIF_OP_BGT,
	DIF_OP_BGE,
	DIF_OP_BLTU, /* unsigned */
	DIF_OP_BLEU,
	DIF_OP_BGTU,
	DIF_OP_BGEU,

	/* rd = strcmp(r1, r2) as -1/0/1, bounded by the strsize option;
	 * a bad string address faults */
	DIF_OP_SCMP,

	/* checked loads: rd = *(T *)(r1 + imm) */
	DIF_OP_LDSB,
	DIF_OP_LDSH,
	DIF_OP_LDSW,
	DIF_OP_LDUB,
	DIF_OP_LDUH,
	DIF_OP_LDUW,
	DIF_OP_LDX,

	/* stores, only into scratch memory (alloca, copyin buffers):
	 * *(T *)(rd + imm) = r1; outside scratch faults DIF_FAULT_BADADDR */
	DIF_OP_STB,
	DIF_OP_STH,
	DIF_OP_STW,
	DIF_OP_STX,

	/* variables; uimm is the variable id (dif_var_t in the program) */
	DIF_OP_LDGV, /* rd = global scalar (by-ref types: rd = its address) */
	DIF_OP_STGV, /* global scalar = r1 (by-ref types: copy from r1) */
	DIF_OP_LDTV, /* self->var */
	DIF_OP_STTV,
	DIF_OP_LDLV, /* this->var */
	DIF_OP_STLV,
	DIF_OP_LDGA, /* rd = global associative array [tuple stack] */
	DIF_OP_STGA, /* global associative array [tuple stack] = r1 */
	DIF_OP_LDTA, /* self->array [tuple stack] */
	DIF_OP_STTA,

	/* tuple stack */
	DIF_OP_PUSHTV, /* push integer value r1 */
	DIF_OP_PUSHTS, /* push string at address r1 (copied, strsize bound) */
	DIF_OP_PUSHTR, /* push uimm bytes of memory at r1 (structs) */
	DIF_OP_POPTS, /* drop the top entry */
	DIF_OP_FLUSHTS, /* empty the stack */

	/* rd = subr[uimm](tuple stack); the call empties the stack */
	DIF_OP_CALL,

	/* data recording: copy r1 into record slot uimm of this clause
	 * (the slot says offset, size, and whether r1 is a value or an
	 * address to copy from) */
	DIF_OP_REC,

	/* aggregating: aggregation uimm, keys on the tuple stack, value r1,
	 * second argument (quantize increment / weight) r2 */
	DIF_OP_AGG,

	/* speculation: record the rest of this clause into speculation r1 */
	DIF_OP_SPEC,
	DIF_OP_COMMIT, /* commit speculation r1 */
	DIF_OP_DISCARD, /* discard speculation r1 */

	/* scratch: rd = pointer to r1 fresh zeroed bytes (alloca) */
	DIF_OP_ALLOCS,
	/* copy uimm bytes from r1 (checked) to rd (scratch) */
	DIF_OP_COPYS,

	/* end of clause: r1 is the result (predicates: 0 means false);
	 * for a clause, RET commits the record; predicate-false clauses
	 * branch to a RET placed before any REC executed */
	DIF_OP_RET,

	/* stop this clause without recording anything (predicate false) */
	DIF_OP_DROP,

	DIF_OP_MAX
};

/* faults: what a runtime error reports (message text in libdtrace) */
enum dif_fault {
	DIF_FAULT_NONE = 0,
	DIF_FAULT_BADADDR, /* invalid address (0x...) */
	DIF_FAULT_BADALIGN, /* invalid alignment (0x...) */
	DIF_FAULT_ILLOP, /* illegal operation */
	DIF_FAULT_DIVZERO, /* divide-by-zero */
	DIF_FAULT_NOSCRATCH, /* out of scratch space */
	DIF_FAULT_KPRIV, /* invalid kernel access */
	DIF_FAULT_UPRIV, /* invalid user access */
	DIF_FAULT_TUPOFLOW, /* tuple stack overflow */
	DIF_FAULT_BADSTACK, /* bad stack */
	DIF_FAULT_NODYNVAR, /* dynamic variable space exhausted (a drop) */
	DIF_FAULT_MAX
};

/*
 * Built-in variables: ids below DIF_VAR_USER_BASE.  LDGV of a built-in
 * asks the backend; for ARGS the index is on the tuple stack.
 */
enum dif_builtin {
	DIF_VAR_ARGS = 0, /* args[] (typed), index on tuple stack */
	DIF_VAR_ARG0, /* arg0 .. arg9 are consecutive */
	DIF_VAR_ARG9 = DIF_VAR_ARG0 + 9,
	DIF_VAR_TIMESTAMP,
	DIF_VAR_VTIMESTAMP,
	DIF_VAR_WALLTIMESTAMP,
	DIF_VAR_PID,
	DIF_VAR_PPID,
	DIF_VAR_TID,
	DIF_VAR_UID,
	DIF_VAR_GID,
	DIF_VAR_EXECNAME, /* string */
	DIF_VAR_PROBEPROV, /* strings */
	DIF_VAR_PROBEMOD,
	DIF_VAR_PROBEFUNC,
	DIF_VAR_PROBENAME,
	DIF_VAR_CPU,
	DIF_VAR_ID, /* probe id */
	DIF_VAR_EPID,
	DIF_VAR_ERRNO,
	DIF_VAR_CURTHREAD,
	DIF_VAR_CALLER,
	DIF_VAR_UCALLER,
	DIF_VAR_STACKDEPTH,
	DIF_VAR_USTACKDEPTH,
	DIF_VAR_IPL,
	DIF_VAR_UREGS, /* uregs[], index on tuple stack */
	DIF_VAR_ZONENAME, /* string */
	DIF_VAR_CWD, /* string */
	DIF_VAR_ROOTDIR, /* string */
	DIF_VAR_CURCPU,
	DIF_VAR_BUILTIN_MAX,

	DIF_VAR_USER_BASE = 0x100 /* first id the compiler gives a variable */
};

/*
 * Subroutines, called by number.  Arguments are on the tuple stack in
 * source order.  Strings returned live in scratch space.
 */
enum dif_subr {
	DIF_SUBR_RAND = 0,
	DIF_SUBR_MUTEX_OWNED,
	DIF_SUBR_MUTEX_OWNER,
	DIF_SUBR_MUTEX_TYPE_ADAPTIVE,
	DIF_SUBR_MUTEX_TYPE_SPIN,
	DIF_SUBR_RW_READ_HELD,
	DIF_SUBR_RW_WRITE_HELD,
	DIF_SUBR_RW_ISWRITER,
	DIF_SUBR_COPYIN, /* copyin(uaddr, size) -> scratch pointer */
	DIF_SUBR_COPYINSTR, /* copyinstr(uaddr [, maxlen]) -> string */
	DIF_SUBR_SPECULATION, /* -> new speculation id, 0 if none free */
	DIF_SUBR_PROGENYOF,
	DIF_SUBR_STRLEN,
	DIF_SUBR_COPYOUT,
	DIF_SUBR_COPYOUTSTR,
	DIF_SUBR_ALLOCA,
	DIF_SUBR_BCOPY, /* bcopy(src, dst-in-scratch, size) */
	DIF_SUBR_COPYINTO, /* copyinto(uaddr, size, dst-in-scratch) */
	DIF_SUBR_MSGDSIZE,
	DIF_SUBR_MSGSIZE,
	DIF_SUBR_GETMAJOR,
	DIF_SUBR_GETMINOR,
	DIF_SUBR_DDI_PATHNAME,
	DIF_SUBR_STRJOIN,
	DIF_SUBR_LLTOSTR, /* lltostr(v [, base]) */
	DIF_SUBR_BASENAME,
	DIF_SUBR_DIRNAME,
	DIF_SUBR_CLEANPATH,
	DIF_SUBR_STRCHR,
	DIF_SUBR_STRRCHR,
	DIF_SUBR_STRSTR,
	DIF_SUBR_STRTOK,
	DIF_SUBR_SUBSTR, /* substr(s, index [, length]) */
	DIF_SUBR_INDEX, /* index(s, sub [, start]) */
	DIF_SUBR_RINDEX,
	DIF_SUBR_HTONS,
	DIF_SUBR_HTONL,
	DIF_SUBR_HTONLL,
	DIF_SUBR_NTOHS,
	DIF_SUBR_NTOHL,
	DIF_SUBR_NTOHLL,
	DIF_SUBR_INET_NTOP, /* inet_ntop(af, addr) */
	DIF_SUBR_INET_NTOA,
	DIF_SUBR_INET_NTOA6,
	DIF_SUBR_TOUPPER,
	DIF_SUBR_TOLOWER,
	DIF_SUBR_GETF,
	DIF_SUBR_STRTOLL,
	DIF_SUBR_RAISE_UNUSED, /* raise() is an action, kept for numbering */
	DIF_SUBR_MAX
};

/* how a variable is stored (dif_var_t.dv_kind) */
enum dif_var_scope {
	DIF_SCOPE_GLOBAL = 0,
	DIF_SCOPE_THREAD, /* self-> */
	DIF_SCOPE_LOCAL /* this-> */
};

/*
 * A type as the VM needs it: an integer of 1/2/4/8 bytes (signed or not),
 * or a by-reference object of dt_size bytes (string, struct, array) whose
 * value in a register is its address.
 */
typedef struct dif_type {
	uint32_t dt_size; /* bytes; strings: the strsize in force */
	uint8_t dt_byref; /* 1: register holds an address */
	uint8_t dt_string; /* 1: NUL-terminated string semantics */
	uint8_t dt_signed; /* integers: signed */
	uint8_t dt_pad;
} dif_type_t;

/* a variable of the program */
typedef struct dif_var {
	uint32_t dv_id; /* >= DIF_VAR_USER_BASE */
	uint8_t dv_scope; /* enum dif_var_scope */
	uint8_t dv_assoc; /* 1: associative array (keys on tuple stack) */
	uint16_t dv_nkeys; /* associative: number of keys */
	dif_type_t dv_type; /* the value type */
	uint32_t dv_offset; /* globals/locals: byte offset in their area */
	uint32_t dv_keysize; /* associative: bytes of the packed key */
	uint32_t dv_name; /* offset of the name in the program strtab */
} dif_var_t;

/* a record slot written by DIF_OP_REC */
typedef struct dif_recslot {
	uint32_t rs_offset; /* from the start of the record data */
	uint32_t rs_size; /* bytes */
	uint8_t rs_byref; /* 1: copy rs_size bytes from the address in r1 */
	uint8_t rs_string; /* 1: a string: copy up to NUL, pad with zeroes */
	uint8_t rs_user; /* 1: by-ref from user space (tracemem of copyin) */
	uint8_t rs_pad;
} dif_recslot_t;

/* a compiled DIF object: one predicate+clause, or one constant expression */
typedef struct difo {
	const dif_instr_t *dtdo_buf;
	uint32_t dtdo_len; /* instructions */
	const uint64_t *dtdo_inttab;
	uint32_t dtdo_intlen;
	const char *dtdo_strtab; /* NUL-separated strings */
	uint32_t dtdo_strlen; /* bytes */
	const dif_recslot_t *dtdo_slots;
	uint32_t dtdo_nslots;
	uint32_t dtdo_recsize; /* bytes of record data this clause writes */
	/*
	 * Action boundaries: dtdo_actpc[k] is the first pc of the (k+1)th
	 * statement, so a fault at pc is reported "in action #K".
	 */
	const uint32_t *dtdo_actpc;
	uint32_t dtdo_nacts;
	dif_type_t dtdo_rtype; /* type of the value RET returns */
} difo_t;

/* name of an opcode for the disassembler (NULL if out of range) */
const char *dif_op_name(unsigned op);
const char *dif_subr_name(unsigned subr);
const char *dif_var_name(unsigned id);

#endif /* DIF_H */
