/*
 * bare-rawtp.c - the floor: an empty raw_tp program on sys_enter, attached
 * until stdin closes.  What any tracer's per-event cost is compared with.
 */
#include <stdio.h>
#include <unistd.h>
#include <linux/bpf.h>
#include <bpf/bpf.h>

int main(void)
{
	struct bpf_insn prog[2] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	char c;
	int fd, lfd;

	fd = bpf_prog_load(BPF_PROG_TYPE_RAW_TRACEPOINT, "bare", "GPL", prog,
			   2, NULL);
	lfd = fd < 0 ? -1 : bpf_raw_tracepoint_open("sys_enter", fd);
	if (lfd < 0) {
		perror("bare-rawtp");
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	while (read(0, &c, 1) > 0)
		;
	return 0;
}
