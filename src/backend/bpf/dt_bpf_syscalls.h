/*
 * dt_bpf_syscalls.h - syscall number -> name, for the x64 and x32 ABIs.
 * The tables are generated at build time (gen-syscalls.sh) from the
 * installed uapi headers, into dt_bpf_syscalls.c in the build tree.
 */
#ifndef DT_BPF_SYSCALLS_H
#define DT_BPF_SYSCALLS_H

#include <stddef.h>

typedef struct dt_bpf_sysent {
	int se_nr;
	const char *se_name;
} dt_bpf_sysent_t;

extern const dt_bpf_sysent_t dt_bpf_sys_x64[], dt_bpf_sys_x32[];
extern const size_t dt_bpf_sys_x64_n, dt_bpf_sys_x32_n;

#endif /* DT_BPF_SYSCALLS_H */
