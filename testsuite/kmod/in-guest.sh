# Runs inside the qemu guest (as /test.sh): load, show, unload.
if insmod /dtracedrv.ko; then echo "KMOD-LOADED"; else echo "KMOD-LOAD-FAILED"; fi
cat /proc/dtrace/info
ls -l /dev/dtrace
rmmod dtracedrv && echo "KMOD-UNLOADED"
dmesg | grep dtracedrv
