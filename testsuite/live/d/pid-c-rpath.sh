# pid provider with -c on a command whose library only its own RPATH /
# RUNPATH names (a temp folder): dtrace runs the command to its entry
# point, so the dynamic linker has mapped the library before the probes
# are matched; exact counts, the first call included.  Also: a -c command
# that does not exist is DTrace's error, exit 1.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d /tmp/dt-live-rpath.XXXXXX)
trap 'rm -rf "$W" "$D"' EXIT
CC=${CC:-gcc}
mkdir "$W/lib"
$CC -O1 -shared -fPIC -o "$W/lib/libdtrp.so" "$here/rpath-lib.c" || exit 1
# RUNPATH (the default) and old-style RPATH: ld.so reads both
$CC -O1 -o "$W/trig-runpath" "$here/rpath-trig.c" -L"$W/lib" -ldtrp \
	-Wl,-rpath,"$W/lib" -Wl,--enable-new-dtags || exit 1
$CC -O1 -o "$W/trig-rpath" "$here/rpath-trig.c" -L"$W/lib" -ldtrp \
	-Wl,-rpath,"$W/lib" -Wl,--disable-new-dtags || exit 1
for t in trig-runpath trig-rpath; do
	$DTRACE -q -x backend=bpf -n '
pid$target:libdtrp.so:dt_rp_add:entry { @e = count(); }
pid$target:libdtrp.so:dt_rp_add:return { @r = count(); }
pid$target::main:entry { @m = count(); }
END { printa("entry %@d\n", @e); printa("return %@d\n", @r);
      printa("main %@d\n", @m); }' -c "$W/$t 777" < /dev/null 2>&1 |
	expect 3<<'X' || { echo "($t)"; exit 1; }
entry 777
return 777
main 1

X
done
# the library's probes are named by its base name
$DTRACE -q -x backend=bpf -n 'pid$target:libdtrp.so:dt_rp_*:entry {
	printf("%s:%s:%s\n", probemod, probefunc, probename); }' \
	-c "$W/trig-rpath 1" < /dev/null 2>&1 | expect 3<<'X' || exit 1
libdtrp.so:dt_rp_add:entry

X
# no such command: DTrace's message, exit 1, nothing traced
$DTRACE -x backend=bpf -n 'BEGIN { trace(1); }' -c "$W/no-such-cmd" \
	< /dev/null > "$D" 2>&1
echo "status $?" >> "$D"
sed "s|$W|W|" "$D" | expect 3<<'X' || exit 1
dtrace: failed to execute W/no-such-cmd: No such file or directory
status 1
X
