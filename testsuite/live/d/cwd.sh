# cwd: the current task's working directory, walked up through its dentries
# and across mounts (/tmp may be a mount of its own), for dtrace itself in
# BEGIN and for a trigger started in another directory.
. "$(dirname "$0")/lib.sh"
t=$(mktemp -d /tmp/dt-live-cwd.XXXXXX)
trap 'rm -rf "$t"; rm -f "$D"' EXIT
mkdir -p "$t/one/two" "$t/three"
t=$(cd "$t" && pwd -P)
script <<'D'
BEGIN { printf("B %s\n", cwd); }
syscall::getppid:entry /pid == $target && execname == "trig64"/ { printf("T %s\n", cwd); exit(0); }
D
printf 'cd %s/three && exec %s/trig64 getppid 1\n' "$t" "$TRIG" > "$t/run.sh"
(cd "$t/one/two" && timeout 20 $DTRACE -q -x backend=bpf -s "$D" \
	-c "sh $t/run.sh" < /dev/null 2>&1) |
	sed "s|$t|T|" | expect 3<<'X' || exit 1
B T/one/two
T T/three

X
