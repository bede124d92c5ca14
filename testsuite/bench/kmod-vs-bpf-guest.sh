# kmod-vs-bpf-guest.sh - in the qemu guest (busybox sh): per-call cost of
# getppid() bare, traced by dtracedrv (kmod backend) and by the BPF
# backend, with the same D clause; three runs each, median kept.
/bin/busybox --install -s /bin 2>/dev/null
export PATH=/bin:/sbin
mkdir -p /tmp
mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null
mount -t debugfs nodev /sys/kernel/debug 2>/dev/null
N=${N:-$(cat /n)}
insmod /dtracedrv.ko || echo "BENCH insmod failed"
med() { sort -n | sed -n 2p; }
run3() { for i in 1 2 3; do /loop $N; done | med; }
CL='syscall::getppid:entry /execname == "loop"/ { @n = count(); }'
bare=$(run3)
echo "BENCH bare $bare"
for be in kmod bpf; do
	/dtrace -x backend=$be -q -n "$CL" > /tmp/$be.out 2>&1 &
	dp=$!
	sleep 3
	t=$(run3)
	kill -INT $dp; wait $dp
	echo "BENCH $be $t"
	grep -q 'backend\|error\|failed' /tmp/$be.out && head -3 /tmp/$be.out
done
rmmod dtracedrv
