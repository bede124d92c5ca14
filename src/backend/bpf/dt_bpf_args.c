/*
 * dt_bpf_args.c - how a clause reads arg0..arg9 on each kind of attach
 * point: the saved user registers of a syscall (per ABI), the return value,
 * the sampled PC of a perf event, a raw tracepoint's arguments, and the
 * error record for ERROR clauses.
 */
#include "dt_bpf_xl.h"

/* R1..R5 clobbered; result in R0 */
static void sys_arg(xl_t *x, int n)
{
	static const int x64[6] = { 112, 104, 96, 56, 72, 64 };
	static const int ia32[6] = { 40, 88, 96, 104, 112, 32 };

	if (n > 5) {
		E(MOV_I(R0, 0));
		return;
	}
	E(LDX(BPF_DW, R3, R6, 0)); /* struct pt_regs * */
	if (x->abi == DT_BPF_ABI_X64) {
		E(ALU_I(BPF_ADD, R3, x64[n]));
	} else if (x->abi == DT_BPF_ABI_X32) {
		E(ALU_I(BPF_ADD, R3, ia32[n]));
	} else {
		E(LDX(BPF_DW, R1, FP, SL_ABI));
		E(J_I(BPF_JNE, R1, 0, 2));
		E(ALU_I(BPF_ADD, R3, x64[n]));
		E(JA(1));
		E(ALU_I(BPF_ADD, R3, ia32[n]));
	}
	E(MOV_R(R1, FP));
	E(ALU_I(BPF_ADD, R1, SL_TMP));
	E(MOV_I(R2, 8));
	E(CALL(BPF_FUNC_probe_read_kernel));
	E(LDX(BPF_DW, R0, FP, SL_TMP));
}

/* argument n of the current context into R0 */
void dt_bpf_xl_arg(xl_t *x, int n)
{
	switch (x->in_error ? DT_BPF_CTX_DTRACE + 100 : x->ctx) {
	case DT_BPF_CTX_DTRACE + 100: {
		/* ERROR: arg1 epid, arg2 action, arg3 offset, arg4 fault,
		 * arg5 address, from the error record */
		uint32_t e = x->lay->sc_err + 8 + sizeof(dt_rechdr_t);

		switch (n) {
		case 1: E(LDX(BPF_W, R0, R7, e + 0)); break;
		case 2: E(LDX(BPF_W, R0, R7, e + 4)); break;
		case 3: E(LDX(BPF_W, R0, R7, e + 8)); break;
		case 4: E(LDX(BPF_W, R0, R7, e + 12)); break;
		case 5: E(LDX(BPF_DW, R0, R7, e + 16)); break;
		default: E(MOV_I(R0, 0)); break;
		}
		return;
	}
	case DT_BPF_CTX_SYSENTER:
		sys_arg(x, n);
		return;
	case DT_BPF_CTX_SYSEXIT:
		/* arg0 and arg1: the return value */
		if (n <= 1)
			E(LDX(BPF_DW, R0, FP, SL_RET));
		else
			E(MOV_I(R0, 0));
		return;
	case DT_BPF_CTX_PERF:
		/* arg0: kernel pc (0 in user mode), arg1: user pc */
		if (n > 1) {
			E(MOV_I(R0, 0));
			return;
		}
		E(LDX(BPF_DW, R0, R6, 128)); /* regs.ip */
		E(LDX(BPF_DW, R1, R6, 136)); /* regs.cs */
		E(ALU_I(BPF_AND, R1, 3));
		if (n == 0)
			E(J_I(BPF_JEQ, R1, 0, 1));
		else
			E(J_I(BPF_JNE, R1, 0, 1));
		E(MOV_I(R0, 0));
		return;
	case DT_BPF_CTX_RAWTP: {
		const dt_bpf_inst_t *in = x->inst;
		int nargs = in->in_key != NULL ? (int)in->in_key[0] : 0;

		if (n < nargs)
			E(LDX(BPF_DW, R0, R6, (int16_t)(8 * n)));
		else
			E(MOV_I(R0, 0));
		return;
	}
	case DT_BPF_CTX_FENTRY: case DT_BPF_CTX_FEXIT:
	case DT_BPF_CTX_KPROBE: case DT_BPF_CTX_KRETPROBE:
		dt_bpf_fbt_arg(x, n);
		return;
	case DT_BPF_CTX_UPROBE: case DT_BPF_CTX_URETPROBE:
		dt_bpf_pid_arg(x, n);
		return;
	default:
		E(MOV_I(R0, 0));
	}
}

