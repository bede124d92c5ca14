/*
 * dt_bpf_btf.h - structure member offsets from the running kernel's BTF
 * (dt_bpf_btf.c), for the files that compute their own offsets
 * (dt_bpf_str.c: cwd/rootdir).  The rest of dt_bpf_btf.c is declared in
 * dt_bpf_impl.h.
 */
#ifndef DT_BPF_BTF_H
#define DT_BPF_BTF_H

/*
 * Byte offset of member name in struct sname, looking into anonymous
 * members (dentry's d_name sits in a union); -1 if there is none or the
 * kernel has no BTF.
 */
int dt_bpf_btf_member(const char *sname, const char *name);

#endif /* DT_BPF_BTF_H */
