/*
 * x86len-check.c - prints the address of every instruction the pid
 * provider's decoder (src/backend/bpf/dt_bpf_x86len.c) finds in each
 * function of an ELF file, walking from the function's start; "FAIL addr
 * name" where it cannot decode.  d/pid-x86len.sh compares the addresses
 * with objdump's.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "dt_bpf_uprobe.h"

int main(int argc, char **argv)
{
	dt_elf_obj_t o;
	size_t k;
	int fd;

	if (argc != 2 || dt_elf_open(argv[1], &o) != 0)
		return 2;
	fd = open(argv[1], O_RDONLY);
	if (fd < 0)
		return 2;
	for (k = 0; k < o.eo_nfuncs; k++) {
		const dt_elf_func_t *f = &o.eo_funcs[k];
		uint64_t off = dt_elf_off(&o, f->ef_vaddr), at = 0;
		uint8_t *b;

		if (off == (uint64_t)-1 || f->ef_size == 0 ||
		    f->ef_size > (1u << 20))
			continue;
		b = malloc(f->ef_size);
		if (b == NULL || pread(fd, b, f->ef_size, (off_t)off) !=
					 (ssize_t)f->ef_size) {
			free(b);
			continue;
		}
		while (at < f->ef_size) {
			int l = dt_x86_insn_len(b + at, f->ef_size - at,
						o.eo_is64);

			if (l <= 0) {
				printf("FAIL %llx %s\n",
				       (unsigned long long)(f->ef_vaddr + at),
				       f->ef_name);
				break;
			}
			printf("%llx\n", (unsigned long long)(f->ef_vaddr + at));
			at += (uint64_t)l;
		}
		free(b);
	}
	close(fd);
	dt_elf_close(&o);
	return 0;
}
