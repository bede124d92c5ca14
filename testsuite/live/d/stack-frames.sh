# stack()/ustack() on a syscall of a trigger whose own function makes the
# syscall: kernel frames name the syscall entry path, user frames the
# trigger's function and main (frame pointers), resolved through
# /proc/kallsyms and the ELF symbol tables; caller is the second kernel
# frame, stackdepth/ustackdepth count them, uregs[R_RIP] is the user pc.
. "$(dirname "$0")/lib.sh"
t=$(mktemp -d /tmp/dt-live-stack.XXXXXX)
trap 'rm -rf "$t"; rm -f "$D"' EXIT
cat > "$t/frames.c" <<'C'
#include <unistd.h>
#include <sys/syscall.h>
__attribute__((noinline)) long dt_live_frame(void)
{
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "0"((long)SYS_getppid)
			 : "rcx", "r11", "memory");
	return r;
}
int main(void)
{
	char c;

	if (read(0, &c, 1) < 0)
		return 2;
	dt_live_frame();
	/* exits at once: dtrace read its maps when it started it */
	return 0;
}
C
${CC:-gcc} -O0 -fno-omit-frame-pointer -o "$t/frames" "$t/frames.c" || exit 1
script <<'D'
syscall::getppid:entry
/pid == $target/
{
	printf("K");
	stack();
	printf("U");
	ustack();
	printf("C %a\n", caller);
	printf("D %d %d\n", stackdepth > 0, ustackdepth >= 2);
	printf("R ");
	trace(usym(uregs[17]));
	printf("\n");
	@[ustack(2)] = count();
}
D
timeout 20 $DTRACE -q -x backend=bpf -s "$D" -c "$t/frames" < /dev/null > "$t/out" 2>&1
cat "$t/out" > "$t/raw"
# frames without their offsets
sed 's/^ *//; s/+0x[0-9a-f]*$//' "$t/out" > "$t/f"
k2=$(awk '/^K$/ { getline; getline; print; exit }' "$t/f")
{
	grep -qx 'vmlinux`do_syscall_64' "$t/f" && echo "kernel do_syscall_64"
	grep -qx 'vmlinux`entry_SYSCALL_64_after_hwframe' "$t/f" &&
		echo "kernel entry_SYSCALL_64_after_hwframe"
	grep -qx 'frames`dt_live_frame' "$t/f" && echo "user dt_live_frame"
	grep -qx 'frames`main' "$t/f" && echo "user main"
	[ -n "$k2" ] && grep -qx "C $k2" "$t/f" && echo "caller = second frame"
	grep -x 'D [01] [01]' "$t/f"
	grep -x 'R frames`dt_live_frame' "$t/f"
	# the aggregation keyed by ustack(2): the same two frames, count 1
	awk '/^$/ { n = 0 } { print }' "$t/f" | grep -c '^frames`dt_live_frame$'
} | expect 3<<'X' || { cat "$t/raw"; exit 1; }
kernel do_syscall_64
kernel entry_SYSCALL_64_after_hwframe
user dt_live_frame
user main
caller = second frame
D 1 1
R frames`dt_live_frame
2
X
