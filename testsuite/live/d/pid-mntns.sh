# a target in another mount namespace (as in a container): its objects are
# opened and probed through /proc/PID/root.  Here the trigger's path
# names another file (a copy of true) outside the target's namespace.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
dir=$(mktemp -d /tmp/dt-live-ns.XXXXXX)
cp "$UT" "$dir/real"
cp /bin/true "$dir/trig"
mkfifo "$dir/go"
unshare -m sh -c "mount --bind '$dir/real' '$dir/trig' && exec '$dir/trig' 1000 wait < '$dir/go'" &
exec 3> "$dir/go"
n=0
while ! tp=$(pgrep -f "^$dir/trig 1000"); do
	n=$((n + 1))
	[ $n -gt 50 ] && { echo "no target"; exit 1; }
	sleep 0.1
done
$DTRACE -q -x backend=bpf -n 'pid$target::dt_trig_add:entry { @[probemod] = count(); } dttest$target:::done { exit(0); } END { printa("%s %@d\n", @); }' \
	-p "$tp" > "$D" 2>&1 &
dp=$!
UMAP=$dir/trig wait_armed $tp $(sym_addr dt_trig_add) $(usdt_addr done) ||
	echo "uprobes never appeared"
echo x >&3
exec 3>&-
wait $dp
wait
rm -rf "$dir"
expect < "$D" 3<<'X'
trig 1000

X
