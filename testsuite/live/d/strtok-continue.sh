# strtok(NULL, ...) goes on in the last string strtok() was given, also in
# a later clause and a later firing on the same CPU (the BPF backend keeps
# the position per CPU); the in-process VM's tuple copies lose it, so this
# is a BPF-only check.
. "$(dirname "$0")/lib.sh"
script <<'D'
BEGIN
{
	printf("%s\n", strtok("a,b;;c", ",;"));
	printf("%s\n", strtok((char *)0, ",;"));
}
BEGIN
{
	printf("%s\n", strtok((char *)0, ";"));
	printf("%s\n", strtok("x  y", " "));
	printf("%s\n", strtok((char *)0, " "));
	printf("%s\n", strtok(",,,z,w", ","));
	printf("%s\n", strtok((char *)0, "z"));
	exit(0);
}
D
timeout 20 $DTRACE -q -x backend=bpf -s "$D" < /dev/null 2>&1 | expect 3<<'X' || exit 1
a
b
c
x
y
z
w

X
